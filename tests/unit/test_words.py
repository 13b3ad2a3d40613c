"""Counts a person reads: '1 check-in', never '1 check-ins'; one full stop to a sentence."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from neurocoach.catalog import Dose, load_catalog
from neurocoach.coach.plan import Plan, days_words, describe_changes
from neurocoach.domain.models import Checkin, Entry, Profile, Step
from neurocoach.domain.words import count, sentence

NOW = dt.datetime(2026, 11, 23, 9, tzinfo=dt.timezone.utc)
TODAY = NOW.date()


def test_count_and_sentence():
    assert count(1, "check-in") == "1 check-in"
    assert count(0, "check-in") == "0 check-ins"
    assert count(1204, "step") == "1,204 steps"
    assert count(2, "person", "people") == "2 people"
    assert sentence("Plan note: “Right foot first.”") == "Plan note: “Right foot first.”"
    assert sentence("Plan note: “Right foot first”") == "Plan note: “Right foot first”."
    assert sentence("Done!") == "Done!" and sentence("Done") == "Done."


def test_plan_words():
    catalog = load_catalog()
    one = Plan(("walking",), days_per_week=1, rest_days=(0, 1, 2, 3, 4, 5))
    assert days_words(one).startswith("1 day a week")
    noted = Plan(("walking",), note="Slowly.")
    lines = describe_changes(Plan(("walking",)), noted, catalog)
    assert lines == ["Plan note: “Slowly.”"]
    assert Dose(kind="reps", reps=1).describe() == "once"


def _one_of_each(store):
    store.save_profile(Profile(days_per_week=1, rest_days=(0, 1, 2, 3, 4, 5)), NOW)
    store.record_checkin(Checkin(day=TODAY, pain=3, feet="sore", note="Heel."), NOW)
    record = store.start_session(TODAY, [Step("walking", minutes=10)], NOW)
    store.log_entry(record.id, Entry(step_index=0, exercise_id="walking", status="done",
                                     seconds=600, logged_at=NOW.isoformat()))
    store.finish_session(record.id, NOW + dt.timedelta(minutes=10))
    store.record_balance_test(TODAY, {"left": 10.0}, NOW)


def test_backup_describe_counts_one(store):
    from neurocoach.store.backup import describe

    _one_of_each(store)
    assert describe(store.path).startswith("1 check-in, 1 session,")


def test_import_and_refusal_count_one(store, tmp_path, clock, monkeypatch):
    from neurocoach.cli import cli
    from neurocoach.export.document import export_document
    from neurocoach.store import Store, StoreError
    from neurocoach.export.read import read_export

    _one_of_each(store)
    doc = export_document(store, load_catalog(), NOW)
    path = tmp_path / "one.json"
    path.write_text(json.dumps(doc))
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "new.db"), "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "1 check-in, 1 session (1 step), 1 balance test." in result.output
    rows = read_export(json.loads(path.read_text()), load_catalog())
    again = Store.open(tmp_path / "new.db")
    try:
        again.import_data(rows)
    except StoreError as exc:
        message = str(exc)
    again.close()
    assert "1 check-in," in message and "1 check-ins" not in message


def test_report_counts_one(store, clock):
    from neurocoach.export.document import export_document
    from neurocoach.report.build import render

    _one_of_each(store)
    catalog = load_catalog()
    text = render(export_document(store, catalog, NOW), catalog, TODAY, 1)
    assert "a day (1 days)" not in text and "1 days" not in text
    assert "a day." in text
    assert "1 training day a week" in text
    assert "Pain: not enough scores to compare yet (7 days" in text  # coach.change
    assert "A skin problem (blister, cut, wound, red spot): 1 day" in text


def test_status_counts_one(store):
    from neurocoach.services.status import status_line

    record = store.start_session(TODAY, [Step("walking", minutes=10)], NOW)
    assert record.id
    assert "(0 of 1 step)" in status_line(store, NOW)


@pytest.mark.parametrize("seconds, said", [
    (0, "a moment"), (40, "40 seconds"), (60, "1 minute"), (12 * 60 + 20, "12 minutes"),
    (65 * 60, "1 hour and 5 minutes"),
])
def test_session_time_in_words_never_zero_minutes(seconds, said):
    from neurocoach.domain.words import duration as spent_words

    assert spent_words(seconds) == said
