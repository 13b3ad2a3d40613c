"""Writing a plan file: a plan in, TOML text out (`plan_file.parse_plan` reads it back as
the same plan). Pure."""

from __future__ import annotations

from typing import Any

from neurocoach.catalog import DOSE_AMOUNT, Catalog, Dose, Exercise, exercise_fields
from neurocoach.coach.plan import Plan
from neurocoach.coach.plan_file import FORMAT, VERSION
from neurocoach.domain.models import WEEKDAYS


def _dose_table(dose: Dose) -> dict:
    table: dict[str, Any] = {"kind": dose.kind, DOSE_AMOUNT[dose.kind]:
                             getattr(dose, DOSE_AMOUNT[dose.kind])}
    if dose.sets != 1:
        table["sets"] = dose.sets
    return table


def custom_to_export(plan: Plan, catalog: Catalog) -> list[Exercise]:
    """The person's own exercises a plan file needs: those in the plan and their stand-ins."""
    wanted: list[str] = []
    queue = [i for i in plan.exercise_ids if i in catalog]
    while queue:
        exercise = catalog.get(queue.pop(0))
        if exercise.custom and exercise.id not in wanted:
            wanted.append(exercise.id)
            if exercise.alternative and exercise.alternative in catalog:
                queue.append(exercise.alternative)
    return [catalog.get(i) for i in wanted]


def render_plan(plan: Plan, catalog: Catalog) -> str:
    """The plan as a plan file (parse_plan reads it back as the same plan).

    Written by a real TOML writer (tomli-w), not by hand: whatever a note or a name holds
    (quotes, backslashes, a newline, characters TOML has no plain form for), the file
    is valid TOML and imports back exactly."""
    import tomli_w

    doc: dict[str, Any] = {
        "format": FORMAT, "version": VERSION, "days_per_week": plan.days_per_week,
        "rest_days": [WEEKDAYS[d] for d in plan.rest_days],
        "target_minutes": plan.target_minutes, "note": plan.note,
    }
    if plan.balance_without_support:  # the clinician allows letting go of the support
        doc["balance_without_support"] = True
    exercises = []
    for exercise_id in plan.exercise_ids:
        settings = plan.settings_for(exercise_id)
        item: dict[str, Any] = {"id": exercise_id}
        if settings.level is not None:
            item["level"] = settings.level
        if settings.dose is not None:
            item["dose"] = _dose_table(settings.dose)
        if settings.note:
            item["note"] = settings.note
        exercises.append(item)
    if exercises:
        doc["exercise"] = exercises
    custom = [dict(exercise_fields(e)) for e in custom_to_export(plan, catalog)]
    if custom:
        doc["custom_exercise"] = custom
    header = "# A neurocoach plan: neurocoach plan import FILE.toml reads it back.\n"
    return header + tomli_w.dumps(doc)
