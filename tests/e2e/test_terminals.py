"""Real terminals: hang-ups, sizes, colour settings and locales."""

from __future__ import annotations

import os
import signal
import subprocess
import time

import pytest

from neurocoach.store import Store
from tests.e2e.terminal import env_for, neurocoach, onboarded, session_started


def test_sighup_mid_session_keeps_every_step(terminals, tmp_path):
    db = tmp_path / "hup.db"
    term = session_started(terminals, db)
    term.keys("Enter", "Enter")
    term.wait_for("Step 3 of")
    os.kill(term.app_pid(), signal.SIGHUP)               # the SSH connection drops
    term.wait_for("__EXIT__")
    record = Store.open(db).latest_session()
    assert sorted(record.entries) == [0, 1]
    again = terminals(neurocoach(), env=env_for(db))
    again.wait_for("enter resumes at step 3")


def test_no_color_state_reads_in_words_and_symbols(terminals, tmp_path):
    db = tmp_path / "nocolor.db"
    term = session_started(terminals, db, {"NO_COLOR": "1"})
    term.keys("Enter", "Enter", "s", "s", "Escape")
    screen = term.wait_for("enter resumes")
    assert "[x]" in screen and "· done" in screen
    assert "[-]" in screen and "· skipped" in screen
    assert "[ ]" in screen and "· to do" in screen


@pytest.mark.parametrize("extra", [{"TERM": "xterm"}, {"LANG": "C", "LC_ALL": "C"},
                                   {"TERM": "xterm-256color", "COLORTERM": "truecolor"}],
                         ids=["xterm-16", "lang-c", "truecolor"])
def test_other_terminals_show_today_and_a_session(terminals, tmp_path, extra):
    db = tmp_path / "term.db"
    term = session_started(terminals, db, extra)
    term.keys("Escape", "q")
    term.wait_for("__EXIT__ 0")


@pytest.mark.parametrize("size", [(40, 12), (200, 60)], ids=["40x12", "200x60"])
def test_every_screen_survives_small_and_large_terminals(terminals, tmp_path, size):
    db = tmp_path / "size.db"
    term = terminals(neurocoach(), env=env_for(db), width=size[0], height=size[1])
    term.wait_for("neurocoach")
    term.keys("Escape")                                  # defaults on the welcome
    for keys in (["l"], ["j", "j", "Tab"], ["p"], ["t"], ["?"], ["Escape"], ["c"],
                 ["3", "Enter", "Enter", "Enter", "Enter", "1", "Enter", "Enter"], ["Enter"],
                 ["Space"], ["Enter"], ["x"], ["1"], ["Enter"]):
        term.keys(*keys)
        screen = term.screen()
        assert "Traceback" not in screen and "__EXIT__" not in screen, screen
    term.keys("t")
    term.wait_for("Check-in")
    term.keys("q")
    term.wait_for("__EXIT__ 0", timeout=30)
    record = Store.open(db).latest_session()
    assert record.stopped_reason == "dizzy" and record.entries


def test_resize_mid_session_keeps_the_place_and_the_timer(terminals, tmp_path):
    db = tmp_path / "resize.db"
    term = session_started(terminals, db)
    term.wait_for("space starts the timer")              # a hold, its timer not yet run
    term.keys("Space")
    time.sleep(2.5)
    term.keys("Space")                                   # paused a few seconds in
    term.wait_for("timer paused")
    term.resize(40, 12)
    term.wait_for("Step 1 of")
    term.resize(100, 30)
    # The wide footer's "esc Leave": the 40x12 screen (still in the pane until the app
    # repaints, and it has "Step 1 of" too) does not show it.
    screen = term.wait_for("esc Leave")
    assert "timer paused" in screen                      # not started afresh
    term.keys("Space")
    term.wait_for("Well held", timeout=20)               # the hold runs on to its end
    term.keys("Enter")
    term.wait_for("Step 2 of")
    record = Store.open(db).latest_session()
    assert sorted(record.entries) == [0]


def test_a_stale_columns_and_lines_in_the_environment_do_not_fix_the_size(terminals, tmp_path):
    # A shell profile that exports COLUMNS=80 LINES=24 must not lock the screen at 80x24:
    # in a 40x12 terminal the welcome wraps to 40 columns, and a resize is followed.
    db = tmp_path / "stale.db"
    env = env_for(db) | {"COLUMNS": "80", "LINES": "24"}
    term = terminals(neurocoach(), env=env, width=40, height=12)
    screen = term.wait_for("Welcome to neurocoach")
    assert "A daily coach for feet with" in screen and "neuropathy: a quick" in screen
    term.resize(70, 20)
    screen = term.wait_for("A daily coach for feet with neuropathy: a quick check-in on")
    assert "Welcome to neurocoach" in screen


def test_escape_answers_at_once_and_arrow_keys_are_not_read_as_escape(terminals, tmp_path):
    # Textual waits ESCDELAY (100 ms by default) to tell a lone escape from the start of a
    # key sequence: escape must still feel instant, and an arrow key (a sequence that
    # starts with escape) must never be taken for it and leave the session.
    db = tmp_path / "esc.db"
    term = session_started(terminals, db)
    term.keys("Up", "Down", "Left", "Right", "Up", "Down")
    time.sleep(0.5)
    assert "Step 1 of" in term.screen()                  # still in the session
    started = time.monotonic()
    term.keys("Escape", delay=0)
    term.wait_for("enter resumes", timeout=10)
    # A generous bound (a loaded CI machine), far below a wrong ESCDELAY of seconds.
    assert time.monotonic() - started < 3.0


def test_restore_is_refused_while_the_app_is_open(terminals, tmp_path):
    import sys

    db = tmp_path / "open.db"
    onboarded(db)
    copy = tmp_path / "copy.bak"
    command = [sys.executable, "-m", "neurocoach", "--db", str(db)]
    assert subprocess.run(command + ["backup", "--out", str(copy)]).returncode == 0
    term = terminals(neurocoach(), env=env_for(db))
    term.wait_for("enter to start")
    refused = subprocess.run(command + ["restore", str(copy), "--yes"], capture_output=True,
                             text=True)
    assert refused.returncode == 2 and "neurocoach is open on" in refused.stderr
    term.keys("q")
    term.wait_for("__EXIT__ 0")
    done = subprocess.run(command + ["restore", str(copy), "--yes"], capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
