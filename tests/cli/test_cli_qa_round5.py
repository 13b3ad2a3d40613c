"""Found by QA on main in round 4 and left open: each test fails without its fix."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from neurocoach.cli import cli

NOW = dt.datetime(2026, 11, 23, 9, 0, 5, tzinfo=dt.timezone.utc)


@pytest.fixture
def frozen(monkeypatch):
    """Every command runs in the same second."""
    from neurocoach.clock import Clock

    monkeypatch.setattr(Clock, "now", lambda self: NOW)


def invoke(db, *args):
    return CliRunner().invoke(cli, ["--db", str(db), *map(str, args)], catch_exceptions=False)


def test_backup_out_folder_names_the_copy_unique_in_that_folder(tmp_path, frozen):
    db = tmp_path / "data" / "neurocoach.db"
    assert invoke(db, "checkin", "--pain", "3", "--feet", "ok").exit_code == 0
    assert invoke(db, "backup").exit_code == 0           # backups/…-090005.bak
    out = tmp_path / "usb"
    assert invoke(db, "backup", "--out", f"{out}/").exit_code == 0
    assert invoke(db, "backup", "--out", f"{out}/").exit_code == 0   # the same second again
    assert sorted(p.name for p in out.iterdir()) == [
        "neurocoach.db.backup-2026-11-23-090005-2.bak",
        "neurocoach.db.backup-2026-11-23-090005.bak"]
    assert [p.name for p in (db.parent / "backups").glob("*.backup-*")] == [
        "neurocoach.db.backup-2026-11-23-090005.bak"]


@pytest.mark.parametrize("args, written", [
    (["export", "--format", "json", "--out", "{tmp}/all.json"], "Exported everything to"),
    (["export", "--format", "csv", "--out", "{tmp}/steps.csv"], "Exported the steps table"),
    (["export", "--format", "csv", "--out", "{tmp}/tables/"], "Exported 10 tables"),
    (["plan", "export", "--out", "{tmp}/plan.toml"], "Plan written to"),
    (["report", "--out", "{tmp}/r.md"], "Wrote the report"),
    (["backup", "--out", "{tmp}/copy.bak"], "Backed up"),
], ids=["export-json", "export-csv", "export-tables", "plan-export", "report", "backup"])
def test_every_success_line_goes_to_stdout_and_stderr_stays_empty(tmp_path, args, written):
    db = tmp_path / "n.db"
    assert invoke(db, "checkin", "--pain", "3", "--feet", "ok").exit_code == 0
    result = invoke(db, *(a.format(tmp=tmp_path) for a in args))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(written) and len(result.stdout.splitlines()) == 1
    assert result.stderr == ""


@pytest.mark.parametrize("args, data", [
    (["export", "--format", "json"], '"format":"neurocoach-export"'),
    (["report"], "Check-ins"),
    (["plan", "export"], 'format = "neurocoach-plan"'),
], ids=["export", "report", "plan-export"])
def test_out_dash_keeps_stdout_for_the_data(tmp_path, monkeypatch, args, data):
    db = tmp_path / "n.db"
    assert invoke(db, "checkin", "--pain", "3", "--feet", "ok").exit_code == 0
    monkeypatch.chdir(tmp_path)
    result = invoke(db, *args, "--out", "-")
    assert result.exit_code == 0, result.output
    assert data in result.stdout
    assert not any(w in result.stdout for w in ("Exported", "written to", "Wrote"))
    assert not (tmp_path / "-").exists()                 # never a file named "-"


def test_import_counts_a_test_of_both_feet_as_one_test(tmp_path, store, clock):
    store.record_balance_test(clock.today(), {"left": 10.0, "right": 12.5}, clock.now())
    store.record_balance_test(clock.today() - dt.timedelta(days=7), {"left": 9.0},
                              clock.now())
    exported = tmp_path / "all.json"
    assert invoke(store.path, "export", "--format", "json", "--out", exported).exit_code == 0
    result = invoke(tmp_path / "new.db", "import", exported)
    assert result.exit_code == 0, result.output
    assert ", 2 balance tests" in result.stdout, result.stdout       # not 3: one per day


def test_backup_out_dash_is_refused_not_a_file_named_dash(tmp_path, monkeypatch):
    """`--out -` means the screen for export, report and plan export; a backup is a
    database file, so it says so rather than writing a file named "-"."""
    db = tmp_path / "data" / "neurocoach.db"
    assert invoke(db, "checkin", "--pain", "3", "--feet", "ok").exit_code == 0
    monkeypatch.chdir(tmp_path)
    done = invoke(db, "backup", "--out", "-")
    assert done.exit_code == 2
    assert "--out -" in done.stderr and "\n" not in done.stderr.strip()
    assert not (tmp_path / "-").exists()
