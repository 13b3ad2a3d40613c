"""Adherence numbers, from plain data (days with training, rest days)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable


def current_streak(trained: Iterable[dt.date], rest_days: Iterable[int], today: dt.date) -> int:
    """Days in a row up to today that were trained or planned rest.

    Today only counts once trained (or a rest day); an untrained today does not break
    the streak — the day is not over yet. Rest days keep a streak alive but a streak must
    hold at least one trained day.
    """
    trained_set = set(trained)
    rest = set(rest_days)
    day = today
    if day not in trained_set and day.weekday() not in rest:
        day -= dt.timedelta(days=1)
    streak = 0
    has_training = False
    while day in trained_set or day.weekday() in rest:
        streak += 1
        has_training = has_training or day in trained_set
        day -= dt.timedelta(days=1)
        if streak > 366 * 50:
            break
    return streak if has_training else 0
