"""Two processes making the day's copy at the same moment (two windows opened at once, or
a `checkin` from cron while the coach starts) both end with a sound copy, and leave no
temp file behind."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

from neurocoach.services.demo import make_demo_db

RACE = """
import datetime as dt, sqlite3, sys, time
from pathlib import Path
from neurocoach.store.backup import daily_path, make_daily_backup
db, start = Path(sys.argv[1]), float(sys.argv[2])
conn = sqlite3.connect(db)
while time.time() < start:
    pass
for n in range(15):
    day = dt.date(2026, 1, 1) + dt.timedelta(days=n)
    try:
        make_daily_backup(conn, db, day, keep=100)
    except Exception as exc:
        print("failed:", exc)
        raise
"""


def test_two_processes_making_the_daily_copy_at_once_both_end_sound(tmp_path, clock):
    import time

    db = tmp_path / "data" / "x.db"
    make_demo_db(db, clock, days=120).close()
    start = str(time.time() + 1.0)
    runs = [subprocess.Popen([sys.executable, "-c", RACE, str(db), start],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    for run in runs:
        out, err = run.communicate(timeout=120)
        assert run.returncode == 0, out + err
    copies = sorted((db.parent / "backups").iterdir())
    assert len(copies) == 15, [c.name for c in copies]     # no temp file left over
    for copy in copies:
        conn = sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True)
        try:
            assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok", copy.name
            assert conn.execute("SELECT count(*) FROM checkins").fetchone()[0] > 0
        finally:
            conn.close()
