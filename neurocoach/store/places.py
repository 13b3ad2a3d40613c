"""Where the data lives must be the person's own: nobody else may own the DB's folder, the
DB file or `backups/`, nor be able to write in them.

Someone who can write in the DB's folder can swap the DB for their own file, or read every
copy put there; one who owns `backups/` (or made it a symlink) gets every backup. Those are
refused in one line. A folder everyone can write in but with the sticky bit (as /tmp) only
lets others add names, not replace ours (and every file is written through a private temp
file and a rename, see neurocoach/store/files.py): that is allowed, with a warning.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from neurocoach.store.opening import StoreError

SYSTEM_UID = 0
"""Folders such as /tmp belong to root; only root could abuse them, and root can anyway."""


def _owner_ok(st: os.stat_result) -> bool:
    return st.st_uid in (os.geteuid(), SYSTEM_UID)


def check_data_folder(db_path: Path) -> list[str]:
    """Refuse (StoreError) a DB folder or file that is not the person's own; return the
    warnings to show for one merely shared (everyone may add names, none may replace)."""
    folder = db_path.parent
    try:
        st = os.stat(folder)
    except OSError:
        return []  # not made yet: made 0700 by the program itself
    where = f"the folder {folder} that holds {db_path.name}"
    if not _owner_ok(st):
        raise StoreError(f"{where} belongs to another user (uid {st.st_uid}); keep your "
                         "data in a folder of your own. Nothing was opened.")
    open_to = st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    if open_to and not st.st_mode & stat.S_ISVTX:
        raise StoreError(f"{where} can be written by other users, who could swap the "
                         "database for their own; use a folder only you can write in "
                         f"(chmod go-w {folder}). Nothing was opened.")
    try:
        file_st = os.stat(db_path)
    except OSError:
        file_st = None
    if file_st is not None and file_st.st_uid != os.geteuid():
        raise StoreError(f"{db_path} belongs to another user (uid {file_st.st_uid}); "
                         "neurocoach opens only your own database. Nothing was opened.")
    _refuse_planted_companions(db_path)
    if open_to:
        return [f"{where} is shared with other users (as /tmp is): they cannot change "
                "your files there, but can see their names; a folder of your own is safer."]
    return []


COMPANIONS = ("-wal", "-shm", "-journal")
"""The files SQLite opens beside a database, by name, following whatever is there."""


def _refuse_planted_companions(db_path: Path) -> None:
    """SQLite opens `x.db-wal`, `-shm` and `-journal` by name and uses what it finds: in a
    shared folder another user can put them there first. A -wal of theirs gets every page
    written (they read it, and can write pages the next open takes as the database's); a
    -journal of theirs is rolled back into the file. Each must be a plain file of the
    person's own, or absent."""
    for suffix in COMPANIONS:
        spot = Path(f"{db_path}{suffix}")
        try:
            st = os.lstat(spot)
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode) or st.st_uid != os.geteuid():
            what = ("a link" if stat.S_ISLNK(st.st_mode) else "not a plain file"
                    if not stat.S_ISREG(st.st_mode) else f"another user's (uid {st.st_uid})")
            raise StoreError(f"{spot}, where SQLite keeps your database's changes, is {what}: "
                             "whoever put it there could read and change your data through "
                             "it. Keep the database in a folder of your own. Nothing was "
                             "opened.")


def claim_companions(db_path: Path) -> None:
    """Just before SQLite opens the database: its -wal and -shm, where missing, made now as
    the person's own (0600, O_EXCL, no link followed), so that SQLite finds theirs, never
    one someone else made after `check_data_folder` looked (racing it in a shared folder,
    where they cannot replace or remove the person's files); then checked again. Empty
    files are what SQLite makes itself. Raises StoreError."""
    for suffix in COMPANIONS[:2]:
        try:
            fd = os.open(f"{db_path}{suffix}",
                         os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        except OSError:
            continue  # there already (checked below), or SQLite will say why not
        os.close(fd)
    _refuse_planted_companions(db_path)


def check_private_dir(folder: Path) -> None:
    """`backups/` (or any folder the program keeps copies in) must be a real folder, the
    person's own, that nobody else can write in. Raises StoreError."""
    try:
        st = os.lstat(folder)
    except OSError as exc:
        raise StoreError(f"cannot use the folder {folder}: {exc.strerror}.") from None
    if stat.S_ISLNK(st.st_mode) or not stat.S_ISDIR(st.st_mode):
        raise StoreError(f"{folder} is not a plain folder (a link or a file is there); "
                         "remove it so neurocoach can keep its copies in a folder of yours.")
    if st.st_uid != os.geteuid():
        raise StoreError(f"the folder {folder} belongs to another user (uid {st.st_uid}); "
                         "neurocoach keeps copies of your data only in a folder of yours.")
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise StoreError(f"the folder {folder} can be written by other users; make it "
                         f"yours alone (chmod 700 {folder}) before neurocoach puts copies there.")


def unsafe_to_write(path: Path) -> str | None:
    """Why a file of the person's must not be written at `path` (a report, an export, a
    plan file, a backup), in words; None when it may be. Its folder must not belong to
    another user, nor be open to others' writing without the sticky bit: they could swap
    the file once written, or planted the folder (or a link to one of theirs) for it. A
    name already there that is another user's cannot be replaced (a sticky folder refuses
    the rename): said before anything is written."""
    folder = path.parent
    try:
        st = os.stat(folder)
    except OSError:
        return None  # the caller says the folder is missing
    if not _owner_ok(st):
        return (f"cannot write {path}: the folder {folder} belongs to another user "
                f"(uid {st.st_uid}), who could read its names and swap the file; write "
                "it in a folder of your own.")
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH) and not st.st_mode & stat.S_ISVTX:
        return (f"cannot write {path}: other users can write in {folder} and could swap "
                "the file; write it in a folder only you can write in.")
    try:
        there = os.lstat(path)
    except OSError:
        return None
    if there.st_uid != os.geteuid():
        return (f"cannot write {path}: that name belongs to another user "
                f"(uid {there.st_uid}); give another name.")
    return None
