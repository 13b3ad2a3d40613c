"""Export version 2 (issue 13): what it adds to version 1, read here (store/exchange.py
writes it).

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

from neurocoach.domain.exchange import V2Rows
from neurocoach.domain.models import SCREENING_ANSWERS, Screening
from neurocoach.export.rows import ExportFileError, Row, show

SELF_TEST_KEYS = {"date", "kind", "result", "recorded_at"}
SELF_TEST_RANGES = {"steadi": (0, 4), "chair_stand": (0, 60)}


def split_v2(doc: dict) -> tuple[dict, V2Rows]:
    """A version-1-shaped copy of a version-2 document, and its version-2 rows, checked."""
    extras = V2Rows()
    doc = dict(doc)
    doc.pop("symptom_changes", None)
    profile = doc.get("profile")
    if isinstance(profile, dict) and "screening" in profile:
        profile = dict(profile)
        answers = profile.pop("screening")
        if answers is not None:
            s = Row(answers, "profile.screening", set(Screening.__dataclass_fields__))
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
                    Row({"follow_up": answer}, f"sessions[{i}]", {"follow_up"}).choice(
                        "follow_up", ("checked", "not_yet"))
                    extras.follow_ups.append((answer, session.get("id")))
            doc["sessions"].append(session)
    tests = doc.pop("self_tests", [])
    if not isinstance(tests, list):
        raise ExportFileError(f"self_tests: must be a list [...], not {show(tests)}")
    for i, data in enumerate(tests):
        t = Row(data, f"self_tests[{i}]", SELF_TEST_KEYS)
        kind = t.choice("kind", tuple(SELF_TEST_RANGES))
        extras.self_tests.append((t.day("date"), kind,
                                  t.number("result", *SELF_TEST_RANGES[kind]),
                                  t.moment("recorded_at", required=False)))
    return doc, extras
