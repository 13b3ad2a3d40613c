"""A plain `neurocoach [--db PATH]` opens the coach without click (neurocoach/__main__.py,
tui/launch.py; issue 17: a launch holds less than 1.25x a bare Textual app's memory), with
the same refusals as the click command."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from neurocoach.__main__ import plain_launch
from tests.cli.helpers import CLICK, PLAIN


def run(code: str, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("_NEUROCOACH_COMPLETE")}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                          text=True, env=env, stdin=subprocess.DEVNULL, timeout=60)




def test_a_plain_launch_refuses_as_click_does_without_loading_click(db_path):
    for argv in ([], ["--db", str(db_path)], [f"--db={db_path}"]):
        plain, full = run(PLAIN, *argv), run(CLICK, *argv)
        assert (plain.returncode, plain.stderr) == (full.returncode, full.stderr) == \
            (2, "neurocoach: the coach is full-screen: run it in a terminal. From scripts use "
                "`neurocoach status`, `checkin`, `export` or `report` (see neurocoach --help).\n")
        assert plain.stdout == "CLICK False\n"
    assert not db_path.exists()  # refused before anything was made


def test_a_plain_launch_refuses_a_file_that_is_not_ours_in_one_line(tmp_path, monkeypatch,
                                                                      capsys):
    from neurocoach import __main__
    from neurocoach.tui import launch

    path = tmp_path / "notes.db"
    path.write_text("not a database")
    monkeypatch.setattr(launch, "has_terminal", lambda: True)  # as from a terminal
    monkeypatch.setattr(sys, "argv", ["neurocoach", "--db", str(path)])
    with pytest.raises(SystemExit) as exited:
        __main__.main()
    assert exited.value.code == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith(f"neurocoach: {path} is not a neurocoach database")
    assert path.read_text() == "not a database"


@pytest.mark.parametrize("argv, plain", [
    ([], (True, None)),
    (["--db", "a.db"], (True, "a.db")),
    (["--db=a.db"], (True, "a.db")),
    (["--db"], (False, None)),
    (["--db", "--help"], (False, None)),
    (["--help"], (False, None)),
    (["--version"], (False, None)),
    (["--db", "a.db", "demo"], (False, None)),
    (["demo"], (False, None)),
])
def test_only_a_plain_launch_takes_the_short_path(argv, plain, monkeypatch):
    monkeypatch.delenv("_NEUROCOACH_COMPLETE", raising=False)
    assert plain_launch(argv) == plain


def test_shell_completion_goes_to_click(monkeypatch):
    monkeypatch.setenv("_NEUROCOACH_COMPLETE", "bash_source")
    assert plain_launch([]) == (False, None)
