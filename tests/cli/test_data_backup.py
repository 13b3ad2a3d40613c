"""backup and restore from the shell: private copies, checks, and asking first."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import stat
import subprocess
import sys

import pytest
import sqlite_utils

from neurocoach.store import Store
from tests.cli.helpers import one_line_error
from neurocoach.store.migrations import MIGRATION_SET


def run(*args, db=None, stdin: str | None = None) -> subprocess.CompletedProcess:
    argv = [sys.executable, "-m", "neurocoach"]
    if db is not None:
        argv += ["--db", str(db)]
    return subprocess.run(argv + [str(a) for a in args], capture_output=True, text=True,
                          timeout=60, input=stdin,
                          stdin=subprocess.DEVNULL if stdin is None else None)


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def pains(path) -> list[int]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT pain FROM checkins ORDER BY day")]
    finally:
        conn.close()


def with_pain(path, pain: int, day: str = "2026-01-05"):
    """A DB with one check-in, written directly (the CLI would also make a daily copy)."""
    from neurocoach.domain.models import Checkin

    store = Store.open(path)
    store.record_checkin(Checkin(day=dt.date.fromisoformat(day), pain=int(pain)),
                         dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.timezone.utc))
    store.close()
    return path


@pytest.fixture
def current(db_path):
    """The person's DB: one check-in, pain 7."""
    return with_pain(db_path, 7)


@pytest.fixture
def saved(tmp_path):
    """A backup made earlier: pain 2 on another day."""
    source = with_pain(tmp_path / "old" / "n.db", 2, "2026-01-01")
    out = tmp_path / "saved.bak"
    assert run("backup", "--out", out, db=source).returncode == 0
    return out


def test_backup_by_default_goes_to_the_backups_folder(current):
    result = run("backup", db=current)
    assert result.returncode == 0, result.stderr
    (made,) = (current.parent / "backups").iterdir()
    assert made.name.startswith("neurocoach.db.backup-") and made.suffix == ".bak"
    assert str(made) in result.stdout and "1 check-in" in result.stdout
    assert mode(made) == 0o600 and mode(made.parent) == 0o700
    assert pains(made) == [7]


def test_backup_out_file_folder_and_refusals(current, tmp_path):
    out = tmp_path / "copy.bak"
    assert run("backup", "--out", out, db=current).returncode == 0
    assert pains(out) == [7] and mode(out) == 0o600
    before = digest(out)
    one_line_error(run("backup", "--out", out, db=current), "already exists", "--force")
    assert digest(out) == before
    assert run("backup", "--out", out, "--force", db=current).returncode == 0
    folder = tmp_path / "usb"
    folder.mkdir()
    assert run("backup", "--out", folder, db=current).returncode == 0
    assert [p.name.startswith("neurocoach.db.backup-") for p in folder.iterdir()] == [True]
    one_line_error(run("backup", "--out", tmp_path / "no" / "x.bak", db=current),
                   "does not exist")
    absent = tmp_path / "absent" / "n.db"
    one_line_error(run("backup", db=absent), "no neurocoach database")
    assert not absent.parent.exists()


def test_backup_out_ending_in_slash_is_a_new_private_folder(current, tmp_path):
    folder = tmp_path / "usb" / "neurocoach"
    (tmp_path / "usb").mkdir()
    result = run("backup", "--out", f"{folder}/", db=current)
    assert result.returncode == 0, result.stderr
    assert folder.is_dir() and mode(folder) == 0o700
    (made,) = folder.iterdir()
    assert made.name.startswith("neurocoach.db.backup-") and pains(made) == [7]
    assert mode(made) == 0o600
    one_line_error(run("backup", "--out", f"{tmp_path}/nowhere/deeper/", db=current),
                   "does not exist")
    assert not (tmp_path / "nowhere").exists()
    afile = tmp_path / "copy.bak"
    afile.write_text("x")
    one_line_error(run("backup", "--out", f"{afile}/", db=current), "not a folder")
    assert afile.read_text() == "x"


def test_restore_with_yes_replaces_and_keeps_the_old(current, saved):
    result = run("restore", saved, "--yes", db=current)
    assert result.returncode == 0, result.stderr
    assert pains(current) == [2]
    assert mode(current) == 0o600
    (kept,) = (current.parent / "backups").glob("neurocoach.db.before-restore-*.bak")
    assert pains(kept) == [7] and mode(kept) == 0o600
    assert str(kept) in result.stdout
    assert not [p for p in current.parent.iterdir() if p.name.endswith(".tmp")]
    store = Store.open(current)  # a normal, working DB
    assert [c.pain for c in store.checkins_between(dt.date(2026, 1, 1), dt.date(2026, 1, 9))] == [2]
    store.close()


def asked(*args, stdin: str, monkeypatch):
    """restore as a person at a terminal runs it (click's runner, which has no tty)."""
    from click.testing import CliRunner

    from neurocoach.cli import backup as cli_backup
    from neurocoach.cli import cli

    monkeypatch.setattr(cli_backup, "can_ask", lambda: True)
    return CliRunner().invoke(cli, [str(a) for a in args], input=stdin)


def test_restore_asks_first(current, saved, monkeypatch):
    before = digest(current)
    declined = asked("--db", current, "restore", saved, stdin="n\n", monkeypatch=monkeypatch)
    assert declined.exit_code == 1
    assert "Replace" in declined.stderr and "1 check-in" in declined.stderr
    assert "nothing was changed" in declined.stderr
    assert declined.stdout == ""  # the question is a message: stdout is for what was done
    assert digest(current) == before
    assert not (current.parent / "backups").exists()

    agreed = asked("--db", current, "restore", saved, stdin="y\n", monkeypatch=monkeypatch)
    assert agreed.exit_code == 0, agreed.stderr
    assert pains(current) == [2]
    assert agreed.stdout.startswith("Restored ") and len(agreed.stdout.splitlines()) == 1


@pytest.mark.parametrize("stdin", [None, "y\n"])
def test_restore_with_no_terminal_refuses_without_asking(current, saved, stdin):
    # No terminal (nothing to read, or a pipe that says yes): no question on stdout, one
    # line on stderr naming the flag that confirms, exit status 2, nothing changed.
    before = digest(current)
    result = run("restore", saved, db=current, stdin=stdin)
    one_line_error(result, "--yes", "nothing was changed", "no terminal")
    assert result.stdout == ""
    assert digest(current) == before
    assert not [p for p in current.parent.iterdir() if p.name != current.name]


def test_restore_into_a_new_place_needs_no_question(saved, tmp_path):
    target = tmp_path / "new" / "n.db"
    result = run("restore", saved, db=target)
    assert result.returncode == 0, result.stderr
    assert pains(target) == [2] and mode(target) == 0o600
    assert mode(target.parent) == 0o700


def _newer(path):
    Store.open(path).close()
    db = sqlite_utils.Database(path)
    db["_sqlite_migrations"].insert({"migration_set": MIGRATION_SET, "name": "m999_future",
                                     "applied_at": "2030-01-01"})
    db.conn.close()


def _text(path):
    path.write_text("my shopping list")


def _foreign(path):
    db = sqlite_utils.Database(path)
    db["recipes"].insert({"name": "soup"})
    db.conn.close()


@pytest.mark.parametrize("make, words", [
    (_newer, ["newer", "Nothing was changed"]),
    (_text, ["not a neurocoach database", "nothing was changed"]),
    (_foreign, ["not neurocoach's", "nothing was changed"]),
], ids=["newer", "text", "foreign"])
def test_restore_refuses_a_bad_file_and_touches_nothing(current, tmp_path, make, words):
    bad = tmp_path / "bad.bak"
    make(bad)
    before_bad, before_db = digest(bad), digest(current)
    one_line_error(run("restore", bad, "--yes", db=current), str(bad), *words)
    assert digest(bad) == before_bad and digest(current) == before_db
    assert sorted(p.name for p in current.parent.iterdir()) == ["neurocoach.db"]


def test_restore_other_refusals(current, tmp_path):
    one_line_error(run("restore", tmp_path / "absent.bak", "--yes", db=current), "does not exist")
    one_line_error(run("restore", current, "--yes", db=current), "the database itself")
    one_line_error(run("restore", tmp_path, "--yes", db=current), "folder")


def test_restore_over_a_damaged_db_keeps_its_bytes(saved, tmp_path):
    damaged = tmp_path / "d" / "n.db"
    damaged.parent.mkdir()
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    one_line_error(run("status", db=damaged), "damaged")
    result = run("restore", saved, "--yes", db=damaged)
    assert result.returncode == 0, result.stderr
    assert pains(damaged) == [2]
    (kept,) = (damaged.parent / "backups").iterdir()
    assert kept.read_bytes() == b"SQLite format 3\x00" + b"\xff" * 4000


def test_backup_into_a_read_only_folder_is_one_clear_line(current, tmp_path, read_only_folder):
    locked = tmp_path / "locked"
    locked.mkdir()
    read_only_folder(locked)
    one_line_error(run("backup", "--out", locked / "copy.bak", db=current), "cannot write")
    assert not (locked / "copy.bak").exists()


def test_restore_refuses_while_a_window_has_the_database_open(current, saved):
    # The app in another window keeps writing to the file it opened: a swapped file would
    # silently lose what it writes next. restore says so instead, and changes nothing.
    window = Store.open(current)
    window.hold_in_use()                                 # as `neurocoach` does on opening
    before = digest(current)
    refused = run("restore", saved, "--yes", db=current)
    one_line_error(refused, "neurocoach is open on")
    assert "close it first" in refused.stderr
    assert digest(current) == before and pains(current) == [7]
    assert not (current.parent / "backups").exists()
    window.close()                                       # the window closes: now it works
    assert run("restore", saved, "--yes", db=current).returncode == 0
    assert pains(current) == [2]


def test_two_windows_may_share_the_database(current):
    first, second = Store.open(current), Store.open(current)
    first.hold_in_use()
    second.hold_in_use()                                 # a second SSH window: no refusal
    first.close()
    second.close()
