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
from neurocoach.domain.models import Checkin, Profile

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
        "Level 1 of 3: hold on to your support with both hands",
        "Level 2 of 3: hold on with one hand",
        "Level 3 of 3: a light touch: one fingertip resting on your support",
    ]
    assert all(lv.dose == STAND.dose for lv in levels)


def test_no_hands_and_eyes_closed_only_with_the_clinicians_leave_and_shown_as_such():
    allowed = levels_for(STAND, unsupported=True)
    assert [lv.support for lv in allowed][3:] == [
        "no hands, your support within reach (your clinician allowed it)",
        "eyes closed, one hand resting on your support (your clinician allowed it)"]


def test_eyes_never_close_while_walking_or_shifting_weight():
    for exercise in (CATALOG.get("heel-to-toe-walk"), CATALOG.get("weight-shifts")):
        assert exercise.stepping
        for unsupported in (False, True):
            for lv in levels_for(exercise, unsupported=unsupported):
                assert "eyes closed" not in lv.support
    assert len(levels_for(CATALOG.get("heel-to-toe-walk"), unsupported=True)) == 4


def test_no_ladder_climbs_past_its_sources_dose():
    for exercise in CATALOG:
        assert exercise.source, exercise.id
        unit = {"reps": "reps", "hold": "seconds", "minutes": "minutes"}[exercise.dose.kind]
        for lv in levels_for(exercise):
            assert getattr(lv.dose, unit) <= exercise.limit, (exercise.id, lv)


def test_reps_start_at_one_set_of_five_and_build_to_sets_of_ten():
    doses = [(lv.dose.sets, lv.dose.reps) for lv in levels_for(TOWEL)]
    assert doses == [(1, 5), (1, 8), (1, 10), (2, 10), (3, 10)]
    assert levels_for(TOWEL)[0].describe(per_side=True) == "Level 1 of 5: 5 times each side"


def test_holds_build_from_15_to_30_seconds():
    assert [lv.dose.seconds for lv in levels_for(CALF)] == [15, 20, 25, 30]
    assert {lv.dose.sets for lv in levels_for(CALF)} == {CALF.dose.sets}


def test_walking_builds_from_10_to_20_minutes_and_no_further():
    assert [lv.dose.minutes for lv in levels_for(WALK)] == [10, 12, 15, 20]
    # a clinician's plan may set more: its dose is the ladder's base
    assert levels_for(WALK, Dose("minutes", minutes=30))[0].dose.minutes == 30


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
    assert d.reason == "Up a level: 3 days felt right at the full dose."


def test_up_says_easy_or_right_when_mixed():
    d = decide(TOWEL, state("towel-curls", 1), sessions(1, 2, 1), QUIET, TODAY)
    assert d.reason == "Up a level: 3 days felt easy or right at the full dose."


def test_hold_with_two_good_sessions_and_say_what_it_takes():
    d = decide(TOWEL, state("towel-curls", 2), sessions(2, 2), QUIET, TODAY)
    assert not d.changed and d.level.number == 2
    assert d.outlook.startswith("1 more day rated easy or right")
    assert "at least 7 days on this level" in d.outlook


def test_three_sessions_in_one_day_count_as_one_day():
    one_day = [Outcome(day=ago(1), started_at=at(ago(1), h), done=True, rating=2)
               for h in (8, 12, 18)]
    assert not decide(TOWEL, state("towel-curls", 1), one_day, QUIET, TODAY).changed


def test_a_level_is_held_for_a_minimum_time():
    d = decide(TOWEL, state("towel-curls", 1, days_ago=4), sessions(2, 2, 2), QUIET, TODAY)
    assert not d.changed and "at least 7 days" in d.outlook
    assert decide(TOWEL, state("towel-curls", 1, days_ago=7), sessions(2, 2, 2), QUIET,
                  TODAY).changed


def test_the_dose_done_is_judged_not_the_dose_planned():
    full, little = Dose("reps", 1, 8), Dose("reps", 1, 3)
    outcomes = [Outcome(o.day, o.started_at, True, 2, planned=full, logged=little)
                for o in sessions(2, 2, 2)]
    assert not decide(TOWEL, state("towel-curls", 2), outcomes, QUIET, TODAY).changed
    outcomes = [Outcome(o.day, o.started_at, True, 2, planned=full, logged=full)
                for o in sessions(2, 2, 2)]
    assert decide(TOWEL, state("towel-curls", 2), outcomes, QUIET, TODAY).changed


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
        assert d.reason == ("Back a level: your pain flared yesterday (pain 6/10, your "
                            "usual 3.0).")


def test_pain_of_eight_is_a_flare_only_with_nothing_to_compare_with():
    assert ago(0) in read_signals([Checkin(day=ago(0), pain=8)]).flares
    assert read_signals([Checkin(day=ago(0), pain=7)]).flares == {}
    steady = [Checkin(day=ago(d), pain=7) for d in range(20, 0, -1)]
    assert read_signals(steady + [Checkin(day=ago(0), pain=8)]).flares == {}
    assert ago(0) in read_signals(steady + [Checkin(day=ago(0), pain=9)]).flares


def test_steady_high_pain_still_progresses_slowly_and_a_true_rise_steps_back():
    steady = read_signals([Checkin(day=ago(d), pain=7 + d % 2) for d in range(30, 0, -1)])
    assert steady.flares == {} and steady.usual_pain >= 7
    d = decide(TOWEL, state("towel-curls", 1, days_ago=20), sessions(2, 2, 2), steady, TODAY)
    assert not d.changed and "the slow pace" in d.outlook
    d = decide(TOWEL, state("towel-curls", 1, days_ago=20), sessions(2, 2, 2, 2, 2), steady,
               TODAY)
    assert d.changed and d.cause == "up"
    rise = read_signals([Checkin(day=ago(d), pain=7) for d in range(30, 1, -1)]
                        + [Checkin(day=ago(1), pain=10)])
    d = decide(TOWEL, state("towel-curls", 3, days_ago=20), sessions(2, 2, 2), rise, TODAY)
    assert d.changed and d.level.number == 2 and d.cause == "flare"


def test_sore_feet_step_back_weight_bearing_work_only():
    signals = read_signals([Checkin(day=ago(2), pain=2, feet="sore")])
    stand = decide(STAND, state(STAND.id, 3), [], signals, TODAY)
    assert stand.changed and stand.level.number == 2 and stand.cause == "feet"
    assert "you noted a foot problem on Saturday" in stand.reason
    towel = decide(TOWEL, state(TOWEL.id, 3), [], signals, TODAY)
    assert not towel.changed


def test_a_problem_at_level_one_stays_at_level_one_then_good_sessions_move_up():
    signals = read_signals([Checkin(day=ago(d), pain=9 if d == 8 else 2)
                            for d in range(20, 0, -1)])
    assert ago(8) in signals.flares
    d = decide(TOWEL, state(TOWEL.id, 1), [], signals, TODAY)
    assert not d.changed and d.level.number == 1
    d = decide(TOWEL, state(TOWEL.id, 1), sessions(2, 2, 2), signals, TODAY)
    assert d.changed and d.level.number == 2


def test_the_top_level_holds():
    d = decide(TOWEL, state(TOWEL.id, 5), sessions(1, 1, 1), QUIET, TODAY)
    assert not d.changed and d.level.number == 5 and "top level" in d.outlook


def test_heel_raises_progress_slowly():
    heels = CATALOG.get("seated-heel-toe-raises")
    assert heels.slow_progression
    assert not decide(heels, state(heels.id, 1, 20), sessions(2, 2, 2), QUIET, TODAY).changed
    assert not decide(heels, state(heels.id, 1, 10), sessions(2, 2, 2, 2, 2), QUIET,
                      TODAY).changed  # 14 days on a slow level at the least
    assert decide(heels, state(heels.id, 1, 20), sessions(2, 2, 2, 2, 2), QUIET, TODAY).changed


def test_slow_progression_is_a_catalog_property_not_a_name():
    import dataclasses

    named = dataclasses.replace(TOWEL, id="heel-raise", name="Heel raise")
    assert decide(named, state(named.id, 1), sessions(2, 2, 2), QUIET, TODAY).changed
    slow = dataclasses.replace(TOWEL, slow_progression=True)
    assert not decide(slow, state(slow.id, 1), sessions(2, 2, 2), QUIET, TODAY).changed


def test_manual_override_wins_over_the_ratings():
    pinned = state(TOWEL.id, 2, cause="manual")
    d = decide(TOWEL, pinned, sessions(1, 1, 1), QUIET, TODAY, pinned=2)
    assert not d.changed and d.level.number == 2 and d.pinned
    d = decide(TOWEL, pinned, sessions(3), QUIET, TODAY, pinned=2)
    assert not d.changed and d.level.number == 2
    d = decide(TOWEL, state(TOWEL.id, 1), [], QUIET, TODAY, pinned=4)
    assert d.changed and d.level.number == 2 and d.cause == "manual"  # one level a day
    assert "On the way to level 4" in d.reason
    assert decide(TOWEL, state(TOWEL.id, 1), [], QUIET, TODAY, pinned=1).level.number == 1


def test_a_plan_or_hand_setting_climbs_one_level_a_day():
    level, history = 1, []
    for n in range(5):
        current = state(TOWEL.id, level, days_ago=1, cause="manual")
        d = decide(TOWEL, current, [], QUIET, TODAY + dt.timedelta(days=n), pinned=5)
        assert d.level.number - level <= 1
        level = d.level.number
        history.append(level)
    assert history == [2, 3, 4, 5, 5]
    same_day = LevelState(TOWEL.id, 2, TODAY, at(TODAY), "manual", "x")
    assert decide(TOWEL, same_day, [], QUIET, TODAY, pinned=5).level.number == 2


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
    at_one = {TOWEL.id: LevelState(TOWEL.id, 1, ago(3), at(ago(3)), "start", "x")}
    [step] = pin_changes(plan, pinned, at_one, TODAY, now, by_plan=True)
    assert step.level == 2  # a plan asking for 3 from 1: one level now, the rest a day at a time
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
        if (average is None and c.pain >= PAIN_HIGH) or (
                average is not None and c.pain >= average + FLARE_POINTS):
            flares[c.day] = f"pain {c.pain}/10" + (
                "" if average is None else f", your usual {average:.1f}")
    usual = None
    if by_day:
        last = max(by_day)
        recent = [by_day[d].pain for d in by_day
                  if last - dt.timedelta(days=BASELINE_DAYS) < d <= last]
        usual = sum(recent) / len(recent)
    return Signals(flares=flares,
                   sore_feet=frozenset(c.day for c in checkins if c.feet in ("skin", "hot")),
                   usual_pain=usual)


CHECKINS = st.lists(
    st.builds(Checkin, day=st.integers(0, 60).map(ago), pain=st.integers(0, 10),
              feet=st.sampled_from(["ok", "sore", "skin", "hot", "unchecked"])),
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
    from neurocoach.services.demo import generate_history
    from neurocoach.store import Store

    store = Store.open(tmp_path / "history.db")
    generate_history(store, CATALOG, TODAY, 730, 2026)
    checkins = store.checkins_between(ago(730), TODAY)
    store.close()
    signals = read_signals(checkins)
    assert signals == signals_by_rescanning(checkins)
    assert signals.flares and signals.sore_feet  # the history has flares to find
