"""Someone sharing a folder plants a symlink or a hard link at a name neurocoach is about
to write: the file it points to must stay exactly as it was, and neurocoach's own file
must still be whole.

Before the one private writer, the copies went through `<name>.tmp` (and the restore
through `<db>.restore.tmp`) opened with O_TRUNC, following whatever was there: a backup
could be poured into another person's file, and a hard link cut to nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest

from neurocoach.store.files import write_private_files, write_private_text
from neurocoach.domain.models import Checkin
from neurocoach.store import Store
from neurocoach.store.backup import (
    daily_path, keep_current, make_daily_backup, pre_migration_path, stage_restore,
    stamped_path, write_copy,
)
from tests.security.helpers import digest, plant

KINDS = ["symlink", "hardlink"]
DAY = dt.date(2026, 3, 4)
NOW = dt.datetime(2026, 3, 4, 9, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def shared(tmp_path):
    """A folder everyone can write in (as /tmp), and a file of someone else's in it."""
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o1777)  # sticky, as /tmp: others add names, cannot replace ours
    victim = folder / "someone-elses.txt"
    victim.write_text("not yours to change\n")
    return folder, victim


def _db(folder: Path) -> Path:
    path = folder / "x.db"
    store = Store.open(path)
    store.record_checkin(Checkin(day=DAY, pain=4), NOW)
    store.close()
    return path


def _pain(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT pain FROM checkins").fetchone()[0]
    finally:
        conn.close()


def _names(path: Path) -> list[str]:
    """Every name an older neurocoach would have used on the way to writing `path`."""
    return [path.name, f"{path.name}.tmp", f".{path.name}.{os.getpid()}.tmp"]


@pytest.mark.parametrize("kind", KINDS)
def test_the_daily_copy_never_goes_into_a_planted_link(shared, kind):
    folder, victim = shared
    db = _db(folder)
    before = digest(victim)
    (folder / "backups").mkdir(mode=0o700)
    dest = daily_path(db, DAY)
    plant(dest.parent, [f"{dest.name}.tmp"], victim, kind)
    conn = sqlite3.connect(db)
    try:
        assert make_daily_backup(conn, db, DAY) == dest
    finally:
        conn.close()
    assert digest(victim) == before
    assert not dest.is_symlink() and _pain(dest) == 4


@pytest.mark.parametrize("kind", KINDS)
def test_a_copy_on_demand_replaces_a_planted_link_instead_of_writing_through_it(shared, kind):
    folder, victim = shared
    db = _db(folder)
    before = digest(victim)
    dest = folder / "copy.bak"
    plant(folder, _names(dest), victim, kind)
    conn = sqlite3.connect(db)
    try:
        write_copy(conn, dest)
    finally:
        conn.close()
    assert digest(victim) == before
    assert not dest.is_symlink() and _pain(dest) == 4


@pytest.mark.parametrize("kind", KINDS)
def test_restore_staging_and_the_copy_kept_before_it_follow_no_link(shared, kind):
    folder, victim = shared
    db = _db(folder)
    source = folder / "source.bak"
    conn = sqlite3.connect(db)
    write_copy(conn, source)
    conn.close()
    before = digest(victim)
    (folder / "backups").mkdir(mode=0o700)
    kept = stamped_path(db, "before-restore", "s1")
    plant(folder, [f"{db.name}.restore.tmp", f"{db.name}.restore.tmp.tmp"], victim, kind)
    plant(kept.parent, [f"{kept.name}.tmp"], victim, kind)
    staged = stage_restore(source, db)
    assert keep_current(db, "s1") == kept
    staged.unlink()
    assert digest(victim) == before
    assert _pain(kept) == 4


@pytest.mark.parametrize("kind", KINDS)
def test_the_copy_before_an_upgrade_follows_no_link(shared, kind):
    from tests.unit.test_migrations import _db_before

    folder, victim = shared
    db = folder / "x.db"
    conn = _db_before(db, "m002_plans_levels_custom")     # as an older program left it
    conn.execute("INSERT INTO checkins (day, pain, feet, note) VALUES (?, 4, 'ok', '')",
                 [DAY.isoformat()])
    conn.commit()
    conn.close()
    before = digest(victim)
    copy = pre_migration_path(db, "s2")
    plant(folder, [f"{copy.name}.tmp"], victim, kind)
    Store.open(db, stamp="s2").close()
    assert digest(victim) == before
    assert _pain(copy) == 4


@pytest.mark.parametrize("kind", KINDS)
def test_files_written_for_the_person_follow_no_link(shared, kind):
    folder, victim = shared
    before = digest(victim)
    one, two = folder / "plan.toml", folder / "report.md"
    plant(folder, _names(one) + _names(two), victim, kind)
    write_private_text(one, "one\n")
    write_private_files({two: "two\n"})
    assert digest(victim) == before
    assert one.read_text() == "one\n" and two.read_text() == "two\n"
    assert not one.is_symlink() and one.stat().st_mode & 0o777 == 0o600


def test_nothing_is_ever_opened_to_be_cut_short():
    """No O_TRUNC anywhere: a file already there stays whole until the rename."""
    root = Path(__file__).resolve().parents[2] / "neurocoach"
    offenders = [str(p) for p in root.rglob("*.py") if "O_TRUNC" in p.read_text()]
    assert offenders == []


def test_two_writers_of_the_same_name_never_share_a_temp_file(tmp_path):
    """Two processes making the same day's copy at once: each writes its own temp file,
    so both end with a sound copy (the second rename simply wins)."""
    from neurocoach.store.files import private_temp

    target = tmp_path / "x.db.daily.bak"
    first, second = private_temp(target), private_temp(target)
    assert first != second and first.parent == second.parent == tmp_path


@pytest.mark.parametrize("kind", KINDS)
def test_the_shell_commands_write_through_no_planted_link(shared, kind):
    """The same, through the real commands a person types: backup, export, report and
    plan export into a folder others can write in, with links planted at every name."""
    from tests.security.helpers import run

    folder, victim = shared
    db = _db(folder)
    before = digest(victim)
    outs = {"backup": folder / "copy.bak", "export": folder / "all.json",
            "report": folder / "report.md", "plan export": folder / "plan.toml"}
    for out in outs.values():
        plant(folder, _names(out), victim, kind)
    for command, out in outs.items():
        extra = ["--format", "json"] if command == "export" else []
        result = run(*command.split(), *extra, "--out", out, "--force", db=db)
        assert result.returncode == 0, (command, result.stderr)
        assert not out.is_symlink() and out.stat().st_nlink == 1, command
        assert (out.stat().st_mode & 0o777) == 0o600, command
    assert digest(victim) == before
    assert _pain(outs["backup"]) == 4
