"""The exercise drawing in a real terminal: braille in a UTF-8 locale, plain ASCII under
LANG=C, and `a` keeps it still (saved for next time)."""

from __future__ import annotations

from neurocoach.store import Store
from tests.e2e.terminal import session_started

BRAILLE = range(0x2801, 0x2900)


def _braille(screen: str) -> int:
    return sum(ord(c) in BRAILLE for c in screen)


def test_a_utf8_terminal_gets_braille_and_a_saves_movement_off(terminals, tmp_path):
    db = tmp_path / "utf8.db"
    term = session_started(terminals, db, {"LANG": "C.UTF-8"})
    # the footer offers `a` only where it fits (80 columns: not beside x Stop: symptom)
    screen = term.wait_for("Step 1 of")
    assert _braille(screen) > 20
    term.keys("a")
    term.wait_for("stay still")
    assert Store.open(db).movement() is False


def test_lang_c_gets_a_plain_ascii_drawing(terminals, tmp_path):
    db = tmp_path / "c.db"
    term = session_started(terminals, db, {"LANG": "C", "LC_ALL": "C"})
    screen = term.wait_for("Step 1 of")
    assert _braille(screen) == 0
    lines = screen.splitlines()
    right = "".join(line[60:] for line in lines[2:12])   # where the drawing sits
    assert sum(c in "|/\\_-+o." for c in right) > 10, screen
