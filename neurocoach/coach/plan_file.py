"""The plan file: a plan in TOML, as a physiotherapist writes it and `plan export` writes it.

Pure: text in, a checked plan out (or a PlanFileError naming the line and the field);
`plan_render` writes one; reading back what it wrote gives the same plan.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from typing import Any

from neurocoach.catalog import (
    DOSE_AMOUNT, FIELD_ORDER, Catalog, CatalogError, Exercise, error_field, parse_dose,
    parse_exercise,
)
from neurocoach.coach.plan import (
    MINUTES_RANGE, ExerciseSettings, Plan, describe_changes,
)
from neurocoach.coach.profile import rest_days_for
from neurocoach.coach.plan_lines import (  # noqa: F401 (PlanFileError: what callers catch)
    PlanFileError, _Reader, _show, _syntax, _weekday,
)
from neurocoach.coach.progression import levels_for
from neurocoach.domain.models import WEEKDAYS

FORMAT = "neurocoach-plan"
VERSION = 1
TOP_KEYS = ("format", "version", "days_per_week", "rest_days", "target_minutes", "note",
            "balance_without_support", "exercise", "custom_exercise")
ITEM_KEYS = ("id", "level", "dose", "note")


@dataclass(frozen=True)
class PlanImport:
    plan: Plan
    custom: tuple[Exercise, ...]  # the file's own exercises, checked, in file order


def parse_plan(text: str, label: str, catalog: Catalog, current: Plan) -> PlanImport:
    """Check a plan file against the catalog (built-in and the person's own exercises).
    Keys the file leaves out keep their `current` values (no [[exercise]] tables: the
    current exercises and their settings). Raises PlanFileError."""
    r = _Reader(text, label)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise PlanFileError(_syntax(label, text, str(err))) from None
    except RecursionError:
        raise PlanFileError(f"{label}: nests its tables and lists too deeply to be a plan "
                            "file.") from None
    for key in data:
        if key not in TOP_KEYS:
            raise r.top_fail(key, f"is not a plan field (known: {', '.join(TOP_KEYS)})")
    if "format" in data and data["format"] != FORMAT:
        raise r.top_fail("format", f"must be {FORMAT!r}, not {_show(data['format'])}")
    if "version" in data and data["version"] != VERSION:
        raise r.top_fail("version", f"must be {VERSION} (this program reads version "
                                    f"{VERSION} plan files), not {_show(data['version'])}")
    days = r.whole(data, "days_per_week", 1, 7) if "days_per_week" in data else None
    rest = _rest_days(r, data) if "rest_days" in data else None
    if days is not None and rest is not None and 7 - len(rest) != days:
        raise r.top_fail("rest_days", f"leaves {7 - len(rest)} training days, but "
                                      f"days_per_week is {days}")
    if rest is None:
        rest = rest_days_for(days) if days is not None else current.rest_days
    if days is None:
        days = 7 - len(rest) if "rest_days" in data else current.days_per_week
    minutes = (r.whole(data, "target_minutes", *MINUTES_RANGE) if "target_minutes" in data
               else current.target_minutes)
    note = (r.note(data["note"], lambda p: r.top_fail("note", p)) if "note" in data
            else current.note)
    unsupported = data.get("balance_without_support", current.balance_without_support)
    if not isinstance(unsupported, bool):
        raise r.top_fail("balance_without_support", "must be true (your clinician allows "
                         f"balance work without holding on) or false, not {_show(unsupported)}")
    custom = _custom_exercises(r, data.get("custom_exercise", []), catalog)
    known = _merged(r, catalog, custom)
    if "exercise" in data:
        ids, settings = _items(r, data["exercise"], known, unsupported)
    else:  # no [[exercise]] tables: the plan keeps its exercises and their settings
        ids, settings = list(current.exercise_ids), dict(current.settings)
    plan = Plan(tuple(ids), days, tuple(sorted(rest)), minutes, note, tuple(settings.items()),
                balance_without_support=unsupported)
    return PlanImport(plan, tuple(custom))


def _rest_days(r: _Reader, data: dict) -> tuple[int, ...]:
    value = data["rest_days"]
    if not isinstance(value, list):
        raise r.top_fail("rest_days", f"must be a list of weekdays like [\"Wednesday\", "
                                      f"\"Sunday\"], not {_show(value)}")
    days: list[int] = []
    for item in value:
        day = _weekday(item)
        if day is None:
            raise r.top_fail("rest_days", f"{_show(item)} is not a weekday (Monday … Sunday)")
        if day in days:
            raise r.top_fail("rest_days", f"names {WEEKDAYS[day]} twice")
        days.append(day)
    if len(days) == 7:
        raise r.top_fail("rest_days", "must leave at least one training day")
    return tuple(days)


def _custom_exercises(r: _Reader, tables: Any, catalog: Catalog) -> list[Exercise]:
    if not isinstance(tables, list):
        raise r.top_fail("custom_exercise", "must be [[custom_exercise]] tables")
    found: list[Exercise] = []
    for n, table in enumerate(tables):
        try:
            exercise = parse_exercise(table, where="custom_exercise", index=n + 1, custom=True)
        except CatalogError as err:
            field, _ = error_field(err)
            raise r.fail(str(err), field, "custom_exercise", n) from None
        if exercise.id in catalog and not catalog.get(exercise.id).custom:
            raise r.fail(f"custom_exercise {exercise.id!r}, field 'id': is a built-in exercise; "
                         "use another id for your own, or list it under [[exercise]]",
                         "id", "custom_exercise", n)
        if any(e.id == exercise.id for e in found):
            raise r.fail(f"custom_exercise {exercise.id!r}, field 'id': is defined twice",
                         "id", "custom_exercise", n)
        found.append(exercise)
    return found


def _merged(r: _Reader, catalog: Catalog, custom: list[Exercise]) -> Catalog:
    mine = {e.id for e in custom}
    try:
        return Catalog([*(e for e in catalog if e.id not in mine), *custom], where="catalog")
    except CatalogError as err:
        found = re.search(r"exercise '([^']+)'", str(err))
        index = next((n for n, e in enumerate(custom) if found and e.id == found.group(1)), 0)
        field, problem = error_field(err)
        who = found.group(1) if found else "?"
        raise r.fail(f"custom_exercise {who!r}, field '{field}': {problem}", field,
                     "custom_exercise", index) from None


def _items(r: _Reader, tables: Any, known: Catalog,
           unsupported: bool = False) -> tuple[list[str], dict]:
    if not isinstance(tables, list):
        raise r.top_fail("exercise", "must be [[exercise]] tables, one per exercise of the plan")
    if not tables:
        raise r.top_fail("exercise", "lists no exercises: give each exercise of the plan an "
                                     "[[exercise]] table, or leave the key out to keep the "
                                     "current ones")
    ids: list[str] = []
    settings: dict[str, ExerciseSettings] = {}
    for n, table in enumerate(tables):
        label = f"exercise #{n + 1}"

        def fail(field: str, problem: str) -> PlanFileError:
            return r.fail(f"{label}, field '{field}': {problem}", field.split(".")[0],
                          "exercise", n)

        if not isinstance(table, dict):
            raise fail("id", "must be a table of fields")
        for key in table:
            if key not in ITEM_KEYS:
                hint = (" — to define a new exercise, use a [[custom_exercise]] table"
                        if key in FIELD_ORDER else "")
                raise fail(key, f"is not a plan exercise field (known: {', '.join(ITEM_KEYS)})"
                                f"{hint}")
        if "id" not in table:
            raise fail("id", "is missing")
        exercise_id = table["id"]
        if not isinstance(exercise_id, str) or exercise_id not in known:
            raise fail("id", f"{_show(exercise_id)} is not a built-in exercise or one of "
                             "yours; define a new one in a [[custom_exercise]] table")
        label = f"exercise {exercise_id!r}"
        if exercise_id in ids:
            raise fail("id", "is listed twice")
        exercise = known.get(exercise_id)
        level = table.get("level")
        if level is not None:
            top = len(levels_for(exercise, unsupported=unsupported))
            if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= top:
                leave = level in range(top + 1, len(levels_for(exercise, unsupported=True)) + 1)
                raise fail("level", f"must be a whole number from 1 to {top}, not {_show(level)}"
                           + (" (no hands and eyes closed need balance_without_support = true,"
                              " your clinician's leave)" if leave else ""))
        dose = None
        if "dose" in table:
            try:
                dose = parse_dose(table["dose"], where="", label="")
            except CatalogError as err:
                found = re.search(r"field '([^']+)': (.*)$", str(err), re.S)
                field, problem = found.groups() if found else ("dose", str(err))
                raise fail(field, problem) from None
            if dose.kind != exercise.dose.kind:
                raise fail("dose.kind", f"must be {exercise.dose.kind!r} for {exercise.name} "
                                        f"(its dose is counted in {DOSE_AMOUNT[exercise.dose.kind]}),"
                                        f" not {dose.kind!r}")
        note = r.note(table.get("note", ""), lambda p: fail("note", p))
        ids.append(exercise_id)
        settings[exercise_id] = ExerciseSettings(level=level, dose=dose, note=note)
    return ids, settings


def import_changes(result: PlanImport, catalog: Catalog, current: Plan,
                   archived: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """What applying an import changes, in words ([] when the plan already matches)."""
    mine = {e.id for e in result.custom}
    names = Catalog([*(e for e in catalog if e.id not in mine), *result.custom])
    new = [e for e in result.custom if e.id not in catalog]
    changed = [e for e in result.custom if e.id in catalog and catalog.get(e.id) != e]
    restored = [i for i in result.plan.exercise_ids if i in archived]
    return describe_changes(current, result.plan, names, new, changed, restored)
