"""Progress on thirty years of history reads no more than on one (issue 17): the reads
behind "what helps" and the symptoms' meaningful change are bounded by their windows."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from neurocoach.coach.change import WEEK, meaningful_change
from neurocoach.store import Store

TODAY = dt.date(2026, 11, 30)


@pytest.fixture
def store(tmp_path):
    store = Store.open(tmp_path / "scores.db")
    yield store
    store.close()


def fill(store, seed: int, days: int) -> None:
    rng = random.Random(seed)
    rows = []
    for n in range(days):
        if rng.random() < 0.3:
            continue  # no check-in that day
        day = TODAY - dt.timedelta(days=n)
        rows.append((day.isoformat(), rng.randint(0, 10),
                     *(rng.choice([None, rng.randint(0, 10)]) for _ in range(3)),
                     f"{day.isoformat()}T09:00:00+00:00"))
    store.conn.executemany("INSERT INTO checkins (day, pain, numbness, tingling, burning,"
                           " feet, note, recorded_at) VALUES (?,?,?,?,?,'ok','',?)", rows)
    store.conn.commit()


@pytest.mark.parametrize("seed", range(12))
def test_the_bounded_scores_give_the_same_change_as_every_score(store, seed):
    fill(store, seed, random.Random(seed).choice([5, 12, 25, 40, 400, 3000]))
    for name in ("pain", "numbness", "tingling", "burning"):
        for today in (TODAY, TODAY - dt.timedelta(days=20), TODAY - dt.timedelta(days=3)):
            every = store.symptom_scores(name, today)
            bounded = store.symptom_scores(name, today, first_days=WEEK,
                                           since=today - dt.timedelta(days=WEEK - 1))
            assert len(bounded) <= 2 * WEEK
            assert meaningful_change(name, bounded, today) == \
                meaningful_change(name, every, today)


def test_what_helps_walks_the_window_s_sessions_by_day_not_every_done_step(store):
    said: list[str] = []
    store.conn.set_trace_callback(said.append)
    store.exercises_done_by_day(TODAY - dt.timedelta(days=60), TODAY)
    store.conn.set_trace_callback(None)
    sql = next(s for s in said if "entries" in s)
    plan = " | ".join(r[3] for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql))
    assert plan.startswith("SEARCH s USING COVERING INDEX idx_sessions_day"), plan
