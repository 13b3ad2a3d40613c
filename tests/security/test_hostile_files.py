"""Imports that pass must not crash later, and no argument or file gives a traceback or a
hang: naive or impossible timestamps, unknown exercises in a session's steps, days before
the birth year or after today are refused naming the field; FIFOs, devices, endless or
huge files and files nested 100,000 deep are one line."""

from __future__ import annotations

import json
import os

import pytest

from tests.cli.helpers import one_line_error
from tests.cli.test_data_export import (  # noqa: F401  (fixtures)
    TODAY, _first_session_with_entries, exported, filled,
)
from tests.security.helpers import run


def _session(change):
    def edit(doc):
        change(doc["sessions"][_first_session_with_entries(doc)])
    return edit


def _step_exercise(session):
    session["steps"][0]["exercise_id"] = "juggling"


def _profile_born(doc):
    doc["profile"]["birth_year"] = TODAY.year - 1
    doc["checkins"][0]["date"] = f"{TODAY.year - 2}-06-01"


def _future_checkin(doc):
    doc["checkins"][0]["date"] = f"{TODAY.year + 1}-01-01"


BAD = {
    "naive": (_session(lambda s: s.update(started_at="2026-01-05T09:00:00")),
              ["started_at", "offset"]),
    "impossible": (_session(lambda s: s.update(started_at="2026-02-30T09:00:00+00:00")),
                   ["started_at"]),
    "naive-logged": (_session(lambda s: s["entries"][0].update(logged_at="yesterday")),
                     ["logged_at"]),
    "step-unknown": (_session(_step_exercise), ["steps[0]", "exercise_id", "juggling"]),
    "before-birth": (_profile_born, ["checkins[0]", "date", "birth year"]),
    "after-today": (_future_checkin, ["checkins[0]", "date", "after today"]),
    "control-note": (lambda d: d["checkins"][0].update(note="x\x1b]0;t\x07"),
                     ["note", "control characters"]),
    # date.fromisoformat takes an ISO week date of ten characters: it would be stored
    # as the day itself ("2026-W47-1"), and every query by day would miss it.
    "week-date": (lambda d: d["checkins"][0].update(date="2026-W47-1"),
                  ["checkins[0]", "date", "YYYY-MM-DD"]),
    "week-date-moment": (_session(lambda s: s.update(started_at="2026-W47-1T09:00:00+00:00")),
                         ["started_at"]),
}


@pytest.mark.parametrize("name", list(BAD))
def test_an_import_that_would_crash_later_is_refused_naming_the_field(exported, tmp_path, name):
    change, words = BAD[name]
    doc = json.loads(exported.read_text())
    change(doc)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    target = tmp_path / "target.db"
    one_line_error(run("import", bad, db=target), "nothing was imported", *words)


def _deep_json(path):
    path.write_text("[" * 100_000 + "]" * 100_000)


def _deep_toml(path):
    path.write_text("a = " + "[" * 100_000 + "]" * 100_000)


def _huge(path):
    with open(path, "wb") as fh:
        fh.truncate(3 * 1024**3)  # 3 GiB, sparse: takes no room


def _fifo(path):
    os.mkfifo(path)


@pytest.mark.parametrize("make, command, words", [
    (_deep_json, ["import"], ["too deeply"]),
    (_deep_toml, ["plan", "import", "--yes"], ["too deeply"]),
    (_huge, ["import"], ["bytes"]),
    (_huge, ["plan", "import", "--yes"], ["bytes"]),
    (_fifo, ["import"], ["not a regular file"]),
    (_fifo, ["plan", "import", "--yes"], ["not a regular file"]),
    (_fifo, ["restore", "--yes"], ["not a regular file"]),
    (None, ["import"], ["not a regular file"]),
    (None, ["plan", "import", "--yes"], ["not a regular file"]),
    (None, ["restore", "--yes"], ["not a regular file"]),
])
def test_no_file_gives_a_traceback_or_a_hang(tmp_path, make, command, words):
    path = tmp_path / "given"
    if make is None:
        path = "/dev/zero"
    else:
        make(path)
    result = run(*command, path, db=tmp_path / "data" / "x.db", timeout=30)
    one_line_error(result, *words)
