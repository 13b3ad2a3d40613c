"""Schema upgrades: each runs once, and an existing file is backed up first."""

from __future__ import annotations

import sqlite3
import stat

import sqlite_utils

from neurocoach.models import Checkin
from neurocoach.store import Store
from neurocoach.store import opening
from neurocoach.store.migrations import MIGRATION_SET, migrations


def test_fresh_db_records_every_migration(store):
    applied = [m.name for m in migrations.applied(store.db)]
    assert applied == [m.name for m in migrations._migrations]
    rows = list(store.db.query("SELECT DISTINCT migration_set FROM _sqlite_migrations"))
    assert rows == [{"migration_set": MIGRATION_SET}]


def test_opening_knows_every_migration_by_name_in_order():
    # Opening reads the applied names in plain SQL against this list, so that an
    # up-to-date DB opens without importing sqlite-utils: a new migration goes in both.
    assert opening.MIGRATIONS == tuple(m.name for m in migrations._migrations)


def test_an_up_to_date_db_opens_without_sqlite_utils(db_path):
    import subprocess
    import sys

    Store.open(db_path).close()
    code = ("import sys; from neurocoach.store import Store; "
            f"Store.open({str(db_path)!r}).close(); "
            "print(sorted(m for m in sys.modules if m.startswith('sqlite_utils')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"


def test_initial_schema_columns(store):
    assert store.db["checkins"].pks == ["day"]
    assert set(store.db["entries"].columns_dict) >= {
        "session_id", "step_index", "exercise_id", "side", "status", "reps", "seconds",
        "rating", "logged_at",
    }
    fks = store.db["entries"].foreign_keys
    assert [(fk.column, fk.other_table) for fk in fks] == [("session_id", "sessions")]


def test_foreign_keys_are_enforced(store):
    import pytest

    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute(
            "INSERT INTO entries (session_id, step_index, exercise_id, status)"
            " VALUES (999, 0, 'walking', 'done')"
        )


def test_pending_migration_backs_up_then_upgrades(tmp_path, clock, monkeypatch):
    path = tmp_path / "n.db"
    store = Store.open(path)
    store.record_checkin(Checkin(day=clock.today(), pain=4, feet="ok"), clock.now())
    store.close()

    def m900_add_column(db):
        db["checkins"].add_column("mood", int)

    extra = migrations._Migration("m900_add_column", m900_add_column)
    monkeypatch.setattr(migrations, "_migrations", [*migrations._migrations, extra])
    monkeypatch.setattr(opening, "MIGRATIONS", (*opening.MIGRATIONS, "m900_add_column"))
    upgraded = Store.open(path, stamp="test")
    assert "mood" in upgraded.db["checkins"].columns_dict
    assert upgraded.checkin_for(clock.today()).pain == 4
    upgraded.close()

    backup = tmp_path / "n.db.before-upgrade-test.bak"
    assert backup.exists()
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    old = sqlite_utils.Database(backup)
    assert "mood" not in old["checkins"].columns_dict
    assert old.execute("SELECT pain FROM checkins").fetchone()[0] == 4

    # Runs once: opening again applies nothing and writes no new backup.
    Store.open(path, stamp="again").close()
    assert not (tmp_path / "n.db.before-upgrade-again.bak").exists()
