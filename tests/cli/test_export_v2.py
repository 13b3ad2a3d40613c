"""Export version 2 (issue 13): the health answers, the follow-ups and the self-tests go
out and come back; a version-1 file is still imported exactly as before."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from neurocoach.catalog import load_catalog
from neurocoach.export.document import export_document
from neurocoach.domain.models import Checkin, Profile, Screening, Step
from neurocoach.store import Store
from neurocoach.export.read import ExportFileError, read_export

ANSWERS = Screening(sugar_meds="yes", eye_disease="no", dizzy_standing="unsure",
                    foot_history="no", fell="yes", walking_aid="no")


@pytest.fixture
def full(store, clock):
    store.save_profile(Profile(birth_year=1950, screening=ANSWERS), clock.now())
    store.record_checkin(Checkin(clock.today(), pain=3, feet="ok"), clock.now())
    record = store.start_session(clock.today(), [Step("walking", minutes=10)], clock.now())
    store.finish_session(record.id, clock.now(), "chest")
    store.record_follow_up(record.id, "checked")
    store.record_self_test(clock.today(), "steadi", 3, clock.now())
    store.record_self_test(clock.today(), "chair_stand", 11, clock.now())
    return store


def _import(doc, tmp_path, name="new.db") -> Store:
    new = Store.open(tmp_path / name)
    new.import_data(read_export(json.loads(json.dumps(doc)), load_catalog()))
    return new


def test_version_2_carries_the_new_fields_and_imports_them_back(full, clock, tmp_path):
    doc = export_document(full, load_catalog(), clock.now())
    assert doc["version"] == 2
    assert doc["profile"]["screening"] == ANSWERS.to_dict()
    assert doc["sessions"][0]["follow_up"] == "checked"
    assert [(t["kind"], t["result"]) for t in doc["self_tests"]] == [("steadi", 3),
                                                                    ("chair_stand", 11)]
    new = _import(doc, tmp_path)
    try:
        assert new.profile().screening == ANSWERS
        assert new.follow_up_of(doc["sessions"][0]["id"]) == "checked"
        assert new.self_tests() == full.self_tests()
        again = export_document(new, load_catalog(), clock.now())
        assert again == doc
    finally:
        new.close()


def version_1(doc: dict) -> dict:
    """The same data as an older neurocoach wrote it."""
    old = json.loads(json.dumps(doc))
    old["version"] = 1
    old.pop("self_tests"), old.pop("symptom_changes")
    old["profile"].pop("screening")
    for session in old["sessions"]:
        session.pop("follow_up")
    for checkin in old["checkins"]:                      # issue 12's foot, and sore for skin
        checkin.pop("foot", None)
        if checkin["feet"] in ("skin", "hot"):
            checkin["feet"] = "sore"
    old["plan"].pop("balance_without_support", None)
    return old


def test_a_version_1_file_is_imported_as_before(full, clock, tmp_path):
    old = version_1(export_document(full, load_catalog(), clock.now()))
    new = _import(old, tmp_path)
    try:
        assert new.profile().birth_year == 1950
        assert new.profile().screening == Screening()   # never asked
        assert new.self_tests() == []
        assert new.checkin_for(clock.today()).pain == 3
    finally:
        new.close()
    old["self_tests"] = []                               # version 1 never had them
    with pytest.raises(ExportFileError, match="unknown field 'self_tests'"):
        read_export(old, load_catalog())


@pytest.mark.parametrize("change, words", [
    (lambda d: d["profile"]["screening"].update(fell="maybe"), "'fell' in profile.screening"),
    (lambda d: d["self_tests"][0].update(kind="sprint"), "'kind' in self_tests[0]"),
    (lambda d: d["self_tests"][0].update(result=9), "'result' in self_tests[0]"),
    (lambda d: d["sessions"][0].update(follow_up="yes"), "'follow_up' in sessions[0]"),
])
def test_bad_version_2_fields_are_refused_naming_the_place(full, clock, change, words):
    doc = json.loads(json.dumps(export_document(full, load_catalog(), clock.now())))
    change(doc)
    with pytest.raises(ExportFileError, match=words.replace("[", r"\[").replace("]", r"\]")):
        read_export(doc, load_catalog())


def test_import_says_it_brought_the_self_tests_in(full, clock, tmp_path):
    from click.testing import CliRunner

    from neurocoach.cli import cli

    file = tmp_path / "all.json"
    file.write_text(json.dumps(export_document(full, load_catalog(), clock.now())))
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "new.db"), "import", str(file)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "1 check-in, 1 session (0 steps), 0 balance tests, 2 fall-risk self-tests" \
        in result.output
