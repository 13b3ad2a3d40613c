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


def resolve_db_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """`--db` wins, then NEUROCOACH_DB, then the platform data directory."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return default_data_dir() / DB_NAME
