"""Backups: the rolling daily copy (last 7 kept, private), on-demand copies, restore staging."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import stat

import pytest
import sqlite_utils

from neurocoach.domain.models import Checkin
from neurocoach.store import Store, StoreError
from neurocoach.store.backup import (
    DAILY_KEEP, backups_dir, daily_backups, daily_path, keep_current, pre_migration_path,
    stage_restore,
)
from neurocoach.store.migrations import MIGRATION_SET


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def pains(path) -> list[int]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT pain FROM checkins ORDER BY day")]
    finally:
        conn.close()


def test_daily_backup_once_a_day_private_and_holds_unclosed_writes(store, clock):
    store.record_checkin(Checkin(day=clock.today(), pain=4, feet="ok"), clock.now())
    made = store.daily_backup(clock.today())
    assert made == daily_path(store.path, clock.today())
    assert made.parent == store.path.parent / "backups"
    assert mode(made) == 0o600 and mode(made.parent) == 0o700
    assert pains(made) == [4]  # the write is still in the WAL: the copy has it anyway
    assert store.daily_backup(clock.today()) is None  # once a day
    assert len(daily_backups(store.path)) == 1


def test_eight_days_keep_the_last_seven(store, clock):
    first = clock.today()
    for n in range(8):
        day = first + dt.timedelta(days=n)
        store.record_checkin(Checkin(day=day, pain=n, feet="ok"), clock.now())
        store.daily_backup(day)
    kept = daily_backups(store.path)
    assert len(kept) == DAILY_KEEP == 7
    assert [d for d, _ in kept] == [first + dt.timedelta(days=n) for n in range(1, 8)]
    assert not daily_path(store.path, first).exists()  # the oldest is gone
    assert pains(kept[-1][1]) == list(range(8))
    assert all(mode(p) == 0o600 for _, p in kept)


def test_rotation_leaves_other_files_alone(store, clock, tmp_path):
    folder = backups_dir(store.path)
    folder.mkdir(mode=0o700)
    others = [folder / "neurocoach.db.backup-2020-01-01-000000.bak",
              folder / "neurocoach.db.before-restore-2020-01-01-000000.bak",
              folder / "other.db.daily-2020-01-01.bak", folder / "notes.txt"]
    for path in others:
        path.write_text("keep me")
    for n in range(10):
        store.daily_backup(clock.today() + dt.timedelta(days=n))
    assert all(p.read_text() == "keep me" for p in others)
    assert len(daily_backups(store.path)) == 7


def test_daily_backup_that_cannot_be_written_is_a_store_error(store, clock):
    backups_dir(store.path).write_text("a file where the folder should be")
    with pytest.raises(StoreError, match="backups"):
        store.daily_backup(clock.today())


def test_copies_are_standalone_files(store, clock, tmp_path):
    store.record_checkin(Checkin(day=clock.today(), pain=2, feet="ok"), clock.now())
    dest = store.copy_to(tmp_path / "copy.bak")
    assert mode(dest) == 0o600
    assert pains(dest) == [2]
    # Reading the copy leaves nothing beside it (it is not in WAL mode).
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("copy")) == ["copy.bak"]
    assert pre_migration_path(store.path, "x").name == "neurocoach.db.before-upgrade-x.bak"


def _newer(path):
    Store.open(path).close()
    db = sqlite_utils.Database(path)
    db["_sqlite_migrations"].insert({"migration_set": MIGRATION_SET, "name": "m999_future",
                                     "applied_at": "2030-01-01"})
    db.conn.close()


def _foreign(path):
    db = sqlite_utils.Database(path)
    db["recipes"].insert({"name": "soup"})
    db.conn.close()


def _text(path):
    path.write_text("not a database")


def _empty_sqlite(path):
    sqlite3.connect(path).execute("VACUUM").connection.close()


@pytest.mark.parametrize("make, words", [
    (_newer, "newer"), (_foreign, "not neurocoach's"), (_text, "not an SQLite file"),
    (_empty_sqlite, "empty database"),
], ids=["newer", "foreign", "text", "empty"])
def test_stage_restore_refuses_and_leaves_both_untouched(tmp_path, make, words):
    source = tmp_path / "given.bak"
    make(source)
    db = tmp_path / "data" / "neurocoach.db"
    before = digest(source)
    with pytest.raises(StoreError, match=words) as caught:
        stage_restore(source, db)
    assert "restore.tmp" not in str(caught.value)
    assert digest(source) == before
    assert not db.exists()
    assert not any(p.name.endswith(".tmp") for p in tmp_path.rglob("*"))


def test_keep_current_copies_even_a_damaged_file(tmp_path):
    db = tmp_path / "neurocoach.db"
    db.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    kept = keep_current(db, "stamp")
    assert kept.read_bytes() == db.read_bytes()
    assert mode(kept) == 0o600
    assert keep_current(tmp_path / "absent.db", "stamp") is None


def test_two_copies_in_the_same_second_never_replace_each_other(tmp_path):
    import sqlite3

    from neurocoach.store.backup import keep_current

    db = tmp_path / "neurocoach.db"

    def content(value: int) -> None:
        conn = sqlite3.connect(db)
        conn.execute("CREATE TABLE IF NOT EXISTS t (v)")
        conn.execute("DELETE FROM t")
        conn.execute("INSERT INTO t VALUES (?)", (value,))
        conn.commit()
        conn.close()

    content(1)
    first = keep_current(db, "2026-11-24-101500")       # a restore…
    content(2)
    second = keep_current(db, "2026-11-24-101500")      # …and another in the same second
    assert first != second and second.name.endswith("-101500-2.bak")
    values = [sqlite3.connect(p).execute("SELECT v FROM t").fetchone()[0] for p in (first, second)]
    assert values == [1, 2]
