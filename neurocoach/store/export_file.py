"""Reading an export file back: every row checked, turned into rows ready to insert.

Pure checking (no SQL): `read_export` raises ExportFileError naming the place of the first
problem, so `Store.import_data` only ever receives rows it can write.
"""

from __future__ import annotations

import datetime as dt
import json
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from neurocoach.catalog import Catalog, CatalogError, parse_dose, parse_exercise
from neurocoach.coach.plan import MINUTES_RANGE, NOTE_MAX, ExerciseSettings, Plan, default_plan
from neurocoach.coach.progression import CAUSES
from neurocoach.domain.models import (
    FEET_SIDES, FEET_STATES, FOOT_SIDES, RESTRICTIONS, STATUSES, Checkin, Profile,
)
from neurocoach.store.opening import StoreError
from neurocoach.domain.text import control_problem

_SPAN: ContextVar[tuple[dt.date | None, dt.date | None]] = ContextVar(
    "export_span", default=(None, None))
"""The days an import may hold: from the profile's birth year to today."""

FORMAT = "neurocoach-export"
VERSION = 2
"""2 adds issue 12's checkins[].foot (feet skin|hot) and plan.balance_without_support, and
issue 13's fields (store/export_v2.py); version 1 files (feet ok|sore|unchecked) still
import: 'sore' becomes a skin problem on both feet."""
SIDES = ("left", "right")
STEP_KEYS = {"exercise_id", "side", "reps", "sets", "seconds", "minutes", "swapped_from"}


class ExportFileError(StoreError):
    """An export file that cannot be imported, and where the problem is."""


@dataclass
class ImportRows:
    """A checked export, as rows for the tables (see `read_export`)."""

    profile: tuple | None
    plan: Plan | None = None  # None: the default plan, nothing to save
    saved_at: dt.datetime | None = None
    custom: list[tuple] = field(default_factory=list)
    level_changes: list[tuple] = field(default_factory=list)
    checkins: list[tuple] = field(default_factory=list)
    sessions: list[tuple] = field(default_factory=list)
    entries: list[tuple] = field(default_factory=list)
    balance_tests: list[tuple] = field(default_factory=list)
    v2: Any = None  # export_v2.V2Rows: a version-2 file's added rows


class _Row:
    """One object of the file: each failure names where it is and which field."""

    def __init__(self, data: Any, where: str, known: set[str], open_ended: bool = False):
        self.where = where
        if not isinstance(data, dict):
            raise ExportFileError(f"{where}: must be an object {{...}}, not {_show(data)}")
        self.data = data
        if not open_ended:
            unknown = sorted(set(data) - known)
            if unknown:
                raise ExportFileError(f"{where}: unknown field {unknown[0]!r} "
                                      f"(known: {', '.join(sorted(known))})")

    def fail(self, key: str, problem: str) -> ExportFileError:
        return ExportFileError(f"{key!r} in {self.where} {problem}")

    def get(self, key: str, required: bool = True) -> Any:
        if key not in self.data:
            if required:
                raise self.fail(key, "is missing")
            return None
        return self.data[key]

    def number(self, key: str, low: int, high: int, *, required: bool = True,
               null: bool = False, whole: bool = True) -> Any:
        value = self.get(key, required)
        if value is None and (null or not required):
            return None
        kinds = (int,) if whole else (int, float)
        if isinstance(value, bool) or not isinstance(value, kinds) or not low <= value <= high:
            kind = "whole number" if whole else "number"
            allowed = f"a {kind} from {low} to {high}" + (" or null" if null else "")
            raise self.fail(key, f"must be {allowed}, not {_show(value)}")
        return value

    def choice(self, key: str, choices: tuple, *, null: bool = False) -> Any:
        value = self.get(key)
        if value is None and null:
            return None
        if value not in choices:
            allowed = ", ".join(choices) + (" or null" if null else "")
            raise self.fail(key, f"must be one of {allowed}, not {_show(value)}")
        return value

    def text(self, key: str, limit: int, *, required: bool = True, null: bool = False) -> Any:
        value = self.get(key, required)
        if value is None and (null or not required):
            return None
        if not isinstance(value, str) or len(value) > limit:
            raise self.fail(key, f"must be text of at most {limit} characters, not {_show(value)}")
        problem = control_problem(value, lines=True)
        if problem:
            raise self.fail(key, problem)
        return value

    def day(self, key: str) -> str:
        value = self.get(key)
        try:
            day = dt.date.fromisoformat(value)
            if not isinstance(value, str) or len(value) != 10:
                raise ValueError
        except (TypeError, ValueError):
            raise self.fail(key, f"must be a day written YYYY-MM-DD, not {_show(value)}") from None
        self._within(key, day)
        return value

    def moment(self, key: str, *, required: bool = True) -> str | None:
        """A date and time with its offset from UTC (the screens compare them with the
        clock's, which has one: a naive one would crash them later)."""
        value = self.get(key, required)
        if value is None and not required:
            return None
        try:
            moment = dt.datetime.fromisoformat(value)
            if moment.tzinfo is None or moment.utcoffset() is None:
                raise ValueError
        except (TypeError, ValueError):
            raise self.fail(key, "must be a date and time with its offset from UTC, like "
                                 f"2026-11-23T09:00:00+00:00, not {_show(value)}") from None
        self._within(key, moment.date())
        return value

    def _within(self, key: str, day: dt.date) -> None:
        """Not after today, not before the profile's birth year (see read_export)."""
        earliest, latest = _SPAN.get()
        if latest is not None and day > latest:
            raise self.fail(key, f"is {day.isoformat()}, after today ({latest.isoformat()})")
        if earliest is not None and day < earliest:
            raise self.fail(key, f"is {day.isoformat()}, before the profile's birth year "
                                 f"({earliest.year})")


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _list(doc: dict, key: str) -> list:
    value = doc.get(key)
    if not isinstance(value, list):
        raise ExportFileError(f"{key}: must be a list [...], not {_show(value)}")
    return value


PERSON_TABLES = {"profile": "profile", "plan": "plan", "custom_exercises": "own exercises",
                 "level_changes": "level changes", "checkins": "check-ins",
                 "sessions": "sessions", "entries": "steps", "balance_tests": "balance tests"}
"""The tables that hold the person's data (an empty DB has nothing in any), in words."""
TOP_KEYS = {"format", "version", "exported_at", "profile", "plan", "exercises", "checkins",
            "sessions", "balance_tests", "level_changes"}
PLAN_KEYS = {"exercise_ids", "days_per_week", "rest_days", "target_minutes", "note", "settings",
             "balance_without_support"}
SETTING_KEYS = {"level", "dose", "note"}
CUSTOM_KEYS = {"id", "name", "category", "custom", "fields", "created_at", "updated_at",
               "archived_at"}
LEVEL_KEYS = {"exercise_id", "level", "date", "at", "cause", "reason"}
PROFILE_KEYS = {"birth_year", "feet", "days_per_week", "rest_days", "restriction"}
CHECKIN_KEYS = {"date", "pain", "numbness", "tingling", "burning", "feet", "note", "recorded_at",
                "foot"}
SESSION_KEYS = {"id", "date", "started_at", "finished_at", "stopped_reason", "steps", "entries"}
ENTRY_KEYS = {"step_index", "exercise_id", "status", "side", "reps", "seconds", "rating",
              "logged_at"}
BALANCE_KEYS = {"date", "side", "seconds", "recorded_at"}


def read_export(doc: Any, catalog: Catalog, today: dt.date | None = None) -> ImportRows:
    """Check a parsed export file completely; raise ExportFileError at the first problem.

    `catalog` is the built-in library: a built-in exercise the file names must be in it
    (screens could not show one that is not); the person's own exercises come with the file.
    With `today`, no day or time may be after it, nor before the profile's birth year."""
    token = _SPAN.set((None, today))
    try:
        return _read_export(doc, catalog, today)
    finally:
        _SPAN.reset(token)


def _read_export(doc: Any, catalog: Catalog, today: dt.date | None) -> ImportRows:
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ExportFileError(f'not a neurocoach export (it has no "format": "{FORMAT}")')
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ExportFileError(f"version: must be a whole number, not {_show(version)}")
    if version > VERSION:
        raise ExportFileError(f"written by a newer neurocoach (export version {version}; this "
                              f"one reads version {VERSION}): upgrade neurocoach to import it")
    extras = None
    if version >= 2:
        from neurocoach.store.export_v2 import split_v2

        doc, extras = split_v2(doc)
    top = _Row(doc, "the file", TOP_KEYS)
    exported_at = top.moment("exported_at")
    for key in ("checkins", "sessions", "balance_tests", "exercises"):
        _list(doc, key)
    if doc.get("plan") is not None and not isinstance(doc["plan"], dict):
        raise ExportFileError(f"plan: must be an object {{...}} or null, not {_show(doc['plan'])}")

    rows = ImportRows(profile=None, saved_at=dt.datetime.fromisoformat(exported_at),
                      v2=extras)
    listed = _exercises(doc["exercises"], catalog, rows)
    profile = Profile()
    if doc.get("profile") is not None:
        p = _Row(doc["profile"], "profile", PROFILE_KEYS)
        profile = Profile(birth_year=p.number("birth_year", 1900, 2100, null=True),
                          feet=p.choice("feet", FEET_SIDES), days_per_week=p.number(
                              "days_per_week", 1, 7), rest_days=_weekdays(p, "rest_days"),
                          restriction=p.choice("restriction", RESTRICTIONS))
        if profile.birth_year is not None:
            if today is not None and profile.birth_year > today.year:
                raise p.fail("birth_year", f"is {profile.birth_year}, after this year")
            _SPAN.set((dt.date(profile.birth_year, 1, 1), today))
        rows.profile = (profile.birth_year, profile.feet, profile.days_per_week,
                        json.dumps(sorted(profile.rest_days)), profile.restriction, exported_at)
    if doc.get("plan") is not None:
        plan = _plan(_Row(doc["plan"], "plan", PLAN_KEYS), listed).with_schedule(profile)
        rows.plan = None if plan == default_plan(catalog, profile) else plan

    for i, data in enumerate(doc.get("level_changes") or []):
        lv = _Row(data, f"level_changes[{i}]", LEVEL_KEYS)
        ex_id = lv.text("exercise_id", 60)
        if ex_id not in listed:
            raise lv.fail("exercise_id", f"{ex_id!r} is not in the file's exercises list")
        rows.level_changes.append((ex_id, lv.number("level", 1, 100), lv.day("date"),
                                   lv.moment("at"), lv.choice("cause", CAUSES),
                                   lv.text("reason", 1000)))

    days = set()
    for i, data in enumerate(doc["checkins"]):
        c = _Row(data, f"checkins[{i}]", CHECKIN_KEYS)
        day = c.day("date")
        if day in days:
            raise c.fail("date", f"{day} has a check-in already (one per day)")
        days.add(day)
        c.where = f"checkins[{i}] ({day})"
        pain = c.number("pain", 0, 10)
        numbers = (c.number("numbness", 0, 10, null=True),
                   c.number("tingling", 0, 10, null=True), c.number("burning", 0, 10, null=True))
        feet = c.choice("feet", ("ok", "sore", "unchecked") if version == 1 else FEET_STATES)
        foot = c.choice("foot", FOOT_SIDES, null=True) if "foot" in data else None
        read = Checkin(dt.date.fromisoformat(day), pain, feet=feet, foot=foot)  # sore -> skin
        rows.checkins.append((
            day, pain, *numbers, read.feet, c.text("note", 500, required=False) or "",
            c.moment("recorded_at", required=False), read.foot))

    ids = set()
    for i, data in enumerate(doc["sessions"]):
        s = _Row(data, f"sessions[{i}]", SESSION_KEYS)
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
            raise s.fail("entries", f"must be a list [...], not {_show(entries)}")
        indexes = set()
        for j, edata in enumerate(entries):
            row = _quick_entry(edata, sid, j, listed)
            if row is not None and row[1] not in indexes:
                indexes.add(row[1])
                rows.entries.append(row)
                continue
            e = _Row(edata, f"{s.where}.entries[{j}]", ENTRY_KEYS)
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
        steps = _steps(s, entries, listed)
        rows.sessions.append((sid, day, started, finished, json.dumps(steps), reason))

    for i, data in enumerate(doc["balance_tests"]):
        b = _Row(data, f"balance_tests[{i}]", BALANCE_KEYS)
        rows.balance_tests.append((b.day("date"), b.choice("side", SIDES),
                                   float(b.number("seconds", 0, 3600, whole=False)),
                                   b.moment("recorded_at", required=False)))
    return rows


def _exercises(items: list, catalog: Catalog, rows: ImportRows) -> set[str]:
    """Built-in exercises must be this program's; the person's own are checked field by
    field like a new one (their stand-ins are not required to exist: history comes first)."""
    listed: set[str] = set()
    for i, data in enumerate(items):
        row = _Row(data, f"exercises[{i}]", CUSTOM_KEYS)
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


def _weekdays(row: _Row, key: str) -> tuple[int, ...]:
    days = row.get(key)
    if (not isinstance(days, list) or len(set(map(str, days))) != len(days)
            or any(isinstance(d, bool) or not isinstance(d, int) or not 0 <= d <= 6
                   for d in days)):
        raise row.fail(key, "must be a list of different weekday numbers 0 (Monday) to "
                            f"6 (Sunday), not {_show(days)}")
    return tuple(days)


def _plan(p: _Row, listed: set[str]) -> Plan:
    ids = p.get("exercise_ids")
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise p.fail("exercise_ids", f"must be a list of exercise ids, not {_show(ids)}")
    for ex_id in ids:
        if ex_id not in listed:
            raise p.fail("exercise_ids", f"{ex_id!r} is not in the file's exercises list")
    settings = p.get("settings", required=False) or {}
    if not isinstance(settings, dict):
        raise p.fail("settings", f"must be an object {{...}}, not {_show(settings)}")
    chosen = []
    for ex_id, data in settings.items():
        if ex_id not in ids:
            raise p.fail("settings", f"{ex_id!r} is not one of the plan's exercise_ids")
        row = _Row(data, f"plan.settings[{ex_id!r}]", SETTING_KEYS)
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
                rest_days=_weekdays(p, "rest_days"),
                target_minutes=p.number("target_minutes", *MINUTES_RANGE),
                note=p.text("note", NOTE_MAX, required=False) or "", settings=tuple(chosen),
                balance_without_support=_flag(p, "balance_without_support"))


def _flag(p: _Row, key: str) -> bool:
    value = p.get(key, required=False)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise p.fail(key, f"must be true or false, not {_show(value)}")
    return value


def _steps(s: _Row, entries: list[dict], listed: set[str]) -> list[dict]:
    """The planned steps, checked; a file without them gets one step per logged entry."""
    steps = s.get("steps", required=False)
    if steps is None:
        ordered = sorted(entries, key=lambda e: e.get("step_index") or 0)
        return [{k: v for k, v in (("exercise_id", e["exercise_id"]), ("side", e.get("side")))
                 if v is not None} for e in ordered]
    if not isinstance(steps, list):
        raise s.fail("steps", f"must be a list [...], not {_show(steps)}")
    if all(_quick_step(step, listed) for step in steps):
        return steps
    for k, step in enumerate(steps):
        row = _Row(step, f"{s.where}.steps[{k}]", STEP_KEYS)
        for key in ("exercise_id", "swapped_from"):
            ex_id = row.text(key, 60, required=key == "exercise_id")
            if ex_id is not None and ex_id not in listed:
                raise row.fail(key, f"{ex_id!r} is not in the file's exercises list")
        row.choice("side", SIDES, null=True) if "side" in step else None
        for key in ("reps", "sets", "seconds", "minutes"):
            row.number(key, 0, 100_000, required=False)
    return steps


# -- the quick path: rows that are plainly right --------------------------------------------
# A ten-year file has tens of thousands of steps and entries. Each is first checked in one
# pass of plain comparisons; only a row that fails it goes through _Row, which finds and
# names its problem (so the messages are the same either way).
def _whole(value: Any, low: int, high: int) -> bool:
    return type(value) is int and low <= value <= high


def _quick_entry(data: Any, sid: int, j: int, listed: set[str]) -> tuple | None:
    """The entry's row if every field is plainly right, else None."""
    if type(data) is not dict or not data.keys() <= ENTRY_KEYS:
        return None
    get = data.get
    index, ex_id, logged = get("step_index"), get("exercise_id"), get("logged_at")
    reps, seconds, rating = get("reps", 0), get("seconds", 0), get("rating", 0)
    if not ("side" in data and "reps" in data and "seconds" in data and "rating" in data
            and (index is None or _whole(index, 0, 10_000))
            and type(ex_id) is str and len(ex_id) <= 60 and ex_id in listed
            and get("side") in _SIDES_OR_NONE and get("status") in _STATUSES
            and (reps is None or _whole(reps, 0, 1000))
            and (seconds is None or _whole(seconds, 0, 86_400))
            and (rating is None or _whole(rating, 1, 3))
            and (logged is None or type(logged) is str and len(logged) <= 40
                 and _quick_moment(logged))):
        return None
    return (sid, j if index is None else index, ex_id, data["side"], data["status"],
            data["reps"], data["seconds"], data["rating"], logged)


def _quick_moment(value: str) -> bool:
    """What _Row.moment accepts: a date and time with its offset, within _SPAN."""
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    if moment.tzinfo is None:  # fromisoformat gives a fixed `timezone` or none at all
        return False
    earliest, latest = _SPAN.get()
    day = moment.date()
    return (latest is None or day <= latest) and (earliest is None or day >= earliest)


def _quick_step(step: Any, listed: set[str]) -> bool:
    if type(step) is not dict or not step.keys() <= STEP_KEYS:
        return False
    get = step.get
    ex_id = get("exercise_id")
    if (type(ex_id) is not str or len(ex_id) > 60 or ex_id not in listed
            or get("side") not in _SIDES_OR_NONE):
        return False
    for key in _STEP_NUMBERS:
        value = get(key)
        if value is not None and not (type(value) is int and 0 <= value <= 100_000):
            return False
    swapped = get("swapped_from")
    return swapped is None or type(swapped) is str and len(swapped) <= 60 and swapped in listed


_STEP_NUMBERS = ("reps", "sets", "seconds", "minutes")
_SIDES_OR_NONE = (*SIDES, None)  # tuples: a list or object in the file is compared, not hashed
_STATUSES = tuple(STATUSES)
