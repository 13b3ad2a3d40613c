"""m004_i17_progress_indexes: Progress's all-history figures read indexes, not every step."""

from __future__ import annotations

import datetime as dt

from neurocoach.store import Store
from tests.unit.test_migrations import _db_before


def plan_of(store, sql: str) -> str:
    return " | ".join(r[3] for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql))


def test_m004_upgrades_a_db_with_steps_and_its_figures_come_from_the_new_indexes(tmp_path):
    path = tmp_path / "older.db"
    conn = _db_before(path, "m003_profile_welcomed")
    conn.execute("INSERT INTO sessions (id, day, started_at, steps) VALUES"
                 " (1, '2026-11-20', '2026-11-20T09:00:00+00:00', '[]'),"
                 " (2, '2026-11-21', '2026-11-21T09:00:00+00:00', '[]')")
    conn.execute("INSERT INTO entries (session_id, step_index, exercise_id, status, reps,"
                 " seconds) VALUES (1, 0, 'toe-stretch', 'done', NULL, 30),"
                 " (1, 1, 'marble-pickups', 'done', 10, NULL),"
                 " (2, 0, 'toe-stretch', 'skipped', NULL, NULL)")
    conn.commit()
    conn.close()
    store = Store.open(path, stamp="t")
    try:
        assert sorted(store.exercise_tallies()) == [("marble-pickups", 1, 0, 0, 1, 10),
                                                     ("toe-stretch", 1, 1, 30, 0, 0)]
        assert store.session_count() == (1, dt.date(2026, 11, 20))
        assert store.all_trained_days() == {dt.date(2026, 11, 20)}
        assert store.last_session_day() == dt.date(2026, 11, 20)
        tally = plan_of(store, "SELECT e.exercise_id, count(*), sum(e.seconds), sum(e.reps)"
                               " FROM entries e WHERE e.status = 'done' GROUP BY e.exercise_id")
        assert "COVERING INDEX idx_entries_done_tally" in tally, tally
        done = plan_of(store, "SELECT count(*) FROM sessions s WHERE EXISTS (SELECT 1 FROM"
                              " entries e WHERE e.session_id = s.id AND e.status = 'done')")
        assert "idx_entries_done_session" in done, done
        # The period's reads still walk the sessions of the period, not every done step.
        for sql in ("SELECT e.exercise_id, count(*) FROM sessions s CROSS JOIN entries e"
                    " ON e.session_id = s.id WHERE s.day BETWEEN '2026-11-01' AND"
                    " '2026-11-30' AND e.status = 'done' GROUP BY e.exercise_id",):
            assert plan_of(store, sql).startswith("SEARCH s USING COVERING INDEX idx_sessions_day")
        weekly = store.weekly_exercise_tallies(dt.date(2026, 11, 16), 2)
        assert [(w, ex, n) for w, ex, n, *_ in weekly] == [(0, "marble-pickups", 1),
                                                           (0, "toe-stretch", 1)]
    finally:
        store.close()
    assert (tmp_path / "older.db.before-upgrade-t.bak").exists()


def _recount(store) -> list[tuple]:
    """The tallies counted afresh from every step (what the running totals must equal)."""
    return store.conn.execute(
        "SELECT exercise_id, count(*), count(seconds), coalesce(sum(seconds), 0),"
        " count(reps), coalesce(sum(reps), 0) FROM entries WHERE status = 'done'"
        " GROUP BY exercise_id ORDER BY exercise_id").fetchall()


def test_m005_upgrades_a_db_with_steps_into_running_totals(tmp_path):
    path = tmp_path / "older.db"
    conn = _db_before(path, "m004_i17_progress_indexes")
    conn.execute("INSERT INTO sessions (id, day, started_at, steps) VALUES"
                 " (1, '2026-11-20', '2026-11-20T09:00:00+00:00', '[]')")
    conn.execute("INSERT INTO entries (session_id, step_index, exercise_id, status, reps,"
                 " seconds) VALUES (1, 0, 'toe-stretch', 'done', NULL, 30),"
                 " (1, 1, 'toe-stretch', 'done', NULL, 45), (1, 2, 'marble-pickups', 'done', 10,"
                 " NULL), (1, 3, 'ankle-circles', 'skipped', NULL, NULL)")
    conn.commit()
    conn.close()
    store = Store.open(path, stamp="t")
    try:
        assert store.exercise_tallies() == [("marble-pickups", 1, 0, 0, 1, 10),
                                            ("toe-stretch", 2, 2, 75, 0, 0)]
        assert store.conn.execute("SELECT count(*) FROM exercise_totals").fetchone()[0] == 2
    finally:
        store.close()


def test_the_running_totals_follow_every_step_logged_replaced_and_undone(tmp_path):
    import random

    from neurocoach.domain.models import Entry

    store = Store.open(tmp_path / "steps.db")
    rng = random.Random(17)
    now = dt.datetime(2026, 11, 30, 9, tzinfo=dt.timezone.utc)
    try:
        sessions = [store.start_session(dt.date(2026, 11, d), [], now).id for d in (28, 29, 30)]
        for _ in range(300):
            session, index = rng.choice(sessions), rng.randrange(6)
            if rng.random() < 0.25:
                store.undo_entry(session, index)
            else:
                store.log_entry(session, Entry(
                    step_index=index, exercise_id=rng.choice(["toe-stretch", "heel-raises"]),
                    status=rng.choice(["done", "done", "skipped"]),
                    side=None, reps=rng.choice([None, rng.randrange(1, 20)]),
                    seconds=rng.choice([None, rng.randrange(5, 90)]),
                    logged_at=now.isoformat()))
            assert store.exercise_tallies() == _recount(store)
    finally:
        store.close()


def test_a_step_that_cannot_be_saved_leaves_steps_and_totals_as_they_were(tmp_path):
    import pytest

    from neurocoach.domain.models import Entry
    from neurocoach.store import StoreError

    store = Store.open(tmp_path / "steps.db")
    now = dt.datetime(2026, 11, 30, 9, tzinfo=dt.timezone.utc)
    try:
        session = store.start_session(dt.date(2026, 11, 30), [], now).id
        done = Entry(step_index=0, exercise_id="toe-stretch", status="done", seconds=30)
        store.log_entry(session, done)
        with pytest.raises(StoreError, match="could not save"):
            store.log_entry(session + 1, done)  # no such session: the foreign key refuses
        assert not store.conn.in_transaction
        assert store.exercise_tallies() == [("toe-stretch", 1, 1, 30, 0, 0)]
        store.log_entry(session, Entry(step_index=0, exercise_id="toe-stretch", status="done",
                                       seconds=40))
        assert store.exercise_tallies() == [("toe-stretch", 1, 1, 40, 0, 0)] == _recount(store)
    finally:
        store.close()
