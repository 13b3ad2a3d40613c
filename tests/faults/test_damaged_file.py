"""Damage the opening checks do not see: a page in the middle of the file.

Opening reads only the header, the schema and the migrations table (every login runs
`status`); `PRAGMA quick_check`, which reads every page, runs before anything copies or
rewrites the whole file. Damage elsewhere surfaces when its page is read, and must still
end in one clear line, exit status 2, no traceback, and the file left as it was.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import os
import subprocess
import sys

import pytest

from neurocoach.domain.models import Checkin, Profile
from neurocoach.store import Store, StoreError
from neurocoach.store.backup import daily_backups
from neurocoach.store.errors import DamagedError

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage(path, table: str) -> None:
    """A DB with a profile and a month of check-ins, then `table`'s first page overwritten."""
    store = Store.open(path)
    store.save_profile(Profile(birth_year=1958), NOW)
    for n in range(30):
        store.record_checkin(Checkin(day=NOW.date() - dt.timedelta(days=n), pain=3, feet="ok"),
                             NOW)
    root = store.conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                              [table]).fetchone()[0]
    size = store.conn.execute("PRAGMA page_size").fetchone()[0]
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * size:root * size] = b"\xff" * size
    path.write_bytes(bytes(data))


def test_damage_in_a_table_opens_but_is_never_copied(db_path):
    damage(db_path, "checkins")
    before = digest(db_path)
    store = Store.open(db_path)  # the cheap checks pass: the page is not theirs to read
    try:
        with pytest.raises(DamagedError, match="damaged") as err:
            store.daily_backup(NOW.date())
        assert "no daily copy was made" in str(err.value) and "\n" not in str(err.value)
        assert daily_backups(db_path) == []
        with pytest.raises(DamagedError, match="damaged"):
            store.copy_to(db_path.parent / "copy.db")
        assert not (db_path.parent / "copy.db").exists()
    finally:
        store.close()
    assert digest(db_path) == before


def test_the_store_says_damage_with_its_own_error(db_path):
    """Nothing above store/ names sqlite3: a damaged page read through any Store method
    comes out as the store's DamagedError, in one line."""
    damage(db_path, "checkins")
    store = Store.open(db_path)
    try:
        for read in (lambda: store.checkins_between(NOW.date() - dt.timedelta(days=40),
                                                    NOW.date()),
                     lambda: store.average_pain(NOW.date(), NOW.date())):
            with pytest.raises(DamagedError, match="is damaged") as err:
                read()
            assert "neurocoach restore" in str(err.value) and "\n" not in str(err.value)
    finally:
        store.close()


def test_damage_stops_a_migration_before_its_backup(db_path, monkeypatch):
    from neurocoach.store import opening
    from neurocoach.store.migrations import migrations

    damage(db_path, "checkins")
    before = digest(db_path)

    def m900_add_column(db):
        db["checkins"].add_column("mood", int)

    extra = migrations._Migration("m900_add_column", m900_add_column)
    monkeypatch.setattr(migrations, "_migrations", [*migrations._migrations, extra])
    monkeypatch.setattr(opening, "MIGRATIONS", (*opening.MIGRATIONS, "m900_add_column"))
    with pytest.raises(StoreError, match="damaged") as err:
        Store.open(db_path, stamp="test")
    assert "left untouched" in str(err.value)
    assert digest(db_path) == before
    assert not list(db_path.parent.glob("*.bak"))


def run_cli(*args: str, db) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "neurocoach", "--db", str(db), *args],
                          capture_output=True, text=True, env=dict(os.environ), timeout=60)


@pytest.mark.parametrize("table", ["profile", "checkins"])
def test_a_command_that_reads_the_damage_says_so_in_one_line(db_path, table):
    damage(db_path, table)
    before = digest(db_path)
    command = ["status"] if table == "profile" else ["export", "--format", "json"]
    result = run_cli(*command, db=db_path)
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"neurocoach: {db_path} is damaged (database disk image is malformed)")
    assert "neurocoach restore" in line
    assert digest(db_path) == before


def test_a_bug_is_not_passed_off_as_damage(db_path):
    import sqlite3

    from neurocoach.store.opening import use_error

    assert use_error(db_path, sqlite3.IntegrityError("NOT NULL constraint failed")) is None
    locked = sqlite3.OperationalError("database is locked")
    locked.sqlite_errorname = "SQLITE_BUSY"
    assert str(use_error(db_path, locked)) == f"cannot use {db_path}: database is locked."


@pytest.mark.parametrize("table", ["profile", "checkins", "level_changes"])
async def test_the_app_stops_with_one_line_instead_of_a_traceback(db_path, clock, table):
    from neurocoach.tui.app import NeurocoachApp

    damage(db_path, table)
    before = digest(db_path)
    store = Store.open(db_path)
    try:
        app = NeurocoachApp(store=store, clock=clock)
        await asyncio.wait_for(app.run_async(headless=True, size=(80, 24)), 60)  # ends itself
        assert app.return_code == 2
        assert app.store_failure.startswith(f"{db_path} is damaged")
    finally:
        store.close()
    assert digest(db_path) == before


def test_run_tui_prints_the_line_once_the_app_has_stopped(db_path, monkeypatch, capsys):
    from textual.app import App

    from neurocoach.cli import app as cli
    from neurocoach.cli.common import Ctx
    from neurocoach.tui.app import NeurocoachApp

    damage(db_path, "checkins")
    monkeypatch.setattr(NeurocoachApp, "run",
                        lambda self: App.run(self, headless=True, size=(80, 24)))
    monkeypatch.setattr(cli, "need_terminal", lambda: None)   # headless stands in for one
    with pytest.raises(SystemExit) as exited:
        cli.run_tui(Ctx(str(db_path)))
    assert exited.value.code == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith(f"neurocoach: {db_path} is damaged")
