"""Export version 2 (issue 13): what it adds to version 1, written and read here.

- `profile.screening`: the health answers (each "yes", "no", "unsure" or null);
- `sessions[].follow_up`: "checked" or "not_yet" after a stop for a serious symptom;
- `self_tests[]`: `date`, `kind` (steadi | chair_stand), `result`, `recorded_at`;
- `symptom_changes`: each symptom's meaningful-change figures (coach.change), computed
  at export time; import ignores them (they follow from the check-ins).

A version-1 file is read exactly as before: `split_v2` is only called for version 2, and
hands the version-1 reader a copy without these fields.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from neurocoach.domain.models import SCREENING_ANSWERS, Screening

SELF_TEST_KEYS = {"date", "kind", "result", "recorded_at"}
SELF_TEST_RANGES = {"steadi": (0, 4), "chair_stand": (0, 60)}


@dataclass
class V2Rows:
    screening: str | None = None  # JSON for profile.screening
    follow_ups: list[tuple] = field(default_factory=list)  # (answer, session id)
    self_tests: list[tuple] = field(default_factory=list)  # (day, kind, result, recorded_at)


def export_extras(conn, since: str = "") -> dict:
    """The version-2 fields read from the DB: {'screening', 'follow_ups', 'self_tests'}
    (`since`, YYYY-MM-DD: the follow-ups of that day's sessions on, for a report)."""
    row = conn.execute("SELECT screening FROM profile WHERE id = 1").fetchone()
    from neurocoach.store.screening import screening_from_json

    screening = screening_from_json(row[0] if row else None).to_dict()
    follow_ups = dict(conn.execute("SELECT id, follow_up FROM sessions"
                                   " WHERE day >= ? AND follow_up IS NOT NULL", [since]))
    tests = [{"date": d, "kind": k, "result": r, "recorded_at": at} for d, k, r, at in
             conn.execute("SELECT day, kind, result, recorded_at FROM self_tests"
                          " ORDER BY day, id")]
    return {"screening": screening, "follow_ups": follow_ups, "self_tests": tests}


def split_v2(doc: dict) -> tuple[dict, V2Rows]:
    """A version-1-shaped copy of a version-2 document, and its version-2 rows, checked."""
    from neurocoach.store.export_file import ExportFileError, _Row, _show

    extras = V2Rows()
    doc = dict(doc)
    doc.pop("symptom_changes", None)
    profile = doc.get("profile")
    if isinstance(profile, dict) and "screening" in profile:
        profile = dict(profile)
        answers = profile.pop("screening")
        if answers is not None:
            s = _Row(answers, "profile.screening", set(Screening.__dataclass_fields__))
            for key in s.data:
                s.choice(key, SCREENING_ANSWERS, null=True)
            extras.screening = json.dumps(Screening.from_dict(answers).to_dict())
        doc["profile"] = profile
    sessions = doc.get("sessions")
    if isinstance(sessions, list):
        doc["sessions"] = []
        for i, session in enumerate(sessions):
            if isinstance(session, dict) and "follow_up" in session:
                session = dict(session)
                answer = session.pop("follow_up")
                if answer is not None:
                    _Row({"follow_up": answer}, f"sessions[{i}]", {"follow_up"}).choice(
                        "follow_up", ("checked", "not_yet"))
                    extras.follow_ups.append((answer, session.get("id")))
            doc["sessions"].append(session)
    tests = doc.pop("self_tests", [])
    if not isinstance(tests, list):
        raise ExportFileError(f"self_tests: must be a list [...], not {_show(tests)}")
    for i, data in enumerate(tests):
        t = _Row(data, f"self_tests[{i}]", SELF_TEST_KEYS)
        kind = t.choice("kind", tuple(SELF_TEST_RANGES))
        extras.self_tests.append((t.day("date"), kind,
                                  t.number("result", *SELF_TEST_RANGES[kind]),
                                  t.moment("recorded_at", required=False)))
    return doc, extras


def write_v2(conn, extras: V2Rows | None) -> None:
    """Inside import's transaction, after the version-1 rows."""
    if extras is None:
        return
    if extras.screening is not None:
        conn.execute("UPDATE profile SET screening = ? WHERE id = 1", [extras.screening])
    conn.executemany("UPDATE sessions SET follow_up = ? WHERE id = ?", extras.follow_ups)
    conn.executemany("INSERT INTO self_tests (day, kind, result, recorded_at)"
                     " VALUES (?,?,?,?)", extras.self_tests)
