"""Copies of the DB through SQLite's backup API, always private (0600)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path


def backup_to(conn: sqlite3.Connection, dest: Path) -> Path:
    """Write a consistent copy of `conn` to `dest` (via a temp file, then rename)."""
    tmp = dest.with_name(dest.name + ".tmp")
    fd = os.open(tmp, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    os.close(fd)
    try:
        target = sqlite3.connect(tmp)
        try:
            conn.backup(target)
        finally:
            target.close()
        os.chmod(tmp, 0o600)
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return dest


def pre_migration_path(db_path: Path, stamp: str) -> Path:
    return db_path.with_name(f"{db_path.name}.before-upgrade-{stamp}.bak")
