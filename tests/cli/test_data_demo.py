"""demo: the TUI on a throwaway DB with history; the person's own DB is never touched."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from neurocoach.cli import cli


@pytest.fixture
def launched(monkeypatch, clock):
    """Replace the TUI launch: record what it was given instead of running it."""
    seen = {}

    def fake_launch(store, given_clock):
        seen["path"] = store.path
        seen["counts"] = store.data_counts()
        seen["today"] = store.checkin_for(given_clock.today())
        seen["last"] = store.last_session_day()
        return 0

    monkeypatch.setattr("neurocoach.cli.backup.launch_demo_app", fake_launch)
    monkeypatch.setattr("neurocoach.clock.Clock", lambda: clock)
    return seen


@pytest.mark.parametrize("how", ["env", "--db"])
def test_demo_has_history_and_leaves_the_real_db_alone(launched, db_path, tmp_path, how, clock):
    args = ["demo"] if how == "env" else ["--db", str(tmp_path / "mine" / "n.db"), "demo"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    counts = launched["counts"]
    assert counts["profile"] == 1 and counts["checkins"] > 60
    assert counts["sessions"] > 40 and counts["entries"] > 300 and counts["balance_tests"] > 10
    assert launched["today"] is None  # today is left for the newcomer
    assert (clock.today() - launched["last"]).days <= 3
    assert not launched["path"].exists()  # the temp DB is gone
    assert not launched["path"].parent.exists()
    assert not db_path.exists() and not db_path.parent.exists()
    assert not (tmp_path / "mine").exists()


def test_demo_folder_is_removed_even_when_the_app_fails(monkeypatch, db_path):
    seen = {}

    def crash(store, clock):
        seen["path"] = store.path
        raise RuntimeError("boom")

    monkeypatch.setattr("neurocoach.cli.backup.launch_demo_app", crash)
    result = CliRunner().invoke(cli, ["demo"])
    assert isinstance(result.exception, RuntimeError)
    assert not seen["path"].parent.exists()
    assert not db_path.exists()


def test_demo_exists_in_help():
    result = subprocess.run([sys.executable, "-m", "neurocoach", "--help"], capture_output=True,
                            text=True, timeout=60)
    for command in ("demo", "export", "import", "report", "backup", "restore"):
        assert command in result.stdout
