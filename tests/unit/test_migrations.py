"""Schema upgrades: each runs once, and an existing file is backed up first."""

from __future__ import annotations

import sqlite3
import stat

import sqlite_utils

from neurocoach.domain.models import Checkin
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


def test_the_backup_before_an_upgrade_is_named_by_the_clock(tmp_path, clock, monkeypatch):
    """Nothing reads the time outside clock.py: the backup's stamp is the Clock's."""
    path = tmp_path / "n.db"
    Store.open(path, clock=clock).close()

    def m900_add_column(db):
        db["checkins"].add_column("mood", int)

    extra = migrations._Migration("m900_add_column", m900_add_column)
    monkeypatch.setattr(migrations, "_migrations", [*migrations._migrations, extra])
    monkeypatch.setattr(opening, "MIGRATIONS", (*opening.MIGRATIONS, "m900_add_column"))
    Store.open(path, clock=clock).close()

    stamp = clock.now().strftime("%Y%m%d-%H%M%S")  # the fake clock: 2026-11-23 09:00
    assert [p.name for p in tmp_path.glob("*.bak")] == [f"n.db.before-upgrade-{stamp}.bak"]


def _db_before(path, last: str):
    """A DB with the migrations up to and including `last` applied, as an older program
    left it."""
    from sqlite_utils.migrations import Migrations

    names = [m.name for m in migrations._migrations]
    older = Migrations(migrations.name)
    older._migrations = migrations._migrations[:names.index(last) + 1]
    conn = sqlite3.connect(path)
    older.apply(sqlite_utils.Database(conn))
    return conn


def test_m003_upgrades_a_db_with_data_and_keeps_its_people_welcomed(tmp_path):
    import datetime as dt

    welcomed = tmp_path / "onboarded.db"
    conn = _db_before(welcomed, "m002_plans_levels_custom")
    conn.execute("INSERT INTO profile (id, birth_year, feet, days_per_week, rest_days,"
                 " restriction, updated_at) VALUES (1, 1950, 'left', 4, '[2, 5, 6]',"
                 " 'no_weight_bearing', '2026-01-05T09:00:00+00:00')")
    conn.execute("INSERT INTO checkins (day, pain, feet, note) VALUES"
                 " ('2026-11-20', 3, 'sore', 'heel')")
    conn.commit()
    conn.close()
    store = Store.open(welcomed, stamp="t")
    try:
        assert "welcomed_at" in store.db["profile"].columns_dict
        assert store.welcomed()
        p = store.profile()
        assert (p.birth_year, p.feet, p.days_per_week, p.rest_days, p.restriction) == (
            1950, "left", 4, (2, 5, 6), "no_weight_bearing")
        checkin = store.checkin_for(dt.date(2026, 11, 20))
        # m004 (issue 12) reads the old 'sore' as a skin problem on both feet
        assert (checkin.pain, checkin.feet, checkin.foot, checkin.note) == (
            3, "skin", "both", "heel")
    finally:
        store.close()
    assert (tmp_path / "onboarded.db.before-upgrade-t.bak").exists()

    fresh = tmp_path / "not-yet.db"
    conn = _db_before(fresh, "m002_plans_levels_custom")
    conn.execute("INSERT INTO checkins (day, pain, feet) VALUES ('2026-11-20', 3, 'ok')")
    conn.commit()
    conn.close()
    store = Store.open(fresh, stamp="t")
    try:
        assert not store.welcomed() and not store.has_profile()
    finally:
        store.close()


def test_m004_i18_upgrades_a_profile_with_data_to_movement_on_and_keeps_it(tmp_path):
    import datetime as dt

    from neurocoach.domain.models import Profile

    path = tmp_path / "before-i18.db"
    conn = _db_before(path, "m003_profile_welcomed")
    conn.execute("INSERT INTO profile (id, birth_year, feet, days_per_week, rest_days,"
                 " restriction, updated_at, welcomed_at) VALUES (1, 1950, 'left', 4,"
                 " '[2, 5, 6]', 'none', '2026-01-05T09:00:00+00:00', '2026-01-05')")
    conn.commit()
    conn.close()
    now = dt.datetime(2026, 11, 30, 9, tzinfo=dt.timezone.utc)
    store = Store.open(path, stamp="t")
    try:
        assert store.db["profile"].columns_dict["movement"] is int
        assert store.movement() and store.welcomed()
        assert store.profile().birth_year == 1950
        store.set_movement(False, now)
        store.save_profile(Profile(birth_year=1951), now)  # the profile form keeps it
        assert not store.movement()
        assert store.profile().birth_year == 1951
    finally:
        store.close()


def test_movement_can_be_switched_off_before_the_welcome(store):
    import datetime as dt

    store.set_movement(False, dt.datetime(2026, 11, 30, 9, tzinfo=dt.timezone.utc))
    assert not store.movement() and not store.welcomed()


def test_m004_i12_upgrades_feet_plan_and_standing_custom_exercises(tmp_path):
    import datetime as dt
    import json

    path = tmp_path / "before-i12.db"
    conn = _db_before(path, "m003_profile_welcomed")
    conn.execute("INSERT INTO checkins (day, pain, feet, note) VALUES"
                 " ('2026-11-20', 3, 'sore', 'heel'), ('2026-11-21', 2, 'ok', '')")
    conn.execute("INSERT INTO plan (id, target_minutes, note, updated_at) VALUES"
                 " (1, 20, 'from the physio', '2026-11-01T09:00:00+00:00')")
    stand = {"id": "sit-to-stand", "name": "Sit to stand", "category": "strengthening",
             "purpose": "Legs.", "steps": ["Sit.", "Stand."], "dose": {"kind": "reps", "reps": 5},
             "per_side": False, "position": "standing", "weight_bearing": False,
             "needs_support": True, "equipment": [], "safety": ["Slowly."], "easier": "Less.",
             "harder": "More.", "alternative": "seated-heel-toe-raises"}
    conn.execute("INSERT INTO custom_exercises (id, fields, created_at, updated_at) VALUES"
                 " ('sit-to-stand', ?, '2026-11-01', '2026-11-01')", [json.dumps(stand)])
    conn.commit()
    conn.close()
    store = Store.open(path, stamp="t")
    try:
        assert "foot" in store.db["checkins"].columns_dict
        old = store.checkin_for(dt.date(2026, 11, 20))
        assert (old.feet, old.foot, old.note) == ("skin", "both", "heel")
        fine = store.checkin_for(dt.date(2026, 11, 21))
        assert (fine.feet, fine.foot) == ("ok", None)
        plan = store.saved_plan()
        assert plan.target_minutes == 20 and plan.balance_without_support is False
        (mine,) = store.custom_exercises()  # read back through the catalog's checks
        assert mine.position == "standing" and mine.weight_bearing and mine.needs_alternative
    finally:
        store.close()
