"""SIGKILL mid-session in a real terminal: every logged step survives, and it resumes."""

from __future__ import annotations

import os
import signal

from neurocoach.store import Store
from tests.e2e.terminal import env_for, neurocoach, onboarded, session_started


def test_sigkill_mid_session_then_resume(terminals, tmp_path):
    db = tmp_path / "e2e.db"
    term = session_started(terminals, db)
    term.keys("Enter", "s", "Enter", "1")
    screen = term.wait_for("Step 4 of")
    assert "felt easy" in screen
    os.kill(term.app_pid(), signal.SIGKILL)
    term.wait_for("__EXIT__")

    store = Store.open(db)
    record = store.latest_session()
    assert [record.entries[i].status for i in range(3)] == ["done", "skipped", "done"]
    assert record.entries[2].rating == 1
    assert record.finished_at is None
    store.close()

    again = terminals(neurocoach(), env=env_for(db))
    again.wait_for("enter resumes at step 4")
    again.keys("Enter")
    again.wait_for("Step 4 of")
    again.keys("q")
    again.wait_for("__EXIT__ 0")


def test_sigkill_at_random_steps_many_times(terminals, tmp_path):
    """Kill -9 at a different step each time: all logged before the kill is kept, it resumes."""
    import random

    db = tmp_path / "many.db"
    onboarded(db)
    rng = random.Random(2026)
    logged = 0
    for round_ in range(4):
        term = terminals(neurocoach(), env=env_for(db))
        term.wait_for("enter resumes" if logged else "enter to start")
        term.keys("Enter")
        term.wait_for(f"Step {logged + 1} of")
        presses = rng.randint(1, 2)
        for _ in range(presses):
            term.keys(rng.choice(["Enter", "s"]))
            logged += 1
            term.wait_for(f"Step {logged + 1} of")
        os.kill(term.app_pid(), signal.SIGKILL)
        term.wait_for("__EXIT__")
        term.close()
        record = Store.open(db).latest_session()
        assert sorted(record.entries) == list(range(logged)), round_
        assert record.finished_at is None
