"""The welcome (what neurocoach is and is not, when to stop) shows until the person has been
through it, whatever else wrote a profile row first (a plan import writes the days)."""

from __future__ import annotations

import sqlite3

import sqlite_utils
from click.testing import CliRunner
from sqlite_utils.migrations import Migrations

from neurocoach.domain.models import Profile
from neurocoach.store import Store
from neurocoach.store.migrations import migrations
from neurocoach.tui.screens.today import TodayScreen
from neurocoach.tui.screens.welcome import WelcomeScreen

PLAN = """\
days_per_week = 3

[[exercise]]
id = "towel-curls"

[[exercise]]
id = "walking"
"""


def _app(store, clock):
    from neurocoach.tui.app import NeurocoachApp

    app = NeurocoachApp(store=store, clock=clock)
    app.animation_level = "none"
    return app


async def test_plan_import_on_a_new_db_still_shows_the_welcome(db_path, tmp_path, clock):
    from neurocoach.cli import cli

    plan = tmp_path / "good.toml"
    plan.write_text(PLAN)
    result = CliRunner().invoke(cli, ["--db", str(db_path), "plan", "import", str(plan),
                                      "--yes"])
    assert result.exit_code == 0, result.output
    store = Store.open(db_path)
    assert store.has_profile() and not store.welcomed()
    app = _app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, WelcomeScreen)
        text = str(app.screen.query_one("#welcome-text").render())
        assert "does not diagnose" in text and "dizzy" in text and "chest" in text
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)
    assert store.welcomed()
    store.close()


async def test_an_upgraded_db_with_a_profile_is_not_welcomed_again(tmp_path, clock):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    before = Migrations(migrations.name)
    names = [m.name for m in migrations._migrations]        # as a program before m003
    before._migrations = migrations._migrations[:names.index("m003_profile_welcomed")]
    before.apply(sqlite_utils.Database(conn))
    conn.execute("INSERT INTO profile (id, birth_year, feet, days_per_week, rest_days,"
                 " restriction, updated_at) VALUES (1, 1950, 'left', 4, '[2, 5, 6]', 'none',"
                 " '2026-01-05T09:00:00+00:00')")
    conn.commit()
    conn.close()
    store = Store.open(path, stamp="t")
    assert store.welcomed()
    app = _app(store, clock)
    async with app.run_test(size=(80, 24)):
        assert isinstance(app.screen, TodayScreen)
    store.close()


def test_welcomed_is_kept_by_profile_saves_and_plan_writes(store, clock):
    from neurocoach.coach.plan import Plan

    assert not store.welcomed()
    store.save_plan(Plan(("walking",), days_per_week=3, rest_days=(1, 3, 5, 6)), clock.now())
    assert store.has_profile() and not store.welcomed()
    store.mark_welcomed(clock.now())
    assert store.welcomed()
    assert store.profile().days_per_week == 3  # marking keeps what the plan wrote
    store.save_profile(Profile(birth_year=1950), clock.now())
    store.save_plan(Plan(("walking",)), clock.now())
    assert store.welcomed()
    first = store.conn.execute("SELECT welcomed_at FROM profile").fetchone()[0]
    assert first == clock.now().isoformat()


def test_the_welcomes_own_saves_mark_it(store, clock):
    store.save_profile(Profile(), clock.now())  # escape = defaults, or the profile form
    assert store.welcomed()


def test_mark_welcomed_on_an_empty_db_gives_the_default_profile(store, clock):
    store.mark_welcomed(clock.now())
    assert store.welcomed() and store.profile() == Profile()


def test_an_imported_profile_counts_as_welcomed(store, clock, tmp_path):
    from neurocoach.catalog import load_catalog
    from neurocoach.export.document import export_document
    from neurocoach.export.read import read_export

    store.save_profile(Profile(birth_year=1950, days_per_week=4, rest_days=(2, 5, 6)),
                       clock.now())
    doc = export_document(store, load_catalog(), clock.now())
    other = Store.open(tmp_path / "other.db")
    try:
        other.import_data(read_export(doc, load_catalog()))
        assert other.welcomed() and other.profile() == store.profile()
    finally:
        other.close()
