"""The longest streak from a checkpoint kept in the store (issue 17: Progress at thirty
years walked every day ever trained at each opening). It must always be the streak a walk
of every day gives, whatever the history, the day, the rest days, and a step logged late
in an old session; and a read after the first walks only the days since the checkpoint."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest

from neurocoach.coach.plan import Plan
from neurocoach.coach.stats import SKIPS_PER_MONTH, day_states, streaks
from neurocoach.domain.models import Checkin, Entry, Profile, Step
from neurocoach.services.adherence import (
    keep_streak_checkpoint, streak_now, training_rest_days,
)
from neurocoach.services.plan import save_plan, save_profile
from neurocoach.services.progress import load_adherence
from neurocoach.store import Store

FIRST = dt.date(2022, 1, 3)
AT = dt.datetime(2022, 1, 1, 9, tzinfo=dt.timezone.utc)


def walked_in_full(store, today: dt.date):
    """The streaks from every day since the first, as before the checkpoint."""
    start = store.first_activity_day()
    states = day_states(start, today, today, dict.fromkeys(store.all_trained_days(), 1.0),
                        training_rest_days(store.profile()), start, SKIPS_PER_MONTH)
    return streaks(states, today)


def history(store, until: dt.date, seed: int = 17) -> list[int]:
    """Runs and gaps from FIRST to `until`; the ids of the sessions made."""
    rng = random.Random(seed)
    store.save_profile(Profile(days_per_week=5, rest_days=(2, 6)), AT)
    store.record_checkin(Checkin(day=FIRST, pain=3, feet="ok"), AT)
    day, ids = FIRST + dt.timedelta(days=1), []
    with store.fast_writes():
        while day < until:
            for _ in range(rng.choice((3, 10, 40, 120, 300))):
                if rng.random() < 0.9:
                    record = store.start_session(day, [Step("walking", minutes=10)], AT)
                    store.log_entry(record.id, Entry(0, "walking", "done", seconds=600))
                    ids.append(record.id)
                day += dt.timedelta(days=1)
            day += dt.timedelta(days=rng.choice((1, 2, 3, 9, 30)))
    return ids


def test_the_kept_streak_is_always_the_walked_one(store):
    ids = history(store, dt.date(2026, 12, 31))
    days = [FIRST + dt.timedelta(days=n) for n in range(0, 5 * 365, 11)]
    seen = []
    for n, today in enumerate(days):
        if n % 3:  # a write that day (a check-in) keeps the checkpoint; some days have none
            keep_streak_checkpoint(store, today)
        seen.append((today, streak_now(store, today), load_adherence(store, today).streaks,
                     walked_in_full(store, today)))
    assert [s for s in seen if not s[1] == s[2] == s[3]] == []
    assert max(full.longest for *_, full in seen) > 200
    assert store.conn.execute("SELECT count(*) FROM streak_checkpoint").fetchone()[0] == 1

    # A step logged late in an old session (a day before the checkpoint) is counted.
    today = dt.date(2026, 6, 1)
    keep_streak_checkpoint(store, today)
    through = store.conn.execute("SELECT through FROM streak_checkpoint").fetchone()[0]
    old = [i for i in ids if store.session(i).day.isoformat() <= through]
    store.undo_entry(old[len(old) // 2], 0)
    assert store.conn.execute("SELECT count(*) FROM streak_checkpoint").fetchone()[0] == 0
    assert streak_now(store, today) == walked_in_full(store, today)

    # Other rest days: another walk, the same figure as walking every day.
    store.save_profile(Profile(days_per_week=4, rest_days=(0, 3, 6)), AT)
    assert streak_now(store, today) == walked_in_full(store, today)
    assert load_adherence(store, today).streaks == walked_in_full(store, today)
    # Saving the profile through the service keeps a checkpoint for its rest days.
    save_profile(store, Profile(days_per_week=5, rest_days=(1, 4)),
                 dt.datetime.combine(today, dt.time(9), dt.timezone.utc))
    assert store.conn.execute("SELECT rest FROM streak_checkpoint").fetchall() == [("1,4",)]
    assert streak_now(store, today) == walked_in_full(store, today)
    # So does a plan saved with other days (the plan's rest days are the profile's).
    old = store.saved_plan() or Plan(("walking",), days_per_week=5, rest_days=(1, 4))
    save_plan(store, old, dataclasses.replace(old, days_per_week=5, rest_days=(0, 3)),
              dt.datetime.combine(today, dt.time(9), dt.timezone.utc))
    assert store.conn.execute("SELECT rest FROM streak_checkpoint").fetchall() == [("0,3",)]
    assert streak_now(store, today) == walked_in_full(store, today)


def test_a_second_read_walks_only_the_days_since_the_checkpoint(store, monkeypatch):
    history(store, dt.date(2026, 11, 1), seed=3)
    today = dt.date(2026, 11, 23)
    expected = walked_in_full(store, today)
    keep_streak_checkpoint(store, today)  # a check-in that day makes the checkpoint
    assert load_adherence(store, today).streaks == expected
    asked = []
    trained_days = store.trained_days

    def counted(since, until=dt.date.max):
        asked.append(since)
        return trained_days(since, until)

    def every_day():
        raise AssertionError("read every day ever trained")

    monkeypatch.setattr(store, "all_trained_days", every_day)
    monkeypatch.setattr(store, "trained_days", counted)
    assert load_adherence(store, today).streaks == expected
    assert streak_now(store, today) == expected
    assert asked and min(asked) >= today - dt.timedelta(days=460)


def test_a_read_only_file_still_shows_the_streak(store, monkeypatch):
    history(store, dt.date(2026, 11, 1), seed=5)
    today = dt.date(2026, 11, 23)
    store.conn.execute("PRAGMA query_only = ON")
    try:
        assert streak_now(store, today) == walked_in_full(store, today)
    finally:
        store.conn.execute("PRAGMA query_only = OFF")


def test_m006_upgrades_a_db_with_steps_and_keeps_its_streak(tmp_path):
    from tests.unit.test_migrations import _db_before

    path = tmp_path / "older.db"
    conn = _db_before(path, "m005_i17_exercise_totals")
    conn.execute("INSERT INTO profile (id, days_per_week, rest_days, updated_at) VALUES"
                 " (1, 7, '[]', '2024-01-01T09:00:00+00:00')")
    day = dt.date(2024, 1, 1)
    for n in range(600):
        if n % 50 != 49:  # a run of 49 days, then a gap of one
            conn.execute("INSERT INTO sessions (id, day, started_at, steps) VALUES"
                         " (?, ?, '2024-01-01T09:00:00+00:00', '[]')",
                         [n + 1, (day + dt.timedelta(days=n)).isoformat()])
            conn.execute("INSERT INTO entries (session_id, step_index, exercise_id, status,"
                         " seconds) VALUES (?, 0, 'walking', 'done', 600)", [n + 1])
    conn.commit()
    conn.close()
    store = Store.open(path, stamp="t")
    try:
        today = day + dt.timedelta(days=600)
        assert store.conn.execute("SELECT count(*) FROM streak_checkpoint").fetchone()[0] == 0
        assert streak_now(store, today) == walked_in_full(store, today)  # a read: kept none
        assert store.conn.execute("SELECT count(*) FROM streak_checkpoint").fetchone()[0] == 0
        keep_streak_checkpoint(store, today)  # the first write after the upgrade
        assert store.conn.execute("SELECT count(*) FROM streak_checkpoint").fetchone()[0] == 1
        assert streak_now(store, today) == walked_in_full(store, today)
    finally:
        store.close()
