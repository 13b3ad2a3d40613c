"""`export --format json` writes compact JSON by default (C encoder, in pieces), indented
with --pretty; both read back to the same document, and import takes either."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

from neurocoach.catalog import load_catalog
from neurocoach.export.json import ROWS_PER_CHUNK, json_chunks
from neurocoach.services.demo import generate_history
from neurocoach.store import Store

TODAY = dt.date.today()


def run(*args, db) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "neurocoach", "--db", str(db), *map(str, args)],
                          capture_output=True, text=True, timeout=60)


def test_compact_by_default_pretty_on_request_same_document(tmp_path):
    db = tmp_path / "data" / "neurocoach.db"
    store = Store.open(db)
    generate_history(store, load_catalog(), TODAY - dt.timedelta(days=1), 30, seed=3)
    store.close()
    compact = run("export", "--format", "json", db=db).stdout
    pretty = run("export", "--format", "json", "--pretty", db=db).stdout
    assert compact.count("\n") == 1 and compact.endswith("}\n")
    assert '"format":"neurocoach-export"' in compact
    assert pretty.startswith('{\n  "format": "neurocoach-export"')
    a, b = json.loads(compact), json.loads(pretty)
    a.pop("exported_at"), b.pop("exported_at")
    assert a == b and len(a["sessions"]) > 0
    out = tmp_path / "out.json"
    assert run("export", "--format", "json", "--out", out, db=db).returncode == 0
    assert json.loads(out.read_text())["checkins"] == a["checkins"]
    again = tmp_path / "again.db"
    done = run("import", out, db=again)
    assert done.returncode == 0, done.stderr
    assert json.loads(run("export", "--format", "json", db=again).stdout)["sessions"] == \
        a["sessions"]


def test_long_tables_are_written_in_pieces_that_join_to_the_whole():
    doc = {"format": "x", "none": None, "empty": [], "rows": [{"n": i, "é": "ü"}
                                                               for i in range(4 * ROWS_PER_CHUNK + 3)]}
    pieces = list(json_chunks(doc))
    assert len(pieces) > 6                      # not one string: table rows come in batches
    assert max(map(len, pieces)) < len("".join(pieces)) / 2
    assert json.loads("".join(pieces)) == doc
    assert "".join(pieces) == json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"


def test_odd_values_in_steps_and_entries_are_refused_by_name_not_by_a_crash():
    import copy

    import pytest

    from neurocoach.export.read import ExportFileError, read_export

    db_doc = {"format": "neurocoach-export", "version": 1,
              "exported_at": "2026-11-23T09:00:00+00:00", "profile": None, "plan": None,
              "exercises": [{"id": "toe-stretch", "name": "Toe stretch",
                             "category": "stretching"}],
              "checkins": [], "balance_tests": [], "level_changes": [],
              "sessions": [{"id": 1, "date": "2026-11-20",
                            "started_at": "2026-11-20T09:00:00+00:00", "finished_at": None,
                            "stopped_reason": None,
                            "steps": [{"exercise_id": "toe-stretch", "seconds": 30}],
                            "entries": [{"step_index": 0, "exercise_id": "toe-stretch",
                                         "status": "done", "side": None, "reps": None,
                                         "seconds": 30, "rating": 2, "logged_at": None}]}]}
    rows = read_export(copy.deepcopy(db_doc), load_catalog())
    assert rows.entries == [(1, 0, "toe-stretch", None, "done", None, 30, 2, None)]
    for where, key, value, words in [("entries", "side", ["left"], "'side'"),
                                      ("entries", "status", {"x": 1}, "'status'"),
                                      ("entries", "rating", True, "'rating'"),
                                      ("entries", "step_index", 1.5, "'step_index'"),
                                      ("steps", "side", ["left"], "'side'"),
                                      ("steps", "seconds", -1, "'seconds'")]:
        doc = copy.deepcopy(db_doc)
        doc["sessions"][0][where][0][key] = value
        with pytest.raises(ExportFileError, match=words):
            read_export(doc, load_catalog())


def test_import_builds_the_big_tables_indexes_once_after_their_rows(tmp_path):
    """Issue 17: an index grown row by row made import 1.6x its floor. The rows go in first,
    then each index is made once, with its own SQL: the imported file's schema is a new
    file's, and it opens (the schema check passes) with every row in place."""
    from neurocoach.export.read import read_export

    db = tmp_path / "data" / "neurocoach.db"
    store = Store.open(db)
    generate_history(store, load_catalog(), TODAY - dt.timedelta(days=1), 30, seed=3)
    store.close()
    doc = json.loads(run("export", "--format", "json", db=db).stdout)
    fresh = Store.open(tmp_path / "new.db")
    schema = fresh.conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    said: list[str] = []
    fresh.conn.set_trace_callback(said.append)
    fresh.import_data(read_export(doc, load_catalog(), today=TODAY))
    fresh.conn.set_trace_callback(None)
    assert fresh.conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name"
                              ).fetchall() == schema
    fresh.close()
    steps = [i for i, sql in enumerate(said) if sql.startswith("INSERT INTO entries")]
    built = [i for i, sql in enumerate(said) if sql.startswith("CREATE") and "ON entries" in
             sql.replace('"', "")]
    assert steps and len(built) == 4 and min(built) > max(steps)
    again = Store.open(tmp_path / "new.db")
    assert again.data_counts()["entries"] == sum(len(s["entries"]) for s in doc["sessions"])
    again.close()


def test_a_plan_s_steps_repeated_session_after_session_are_checked_once(monkeypatch):
    """Issue 17: ten years hold about 2,300 sessions but a handful of distinct step lists;
    each distinct list is checked once (the same JSON text stores the same thing). A list
    that only looks the same (true for 1, 30.0 for 30) is a different text: still refused."""
    import copy

    import pytest

    from neurocoach.export import read
    from neurocoach.export.read import ExportFileError, read_export

    session = {"id": 1, "date": "2026-11-20", "started_at": "2026-11-20T09:00:00+00:00",
               "finished_at": None, "stopped_reason": None,
               "steps": [{"exercise_id": "toe-stretch", "seconds": 30, "sets": 1}],
               "entries": []}
    doc = {"format": "neurocoach-export", "version": 1,
           "exported_at": "2026-11-23T09:00:00+00:00", "profile": None, "plan": None,
           "exercises": [{"id": "toe-stretch", "name": "Toe stretch",
                          "category": "stretching"}],
           "checkins": [], "balance_tests": [], "level_changes": [],
           "sessions": [dict(copy.deepcopy(session), id=i) for i in range(1, 51)]}
    checked = []
    quick_step = read.quick_step
    monkeypatch.setattr(read, "quick_step", lambda *a: checked.append(a) or quick_step(*a))
    rows = read_export(copy.deepcopy(doc), load_catalog())
    assert len(checked) == 1
    assert {s[4] for s in rows.sessions} == {json.dumps(session["steps"])}
    for odd in (True, 30.0, "30"):
        bad = copy.deepcopy(doc)
        bad["sessions"][-1]["steps"][0]["sets"] = odd
        with pytest.raises(ExportFileError, match=r"'sets' in sessions\[49\]"):
            read_export(bad, load_catalog())


def test_check_ins_read_on_the_quick_path_are_the_rows_the_full_checks_give(tmp_path,
                                                                              monkeypatch):
    """Issue 17: plainly right check-ins skip `Row` (as steps and entries do); the rows are
    the same, and anything odd still gets the full checks' own message."""
    import copy

    import pytest

    from neurocoach.export import read
    from neurocoach.export.read import ExportFileError, read_export

    db = tmp_path / "data" / "neurocoach.db"
    store = Store.open(db)
    generate_history(store, load_catalog(), TODAY - dt.timedelta(days=1), 120, seed=5)
    store.close()
    doc = json.loads(run("export", "--format", "json", db=db).stdout)
    doc["checkins"][0].update(feet="skin", foot=None, note="blister, left heel\tsmall")
    doc["checkins"][1].update(feet="ok", foot="left", recorded_at=None)
    doc["checkins"][2].pop("foot", None)
    quick = read_export(copy.deepcopy(doc), load_catalog(), today=TODAY).checkins
    taken = []
    monkeypatch.setattr(read, "quick_checkin", lambda *a: taken.append(a) and None)
    full = read_export(copy.deepcopy(doc), load_catalog(), today=TODAY).checkins
    assert taken and quick == full and len(quick) == len(doc["checkins"])
    assert quick[0][5:7] == ("skin", "blister, left heel\tsmall") and quick[0][8] == "both"
    assert quick[1][5] == "ok" and quick[1][7:] == (None, None)
    monkeypatch.undo()
    for key, value, words in [("pain", True, "'pain'"), ("numbness", 11, "'numbness'"),
                              ("note", "a\x1bb", "control"), ("feet", "sore", "'feet'"),
                              ("recorded_at", "2026-01-01T09:00:00", "'recorded_at'"),
                              ("date", doc["checkins"][0]["date"], "has a check-in already")]:
        bad = copy.deepcopy(doc)
        bad["checkins"][3][key] = value
        with pytest.raises(ExportFileError, match=words):
            read_export(bad, load_catalog(), today=TODAY)


def test_import_writes_with_a_bigger_page_cache_and_gives_it_back(tmp_path):
    """Issue 17: ten years' rows and the indexes built after them spilled SQLite's default
    2 MiB cache to the WAL before the commit; the import's transaction has room, and the
    connection goes back to its own cache size after it."""
    from neurocoach.export.read import read_export
    from neurocoach.store.exchange import IMPORT_CACHE_KIB

    db = tmp_path / "data" / "neurocoach.db"
    store = Store.open(db)
    generate_history(store, load_catalog(), TODAY - dt.timedelta(days=1), 20, seed=4)
    store.close()
    doc = json.loads(run("export", "--format", "json", db=db).stdout)
    fresh = Store.open(tmp_path / "new.db")
    before = fresh.conn.execute("PRAGMA cache_size").fetchone()[0]
    said: list[str] = []
    fresh.conn.set_trace_callback(said.append)
    fresh.import_data(read_export(doc, load_catalog(), today=TODAY))
    fresh.conn.set_trace_callback(None)
    sized = said.index(f"PRAGMA cache_size = {IMPORT_CACHE_KIB}")
    assert sized < said.index("BEGIN IMMEDIATE") < said.index("COMMIT")
    assert IMPORT_CACHE_KIB <= -16384  # 16 MiB or more
    assert fresh.conn.execute("PRAGMA cache_size").fetchone()[0] == before
    fresh.close()


def test_sessions_read_on_the_quick_path_are_the_rows_the_full_checks_give(tmp_path,
                                                                           monkeypatch):
    """Issue 17: a session whose own fields are plainly right skips `Row`'s checks (as
    check-ins, steps and entries do); the rows are the same, and anything odd still gets
    the full checks' own message."""
    import copy

    import pytest

    from neurocoach.export import read
    from neurocoach.export.read import ExportFileError, read_export

    db = tmp_path / "data" / "neurocoach.db"
    store = Store.open(db)
    generate_history(store, load_catalog(), TODAY - dt.timedelta(days=1), 60, seed=6)
    store.close()
    doc = json.loads(run("export", "--format", "json", db=db).stdout)
    doc["sessions"][0].update(finished_at=None, stopped_reason="pain")
    doc["sessions"][1].update(finished_at="")           # read as not finished, both ways
    doc["sessions"][2].pop("stopped_reason", None)
    quick = read_export(copy.deepcopy(doc), load_catalog(), today=TODAY)
    taken = []
    monkeypatch.setattr(read, "quick_session", lambda *a: taken.append(a) and None)
    full = read_export(copy.deepcopy(doc), load_catalog(), today=TODAY)
    assert taken and len(quick.sessions) == len(doc["sessions"]) > 20
    assert (quick.sessions, quick.entries) == (full.sessions, full.entries)
    assert quick.sessions[0][3:] == full.sessions[0][3:] and quick.sessions[1][3] is None
    monkeypatch.undo()
    last = doc["sessions"][-1]["id"]
    for key, value, words in [("id", True, r"'id' in sessions\[3\]"),
                              ("id", last, "is used by another session"),
                              ("date", "2026-W47-5", r"'date' in sessions\[3\] \(id"),
                              ("started_at", "2026-01-01T09:00:00", "'started_at'"),
                              ("finished_at", 5, "'finished_at'"),
                              ("stopped_reason", "a\x1bb", "control"),
                              ("entries", {}, "'entries'"), ("mood", 3, "unknown field")]:
        bad = copy.deepcopy(doc)
        bad["sessions"][3][key] = value
        with pytest.raises(ExportFileError, match=words):
            read_export(bad, load_catalog(), today=TODAY)
    bad = copy.deepcopy(doc)
    del bad["sessions"][3]["finished_at"]
    with pytest.raises(ExportFileError, match="'finished_at' in sessions.3. .id .* is missing"):
        read_export(bad, load_catalog(), today=TODAY)
