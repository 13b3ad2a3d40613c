"""The export document: everything the person's data holds, in the contract's JSON shape.

No Textual, no SQL; the store is only asked for `export_data`. The report is built from
this document, so it shows exactly what an export carries.
"""

from __future__ import annotations

import datetime as dt

from neurocoach.catalog import Catalog, CatalogError, parse_dose, parse_exercise, with_custom
from neurocoach.coach.plan import ExerciseSettings, Plan, default_plan
from neurocoach.domain.models import Profile
from neurocoach.services.plan import stored_plan


def current_plan(store, catalog: Catalog) -> Plan:
    """The plan an export carries: services.plan's stored plan."""
    return stored_plan(store, catalog)


def _dose_fields(dose) -> dict | None:
    if dose is None:
        return None
    amount = {"reps": "reps", "hold": "seconds", "minutes": "minutes"}[dose.kind]
    return {"kind": dose.kind, "sets": dose.sets, amount: getattr(dose, amount)}


def plan_fields(plan: Plan) -> dict:
    return {"exercise_ids": list(plan.exercise_ids), "days_per_week": plan.days_per_week,
            "rest_days": sorted(plan.rest_days), "target_minutes": plan.target_minutes,
            "note": plan.note, "balance_without_support": plan.balance_without_support,
            "settings": {i: {"level": st.level, "dose": _dose_fields(st.dose), "note": st.note}
                         for i, st in plan.settings}}


def export_document(store, catalog: Catalog, now: dt.datetime,
                    since: dt.date | None = None) -> dict:
    """Everything the person has, in the export contract's shape (`since`: a report's
    document, with only that period's sessions and balance tests; every check-in, for
    the meaningful change)."""
    builtin = [{"id": ex.id, "name": ex.name, "category": ex.category}
               for ex in catalog if not ex.custom]
    plan = plan_fields(current_plan(store, catalog))
    doc = store.export_data(plan, builtin, now.isoformat(timespec="seconds"),
                            since.isoformat() if since else None)
    doc["symptom_changes"] = symptom_changes_of(doc, now.date())
    return doc


def symptom_changes_of(doc: dict, today: dt.date) -> dict[str, dict | None]:
    """coach.change's figures for each symptom, as the export carries them (version 2)."""
    from neurocoach.services.report import symptom_changes

    return {symptom: None if change is None else change.to_dict()
            for symptom, change in symptom_changes(doc["checkins"], today).items()}


def plan_from(doc: dict, catalog: Catalog, profile: Profile) -> Plan:
    data = doc.get("plan")
    if not data:
        return default_plan(catalog, profile)
    settings = tuple(
        (i, ExerciseSettings(level=st.get("level"), note=st.get("note") or "",
                             dose=parse_dose(st["dose"], where="plan", label=i)
                             if st.get("dose") else None))
        for i, st in (data.get("settings") or {}).items())
    return Plan(exercise_ids=tuple(data["exercise_ids"]), days_per_week=data["days_per_week"],
                rest_days=tuple(data["rest_days"]), target_minutes=data["target_minutes"],
                note=data.get("note") or "", settings=settings,
                balance_without_support=bool(data.get("balance_without_support")))


def with_own(catalog: Catalog, doc: dict) -> tuple[Catalog, set[str]]:
    """The catalog with the person's own exercises from the export, and the archived ids."""
    own, archived = [], set()
    for item in doc["exercises"]:
        if item.get("custom"):
            try:
                own.append(parse_exercise(item["fields"], custom=True))
            except CatalogError:
                continue
            if item.get("archived_at"):
                archived.add(item["id"])
    return with_custom(catalog, own), archived


# -- a small document model -----------------------------------------------------------
