"""Each health question answered by keys, and its effect seen in the session."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from neurocoach.coach.progression import LevelState
from neurocoach.coach.screening import QUESTIONS
from neurocoach.domain.models import Entry, Profile, Screening, Step
from neurocoach.tui.screens.session import SessionScreen
from neurocoach.tui.screens.summary import SummaryScreen
from neurocoach.tui.screens.today import TodayScreen
from neurocoach.tui.widgets.countdown import Countdown

ALL_NO = Screening(**{q.field: "no" for q in QUESTIONS})


@pytest.fixture(autouse=True)
def manual_timer(monkeypatch):
    monkeypatch.setattr(Countdown, "auto_tick", False)


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def answer(pilot, field: str, digit: str) -> None:
    """In the profile (e on Today): answer one health question (1 no, 2 yes, 3 not sure),
    all the others no, then save."""
    await pilot.press("e")
    for q in QUESTIONS:
        pilot.app.screen.query_one(f"#q-{q.field}").focus()
        await pilot.press(digit if q.field == field else "1")
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, TodayScreen)


async def start(pilot) -> SessionScreen:
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SessionScreen)
    return pilot.app.screen


async def to_exercise(pilot, exercise_id: str) -> None:
    while pilot.app.screen.step.exercise_id != exercise_id:
        await pilot.press("s")


@pytest.mark.parametrize("digit", ["2", "3"])  # yes, not sure
async def test_blood_sugar_medicines_remind_at_the_start_and_can_stop_for_a_low(
        make_app, store, digit):
    app = make_app(profile=Profile(screening=ALL_NO))
    async with app.run_test(size=(80, 24)) as pilot:
        await answer(pilot, "sugar_meds", digit)
        screen = await start(pilot)
        # Among the first step's cues, where a key or a notice cannot wipe it away.
        assert "check your blood sugar" in text(app, "#step-safety")
        await pilot.press("space")
        assert "check your blood sugar" in text(app, "#step-safety")
        await pilot.press("x")
        assert "Low blood sugar (shaky, sweaty, confused)" in text(app, "#stop-list")
        await pilot.press("5")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "fast sugar" in text(app, "#summary-advice")
    assert store.session(screen.record.id).stopped_reason == "low_sugar"


async def test_without_blood_sugar_medicines_no_reminder_and_four_stop_reasons(make_app):
    app = make_app(profile=Profile(screening=ALL_NO))
    async with app.run_test(size=(80, 24)) as pilot:
        await answer(pilot, "sugar_meds", "1")
        await start(pilot)
        assert "blood sugar" not in text(app, "#step-safety")
        await pilot.press("x")
        assert "sugar" not in text(app, "#stop-list").lower()
        await pilot.press("5")                      # no fifth reason: nothing happens
        assert not isinstance(app.screen, SummaryScreen)


@pytest.mark.parametrize("digit, shown", [("2", True), ("1", False)])
async def test_eye_disease_asks_to_breathe_out_and_not_strain(make_app, digit, shown):
    app = make_app(profile=Profile(screening=ALL_NO))
    async with app.run_test(size=(80, 24)) as pilot:
        await answer(pilot, "eye_disease", digit)
        await start(pilot)
        await to_exercise(pilot, "towel-curls")
        assert ("never hold your breath or strain" in text(app, "#step-safety")) is shown


@pytest.mark.parametrize("digit, shown", [("2", True), ("1", False)])
async def test_dizziness_on_standing_says_stand_up_slowly_at_the_first_standing_step(
        make_app, digit, shown):
    app = make_app(profile=Profile(screening=ALL_NO))
    async with app.run_test(size=(80, 24)) as pilot:
        await answer(pilot, "dizzy_standing", digit)
        await start(pilot)
        assert "Stand up slowly" not in text(app, "#step-safety")  # seated work first
        await to_exercise(pilot, "weight-shifts")                  # the first standing step
        assert ("Stand up slowly, holding your support" in text(app, "#step-safety")) is shown


async def test_a_walking_aid_is_kept_within_reach_on_standing_steps(make_app):
    app = make_app(profile=Profile(screening=ALL_NO))
    async with app.run_test(size=(80, 24)) as pilot:
        await answer(pilot, "walking_aid", "2")
        await start(pilot)
        assert "walking aid" not in text(app, "#step-safety")
        await to_exercise(pilot, "walking")
        assert "Keep your walking aid or support within reach" in text(app, "#step-safety")


def weight_shifts_felt_right_three_times(store, clock) -> None:
    today = clock.today()
    start = dt.datetime.combine(today - dt.timedelta(days=8), dt.time(8), tzinfo=dt.timezone.utc)
    store.record_levels([LevelState("weight-shifts", 1, start.date(), start, "start", "S.")])
    for days_ago in (6, 4, 2):
        day = today - dt.timedelta(days=days_ago)
        at = dt.datetime.combine(day, dt.time(9), tzinfo=dt.timezone.utc)
        record = store.start_session(day, [Step("weight-shifts", reps=10, sets=2)], at)
        store.log_entry(record.id, Entry(0, "weight-shifts", "done", reps=10, rating=2))


@pytest.mark.parametrize("field", ["foot_history", "fell"])
async def test_a_foot_history_or_a_fall_holds_standing_work_until_a_clinicians_plan(
        make_app, store, clock, field):
    weight_shifts_felt_right_three_times(store, clock)
    app = make_app(profile=Profile(screening=dataclasses.replace(ALL_NO, **{field: "yes"})))
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await to_exercise(pilot, "weight-shifts")
        level = text(app, "#step-level")
        assert "Level 1 of " in level and "clinician's plan" in level
    assert store.level_states()["weight-shifts"].level == 1

    store.mark_clinician_plan(clock.now())            # a plan file was imported
    app = make_app(profile=Profile(screening=dataclasses.replace(ALL_NO, **{field: "yes"})))
    async with app.run_test(size=(80, 24)):
        pass
    assert store.level_states()["weight-shifts"].level == 2


async def test_with_no_risk_standing_work_moves_up(make_app, store, clock):
    weight_shifts_felt_right_three_times(store, clock)
    app = make_app(profile=Profile(screening=ALL_NO))
    async with app.run_test(size=(80, 24)):
        pass
    assert store.level_states()["weight-shifts"].level == 2


async def test_escape_at_the_welcome_takes_the_careful_defaults(make_app, store, clock):
    weight_shifts_felt_right_three_times(store, clock)
    app = make_app(onboarded=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")                       # the welcome's defaults
        assert isinstance(app.screen, TodayScreen)
        await start(pilot)
        assert "check your blood sugar" in text(app, "#step-safety")
        assert "never hold your breath" in text(app, "#step-safety")
        await to_exercise(pilot, "weight-shifts")
        safety, level = text(app, "#step-safety"), text(app, "#step-level")
        assert "Stand up slowly" in safety and "clinician's plan" in level
        await pilot.press("x")
        assert "Low blood sugar" in text(app, "#stop-list")
    assert store.profile().screening == Screening()       # not asked: careful
