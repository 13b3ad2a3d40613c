"""The store's own errors: every SQLite error the person can meet, as one clear line.

Nothing above store/ names sqlite3: the Store's methods raise these, and `file_errors` /
`use_error` turn an SQLite error that is the file's fault (damage in a page the opening
checks did not read, disk full, locked past the busy timeout) into them.
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3
from collections.abc import Iterator
from pathlib import Path


class StoreError(Exception):
    """A DB problem the person must see as one clear line (exit status 2)."""


class DamagedError(StoreError):
    """SQLite found the file damaged: nothing more should be written to or copied from it."""


FILE_PROBLEMS = ("SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_IOERR", "SQLITE_FULL",
                 "SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_READONLY", "SQLITE_CANTOPEN",
                 "SQLITE_PERM", "SQLITE_PROTOCOL")
"""SQLite errors that are about the file, not the program (extended codes start alike)."""


def use_error(path: Path, exc: BaseException) -> StoreError | None:
    """An SQLite error met while using an open DB, as the one line the person reads (a
    StoreError as it is); None for an error that is a bug in the program (a constraint,
    a misuse), not the file's, and for anything else (callers above the store never name
    sqlite3: they pass whatever they caught).

    Damage in a page the opening checks did not read surfaces here (SQLITE_CORRUPT), as do
    a file SQLite cannot go on using (I/O error, disk full, locked past the busy timeout)."""
    if isinstance(exc, StoreError):
        return exc  # the Store API's own (see `raising_own_errors`): said already
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


def raising_own_errors(cls: type) -> type:
    """Every public method of `cls` (the Store with its mixins) runs inside `file_errors`,
    so the Store API raises StoreError (DamagedError for a damaged page), never an SQLite
    error that is the file's fault: nothing above store/ needs to name sqlite3. An error
    that is a bug (a constraint, a misuse) still goes on as it was."""
    for name in dir(cls):  # the member as the class defines it (inspect.getattr_static's
        # answer, without importing inspect: `status` runs at every login)
        member = next((vars(k)[name] for k in cls.__mro__ if name in vars(k)), None)
        if not name.startswith("_") and isinstance(member, _FUNCTION):  # not a property,
            setattr(cls, name, _own_errors(member))  # a classmethod or a staticmethod
    return cls


_FUNCTION = type(use_error)


def _own_errors(method):
    @functools.wraps(method)
    def wrapped(self, *args, **kwargs):
        try:  # as `file_errors`, without a context manager's cost on every call
            return method(self, *args, **kwargs)
        except sqlite3.Error as exc:
            problem = use_error(self.path, exc)
            if problem is None:
                raise
            raise problem from exc

    return wrapped
