"""Opening the store: the rules of DESIGN.md, and every bad file left byte-for-byte alone."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat

import pytest
import sqlite_utils

from neurocoach.paths import resolve_db_path
from neurocoach.store import Store, StoreError
from neurocoach.store.migrations import MIGRATION_SET


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_db_path_order(monkeypatch, tmp_path):
    monkeypatch.setenv("NEUROCOACH_DB", str(tmp_path / "env.db"))
    assert resolve_db_path(str(tmp_path / "cli.db")) == tmp_path / "cli.db"
    assert resolve_db_path(None) == tmp_path / "env.db"
    monkeypatch.delenv("NEUROCOACH_DB")
    default = resolve_db_path(None)
    assert default.name == "neurocoach.db"
    assert str(default).startswith(str(tmp_path / "xdg-data"))


def test_new_store_is_private_wal_with_foreign_keys(tmp_path):
    path = tmp_path / "new" / "folder" / "neurocoach.db"
    store = Store.open(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert {"profile", "checkins", "sessions", "entries", "balance_tests"} <= set(
        store.db.table_names()
    )
    store.close()


def test_existing_loose_permissions_are_tightened(tmp_path):
    path = tmp_path / "n.db"
    Store.open(path).close()
    os.chmod(path, 0o644)
    Store.open(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_reopen_keeps_data_and_makes_no_backup(store, clock):
    from neurocoach.domain.models import Checkin

    store.record_checkin(Checkin(day=clock.today(), pain=3, feet="ok"), clock.now())
    path = store.path
    store.close()
    again = Store.open(path)
    assert again.checkin_for(clock.today()).pain == 3
    assert not list(path.parent.glob("*.bak"))
    again.close()


def _foreign(path):
    db = sqlite_utils.Database(path)
    db["recipes"].insert({"name": "soup"})
    db.conn.close()


def _corrupt(path):
    Store.open(path).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))


def _truncated(path):
    store = Store.open(path)
    store.db["checkins"].insert_all(
        [{"day": f"2020-01-{d:02}", "pain": 1, "feet": "ok"} for d in range(1, 29)]
    )
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 7])


def _text(path):
    path.write_text("my shopping list\neggs\n")


def _newer(path):
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
        [MIGRATION_SET, "m999_from_the_future", "2099-01-01"],
    )
    conn.commit()
    conn.close()


def _other_migrations(path):
    db = sqlite_utils.Database(path)
    db["_sqlite_migrations"].insert({"migration_set": "llm", "name": "m001", "applied_at": "x"})
    db.conn.close()


@pytest.mark.parametrize(
    "make, words",
    [
        (_foreign, "not neurocoach's"),
        (_other_migrations, "not neurocoach's"),
        (_corrupt, "damaged"),
        (_truncated, "damaged"),
        (_text, "not an SQLite file"),
        (_newer, "newer neurocoach"),
    ],
    ids=["foreign", "foreign-migrations", "corrupt", "truncated", "text", "newer"],
)
def test_bad_files_are_refused_and_untouched(tmp_path, make, words):
    path = tmp_path / "bad.db"
    make(path)
    before = digest(path)
    with pytest.raises(StoreError) as err:
        Store.open(path)
    assert words in str(err.value)
    assert "\n" not in str(err.value)
    assert digest(path) == before
    assert not list(tmp_path.glob("*.bak"))


def test_directory_is_refused(tmp_path):
    with pytest.raises(StoreError, match="is a directory"):
        Store.open(tmp_path)


def test_unwritable_file_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "n.db"
    Store.open(path).close()
    before = digest(path)
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if mode & os.W_OK else real_access(p, mode)
    )
    with pytest.raises(StoreError, match="cannot write"):
        Store.open(path)
    assert digest(path) == before


def test_read_only_folder_is_refused(tmp_path, read_only_folder):
    folder = tmp_path / "ro"
    folder.mkdir()
    Store.open(folder / "n.db").close()
    before = digest(folder / "n.db")
    read_only_folder(folder)
    with pytest.raises(StoreError) as err:
        Store.open(folder / "n.db")
    assert "\n" not in str(err.value)
    assert digest(folder / "n.db") == before


def test_a_new_db_in_a_read_only_folder_is_refused(tmp_path, read_only_folder):
    folder = read_only_folder(tmp_path)
    with pytest.raises(StoreError, match="cannot"):
        Store.open(folder / "n.db")
    assert not (folder / "n.db").exists()


def test_uncreatable_path_is_refused(tmp_path):
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot create"):
        Store.open(blocker / "sub" / "n.db")


def test_empty_file_becomes_a_store(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    Store.open(path).close()
    assert "checkins" in sqlite_utils.Database(path).table_names()


def test_every_folder_made_for_a_new_db_is_private(tmp_path):
    path = tmp_path / "a" / "b" / "c" / "n.db"
    Store.open(path).close()
    for folder in (tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "c"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
