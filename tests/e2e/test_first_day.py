"""A person's first day, in a real terminal at 80×24, by keys only: the welcome and the
profile, a check-in, a whole session to its summary, then Progress."""

from __future__ import annotations

import re
import time

from neurocoach.store import Store
from tests.e2e.terminal import env_for, neurocoach


def test_first_day_from_welcome_to_progress(terminals, tmp_path):
    db = tmp_path / "first.db"
    term = terminals(neurocoach(), env=env_for(db))
    term.wait_for("Welcome to neurocoach")
    term.keys("Enter")                                   # set up my profile
    term.wait_for("Birth year")
    term.keys(*"1950", "Enter", "1", "Enter", "3", "Enter", "Enter", "1", "Enter")
    term.wait_for("Your health")
    for _ in range(6):                                   # the health questions: all "no"
        term.keys("1", "Enter")
    screen = term.wait_for("enter to start")
    assert "Check-in" in screen

    term.keys("c")
    term.wait_for("Pain")
    term.keys("3", "Enter", "2", "Enter", "1", "Enter", "0", "Enter", "1", "Enter", "Enter")
    term.wait_for("pain 3/10")

    term.keys("Enter")
    screen = term.wait_for("Step 1 of")
    total = int(re.search(r"Step 1 of (\d+)", screen).group(1))
    for step in range(1, total + 1):                     # every step done, the first rated
        term.wait_for(f"Step {step} of {total}")
        term.keys("Enter")
        if step == 1:
            term.keys("2")
    screen = term.wait_for("Session complete")
    assert f"Done: {total} of {total} steps" in screen and "Time exercising:" in screen
    term.keys("Enter")
    screen = term.wait_for("today's session is done")
    assert screen.count("· done") == screen.count("[x]") > 0

    term.keys("p")
    screen = term.wait_for("Adherence")
    assert "Streak" in screen and "1 day" in screen
    started = time.monotonic()
    term.keys("q")
    term.wait_for("__EXIT__ 0")
    assert time.monotonic() - started < 30

    store = Store.open(db)
    profile = store.profile()
    assert (profile.birth_year, profile.days_per_week) == (1950, 3)
    assert set(profile.screening.to_dict().values()) == {"no"}
    record = store.latest_session()
    assert record.finished_at is not None and record.stopped_reason is None
    assert [e.status for e in record.entries.values()] == ["done"] * total
    assert record.entries[0].rating == 2
    checkin = store.checkin_for(record.day)
    assert (checkin.pain, checkin.numbness, checkin.feet) == (3, 2, "ok")
    store.close()
