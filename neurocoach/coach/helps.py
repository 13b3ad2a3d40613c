"""What helps, honestly: symptom scores on days after a session against days after none.

Only an association: people train on their better days, and skip on their worse ones, so
the figures say what went together, never what caused what. Nothing is compared until
both sides have MIN_DAYS days; by exercise, only the exercises that reach it too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from statistics import mean

from neurocoach.domain.models import SYMPTOMS, Checkin

MIN_DAYS = 10
"""Check-in days each side needs before a figure is shown."""
WINDOW_DAYS = 180
"""How far back the comparison looks."""


@dataclass(frozen=True)
class Group:
    days: int
    averages: dict[str, float | None]  # symptom -> mean score on those days


@dataclass(frozen=True)
class Helps:
    after_session: Group
    after_none: Group
    by_exercise: dict[str, Group]      # exercise id -> days after a session with it
    enough: bool                       # both sides have MIN_DAYS days


def _group(checkins: list[Checkin]) -> Group:
    averages = {}
    for name in SYMPTOMS:
        values = [c.symptom(name) for c in checkins if c.symptom(name) is not None]
        averages[name] = round(mean(values), 1) if values else None
    return Group(days=len(checkins), averages=averages)


def compare_after_sessions(checkins: Iterable[Checkin],
                           done_by_day: Mapping[dt.date, set[str]]) -> Helps:
    """Each check-in is filed by the day before it: a day with a step done, or a day with
    none. By exercise: the days after a session that had it, against the same days after
    none."""
    after: list[Checkin] = []
    none: list[Checkin] = []
    by_exercise: dict[str, list[Checkin]] = {}
    for checkin in checkins:
        done = done_by_day.get(checkin.day - dt.timedelta(days=1), set())
        (after if done else none).append(checkin)
        for exercise_id in sorted(done):
            by_exercise.setdefault(exercise_id, []).append(checkin)
    enough = len(after) >= MIN_DAYS and len(none) >= MIN_DAYS
    return Helps(
        after_session=_group(after), after_none=_group(none),
        by_exercise={ex: _group(days) for ex, days in by_exercise.items()
                     if enough and len(days) >= MIN_DAYS},
        enough=enough,
    )
