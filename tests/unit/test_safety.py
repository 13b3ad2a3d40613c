"""Safety rules: each rule, what it changes, and the reason the person reads."""

from __future__ import annotations

import datetime as dt

import pytest

from neurocoach.catalog import Dose, load_catalog
from neurocoach.coach.routine import Plan, Routine, RoutineItem, build_routine, default_plan
from neurocoach.coach.safety import (
    STOP_REASONS, apply_safety, balance_test_allowed, checkin_effects, ease_dose, is_pain_flare,
    stop_advice,
)
from neurocoach.domain.models import Checkin, Profile

CATALOG = load_catalog()
PROFILE = Profile()
NO_WEIGHT = Profile(restriction="no_weight_bearing")
PLAN = default_plan(CATALOG, PROFILE)
MONDAY = dt.date(2025, 3, 3)
WEEK = [MONDAY + dt.timedelta(days=n) for n in range(7)]


def checkin(pain: int = 2, feet: str = "ok", foot: str | None = None) -> Checkin:
    return Checkin(MONDAY, pain=pain, feet=feet, foot=foot)


def routine_of(*exercise_ids: str) -> Routine:
    return Routine(MONDAY, tuple(RoutineItem(i, CATALOG.get(i).dose) for i in exercise_ids))


def ids(routine: Routine) -> list[str]:
    return [item.exercise_id for item in routine.items]


def kinds(routine: Routine) -> list[str]:
    return [note.kind for note in routine.notes]


def swap_text(routine: Routine) -> str:
    """The first note that says what was swapped."""
    return next(n.text for n in routine.notes if n.kind == "swap")


def safe(routine, profile=PROFILE, check=None, average=None) -> Routine:
    return apply_safety(routine, CATALOG, profile, check, average)


# -- sore feet and the no-weight-bearing restriction ------------------------------------

def test_sore_feet_swap_weight_bearing_work_for_the_seated_alternative():
    before = routine_of("calf-stretch", "toe-stretch", "walking")
    after = safe(before, check=checkin(feet="skin", foot="left"))
    assert ids(after) == ["seated-calf-stretch", "toe-stretch", "seated-marching"]
    assert [i.swapped_from for i in after.items] == ["calf-stretch", None, "walking"]
    assert after.items[2].dose == CATALOG.get("seated-marching").dose
    # the towel stretch and the toe stretch touch the skin: the right foot only
    assert [i.sides for i in after.items] == [("right",), ("right",), None]
    assert kinds(after) == ["seen", "swap", "swap"]
    assert "skin problem on your left foot" in after.notes[0].text
    note = after.notes[1]
    assert "seated" in note.text
    assert "in place of calf stretch at a wall" in note.text and "a short walk" in note.text
    assert "left out for that foot" in after.notes[2].text
    assert "toe stretch" in after.notes[2].text


def test_a_skin_problem_on_one_foot_keeps_the_other_foots_steps():
    after = safe(routine_of("plantar-roll", "towel-curls", "ankle-circles"),
                 check=checkin(feet="skin", foot="right"))
    steps = after.steps(CATALOG)
    assert [(s.exercise_id, s.side) for s in steps] == [
        ("plantar-roll", "left"), ("towel-curls", "left"),
        ("ankle-circles", "left"), ("ankle-circles", "right")]


def test_a_skin_problem_on_both_feet_drops_every_skin_exercise_and_says_who_sees_it():
    after = safe(routine_of("plantar-roll", "towel-curls", "marble-pickups", "ankle-circles"),
                 check=checkin(feet="skin", foot="both"))
    assert ids(after) == ["ankle-circles"]
    assert kinds(after) == ["seen", "swap", "swap"]  # who sees it, and when, comes first
    assert "either foot" in after.notes[2].text and "press, rub or grip" in after.notes[2].text
    seen = after.notes[0].text
    assert "clinician" in seen and "within one working day" in seen


def test_a_hot_foot_is_off_its_feet_and_seen_today():
    after = safe(routine_of("calf-stretch", "single-leg-stand", "walking", "ankle-circles"),
                 check=checkin(feet="hot", foot="left"))
    for item in after.items:
        assert not CATALOG.get(item.exercise_id).needs_alternative
    assert "warm, red or swollen" in after.notes[0].text
    assert "No standing or walking today" in after.notes[1].text
    assert "today" in after.notes[0].text and "same day" in after.notes[0].text
    allowed, reason = balance_test_allowed(PROFILE, checkin(feet="hot", foot="left"))
    assert not allowed and "warm, red or swollen" in reason and "today" in reason


@pytest.mark.parametrize("day", WEEK)
def test_no_weight_bearing_or_water_item_is_left_on_a_sore_day(day):
    plan = Plan(PLAN.exercise_ids + ("water-aerobics", "stationary-bike"))
    after = safe(build_routine(plan, CATALOG, day), check=checkin(feet="sore"))
    for item in after.items:
        ex = CATALOG.get(item.exercise_id)
        assert not ex.weight_bearing and ex.position != "water", item
    assert len(ids(after)) == len(set(ids(after)))
    assert after.items


def test_the_same_alternative_is_not_added_twice():
    before = routine_of("heel-to-toe-walk", "single-leg-stand", "weight-shifts", "walking")
    after = safe(before, check=checkin(feet="sore"))
    assert ids(after) == ["seated-reach", "seated-marching"]
    assert after.items[0].swapped_from == "heel-to-toe-walk"
    text = swap_text(after)
    assert "seated reach in place of heel-to-toe walk, stand on one leg and side-to-side" in text


def test_an_alternative_already_planned_keeps_its_own_place():
    before = routine_of("walking", "seated-marching")
    after = safe(before, check=checkin(feet="sore"))
    assert ids(after) == ["seated-marching"] and after.items[0].swapped_from is None


def test_water_exercise_is_swapped_on_a_sore_day():
    after = safe(routine_of("water-aerobics"), check=checkin(feet="sore"))
    assert ids(after) == ["seated-marching"] and "in place of water exercise" in swap_text(after)


def test_restriction_from_the_profile_swaps_every_day_with_its_own_reason():
    after = safe(routine_of("calf-stretch", "towel-curls"), profile=NO_WEIGHT,
                 check=checkin(feet="ok"))
    assert ids(after) == ["seated-calf-stretch", "towel-curls"]
    (note,) = after.notes
    assert note.kind == "restriction"
    assert "clinician" in note.text and "no weight-bearing" in note.text
    assert "in place of calf stretch at a wall" in note.text and "sore" not in note.text


def test_restriction_and_sore_feet_give_both_reasons_and_one_swap():
    after = safe(routine_of("calf-stretch", "walking"), profile=NO_WEIGHT,
                 check=checkin(feet="sore", foot="left"))
    assert ids(after) == ["seated-calf-stretch", "seated-marching"]
    assert kinds(after) == ["restriction", "seen", "swap", "swap"]
    assert "skin problem" in after.notes[1].text


def test_a_seated_routine_without_skin_work_on_a_sore_day_keeps_its_items():
    before = routine_of("ankle-circles", "seated-reach")
    after = safe(before, check=checkin(feet="sore"))
    assert after.items == before.items and "seated" in swap_text(after)


# -- pain flares ------------------------------------------------------------------------

@pytest.mark.parametrize("pain, average, flare", [
    (8, None, True), (10, 9.5, False), (7, None, False), (7, 5.0, True), (6, 5.0, False),
    (6, 4.0, True), (3, 4.1, False), (0, None, False), (8, 7.0, False), (9, 7.0, True),
    (10, 8.0, True),
])
def test_is_pain_flare(pain, average, flare):
    assert is_pain_flare(pain, average) is flare


def test_pain_8_gives_a_gentle_routine_with_fewer_items_and_smaller_doses():
    for day in WEEK:
        normal = build_routine(PLAN, CATALOG, day)
        gentle = safe(normal, check=Checkin(day, pain=8, feet="ok"))
        assert gentle.gentle and not normal.gentle
        assert len(gentle.items) < len(normal.items)
        categories = [CATALOG.get(i).category for i in ids(gentle)]
        assert sorted(categories) == sorted(set(categories))  # one per category
        assert gentle.estimated_seconds(CATALOG) < normal.estimated_seconds(CATALOG)
        for item in gentle.items:
            dose = CATALOG.get(item.exercise_id).dose
            assert item.dose.sets == 1
            assert item.dose.estimated_seconds() <= dose.estimated_seconds()
        assert next(i for i in gentle.items if i.exercise_id == "walking").dose.minutes == 5
        assert "Pain is 8" in gentle.notes[0].text and "easier" in gentle.notes[0].text


def test_two_points_above_the_usual_is_gentle_and_says_so():
    gentle = safe(routine_of("towel-curls", "walking"), check=checkin(pain=7), average=4.1)
    assert gentle.gentle and kinds(gentle) == ["gentle"]
    assert "Pain is 7" in gentle.notes[0].text and "2.9 points above" in gentle.notes[0].text
    assert "4.1" in gentle.notes[0].text
    assert safe(routine_of("walking"), check=checkin(pain=7), average=5.0).gentle


def test_one_point_above_the_usual_is_not_gentle():
    before = routine_of("towel-curls", "walking")
    after = safe(before, check=checkin(pain=6), average=5.0)
    assert not after.gentle and after.items == before.items and after.notes == ()


def test_without_an_average_only_pain_8_counts():
    assert not safe(routine_of("walking"), check=checkin(pain=7), average=None).gentle
    assert safe(routine_of("walking"), check=checkin(pain=8), average=None).gentle


def test_eased_doses_are_smaller_but_sensible():
    dose = Dose
    assert ease_dose(dose("reps", sets=2, reps=10)) == dose("reps", sets=1, reps=6)
    assert ease_dose(dose("reps", sets=1, reps=3)).reps == 3
    assert ease_dose(dose("hold", sets=2, seconds=30)) == dose("hold", sets=1, seconds=18)
    assert ease_dose(dose("hold", sets=1, seconds=8)).seconds == 8
    assert ease_dose(dose("minutes", minutes=10)).minutes == 5
    assert ease_dose(dose("minutes", minutes=1)).minutes == 1


def test_sore_feet_and_high_pain_together():
    before = routine_of("calf-stretch", "toe-stretch", "towel-curls", "weight-shifts", "walking")
    after = safe(before, check=checkin(pain=9, feet="sore", foot="left"), average=3.0)
    assert ids(after) == ["seated-calf-stretch", "towel-curls", "seated-reach", "seated-marching"]
    assert after.gentle and kinds(after) == ["seen", "swap", "swap", "gentle"]
    assert after.items[-1].dose.minutes == 3  # seated marching, 5 minutes halved up
    assert after.items[0].sides == ("right",)
    assert "Pain is 9" in after.notes[-1].text


# -- looking at the feet ----------------------------------------------------------------

@pytest.mark.parametrize("check", [None, checkin(feet="unchecked")])
def test_unchecked_feet_or_no_checkin_ask_for_a_look_and_swap_nothing(check):
    before = routine_of("calf-stretch", "walking")
    after = safe(before, check=check)
    assert after.items == before.items and not after.gentle
    (note,) = after.notes
    assert note.kind == "look"
    assert "look at both feet" in note.text and "mirror" in note.text
    assert "standing" in note.text


def test_feet_checked_and_fine_leave_the_routine_alone():
    before = routine_of("calf-stretch", "walking")
    assert safe(before, check=checkin(feet="ok"), average=2.0) == before


# -- stopping for a symptom -------------------------------------------------------------

def test_stop_reasons_in_order():
    assert list(STOP_REASONS) == ["dizzy", "chest", "breath", "pain"]
    assert "Chest pain" in STOP_REASONS["chest"].label


@pytest.mark.parametrize("key", list(STOP_REASONS))
def test_stop_advice_says_stop_sit_and_tell_the_clinician(key):
    advice = stop_advice(key)
    assert advice.startswith("Stop") and "sit down" in advice and "clinician" in advice
    assert ("emergency services" in advice) == (key in ("chest", "breath"))


def test_stop_advice_for_an_unknown_reason_is_still_useful():
    assert stop_advice("other").startswith("Stop") and stop_advice(None).startswith("Stop")


# -- what a check-in will change --------------------------------------------------------

def test_checkin_effects_sentences():
    assert checkin_effects(checkin(feet="ok"), PROFILE, 2.0) == ["Your usual routine is ready."]
    sore = checkin_effects(checkin(feet="sore"), PROFILE, None)
    assert sore[0].startswith("You noted a skin problem (blister, cut, wound or red spot) on "
                              "both feet, so exercises on your feet are swapped for seated")
    assert "within one working day" in sore[1]
    flare = checkin_effects(checkin(pain=7, feet="ok"), PROFILE, 4.0)
    assert flare[0].startswith("Today's routine will be gentler.") and "3 points" in flare[0]
    assert checkin_effects(checkin(feet="unchecked"), PROFILE, None) == [
        "Remember to look at your feet before standing work."]
    assert "clinician" in checkin_effects(checkin(feet="ok"), NO_WEIGHT, None)[0]
    both = checkin_effects(checkin(pain=8, feet="sore"), PROFILE, None)
    assert len(both) == 3 and "Pain is 8" in both[2]


# -- the balance self-test (standing on one foot) ----------------------------------------
@pytest.mark.parametrize("check", [None, checkin(feet="ok"), checkin(feet="unchecked")])
def test_balance_test_runs_on_an_ordinary_day(check):
    assert balance_test_allowed(PROFILE, check) == (True, "")


def test_no_balance_test_on_a_sore_day_and_the_reason_says_what_to_do():
    allowed, reason = balance_test_allowed(PROFILE, checkin(feet="sore"))
    assert not allowed
    assert "skin problem on both feet" in reason and "standing on one foot" in reason
    assert "Keep weight off it" in reason
    assert "clinician" in reason and "within one working day" in reason


@pytest.mark.parametrize("check", [None, checkin(feet="ok"), checkin(feet="sore")])
def test_no_balance_test_under_a_no_weight_bearing_restriction(check):
    allowed, reason = balance_test_allowed(NO_WEIGHT, check)
    assert not allowed
    assert "no weight-bearing" in reason and "seated exercises" in reason


def test_the_swap_note_reads_as_one_sentence():
    after = safe(routine_of("single-leg-stand", "walking"), check=checkin(feet="sore"))
    (swap,) = [n.text for n in after.notes if n.kind == "swap"]
    assert swap == ("Keep your weight off your feet today, so seated reach in place of stand on one "
                    "leg, seated marching in place of a short walk."), swap


def test_two_swapped_to_one_stand_in_are_both_named_in_the_note_and_the_list():
    # Three balance exercises became one seated one, and the list named only the first.
    after = safe(routine_of("heel-to-toe-walk", "weight-shifts", "single-leg-stand"),
                 check=checkin(feet="sore"))
    (item,) = after.items
    assert item.exercise_id == "seated-reach"
    assert {item.swapped_from, *item.also_for} == {"heel-to-toe-walk", "weight-shifts",
                                                  "single-leg-stand"}
    (swap,) = [n.text for n in after.notes if n.kind == "swap"]
    assert "seated reach in place of heel-to-toe walk, side-to-side weight shifts and " \
           "stand on one leg" in swap


def test_a_hot_foot_rests_still_and_flat():
    # A warm, red or swollen foot was kept off the floor but still did ankle circles and
    # seated marching: only work that keeps the feet flat and still is left for it.
    before = routine_of("ankle-circles", "seated-marching", "seated-reach", "towel-curls")
    after = safe(before, check=checkin(feet="hot", foot="right"))
    steps = [(s.exercise_id, s.side) for s in after.steps(CATALOG)]
    assert ("ankle-circles", "right") not in steps and ("ankle-circles", "left") in steps
    assert not any(s[0] == "seated-marching" for s in steps)         # both feet at once
    assert ("seated-reach", "right") in steps                         # the feet stay still
    note = [n.text for n in after.notes if "left out for" in n.text][0]
    assert "rests, still and flat" in note and "skin" not in note
