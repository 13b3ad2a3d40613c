"""What the daily look at the feet changes: a skin problem or a hot foot, and on which foot.

Pure. A skin problem (blister, cut, wound, red spot) keeps pressure, rubbing and gripping
off that foot and all weight off the feet; it should be seen by a clinician within a working
day (NICE NG19). A warm, red or swollen foot may be an infection or an acute Charcot foot:
off its feet and seen the same day (NICE NG19, IWGDF).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from neurocoach.domain.models import Checkin

if TYPE_CHECKING:
    from neurocoach.coach.routine import Routine, RoutineItem

FEET_WORDS = {
    "ok": "looked, fine",
    "skin": "a skin problem (blister, cut, wound or red spot)",
    "hot": "warm, red or swollen",
    "unchecked": "not looked at",
}
"""Each answer to the foot question, in words (the CLI, Today and the report use them)."""

FOOT_WORDS = {"left": "your left foot", "right": "your right foot", "both": "both feet"}

SEEN_SKIN = ("Have it seen by a clinician (GP, nurse or foot clinic) within one working "
             "day; sooner if it grows, weeps, or the skin around it turns red or warm.")
SEEN_HOT = ("Contact your clinician or foot clinic today: a warm, red or swollen foot can "
            "be an infection or a Charcot foot, which need seeing the same day. Keep off it "
            "until then.")
SHORT_WORDS = {"skin": "a skin problem", "hot": "warm, red or swollen"}


def where(checkin: Checkin) -> str:
    return FOOT_WORDS.get(checkin.foot or "both", "both feet")


def describe(checkin: Checkin, short: bool = False) -> str:
    """'a skin problem (…) on your left foot', 'looked, fine'; `short` leaves out the list."""
    words = (SHORT_WORDS if short else FEET_WORDS).get(checkin.feet) or FEET_WORDS.get(
        checkin.feet, checkin.feet)
    return f"{words} on {where(checkin)}" if checkin.problem_sides else words


def keep_off(checkin: Checkin | None) -> bool:
    """A skin problem or a hot foot: nothing weight-bearing today."""
    return checkin is not None and bool(checkin.problem_sides)


def spares(exercise, feet: str) -> bool:
    """Whether an exercise may still be done with a foot that has this problem: with a skin
    problem, anything that does not press, rub or grip its skin; with a warm, red or
    swollen foot (possibly an acute Charcot foot, to be rested), only work that keeps the
    feet flat and still."""
    if feet == "hot":
        return exercise.feet_still
    return not exercise.skin_contact


def without_skin_work(routine: Routine, catalog, checkin: Checkin) -> tuple[Routine, list[str]]:
    """Leave out, for each foot with a problem, every exercise it must be spared (`spares`:
    skin work on a skin-problem day, anything that moves or loads a hot foot). A one-foot
    exercise keeps the other foot; one done with both feet at once goes. Returns the
    routine and the names left out."""
    sore = checkin.problem_sides
    items: list[RoutineItem] = []
    dropped: list[str] = []
    for item in routine.items:
        exercise = catalog.get(item.exercise_id)
        if spares(exercise, checkin.feet) or not sore:
            items.append(item)
            continue
        sides = item.sides or exercise.sides
        kept = tuple(s for s in sides if s is not None and s not in sore)
        dropped.append(exercise.name)
        if kept:
            items.append(dataclasses.replace(item, sides=kept))
    return dataclasses.replace(routine, items=tuple(items)), dropped


def asked_again(yesterday: Checkin | None, today: Checkin | None) -> str:
    """The line the check-in shows when yesterday's look found a problem: '' otherwise."""
    if yesterday is None or not yesterday.problem_sides:
        return ""
    what = "a skin problem" if yesterday.feet == "skin" else "a warm, red or swollen foot"
    line = (f"Yesterday you noted {what} on {where(yesterday)}. How is it today? Look again "
            "before you answer.")
    if today is None:
        line += " It is picked below; change it if it has cleared."
    return line


def carried_over(yesterday: Checkin | None, day: dt.date) -> Checkin | None:
    """A check-in to start today's form from: yesterday's problem, still to confirm."""
    if yesterday is None or not yesterday.problem_sides:
        return None
    return dataclasses.replace(yesterday, day=day)
