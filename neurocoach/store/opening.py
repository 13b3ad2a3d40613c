"""Opening the DB file safely: refuse anything that is not ours, never touch it.

Every check here reads only. A file that fails one is left byte-for-byte as it was.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from neurocoach.store.migrations import MIGRATION_SET, known_names

SQLITE_MAGIC = b"SQLite format 3\x00"


class StoreError(Exception):
    """A DB problem the person must see as one clear line (exit status 2)."""


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK)


def inspect_existing(path: Path) -> bool:
    """Check an existing path. Returns True if it is an empty (new) database.

    Raises StoreError for a directory, a foreign, corrupt, newer or unwritable file.
    """
    if path.is_dir():
        raise StoreError(f"{path} is a directory, not a neurocoach database file.")
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror}.") from None
    if head == b"":
        empty = True
    elif head != SQLITE_MAGIC:
        raise StoreError(f"{path} is not a neurocoach database (not an SQLite file); left untouched.")
    else:
        empty = _check_contents(path)
    if not _writable(path) or not _writable(path.parent):
        raise StoreError(
            f"cannot write to {path}: check its permissions (and its folder's); nothing was changed."
        )
    return empty


def _check_contents(path: Path) -> bool:
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open {path}: {exc}.") from None
    try:
        ok = conn.execute("PRAGMA quick_check").fetchone()
        if not ok or ok[0] != "ok":
            raise StoreError(f"{path} is damaged (SQLite integrity check failed); left untouched.")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return True
        if "_sqlite_migrations" not in tables:
            raise StoreError(f"{path} is an SQLite database, but not neurocoach's; left untouched.")
        applied = {
            r[0]
            for r in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
            )
        }
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path} is damaged or not a database ({exc}); left untouched.") from None
    finally:
        conn.close()
    if not applied:
        raise StoreError(f"{path} is an SQLite database, but not neurocoach's; left untouched.")
    unknown = applied - known_names()
    if unknown:
        raise StoreError(
            f"{path} was written by a newer neurocoach (schema {sorted(unknown)[-1]}); "
            "upgrade neurocoach to open it. Left untouched."
        )
    return False


def prepare_new(path: Path) -> None:
    """Create the data folder (0700) and an empty private file (0600)."""
    parent = path.parent
    try:
        if not parent.exists():
            parent.mkdir(parents=True, mode=0o700)
            os.chmod(parent, 0o700)
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
    except FileExistsError:
        pass
    except OSError as exc:
        raise StoreError(f"cannot create {path}: {exc.strerror}.") from None
