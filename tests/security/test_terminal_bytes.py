"""Text from outside reaches the terminal as text: the raw bytes neurocoach writes to a
real pty (tmux's pipe-pane) hold no control sequence from a note, a name or a plan note,
and markup in them is shown as typed (`[/b]` crashed the app for good)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
import time

from neurocoach.catalog.custom import _TEMPLATE
from neurocoach.catalog.validate import parse_exercise
from neurocoach.domain.models import Checkin
from tests.e2e.terminal import env_for, neurocoach, onboarded
from tests.security.helpers import run

TITLE = "\x1b]0;pwned\x07"
CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"
WIPE = "\x1b[2J"
NAME = "Wob [/b] [@click=app.quit]x[/]"  # a name holds no control code: refused since
NASTY = f"Wob{TITLE}ble [/b] [@click=app.quit]x[/]{CLIPBOARD}{WIPE}"


def _planted(db):
    """A DB holding control codes and markup in a note, a custom exercise and the plan
    note: as files written by an older neurocoach, or by hand, can."""
    from neurocoach.store import Store

    onboarded(db)
    now = dt.datetime.now().astimezone()
    store = Store.open(db)
    exercise = parse_exercise(dict(_TEMPLATE, id="mine", name="Mine"), custom=True)
    store.save_custom_exercise(dataclasses.replace(exercise), now)
    store.record_checkin(Checkin(day=now.date(), pain=2), now)
    store.close()
    conn = sqlite3.connect(db)
    fields = json.loads(conn.execute("SELECT fields FROM custom_exercises").fetchone()[0])
    fields.update(name=NAME, purpose=NAME, steps=[NAME, NAME])
    conn.execute("UPDATE custom_exercises SET fields = ?", [json.dumps(fields)])
    conn.execute("UPDATE checkins SET note = ?", [NASTY])
    conn.commit()
    conn.close()


def test_no_control_code_from_the_data_reaches_the_pty(terminals, tmp_path):
    db = tmp_path / "x.db"
    _planted(db)
    raw = tmp_path / "pty.bytes"
    term = terminals(neurocoach(), env=env_for(db), width=100, height=30)
    term.tmux("pipe-pane", "-o", "-t", term.name, f"cat >> {raw}")
    term.wait_for("Check-in")
    term.keys("c")
    term.wait_for("ble [/b]")                # today's note, in the check-in form
    term.keys("Escape")
    term.wait_for("Library")
    term.keys("l")
    term.wait_for("Category")
    term.keys("C-p")
    term.keys(*"Wob")
    screen = term.wait_for("[/b]")          # shown as typed, in the palette
    term.keys("Escape", "p")
    term.wait_for("Trend range")
    term.keys("q")
    deadline = time.monotonic() + 10
    while "__EXIT__" not in term.screen() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert "__EXIT__ 0" in term.screen(), term.screen()
    data = raw.read_bytes()
    for sequence in (TITLE, CLIPBOARD, "\x1b]0;pwned", "\x1b]52;c;cm0g"):
        assert sequence.encode() not in data, sequence
    assert "[/b]" in screen


def test_the_shell_shows_control_codes_and_never_sends_them(tmp_path):
    db = tmp_path / "x.db"
    _planted(db)
    for args in (("report",), ("export", "--format", "json")):
        result = run(*args, db=db)
        assert result.returncode == 0, result
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
