"""A new database made in one go (issue 17: `import` into a new file, the first run):
the schema this program's migrations build, run as one script in one transaction, with
every migration recorded as applied, instead of importing sqlite-utils (about 50-100 ms)
and running the migrations one by one.

The script is derived as the expected schema is (store/schema.py): by running the
migrations on a database in memory, and kept in the person's private cache beside it,
under the same key (the migrations' source, SQLite's version). What the script made is
compared with the expected schema before it is committed; any difference, an unreadable
script, or none cached yet: nothing is kept, and the migrations run one by one as before
(the script is derived then, for next time).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

from neurocoach.store.migration_names import MIGRATION_SET, MIGRATIONS
from neurocoach.store.schema import _cache_file, _mine, foreign_parts, keep_in_cache

RECORD = ("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
          " VALUES (?, ?, ?)")


def made_from_script(conn: sqlite3.Connection, now: dt.datetime) -> bool:
    """Give the new, empty database behind `conn` (autocommit) the full schema from the
    cached script; True if done, False (nothing changed) if the migrations must run."""
    script = _cached_script()
    if script is None:
        return False
    applied_at = str(now.astimezone(dt.timezone.utc))  # as sqlite-utils records it
    conn.execute("BEGIN IMMEDIATE")
    try:
        for sql in script:
            conn.execute(sql)
        conn.executemany(RECORD, [(MIGRATION_SET, name, applied_at) for name in MIGRATIONS])
        if foreign_parts(conn, set(MIGRATIONS), MIGRATIONS):
            raise sqlite3.DatabaseError("the cached script is not the migrations' schema")
    except sqlite3.Error:
        conn.execute("ROLLBACK")
        return False
    conn.execute("COMMIT")
    return True


def keep_script() -> None:
    """Derive the script and keep it in the cache (sqlite-utils is loaded already: called
    after a new database was migrated one migration at a time)."""
    cache = _cache_file(MIGRATIONS, "script")
    if cache is None or cache.exists():
        return
    try:
        keep_in_cache(cache, json.dumps(derived_script()))
    except OSError:
        pass  # no cache: the migrations run one by one next time too


def derived_script() -> list[str]:
    """The statements that make what the migrations make: the tables, then the indexes
    (SQLite's own tables and automatic indexes come with them)."""
    from sqlite_utils import Database

    from neurocoach.store.migrations import migrations

    conn = sqlite3.connect(":memory:")
    try:
        migrations.apply(Database(conn, execute_plugins=False))
        rows = conn.execute("SELECT type, sql FROM sqlite_master WHERE sql IS NOT NULL"
                            " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid")
        made = list(rows)
    finally:
        conn.close()
    return [sql for kind, sql in made if kind == "table"] + \
           [sql for kind, sql in made if kind != "table"]


def _cached_script() -> list[str] | None:
    cache = _cache_file(MIGRATIONS, "script")
    if cache is None or not _mine(cache):
        return None
    try:
        script = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(script, list) or not all(isinstance(s, str) for s in script):
        return None
    return script
