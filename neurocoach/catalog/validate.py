"""Checking one exercise table (the catalog file, a person's own exercise, a plan file).

Every failure is a CatalogError naming where, which exercise and the field.
"""

from __future__ import annotations

from typing import Any

from neurocoach.domain.text import control_problem
from neurocoach.catalog.model import (
    _ID, _NAME_MAX, _STEPS, _TEXT_MAX, _UNSET, CATEGORIES, DOSE_AMOUNT, DOSE_KINDS,
    DOSE_LIMITS, POSITIONS, WEIGHT_BEARING_POSITIONS, CatalogError, Dose, Exercise, _FIELDS,
    _show,
)


class _Check:
    """Reads one exercise table; every failure names where, which exercise and the field."""

    def __init__(self, data: dict, where: str, label: str) -> None:
        self.data, self.where, self.label = data, where, label

    def fail(self, field: str, problem: str) -> CatalogError:
        return CatalogError(f"{self.where} {self.label}, field '{field}': {problem}")

    def get(self, field: str, table: dict | None = None, prefix: str = "") -> Any:
        table = self.data if table is None else table
        if field not in table:
            raise self.fail(prefix + field, "is missing")
        return table[field]

    def text(self, field: str, value: Any = _UNSET, limit: int = _TEXT_MAX) -> str:
        value = self.get(field) if value is _UNSET else value
        if not isinstance(value, str) or not value.strip():
            raise self.fail(field, f"must be some text, not {_show(value)}")
        if len(value) > limit:
            raise self.fail(field, f"must be at most {limit} characters (it has {len(value)})")
        problem = control_problem(value)
        if problem:
            raise self.fail(field, problem)
        return value.strip()

    def choice(self, field: str, choices: tuple[str, ...]) -> str:
        value = self.get(field)
        if value not in choices:
            raise self.fail(field, f"must be one of {', '.join(choices)}, not {_show(value)}")
        return value

    def flag(self, field: str, default: bool | None = None) -> bool:
        if default is not None and field not in self.data:
            return default
        value = self.get(field)
        if not isinstance(value, bool):
            raise self.fail(field, f"must be true or false, not {_show(value)}")
        return value

    def limit(self) -> int | None:
        if "limit" not in self.data:
            return None
        value, unit = self.data["limit"], DOSE_AMOUNT.get(self.data.get("dose", {}).get("kind")
                                                          if isinstance(self.data.get("dose"),
                                                                        dict) else None, "reps")
        if isinstance(value, bool) or not isinstance(value, int) or not \
                1 <= value <= DOSE_LIMITS[unit]:
            raise self.fail("limit", f"must be a whole number of {unit} from 1 to "
                                     f"{DOSE_LIMITS[unit]}, not {_show(value)}")
        return value

    def texts(self, field: str, low: int, high: int) -> tuple[str, ...]:
        value = self.get(field)
        if not isinstance(value, list):
            raise self.fail(field, f"must be a list of texts, not {_show(value)}")
        if not low <= len(value) <= high:
            raise self.fail(field, f"must have {low} to {high} items (it has {len(value)})")
        return tuple(self.text(f"{field}[{i}]", item) for i, item in enumerate(value, 1))

    def ident(self, field: str, value: Any) -> str:
        if not isinstance(value, str) or not _ID.fullmatch(value):
            raise self.fail(field, f"must be a kebab-case id like 'calf-stretch', "
                                   f"not {_show(value)}")
        return value

    def dose(self) -> Dose:
        table = self.get("dose")
        if not isinstance(table, dict):
            raise self.fail("dose", "must be a table like { kind = \"reps\", reps = 10, sets = 2 }, "
                                    f"not {_show(table)}")
        kind = self.get("kind", table, "dose.")
        if kind not in DOSE_KINDS:
            raise self.fail("dose.kind", f"must be one of {', '.join(DOSE_KINDS)}, "
                                         f"not {_show(kind)}")
        amount = DOSE_AMOUNT[kind]
        for key in table:
            if key not in ("kind", "sets", amount):
                raise self.fail(f"dose.{key}", f"is not used when kind is {kind!r} (use {amount!r})")
        numbers = {"sets": table.get("sets", 1), amount: self.get(amount, table, "dose.")}
        for key, value in numbers.items():
            whole = isinstance(value, int) and not isinstance(value, bool)
            if not whole or not 1 <= value <= DOSE_LIMITS[key]:
                raise self.fail(f"dose.{key}", f"must be a whole number from 1 to "
                                               f"{DOSE_LIMITS[key]}, not {_show(value)}")
        return Dose(kind=kind, **numbers)


def parse_exercise(data: dict, *, where: str = "exercise", index: int | None = None,
                   custom: bool = False) -> Exercise:
    """Check one exercise table and build it. `where` starts every error message
    (e.g. "exercises.toml: exercise"); `index` names the table when its id is unusable."""
    fallback = f"#{index}" if index is not None else "(no id)"
    if not isinstance(data, dict):
        raise CatalogError(f"{where} {fallback}: must be a table of fields, not {_show(data)}")
    raw_id = data.get("id")
    label = repr(raw_id) if isinstance(raw_id, str) and _ID.fullmatch(raw_id) else fallback
    c = _Check(data, where, label)
    ex_id = c.ident("id", c.get("id"))
    for key in data:
        if key not in _FIELDS:
            raise c.fail(key, f"is not a known field (known: {', '.join(_FIELDS)})")
    alternative = data.get("alternative")
    exercise = Exercise(
        id=ex_id, name=c.text("name", limit=_NAME_MAX), category=c.choice("category", CATEGORIES),
        purpose=c.text("purpose"), steps=c.texts("steps", *_STEPS), dose=c.dose(),
        per_side=c.flag("per_side"), position=c.choice("position", POSITIONS),
        weight_bearing=c.flag("weight_bearing"), needs_support=c.flag("needs_support"),
        equipment=c.texts("equipment", 0, 10), safety=c.texts("safety", 1, 8),
        easier=c.text("easier"), harder=c.text("harder"),
        alternative=None if alternative is None else c.ident("alternative", alternative),
        skin_contact=c.flag("skin_contact", False), feet_still=c.flag("feet_still", False),
        slow_progression=c.flag("slow_progression", False), stepping=c.flag("stepping", False),
        source=c.text("source") if "source" in data else "", limit=c.limit(),
        custom=custom,
    )
    if exercise.position in WEIGHT_BEARING_POSITIONS and not exercise.weight_bearing:
        raise c.fail("weight_bearing", f"must be true when position is {exercise.position!r}: "
                                       "standing or walking puts your weight on your feet")
    if exercise.alternative is None and exercise.needs_alternative:
        raise c.fail("alternative", "is missing: a weight-bearing or water exercise needs the id "
                                    "of a seated, non-weight-bearing stand-in")
    if exercise.alternative == ex_id:
        raise c.fail("alternative", "must name a different exercise, not itself")
    standing_balance = exercise.category == "balance" and exercise.position == "standing"
    if standing_balance and not exercise.needs_support:
        raise c.fail("needs_support", "must be true: standing balance work is done next to "
                                      "a sturdy support")
    return exercise


def parse_dose(value: Any, *, where: str, label: str) -> Dose:
    """Check a dose table on its own (e.g. a plan's dose for one exercise)."""
    return _Check({"dose": value}, where, label).dose()
