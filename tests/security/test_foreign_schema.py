"""A database is data, never code: a file whose schema is not exactly neurocoach's own
(a trigger, a view, a table, an index or a column more) is refused at open and at
restore, in one line, and left byte for byte as it was."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from neurocoach.domain.models import Checkin
from neurocoach.store import Store, StoreError
from tests.security.helpers import digest, run

PLANTED = {
    "trigger": "CREATE TRIGGER t AFTER INSERT ON checkins BEGIN "
               "UPDATE profile SET feet = 'pwned'; END",
    "view": "CREATE VIEW v AS SELECT * FROM checkins",
    "table": "CREATE TABLE extra (x)",
    "index": "CREATE INDEX idx_extra ON checkins (note)",
    "column": "ALTER TABLE checkins ADD COLUMN extra TEXT",
    "changed column": "ALTER TABLE plan RENAME COLUMN note TO notes",
}


def _crafted(path, what: str):
    store = Store.open(path)
    store.record_checkin(Checkin(day=dt.date(2026, 3, 1), pain=3),
                         dt.datetime(2026, 3, 1, 9, tzinfo=dt.timezone.utc))
    store.close()
    conn = sqlite3.connect(path)
    conn.execute(PLANTED[what])
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("what", sorted(PLANTED))
def test_a_database_with_something_of_someone_elses_is_not_opened(tmp_path, what):
    path = _crafted(tmp_path / "x.db", what)
    before = digest(path)
    with pytest.raises(StoreError, match="never makes"):
        Store.open(path)
    assert digest(path) == before


@pytest.mark.parametrize("what", ["trigger", "view", "table"])
def test_restore_refuses_a_backup_with_planted_sql(tmp_path, what):
    db = tmp_path / "data" / "x.db"
    Store.open(db).close()
    backup = _crafted(tmp_path / "planted.bak", what)
    before = digest(db)
    result = run("restore", "--yes", backup, db=db)
    assert result.returncode == 2, result
    assert "never makes" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert digest(db) == before


def test_the_check_is_derived_from_the_migrations_so_an_upgraded_file_passes(tmp_path):
    """An older file (a migration not yet applied) is compared with what the migrations
    built up to then, and then upgraded as before."""
    from tests.unit.test_migrations import _db_before

    path = tmp_path / "x.db"
    _db_before(path, "m002_plans_levels_custom").close()   # as a program before m003 left it
    store = Store.open(path, stamp="x")
    assert not store.welcomed()
    store.close()


def test_no_connection_trusts_the_schema(tmp_path):
    store = Store.open(tmp_path / "x.db")
    try:
        assert store.conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
    finally:
        store.close()


def test_a_schema_cache_others_could_write_is_not_trusted(tmp_path):
    """The derived schema is kept in the person's cache; a cache file anyone could have
    written (here: one that lets a trigger in) is ignored and the schema derived again."""
    import json

    from neurocoach.store.opening import MIGRATIONS
    from neurocoach.store.schema import _cache_file, schema_of

    path = _crafted(tmp_path / "x.db", "trigger")
    conn = sqlite3.connect(path)
    forged = json.loads(json.dumps(schema_of(conn)))
    conn.close()
    cache = _cache_file(tuple(MIGRATIONS))
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps(forged))
    cache.chmod(0o666)
    with pytest.raises(StoreError, match="never makes"):
        Store.open(path)
