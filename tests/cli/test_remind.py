"""`neurocoach remind`: a crontab line or a systemd user timer that runs `status` daily."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.cli.helpers import one_line_error


def run(*args, env=None, db=None):
    argv = [sys.executable, "-m", "neurocoach"]
    if db is not None:
        argv += ["--db", str(db)]
    return subprocess.run(argv + list(args), capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=60)


def fake_crontab(tmp_path):
    """A `crontab` that keeps the table in a file: -l prints it, - replaces it."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    table = tmp_path / "crontab.txt"
    script = bin_dir / "crontab"
    script.write_text(
        "#!/bin/sh\n"
        f'T="{table}"\n'
        'if [ "$1" = "-l" ]; then [ -f "$T" ] || { echo "no crontab for you" >&2; exit 1; }; '
        'cat "$T"; exit 0; fi\n'
        'if [ "$1" = "-" ]; then cat > "$T"; exit 0; fi\nexit 2\n')
    script.chmod(0o755)
    return {"PATH": f"{bin_dir}:{os.environ['PATH']}"}, table


def test_prints_a_crontab_line_that_runs_status(db_path):
    result = run("remind", "--at", "18:05", db=db_path)
    assert result.returncode == 0, result.stderr
    line = [x for x in result.stdout.splitlines() if not x.startswith("#")][0]
    assert line.startswith("5 18 * * * ")
    assert f"--db {db_path}" in line and line.split("#")[0].rstrip().endswith("status")
    assert not db_path.exists()                        # printing changes nothing


def test_the_printed_command_really_prints_the_status_line(db_path):
    run("checkin", "--pain", "3", db=db_path)
    line = [x for x in run("remind", "--at", "07:30", db=db_path).stdout.splitlines()
            if not x.startswith("#")][0]
    command = line.split(" ", 5)[5].rsplit("#", 1)[0]
    out = subprocess.run(["/bin/sh", "-c", command], capture_output=True, text=True,
                         cwd="/", env={"PATH": "/usr/bin:/bin"}, timeout=60)
    assert "pain 3/10" in out.stdout


def test_install_replaces_its_own_line_and_keeps_the_others(tmp_path, db_path):
    env, table = fake_crontab(tmp_path)
    table.write_text("0 1 * * * backup-my-photos\n")
    assert run("remind", "--at", "18:00", "--install", env=env, db=db_path).returncode == 0
    assert run("remind", "--at", "19:30", "--install", env=env, db=db_path).returncode == 0
    lines = table.read_text().splitlines()
    assert lines[0] == "0 1 * * * backup-my-photos"
    assert len(lines) == 2 and lines[1].startswith("30 19 * * * ")


def test_systemd_timer_printed_and_installed(tmp_path, db_path):
    printed = run("remind", "--at", "06:45", "--systemd", db=db_path).stdout
    assert "OnCalendar=*-*-* 06:45:00" in printed and "ExecStart=/bin/sh -c" in printed
    config = tmp_path / "config"
    result = run("remind", "--at", "06:45", "--systemd", "--install",
                 env={"XDG_CONFIG_HOME": str(config)}, db=db_path)
    assert result.returncode == 0, result.stderr
    timer = config / "systemd" / "user" / "neurocoach-remind.timer"
    assert "OnCalendar=*-*-* 06:45:00" in timer.read_text()
    assert (timer.stat().st_mode & 0o777) == 0o600


def test_terminal_reminders_go_to_the_person_only(db_path):
    line = run("remind", "--at", "18:00", "--via", "terminal", db=db_path).stdout
    assert 'write "$LOGNAME"' in line and "wall" not in line


def test_bad_times_are_refused_in_one_line(db_path):
    for bad in ("25:00", "18", "6pm", "18:7", "-1:00"):
        one_line_error(run("remind", "--at", bad, db=db_path), "--at", "HH:MM")
    one_line_error(run("remind", db=db_path), "--at")
