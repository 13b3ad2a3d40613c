"""The CLI contract: good and bad input, exit codes, one-line errors, and the store after."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import sys

import pytest

from neurocoach.store import Store
from tests.cli.helpers import one_line_error

TODAY = dt.date.today()  # the subprocess reads the real clock


def run(*args: str, db=None, env_db=None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if env_db is not None:
        env["NEUROCOACH_DB"] = str(env_db)
    argv = [sys.executable, "-m", "neurocoach"]
    if db is not None:
        argv += ["--db", str(db)]
    return subprocess.run(argv + list(args), capture_output=True, text=True, env=env, timeout=60)


def test_version_and_help():
    assert run("--version").stdout.strip().endswith("0.1.0")
    helptext = run("--help").stdout
    for command in ("checkin", "status", "--db"):
        assert command in helptext


def test_checkin_records_and_says_what_the_coach_will_do(db_path):
    result = run("checkin", "--pain", "3", "--numbness", "2", "--tingling", "5", "--burning", "1",
                 "--feet", "sore", "--note", "  long walk yesterday ", db=db_path)
    assert result.returncode == 0, result.stderr
    assert "saved" in result.stdout
    assert "seated" in result.stdout
    store = Store.open(db_path)
    saved = store.checkin_for(TODAY)
    assert (saved.pain, saved.numbness, saved.tingling, saved.burning) == (3, 2, 5, 1)
    assert saved.feet == "skin" and saved.foot == "both"  # 'sore' still works: a skin problem
    assert saved.note == "long walk yesterday"
    assert "within one working day" in result.stdout


def test_checkin_feet_and_foot(db_path):
    result = run("checkin", "--pain", "2", "--feet", "skin", "--foot", "left", db=db_path)
    assert result.returncode == 0, result.stderr
    assert "skin problem" in result.stdout and "left foot" in result.stdout
    saved = Store.open(db_path).checkin_for(TODAY)
    assert (saved.feet, saved.foot) == ("skin", "left")
    hot = run("checkin", "--pain", "2", "--feet", "hot", "--foot", "right", db=db_path)
    assert "warm, red or swollen" in hot.stdout and "today" in hot.stdout
    saved = Store.open(db_path).checkin_for(TODAY)
    assert (saved.feet, saved.foot) == ("hot", "right")
    moved = run("checkin", "--pain", "2", "--foot", "left", db=db_path)  # the same problem
    assert moved.returncode == 0, moved.stderr
    saved = Store.open(db_path).checkin_for(TODAY)
    assert (saved.feet, saved.foot) == ("hot", "left")


def test_a_foot_without_a_problem_is_refused(db_path):
    result = run("checkin", "--pain", "2", "--feet", "ok", "--foot", "left", db=db_path)
    assert result.returncode == 2 and "--foot" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert Store.open(db_path).checkin_for(TODAY) is None


def test_checkin_again_updates_and_earlier_day_fills_in(db_path):
    run("checkin", "--pain", "3", "--feet", "ok", db=db_path)
    again = run("checkin", "--pain", "4", "--feet", "ok", db=db_path)
    assert "updated" in again.stdout
    earlier = (TODAY - dt.timedelta(days=3)).isoformat()
    filled = run("checkin", "--pain", "6", "--date", earlier, db=db_path)
    assert filled.returncode == 0
    store = Store.open(db_path)
    rows = store.checkins_between(TODAY - dt.timedelta(days=10), TODAY)
    assert [(r.day.isoformat(), r.pain) for r in rows] == [(earlier, 6), (TODAY.isoformat(), 4)]


def test_checkin_again_keeps_what_it_does_not_say(db_path):
    first = run("checkin", "--pain", "3", "--feet", "sore", "--note", "blister left heel",
                "--numbness", "2", db=db_path)
    assert first.returncode == 0, first.stderr
    again = run("checkin", "--pain", "4", db=db_path)
    assert again.returncode == 0, again.stderr
    saved = Store.open(db_path).checkin_for(TODAY)
    assert (saved.pain, saved.numbness, saved.feet, saved.foot, saved.note) == (
        4, 2, "skin", "both", "blister left heel")
    assert "feet: a skin problem" in again.stdout
    kept = [line for line in again.stdout.splitlines() if line.startswith("Kept")]
    assert kept == ["Kept from the earlier check-in that day: numbness 2/10, feet: a skin "
                    "problem (blister, cut, wound or red spot), "
                    "note \u201cblister left heel\u201d."]
    assert "seated" in again.stdout  # the sore-feet swap still holds
    # Given options still replace; an empty --note clears the note.
    run("checkin", "--pain", "4", "--feet", "ok", "--note", "", db=db_path)
    saved = Store.open(db_path).checkin_for(TODAY)
    assert (saved.feet, saved.note, saved.numbness) == ("ok", "", 2)


def test_checkin_kept_note_ending_a_sentence_gets_no_second_full_stop(db_path):
    run("checkin", "--pain", "3", "--note", "Right foot first.", db=db_path)
    again = run("checkin", "--pain", "2", db=db_path)
    assert "note \u201cRight foot first.\u201d" in again.stdout
    assert ".\u201d." not in again.stdout


def test_checkin_date_reaches_back_366_days_and_names_another_years_day(db_path):
    oldest = TODAY - dt.timedelta(days=366)
    result = run("checkin", "--pain", "2", "--date", oldest.isoformat(), db=db_path)
    assert result.returncode == 0, result.stderr
    assert f"Check-in for {oldest:%b} {oldest.day}, {oldest.year} saved" in result.stdout
    assert Store.open(db_path).checkin_for(oldest).pain == 2


def test_say_day():
    from neurocoach.cli.checkin import say_day

    today = dt.date(2026, 11, 23)
    assert say_day(today, today) == "today"
    assert say_day(dt.date(2026, 11, 22), today) == "yesterday"
    assert say_day(dt.date(2026, 11, 2), today) == "Nov 2"
    assert say_day(dt.date(2026, 1, 1), dt.date(2027, 1, 5)) == "Jan 1, 2026"


def test_new_days_checkin_takes_the_defaults(db_path):
    run("checkin", "--pain", "3", "--feet", "sore", "--note", "today", db=db_path)
    earlier = (TODAY - dt.timedelta(days=1)).isoformat()
    result = run("checkin", "--pain", "2", "--date", earlier, db=db_path)
    assert "Kept" not in result.stdout
    saved = Store.open(db_path).checkin_for(TODAY - dt.timedelta(days=1))
    assert (saved.feet, saved.note, saved.numbness) == ("unchecked", "", None)


def test_checkin_uses_env_db(tmp_path):
    path = tmp_path / "elsewhere.db"
    assert run("checkin", "--pain", "1", env_db=path).returncode == 0
    assert Store.open(path).checkin_for(TODAY).pain == 1


@pytest.mark.parametrize(
    "args, words",
    [
        (["--pain", "11"], ["--pain", "0 to 10"]),
        (["--pain", "-1"], ["--pain", "0 to 10"]),
        (["--pain", "three"], ["--pain", "0 to 10", "three"]),
        (["--pain", "2", "--burning", "2.5"], ["--burning", "0 to 10"]),
        (["--pain", "2", "--feet", "bad"], ["--feet", "ok", "skin", "hot", "unchecked"]),
        (["--pain", "2", "--foot", "left"], ["--foot", "--feet skin"]),
        (["--pain", "2", "--date", "yesterday"], ["--date", "YYYY-MM-DD"]),
        (["--pain", "2", "--date", "2999-01-01"], ["--date", "future"]),
        (["--pain", "2", "--date", "1900-01-01"],
         ["--date", "366 days", (TODAY - dt.timedelta(days=366)).isoformat(), TODAY.isoformat()]),
        (["--pain", "2", "--note", "x" * 501], ["--note", "500"]),
        (["--pain", "2", "--mood", "5"], ["--mood"]),
        ([], ["--pain"]),
    ],
    ids=["11", "negative", "word", "decimal", "feet", "foot-alone", "date-word", "future", "too-old",
         "long-note",
         "unknown-option", "missing-pain"],
)
def test_bad_checkin_is_one_line_exit_2_nothing_written(db_path, args, words):
    Store.open(db_path).close()
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    result = run("checkin", *args, db=db_path)
    one_line_error(result, *words)
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
    assert Store.open(db_path).checkins_between(dt.date.min, dt.date.max) == []


def test_empty_note_is_fine(db_path):
    assert run("checkin", "--pain", "2", "--note", "", db=db_path).returncode == 0
    assert Store.open(db_path).checkin_for(TODAY).note == ""


def test_unknown_command_and_format_errors_are_one_line(db_path):
    one_line_error(run("fly", db=db_path), "fly")


def test_bad_db_file_is_one_line_exit_2_untouched(tmp_path, monkeypatch, capsys):
    from neurocoach import cli
    from neurocoach.cli import app

    path = tmp_path / "notes.db"
    path.write_text("not a database")
    for command in (["status"], ["checkin", "--pain", "2"]):
        one_line_error(run(*command, db=path), "not a neurocoach database")
    # The full-screen coach, as from a terminal: refused before any screen is drawn.
    monkeypatch.setattr(app, "need_terminal", lambda: None)
    monkeypatch.setattr(sys, "argv", ["neurocoach", "--db", str(path)])
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert "not a neurocoach database" in line
    assert path.read_text() == "not a database"


def test_status_line(db_path):
    db_path.parent.mkdir(mode=0o700)
    fresh = run("status", db=db_path)
    assert fresh.returncode == 0
    assert fresh.stdout.count("\n") == 1
    assert "no data yet" in fresh.stdout
    assert not db_path.exists()                     # a status line creates nothing
    run("checkin", "--pain", "4", "--feet", "ok", db=db_path)
    line = run("status", db=db_path).stdout
    assert "pain 4/10" in line and "no sessions yet" in line


def test_status_with_a_mistyped_folder_says_so(tmp_path):
    # `status --db ~/neurocoah/neurocoach.db` made the folder and an empty database, then
    # reported "check-in: not yet" on it as if all were well.
    wrong = tmp_path / "neurocoah" / "neurocoach.db"
    result = run("status", db=wrong)
    one_line_error(result, "no folder", str(wrong.parent))
    assert not wrong.parent.exists()


def test_status_never_imports_textual(db_path):
    code = (
        "import sys; sys.argv = ['neurocoach', '--db', sys.argv[1], 'status'];\n"
        "from neurocoach.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('TEXTUAL' if any(m.split('.')[0] == 'textual' for m in sys.modules) else 'CLEAN')"
    )
    result = subprocess.run([sys.executable, "-c", code, str(db_path)], capture_output=True,
                            text=True, timeout=60)
    assert result.stdout.strip().endswith("CLEAN"), result.stdout + result.stderr


def test_checkin_makes_todays_private_backup_copy(db_path):
    import stat

    assert run("checkin", "--pain", "2", db=db_path).returncode == 0
    assert run("checkin", "--pain", "3", db=db_path).returncode == 0
    copies = sorted((db_path.parent / "backups").glob("neurocoach.db.daily-*.bak"))
    assert [p.name for p in copies] == [f"neurocoach.db.daily-{TODAY.isoformat()}.bak"]
    assert stat.S_IMODE(copies[0].stat().st_mode) == 0o600


def test_db_after_the_command_works_for_every_command(tmp_path):
    from click.testing import CliRunner

    from neurocoach.cli import cli

    mine, other = tmp_path / "mine.db", tmp_path / "other.db"
    env = {"NEUROCOACH_DB": str(other)}

    def invoke(*args):
        return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)

    assert invoke("checkin", "--pain", "4", "--feet", "ok", "--db", str(mine)).exit_code == 0
    assert "pain 4/10" in invoke("status", "--db", str(mine)).stdout
    assert '"pain":4' in invoke("export", "--format", "json", "--db", str(mine)).stdout
    assert "Check-ins" in invoke("report", "--db", str(mine)).stdout
    assert 'format = "neurocoach-plan"' in invoke("plan", "export", "--db", str(mine)).stdout
    backup = invoke("backup", "--db", str(mine), "--out", str(tmp_path / "copy.bak"))
    assert backup.exit_code == 0 and (tmp_path / "copy.bak").exists()
    assert not other.exists()                            # NEUROCOACH_DB was not touched
    for command in (["checkin"], ["status"], ["export"], ["import"], ["report"], ["backup"],
                    ["restore"], ["demo"], ["plan", "import"], ["plan", "export"]):
        assert "--db PATH" in invoke(*command, "--help").stdout, command


@pytest.mark.parametrize("args", [[], ["demo"]], ids=["coach", "demo"])
def test_the_full_screen_coach_without_a_terminal_says_so_and_leaves(args, tmp_path):
    db = tmp_path / "n.db"
    result = subprocess.run([sys.executable, "-m", "neurocoach", "--db", str(db), *args],
                            capture_output=True, text=True, timeout=60,
                            stdin=subprocess.DEVNULL)
    one_line_error(result, "run it in a terminal")
    assert "\x1b" not in result.stdout                   # no escape codes into the pipe
    assert not db.exists()


@pytest.mark.parametrize("days", ["abc", "0", "-3", "36501", "1.5"])
def test_report_days_out_of_range_says_so_in_words(db_path, days):
    run("checkin", "--pain", "2", db=db_path)
    one_line_error(run("report", "--days", days, db=db_path),
                   "--days", "whole number of days from 1 to 36500", repr(days))
