"""`status` on a day whose session was stopped for a symptom says so, as Today does
("stopped today for a symptom: rest"), never "routine: done"."""

from __future__ import annotations

import datetime as dt

from neurocoach.domain.models import Entry, Profile, Step
from neurocoach.store import Store
from tests.cli.test_status_fast import status


def test_a_session_stopped_for_a_symptom_reads_stopped_not_done(db_path):
    now = dt.datetime.now(dt.timezone.utc).astimezone()   # the subprocess reads the real clock
    store = Store.open(db_path)
    store.save_profile(Profile(rest_days=()), now)
    record = store.start_session(now.date(), [Step("walking"), Step("toe-stretch")], now)
    store.log_entry(record.id, Entry(0, "walking", "done"))
    store.finish_session(record.id, now, "chest")
    store.close()
    for argv in (("--db", str(db_path), "status"), ("status", "--db", str(db_path))):
        line = status(*argv).stdout
        assert "routine: stopped for a symptom (1 of 2 steps)" in line, line
        assert "routine: done" not in line
