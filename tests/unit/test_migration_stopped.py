"""m007_i17_stopped_sessions_index: the follow-up question after a stop (Today, at each
opening and at enter) finds the latest stopped session without reading every session."""

from __future__ import annotations

import datetime as dt

from neurocoach.coach.screening import FOLLOW_UP_REASONS
from neurocoach.store import Store
from tests.unit.test_migrations import _db_before


def test_m007_upgrades_a_db_with_stopped_sessions_and_finds_the_one_to_follow_up(tmp_path):
    path = tmp_path / "older.db"
    conn = _db_before(path, "m006_i17_streak_checkpoint")
    reason = FOLLOW_UP_REASONS[0]
    rows = [(n, (dt.date(2020, 1, 1) + dt.timedelta(days=n)).isoformat()) for n in range(1, 400)]
    conn.executemany("INSERT INTO sessions (id, day, started_at, steps) VALUES"
                     " (?, ?, ? || 'T09:00:00+00:00', '[]')", [(n, d, d) for n, d in rows])
    conn.execute("UPDATE sessions SET stopped_reason = ?, follow_up = 'checked' WHERE id = 50",
                 [reason])
    conn.execute("UPDATE sessions SET stopped_reason = ?, follow_up = 'not_yet' WHERE id = 120",
                 [reason])
    conn.execute("UPDATE sessions SET stopped_reason = ? WHERE id = 300", [reason])
    conn.execute("UPDATE sessions SET stopped_reason = 'tired' WHERE id = 350")
    conn.commit()
    conn.close()
    store = Store.open(path, stamp="t")
    try:
        assert store.stop_to_follow_up(FOLLOW_UP_REASONS) == (300, dt.date(2020, 10, 27),
                                                               reason)
        store.record_follow_up(300, "checked")
        assert store.stop_to_follow_up(FOLLOW_UP_REASONS) == (120, dt.date(2020, 4, 30),
                                                               reason)
        plan = " | ".join(r[3] for r in store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT id, day, stopped_reason FROM sessions WHERE"
            " (follow_up IS NULL OR follow_up = 'not_yet') AND stopped_reason IN (?, ?)"
            " ORDER BY started_at DESC, id DESC LIMIT 1", ["a", "b"]))
        assert plan == "SCAN sessions USING INDEX idx_sessions_stopped", plan
        assert store.session_count() == (0, None)  # no step done: untouched by the index
    finally:
        store.close()
    assert (tmp_path / "older.db.before-upgrade-t.bak").exists()
