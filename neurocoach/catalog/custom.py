"""A person's own exercises: field-by-field errors for a form, and merging with the catalog."""

from __future__ import annotations

import re
from typing import Any, Iterable

from neurocoach.catalog.model import DOSE_AMOUNT, Catalog, CatalogError, Exercise, _FIELDS
from neurocoach.catalog.validate import parse_exercise


OPTIONAL_FIELDS = ("alternative", "skin_contact", "feet_still", "slow_progression", "stepping", "source",
                   "limit")
"""Fields an exercise table may leave out."""

FIELD_ORDER = _FIELDS
"""The fields of an exercise table, in the catalog's order (forms and plan files use it)."""

_TEMPLATE = {
    "id": "template", "name": "Template", "category": "stretching", "purpose": "A purpose.",
    "steps": ["One.", "Two."], "dose": {"kind": "reps", "reps": 5}, "per_side": False,
    "position": "seated", "weight_bearing": False, "needs_support": False, "equipment": [],
    "safety": ["Take care."], "easier": "Less.", "harder": "More.",
}


def error_field(error: CatalogError) -> tuple[str | None, str]:
    """(top-level field, problem) from a parse error: 'dose.reps' and 'steps[2]' give
    'dose' and 'steps'; the problem keeps the full field name when it was nested."""
    text = str(error)
    found = re.search(r", field '([^']+)': (.*)$", text, re.S)
    if not found:
        return None, text
    full, problem = found.groups()
    top = re.split(r"[.\[]", full, maxsplit=1)[0]
    return top, problem if full == top else f"{full} {problem}"


def exercise_field_errors(data: dict, catalog: Catalog | None = None, *,
                          editing: str | None = None) -> dict[str, str]:
    """Every problem of one exercise table at once, field by field, for a form.

    Each field is checked on its own (within a known-good exercise), then the rules that
    join fields, then the links to `catalog` (its alternative; its id not already taken,
    unless it is the exercise being edited). {} means the exercise can be saved.
    """
    errors: dict[str, str] = {}
    for field in _FIELDS:
        trial = dict(_TEMPLATE)
        if field in data:
            trial[field] = data[field]
        elif field not in OPTIONAL_FIELDS:
            trial.pop(field)
        try:
            parse_exercise(trial, where="exercise", custom=True)
        except CatalogError as err:
            top, problem = error_field(err)
            if top == field:
                errors[field] = problem
    if errors:
        return errors
    try:
        exercise = parse_exercise(data, where="exercise", custom=True)
    except CatalogError as err:
        top, problem = error_field(err)
        return {top or "id": problem}
    if catalog is not None:
        if exercise.id in catalog and exercise.id != editing:
            taken = catalog.get(exercise.id)
            errors["id"] = (f"is already used by “{taken.name}”; choose another id"
                            if taken.custom else
                            f"is a built-in exercise (“{taken.name}”); choose another id")
        others = [e for e in catalog if e.id not in (exercise.id, editing)]
        try:
            Catalog([*others, exercise], where="exercise")
        except CatalogError as err:
            top, problem = error_field(err)
            errors.setdefault(top or "id", problem)
    return errors


def exercise_fields(exercise: Exercise) -> dict[str, Any]:
    """An exercise back as a table of catalog fields (what parse_exercise reads)."""
    dose = exercise.dose
    table: dict[str, Any] = {"kind": dose.kind}
    if dose.sets != 1:
        table["sets"] = dose.sets
    table[DOSE_AMOUNT[dose.kind]] = getattr(dose, DOSE_AMOUNT[dose.kind])
    data: dict[str, Any] = {
        "id": exercise.id, "name": exercise.name, "category": exercise.category,
        "purpose": exercise.purpose, "steps": list(exercise.steps), "dose": table,
        "per_side": exercise.per_side, "position": exercise.position,
        "weight_bearing": exercise.weight_bearing, "needs_support": exercise.needs_support,
        "equipment": list(exercise.equipment), "safety": list(exercise.safety),
        "easier": exercise.easier, "harder": exercise.harder,
    }
    if exercise.alternative is not None:
        data["alternative"] = exercise.alternative
    for key in ("skin_contact", "feet_still", "slow_progression", "stepping"):
        if getattr(exercise, key):
            data[key] = True
    if exercise.source:
        data["source"] = exercise.source
    if exercise.limit is not None:
        data["limit"] = exercise.limit
    return data


def with_custom(catalog: Catalog, custom: Iterable[Exercise]) -> Catalog:
    """The built-in catalog and a person's own exercises in one. A custom exercise whose id
    a later catalog took for a built-in one is left out (the built-in wins), and so is one
    whose stand-in is gone, so that a change to the catalog can never stop the app."""
    merged = list(catalog)
    taken = {e.id for e in merged}
    extra = [e for e in custom if e.id not in taken]
    while True:  # a stand-in must exist and be seated or lying (not standing, not in water)
        by_id = {e.id: e for e in [*merged, *extra]}
        usable = [e for e in extra if e.alternative is None or (
            e.alternative in by_id and by_id[e.alternative].can_stand_in)]
        if len(usable) == len(extra):
            break
        extra = usable
    try:
        return Catalog([*merged, *extra], where="your exercises")
    except CatalogError:
        return Catalog([*merged, *(e for e in extra if e.alternative is None)],
                       where="your exercises")
