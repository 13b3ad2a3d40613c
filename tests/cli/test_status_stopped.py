"""`status` and `checkin` on a day whose session was stopped for a symptom say so, as Today
does ("stopped today for a symptom: rest"): never "routine: done" or "your usual routine"."""

from __future__ import annotations

import datetime as dt

from neurocoach.domain.models import Entry, Profile, Step
from neurocoach.store import Store
from tests.cli.test_status_fast import status


def stopped_for_chest_pain(db_path, now) -> None:
    """Today's session of two steps, one done, then stopped for chest pain."""
    store = Store.open(db_path)
    store.save_profile(Profile(rest_days=()), now)
    record = store.start_session(now.date(), [Step("walking"), Step("toe-stretch")], now)
    store.log_entry(record.id, Entry(0, "walking", "done"))
    store.finish_session(record.id, now, "chest")
    store.close()


def test_a_session_stopped_for_a_symptom_reads_stopped_not_done(db_path):
    now = dt.datetime.now(dt.timezone.utc).astimezone()   # the subprocess reads the real clock
    stopped_for_chest_pain(db_path, now)
    for argv in (("--db", str(db_path), "status"), ("status", "--db", str(db_path))):
        line = status(*argv).stdout
        assert "routine: stopped for a symptom (1 of 2 steps)" in line, line
        assert "routine: done" not in line


def test_a_checkin_after_todays_stop_says_rest_not_the_usual_routine(db_path):
    from tests.cli.test_cli import run

    now = dt.datetime.now(dt.timezone.utc).astimezone()
    stopped_for_chest_pain(db_path, now)
    result = run("checkin", "--pain", "2", "--feet", "ok", db=db_path)
    assert result.returncode == 0, result.stderr
    assert "Your usual routine is ready" not in result.stdout
    assert ("You stopped today's session because of chest pain or pressure. Please rest "
            "today, and talk to your clinician before you train again.") in result.stdout
