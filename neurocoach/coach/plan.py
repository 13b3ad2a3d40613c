"""A person's plan: which exercises, how often, how long, and anything set per exercise.

Pure. The plan's training days and rest days are the profile's (one place for them, which
the streak and the status line read too); the store puts the two together.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from neurocoach.coach.profile import rest_days_for, rest_weekdays_of  # noqa: F401
from neurocoach.domain.models import WEEKDAYS, Profile
from neurocoach.domain.plan import (  # noqa: F401 (the plan's types, re-exported)
    MINUTES_RANGE, NOTE_MAX, TARGET_MINUTES, ExerciseSettings, Plan,
)
from neurocoach.domain.words import count, join_words, sentence

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (`status` reads plans)
if TYPE_CHECKING:
    from neurocoach.catalog import Catalog, Dose, Exercise

DEFAULT_EXERCISES = (
    "calf-stretch", "toe-stretch", "plantar-roll",
    "towel-curls", "marble-pickups", "ankle-circles",
    "heel-to-toe-walk", "single-leg-stand", "weight-shifts",
    "walking",
)
"""The article's exercises that need no pool and no exercise bike."""

def default_plan(catalog: Catalog, profile: Profile) -> Plan:
    """The article's home exercises, with the person's own training and rest days."""
    return Plan(
        exercise_ids=tuple(i for i in DEFAULT_EXERCISES if i in catalog),
        days_per_week=profile.days_per_week,
        rest_days=tuple(profile.rest_days),
    )


def rest_weekdays(plan: Plan) -> frozenset[int]:
    """The plan's rest days; more are added (the usual spread) if they leave more training
    days than `days_per_week`. Fewer training days than asked: the chosen rest days win."""
    return rest_weekdays_of(plan.days_per_week, plan.rest_days)


def doses_for(plan: Plan, levels: Mapping[str, Dose]) -> dict[str, Dose]:
    """The dose of each exercise today: the plan's fixed dose, else its level's."""
    doses = dict(levels)
    for exercise_id, settings in plan.settings:
        if settings.dose is not None:
            doses[exercise_id] = settings.dose
    return doses


# -- words ------------------------------------------------------------------------------
def days_words(plan: Plan) -> str:
    """'5 days a week, resting on Wednesday and Sunday'."""
    rest = [WEEKDAYS[d] for d in plan.rest_days if 0 <= d <= 6]
    text = f"{count(plan.days_per_week, 'day')} a week"
    if not rest:
        return text + ", no rest days"
    return text + ", resting on " + join_words(rest)


def settings_words(settings: ExerciseSettings, exercise: Exercise | None) -> str:
    """'kept at level 2, 2 sets of 8 every time' — or 'the coach's levels'."""
    parts = []
    if settings.level is not None:
        parts.append(f"kept at level {settings.level}")
    if settings.dose is not None:
        per_side = exercise.per_side if exercise else False
        parts.append(f"{settings.dose.describe(per_side)} every time")
    return ", ".join(parts) or "the coach's levels"


def describe_changes(old: Plan, new: Plan, catalog: Catalog,
                     new_exercises: Iterable[Exercise] = (),
                     changed_exercises: Iterable[Exercise] = (),
                     restored: Iterable[str] = ()) -> list[str]:
    """What applying `new` over `old` changes, one plain sentence each ([] if nothing)."""
    def name(exercise_id: str) -> str:
        return catalog.get(exercise_id).name if exercise_id in catalog else exercise_id

    lines = [f"New exercise of your own: {ex.name} ({ex.category})." for ex in new_exercises]
    lines += [f"Your exercise {ex.name} changes to the file's version." for ex in changed_exercises]
    lines += [f"Your archived exercise {name(i)} comes back." for i in restored]
    if (old.days_per_week, old.rest_days) != (new.days_per_week, new.rest_days):
        lines.append(f"Training days: {days_words(old)} → {days_words(new)}.")
    if old.target_minutes != new.target_minutes:
        lines.append(f"Session length: about {old.target_minutes} → {new.target_minutes} "
                     "minutes.")
    added = [i for i in new.exercise_ids if i not in old.exercise_ids]
    removed = [i for i in old.exercise_ids if i not in new.exercise_ids]
    if added:
        lines.append("Adds to your routine: " + join_words([name(i) for i in added]) + ".")
    if removed:
        lines.append("Takes out of your routine: " + join_words([name(i) for i in removed]) + ".")
    kept_old = [i for i in old.exercise_ids if i in new.exercise_ids]
    kept_new = [i for i in new.exercise_ids if i in old.exercise_ids]
    if kept_old != kept_new:
        lines.append("The order of the exercises changes.")
    for i in new.exercise_ids:
        before, after = old.settings_for(i), new.settings_for(i)
        exercise = catalog.get(i) if i in catalog else None
        if (before.level, before.dose) != (after.level, after.dose) and (
                i in old.exercise_ids or not (after.level is None and after.dose is None)):
            lines.append(f"{name(i)}: {settings_words(before, exercise)} → "
                         f"{settings_words(after, exercise)}.")
        if before.note != after.note and after.note:
            lines.append(sentence(f"{name(i)}: note “{after.note}”"))
        elif before.note and not after.note:
            lines.append(f"{name(i)}: its note is removed.")
    if old.note != new.note:
        lines.append(sentence(f"Plan note: “{new.note}”") if new.note
                     else "The plan note is removed.")
    if old.balance_without_support != new.balance_without_support:
        lines.append("Your clinician allows balance work without holding on (no hands, and "
                     "eyes closed with a hand resting on the support)." if
                     new.balance_without_support else
                     "Balance work goes back to holding on: no-hands and eyes-closed levels "
                     "are off.")
    return lines
