"""Checking an export file, object by object: each failure names where it is and which field.

The pieces `export.read` and `export.v2` check a file with (no SQL).
"""

from __future__ import annotations

import datetime as dt
import json
from contextvars import ContextVar
from typing import Any

from neurocoach.domain.models import SYMPTOMS
from neurocoach.domain.text import control_problem
from neurocoach.store.errors import StoreError

SPAN: ContextVar[tuple[dt.date | None, dt.date | None]] = ContextVar(
    "export_span", default=(None, None))
"""The days an import may hold: from the profile's birth year to today."""

SIDES = ("left", "right")
STEP_KEYS = {"exercise_id", "side", "reps", "sets", "seconds", "minutes", "swapped_from"}

TOP_KEYS = {"format", "version", "exported_at", "profile", "plan", "exercises", "checkins",
            "sessions", "balance_tests", "level_changes"}
PLAN_KEYS = {"exercise_ids", "days_per_week", "rest_days", "target_minutes", "note", "settings",
             "balance_without_support"}
SETTING_KEYS = {"level", "dose", "note"}
CUSTOM_KEYS = {"id", "name", "category", "custom", "fields", "created_at", "updated_at",
               "archived_at"}
LEVEL_KEYS = {"exercise_id", "level", "date", "at", "cause", "reason"}
PROFILE_KEYS = {"birth_year", "feet", "days_per_week", "rest_days", "restriction"}
CHECKIN_KEYS = {"date", *SYMPTOMS, "feet", "note", "recorded_at", "foot"}
SESSION_KEYS = {"id", "date", "started_at", "finished_at", "stopped_reason", "steps", "entries"}
ENTRY_KEYS = {"step_index", "exercise_id", "status", "side", "reps", "seconds", "rating",
              "logged_at"}
BALANCE_KEYS = {"date", "side", "seconds", "recorded_at"}


class ExportFileError(StoreError):
    """An export file that cannot be imported, and where the problem is."""


class Row:
    """One object of the file: each failure names where it is and which field."""

    def __init__(self, data: Any, where: str, known: set[str], open_ended: bool = False):
        self.where = where
        if not isinstance(data, dict):
            raise ExportFileError(f"{where}: must be an object {{...}}, not {show(data)}")
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
            raise self.fail(key, f"must be {allowed}, not {show(value)}")
        return value

    def choice(self, key: str, choices: tuple, *, null: bool = False) -> Any:
        value = self.get(key)
        if value is None and null:
            return None
        if value not in choices:
            allowed = ", ".join(choices) + (" or null" if null else "")
            raise self.fail(key, f"must be one of {allowed}, not {show(value)}")
        return value

    def text(self, key: str, limit: int, *, required: bool = True, null: bool = False) -> Any:
        value = self.get(key, required)
        if value is None and (null or not required):
            return None
        if not isinstance(value, str) or len(value) > limit:
            raise self.fail(key, f"must be text of at most {limit} characters, not {show(value)}")
        problem = control_problem(value, lines=True)
        if problem:
            raise self.fail(key, problem)
        return value

    def day(self, key: str) -> str:
        value = self.get(key)
        try:
            day = dt.date.fromisoformat(value)
            if day.isoformat() != value:  # fromisoformat also takes 2026-W48-1, 20261130
                raise ValueError
        except (TypeError, ValueError):
            raise self.fail(key, f"must be a day written YYYY-MM-DD, not {show(value)}") from None
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
            if moment.tzinfo is None or moment.utcoffset() is None \
                    or value[:10] != moment.date().isoformat():  # not a week date, say
                raise ValueError
        except (TypeError, ValueError):
            raise self.fail(key, "must be a date and time with its offset from UTC, like "
                                 f"2026-11-23T09:00:00+00:00, not {show(value)}") from None
        self._within(key, moment.date())
        return value

    def _within(self, key: str, day: dt.date) -> None:
        """Not after today, not before the profile's birth year (see read_export)."""
        earliest, latest = SPAN.get()
        if latest is not None and day > latest:
            raise self.fail(key, f"is {day.isoformat()}, after today ({latest.isoformat()})")
        if earliest is not None and day < earliest:
            raise self.fail(key, f"is {day.isoformat()}, before the profile's birth year "
                                 f"({earliest.year})")


def show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def list_of(doc: dict, key: str) -> list:
    value = doc.get(key)
    if not isinstance(value, list):
        raise ExportFileError(f"{key}: must be a list [...], not {show(value)}")
    return value


def weekdays_of(row: Row, key: str) -> tuple[int, ...]:
    days = row.get(key)
    if (not isinstance(days, list) or len(set(map(str, days))) != len(days)
            or any(isinstance(d, bool) or not isinstance(d, int) or not 0 <= d <= 6
                   for d in days)):
        raise row.fail(key, "must be a list of different weekday numbers 0 (Monday) to "
                            f"6 (Sunday), not {show(days)}")
    return tuple(days)


def flag_of(p: Row, key: str) -> bool:
    value = p.get(key, required=False)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise p.fail(key, f"must be true or false, not {show(value)}")
    return value
