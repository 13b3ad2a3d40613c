"""The export document as CSV tables for a spreadsheet (`neurocoach export --format csv`).

A text cell a spreadsheet would run as a formula is made inert (see `_inert`).
"""

from __future__ import annotations

import csv
import io

from neurocoach.domain.models import SYMPTOMS, WEEKDAYS

CSV_COLUMNS = {
    "profile": ["birth_year", "feet", "days_per_week", "rest_days", "restriction",
                "sugar_meds", "eye_disease", "dizzy_standing", "foot_history", "fell",
                "walking_aid"],
    "exercises": ["id", "name", "category", "custom", "archived_at"],
    "plan": ["position", "exercise_id", "level", "dose", "note"],
    "checkins": ["date", *SYMPTOMS, "feet", "foot", "note", "recorded_at"],
    "sessions": ["id", "date", "started_at", "finished_at", "stopped_reason", "steps_planned",
                 "steps_done", "steps_skipped"],
    "entries": ["session_id", "date", "step_index", "exercise_id", "side", "status", "reps",
                "seconds", "rating", "logged_at"],
    "balance_tests": ["date", "side", "seconds", "recorded_at"],
    "level_changes": ["date", "exercise_id", "level", "cause", "reason", "at"],
    "self_tests": ["date", "kind", "result", "recorded_at"],
    "symptom_changes": ["symptom", "baseline", "baseline_from", "baseline_to", "recent",
                        "recent_from", "recent_to", "points", "percent", "meaningful",
                        "verdict", "label"],
}
"""One CSV file per table, in this order, with these columns."""


def csv_tables(doc: dict) -> dict[str, list[dict]]:
    """The export document as flat rows, one list per CSV file."""
    profile = doc["profile"]
    if profile is not None:
        profile = {**profile, **(profile.get("screening") or {}),
                   "rest_days": " ".join(WEEKDAYS[d] for d in profile["rest_days"])}
    sessions, entries = [], []
    for s in doc["sessions"]:
        statuses = [e["status"] for e in s["entries"]]
        sessions.append({**s, "steps_planned": len(s["steps"]),
                         "steps_done": statuses.count("done"),
                         "steps_skipped": statuses.count("skipped")})
        entries += [{**e, "session_id": s["id"], "date": s["date"]} for e in s["entries"]]
    plan = doc["plan"] or {"exercise_ids": [], "settings": {}}
    settings = plan.get("settings") or {}
    planned = []
    for n, ex_id in enumerate(plan["exercise_ids"], 1):
        chosen = settings.get(ex_id) or {}
        dose = chosen.get("dose")
        planned.append({"position": n, "exercise_id": ex_id, "level": chosen.get("level"),
                        "dose": " ".join(f"{k}={v}" for k, v in dose.items()) if dose else "",
                        "note": chosen.get("note") or ""})
    exercises = [{**e, "custom": "yes" if e.get("custom") else ""} for e in doc["exercises"]]
    return {"profile": [profile] if profile else [], "exercises": exercises, "plan": planned,
            "checkins": doc["checkins"], "sessions": sessions, "entries": entries,
            "balance_tests": doc["balance_tests"], "level_changes": doc["level_changes"],
            "self_tests": doc.get("self_tests", []),
            "symptom_changes": [c for c in (doc.get("symptom_changes") or {}).values() if c]}


def csv_text(table: str, rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS[table], extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    writer.writerows({key: _inert(value) for key, value in row.items()} for row in rows)
    return buffer.getvalue()


_RUNS = ("=", "+", "-", "@", "\t", "\r")
"""How a cell starts that a spreadsheet would run as a formula (a note "=HYPERLINK(…)")."""


def _inert(value):
    """A text cell a spreadsheet would run gets a leading ' (shown, never run); numbers
    are numbers (-3 stays -3)."""
    return "'" + value if isinstance(value, str) and value.startswith(_RUNS) else value
