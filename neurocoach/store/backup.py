"""Copies of the DB through SQLite's backup API, always private (0600).

Three kinds of copy, all in a `backups/` folder (0700) beside the DB, except the
pre-migration one which has always lived right beside it:
- `<db>.daily-YYYY-MM-DD.bak`: one a day, the last DAILY_KEEP kept;
- `<db>.backup-<stamp>.bak`: on demand (`neurocoach backup`), never rotated;
- `<db>.before-restore-<stamp>.bak`: what a `restore` replaced, never rotated.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import stat
from pathlib import Path

from neurocoach.store.files import private_temp, staged, write_private_bytes
from neurocoach.store.places import check_data_folder, check_private_dir
from neurocoach.store.opening import SQLITE_MAGIC, StoreError, check_integrity, connect, inspect_existing
from neurocoach.domain.words import count

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (2 ms of `status`)
if TYPE_CHECKING:
    from typing import IO

try:
    import fcntl
except ImportError:  # Windows: no POSIX file locks
    fcntl = None

CAN_LOCK = fcntl is not None
"""False where the system has no POSIX file locks: windows then share the file unlocked,
and `restore` says it cannot check for them (see NO_LOCKS)."""

NO_LOCKS = ("this system has no POSIX file locks, so restore cannot tell whether "
            "neurocoach is open in another window: close every neurocoach window first.")

DAILY_KEEP = 7
"""Daily copies kept: a week of days to go back to."""


def backup_to(conn: sqlite3.Connection, dest: Path) -> Path:
    """Write a consistent copy of `conn` to `dest` (via a temp file, then rename)."""
    with staged(dest) as tmp:  # a private temp file, renamed over `dest` at the end
        target = connect(tmp)
        try:
            conn.backup(target)
            # A standalone file: no -wal/-shm beside it when it is read (Store.open turns
            # WAL back on when the copy is restored).
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
    return dest


def pre_migration_path(db_path: Path, stamp: str) -> Path:
    return db_path.with_name(f"{db_path.name}.before-upgrade-{stamp}.bak")


# -- where copies go ---------------------------------------------------------------
def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def _ensure_private_dir(folder: Path) -> None:
    """Made 0700 if missing; refused if it is not the person's own (see store/places.py)."""
    try:
        if not os.path.lexists(folder):
            folder.mkdir(parents=True, mode=0o700)
            os.chmod(folder, 0o700)
    except FileExistsError:
        pass  # made by another process just now (two windows opening at once): checked below
    except OSError as exc:
        raise StoreError(f"cannot create the folder {folder}: {exc.strerror}.") from None
    check_private_dir(folder)


def daily_path(db_path: Path, day: dt.date) -> Path:
    return backups_dir(db_path) / f"{db_path.name}.daily-{day.isoformat()}.bak"


def stamped_path(db_path: Path, kind: str, stamp: str, folder: Path | None = None) -> Path:
    """`kind` is "backup" (on demand) or "before-restore". Never a copy already there:
    two in the same second get -2, -3… rather than the second replacing the first. The
    name is unique in `folder`, where it is written (default: the backups folder)."""
    folder = backups_dir(db_path) if folder is None else folder
    path, n = folder / f"{db_path.name}.{kind}-{stamp}.bak", 2
    while path.exists():
        path, n = folder / f"{db_path.name}.{kind}-{stamp}-{n}.bak", n + 1
    return path


def daily_backups(db_path: Path) -> list[tuple[dt.date, Path]]:
    """This DB's daily copies, oldest first."""
    pattern = re.compile(re.escape(db_path.name) + r"\.daily-(\d{4}-\d{2}-\d{2})\.bak")
    found = []
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    for path in folder.iterdir():
        match = pattern.fullmatch(path.name)
        if match:
            try:
                found.append((dt.date.fromisoformat(match[1]), path))
            except ValueError:
                continue
    return sorted(found)


def make_daily_backup(conn: sqlite3.Connection, db_path: Path, today: dt.date,
                      keep: int = DAILY_KEEP) -> Path | None:
    """Today's copy if there is none yet, then only the newest `keep` dailies are kept.

    Returns the new copy, or None when today's already existed. Raises StoreError.
    """
    dest = daily_path(db_path, today)
    if dest.exists():
        return None
    # Never rotate good copies away for a damaged one (the open checks are the cheap ones).
    check_integrity(conn, db_path, "no daily copy was made, the earlier ones are kept")
    _ensure_private_dir(dest.parent)
    try:
        backup_to(conn, dest)
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(f"could not write the daily backup {dest}: {exc}.") from None
    for _, old in daily_backups(db_path)[:-keep]:
        old.unlink(missing_ok=True)
    return dest


def write_copy(conn: sqlite3.Connection, dest: Path) -> Path:
    """An on-demand copy at `dest` (its folder must exist). Raises StoreError (DamagedError
    if the DB is damaged: no copy is made)."""
    main = next((row[2] for row in conn.execute("PRAGMA database_list") if row[1] == "main"), "")
    check_integrity(conn, Path(main), "no copy was made")
    try:
        return backup_to(conn, dest)
    except (OSError, sqlite3.Error) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise StoreError(f"cannot write {dest}: {reason}.") from None


def default_copy_path(db_path: Path, stamp: str) -> Path:
    dest = stamped_path(db_path, "backup", stamp)
    _ensure_private_dir(dest.parent)
    return dest


# -- restoring ---------------------------------------------------------------------
def _readonly(path: Path) -> sqlite3.Connection:
    """For files that are not ours to change (a backup given to restore)."""
    return connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _reader(path: Path) -> sqlite3.Connection:
    """For our own DB: a plain connection that only reads, so that closing it tidies the
    WAL away (a read-only one would leave -wal and -shm files behind)."""
    if os.access(path, os.W_OK) and os.access(path.parent, os.W_OK):
        return connect(path)
    return _readonly(path)


def stage_restore(source: Path, db_path: Path) -> Path:
    """Copy `source` beside the DB as a temp file and check it is a neurocoach DB this
    program can open (not foreign, damaged, empty or newer). Returns the temp file;
    raises StoreError (with nothing left behind) otherwise. `source` is only read."""
    if not source.exists():
        raise StoreError(f"{source} does not exist.")
    if source.is_dir():
        raise StoreError(f"{source} is a folder, not a neurocoach backup file.")
    try:
        fd = os.open(source, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO must not hold us waiting
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise StoreError(f"{source} is not a regular file (a pipe or a device?), "
                                 "not a neurocoach backup; nothing was changed.")
            head = os.read(fd, len(SQLITE_MAGIC))
        finally:
            os.close(fd)
    except OSError as exc:
        raise StoreError(f"cannot read {source}: {exc.strerror}.") from None
    if head != SQLITE_MAGIC:
        raise StoreError(f"{source} is not a neurocoach database (not an SQLite file); "
                         "nothing was changed.")
    if not db_path.parent.is_dir():
        _ensure_private_dir(db_path.parent)
    check_data_folder(db_path)
    tmp = None
    try:
        tmp = private_temp(db_path)
        conn = _readonly(source)
        try:
            backup_to(conn, tmp)
        finally:
            conn.close()
        if inspect_existing(tmp):
            raise StoreError(f"{source} is an empty database; nothing was changed.")
    except StoreError as exc:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        message = str(exc).replace(str(tmp), str(source))
        message = message.replace("Left untouched.", "Nothing was changed.")
        raise StoreError(message.replace("left untouched", "nothing was changed")) from None
    except (OSError, sqlite3.Error) as exc:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        raise StoreError(f"cannot read {source} as a database ({exc}); nothing was changed.") \
            from None
    return tmp


def keep_current(db_path: Path, stamp: str) -> Path | None:
    """Copy the DB about to be replaced into backups/; None if there is no DB file.

    A readable DB is copied through the backup API (so its WAL is included); a file
    SQLite cannot read (damaged, foreign) is copied byte for byte."""
    if not db_path.exists():
        return None
    dest = stamped_path(db_path, "before-restore", stamp)
    _ensure_private_dir(dest.parent)
    try:
        conn = _reader(db_path)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            backup_to(conn, dest)
        finally:
            conn.close()
    except sqlite3.Error:
        try:
            with open(db_path, "rb") as fh:
                write_private_bytes(dest, fh.read())
        except OSError as exc:
            raise StoreError(f"could not keep a copy of {db_path}: {exc.strerror}; "
                             "nothing was changed.") from None
    except OSError as exc:
        raise StoreError(f"could not keep a copy of {db_path}: {exc.strerror}; "
                         "nothing was changed.") from None
    return dest


def _locked(db_path: Path, shared: bool, refusal: str) -> IO[bytes]:
    """The DB file, open and flock-ed shared or alone (without waiting), for as long as the returned
    file stays open; StoreError(refusal) if another process holds a lock that excludes it."""
    handle = open(db_path, "rb")
    if fcntl is None:
        return handle  # nothing to lock with (see CAN_LOCK): the caller warns where it matters
    try:
        fcntl.flock(handle, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise StoreError(refusal) from None
    return handle


def hold_shared(db_path: Path) -> IO[bytes]:
    """A shared lock on the DB file: any number of windows share it; only a restore (which
    wants it alone) is kept out."""
    return _locked(db_path, True, f"{db_path} is being restored from a backup "
                   "right now; open neurocoach again in a moment.")


def hold_alone(db_path: Path) -> IO[bytes]:
    """The DB file to ourselves (for a restore), or StoreError if a window has it open."""
    return _locked(db_path, False, f"neurocoach is open on {db_path} (in another "
                   "window?): close it first, then restore. Nothing was changed.")


def put_in_place(staged: Path, db_path: Path) -> None:
    """Replace the DB with the staged file (0600). The old WAL and shared-memory files
    go too: left behind, SQLite would replay the old WAL onto the restored file."""
    try:
        os.chmod(staged, 0o600)
        os.replace(staged, db_path)
    except OSError as exc:
        staged.unlink(missing_ok=True)
        raise StoreError(f"cannot replace {db_path}: {exc.strerror}; nothing was changed.") \
            from None
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)


def describe(path: Path) -> str:
    """A few words on what a neurocoach DB holds, for a confirmation question."""
    try:
        conn = _reader(path)
        try:
            checkins, last = conn.execute("SELECT count(*), max(day) FROM checkins").fetchone()
            sessions, s_last = conn.execute("SELECT count(*), max(day) FROM sessions").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return "not readable as a neurocoach database"
    last = max(d for d in (last, s_last, "") if d is not None)
    words = f"{count(checkins, 'check-in')}, {count(sessions, 'session')}"
    return words + (f", last on {last}" if last else "")
