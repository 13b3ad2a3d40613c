"""Where the person's data lives."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "NEUROCOACH_DB"
DB_NAME = "neurocoach.db"


def default_data_dir() -> Path:
    # Imported here: platformdirs is cheap, but `status` runs at every login.
    from platformdirs import user_data_dir

    return Path(user_data_dir("neurocoach", appauthor=False))


class BadPath(ValueError):
    """A path typed that cannot name a file (an unknown ~user, a name too long): one line."""


def expand(typed: str | os.PathLike[str]) -> Path:
    """`~` and `~user` expanded, or BadPath naming what is wrong (never a traceback)."""
    try:
        path = Path(typed).expanduser()
    except RuntimeError:
        raise BadPath(f"{str(typed).split('/')[0]} is not a user on this computer, so "
                      f"{typed} names no folder.") from None
    for part in path.parts:
        if len(os.fsencode(part)) > 255:
            raise BadPath(f"a name in {str(path)[:60]}… is longer than the 255 bytes a "
                          "file name may have.")
    return path


def chosen(cli_value: str | os.PathLike[str] | None = None) -> bool:
    """True when the person named the database (`--db` or NEUROCOACH_DB), False for the
    platform's default place, which does not exist before the coach is first opened."""
    return bool(cli_value) or bool(os.environ.get(ENV_VAR))


def resolve_db_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """`--db` wins, then NEUROCOACH_DB, then the platform data directory.

    A symlink is followed to the real file here, once: a backup, a restore (a rename over
    the name) and the lock must all act on the file the data is in, not on the link."""
    if cli_value:
        path = expand(cli_value)
    elif os.environ.get(ENV_VAR):
        path = expand(os.environ[ENV_VAR])
    else:
        path = default_data_dir() / DB_NAME
    if os.path.islink(path):
        path = Path(os.path.realpath(path))
    return path
