"""Where the data lives must be the person's own: a DB folder, DB file or backups/ of
another user, or a folder others may write in, is refused in one line (exit 2); a shared
sticky folder (as /tmp) is allowed with a warning. `--db` through a symlink acts on the
real file. A path that cannot name a file is one line, never a traceback."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3

import pytest

from neurocoach.domain.models import Checkin
from neurocoach.store import Store
from tests.cli.helpers import one_line_error
from tests.security.helpers import digest, other_uid, run


def _db(path, pain=3):
    store = Store.open(path)
    store.record_checkin(Checkin(day=dt.date(2026, 3, 1), pain=pain),
                         dt.datetime(2026, 3, 1, 9, tzinfo=dt.timezone.utc))
    store.close()
    return path


def test_a_folder_of_another_user_is_refused(tmp_path):
    folder = tmp_path / "theirs"
    folder.mkdir()
    os.chown(folder, other_uid(), -1)
    result = run("status", db=folder / "x.db")
    one_line_error(result, "belongs to another user")
    assert os.listdir(folder) == []


def test_a_database_file_of_another_user_is_refused(tmp_path):
    db = _db(tmp_path / "x.db")
    os.chown(db, other_uid(), -1)
    one_line_error(run("status", db=db), "belongs to another user")


def test_a_folder_others_can_write_in_is_refused(tmp_path):
    db = _db(tmp_path / "data" / "x.db")
    db.parent.chmod(0o777)
    before = digest(db)
    one_line_error(run("checkin", "--pain", "5", db=db), "can be written by other users")
    assert digest(db) == before


def test_a_shared_sticky_folder_is_allowed_with_a_warning(tmp_path):
    db = _db(tmp_path / "data" / "x.db")
    db.parent.chmod(0o1777)
    result = run("status", db=db)
    assert result.returncode == 0, result
    assert "warning" in result.stderr and "shared with other users" in result.stderr


def test_backups_planted_by_another_user_or_as_a_link_get_no_copy(tmp_path):
    db = _db(tmp_path / "data" / "x.db")
    theirs = tmp_path / "elsewhere"
    theirs.mkdir()
    (db.parent / "backups").symlink_to(theirs)
    one_line_error(run("backup", db=db), "not a plain folder")
    assert os.listdir(theirs) == []
    (db.parent / "backups").unlink()
    (db.parent / "backups").mkdir(mode=0o700)
    os.chown(db.parent / "backups", other_uid(), -1)
    one_line_error(run("backup", db=db), "belongs to another user")
    assert os.listdir(db.parent / "backups") == []


def test_db_through_a_symlink_backs_up_and_restores_the_real_file(tmp_path):
    real = _db(tmp_path / "data" / "real.db", pain=3)
    link = tmp_path / "data" / "link.db"
    link.symlink_to(real)
    backup = tmp_path / "data" / "copy.bak"
    _db(tmp_path / "other" / "o.db", pain=8)
    conn = sqlite3.connect(tmp_path / "other" / "o.db")
    conn.execute(f"VACUUM INTO '{backup}'")
    conn.close()
    result = run("restore", "--yes", backup, db=link)
    assert result.returncode == 0, result
    assert link.is_symlink() and os.readlink(link) == str(real)
    conn = sqlite3.connect(real)
    assert conn.execute("SELECT pain FROM checkins").fetchone()[0] == 8
    conn.close()
    result = run("backup", db=link)
    assert result.returncode == 0, result
    assert any(p.name.startswith("real.db.backup-")
               for p in (tmp_path / "data" / "backups").iterdir())


def test_paths_that_name_no_file_are_one_line(tmp_path):
    one_line_error(run("status", db="~nosuchuser-i14/x.db"), "not a user")
    one_line_error(run("status", db=tmp_path / ("a" * 300) / "x.db"), "255 bytes")
    one_line_error(run("export", "--format", "json", "--out", "~nosuchuser-i14/x.json", db=_db(tmp_path / "x.db")),
                   "not a user")


async def test_the_coach_shows_the_shared_folder_warning(tmp_path, clock):
    from neurocoach.domain.models import Profile
    from neurocoach.tui.app import NeurocoachApp

    db = _db(tmp_path / "data" / "x.db")
    db.parent.chmod(0o1777)
    store = Store.open(db)
    store.save_profile(Profile(), clock.now())
    app = NeurocoachApp(store=store, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = [str(n.message) for n in app._notifications]
        assert any("shared with other users" in m for m in shown), shown
    store.close()


def _outs(db, out):
    return {"backup": ["backup", "--out", out], "export": ["export", "--format", "csv",
            "--out", out], "report": ["report", "--out", out],
            "plan export": ["plan", "export", "--out", out]}


def test_nothing_is_written_into_a_folder_another_user_owns_or_can_write(tmp_path):
    # Someone sharing the host leaves a folder of theirs (or a link to it) where the person
    # puts a report or an export: it was written there, 0600 but in a folder its owner
    # may empty or fill with a report of their own before the person sends it on.
    db = _db(tmp_path / "data" / "x.db")
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o777)
    theirs.chmod(0o777)
    os.chown(theirs, other_uid(), -1)
    (tmp_path / "my-reports").symlink_to(theirs)
    open_to_all = tmp_path / "open"
    open_to_all.mkdir()
    open_to_all.chmod(0o777)                         # no sticky bit: others may swap
    for folder, words in ((theirs, "belongs to another user"),
                          (tmp_path / "my-reports", "belongs to another user"),
                          (open_to_all, "other users can write in")):
        for command, argv in _outs(db, f"{folder}/").items():
            one_line_error(run(*argv, db=db), words)
        assert os.listdir(theirs) == [] and os.listdir(open_to_all) == []


def test_a_name_of_another_user_in_a_shared_folder_is_said_before_writing(tmp_path):
    db = _db(tmp_path / "data" / "x.db")
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)                             # as /tmp
    planted = shared / "report.md"
    planted.write_text("theirs\n")
    os.chown(planted, other_uid(), -1)
    result = run("report", "--out", planted, "--force", db=db)
    one_line_error(result, str(planted), "belongs to another user")
    assert ".tmp" not in result.stderr               # it named a temp file before
    assert planted.read_text() == "theirs\n" and os.listdir(shared) == ["report.md"]
    ok = run("report", "--out", shared / "mine.md", db=db)   # a sticky folder is fine
    assert ok.returncode == 0, ok.stderr


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal"])
@pytest.mark.parametrize("kind", ["their file", "a link"])
def test_sqlites_own_files_planted_beside_the_database_are_refused(tmp_path, suffix, kind):
    # In a shared sticky folder (allowed, as /tmp) another user can add the names SQLite
    # opens beside the database. A -wal of theirs that everyone may write was used as it
    # was: every check-in went into a file they can read (and write frames into), and a
    # link there made the open fail as "damaged or not a database".
    db = _db(tmp_path / "shared" / "x.db")
    db.parent.chmod(0o1777)
    spot = db.parent / f"x.db{suffix}"
    if kind == "a link":
        target = tmp_path / "elsewhere"
        target.write_text("not a database's\n")
        spot.symlink_to(target)
    else:
        spot.write_bytes(b"")
        spot.chmod(0o666)
        os.chown(spot, other_uid(), -1)
    before = digest(db)
    for argv in (["checkin", "--pain", "5"], ["status"], ["backup"]):
        one_line_error(run(*argv, db=db), str(spot), "folder of your own")
    assert digest(db) == before
    if kind == "a link":
        assert (tmp_path / "elsewhere").read_text() == "not a database's\n"
    else:
        assert spot.read_bytes() == b""


def test_a_wal_planted_between_the_check_and_the_open_is_never_used(tmp_path, monkeypatch):
    # The check above reads the names once; someone racing it (a loop making x.db-wal and
    # removing it again) could still have SQLite open theirs. The -wal and -shm are made
    # the person's own (0600, O_EXCL) before SQLite opens them, so one planted after the
    # check is seen then, and refused.
    import neurocoach.store as store_module

    db = _db(tmp_path / "shared" / "x.db")
    db.parent.chmod(0o1777)
    wal = db.parent / "x.db-wal"
    inspect = store_module.inspect_existing

    def raced(path, **kwargs):
        result = inspect(path, **kwargs)
        wal.write_bytes(b"")                             # planted just after the check
        wal.chmod(0o666)
        os.chown(wal, other_uid(), -1)
        return result

    monkeypatch.setattr(store_module, "inspect_existing", raced)
    with pytest.raises(store_module.StoreError, match="another user"):
        Store.open(db)
    assert wal.read_bytes() == b""
    wal.unlink()
    monkeypatch.setattr(store_module, "inspect_existing", inspect)
    store = Store.open(db)                               # nothing planted: its own files
    try:
        for suffix in ("-wal", "-shm"):
            st = os.lstat(f"{db}{suffix}")
            assert st.st_uid == os.geteuid() and st.st_mode & 0o777 == 0o600, suffix
    finally:
        store.close()
    assert _db(db).exists()                              # and it still reads and writes
