"""The ladders: every level of an exercise, from the easiest, built from its dose.

- Standing balance steps down its support, Otago-style: both hands, one hand, a light
  touch; then, only when the person's clinician has allowed it, no hands and (standing
  still only, never while stepping) eyes closed with a hand on the support. The amount
  stays the catalog's.
- Reps start at 1 set of half the catalog's reps (5 of 10) and build to the full reps,
  then to 2 and 3 sets.
- Holds build from half the catalog's time (15 of 30 s) to all of it.
- Minutes start at the catalog's (walking: 10) and build to the exercise's `limit`, the
  top its source gives (walking: 20), unless a clinician's plan sets more.

Pure; `progression` decides which rung a person is on.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from neurocoach.catalog import DOSE_AMOUNT, DOSE_LIMITS, Dose, Exercise

SUPPORT_LEVELS = (
    "hold on to your support with both hands",
    "hold on with one hand",
    "a light touch: one fingertip resting on your support",
)
"""Standing balance levels anyone may reach, Otago-style: the support steps down."""
NO_HANDS = "no hands, your support within reach (your clinician allowed it)"
EYES_CLOSED = "eyes closed, one hand resting on your support (your clinician allowed it)"
"""The rungs past a light touch: only when the clinician has allowed balance without
support; eyes closed only standing still (never for stepping work), a hand on the support."""

MINUTE_STEPS = (1, 1.2, 1.5, 2, 2.5, 3)
"""Walking 10 → 12 → 15 → 20 minutes (its limit); other timed work in the same proportion."""

@dataclass(frozen=True)
class Level:
    number: int
    of: int
    dose: Dose
    support: str | None = None  # standing balance: how to hold on, in words

    def describe(self, per_side: bool = False) -> str:
        """'Level 2 of 4: hold on with one hand' or 'Level 1 of 5: 5 times each side'."""
        what = self.support or self.dose.describe(per_side)
        return f"Level {self.number} of {self.of}: {what}"



def is_standing_balance(exercise: Exercise) -> bool:
    return exercise.category == "balance" and exercise.position == "standing"


def progresses_slowly(exercise: Exercise) -> bool:
    """A catalog property (heel raises load the forefoot), never guessed from the name."""
    return exercise.slow_progression


def support_levels(exercise: Exercise, unsupported: bool = False) -> tuple[str, ...]:
    """The support rungs of a standing balance exercise: past a light touch only with the
    clinician's leave; eyes closed only for work standing still."""
    if not unsupported:
        return SUPPORT_LEVELS
    return (*SUPPORT_LEVELS, NO_HANDS) if exercise.stepping else (
        *SUPPORT_LEVELS, NO_HANDS, EYES_CLOSED)


def _dedupe(doses: Iterable[Dose]) -> list[Dose]:
    seen: list[Dose] = []
    for dose in doses:
        if dose not in seen:
            seen.append(dose)
    return seen


def levels_for(exercise: Exercise, base: Dose | None = None, *,
               unsupported: bool = False) -> tuple[Level, ...]:
    """Every level of an exercise, from the easiest, built from its catalog dose
    (or `base`, e.g. a dose the person's plan sets), never past its source's `limit`
    unless `base` (a clinician's plan) sets more. `unsupported`: the clinician allows
    balance work without holding on."""
    dose = base or exercise.dose
    if is_standing_balance(exercise):
        rungs = support_levels(exercise, unsupported)
        return tuple(Level(i, len(rungs), dose, support) for i, support in enumerate(rungs, 1))
    if dose.kind == "reps":
        reps = dose.reps or 1
        top_sets = min(DOSE_LIMITS["sets"], max(3, dose.sets))
        doses = [Dose("reps", 1, max(1, math.ceil(reps / 2))),
                 Dose("reps", 1, max(1, round(reps * 0.75))),
                 Dose("reps", 1, reps)]
        doses += [Dose("reps", sets, reps) for sets in range(2, top_sets + 1)]
    elif dose.kind == "hold":
        full = dose.seconds or 1
        unit = 5 if full >= 20 else 1
        doses = [Dose("hold", dose.sets, seconds=max(unit, unit * round(
                      (full / 2 + full / 2 * i / 3) / unit))) for i in range(4)]
    else:
        start = dose.minutes or 1
        top = max(start, exercise.limit or DOSE_LIMITS["minutes"])
        doses = [Dose("minutes", dose.sets, minutes=min(top, DOSE_LIMITS["minutes"],
                                                        max(1, round(start * f))))
                 for f in MINUTE_STEPS]
    doses = _dedupe(doses)
    return tuple(Level(i, len(doses), d) for i, d in enumerate(doses, 1))


def level_of(levels: Sequence[Level], number: int) -> Level:
    """The level with this number, kept within the ladder."""
    return levels[max(1, min(len(levels), number)) - 1]


def _amount(dose: Dose) -> int:
    return getattr(dose, DOSE_AMOUNT[dose.kind]) or 0


def meets(planned: Dose | None, target: Dose) -> bool:
    """The planned dose was at least the level's (a gentle day's eased dose is not)."""
    if planned is None:
        return True
    return planned.sets >= target.sets and _amount(planned) >= _amount(target)


def matching_level(levels: Sequence[Level], dose: Dose) -> int:
    """The highest level whose dose is no more than `dose` (at least level 1)."""
    fits = [lv.number for lv in levels if meets(dose, lv.dose)]
    return max(fits) if fits and not levels[0].support else 1
