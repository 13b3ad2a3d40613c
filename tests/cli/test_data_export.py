"""export and import: the files checked against the store, round trips, and every refusal."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import hashlib
import json
import os
import sqlite3
import stat
import subprocess
import sys

import pytest

from neurocoach.catalog import load_catalog
from neurocoach.coach.routine import default_plan
from neurocoach.services.demo import generate_history
from neurocoach.store import Store, StoreError
from neurocoach.domain.exchange import ImportRows
from tests.cli.helpers import one_line_error

TODAY = dt.date.today()  # the subprocess reads the real clock


def run(*args: str, db=None) -> subprocess.CompletedProcess:
    argv = [sys.executable, "-m", "neurocoach"]
    if db is not None:
        argv += ["--db", str(db)]
    return subprocess.run(argv + [str(a) for a in args], capture_output=True, text=True,
                          timeout=60)


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rows(path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return [tuple(r) for r in conn.execute(sql)]
    finally:
        conn.close()


@pytest.fixture
def filled(db_path):
    store = Store.open(db_path)
    generate_history(store, load_catalog(), TODAY - dt.timedelta(days=1), 40, seed=5)
    store.close()
    return db_path


@pytest.fixture
def exported(filled, tmp_path):
    out = tmp_path / "all.json"
    result = run("export", "--format", "json", "--out", out, db=filled)
    assert result.returncode == 0, result.stderr
    return out


def test_json_export_holds_the_store_exactly(filled, exported):
    assert mode(exported) == 0o600
    doc = json.loads(exported.read_text())
    assert (doc["format"], doc["version"]) == ("neurocoach-export", 2)
    assert dt.datetime.fromisoformat(doc["exported_at"]).date() == TODAY
    assert set(doc) == {"format", "version", "exported_at", "profile", "plan", "exercises",
                        "checkins", "sessions", "balance_tests", "level_changes",
                        "self_tests", "symptom_changes"}
    store = Store.open(filled)
    profile = store.profile()
    assert doc["profile"] == {"birth_year": profile.birth_year, "feet": profile.feet,
                              "days_per_week": profile.days_per_week,
                              "rest_days": list(profile.rest_days),
                              "restriction": profile.restriction,
                              "screening": profile.screening.to_dict()}
    catalog = load_catalog()
    plan = default_plan(catalog, profile)
    assert doc["plan"]["exercise_ids"] == list(plan.exercise_ids)
    assert doc["exercises"] == [{"id": e.id, "name": e.name, "category": e.category}
                                for e in catalog]
    store.close()

    assert [(c["date"], c["pain"], c["numbness"], c["tingling"], c["burning"], c["feet"],
             c["note"]) for c in doc["checkins"]] == rows(
        filled, "SELECT day, pain, numbness, tingling, burning, feet, note FROM checkins"
                " ORDER BY day")
    assert [(s["id"], s["date"], s["started_at"], s["finished_at"]) for s in doc["sessions"]] \
        == rows(filled, "SELECT id, day, started_at, finished_at FROM sessions ORDER BY id")
    entries = [(s["id"], e["exercise_id"], e["status"], e["side"], e["reps"], e["seconds"],
                e["rating"]) for s in doc["sessions"] for e in s["entries"]]
    assert entries == rows(filled, "SELECT session_id, exercise_id, status, side, reps, seconds,"
                                   " rating FROM entries ORDER BY session_id, step_index")
    assert [(b["date"], b["side"], b["seconds"]) for b in doc["balance_tests"]] == rows(
        filled, "SELECT day, side, seconds FROM balance_tests ORDER BY day, id")
    for key, fields in (("checkins", {"date", "pain", "numbness", "tingling", "burning", "feet",
                                      "note"}),
                        ("sessions", {"id", "date", "started_at", "finished_at", "entries"}),
                        ("balance_tests", {"date", "side", "seconds"})):
        assert all(fields <= set(row) for row in doc[key]), key
    assert all({"exercise_id", "status", "side", "reps", "seconds", "rating"} <= set(e)
               for s in doc["sessions"] for e in s["entries"])


def test_json_to_stdout_is_the_same_document(filled, exported):
    result = run("export", "--format", "json", db=filled)
    assert result.returncode == 0 and result.stderr == ""
    printed, saved = json.loads(result.stdout), json.loads(exported.read_text())
    printed.pop("exported_at"), saved.pop("exported_at")
    assert printed == saved


def test_csv_folder_one_file_per_table_matching_the_store(filled, tmp_path):
    folder = tmp_path / "tables"
    result = run("export", "--format", "csv", "--out", f"{folder}/", db=filled)
    assert result.returncode == 0, result.stderr
    assert mode(folder) == 0o700
    names = {"profile", "exercises", "plan", "checkins", "sessions", "entries", "balance_tests",
             "level_changes", "self_tests", "symptom_changes"}
    assert {p.name for p in folder.iterdir()} == {f"{n}.csv" for n in names}
    assert all(mode(p) == 0o600 for p in folder.iterdir())

    def table(name):
        with open(folder / f"{name}.csv", newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(fh))

    def text(value):
        return "" if value is None else str(value)

    assert [tuple(r.values()) for r in table("checkins")] == [
        tuple(map(text, r)) for r in rows(filled, "SELECT day, pain, numbness, tingling, burning,"
                                                  " feet, foot, note, recorded_at FROM checkins"
                                                  " ORDER BY day")]
    assert [tuple(r.values()) for r in table("entries")] == [
        tuple(map(text, r)) for r in rows(
            filled, "SELECT e.session_id, s.day, e.step_index, e.exercise_id, e.side, e.status,"
                    " e.reps, e.seconds, e.rating, e.logged_at FROM entries e JOIN sessions s"
                    " ON s.id = e.session_id ORDER BY s.started_at, e.step_index")]
    sessions = table("sessions")
    assert [r["id"] for r in sessions] == [str(r[0]) for r in rows(
        filled, "SELECT id FROM sessions ORDER BY started_at")]
    done = dict(rows(filled, "SELECT session_id, count(*) FROM entries WHERE status = 'done'"
                             " GROUP BY session_id"))
    assert all(int(r["steps_done"]) == done.get(int(r["id"]), 0) for r in sessions)
    assert [(r["date"], r["side"], float(r["seconds"])) for r in table("balance_tests")] == rows(
        filled, "SELECT day, side, seconds FROM balance_tests ORDER BY day, id")
    profile = table("profile")
    assert len(profile) == 1 and profile[0]["rest_days"] == "Wednesday Sunday"
    assert len(table("exercises")) == len(load_catalog())
    assert [r["exercise_id"] for r in table("plan")] == list(
        default_plan(load_catalog(), Store.open(filled).profile()).exercise_ids)
    assert table("level_changes") == []

    again = run("export", "--format", "csv", "--out", folder, db=filled)
    one_line_error(again, "already exists", "--force")
    assert run("export", "--format", "csv", "--out", folder, "--force", db=filled).returncode == 0


def test_csv_without_a_folder_is_the_steps_table(filled, tmp_path):
    out = tmp_path / "steps.csv"
    assert run("export", "--format", "csv", "--out", out, db=filled).returncode == 0
    printed = run("export", "--format", "csv", db=filled).stdout
    assert out.read_text() == printed
    lines = printed.splitlines()
    assert lines[0] == ("session_id,date,step_index,exercise_id,side,status,reps,seconds,"
                        "rating,logged_at")
    assert len(lines) - 1 == rows(filled, "SELECT count(*) FROM entries")[0][0]


def test_export_import_export_is_identical(filled, exported, tmp_path):
    fresh = tmp_path / "fresh.db"
    result = run("import", exported, db=fresh)
    assert result.returncode == 0, result.stderr
    assert "check-ins" in result.stdout
    assert mode(fresh) == 0o600
    again = json.loads(run("export", "--format", "json", db=fresh).stdout)
    first = json.loads(exported.read_text())
    again.pop("exported_at"), first.pop("exported_at")
    assert again == first
    for table in ("checkins", "sessions", "entries", "balance_tests"):
        assert rows(fresh, f"SELECT * FROM {table} ORDER BY 1, 2") == rows(
            filled, f"SELECT * FROM {table} ORDER BY 1, 2")
    assert Store.open(fresh).profile() == Store.open(filled).profile()


def test_import_into_a_db_with_data_is_refused_untouched(exported, tmp_path):
    target = tmp_path / "used.db"
    assert run("checkin", "--pain", "3", db=target).returncode == 0
    before = digest(target)
    one_line_error(run("import", exported, db=target), "already holds data", "nothing")
    assert digest(target) == before


def test_import_into_a_db_with_only_a_profile_is_refused(exported, tmp_path, clock):
    from neurocoach.domain.models import Profile

    target = tmp_path / "profiled.db"
    store = Store.open(target)
    store.save_profile(Profile(), clock.now())
    store.close()
    one_line_error(run("import", exported, db=target), "already holds data", "profile")


def _set(path, value):
    def change(doc):
        *parents, last = path
        target = doc
        for key in parents:
            target = target[key]
        target[last] = value
    return change


def _first_session_with_entries(doc):
    return next(i for i, s in enumerate(doc["sessions"]) if s["entries"])


def _entry(field, value):
    def change(doc):
        doc["sessions"][_first_session_with_entries(doc)]["entries"][0][field] = value
    return change


def _duplicate_day(doc):
    doc["checkins"].append(dict(doc["checkins"][0]))


def _last_balance_bad(doc):
    doc["balance_tests"][-1]["side"] = "middle"


def _drop(section, field):
    def change(doc):
        del doc[section][0][field]
    return change


BAD = {
    "format": (_set(["format"], "other"), ["not a neurocoach export"]),
    "newer": (_set(["version"], 3), ["newer", "version 3"]),
    "version-word": (_set(["version"], "one"), ["version"]),
    "pain-11": (_set(["checkins", 0, "pain"], 11), ["checkins[0]", "pain", "0 to 10", "11"]),
    "pain-word": (_set(["checkins", 0, "pain"], "bad"), ["pain", "'bad'"]),
    "date": (_set(["checkins", 0, "date"], "23/11/2026"), ["checkins[0]", "date", "YYYY-MM-DD"]),
    "feet": (_set(["checkins", 0, "feet"], "fine"), ["feet", "ok, skin, hot, unchecked"]),
    "foot": (_set(["checkins", 0, "foot"], "middle"), ["foot", "left, right, both"]),
    "duplicate-day": (_duplicate_day, ["date", "one per day"]),
    "status": (_entry("status", "maybe"), ["entries[0]", "status", "done, skipped"]),
    "rating": (_entry("rating", 4), ["rating", "1 to 3"]),
    "exercise": (_entry("exercise_id", "juggling"), ["exercise_id", "juggling"]),
    "started": (_drop("sessions", "started_at"), ["sessions[0]", "started_at", "missing"]),
    "last-row": (_last_balance_bad, ["balance_tests[", "side", "middle"]),
    "unknown-field": (_set(["mood"], 3), ["unknown field", "mood"]),
    "sessions-not-list": (_set(["sessions"], {}), ["sessions", "list"]),
    "profile-days": (_set(["profile", "days_per_week"], 9), ["profile", "days_per_week"]),
    "library": (_set(["exercises", 0, "id"], "not-ours"), ["exercises[0]", "library"]),
}


@pytest.mark.parametrize("name", list(BAD))
def test_bad_file_names_the_problem_and_writes_nothing(exported, tmp_path, name):
    change, words = BAD[name]
    doc = json.loads(exported.read_text())
    change(doc)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    target = tmp_path / "target.db"
    result = run("import", bad, db=target)
    one_line_error(result, "bad.json", "nothing was imported", *words)
    assert not target.exists()

    Store.open(target).close()  # an empty DB stays empty
    before = digest(target)
    one_line_error(run("import", bad, db=target), *words)
    assert digest(target) == before


@pytest.mark.parametrize("content, words", [
    ("{\"format\": ", ["not valid JSON", "line 1"]),
    ("[1, 2]", ["not a neurocoach export"]),
    (b"\xff\xfe\x00", ["not a text file"]),
])
def test_not_an_export_at_all(tmp_path, content, words):
    bad = tmp_path / "x.json"
    bad.write_bytes(content if isinstance(content, bytes) else content.encode())
    one_line_error(run("import", bad, db=tmp_path / "t.db"), *words)
    assert not (tmp_path / "t.db").exists()
    one_line_error(run("import", tmp_path / "absent.json", db=tmp_path / "t.db"), "does not exist")


def test_import_is_one_transaction(exported, tmp_path):
    """A row the database itself refuses (an entry of a missing session) undoes all."""
    from neurocoach.export.read import read_export

    rows_ = read_export(json.loads(exported.read_text()), load_catalog())
    broken = ImportRows(profile=rows_.profile, checkins=rows_.checkins, sessions=rows_.sessions,
                        entries=[*rows_.entries, (99_999, 0, "walking", None, "done", None, 60,
                                                  None, None)],
                        balance_tests=rows_.balance_tests)
    store = Store.open(tmp_path / "t.db")
    with pytest.raises(StoreError, match="nothing was changed"):
        store.import_data(broken)
    assert store.is_empty()
    store.import_data(copy.deepcopy(rows_))
    assert not store.is_empty()
    store.close()


def test_export_refusals_are_one_line(filled, exported, tmp_path):
    before = digest(exported)
    one_line_error(run("export", "--format", "json", "--out", exported, db=filled),
                   "already exists", "--force")
    assert digest(exported) == before
    os.chmod(exported, 0o644)
    replaced = run("export", "--format", "json", "--out", exported, "--force", db=filled)
    assert replaced.returncode == 0
    assert mode(exported) == 0o600  # replaced by a private file
    one_line_error(run("export", "--format", "json", "--out", tmp_path / "no" / "x.json",
                       db=filled), "does not exist")
    one_line_error(run("export", "--format", "xml", db=filled), "--format", "json", "csv")
    one_line_error(run("export", db=filled), "--format")
    missing = tmp_path / "missing" / "n.db"
    one_line_error(run("export", "--format", "json", db=missing), "no neurocoach database")
    assert not missing.parent.exists()
    assert not list(tmp_path.glob(".*.tmp"))


def test_export_into_a_folder_uses_a_dated_name(filled, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    assert run("export", "--format", "json", "--out", folder, db=filled).returncode == 0
    (made,) = folder.iterdir()
    assert made.name == f"neurocoach-export-{TODAY.isoformat()}.json"


def test_json_export_out_ending_in_slash_is_a_new_folder(filled, tmp_path):
    folder = tmp_path / "exports"
    assert run("export", "--format", "json", "--out", f"{folder}/", db=filled).returncode == 0
    assert folder.is_dir() and stat.S_IMODE(folder.stat().st_mode) == 0o700
    (made,) = folder.iterdir()
    assert made.name == f"neurocoach-export-{TODAY.isoformat()}.json"


def test_unwritable_folder(filled, tmp_path, read_only_folder):
    locked = tmp_path / "locked"
    locked.mkdir()
    read_only_folder(locked)
    one_line_error(run("export", "--format", "json", "--out", locked / "x.json", db=filled),
                   "cannot write")


def test_version_1_files_with_sore_feet_still_import_as_a_skin_problem(exported, tmp_path):
    from tests.cli.test_export_v2 import version_1

    doc = version_1(json.loads(exported.read_text()))
    for c in doc["checkins"]:
        if c["feet"] == "sore":
            c["feet"] = "ok"
    doc["checkins"][0]["feet"] = "sore"
    old = tmp_path / "v1.json"
    old.write_text(json.dumps(doc))
    target = tmp_path / "v1.db"
    result = run("import", old, db=target)
    assert result.returncode == 0, result.stderr
    store = Store.open(target)
    first = store.checkins_between(dt.date(1900, 1, 1), dt.date(2999, 1, 1))[0]
    assert (first.feet, first.foot) == ("skin", "both")
    store.close()


def test_version_2_carries_the_foot_and_the_balance_leave(exported, tmp_path):
    doc = json.loads(exported.read_text())
    doc["checkins"][0].update(feet="hot", foot="left")
    doc["plan"]["balance_without_support"] = True
    new = tmp_path / "v2.json"
    new.write_text(json.dumps(doc))
    target = tmp_path / "v2.db"
    assert run("import", new, db=target).returncode == 0
    again = run("export", "--format", "json", db=target)
    back = json.loads(again.stdout)
    assert (back["checkins"][0]["feet"], back["checkins"][0]["foot"]) == ("hot", "left")
    assert back["plan"]["balance_without_support"] is True


def test_import_freezes_the_read_document_for_the_collector(exported, tmp_path):
    """Issue 17: once read, the document (hundreds of thousands of objects for ten years)
    is frozen, so that no collection walks it again while its rows are checked and
    written; the import is the same (the identity test above)."""
    code = ("import gc, sys; sys.argv = ['neurocoach', '--db', sys.argv[2], 'import', "
            "sys.argv[1]]\nfrom neurocoach.cli import main\n"
            "try:\n    main()\nfinally:\n    print('FROZEN', gc.get_freeze_count() > 1000)\n")
    done = subprocess.run([sys.executable, "-c", code, str(exported), str(tmp_path / "n.db")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "FROZEN True"
