"""A person's plan and the levels of its exercises, as plain types every layer passes.

The store saves and reads them, the coach decides with them, the screens show them: they
live below all of those (`coach.plan` and `coach.progression` re-export them, with the
rules that use them).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from neurocoach.domain.dose import Dose
from neurocoach.domain.models import Profile

TARGET_MINUTES = (5, 10, 15, 20, 25, 30, 40, 45, 60)
"""The session lengths the plan editor offers; a plan file may give any of 5–120."""
MINUTES_RANGE = (5, 120)
NOTE_MAX = 500


@dataclass(frozen=True)
class ExerciseSettings:
    """What the plan sets for one exercise; the defaults leave it to the coach."""

    level: int | None = None  # kept at this level (by hand or by a clinician's plan)
    dose: Dose | None = None  # this amount every time: the coach does not change it
    note: str = ""

    @property
    def empty(self) -> bool:
        return self == ExerciseSettings()


_NONE = ExerciseSettings()


@dataclass(frozen=True)
class Plan:
    exercise_ids: tuple[str, ...]  # the exercises in rotation, in the plan's order
    days_per_week: int = 5
    rest_days: tuple[int, ...] = (2, 6)  # weekday numbers, Monday = 0
    target_minutes: int = 15
    note: str = ""
    settings: tuple[tuple[str, ExerciseSettings], ...] = ()  # only for planned exercises
    balance_without_support: bool = False  # the clinician allows no-hands / eyes-closed rungs

    def __post_init__(self) -> None:
        # One form for one plan, so that equal plans compare equal (export → import).
        ids = tuple(dict.fromkeys(self.exercise_ids))
        given = dict(self.settings)
        object.__setattr__(self, "exercise_ids", ids)
        object.__setattr__(self, "rest_days", tuple(sorted(set(self.rest_days))))
        object.__setattr__(self, "settings", tuple(
            (i, given[i]) for i in ids if i in given and not given[i].empty))

    def settings_for(self, exercise_id: str) -> ExerciseSettings:
        return dict(self.settings).get(exercise_id, _NONE)

    def with_settings(self, exercise_id: str, settings: ExerciseSettings) -> Plan:
        merged = dict(self.settings) | {exercise_id: settings}
        return dataclasses.replace(self, settings=tuple(merged.items()))

    def with_exercise(self, exercise_id: str, included: bool) -> Plan:
        """The plan with an exercise put in (at the end) or taken out."""
        if included:
            ids = self.exercise_ids if exercise_id in self.exercise_ids else (
                *self.exercise_ids, exercise_id)
        else:
            ids = tuple(i for i in self.exercise_ids if i != exercise_id)
        return dataclasses.replace(self, exercise_ids=ids)

    def without(self, exercise_ids: Iterable[str]) -> Plan:
        gone = set(exercise_ids)
        return dataclasses.replace(self, exercise_ids=tuple(
            i for i in self.exercise_ids if i not in gone))

    def with_schedule(self, profile: Profile) -> Plan:
        return dataclasses.replace(self, days_per_week=profile.days_per_week,
                                   rest_days=tuple(profile.rest_days))


CAUSES = ("start", "up", "hard", "flare", "feet", "manual", "plan")
"""Why a level was set: the coach's rules, or a person (or their clinician's plan)."""


@dataclass(frozen=True)
class LevelState:
    """The level an exercise is at, and when and why it was set (as stored)."""

    exercise_id: str
    level: int
    day: dt.date
    at: dt.datetime
    cause: str
    reason: str


@dataclass(frozen=True)
class Outcome:
    """One session's result for one exercise (both sides together)."""

    day: dt.date
    started_at: dt.datetime
    done: bool  # at least one step done
    rating: int | None  # the hardest rating given (1 easy, 2 right, 3 hard), None if unrated
    planned: Dose | None = None  # the dose the session asked for (eased on gentle days)
    logged: Dose | None = None  # the dose actually done, as logged (None: as planned)

    @property
    def judged(self) -> Dose | None:
        """The dose the level rules judge: what was done, else what was planned."""
        return self.logged if self.logged is not None else self.planned
