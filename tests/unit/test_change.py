"""coach.change: the one meaningful-change measure (Farrar et al. 2001)."""

from __future__ import annotations

import datetime as dt

import pytest

from neurocoach.coach.change import meaningful_change

TODAY = dt.date(2026, 11, 23)


def days(n: int) -> list[dt.date]:
    """n consecutive days ending today."""
    return [TODAY - dt.timedelta(days=n - 1 - i) for i in range(n)]


def month(first: float, last: float, n: int = 30) -> dict[dt.date, float]:
    """n days of scores: the first 7 at `first`, the last 7 at `last`, in between halfway."""
    span = days(n)
    return {d: first if i < 7 else last if i >= n - 7 else (first + last) / 2
            for i, d in enumerate(span)}


@pytest.mark.parametrize("baseline, recent, points, percent, meaningful, direction", [
    (6.0, 4.0, -2.0, -33, True, "better"),      # both thresholds
    (6.0, 4.2, -1.8, -30, True, "better"),      # 30 % exactly
    (6.0, 4.3, -1.7, -28, False, "better"),     # neither
    (8.0, 6.0, -2.0, -25, True, "better"),      # two points, under 30 %
    (3.0, 5.0, 2.0, 67, True, "worse"),         # worse counts too
    (0.5, 1.0, 0.5, 100, False, "worse"),       # 30 % of a baseline under a point: no
    (1.0, 1.5, 0.5, 50, True, "worse"),         # a baseline of a point: 30 % counts
    (0.0, 1.5, 1.5, None, False, "worse"),      # from zero: points only
    (0.0, 2.0, 2.0, None, True, "worse"),
    (4.0, 4.0, 0.0, 0, False, "no change"),
])
def test_thresholds(baseline, recent, points, percent, meaningful, direction):
    change = meaningful_change("pain", month(baseline, recent), TODAY)
    assert (change.baseline, change.recent) == (baseline, recent)
    assert change.points == points
    assert change.percent == percent
    assert change.meaningful is meaningful
    assert change.direction == direction


def test_baseline_is_the_first_seven_days_with_scores_and_now_the_last_seven():
    scores = month(7, 3)
    change = meaningful_change("pain", scores, TODAY)
    span = days(30)
    assert change.baseline_days == (span[0], span[6])
    assert change.recent_days == (span[-7], TODAY)
    gappy = {d: v for i, (d, v) in enumerate(sorted(scores.items())) if i % 2 == 0 or i > 20}
    first_seven = sorted(gappy)[:7]
    change = meaningful_change("pain", gappy, TODAY)
    assert change.baseline_days == (first_seven[0], first_seven[-1])


def test_nothing_is_said_before_three_weeks_separate_the_two_weeks():
    assert meaningful_change("pain", month(7, 3, n=27), TODAY) is None   # 20 days apart
    assert meaningful_change("pain", month(7, 3, n=28), TODAY) is not None  # 21
    assert meaningful_change("pain", dict(list(month(7, 3).items())[:6]), TODAY) is None
    few_now = {d: v for d, v in month(7, 3).items() if d < TODAY - dt.timedelta(days=4)}
    assert meaningful_change("pain", few_now, TODAY) is None   # under 3 scores this week


def test_a_chosen_start_takes_the_seven_days_before_it():
    scores = month(7, 3, n=40)
    start = TODAY - dt.timedelta(days=25)
    change = meaningful_change("pain", scores, TODAY, start=start)
    assert change.baseline_days == (start - dt.timedelta(days=7), start - dt.timedelta(days=1))
    assert change.baseline == 5.0  # the days in between, not the first week


def test_pain_is_validated_the_others_use_the_same_threshold():
    assert meaningful_change("pain", month(7, 3), TODAY).label == "validated for pain"
    label = meaningful_change("tingling", month(7, 3), TODAY).label
    assert "same threshold" in label and not meaningful_change(
        "tingling", month(7, 3), TODAY).validated
