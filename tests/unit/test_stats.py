"""Adherence, work done and balance norms: pure rules, pinned by examples."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from neurocoach.catalog import Dose
from neurocoach.coach.norms import compare_stance
from neurocoach.coach.stats import (
    AHEAD, ALLOWED, BEFORE, DONE, MISSED, PARTIAL, REST, Tally, consistency_score,
    day_states, minutes_by_category, streaks, trained_this_week,
    work_seconds,
)

MON = dt.date(2026, 11, 23)   # a Monday, as the tests' FakeClock
REST_DAYS = (2, 6)            # Wednesday and Sunday


def current_streak(trained, rest_days, today, *, skips_per_month=0):
    """The current streak of a person whose first day was their first trained day (the
    app reads it through services.adherence, from the first check-in or session)."""
    trained = {d for d in trained if d <= today}
    if not trained:
        return 0
    start = min(trained)
    states = day_states(start, today, today, dict.fromkeys(trained, 1.0), rest_days, start,
                        skips_per_month)
    return streaks(states, today).current


def d(back: int) -> dt.date:
    return MON - dt.timedelta(days=back)


def states_for(trained: dict[dt.date, float], *, first: dt.date, today: dt.date = MON,
               rest=REST_DAYS, start: dt.date | None = None, skips: int = 2,
               last: dt.date | None = None):
    return day_states(first, last or today, today, trained, rest,
                      start if start is not None else first, skips)


# -- day states ------------------------------------------------------------------------
def test_day_states_name_every_kind_of_day():
    trained = {d(1): 1.0, d(2): 0.5}  # Sunday done (a rest day trained), Saturday partial
    states = states_for(trained, first=d(6), start=d(6), last=MON + dt.timedelta(days=1))
    assert states == {
        d(6): ALLOWED,   # Tuesday 17 Nov: first miss of November
        d(5): REST,      # Wednesday
        d(4): ALLOWED,   # Thursday: second miss of November
        d(3): MISSED,    # Friday: the allowance is used up
        d(2): PARTIAL,
        d(1): DONE,
        MON: AHEAD,      # today, not trained yet
        MON + dt.timedelta(days=1): AHEAD,
    }


def test_allowance_counts_from_the_first_of_the_month_whatever_the_window():
    # 1–3 November missed: 1 and 2 are allowed, 3 is missed, even when the window starts later.
    start = dt.date(2026, 11, 1)
    states = day_states(dt.date(2026, 11, 3), dt.date(2026, 11, 3), MON, {}, (), start)
    assert states == {dt.date(2026, 11, 3): MISSED}


def test_days_before_the_start_are_not_misses():
    states = states_for({d(1): 1.0}, first=d(10), start=d(1), rest=())
    assert set(list(states.values())[:-2]) == {BEFORE}


def test_partial_and_done_threshold():
    states = states_for({d(1): 0.75, d(2): 0.74}, first=d(2), rest=())
    assert states[d(1)] == DONE and states[d(2)] == PARTIAL


# -- streaks ---------------------------------------------------------------------------
def test_no_data_at_all():
    states = day_states(d(30), MON, MON, {}, REST_DAYS, None)
    assert streaks(states, MON) == (0, 0)
    assert consistency_score(states) == 0.0
    assert current_streak([], REST_DAYS, MON) == 0
    assert current_streak([], REST_DAYS, MON, skips_per_month=2) == 0


def test_a_single_trained_day():
    states = states_for({MON: 1.0}, first=MON, start=MON)
    assert streaks(states, MON) == (1, 1)
    assert current_streak([MON], REST_DAYS, MON, skips_per_month=2) == 1


def test_rest_days_keep_the_streak_and_count_in_it():
    # Tue 17 to Sun 22 trained except Wednesday and Sunday (rest).
    trained = {d(b): 1.0 for b in (6, 4, 3, 2)}
    states = states_for(trained, first=d(6), start=d(6))
    assert streaks(states, MON).current == 6  # Tue … Sun
    assert current_streak(trained, REST_DAYS, MON) == 6


def test_rest_days_just_before_a_run_count_after_a_miss():
    trained = {d(b): 1.0 for b in (4, 3, 2)}          # Thu, Fri, Sat
    states = states_for(trained, first=d(13), skips=0)  # Tue 17 missed, Wed 18 rest
    assert states[d(6)] == MISSED and states[d(5)] == REST
    assert streaks(states, MON).current == 5           # Wed … Sun


def test_untrained_today_does_not_break_and_trained_today_adds_one():
    trained = {d(b): 1.0 for b in (1, 2, 3, 4)}
    states = states_for(trained, first=d(10), rest=())
    assert streaks(states, MON).current == 4
    states = states_for({**trained, MON: 1.0}, first=d(10), rest=())
    assert streaks(states, MON).current == 5


def test_skip_allowance_keeps_a_streak_through_two_misses_a_month():
    # No rest days; trained every day of November up to today except the 10th and the 12th.
    days = [dt.date(2026, 11, n) for n in range(1, 23) if n not in (10, 12)]
    trained = dict.fromkeys(days, 1.0)
    states = states_for(trained, first=dt.date(2026, 11, 1), rest=())
    assert states[dt.date(2026, 11, 10)] == ALLOWED
    assert streaks(states, MON).current == 22
    assert current_streak(days, (), MON, skips_per_month=2) == 22
    # Without the allowance the second miss ends it.
    assert current_streak(days, (), MON) == 22 - 12


def test_a_third_miss_in_a_month_breaks_the_streak():
    days = [dt.date(2026, 11, n) for n in range(1, 23) if n not in (5, 10, 12)]
    states = states_for(dict.fromkeys(days, 1.0), first=dt.date(2026, 11, 1), rest=())
    assert states[dt.date(2026, 11, 12)] == MISSED
    result = streaks(states, MON)
    assert result.current == 10          # 13th … 22nd
    assert result.longest == 11          # 1st … 11th, through the allowed 5th and 10th


def test_allowed_skips_before_the_first_trained_day_do_not_count():
    # A gap: 1st and 2nd of November allowed, then training from the 3rd.
    days = [dt.date(2026, 11, n) for n in range(3, 23)]
    states = states_for(dict.fromkeys(days, 1.0), first=dt.date(2026, 10, 20),
                        start=dt.date(2026, 10, 1), rest=())
    assert states[dt.date(2026, 11, 1)] == ALLOWED
    assert streaks(states, MON).current == 20


def test_allowed_skips_that_end_a_run_are_part_of_it_until_a_miss():
    # Trained 1–5 November, then nothing: 6 and 7 allowed, 8 missed.
    days = [dt.date(2026, 11, n) for n in range(1, 6)]
    states = states_for(dict.fromkeys(days, 1.0), first=dt.date(2026, 11, 1), rest=())
    assert streaks(states, MON) == (0, 7)


def test_gaps_longest_is_the_best_run_ever():
    run_a = [d(b) for b in range(40, 30, -1)]   # ten days
    run_b = [d(b) for b in range(5, 0, -1)]     # five days
    trained = dict.fromkeys(run_a + run_b, 1.0)
    states = states_for(trained, first=d(60), rest=(), skips=0)
    assert streaks(states, MON) == (5, 10)


def test_legacy_current_streak_unchanged_by_default():
    trained = {MON - dt.timedelta(days=b) for b in (1, 2, 3, 5)}
    assert current_streak(trained, (2, 6), MON) == 3
    assert current_streak(trained, (2, 3, 6), MON) == 5
    assert current_streak(trained | {MON}, (2, 6), MON) == 4
    assert current_streak({MON - dt.timedelta(days=9)}, (), MON) == 0


@settings(max_examples=60, deadline=None)
@given(st.sets(st.integers(min_value=0, max_value=120), max_size=90),
       st.sets(st.integers(min_value=0, max_value=6), max_size=3),
       st.integers(min_value=0, max_value=3))
def test_longest_is_never_below_current_and_allowance_only_helps(back, rest, skips):
    trained = {d(b) for b in back}
    first = d(130)
    shares = dict.fromkeys(trained, 1.0)
    with_skips = streaks(day_states(first, MON, MON, shares, rest, first, skips), MON)
    without = streaks(day_states(first, MON, MON, shares, rest, first, 0), MON)
    assert with_skips.longest >= with_skips.current >= without.current >= 0
    assert with_skips.longest >= without.longest
    assert with_skips.current <= 131


# -- consistency score -----------------------------------------------------------------
def test_score_builds_up_and_forgives_a_few_misses():
    long_run = dict.fromkeys((d(b) for b in range(1, 200)), 1.0)
    states = states_for(long_run, first=d(199), rest=(), skips=0)
    full = consistency_score(states)
    assert full > 0.99
    for b in (1, 2, 3):            # three misses in a row after a long run
        del long_run[d(b)]
    after = consistency_score(states_for(long_run, first=d(199), rest=(), skips=0))
    assert 0.8 < after < full
    # With the monthly allowance, two of those misses do not count at all.
    allowed = consistency_score(states_for(long_run, first=d(199), rest=(), skips=2))
    assert allowed > after


def test_score_ignores_rest_days_and_counts_partial_as_half():
    done = states_for({d(2): 1.0}, first=d(2), rest=())
    part = states_for({d(2): 0.5}, first=d(2), rest=())
    assert consistency_score(part) == pytest.approx(consistency_score(done) / 2)
    with_rest = states_for({d(3): 1.0}, first=d(3), rest=(d(2).weekday(),))
    assert consistency_score(with_rest) == pytest.approx(consistency_score(done))


def test_score_stays_between_0_and_1():
    states = states_for({}, first=d(60), rest=(), skips=0)
    assert consistency_score(states) == 0.0


def test_trained_this_week():
    states = states_for({d(1): 1.0, d(7): 1.0, MON: 0.5}, first=d(10), rest=())
    assert trained_this_week(states, MON) == 1
    assert trained_this_week(states, d(1)) == 2   # Sunday: Mon 16 … Sun 22


# -- work done -------------------------------------------------------------------------
def test_work_seconds_uses_logged_amounts_and_the_dose_for_the_rest():
    reps = Dose(kind="reps", sets=2, reps=10)
    # Two steps with 10 and 12 reps logged: 22 reps × 3 s × 2 sets + 2 × 20 s rest.
    assert work_seconds(Tally(steps=2, counted=2, reps=22), reps) == 22 * 3 * 2 + 40
    hold = Dose(kind="hold", sets=3, seconds=30)
    assert work_seconds(Tally(steps=1, timed=1, seconds=30), hold) == 30 * 3 + 20
    walk = Dose(kind="minutes", minutes=10)
    assert work_seconds(Tally(steps=1, timed=1, seconds=540), walk) == 540
    # Nothing logged: the catalog estimate.
    assert work_seconds(Tally(steps=1), walk) == 600
    # An exercise the catalog no longer knows: logged seconds, 3 s a rep, else a minute.
    assert work_seconds(Tally(steps=3, timed=1, seconds=45, counted=1, reps=10)) == 45 + 30 + 60


def test_minutes_by_category_weeks_and_unknown_exercises():
    class Ex:
        def __init__(self, category, dose):
            self.category, self.dose = category, dose

    catalog = {"walking": Ex("cardio", Dose(kind="minutes", minutes=10))}

    class Cat(dict):
        def get(self, key):
            return self[key]

    rows = [(0, "walking", Tally(steps=1, timed=1, seconds=600)),
            (1, "walking", Tally(steps=2, timed=2, seconds=1500)),
            (1, "gone", Tally(steps=1)),
            (9, "walking", Tally(steps=1, timed=1, seconds=600))]   # outside: ignored
    table = minutes_by_category(rows, Cat(catalog), ("stretching", "cardio"), 2)
    assert table == {"stretching": [0, 0], "cardio": [10, 25], "other": [0, 1]}
    assert "other" not in minutes_by_category(rows[:2], Cat(catalog), ("cardio",), 2)


# -- balance norms ---------------------------------------------------------------------
@pytest.mark.parametrize("seconds, age, band, typical, verdict", [
    (27.0, 65, "60–69", 27.0, "at or above typical"),
    (21.0, 65, "60–69", 27.0, "close to typical"),
    (10.0, 65, "60–69", 27.0, "below typical"),
    (10.0, 82, "80 and over", 6.0, "at or above typical"),
    (30.0, 45, "40–49", 40.0, "close to typical"),
    (20.0, 35, "under 40", None, "no typical figure for your age band"),
    (20.0, None, None, None, "no age on file"),
])
def test_compare_stance(seconds, age, band, typical, verdict):
    result = compare_stance(seconds, age)
    assert (result.band, result.typical, result.verdict) == (band, typical, verdict)
    if typical:
        assert result.share == pytest.approx(seconds / typical)
