"""Levels: how each exercise grows with the person, and when it steps up or back.

Pure: the caller passes the exercise, its stored level, its recent outcomes and the
check-ins; the answer is the same every time for the same data.

The rungs of each exercise's ladder are in `ladders`.

A step up comes only after the exercise was rated easy or right on a few separate days at
this level (days, not sessions: three sessions in one day count once), at the level's full
dose as logged (not as planned), after a minimum time on the level, with no pain flare or
foot problem since. "Hard", a pain flare (against the person's own baseline), or (for
weight-bearing work) a skin problem or hot foot step back one level. Never more than one
level a day, by any route: the coach, a plan that sets a level, a changed exercise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from neurocoach.catalog import Dose, Exercise
from neurocoach.coach.ladders import (
    Level, level_of, levels_for, matching_level, meets, progresses_slowly,
)
from neurocoach.coach.safety import HIGH_BASELINE
from neurocoach.coach.signals import BASELINE_DAYS, Signals, read_signals  # noqa: F401
from neurocoach.domain.models import WEEKDAYS
from neurocoach.domain.plan import CAUSES, LevelState, Outcome  # noqa: F401 (re-exported)
from neurocoach.domain.words import count

GOOD_DAYS = 3
"""Days in a row (with the exercise) rated easy or right before a step up."""
SLOW_GOOD_DAYS = 5
"""Slow exercises (heel raises load the forefoot), or a usual pain of 7 or more: more days."""
MIN_DAYS = 7
"""Days on a level before the next one, at the least."""
SLOW_MIN_DAYS = 14
GOOD_SESSIONS, SLOW_GOOD_SESSIONS = GOOD_DAYS, SLOW_GOOD_DAYS  # the old names

_SIGNAL_CAUSES = ("flare", "feet")


@dataclass(frozen=True)
class Decision:
    exercise_id: str
    level: Level
    cause: str
    reason: str  # why the level is what it is, in words
    changed: bool  # True when this decision moves (or first sets) the level
    outlook: str = ""  # what it takes to move on, in words
    pinned: bool = False  # held by hand or by the plan: the coach does not move it


# -- the decision -----------------------------------------------------------------------
def _weekday(day: dt.date, today: dt.date) -> str:
    gap = (today - day).days
    if gap == 0:
        return "today"
    if gap == 1:
        return "yesterday"
    if 0 < gap < 7:
        return f"on {WEEKDAYS[day.weekday()]}"
    return f"on {day.day} {day:%B}"


def _felt(ratings: Sequence[int]) -> str:
    kinds = set(ratings)
    return "easy" if kinds == {1} else "right" if kinds == {2} else "easy or right"


def _after(day: dt.date, state: LevelState, cause_is_signal: bool = False) -> bool:
    """A check-in signal on `day` is news for this level: after the change, or the same day
    when the change was not itself made for a check-in."""
    return day > state.day or (day == state.day and not cause_is_signal
                               and state.cause not in _SIGNAL_CAUSES)


def decide(exercise: Exercise, state: LevelState | None, outcomes: Sequence[Outcome],
           signals: Signals, today: dt.date, *, pinned: int | None = None,
           fixed_dose: Dose | None = None, unsupported: bool = False) -> Decision:
    """The level for `exercise` today, and why.

    `state` is the stored level (None the first time); `outcomes` the exercise's sessions,
    oldest first; `pinned` a level set by hand or by the plan (it wins); `fixed_dose` a
    dose the plan sets (the coach then leaves the level alone). At most one automatic
    change a day, so deciding again the same day changes nothing.
    """
    levels = levels_for(exercise)
    top = len(levels)
    done_ever = any(o.done for o in outcomes)

    def result(number: int, cause: str, reason: str, changed: bool, outlook: str = "",
               held: bool = False) -> Decision:
        return Decision(exercise.id, level_of(levels, number), cause, reason, changed,
                        outlook, held)

    if pinned is not None:
        number = max(1, min(top, pinned))
        if state is not None and state.level == number and state.cause in ("manual", "plan"):
            return result(number, state.cause, state.reason, False, held=True)
        if state is not None and number > state.level:  # up: one level a day at most
            if state.day >= today:
                return result(state.level, state.cause, state.reason, False, held=True)
            if number > state.level + 1:
                step = state.level + 1
                return result(step, "manual", f"On the way to level {number}, set for you: "
                                              f"one level a day, now level {step}.", True,
                              held=True)
        return result(number, "manual", f"Kept at level {number} by hand.",
                      state is None or state.level != number, held=True)
    if state is None:
        if done_ever:
            number = matching_level(levels, exercise.dose)
            reason = f"Starting at level {number}, the dose you have been doing."
        else:
            number, reason = 1, "Starting at level 1: start gently and build up."
        return result(number, "start", reason, True, _outlook(exercise, 0, number, top))
    number = max(1, min(top, state.level))
    if fixed_dose is not None:
        return result(number, state.cause, "Your plan sets the dose.", False, held=True)
    if state.day >= today:  # one automatic change a day
        return result(number, state.cause, state.reason, number != state.level)

    recent = [o for o in outcomes if o.done and (o.day > state.day or o.started_at >= state.at)]
    bad: list[tuple[dt.date, str, str]] = []  # (day, cause, reason)
    for o in recent:
        if o.rating == 3:
            bad.append((o.day, "hard", "it felt hard" + (" last time" if o is recent[-1] else
                                                         f" {_weekday(o.day, today)}")))
    for day, words in signals.flares.items():
        if _after(day, state) and day <= today:
            bad.append((day, "flare", f"your pain flared {_weekday(day, today)} ({words})"))
    if exercise.needs_alternative:
        for day in signals.sore_feet:
            if _after(day, state) and day <= today:
                bad.append((day, "feet", f"you noted a foot problem {_weekday(day, today)}"))
    if bad:
        day, cause, why = max(bad, key=lambda b: (b[0], CAUSES.index(b[1])))
        if number > 1:
            return result(number - 1, cause, f"Back a level: {why}.", True,
                          _outlook(exercise, 0, number - 1, top))
        recent = [o for o in recent if o.day > day]
    slow = progresses_slowly(exercise) or (signals.usual_pain or 0) >= HIGH_BASELINE
    need, wait = (SLOW_GOOD_DAYS, SLOW_MIN_DAYS) if slow else (GOOD_DAYS, MIN_DAYS)
    target = levels[number - 1].dose
    streak: list[int] = []  # one rating per good day, latest first
    by_day: dict[dt.date, list[Outcome]] = {}
    for o in recent:
        by_day.setdefault(o.day, []).append(o)
    for day in sorted(by_day, reverse=True):
        ratings = [o.rating for o in by_day[day]]
        if any(r not in (1, 2) for r in ratings) or not all(
                meets(o.judged, target) for o in by_day[day]):
            break
        streak.append(max(ratings))
    on_level = (today - state.day).days
    if len(streak) >= need and on_level >= wait and number < top:
        return result(number + 1, "up", f"Up a level: {need} days felt "
                                         f"{_felt(streak[:need])} at the full dose.", True,
                      _outlook(exercise, 0, number + 1, top, slow))
    return result(number, state.cause, state.reason, False,
                  _outlook(exercise, len(streak), number, top, slow, on_level))


def _outlook(exercise: Exercise, good: int, number: int, top: int, slow: bool = False,
             on_level: int = 0) -> str:
    if number >= top:
        return ("The top level: keep it up. More than this is for your clinician to set "
                "in your plan.")
    need, wait = (SLOW_GOOD_DAYS, SLOW_MIN_DAYS) if slow else (GOOD_DAYS, MIN_DAYS)
    left = need - min(good, need)
    text = (f"{count(left, 'more day')} rated easy or right (1 or 2) at this level's full dose, "
            f"with no pain flare, and at least {wait} days on this level, move you up")
    return text + (" (the slow pace: " + ("this exercise loads the front of the foot"
                                          if progresses_slowly(exercise) else
                                          "your usual pain is 7 or more") + ")." if slow
                   else ".")


def to_state(decision: Decision, today: dt.date, now: dt.datetime) -> LevelState:
    """What to store for a decision that changed the level."""
    return LevelState(decision.exercise_id, decision.level.number, today, now,
                      decision.cause, decision.reason)


def manual_state(exercise_id: str, number: int, today: dt.date, now: dt.datetime,
                 *, by_plan: bool = False, released: bool = False) -> LevelState:
    """The stored change when a person (or an imported plan) sets or releases a level."""
    if released:
        reason = f"Back to the coach's levels, from level {number}."
    elif by_plan:
        reason = f"Set to level {number} by your plan."
    else:
        reason = f"Kept at level {number} by hand."
    return LevelState(exercise_id, number, today, now, "plan" if by_plan else "manual", reason)


def level_after_change(old: Exercise, new: Exercise, state: LevelState | None,
                       today: dt.date, now: dt.datetime) -> LevelState | None:
    """The level to store when a person redefines their own exercise (None: keep it).

    The stored level is a number on the old ladder; on the new ladder the same number could
    mean several levels' worth more. The person goes to the highest new rung whose dose is
    no more than what they were doing (or level 1)."""
    if state is None or old.dose == new.dose:
        return None
    doing = level_of(levels_for(old), state.level).dose
    new_levels = levels_for(new)
    number = matching_level(new_levels, doing) if doing.kind == new.dose.kind else 1
    number = min(number, state.level + 1)
    if number == state.level and level_of(new_levels, number).dose == doing:
        return None
    return LevelState(new.id, number, today, now, "start",
                      f"Your exercise changed: level {number} of its new steps, the nearest "
                      "to what you were doing.")


def decide_all(plan, catalog, states: Mapping[str, LevelState],
               outcomes: Mapping[str, Sequence[Outcome]], signals: Signals,
               today: dt.date) -> dict[str, Decision]:
    """A decision for every exercise of the plan and for each seated stand-in it may need
    (`plan` is a coach.plan.Plan; `catalog` holds the person's own exercises too)."""
    ids: list[str] = []
    for exercise_id in plan.exercise_ids:
        if exercise_id not in catalog:
            continue
        ids.append(exercise_id)
        alternative = catalog.get(exercise_id).alternative
        if alternative and alternative in catalog:
            ids.append(alternative)
    decisions = {}
    for exercise_id in dict.fromkeys(ids):
        settings = plan.settings_for(exercise_id)
        decisions[exercise_id] = decide(
            catalog.get(exercise_id), states.get(exercise_id), outcomes.get(exercise_id, ()),
            signals, today, pinned=settings.level, fixed_dose=settings.dose,
            unsupported=plan.balance_without_support)
    return decisions


def pin_changes(old, new, states: Mapping[str, LevelState], today: dt.date,
                now: dt.datetime, *, by_plan: bool = False) -> list[LevelState]:
    """The level changes to store when a plan (`new`, replacing `old`) keeps exercises at
    a level, or lets go of one (the coach carries on from where it was)."""
    changes = []
    for exercise_id in new.exercise_ids:
        before = old.settings_for(exercise_id).level
        after = new.settings_for(exercise_id).level
        current = states.get(exercise_id)
        if after is not None and (after != before or current is None
                                  or current.level != after):
            if current is not None and after > current.level + 1:
                after = current.level + 1  # one level a step: the rest a level a day
            changes.append(manual_state(exercise_id, after, today, now, by_plan=by_plan))
        elif after is None and before is not None and current is not None:
            changes.append(manual_state(exercise_id, current.level, today, now, released=True))
    return changes
