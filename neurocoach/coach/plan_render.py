"""Writing a plan file: a plan in, TOML text out (`plan_file.parse_plan` reads it back as
the same plan). Pure."""

from __future__ import annotations

import json
from typing import Any

from neurocoach.catalog import DOSE_AMOUNT, Catalog, Dose, Exercise, exercise_fields
from neurocoach.coach.plan import Plan
from neurocoach.coach.plan_file import FORMAT, VERSION
from neurocoach.models import WEEKDAYS


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[\n" + "".join(f"  {_value(v)},\n" for v in value) + "]"
    raise TypeError(f"cannot write {value!r} to a plan file")


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
    """The plan as a plan file (parse_plan reads it back as the same plan)."""
    lines = [
        "# A neurocoach plan: neurocoach plan import FILE.toml reads it back.",
        f"format = {_value(FORMAT)}",
        f"version = {VERSION}",
        f"days_per_week = {plan.days_per_week}",
        f"rest_days = [{', '.join(_value(WEEKDAYS[d]) for d in plan.rest_days)}]",
        f"target_minutes = {plan.target_minutes}",
        f"note = {_value(plan.note)}",
    ]
    if plan.balance_without_support:
        lines.append("balance_without_support = true  # the clinician allows letting go")
    for exercise_id in plan.exercise_ids:
        settings = plan.settings_for(exercise_id)
        name = catalog.get(exercise_id).name if exercise_id in catalog else exercise_id
        lines += ["", f"[[exercise]]  # {name}", f"id = {_value(exercise_id)}"]
        if settings.level is not None:
            lines.append(f"level = {settings.level}")
        if settings.dose is not None:
            lines.append(f"dose = {_value(_dose_table(settings.dose))}")
        if settings.note:
            lines.append(f"note = {_value(settings.note)}")
    for exercise in custom_to_export(plan, catalog):
        lines += ["", "[[custom_exercise]]"]
        for key, value in exercise_fields(exercise).items():
            lines.append(f"{key} = {_value(value)}")
    return "\n".join(lines) + "\n"
