"""Levels: the ladders, and when the coach steps up, holds, or steps back."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from neurocoach.catalog import Dose, load_catalog
from neurocoach.coach.plan import ExerciseSettings, default_plan
from neurocoach.coach.progression import (
    LevelState, Outcome, Signals, decide, decide_all, levels_for, pin_changes, read_signals,
)
from neurocoach.models import Checkin, Profile

CATALOG = load_catalog()
TODAY = dt.date(2026, 11, 23)  # a Monday
UTC = dt.timezone.utc
QUIET = Signals(flares={}, sore_feet=frozenset())


def at(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def state(exercise_id: str, level: int, days_ago: int = 10, cause: str = "start") -> LevelState:
    day = ago(days_ago)
    return LevelState(exercise_id, level, day, at(day, 8), cause, "Starting at level 1.")


def sessions(*ratings: int | None, last_days_ago: int = 1, planned: Dose | None = None):
    """One outcome per rating, a day apart, the last `last_days_ago` days before today."""
    n = len(ratings)
    return [Outcome(day=ago(last_days_ago + n - 1 - i), started_at=at(ago(last_days_ago + n - 1 - i)),
                    done=True, rating=r, planned=planned) for i, r in enumerate(ratings)]


TOWEL = CATALOG.get("towel-curls")          # reps 10, seated
STAND = CATALOG.get("single-leg-stand")     # standing balance, weight-bearing
CALF = CATALOG.get("calf-stretch")          # hold 30 s, weight-bearing
WALK = CATALOG.get("walking")               # 10 minutes


# -- the ladders ---------------------------------------------------------------------------
def test_standing_balance_steps_down_the_support_in_words():
    levels = levels_for(STAND)
    assert [lv.describe() for lv in levels] == [
        "Level 1 of 4: hold on to your support with both hands",
        "Level 2 of 4: hold on with one hand",
        "Level 3 of 4: no hands, with your support within reach",
        "Level 4 of 4: eyes closed, with your support within reach",
    ]
    assert all(lv.dose == STAND.dose for lv in levels)


def test_reps_start_at_one_set_of_five_and_build_to_sets_of_ten():
    doses = [(lv.dose.sets, lv.dose.reps) for lv in levels_for(TOWEL)]
    assert doses == [(1, 5), (1, 8), (1, 10), (2, 10), (3, 10)]
    assert levels_for(TOWEL)[0].describe(per_side=True) == "Level 1 of 5: 5 times each side"


def test_holds_build_from_15_to_30_seconds():
    assert [lv.dose.seconds for lv in levels_for(CALF)] == [15, 20, 25, 30]
    assert {lv.dose.sets for lv in levels_for(CALF)} == {CALF.dose.sets}


def test_walking_builds_from_10_to_20_minutes_and_beyond():
    assert [lv.dose.minutes for lv in levels_for(WALK)] == [10, 12, 15, 20, 25, 30]


# -- the rules -----------------------------------------------------------------------------
def test_a_new_exercise_starts_at_level_one_and_says_why():
    d = decide(TOWEL, None, [], QUIET, TODAY)
    assert d.changed and d.level.number == 1 and d.cause == "start"
    assert "start gently" in d.reason


def test_someone_who_trained_before_levels_starts_at_the_dose_they_did():
    d = decide(TOWEL, None, sessions(2), QUIET, TODAY)
    assert d.level.dose == TOWEL.dose and d.level.number == 3


def test_up_after_three_sessions_rated_right():
    d = decide(TOWEL, state("towel-curls", 1), sessions(2, 2, 2), QUIET, TODAY)
    assert d.changed and d.level.number == 2 and d.cause == "up"
    assert d.reason == "Up a level: the last 3 times felt right."


def test_up_says_easy_or_right_when_mixed():
    d = decide(TOWEL, state("towel-curls", 1), sessions(1, 2, 1), QUIET, TODAY)
    assert d.reason == "Up a level: the last 3 times felt easy or right."


def test_hold_with_two_good_sessions_and_say_what_it_takes():
    d = decide(TOWEL, state("towel-curls", 2), sessions(2, 2), QUIET, TODAY)
    assert not d.changed and d.level.number == 2
    assert d.outlook.startswith("1 more time rated easy or right")


def test_an_unrated_session_breaks_the_run():
    d = decide(TOWEL, state("towel-curls", 2), sessions(2, 2, None), QUIET, TODAY)
    assert not d.changed and d.level.number == 2


def test_sessions_before_the_last_change_do_not_count():
    old = sessions(2, 2, last_days_ago=12)
    d = decide(TOWEL, state("towel-curls", 2, days_ago=10), old + sessions(2), QUIET, TODAY)
    assert not d.changed


def test_an_eased_dose_does_not_count_towards_a_step_up():
    eased = Dose("reps", 1, 5)  # a gentle day's dose below level 2's 1 × 8
    d = decide(TOWEL, state("towel-curls", 2), sessions(1, 1, 1, planned=eased), QUIET, TODAY)
    assert not d.changed


def test_hard_steps_back_and_says_why():
    d = decide(TOWEL, state("towel-curls", 3), sessions(2, 2, 3), QUIET, TODAY)
    assert d.changed and d.level.number == 2 and d.cause == "hard"
    assert d.reason == "Back a level: it felt hard last time."


def test_pain_flare_steps_back_every_exercise():
    checkins = [Checkin(day=ago(d), pain=3) for d in range(15, 1, -1)]
    checkins.append(Checkin(day=ago(1), pain=6))  # 3 above the usual 3: a flare
    signals = read_signals(checkins)
    assert list(signals.flares) == [ago(1)]
    for exercise in (TOWEL, CALF):
        d = decide(exercise, state(exercise.id, 3), sessions(2, 2, 2, last_days_ago=2),
                   signals, TODAY)
        assert d.changed and d.level.number == 2 and d.cause == "flare"
        assert d.reason == "Back a level: your pain flared yesterday (pain 6/10)."


def test_pain_of_eight_is_a_flare_whatever_the_usual():
    assert ago(0) in read_signals([Checkin(day=ago(0), pain=8)]).flares
    assert read_signals([Checkin(day=ago(0), pain=7)]).flares == {}


def test_sore_feet_step_back_weight_bearing_work_only():
    signals = read_signals([Checkin(day=ago(2), pain=2, feet="sore")])
    stand = decide(STAND, state(STAND.id, 3), [], signals, TODAY)
    assert stand.changed and stand.level.number == 2 and stand.cause == "feet"
    assert "feet were sore on Saturday" in stand.reason
    towel = decide(TOWEL, state(TOWEL.id, 3), [], signals, TODAY)
    assert not towel.changed


def test_a_problem_at_level_one_stays_at_level_one_then_good_sessions_move_up():
    signals = read_signals([Checkin(day=ago(8), pain=9)])
    d = decide(TOWEL, state(TOWEL.id, 1), [], signals, TODAY)
    assert not d.changed and d.level.number == 1
    d = decide(TOWEL, state(TOWEL.id, 1), sessions(2, 2, 2), signals, TODAY)
    assert d.changed and d.level.number == 2


def test_the_top_level_holds():
    d = decide(TOWEL, state(TOWEL.id, 5), sessions(1, 1, 1), QUIET, TODAY)
    assert not d.changed and d.level.number == 5 and "top level" in d.outlook


def test_heel_raises_progress_slowly():
    heels = CATALOG.get("seated-heel-toe-raises")
    assert not decide(heels, state(heels.id, 1), sessions(2, 2, 2), QUIET, TODAY).changed
    assert decide(heels, state(heels.id, 1), sessions(2, 2, 2, 2, 2), QUIET, TODAY).changed


def test_manual_override_wins_over_the_ratings():
    pinned = state(TOWEL.id, 2, cause="manual")
    d = decide(TOWEL, pinned, sessions(1, 1, 1), QUIET, TODAY, pinned=2)
    assert not d.changed and d.level.number == 2 and d.pinned
    d = decide(TOWEL, pinned, sessions(3), QUIET, TODAY, pinned=2)
    assert not d.changed and d.level.number == 2
    d = decide(TOWEL, state(TOWEL.id, 1), [], QUIET, TODAY, pinned=4)
    assert d.changed and d.level.number == 4 and d.cause == "manual"


def test_a_fixed_dose_from_the_plan_leaves_the_level_alone():
    d = decide(TOWEL, state(TOWEL.id, 2), sessions(1, 1, 1), QUIET, TODAY,
               fixed_dose=Dose("reps", 2, 8))
    assert not d.changed and d.pinned and "plan sets the dose" in d.reason


def test_at_most_one_automatic_change_a_day():
    changed_today = LevelState(TOWEL.id, 2, TODAY, at(TODAY, 8), "up", "Up a level.")
    d = decide(TOWEL, changed_today, sessions(3, last_days_ago=0), QUIET, TODAY)
    assert not d.changed and d.level.number == 2


def test_decide_all_covers_the_plan_and_its_stand_ins():
    plan = default_plan(CATALOG, Profile())
    decisions = decide_all(plan, CATALOG, {}, {}, QUIET, TODAY)
    assert set(plan.exercise_ids) <= set(decisions)
    assert "seated-calf-stretch" in decisions  # calf stretch's seated stand-in
    assert all(d.level.number == 1 for d in decisions.values())


def test_pin_changes_record_set_and_release():
    plan = default_plan(CATALOG, Profile())
    pinned = plan.with_settings(TOWEL.id, ExerciseSettings(level=3))
    now = at(TODAY)
    [change] = pin_changes(plan, pinned, {}, TODAY, now)
    assert (change.level, change.cause) == (3, "manual")
    states = {TOWEL.id: change}
    [release] = pin_changes(pinned, plan, states, TODAY, now)
    assert release.level == 3 and "Back to the coach" in release.reason
    assert pin_changes(pinned, pinned, states, TODAY, now) == []


@given(st.lists(st.sampled_from([1, 2, 3, None]), max_size=8), st.integers(1, 5),
       st.lists(st.integers(0, 10), max_size=10))
def test_decisions_are_deterministic_and_move_one_level_at_most(ratings, level, pains):
    checkins = [Checkin(day=ago(len(pains) - i), pain=p) for i, p in enumerate(pains)]
    signals = read_signals(checkins)
    current = state(TOWEL.id, level)
    first = decide(TOWEL, current, sessions(*ratings), signals, TODAY)
    assert first == decide(TOWEL, current, sessions(*ratings), signals, TODAY)
    assert abs(first.level.number - level) <= 1
    assert 1 <= first.level.number <= 5


# -- read_signals against the straightforward reading -----------------------------------
def signals_by_rescanning(checkins) -> Signals:
    """read_signals as first written: for each check-in, rescan every day for the 14 days
    before it. Quadratic, and obviously right: the reference for the running totals."""
    from neurocoach.coach.progression import BASELINE_DAYS
    from neurocoach.coach.safety import FLARE_POINTS, PAIN_HIGH

    by_day = {c.day: c for c in checkins}
    flares = {}
    for c in checkins:
        before = [by_day[d].pain for d in by_day
                  if c.day - dt.timedelta(days=BASELINE_DAYS) <= d < c.day]
        average = sum(before) / len(before) if before else None
        if c.pain >= PAIN_HIGH or (average is not None and c.pain >= average + FLARE_POINTS):
            flares[c.day] = f"pain {c.pain}/10"
    return Signals(flares=flares,
                   sore_feet=frozenset(c.day for c in checkins if c.feet == "sore"))


CHECKINS = st.lists(
    st.builds(Checkin, day=st.integers(0, 60).map(ago), pain=st.integers(0, 10),
              feet=st.sampled_from(["ok", "sore", "unchecked"])),
    max_size=80)
"""Days out of order, gaps, and two check-ins on one day (read_signals takes any list)."""


@given(CHECKINS)
def test_read_signals_matches_rescanning_every_day(checkins):
    assert read_signals(checkins) == signals_by_rescanning(checkins)
    ordered = sorted({c.day: c for c in checkins}.values(), key=lambda c: c.day)
    assert read_signals(ordered) == signals_by_rescanning(ordered)  # as the store gives them


@given(CHECKINS, st.lists(st.sampled_from([1, 2, 3, None]), max_size=8), st.integers(1, 5))
def test_same_decisions_as_rescanning(checkins, ratings, level):
    for exercise in (TOWEL, STAND, CALF):
        current = state(exercise.id, level, days_ago=30)
        outcomes = sessions(*ratings)
        assert (decide(exercise, current, outcomes, read_signals(checkins), TODAY)
                == decide(exercise, current, outcomes, signals_by_rescanning(checkins), TODAY))


def test_read_signals_on_two_years_of_generated_history(tmp_path):
    from neurocoach.history import generate_history
    from neurocoach.store import Store

    store = Store.open(tmp_path / "history.db")
    generate_history(store, CATALOG, TODAY, 730, 2026)
    checkins = store.checkins_between(ago(730), TODAY)
    store.close()
    signals = read_signals(checkins)
    assert signals == signals_by_rescanning(checkins)
    assert signals.flares and signals.sore_feet  # the history has flares to find
