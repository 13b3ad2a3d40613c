"""`status` runs at every login: a plain `[--db PATH] status` skips click (neurocoach.__main__)
and prints the same line, with the same refusals, as the full command."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from neurocoach.__main__ import plain_status
from tests.cli.helpers import one_line_error

HEAVY = ("click", "sqlite_utils", "textual", "tomllib", "neurocoach.catalog", "neurocoach.cli")


def status(*argv: str, env_db=None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("NEUROCOACH_DB", None)
    if env_db is not None:
        env["NEUROCOACH_DB"] = str(env_db)
    return subprocess.run([sys.executable, "-m", "neurocoach", *argv], capture_output=True,
                          text=True, env=env, timeout=60)


def test_status_imports_neither_click_nor_sqlite_utils_nor_textual_nor_the_catalog(db_path):
    from neurocoach.store import Store

    Store.open(db_path).close()  # an up-to-date DB (a new one is migrated: sqlite-utils)
    code = (
        "import sys; sys.argv = ['neurocoach', '--db', sys.argv[1], 'status']\n"
        "from neurocoach.__main__ import main\n"
        "main()\n"
        f"heavy = [m for m in sys.modules if m.startswith({HEAVY!r})]\n"
        "print('HEAVY', heavy if heavy else 'none')"
    )
    result = subprocess.run([sys.executable, "-c", code, str(db_path)], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    first, last = result.stdout.strip().splitlines()
    assert first.startswith("neurocoach · check-in: not yet")
    assert last == "HEAVY none"



def test_status_leaves_typing_humanize_and_openssl_unloaded(db_path):
    """Each costs `status` (at every login) 2-3 ms of its 2.5x-the-floor budget (issue 17)."""
    from neurocoach.store import Store

    Store.open(db_path).close()
    code = (
        "import sys; sys.argv = ['neurocoach', '--db', sys.argv[1], 'status']\n"
        "from neurocoach.__main__ import main\n"
        "main()\n"
        "print('LOADED', [m for m in ('typing', 'humanize', '_hashlib')"
        " if m in sys.modules])"
    )
    result = subprocess.run([sys.executable, "-c", code, str(db_path)], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "LOADED []"


def test_every_spelling_of_a_plain_status_gives_the_line_click_gives(db_path):
    from neurocoach.cli import cli

    assert status("checkin", "--pain", "3", "--feet", "ok", "--db", str(db_path)).returncode == 0
    expected = CliRunner().invoke(cli, ["--db", str(db_path), "status"]).stdout
    assert "pain 3/10" in expected
    for argv in (["--db", str(db_path), "status"], ["status", "--db", str(db_path)],
                 [f"--db={db_path}", "status"], ["status", f"--db={db_path}"]):
        result = status(*argv)
        assert (result.returncode, result.stdout, result.stderr) == (0, expected, ""), argv
    assert status("status", env_db=db_path).stdout == expected


@pytest.mark.parametrize("argv, plain", [
    (["status"], (True, None)),
    (["--db", "a.db", "status"], (True, "a.db")),
    (["status", "--db=a.db"], (True, "a.db")),
    (["status", "--help"], (False, None)),
    (["status", "extra"], (False, None)),
    (["--db", "a.db", "--db", "b.db", "status"], (False, None)),
    (["status", "--db"], (False, None)),
    (["--db", "status"], (False, None)),
    (["checkin", "--pain", "2"], (False, None)),
    ([], (False, None)),
])
def test_only_a_plain_status_takes_the_short_path(argv, plain):
    assert plain_status(argv) == plain


def test_status_refusals_are_the_full_commands(tmp_path, db_path):
    notes = tmp_path / "notes.db"
    notes.write_text("not a database")
    one_line_error(status("--db", str(notes), "status"), "not a neurocoach database")
    assert notes.read_text() == "not a database"
    # what the short path does not read goes to click, with click's words
    one_line_error(status("status", "--db"), "--db")
    one_line_error(status("status", "now", "--db", str(db_path)), "now")
    assert "Usage" in status("status", "--help").stdout


def test_the_short_path_creates_no_database_and_refuses_as_click_does(tmp_path):
    from neurocoach.cli import cli

    wrong = tmp_path / "neurocoah" / "neurocoach.db"
    result = status("--db", str(wrong), "status")
    one_line_error(result, "no folder", str(wrong.parent))
    assert not wrong.parent.exists()
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    fresh = folder / "neurocoach.db"
    result = status("--db", str(fresh), "status")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == CliRunner().invoke(cli, ["--db", str(fresh), "status"]).stdout
    assert "no data yet" in result.stdout and not fresh.exists()


def test_status_builds_no_dataclass_and_leaves_platformdirs_unloaded(db_path):
    """dataclasses (with inspect, ast, dis) about 9 ms, platformdirs (with tempfile, shutil,
    random) about 5 ms of `status` at every login (issue 17): the line is read with the
    store's light reads, on a day with a check-in and a session under way."""
    import datetime as dt

    from neurocoach.domain.models import Checkin, Entry, Step
    from neurocoach.store import Store

    today = dt.date.today()
    now = dt.datetime.now(dt.timezone.utc)
    store = Store.open(db_path)
    store.record_checkin(Checkin(day=today, pain=4), now)
    steps = [Step(exercise_id="calf-stretch", seconds=30), Step(exercise_id="walking", seconds=60),
             Step(exercise_id="toe-stretch", reps=10)]
    session = store.start_session(today, steps, now)
    store.log_entry(session.id, Entry(step_index=0, exercise_id="calf-stretch", status="done",
                                      seconds=30))
    store.log_entry(session.id, Entry(step_index=1, exercise_id="walking", status="skipped"))
    store.close()
    code = (
        "import sys; sys.argv = ['neurocoach', '--db', sys.argv[1], 'status']\n"
        "from neurocoach.__main__ import main\n"
        "main()\n"
        "print('LOADED', [m for m in ('dataclasses', 'inspect', 'platformdirs',"
        " 'neurocoach.domain.models', 'neurocoach.coach.plan') if m in sys.modules])"
    )
    result = subprocess.run([sys.executable, "-c", code, str(db_path)], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    line, loaded = result.stdout.strip().splitlines()
    assert line.startswith("neurocoach · check-in: pain 4/10 · routine: in progress "
                           "(1 of 3 steps) · streak: 1 day · last session today"), line
    assert loaded == "LOADED []"


def test_status_on_a_fresh_account_says_there_is_no_data_yet(tmp_path):
    """README: add `neurocoach status` to ~/.profile. Before the coach was ever opened, the
    default data folder does not exist yet: every login said "there is no folder …: check
    the path" (exit 2) about a path the person never typed. The short path and click's
    command alike."""
    from neurocoach.cli import cli
    from neurocoach.paths import default_data_dir

    assert not default_data_dir().exists()
    result = status("status")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("neurocoach · no data yet")
    assert "run `neurocoach`" in result.stdout
    full = CliRunner(env={"NEUROCOACH_DB": None}).invoke(cli, ["status"])
    assert (full.exit_code, full.stdout) == (0, result.stdout), full.output
    assert not default_data_dir().exists()
