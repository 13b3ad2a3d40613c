"""coach.screening: what each health answer changes, one rule at a time."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from neurocoach.catalog import load_catalog
from neurocoach.coach import screening as sc
from neurocoach.coach.plan import default_plan
from neurocoach.coach.progression import Decision
from neurocoach.coach.ladders import level_of, levels_for
from neurocoach.coach.routine import todays_routine
from neurocoach.domain.models import Profile, Screening, Step

ALL_NO = Screening(**{q.field: "no" for q in sc.QUESTIONS})
DAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def only(**answers) -> Screening:
    return dataclasses.replace(ALL_NO, **answers)


def test_not_asked_and_not_sure_count_as_a_risk_no_does_not():
    assert Screening().risk("sugar_meds") and only(fell="unsure").risk("fell")
    assert not ALL_NO.risk("fell")


def test_sugar_medicines_bring_the_reminder_and_the_low_sugar_stop_reason():
    assert sc.session_reminder(ALL_NO) is None
    assert sc.LOW_SUGAR not in sc.stop_reasons(ALL_NO)
    reminder = sc.session_reminder(only(sugar_meds="yes"))
    assert "blood sugar" in reminder and "fast sugar" in reminder
    reasons = sc.stop_reasons(only(sugar_meds="yes"))
    assert list(reasons)[-1] == sc.LOW_SUGAR
    assert "shaky, sweaty, confused" in reasons[sc.LOW_SUGAR].label.lower()
    assert sc.stop_label(sc.LOW_SUGAR).startswith("Low blood sugar")


def test_dizziness_cue_comes_only_when_standing_follows_sitting(catalog):
    steps = [Step("toe-stretch", "left"), Step("toe-stretch", "right"),
             Step("calf-stretch", "left"), Step("calf-stretch", "right"), Step("walking")]
    dizzy = only(dizzy_standing="yes")
    cues = [sc.STAND_SLOWLY_CUE in sc.step_cues(dizzy, catalog, steps, i) for i in range(5)]
    assert cues == [False, False, True, False, False]
    assert not any(sc.STAND_SLOWLY_CUE in sc.step_cues(ALL_NO, catalog, steps, i)
                   for i in range(5))


def test_eye_disease_brings_the_breathing_cue_and_leaves_out_head_down_work(catalog):
    steps = [Step("towel-curls", "left")]
    assert sc.BREATHE_CUE in sc.step_cues(only(eye_disease="yes"), catalog, steps, 0)
    assert sc.BREATHE_CUE not in sc.step_cues(ALL_NO, catalog, steps, 0)
    assert not any(sc.eye_unsafe(ex) for ex in catalog)  # the built-ins have none
    toe_touch = dataclasses.replace(
        catalog.get("toe-stretch"), id="toe-touch", name="Toe touches", custom=True,
        steps=("Stand tall.", "Bend forward and touch your toes."))
    from neurocoach.catalog import Catalog

    mine = Catalog([*catalog, toe_touch])
    plan = dataclasses.replace(default_plan(mine, Profile()), exercise_ids=("toe-touch",))
    with_eyes = todays_routine(plan, mine, Profile(screening=only(eye_disease="yes")), DAY,
                               None, None)
    assert [i.exercise_id for i in with_eyes.items] == []
    assert any("Toe touches" in n.text and "eyes" in n.text for n in with_eyes.notes)
    without = todays_routine(plan, mine, Profile(screening=ALL_NO), DAY, None, None)
    assert [i.exercise_id for i in without.items] == ["toe-touch"]


def _up(catalog, exercise_id: str, to: int) -> Decision:
    level = level_of(levels_for(catalog.get(exercise_id)), to)
    return Decision(exercise_id, level, "up", "Up a level: the last 3 times felt right.", True)


@pytest.mark.parametrize("answers", [only(foot_history="yes"), only(fell="yes"),
                                     only(fell="unsure")])
def test_a_foot_history_or_a_fall_holds_weight_bearing_progression(catalog, answers):
    decisions = {"single-leg-stand": _up(catalog, "single-leg-stand", 3),  # no hands
                 "towel-curls": _up(catalog, "towel-curls", 2)}
    held = sc.hold_progression(decisions, catalog, answers, clinician_plan=False)
    stand = held["single-leg-stand"]
    assert (stand.level.number, stand.changed, stand.cause) == (2, False, "held")
    assert "clinician's plan" in stand.reason
    assert held["towel-curls"] == decisions["towel-curls"]  # seated work moves on
    assert sc.hold_progression(decisions, catalog, answers, clinician_plan=True) == decisions
    assert sc.hold_progression(decisions, catalog, ALL_NO, clinician_plan=False) == decisions


def test_a_step_back_is_never_held(catalog):
    back = dataclasses.replace(_up(catalog, "walking", 1), cause="hard")
    assert sc.hold_progression({"walking": back}, catalog, only(fell="yes"), False) == {
        "walking": back}
