"""The one way neurocoach writes a file: whole or not at all, readable only by the person.

Every file the program writes (backups, daily copies, the copies kept before an upgrade or
a restore, a restore's staging file, exports, reports, plan files; from the shell and from
the coach) goes through here:

- a temp file made with `tempfile.mkstemp` in the target's own folder (O_CREAT|O_EXCL|
  O_NOFOLLOW, a name nobody can guess, mode 0600);
- written, flushed to the disk (fsync);
- renamed over the target. A rename replaces the *name*: a symlink planted there is
  replaced, never followed, and a hard link to someone else's file keeps that file as it was.

Nothing is ever opened to be truncated: what is already there stays whole until the rename.
Two processes writing the same name both end with a sound file (the last rename wins).

Plain functions with no Textual or click in them: the shell, the coach and `serve` call them.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path


def _mkstemp(**kwargs) -> tuple[int, str]:
    """tempfile.mkstemp, imported on first use: tempfile brings shutil, random, bz2 and
    lzma, which `neurocoach status` (at every login) never needs."""
    import tempfile

    return tempfile.mkstemp(**kwargs)


def private_temp(path: Path) -> Path:
    """A new, empty, private (0600) file beside `path`, under a name nobody can guess.
    The caller fills it (SQLite's backup API writes through its own connection) and then
    calls `put_over`; or removes it. Raises OSError."""
    path = Path(path)
    fd, name = _mkstemp(prefix=f".{path.name[:60]}.", suffix=".tmp",
                         dir=path.parent or ".")
    os.close(fd)
    return Path(name)


def put_over(temp: Path, path: Path) -> None:
    """Flush `temp` to the disk and rename it over `path` (and the rename itself too)."""
    fd = os.open(temp, os.O_RDONLY | os.O_NOFOLLOW)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temp, path)
    _sync_folder(Path(path).parent)


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder or ".", os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def staged(path: Path) -> Iterator[Path]:
    """A private temp file beside `path`, renamed over it when the block ends without an
    error; removed otherwise."""
    temp = private_temp(path)
    try:
        yield temp
        put_over(temp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)


def write_private_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a private temp file and a rename. Raises OSError."""
    path = Path(path)
    fd, name = _mkstemp(prefix=f".{path.name[:60]}.", suffix=".tmp",
                         dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(name, path)
        _sync_folder(path.parent)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)


def write_private_text(path: Path, text: str) -> None:
    """Write `text` (UTF-8, newlines as given) the same way. Raises OSError."""
    write_private_bytes(path, text.encode("utf-8"))


def write_private_files(files: dict[Path, str | Iterable[str]]) -> None:
    """Write every file or none: all temp files first, then the renames. A file's text is
    one string or its pieces in order (a streamed export). Raises OSError."""
    temps: dict[Path, Path] = {}
    try:
        for path, text in files.items():
            path = Path(path)
            fd, name = _mkstemp(prefix=f".{path.name[:60]}.", suffix=".tmp",
                                 dir=path.parent or ".")
            temps[path] = Path(name)
            with os.fdopen(fd, "wb") as fh:
                for piece in (text,) if isinstance(text, str) else text:
                    fh.write(piece.encode("utf-8"))
        for path, temp in temps.items():
            put_over(temp, path)
    finally:
        for temp in temps.values():
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)


PLAN_FILE_MAX = 1024 * 1024
"""A plan file is a few KiB; anything over 1 MiB is not one."""
EXPORT_FILE_MAX = 256 * 1024 * 1024
"""Decades of daily data export to a few MiB; 256 MiB is far past any real one."""


class NotReadable(OSError):
    """A file given to read that is not one to read (a FIFO, a device, a folder, too big)."""


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes. Never waits on a FIFO, never
    reads a device (/dev/zero is endless) or more than `limit`. Raises NotReadable with the
    reason in words, or OSError."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # opening a FIFO does not wait
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise NotReadable(f"{path} is a folder, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise NotReadable(f"{path} is not a regular file (a pipe or a device?)")
        if st.st_size > limit:
            raise NotReadable(f"{path} is {st.st_size:,} bytes, over the {limit:,} this kind "
                              "of file may have")
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read(limit + 1)
        if len(data) > limit:
            raise NotReadable(f"{path} is over the {limit:,} bytes this kind of file may have")
        return data
    finally:
        os.close(fd)
