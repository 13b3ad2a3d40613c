"""The one meaningful-change measure, as Farrar et al. 2001 (Pain 94:149) measured it.

Baseline: the mean of the person's first 7 days with a score (or of the 7 days before a
chosen start); endpoint: the mean of the last 7 days. They are compared once at least 3
weeks separate the two weeks' starts; a change of 2 points, or of 30 % of a baseline of at
least one point, is meaningful. Farrar validated this for pain; for numbness, tingling and
burning it is the same threshold, not a validated one, and is labelled so.

Progress, the report and the export all call `meaningful_change`, so they agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from statistics import mean

WEEK = 7
"""Days in each window (Farrar's one-week diaries)."""
MIN_SEPARATION = dt.timedelta(weeks=3)
"""The last week starts at least this long after the baseline week starts."""
MIN_DAYS = 3
"""Scores needed in a window for its mean to stand for the week."""
MEANINGFUL_POINTS = 2.0
MEANINGFUL_PERCENT = 30.0
MIN_BASELINE_FOR_PERCENT = 1.0
"""30 % of a baseline under one point is too small a change to mean anything."""
VALIDATED = ("pain",)

METHOD = ("Baseline: the mean of the first 7 days with a score; now: the mean of the last 7 "
          "days, once 3 weeks separate them. A change of 2 points or 30 % (of a baseline of "
          "at least 1) is meaningful (Farrar et al. 2001).")


@dataclass(frozen=True)
class MeaningfulChange:
    symptom: str
    baseline: float
    baseline_days: tuple[dt.date, dt.date]  # first and last day of the baseline window
    recent: float
    recent_days: tuple[dt.date, dt.date]
    points: float  # recent - baseline, rounded to 0.1 (negative: better)
    percent: float | None  # of the baseline, whole; None for a baseline of 0
    meaningful: bool

    @property
    def validated(self) -> bool:
        return self.symptom in VALIDATED

    @property
    def label(self) -> str:
        """How far the threshold is to be trusted for this symptom."""
        return ("validated for pain" if self.validated
                else "the same threshold as for pain (validated for pain only)")

    @property
    def direction(self) -> str:
        return "better" if self.points < 0 else "worse" if self.points > 0 else "no change"

    @property
    def verdict(self) -> str:
        """'meaningful improvement', 'meaningful worsening' or 'no meaningful change'."""
        if not self.meaningful:
            return "no meaningful change"
        return "meaningful " + ("improvement" if self.points < 0 else "worsening")

    def to_dict(self) -> dict:
        return {"symptom": self.symptom, "baseline": round(self.baseline, 2),
                "baseline_from": self.baseline_days[0].isoformat(),
                "baseline_to": self.baseline_days[1].isoformat(),
                "recent": round(self.recent, 2),
                "recent_from": self.recent_days[0].isoformat(),
                "recent_to": self.recent_days[1].isoformat(),
                "points": self.points, "percent": self.percent,
                "meaningful": self.meaningful, "verdict": self.verdict, "label": self.label}


def meaningful_change(symptom: str, scores: Mapping[dt.date, int | float | None],
                      today: dt.date, start: dt.date | None = None) -> MeaningfulChange | None:
    """The change of one symptom (`scores`: day -> 0-10), or None while it cannot be said
    (too few scores in a week, or less than 3 weeks between the two weeks)."""
    days = sorted(d for d, v in scores.items() if v is not None and d <= today)
    if start is None:
        base = days[:WEEK]
        if len(base) < WEEK:
            return None
        base_window = (base[0], base[-1])
    else:
        base_window = (start - dt.timedelta(days=WEEK), start - dt.timedelta(days=1))
        base = [d for d in days if base_window[0] <= d <= base_window[1]]
    recent_window = (today - dt.timedelta(days=WEEK - 1), today)
    recent = [d for d in days if recent_window[0] <= d <= recent_window[1]]
    if (len(base) < MIN_DAYS or len(recent) < MIN_DAYS
            or recent_window[0] - base_window[0] < MIN_SEPARATION
            or recent_window[0] <= base_window[1]):
        return None
    before, after = mean(scores[d] for d in base), mean(scores[d] for d in recent)
    diff = round(after - before, 6)
    percent = None if before == 0 else round(100 * diff / before, 6)
    meaningful = abs(diff) >= MEANINGFUL_POINTS or (
        percent is not None and before >= MIN_BASELINE_FOR_PERCENT
        and abs(percent) >= MEANINGFUL_PERCENT)
    return MeaningfulChange(symptom, before, base_window, after, recent_window,
                            round(diff, 1), None if percent is None else round(percent),
                            meaningful)
