"""Found by QA on main in round 4 and left open: each test fails without its fix."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from neurocoach.cli import cli

NOW = dt.datetime(2026, 11, 23, 9, 0, 5, tzinfo=dt.timezone.utc)


@pytest.fixture
def frozen(monkeypatch):
    """Every command runs in the same second."""
    from neurocoach.clock import Clock

    monkeypatch.setattr(Clock, "now", lambda self: NOW)


def invoke(db, *args):
    return CliRunner().invoke(cli, ["--db", str(db), *map(str, args)], catch_exceptions=False)


def test_backup_out_folder_names_the_copy_unique_in_that_folder(tmp_path, frozen):
    db = tmp_path / "data" / "neurocoach.db"
    assert invoke(db, "checkin", "--pain", "3", "--feet", "ok").exit_code == 0
    assert invoke(db, "backup").exit_code == 0           # backups/…-090005.bak
    out = tmp_path / "usb"
    assert invoke(db, "backup", "--out", f"{out}/").exit_code == 0
    assert invoke(db, "backup", "--out", f"{out}/").exit_code == 0   # the same second again
    assert sorted(p.name for p in out.iterdir()) == [
        "neurocoach.db.backup-2026-11-23-090005-2.bak",
        "neurocoach.db.backup-2026-11-23-090005.bak"]
    assert [p.name for p in (db.parent / "backups").glob("*.backup-*")] == [
        "neurocoach.db.backup-2026-11-23-090005.bak"]
