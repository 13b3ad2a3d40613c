"""Stopped and continued (SIGTSTP, then fg / SIGCONT) in a real terminal: the screen comes
back whole. Only changed cells are written (tui/terminal.py), so after the terminal was
handed back to the shell the next frame must be written in full."""

from __future__ import annotations

import os
import signal
import time

from tests.e2e.terminal import env_for, neurocoach, onboarded


def test_the_screen_comes_back_after_a_stop_and_continue(terminals, tmp_path):
    db = tmp_path / "e2e.db"
    onboarded(db)
    term = terminals(neurocoach(), env=env_for(db))
    term.wait_for("enter to start")
    pid = term.app_pid()
    os.kill(pid, signal.SIGTSTP)
    deadline = time.monotonic() + 10
    while "enter to start" in term.screen() and time.monotonic() < deadline:
        time.sleep(0.05)  # the app leaves the alternate screen: its text goes
    assert "enter to start" not in term.screen()
    os.kill(pid, signal.SIGCONT)
    screen = term.wait_for("enter to start")
    assert "Check-in" in screen and "neurocoach" in screen.splitlines()[0]
    term.keys("l")
    term.wait_for("Showing:")
    term.keys("q")
    term.wait_for("__EXIT__ 0")
