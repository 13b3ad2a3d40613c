"""'What helps, honestly' and the braille trend chart."""

from __future__ import annotations

import datetime as dt

from neurocoach.tui.drawing.charts import mark_words, trend_chart
from neurocoach.coach.change import meaningful_change
from neurocoach.coach.helps import MIN_DAYS, compare_after_sessions
from neurocoach.domain.models import Checkin

START = dt.date(2026, 6, 1)


def _days(n_after: int, n_none: int):
    """n_after check-ins the day after a session with toe-stretch (pain 3), then n_none the
    day after a day with none (pain 5)."""
    checkins, done = [], {}
    day = START
    for n in range(n_after + n_none):
        day = START + dt.timedelta(days=2 * n + 1)
        trained = n < n_after
        if trained:
            done[day - dt.timedelta(days=1)] = {"toe-stretch"}
        checkins.append(Checkin(day=day, pain=3 if trained else 5, numbness=4))
    return checkins, done


def test_nothing_is_compared_before_enough_days_on_both_sides():
    checkins, done = _days(30, MIN_DAYS - 1)
    helps = compare_after_sessions(checkins, done)
    assert not helps.enough and helps.by_exercise == {}
    assert (helps.after_session.days, helps.after_none.days) == (30, MIN_DAYS - 1)


def test_scores_after_a_session_against_after_none_with_the_days_behind_them():
    checkins, done = _days(12, 10)
    helps = compare_after_sessions(checkins, done)
    assert helps.enough
    assert (helps.after_session.days, helps.after_session.averages["pain"]) == (12, 3.0)
    assert (helps.after_none.days, helps.after_none.averages["pain"]) == (10, 5.0)
    assert helps.after_none.averages["burning"] is None
    assert helps.by_exercise["toe-stretch"].days == 12


def test_an_exercise_with_too_few_days_is_left_out():
    checkins, done = _days(12, 10)
    for day in list(done)[:3]:
        done[day] = done[day] | {"walking"}
    helps = compare_after_sessions(checkins, done)
    assert set(helps.by_exercise) == {"toe-stretch"}


def test_the_trend_chart_draws_the_line_and_dots_the_baseline():
    flat = trend_chart([10.0] * 5, 10, 2)                      # at the top: the top row
    assert flat[0].strip() and not flat[1].strip()
    low = trend_chart([0.0] * 5, 10, 2, baseline=10.0)         # line at the bottom
    assert low[0].replace(" ", "") and len(low[0].replace(" ", "")) < 10  # dotted: gaps
    assert all(len(r) == 10 for r in low)
    assert trend_chart([None, None], 10, 2) == [" " * 10] * 2


def test_the_charts_say_what_the_one_measure_says():
    today = START + dt.timedelta(days=40)

    def change(first: int, last: int):
        scores = {START + dt.timedelta(days=n): first for n in range(7)}
        scores |= {today - dt.timedelta(days=n): last for n in range(7)}
        return meaningful_change("pain", scores, today)

    assert mark_words(change(6, 3)) == "meaningful: better"
    assert mark_words(change(4, 5)) == ""
    assert mark_words(None) == ""
