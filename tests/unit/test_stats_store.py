"""The Progress queries: aggregates from SQL, checked on small histories written through the
Store; and the plain pieces Progress is drawn with (self-test tries, trend lines, calendar)."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from neurocoach.coach.norms import MAX_SECONDS, SelfTest
from neurocoach.coach.stats import DONE, MISSED, REST, Tally
from neurocoach.domain.models import Checkin, Entry, Step
from neurocoach.store import Store
from neurocoach.tui.widgets.calendar import calendar_markup
from neurocoach.tui.widgets.trend import trend_line

MON = dt.date(2026, 11, 23)
NOW = dt.datetime(2026, 11, 23, 9, tzinfo=dt.timezone.utc)


def d(back: int) -> dt.date:
    return MON - dt.timedelta(days=back)


def session(store: Store, day: dt.date, statuses: list[str], steps: list[Step] | None = None,
            **logged) -> int:
    steps = steps or [Step("walking", minutes=10)] * len(statuses)
    record = store.start_session(day, steps, NOW)
    for i, status in enumerate(statuses):
        store.log_entry(record.id, Entry(i, steps[i].exercise_id, status,
                                         **(logged if status == "done" else {})))
    return record.id


def test_first_activity_day_is_the_first_session_or_check_in(store):
    assert store.first_activity_day() is None
    session(store, d(3), ["done"])
    store.record_checkin(Checkin(day=d(5), pain=2), NOW)
    assert store.first_activity_day() == d(5)


def test_trained_days_and_shares(store):
    session(store, d(5), ["done", "done", "skipped", "skipped"])
    session(store, d(5), ["done", "skipped"])          # a second go the same day
    session(store, d(4), ["skipped", "skipped"])       # nothing done: not trained
    session(store, d(3), ["done", "done"])
    session(store, d(40), ["done"])
    assert store.all_trained_days() == {d(5), d(3), d(40)}
    assert store.day_shares(d(10), MON) == {d(5): 0.75, d(3): 1.0}


def test_work_tallies_per_week_and_ever(store):
    hold = [Step("calf-stretch", side="left", seconds=30, sets=2),
            Step("towel-curls", reps=10, sets=2)]
    first_monday = d(14)
    sid = session(store, d(14), ["done"], steps=hold[:1], seconds=30)   # week 0
    store.log_entry(sid, Entry(1, "towel-curls", "done", reps=12))
    session(store, d(1), ["done", "done"], seconds=600)                 # week 1 (Sunday)
    session(store, MON, ["done", "skipped"], seconds=540)               # week 2
    session(store, d(30), ["done"], seconds=300)                        # before: ignored
    rows = sorted(store.weekly_exercise_tallies(first_monday, 3))
    assert rows == [
        (0, "calf-stretch", 1, 1, 30, 0, 0),
        (0, "towel-curls", 1, 0, 0, 1, 12),
        (1, "walking", 2, 2, 1200, 0, 0),
        (2, "walking", 1, 1, 540, 0, 0),
    ]
    ever = {ex: Tally(*rest) for ex, *rest in store.exercise_tallies()}
    assert ever["walking"] == Tally(steps=4, timed=4, seconds=2040, counted=0, reps=0)
    assert store.session_count() == (4, d(30))


def test_symptom_queries(store):
    store.record_checkin(Checkin(day=d(9), pain=6, numbness=None), NOW)
    store.record_checkin(Checkin(day=d(8), pain=4, numbness=2), NOW)
    store.record_checkin(Checkin(day=d(2), pain=2, numbness=None, burning=5), NOW)
    assert store.symptom_latest() == {"pain": (d(2), 2), "numbness": (d(8), 2),
                                      "tingling": None, "burning": (d(2), 5)}
    assert store.symptom_first_days() == {"pain": d(9), "numbness": d(8), "tingling": None,
                                          "burning": d(2)}
    assert store.symptom_average("pain", d(9), d(8)) == 5
    assert store.symptom_average("tingling", d(9), MON) is None
    buckets = store.symptom_buckets(d(9), MON, 3)     # buckets of 3 days from d(9)
    assert buckets["pain"] == {0: 5.0, 2: 2.0}
    assert buckets["numbness"] == {0: 2.0}
    assert buckets["tingling"] == {}
    with pytest.raises(ValueError):
        store.symptom_average("pain; DROP TABLE checkins", d(9), MON)


def test_balance_tests_best_per_day_and_side(store):
    assert store.balance_history() == [] and store.first_balance_test() is None
    store.record_balance_test(d(14), {"left": 10.04, "right": 12.0}, NOW)
    store.record_balance_test(d(7), {"left": 11.0}, NOW)
    store.record_balance_test(d(7), {"left": 13.0}, NOW)          # tested twice that day
    store.record_balance_test(MON, {}, NOW)                       # nothing: nothing written
    assert store.balance_history() == [(d(14), {"left": 10.0, "right": 12.0}),
                                       (d(7), {"left": 13.0})]
    assert store.balance_history(limit=1) == [(d(7), {"left": 13.0})]
    assert store.first_balance_test() == (d(14), {"left": 10.0, "right": 12.0})
    rows = list(store.db.query("SELECT day, side, seconds FROM balance_tests ORDER BY id"))
    assert rows[0] == {"day": "2026-11-09", "side": "left", "seconds": 10.0}


def test_data_stamp_moves_on_any_write_from_either_connection(store, db_path):
    before = store.data_stamp()
    assert store.data_stamp() == before
    store.record_checkin(Checkin(day=MON, pain=1), NOW)
    after_own = store.data_stamp()
    assert after_own != before
    other = Store.open(db_path)
    other.record_balance_test(MON, {"left": 5.0}, NOW)
    other.close()
    assert store.data_stamp() != after_own


def test_balance_save_failure_is_a_store_error(store, monkeypatch):
    from neurocoach.store import StoreError

    class Broken:
        def __enter__(self):
            raise sqlite3.OperationalError("disk I/O error")

        def __exit__(self, *exc):
            return False

    monkeypatch.setattr(type(store), "conn", property(lambda self: Broken()))
    with pytest.raises(StoreError, match="could not save"):
        store.record_balance_test(MON, {"left": 5.0}, NOW)


# -- the self-test's tries -------------------------------------------------------------
def test_self_test_left_then_right_best_of_three():
    test = SelfTest()
    for seconds in (5.04, 8.0, 7.0):
        test.record(seconds)
    assert test.side == "right" and test.tries["left"] == [5.0, 8.0, 7.0]
    test.record(100)                                  # capped at the limit
    assert test.tries["right"] == [MAX_SECONDS]
    test.record(3)
    test.record(4)
    assert test.finished and test.best() == {"left": 8.0, "right": MAX_SECONDS}
    test.record(9)                                    # full: ignored
    assert test.tries["right"] == [MAX_SECONDS, 3, 4]


def test_self_test_undo_goes_back_across_sides():
    test = SelfTest()
    assert not test.undo()
    for seconds in (1, 2, 3):
        test.record(seconds)
    assert test.side == "right"
    assert test.undo()                                # right has none: the left's last
    assert test.side == "left" and test.tries["left"] == [1, 2]
    assert test.best() == {"left": 2}


def test_self_test_choosing_the_side_first():
    test = SelfTest()
    test.side = "right"
    for seconds in (1, 2, 3):
        test.record(seconds)
    assert test.side == "left" and test.best() == {"right": 3}


# -- trend lines and the calendar ------------------------------------------------------
def test_trend_line_fixed_scale_and_gaps():
    assert trend_line([0, 5, 10, None, 12, -1]) == "▁▅█ █▁"
    assert trend_line([]) == ""
    assert trend_line([3.0], top=0) == "█"


def test_calendar_markup_plain_text_reads_without_colour():
    first_monday = MON - dt.timedelta(weeks=1)
    states = {first_monday: DONE, first_monday + dt.timedelta(days=1): MISSED,
              first_monday + dt.timedelta(days=2): REST}
    lines = calendar_markup(states, first_monday, 2, MON).splitlines()
    assert lines[0].strip() == "Nov"
    assert lines[1].startswith("Mon [$success]● [/][reverse]") and "●" in lines[1]
    assert "×" in lines[2] and "-" in lines[3]
    assert len(lines) == 8
    narrow = calendar_markup(states, first_monday, 2, MON, shown=1).splitlines()
    assert "●" not in narrow[1]          # only this week fits
