"""A new database gets the migrations' schema in one script (store/fresh.py, issue 17:
`import` into a new file): the same schema and the same migrations recorded as when they
run one by one, without sqlite-utils; a script that is not the migrations' is not used."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

from neurocoach.store import Store
from neurocoach.store.migration_names import MIGRATION_SET, MIGRATIONS
from neurocoach.store.schema import _cache_file, schema_of


def _shape(path) -> dict:
    conn = sqlite3.connect(path)
    try:
        return schema_of(conn)
    finally:
        conn.close()


def _applied(path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT migration_set, name FROM _sqlite_migrations"
                            " ORDER BY id").fetchall()
    finally:
        conn.close()


def test_a_new_db_is_made_in_one_go_as_the_migrations_make_it(tmp_path, clock):
    Store.open(tmp_path / "first.db", clock=clock).close()  # one by one; the script kept
    assert _cache_file(MIGRATIONS, "script").is_file()
    code = ("import sys; from neurocoach.store import Store; "
            "Store.open(sys.argv[1]).close(); "
            "print(sorted(m for m in sys.modules if m.startswith('sqlite_utils')))")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "second.db")],
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"  # no Migrations run: the script made it
    assert _shape(tmp_path / "second.db") == _shape(tmp_path / "first.db")
    assert _applied(tmp_path / "second.db") == [(MIGRATION_SET, n) for n in MIGRATIONS]
    assert _applied(tmp_path / "first.db") == _applied(tmp_path / "second.db")
    store = Store.open(tmp_path / "second.db", clock=clock)  # opens as up to date
    assert store.profile().days_per_week == 5
    store.close()


def test_a_script_that_is_not_the_migrations_is_not_used(tmp_path, clock):
    Store.open(tmp_path / "first.db", clock=clock).close()
    cache = _cache_file(MIGRATIONS, "script")
    script = json.loads(cache.read_text())
    planted = ("CREATE TRIGGER planted AFTER INSERT ON checkins BEGIN"
               " DELETE FROM sessions; END")
    cache.write_text(json.dumps(script + [planted]))
    store = Store.open(tmp_path / "second.db", clock=clock)  # the migrations one by one
    store.close()
    assert _shape(tmp_path / "second.db") == _shape(tmp_path / "first.db")
    assert "trigger planted" not in _shape(tmp_path / "second.db")
    assert _applied(tmp_path / "second.db") == [(MIGRATION_SET, n) for n in MIGRATIONS]
