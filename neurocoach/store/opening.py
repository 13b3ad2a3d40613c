"""Opening the DB file safely: refuse anything that is not ours, never touch it.

Every check here reads only. A file that fails one is left byte-for-byte as it was.

What is checked when:
- at every open (the TUI, and `status` at every login), the cheap checks: the SQLite
  header, the schema and the migrations table can be read (SQLite itself refuses a file
  shorter than its header says), this program knows every migration applied, and the
  file can be written;
- before anything copies or rewrites the whole file (a migration, a backup, a restore),
  also `PRAGMA quick_check`, which reads every page: about 15 ms on ten years of data,
  too slow for every login, and a damaged file must not be copied over good backups;
- damage in a page the cheap checks did not read surfaces when it is read, as an SQLite
  error: `use_error` turns it into the same kind of one line (the CLI and the App stop on
  it, no traceback).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"

MIGRATION_SET = "neurocoach"
MIGRATIONS = ("m001_initial", "m002_plans_levels_custom", "m003_profile_welcomed",
              "m004_i12_feet_and_balance", "m004_i13_screening_self_tests",
              "m004_i18_profile_movement", "m004_i17_progress_indexes",
              "m005_i17_exercise_totals")
"""The names of the migrations in store/migrations.py, in order (a test keeps the two the
same). Known here, with the applied ones read in plain SQL, so that opening an up-to-date
DB imports neither migrations.py nor sqlite-utils (about 50 ms and 6 MiB at every launch)."""


class StoreError(Exception):
    """A DB problem the person must see as one clear line (exit status 2)."""


class DamagedError(StoreError):
    """SQLite found the file damaged: nothing more should be written to or copied from it."""


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK)


def inspect_existing(path: Path, *, thorough: bool = True) -> bool:
    """Check an existing path. Returns True if it is an empty (new) database.

    Raises StoreError for a directory, a foreign, corrupt, newer or unwritable file.
    `thorough` adds `PRAGMA quick_check` (every page read); Store.open leaves it out and
    runs it itself only before a migration.
    """
    if path.is_dir():
        raise StoreError(f"{path} is a directory, not a neurocoach database file.")
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror}.") from None
    if head not in (b"", SQLITE_MAGIC):
        raise StoreError(f"{path} is not a neurocoach database (not an SQLite file); left untouched.")
    # Before SQLite opens it: a read-only file (or folder) would be left with -wal and -shm
    # files beside it by a reading connection, which then stand in the way of writing.
    if not _writable(path) or not _writable(path.parent):
        raise StoreError(
            f"cannot write to {path}: check its permissions (and its folder's); nothing was changed."
        )
    return head == b"" or _check_contents(path, thorough)


def _check_contents(path: Path, thorough: bool) -> bool:
    """Read through a read-only connection; but a hot journal (a kill mid-write in
    rollback-journal mode) needs a plain one, which rolls it back (a read-only one reports
    it as damage). Only called once the file is known to be writable."""
    journal = Path(f"{path}-journal")
    hot = journal.is_file() and journal.stat().st_size > 0
    try:
        conn = connect(path) if hot else connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open {path}: {exc}.") from None
    try:
        if thorough:
            check_integrity(conn, path)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return True
        if "_sqlite_migrations" not in tables:
            raise StoreError(f"{path} is an SQLite database, but not neurocoach's; left untouched.")
        applied = _applied(conn)
        if not applied:
            raise StoreError(f"{path} is an SQLite database, but not neurocoach's; "
                             "left untouched.")
        unknown = applied - set(MIGRATIONS)
        if unknown:
            raise StoreError(
                f"{path} was written by a newer neurocoach (schema {sorted(unknown)[-1]}); "
                "upgrade neurocoach to open it. Left untouched."
            )
        refuse_foreign_schema(conn, path, applied)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path} is damaged or not a database ({exc}); left untouched.") from None
    finally:
        conn.close()
    return False


def refuse_foreign_schema(conn: sqlite3.Connection, path: Path, applied: set[str]) -> None:
    """StoreError unless the schema is exactly the one this program's migrations build
    (no trigger, view, table, index or column of anyone else's). See store/schema.py."""
    from neurocoach.store.schema import foreign_parts

    odd = foreign_parts(conn, applied)
    if odd:
        more = f" and {len(odd) - 1} more" if len(odd) > 1 else ""
        raise StoreError(f"{path} holds what neurocoach never makes ({odd[0]}{more}): a "
                         "database is data, never code, so it is refused; left untouched.")


def connect(database: str | Path, **kwargs) -> sqlite3.Connection:
    """Every connection the program makes: the schema is never trusted to call functions
    with side effects (PRAGMA trusted_schema = OFF), whatever SQLite was built with."""
    conn = sqlite3.connect(database, **kwargs)
    conn.execute("PRAGMA trusted_schema = OFF")
    return conn


def _applied(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET])}


def pending_migrations(conn: sqlite3.Connection) -> list[str]:
    """The migrations this program knows that the DB has not had yet (all of them for a
    new file)."""
    has_table = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table'"
                             " AND name = '_sqlite_migrations'").fetchone()
    applied = _applied(conn) if has_table else set()
    return [name for name in MIGRATIONS if name not in applied]


def check_integrity(conn: sqlite3.Connection, path: Path,
                    consequence: str = "left untouched") -> None:
    """`PRAGMA quick_check` (reads every page). Raises DamagedError, naming what was not
    done (`consequence`), if SQLite finds the file damaged."""
    try:
        ok = conn.execute("PRAGMA quick_check").fetchone()
    except sqlite3.DatabaseError as exc:
        raise DamagedError(f"{path} is damaged or not a database ({exc}); {consequence}.") \
            from None
    if not ok or ok[0] != "ok":
        raise DamagedError(f"{path} is damaged (SQLite integrity check failed); {consequence}.")


FILE_PROBLEMS = ("SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_IOERR", "SQLITE_FULL",
                 "SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_READONLY", "SQLITE_CANTOPEN",
                 "SQLITE_PERM", "SQLITE_PROTOCOL")
"""SQLite errors that are about the file, not the program (extended codes start alike)."""


def use_error(path: Path, exc: BaseException) -> StoreError | None:
    """An SQLite error met while using an open DB, as the one line the person reads; None
    for an error that is a bug in the program (a constraint, a misuse), not the file's,
    and for anything that is not an SQLite error (callers above the store never name
    sqlite3: they pass whatever they caught).

    Damage in a page the opening checks did not read surfaces here (SQLITE_CORRUPT), as do
    a file SQLite cannot go on using (I/O error, disk full, locked past the busy timeout)."""
    if not isinstance(exc, sqlite3.Error):
        return None
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return DamagedError(
            f"{path} is damaged ({exc}); neurocoach stopped without writing more to it. "
            f"`neurocoach restore` can put back a copy from {path.parent / 'backups'}.")
    if name.startswith(FILE_PROBLEMS):
        return StoreError(f"cannot use {path}: {exc}.")
    return None


@contextlib.contextmanager
def file_errors(path: Path) -> Iterator[None]:
    """Inside it, an SQLite error that is the file's fault is raised as the StoreError that
    says so in one line (`use_error`); any other error goes on as it was."""
    try:
        yield
    except sqlite3.Error as exc:
        problem = use_error(path, exc)
        if problem is None:
            raise
        raise problem from exc


def prepare_new(path: Path) -> None:
    """Create the data folder (0700) and an empty private file (0600)."""
    parent = path.parent
    try:
        missing = []
        while not parent.exists():
            missing.append(parent)
            parent = parent.parent
        for folder in reversed(missing):  # each one made private, not only the last
            folder.mkdir(mode=0o700)
            os.chmod(folder, 0o700)
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
    except FileExistsError:
        pass
    except OSError as exc:
        raise StoreError(f"cannot create {path}: {exc.strerror}.") from None
