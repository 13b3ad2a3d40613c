"""`neurocoach status` runs at every login and only reads: on a long history with no missed
day (the whole history is walked for the streak) it writes nothing into the store."""

from __future__ import annotations

import sqlite3

from neurocoach.clock import Clock
from tests.cli.test_status_fast import status
from tests.tui.test_reads_write_nothing import PROFILE, trained_every_day, writes_seen


def test_status_on_a_long_unbroken_history_writes_nothing(store, db_path):
    trained_every_day(store, Clock().today(), 900)  # status reads the real clock
    store.save_profile(PROFILE, Clock().now())
    store.close()
    written = writes_seen(db_path)
    result = status("--db", str(db_path), "status")
    assert result.returncode == 0, result.stderr
    assert "streak: 900 days" in result.stdout
    assert not written()
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM streak_checkpoint").fetchone()[0] == 0
