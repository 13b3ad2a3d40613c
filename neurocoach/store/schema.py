"""A database is data, never code: its schema must be exactly the one this program builds.

The expected schema is not written down by hand (migrations are added all the time): it is
*derived*, by running this program's own migrations on a fresh database in memory, and
compared with the file's, object by object: every table with its columns (name, type, not
null, default, key, hidden), foreign keys and indexes. Anything else (a trigger, a view, a
table or index of someone else's, a column more or less) is refused: a trigger planted in
a backup would otherwise run with the person's rights the next time neurocoach writes.

Deriving needs sqlite-utils (about 100 ms to import), which an up-to-date open avoids: the
derived schema is kept in the person's private cache folder under a key made of the
migrations' own source and SQLite's version, so it is derived again whenever either
changes. A cache file that is not the person's own, or that others could write, is ignored.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from functools import lru_cache
from pathlib import Path

try:  # CPython's own SHA-256: hashlib would load OpenSSL first (2-3 ms at every open)
    from _sha256 import sha256
except ImportError:
    try:  # 3.12+
        from _sha2 import sha256
    except ImportError:  # other Pythons
        from hashlib import sha256

Shape = dict[str, tuple]

IGNORED = ("sqlite_sequence", "sqlite_stat1", "sqlite_stat4")
"""SQLite's own bookkeeping tables: made by SQLite itself, they hold no code."""


def schema_of(conn: sqlite3.Connection) -> Shape:
    """Every object in the schema, described in a form two databases can be compared in."""
    shape: Shape = {}
    rows = conn.execute("SELECT type, name, tbl_name FROM sqlite_master"
                        " ORDER BY type, name").fetchall()
    for kind, name, table in rows:
        if name in IGNORED:
            continue
        if kind == "table":
            quoted = _quote(name)
            columns = tuple((r[1], str(r[2]).upper(), *r[3:])  # name, type, not null, ...
                            for r in conn.execute(f"PRAGMA table_xinfo({quoted})"))
            keys = tuple(tuple(r[2:]) for r in conn.execute(f"PRAGMA foreign_key_list({quoted})"))
            shape[f"table {name}"] = (columns, keys)
        elif kind == "index":
            quoted = _quote(name)
            columns = tuple(r[2] for r in conn.execute(f"PRAGMA index_info({quoted})"))
            listed = conn.execute(f"PRAGMA index_list({_quote(table)})").fetchall()
            unique = next((r[2] for r in listed if r[1] == name), None)
            shape[f"index {name}"] = (table, columns, unique)
        else:  # a trigger, a view: never ours
            shape[f"{kind} {name}"] = (kind,)
    return shape


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _plain(shape: Shape) -> dict:
    """The shape as JSON gives it back (lists, not tuples), so a cached one compares equal."""
    return json.loads(json.dumps(shape))


def cache_folder() -> str:
    """The person's private cache folder, as platformdirs' `user_cache_dir` names it. On
    Linux it is worked out here ($XDG_CACHE_HOME when absolute, else ~/.cache): importing
    platformdirs (with tempfile, shutil, random) costs `status` about 5 ms at every login.
    Elsewhere, or with no absolute HOME, platformdirs says."""
    if sys.platform.startswith("linux") and "ANDROID_DATA" not in os.environ:
        base = os.environ.get("XDG_CACHE_HOME", "")
        home = os.environ.get("HOME", "")
        if os.path.isabs(base):
            return os.path.join(base, "neurocoach")
        if os.path.isabs(home):
            return os.path.join(home, ".cache", "neurocoach")
    from platformdirs import user_cache_dir

    return user_cache_dir("neurocoach", appauthor=False)


def _cache_file(applied: tuple[str, ...], kind: str = "schema") -> Path | None:
    try:
        folder = cache_folder()
        source = Path(__file__).with_name("migrations.py").read_bytes()
    except (ImportError, OSError, RuntimeError):
        return None
    key = sha256(source + sqlite3.sqlite_version.encode()
                         + "\n".join(applied).encode()).hexdigest()[:32]
    return Path(folder) / f"{kind}-{key}.json"


def _mine(path: Path) -> bool:
    """Owned by this user and writable by no one else (the file and its folder)."""
    try:
        return all(p.stat().st_uid == os.geteuid() and not p.stat().st_mode & 0o022
                   for p in (path, path.parent))
    except OSError:
        return False


def keep_in_cache(cache: Path, text: str) -> None:
    """Write a cache file, only into a real folder of the person's that nobody else can
    write in (made 0700 when missing): a link planted at the cache folder, or a folder
    others may write in, gets nothing. Raises OSError."""
    import stat

    cache.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
    st = os.lstat(cache.parent)
    if (not stat.S_ISDIR(st.st_mode) or st.st_uid != os.geteuid()
            or st.st_mode & 0o022):
        return
    from neurocoach.store.files import write_private_text

    write_private_text(cache, text)


def expected_schema(applied: tuple[str, ...]) -> dict:
    """`derived_schema`, read from the private cache when it is there."""
    cache = _cache_file(applied)
    if cache is not None and _mine(cache):
        try:
            return json.loads(cache.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
    shape = _plain(derived_schema(applied))
    if cache is not None:
        try:
            keep_in_cache(cache, json.dumps(shape))
        except OSError:
            pass  # no cache: derived again next time
    return shape


@lru_cache(maxsize=8)
def derived_schema(applied: tuple[str, ...]) -> Shape:
    """The schema this program's own migrations build, up to (not including) the first of
    its migrations not in `applied`: what a file with those migrations applied must hold."""
    from sqlite_utils import Database

    from neurocoach.store.migrations import migrations

    order = [m.name for m in migrations._migrations]
    pending = [name for name in order if name not in applied]
    conn = sqlite3.connect(":memory:")
    try:
        db = Database(conn, execute_plugins=False)
        migrations.apply(db, stop_before=pending[0] if pending else None)
        return schema_of(conn)
    finally:
        conn.close()


def foreign_parts(conn: sqlite3.Connection, applied: set[str],
                  known: tuple[str, ...]) -> list[str]:
    """What in this database's schema is not exactly this program's (empty: all is ours).
    `known`: this program's migrations in order (opening's MIGRATIONS)."""
    ours = expected_schema(tuple(name for name in known if name in applied))
    theirs = _plain(schema_of(conn))
    odd = [name for name in theirs if theirs[name] != ours.get(name)]
    odd += [f"missing {name}" for name in ours if name not in theirs]
    return sorted(odd)
