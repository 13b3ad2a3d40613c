"""The history generator: repeatable, believable, and written through the Store's rules."""

from __future__ import annotations

import datetime as dt

import pytest

from neurocoach.catalog import load_catalog
from neurocoach.clock import FakeClock
from neurocoach.services.demo import generate_history, make_demo_db
from neurocoach.export.document import export_document
from neurocoach.store import Store

END = dt.date(2026, 11, 22)


def history(path, days=90, seed=7):
    store = Store.open(path)
    summary = generate_history(store, load_catalog(), END, days, seed)
    doc = export_document(store, load_catalog(), FakeClock().now())
    store.close()
    return summary, doc


@pytest.fixture(scope="module")
def ninety(tmp_path_factory):
    return history(tmp_path_factory.mktemp("h") / "n.db")


def test_same_seed_same_history_other_seed_other(tmp_path, ninety):
    _, doc = ninety
    _, again = history(tmp_path / "again.db")
    assert again == doc
    _, other = history(tmp_path / "other.db", seed=8)
    assert other["checkins"] != doc["checkins"]


def test_covers_the_days_asked(ninety):
    summary, doc = ninety
    assert summary.first == END - dt.timedelta(days=89) and summary.last == END
    days = sorted(c["date"] for c in doc["checkins"])
    assert days[0] >= summary.first.isoformat() and days[-1] <= END.isoformat()
    assert 70 <= len(doc["checkins"]) < 90  # most days, not every day
    assert summary.checkins == len(doc["checkins"])
    assert summary.sessions == len(doc["sessions"])
    assert summary.balance_tests == len(doc["balance_tests"])


def test_rest_days_are_mostly_rested(ninety):
    _, doc = ninety
    rest = set(doc["profile"]["rest_days"])
    by_kind = {True: 0, False: 0}
    for s in doc["sessions"]:
        by_kind[dt.date.fromisoformat(s["date"]).weekday() in rest] += 1
    assert by_kind[False] >= 45  # most of the ~64 training days
    assert by_kind[True] <= 8


def test_a_flare_with_sore_feet_gets_the_safety_rules(ninety):
    _, doc = ninety
    catalog = load_catalog()
    sore = {c["date"] for c in doc["checkins"] if c["feet"] in ("skin", "hot")}
    assert sore and any(c["pain"] >= 7 for c in doc["checkins"])
    for s in doc["sessions"]:
        if s["date"] in sore:
            assert not any(catalog.get(step["exercise_id"]).needs_alternative
                           for step in s["steps"])
    early = [c["pain"] for c in doc["checkins"][:14]]
    late = [c["pain"] for c in doc["checkins"][-14:]]
    assert sum(late) / len(late) < sum(early) / len(early)  # easing over the period


def test_sessions_have_done_skipped_rated_steps_a_stop_and_an_open_one(ninety):
    _, doc = ninety
    entries = [e for s in doc["sessions"] for e in s["entries"]]
    assert {e["status"] for e in entries} == {"done", "skipped"}
    assert {e["rating"] for e in entries} == {None, 1, 2, 3}
    assert all(e["rating"] is None for e in entries if e["status"] == "skipped")
    assert [s["stopped_reason"] for s in doc["sessions"] if s["stopped_reason"]] == ["pain"]
    assert sum(s["finished_at"] is None for s in doc["sessions"]) == 1
    for s in doc["sessions"]:
        assert len(s["entries"]) <= len(s["steps"])
        for e in s["entries"]:
            assert s["steps"][e["step_index"]]["exercise_id"] == e["exercise_id"]


def test_weekly_balance_tests_on_both_sides(ninety):
    _, doc = ninety
    tests = doc["balance_tests"]
    assert {t["side"] for t in tests} == {"left", "right"}
    assert 20 <= len(tests) <= 26
    assert all(0 < t["seconds"] <= 60 for t in tests)


def test_demo_db_ends_yesterday_and_leaves_today_to_the_newcomer(tmp_path):
    clock = FakeClock(dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc))
    store = make_demo_db(tmp_path / "demo.db", clock)
    assert store.has_profile()
    assert store.profile().age(clock.today()) == 67
    assert store.checkin_for(clock.today()) is None
    assert store.latest_session(since=clock.today()) is None
    assert store.last_session_day() is not None
    counts = store.data_counts()
    assert counts["checkins"] > 60 and counts["sessions"] > 40 and counts["balance_tests"] > 10
    store.close()
