"""Which exercises to do on a given day, and how much: pure, and the same every time.

The rotation comes from the date alone (training days counted since a fixed Monday), not
from history, so every screen, the CLI and the tests agree on the day's routine.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from neurocoach.coach.plan import DEFAULT_EXERCISES, Plan, default_plan, rest_weekdays
from neurocoach.coach.safety import SafetyNote, apply_safety
from neurocoach.coach.screening import apply_screening
from neurocoach.domain.models import Checkin, Profile, Step

if TYPE_CHECKING:
    from neurocoach.catalog import Catalog, Dose

__all__ = ["CATEGORY_ORDER", "DEFAULT_EXERCISES", "Plan", "Routine", "RoutineItem",
           "build_routine", "default_plan", "dosed", "estimated_minutes", "rest_weekdays",
           "todays_routine"]

CATEGORY_ORDER = ("stretching", "strengthening", "balance", "cardio")
"""The order of a session: loosen up, strengthen, balance, then cardio last."""

EPOCH = dt.date(2024, 1, 1)
"""A Monday: training days are counted from here to pick each day's exercises."""

OVERSHOOT = 1.1
"""Extra exercises are added while the day stays within 10 % over the target time."""


@dataclass(frozen=True)
class RoutineItem:
    exercise_id: str
    dose: Dose  # possibly eased from the catalog dose
    swapped_from: str | None = None  # the exercise this stands in for
    sides: tuple[str, ...] | None = None  # only these sides (a foot kept out); None: all
    also_for: tuple[str, ...] = ()  # more exercises it stands in for (two swapped to one)


@dataclass(frozen=True)
class Routine:
    day: dt.date
    items: tuple[RoutineItem, ...]
    rest_day: bool = False  # a planned rest day: items still hold a routine to do if wished
    gentle: bool = False  # eased by a safety rule
    notes: tuple[SafetyNote, ...] = ()  # what the coach changed and why, in the order to show

    def steps(self, catalog: Catalog) -> list[Step]:
        """One step per side (left, then right) for each item, carrying the item's dose."""
        steps = []
        for item in self.items:
            if item.exercise_id not in catalog:
                continue
            dose = item.dose
            for side in item.sides or catalog.get(item.exercise_id).sides:
                steps.append(Step(exercise_id=item.exercise_id, side=side, reps=dose.reps,
                                  sets=dose.sets or 1, seconds=dose.seconds,
                                  minutes=dose.minutes, swapped_from=item.swapped_from))
        return steps

    def estimated_seconds(self, catalog: Catalog) -> int:
        return sum(item.dose.estimated_seconds(catalog.get(item.exercise_id).per_side
                                               and item.sides is None)
                   for item in self.items if item.exercise_id in catalog)


def training_day_number(day: dt.date, rest: frozenset[int]) -> int:
    """How many training days lie between EPOCH and `day` (negative before EPOCH)."""
    weeks, left = divmod((day - EPOCH).days, 7)
    per_week = 7 - len(rest)
    return weeks * per_week + sum(1 for wd in range(left) if wd not in rest)


def _rotated(ids: list[str], turn: int) -> list[str]:
    if not ids:
        return []
    turn %= len(ids)
    return ids[turn:] + ids[:turn]


def _cardio_order(ids: list[str], turn: int) -> list[str]:
    """Walking leads two training days in three; the other cardio takes turns on the third."""
    if "walking" not in ids:
        return _rotated(ids, turn)
    others = _rotated([i for i in ids if i != "walking"], turn // 3)
    if not others or turn % 3 != 2:
        return ["walking", *others]
    return [*others, "walking"]


def _seconds(catalog: Catalog, ex_id: str) -> int:
    ex = catalog.get(ex_id)
    return ex.dose.estimated_seconds(ex.per_side)


def dosed(catalog: Catalog, doses: Mapping[str, Dose] | None) -> Catalog:
    """The catalog with the person's own doses (their levels, or their plan's) in place of
    the book's: the routine's time budget, swaps and gentle days then all start from them."""
    if not doses:
        return catalog
    from neurocoach.catalog import Catalog

    return Catalog(dataclasses.replace(ex, dose=doses[ex.id])
                   if ex.id in doses and doses[ex.id].kind == ex.dose.kind else ex
                   for ex in catalog)


def build_routine(plan: Plan, catalog: Catalog, day: dt.date,
                  doses: Mapping[str, Dose] | None = None) -> Routine:
    """The day's exercises at the person's doses (`doses`, else the catalog's), before any
    safety rule.

    Each category of the plan gives its next exercise in turn (so a category with n
    exercises shows all of them within n training days); then more are added, category by
    category, while the day stays near the target time. Rest days hold the routine of the
    next training day, marked as a rest day.
    """
    catalog = dosed(catalog, doses)
    rest = rest_weekdays(plan)
    turn = training_day_number(day, rest)
    ids = list(dict.fromkeys(i for i in plan.exercise_ids if i in catalog))
    queues = {}
    for category in CATEGORY_ORDER:
        members = [i for i in ids if catalog.get(i).category == category]
        queues[category] = (_cardio_order(members, turn) if category == "cardio"
                            else _rotated(members, turn))
    chosen = {category: queue[:1] for category, queue in queues.items()}
    total = sum(_seconds(catalog, i) for picks in chosen.values() for i in picks)
    budget = plan.target_minutes * 60 * OVERSHOOT
    for place in range(1, max((len(q) for q in queues.values()), default=0)):
        for category, queue in queues.items():
            if place < len(queue) and total + _seconds(catalog, queue[place]) <= budget:
                chosen[category].append(queue[place])
                total += _seconds(catalog, queue[place])
    items = tuple(RoutineItem(i, catalog.get(i).dose)
                  for category in CATEGORY_ORDER for i in chosen[category])
    return Routine(day=day, items=items, rest_day=day.weekday() in rest)


def estimated_minutes(routine: Routine, plan: Plan, catalog: Catalog) -> int:
    """The session's length as a person reads it ("about 15 minutes"), on Today, in the
    plan and in the report alike. The builder fills a day to the plan's target, up to
    OVERSHOOT over it: a routine within that band of the target is "about" the target, as
    the plan says; a day further off (a gentler day, a short plan) says its own estimate."""
    return minutes_about(routine.estimated_seconds(catalog), plan)


def minutes_about(seconds: int, plan: Plan) -> int:
    """`seconds` of planned work as estimated_minutes says them (a session already started
    is said with the same rule as the routine it was built from)."""
    target = plan.target_minutes * 60
    if abs(seconds - target) <= target * (OVERSHOOT - 1):
        return plan.target_minutes
    return max(1, round(seconds / 60))


def todays_routine(plan: Plan, catalog: Catalog, profile: Profile, day: dt.date,
                   checkin: Checkin | None, recent_pain_average: float | None,
                   doses: Mapping[str, Dose] | None = None) -> Routine:
    """The day's routine with every safety rule applied (see coach.safety); `doses` are
    the person's own (from their levels and plan), by exercise id."""
    catalog = dosed(catalog, doses)
    routine = apply_safety(build_routine(plan, catalog, day), catalog, profile, checkin,
                           recent_pain_average)
    return apply_screening(routine, catalog, profile.screening)  # issue 13's post-pass
