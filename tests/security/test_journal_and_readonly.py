"""A kill in the middle of a write leaves a hot journal: the next open rolls it back (the
data is as it was before that write) instead of calling the file damaged. A file that
cannot be written is refused without SQLite leaving -wal and -shm files beside it."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys

import pytest

from neurocoach.domain.models import Checkin
from neurocoach.store import Store, StoreError

KILLED_MID_MIGRATION = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size = 1")  # pages go to the file before the commit
conn.execute("BEGIN")
conn.execute("ALTER TABLE profile ADD COLUMN half_done TEXT")
conn.execute("CREATE TABLE filler (x)")
for _ in range(500):
    conn.execute("INSERT INTO filler VALUES (randomblob(2000))")
conn.execute("UPDATE checkins SET pain = 9")
os.kill(os.getpid(), 9)
"""


def test_a_kill_during_a_migration_is_rolled_back_not_called_damage(tmp_path):
    path = tmp_path / "x.db"
    store = Store.open(path)
    store.record_checkin(Checkin(day=dt.date(2026, 3, 1), pain=2),
                         dt.datetime(2026, 3, 1, 9, tzinfo=dt.timezone.utc))
    store.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")  # as an older copy, before WAL
    conn.close()
    done = subprocess.run([sys.executable, "-c", KILLED_MID_MIGRATION, str(path)])
    assert done.returncode == -9
    assert os.path.getsize(f"{path}-journal") > 0  # a hot journal is there
    store = Store.open(path)
    try:
        assert store.checkin_for(dt.date(2026, 3, 1)).pain == 2
    finally:
        store.close()


def test_a_read_only_database_gets_no_wal_or_shm_files(tmp_path):
    folder = tmp_path / "data"
    path = folder / "x.db"
    Store.open(path).close()
    assert sorted(os.listdir(folder)) == ["x.db"]
    path.chmod(0o400)
    immutable = os.geteuid() == 0  # root writes a 0400 file: make it immutable instead
    if immutable:
        subprocess.run(["chattr", "+i", str(path)], check=True)
    try:
        assert not os.access(path, os.W_OK)
        with pytest.raises(StoreError, match="cannot write"):
            Store.open(path)
        assert sorted(os.listdir(folder)) == ["x.db"]
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(path)], check=True)
