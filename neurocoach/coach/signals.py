"""What the check-ins say to the level rules: pain flares (against the person's own
baseline), days with a foot problem, and the person's usual pain. Pure."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from neurocoach.coach.safety import is_pain_flare
from neurocoach.domain.models import Checkin

BASELINE_DAYS = 14
"""A pain flare is judged against the average of this many days before it."""


# -- the signals from check-ins ---------------------------------------------------------
@dataclass(frozen=True)
class Signals:
    flares: Mapping[dt.date, str]  # day -> "pain 8/10" words
    sore_feet: frozenset[dt.date]  # a skin problem or a hot foot
    usual_pain: float | None = None  # the average of the last two weeks of check-ins


def read_signals(checkins: Sequence[Checkin]) -> Signals:
    """Pain flares (CLINICAL thresholds, against the 14 days before each day) and sore feet.

    The days before each check-in are summed from running totals over the days in order
    (one pass, then a binary search per check-in), not rescanned for every check-in: Today
    reads 134 days of check-ins at every launch."""
    by_day = {c.day: c for c in checkins}  # one check-in a day (the last one given)
    days = sorted(by_day)
    totals = [0]  # totals[i]: the pain of days[:i], summed
    for day in days:
        totals.append(totals[-1] + by_day[day].pain)
    flares: dict[dt.date, str] = {}
    for c in checkins:
        first = bisect.bisect_left(days, c.day - dt.timedelta(days=BASELINE_DAYS))
        end = bisect.bisect_left(days, c.day)
        count = end - first
        average = (totals[end] - totals[first]) / count if count > 0 else None
        if is_pain_flare(c.pain, average):
            flares[c.day] = f"pain {c.pain}/10" + (
                "" if average is None else f", your usual {average:.1f}")
    usual = None
    if days:
        first = bisect.bisect_left(days, days[-1] - dt.timedelta(days=BASELINE_DAYS - 1))
        usual = (totals[-1] - totals[first]) / (len(days) - first)
    return Signals(flares=flares,
                   sore_feet=frozenset(c.day for c in checkins if c.problem_sides),
                   usual_pain=usual)


