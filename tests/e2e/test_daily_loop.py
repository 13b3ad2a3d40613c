"""The daily loop in a real terminal: the shell check-in's questions answered ahead of
time, and the Library found by another name typed in one burst."""

from __future__ import annotations

import datetime as dt

from neurocoach.store import Store
from tests.e2e.terminal import env_for, neurocoach, onboarded


def test_shell_checkin_asks_one_by_one_even_when_typed_ahead(terminals, tmp_path):
    db = tmp_path / "nc.db"
    onboarded(db)
    term = terminals(neurocoach("checkin"), env=env_for(db))
    term.wait_for("Pain:")
    # All the answers at once, a wrong one among them: 11 is asked again, the empty
    # answer skips numbness, and nothing lands on the wrong question (a skin problem asks
    # which foot: enter takes both).
    term.burst("11", "Enter", "4", "Enter", "Enter", "2", "Enter", "x", "Enter", "Enter",
               "sore", "Enter", "Enter", "walked far", "Enter")  # which foot: both
    screen = term.wait_for("__EXIT__ 0").replace("\n", "")   # long lines wrap at 80
    assert "must be from 0 to 10, not 11" in screen
    assert "Check-in for today saved: pain 4/10" in screen
    store = Store.open(db)
    [checkin] = store.checkins_between(dt.date.min, dt.date.max)
    store.close()
    assert (checkin.pain, checkin.numbness, checkin.tingling, checkin.burning) == (4, None, 2, None)
    assert checkin.note == "walked far"


def test_library_finds_a_clinicians_name_typed_in_one_burst(terminals, tmp_path):
    db = tmp_path / "nc.db"
    onboarded(db)
    term = terminals(neurocoach(), env=env_for(db))
    term.wait_for("enter to start")
    term.keys("l")
    term.wait_for("Find:")
    term.burst("/", *"tandem walk")
    screen = term.wait_for("1 found")
    assert "Heel-to-toe walk" in screen
    assert "Id for plan files: heel-to-toe-walk" in screen
