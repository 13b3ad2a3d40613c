"""Keys that arrive in one burst (one tmux send-keys: one write to the pty, as a fast
typist or a laggy SSH link delivers them) land on the field or step they were typed for."""

from __future__ import annotations

import sqlite3
import time

from tests.e2e.terminal import env_for, neurocoach, onboarded


def _checkin(db):
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT pain, numbness, tingling, burning, feet, note"
                            " FROM checkins").fetchall()
    finally:
        conn.close()


def _until(check, timeout=20.0):
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "never happened"
        time.sleep(0.1)


def test_a_checkin_typed_ahead_in_one_burst_saves_what_was_typed(terminals, tmp_path):
    db = tmp_path / "x.db"
    onboarded(db)
    term = terminals(neurocoach(), env=env_for(db))
    term.wait_for("enter to start")
    # c opens the check-in; every key after it arrives before the dialog exists
    term.tmux("send-keys", "-t", term.name, "c", "3", "Enter", "2", "Enter", "1", "Enter",
              "0", "Enter", "1", "Enter", "o", "k", "Enter")   # the note, then saved
    _until(lambda: _checkin(db))
    assert _checkin(db) == [(3, 2, 1, 0, "ok", "ok")]
    screen = term.wait_for("enter to start")      # back on Today: no session was started
    assert "Step 1 of" not in screen


def test_library_search_and_the_session_get_their_keys_in_one_burst(terminals, tmp_path):
    db = tmp_path / "x.db"
    onboarded(db)
    term = terminals(neurocoach(), env=env_for(db))
    term.wait_for("enter to start")
    term.tmux("send-keys", "-t", term.name, "l", "/", "m", "a", "r", "b", "l", "e")
    screen = term.wait_for("Find: marble")
    assert "Marble pick-ups" in screen
    # (escape and a key in one write is alt+key to any terminal: escape goes on its own)
    term.tmux("send-keys", "-t", term.name, "Escape")
    term.wait_for("Find: press / then type")
    term.tmux("send-keys", "-t", term.name, "t", "Enter", "s", "s")
    screen = term.wait_for("Step 3 of")            # two steps skipped, as typed
    conn = sqlite3.connect(db)
    try:
        statuses = [r[0] for r in conn.execute("SELECT status FROM entries ORDER BY step_index")]
    finally:
        conn.close()
    assert statuses == ["skipped", "skipped"]


def test_a_skin_problem_and_its_foot_typed_in_one_burst_are_saved(terminals, tmp_path):
    # The foot question appears when 2 (a skin problem) is typed; Textual orders the focus
    # chain by where each widget was last laid out, and a row shown a key before has not
    # been laid out yet (it sorted first): enter on it went back to the pain line, and the
    # enter meant for the note never saved.
    db = tmp_path / "x.db"
    onboarded(db)
    term = terminals(neurocoach(), env=env_for(db))
    term.wait_for("enter to start")
    term.tmux("send-keys", "-t", term.name, "c")
    term.wait_for("Daily check-in")
    term.tmux("send-keys", "-t", term.name, "3", "Enter", "Enter", "Enter", "Enter")
    term.wait_for("▸ Did you look")
    term.tmux("send-keys", "-t", term.name, "2", "Enter", "2", "Enter", "o", "k", "Enter")
    _until(lambda: _checkin(db))
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT pain, feet, foot, note FROM checkins").fetchall() == [
            (3, "skin", "right", "ok")]
    finally:
        conn.close()
