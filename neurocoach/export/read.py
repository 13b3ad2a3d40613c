"""Reading an export file back: every row checked, turned into rows ready to insert.

Pure checking (no SQL): `read_export` raises ExportFileError naming the place of the first
problem, so `Store.import_data` only ever receives rows it can write.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from neurocoach.catalog import Catalog, CatalogError, parse_dose, parse_exercise
from neurocoach.coach.plan import default_plan
from neurocoach.domain.exchange import FORMAT, VERSION, ImportRows
from neurocoach.domain.models import (
    FEET_SIDES, FEET_STATES, FOOT_SIDES, RESTRICTIONS, STATUSES, SYMPTOMS, Checkin, Profile,
)
from neurocoach.domain.plan import CAUSES, MINUTES_RANGE, NOTE_MAX, ExerciseSettings, Plan
from neurocoach.export.quick import quick_checkin, quick_entry, quick_session, quick_step
from neurocoach.export.rows import (  # noqa: F401 (ExportFileError: the error callers catch)
    BALANCE_KEYS, CHECKIN_KEYS, CUSTOM_KEYS, ENTRY_KEYS, LEVEL_KEYS, PLAN_KEYS, PROFILE_KEYS,
    SESSION_KEYS, SETTING_KEYS, SIDES, SPAN, STEP_KEYS, TOP_KEYS, ExportFileError, Row,
    flag_of, list_of, show, weekdays_of,
)
from neurocoach.export.v2 import split_v2

def read_export(doc: Any, catalog: Catalog, today: dt.date | None = None) -> ImportRows:
    """Check a parsed export file completely; raise ExportFileError at the first problem.

    `catalog` is the built-in library: a built-in exercise the file names must be in it
    (screens could not show one that is not); the person's own exercises come with the file.
    With `today`, no day or time may be after it, nor before the profile's birth year."""
    token = SPAN.set((None, today))
    try:
        return _read_export(doc, catalog, today)
    finally:
        SPAN.reset(token)


def _read_export(doc: Any, catalog: Catalog, today: dt.date | None) -> ImportRows:
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ExportFileError(f'not a neurocoach export (it has no "format": "{FORMAT}")')
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ExportFileError(f"version: must be a whole number, not {show(version)}")
    if version > VERSION:
        raise ExportFileError(f"written by a newer neurocoach (export version {version}; this "
                              f"one reads version {VERSION}): upgrade neurocoach to import it")
    extras = None
    if version >= 2:
        doc, extras = split_v2(doc)
    top = Row(doc, "the file", TOP_KEYS)
    exported_at = top.moment("exported_at")
    for key in ("checkins", "sessions", "balance_tests", "exercises"):
        list_of(doc, key)
    if doc.get("plan") is not None and not isinstance(doc["plan"], dict):
        raise ExportFileError(f"plan: must be an object {{...}} or null, not {show(doc['plan'])}")

    rows = ImportRows(profile=None, saved_at=dt.datetime.fromisoformat(exported_at),
                      v2=extras)
    listed = _exercises(doc["exercises"], catalog, rows)
    profile = Profile()
    if doc.get("profile") is not None:
        p = Row(doc["profile"], "profile", PROFILE_KEYS)
        profile = Profile(birth_year=p.number("birth_year", 1900, 2100, null=True),
                          feet=p.choice("feet", FEET_SIDES), days_per_week=p.number(
                              "days_per_week", 1, 7), rest_days=weekdays_of(p, "rest_days"),
                          restriction=p.choice("restriction", RESTRICTIONS))
        if profile.birth_year is not None:
            if today is not None and profile.birth_year > today.year:
                raise p.fail("birth_year", f"is {profile.birth_year}, after this year")
            SPAN.set((dt.date(profile.birth_year, 1, 1), today))
        rows.profile = (profile.birth_year, profile.feet, profile.days_per_week,
                        json.dumps(sorted(profile.rest_days)), profile.restriction, exported_at)
    if doc.get("plan") is not None:
        plan = _plan(Row(doc["plan"], "plan", PLAN_KEYS), listed).with_schedule(profile)
        rows.plan = None if plan == default_plan(catalog, profile) else plan

    for i, data in enumerate(doc.get("level_changes") or []):
        lv = Row(data, f"level_changes[{i}]", LEVEL_KEYS)
        ex_id = lv.text("exercise_id", 60)
        if ex_id not in listed:
            raise lv.fail("exercise_id", f"{ex_id!r} is not in the file's exercises list")
        rows.level_changes.append((ex_id, lv.number("level", 1, 100), lv.day("date"),
                                   lv.moment("at"), lv.choice("cause", CAUSES),
                                   lv.text("reason", 1000)))

    days = set()
    feet_states = ("ok", "sore", "unchecked") if version == 1 else FEET_STATES
    for i, data in enumerate(doc["checkins"]):
        row = quick_checkin(data, feet_states)
        if row is not None and row[0] not in days:
            days.add(row[0])
            rows.checkins.append(row)
            continue
        c = Row(data, f"checkins[{i}]", CHECKIN_KEYS)
        day = c.day("date")
        if day in days:
            raise c.fail("date", f"{day} has a check-in already (one per day)")
        days.add(day)
        c.where = f"checkins[{i}] ({day})"
        pain = c.number("pain", 0, 10)
        numbers = tuple(c.number(s, 0, 10, null=True) for s in SYMPTOMS if s != "pain")
        feet = c.choice("feet", feet_states)
        foot = c.choice("foot", FOOT_SIDES, null=True) if "foot" in data else None
        read = Checkin(dt.date.fromisoformat(day), pain, feet=feet, foot=foot)  # sore -> skin
        rows.checkins.append((
            day, pain, *numbers, read.feet, c.text("note", 500, required=False) or "",
            c.moment("recorded_at", required=False), read.foot))

    ids, verified = set(), set()
    for i, data in enumerate(doc["sessions"]):
        quick = quick_session(data)
        if quick is not None and quick[0] not in ids:
            sid, day, started, finished, reason, entries = quick
            ids.add(sid)  # its fields checked; the Row names the place of an entry's problem
            s = Row(data, f"sessions[{i}] (id {sid})", SESSION_KEYS, open_ended=True)
        else:
            s = Row(data, f"sessions[{i}]", SESSION_KEYS)
            sid = s.number("id", 1, 2**62)
            if sid in ids:
                raise s.fail("id", f"{sid} is used by another session")
            ids.add(sid)
            s.where = f"sessions[{i}] (id {sid})"
            day = s.day("date")
            started = s.moment("started_at")
            finished = s.moment("finished_at", required=True) if s.get("finished_at") else None
            reason = s.text("stopped_reason", 40, required=False)
            entries = s.get("entries")
            if not isinstance(entries, list):
                raise s.fail("entries", f"must be a list [...], not {show(entries)}")
        indexes = set()
        for j, edata in enumerate(entries):
            row = quick_entry(edata, sid, j, listed)
            if row is not None and row[1] not in indexes:
                indexes.add(row[1])
                rows.entries.append(row)
                continue
            e = Row(edata, f"{s.where}.entries[{j}]", ENTRY_KEYS)
            index = e.number("step_index", 0, 10_000, required=False)
            index = j if index is None else index
            if index in indexes:
                raise e.fail("step_index", f"{index} is logged twice in this session")
            indexes.add(index)
            ex_id = e.text("exercise_id", 60)
            if ex_id not in listed:
                raise e.fail("exercise_id", f"{ex_id!r} is not in the file's exercises list")
            rows.entries.append((
                sid, index, ex_id, e.choice("side", SIDES, null=True),
                e.choice("status", STATUSES), e.number("reps", 0, 1000, null=True),
                e.number("seconds", 0, 86_400, null=True), e.number("rating", 1, 3, null=True),
                e.moment("logged_at", required=False)))
        steps = _steps(s, entries, listed, verified)
        rows.sessions.append((sid, day, started, finished, steps, reason))

    for i, data in enumerate(doc["balance_tests"]):
        b = Row(data, f"balance_tests[{i}]", BALANCE_KEYS)
        rows.balance_tests.append((b.day("date"), b.choice("side", SIDES),
                                   float(b.number("seconds", 0, 3600, whole=False)),
                                   b.moment("recorded_at", required=False)))
    return rows


def _exercises(items: list, catalog: Catalog, rows: ImportRows) -> set[str]:
    """Built-in exercises must be this program's; the person's own are checked field by
    field like a new one (their stand-ins are not required to exist: history comes first)."""
    listed: set[str] = set()
    for i, data in enumerate(items):
        row = Row(data, f"exercises[{i}]", CUSTOM_KEYS)
        ex_id = row.text("id", 60)
        if row.get("custom", required=False) is True:
            fields = row.get("fields")
            try:
                exercise = parse_exercise(fields, where=f"exercises[{i}].fields", custom=True)
            except CatalogError as exc:
                raise ExportFileError(str(exc)) from None
            if exercise.id != ex_id:
                raise row.fail("fields", f"its id {exercise.id!r} is not {ex_id!r}")
            rows.custom.append((ex_id, json.dumps(fields), row.moment("created_at"),
                                row.moment("updated_at"),
                                row.moment("archived_at", required=False)))
        else:
            for key in ("fields", "created_at", "updated_at", "archived_at"):
                if key in data:
                    raise row.fail(key, "is only for your own exercises (with \"custom\": true)")
            row.text("name", 200)
            row.text("category", 40)
            if ex_id not in catalog:
                raise row.fail("id", f"{ex_id!r} is not in this neurocoach's exercise library")
        listed.add(ex_id)
    return listed


def _plan(p: Row, listed: set[str]) -> Plan:
    ids = p.get("exercise_ids")
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise p.fail("exercise_ids", f"must be a list of exercise ids, not {show(ids)}")
    for ex_id in ids:
        if ex_id not in listed:
            raise p.fail("exercise_ids", f"{ex_id!r} is not in the file's exercises list")
    settings = p.get("settings", required=False) or {}
    if not isinstance(settings, dict):
        raise p.fail("settings", f"must be an object {{...}}, not {show(settings)}")
    chosen = []
    for ex_id, data in settings.items():
        if ex_id not in ids:
            raise p.fail("settings", f"{ex_id!r} is not one of the plan's exercise_ids")
        row = Row(data, f"plan.settings[{ex_id!r}]", SETTING_KEYS)
        dose = row.get("dose", required=False)
        if dose is not None:
            try:
                dose = parse_dose(dose, where="plan.settings", label=repr(ex_id))
            except CatalogError as exc:
                raise ExportFileError(str(exc)) from None
        chosen.append((ex_id, ExerciseSettings(
            level=row.number("level", 1, 100, required=False), dose=dose,
            note=row.text("note", NOTE_MAX, required=False) or "")))
    return Plan(exercise_ids=tuple(ids), days_per_week=p.number("days_per_week", 1, 7),
                rest_days=weekdays_of(p, "rest_days"),
                target_minutes=p.number("target_minutes", *MINUTES_RANGE),
                note=p.text("note", NOTE_MAX, required=False) or "", settings=tuple(chosen),
                balance_without_support=flag_of(p, "balance_without_support"))


def _steps(s: Row, entries: list[dict], listed: set[str], verified: set[str]) -> str:
    """The planned steps, checked, as the JSON text stored; a file without them gets one
    step per logged entry. `verified`: the texts of the step lists found plainly right so
    far (a plan's steps repeat from session to session, and the same text stores the same
    thing: it is checked once)."""
    steps = s.get("steps", required=False)
    if steps is None:
        ordered = sorted(entries, key=lambda e: e.get("step_index") or 0)
        return json.dumps([{k: v for k, v in (("exercise_id", e["exercise_id"]),
                                              ("side", e.get("side"))) if v is not None}
                           for e in ordered])
    if not isinstance(steps, list):
        raise s.fail("steps", f"must be a list [...], not {show(steps)}")
    try:
        text = json.dumps(steps)
    except (TypeError, ValueError):  # not JSON's own values: the checks below say which
        text = None
    if text is not None and text in verified:
        return text
    if all(quick_step(step, listed) for step in steps):
        if text is not None:
            verified.add(text)
            return text
    for k, step in enumerate(steps):
        row = Row(step, f"{s.where}.steps[{k}]", STEP_KEYS)
        for key in ("exercise_id", "swapped_from"):
            ex_id = row.text(key, 60, required=key == "exercise_id")
            if ex_id is not None and ex_id not in listed:
                raise row.fail(key, f"{ex_id!r} is not in the file's exercises list")
        row.choice("side", SIDES, null=True) if "side" in step else None
        for key in ("reps", "sets", "seconds", "minutes"):
            row.number(key, 0, 100_000, required=False)
    return json.dumps(steps)
