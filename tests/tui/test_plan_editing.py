"""The plan by keys: in and out, levels by hand and back to the coach, days and time,
import from a file; and levels shown (with why) on Today, in the session and the Library."""

from __future__ import annotations


import pytest

from neurocoach.tui.screens.help import HelpScreen
from neurocoach.tui.screens.library import LibraryScreen
from neurocoach.tui.screens.plan import PlanScreen
from neurocoach.tui.screens.plan_dialogs import ImportPlanScreen, ScheduleScreen
from neurocoach.tui.screens.session import SessionScreen
from neurocoach.tui.screens.today import TodayScreen
from neurocoach.tui.widgets.countdown import Countdown
from neurocoach.tui.widgets.exercise_detail import ExerciseDetail
from tests.tui.helpers import towel_curls_felt_right_three_times


@pytest.fixture(autouse=True)
def manual_timer(monkeypatch):
    monkeypatch.setattr(Countdown, "auto_tick", False)


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def routine_ids(app) -> list[str]:
    return [item.exercise_id for item in app.screen.view.routine.items]


async def open_plan(pilot) -> PlanScreen:
    await pilot.press("m")
    await pilot.pause()
    assert isinstance(pilot.app.screen, PlanScreen)
    return pilot.app.screen


async def test_plan_editing_by_keys(make_app, store, clock):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert "calf-stretch" in routine_ids(app)
        screen = await open_plan(pilot)
        assert screen.highlighted_id == "calf-stretch"
        assert "in your plan" in text(app, "#plan-detail")

        await pilot.press("space")                       # calf stretch out
        assert "calf-stretch" not in store.saved_plan().exercise_ids
        assert "not in your plan" in text(app, "#plan-detail")
        await pilot.press("space")                       # and back in (at the end)
        assert store.saved_plan().exercise_ids[-1] == "calf-stretch"

        await pilot.press("down", "plus", "plus")        # toe stretch kept at level 3
        settings = store.saved_plan().settings_for("toe-stretch")
        assert settings.level == 3
        state = store.level_states()["toe-stretch"]
        assert (state.level, state.cause) == (3, "manual")
        assert "Level 3 of 4" in text(app, "#plan-detail")
        assert "(kept there)" in text(app, "#plan-detail")

        await pilot.press("0")                           # the coach decides again, from 3
        assert store.saved_plan().settings_for("toe-stretch").level is None
        assert store.level_states()["toe-stretch"].reason.startswith("Back to the coach")
        assert store.level_states()["toe-stretch"].level == 3

        await pilot.press("d")
        assert isinstance(app.screen, ScheduleScreen)
        await pilot.press("left")                         # 4 training days a week
        await pilot.press("down", "down", "right")        # sessions of about 20 minutes
        await pilot.press("enter")
        assert isinstance(app.screen, PlanScreen)
        profile = store.profile()
        assert profile.days_per_week == 4 and len(profile.rest_days) == 3
        assert store.saved_plan().target_minutes == 20
        assert "4 days a week" in text(app, "#plan-summary")

        await pilot.press("question_mark")               # help lists the plan's keys
        keys = "\n".join(str(s.render()) for s in app.screen.query("Static"))
        for words in ("In/out", "Level up", "Level down", "Auto level", "Days", "Import",
                      "New exercise", "Archive yours"):
            assert words in keys
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, TodayScreen)
        assert "toe-stretch" in store.saved_plan().exercise_ids


async def test_a_level_kept_by_hand_is_what_the_session_asks_for(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_plan(pilot)
        await pilot.press("down", "down", "plus")          # foot roll: level 2, 2 minutes
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        step = app.screen.step
        assert step.exercise_id == "plantar-roll" and step.minutes == 2
        assert "Level 2 of 2 (kept there)" in text(app, "#step-level")


async def test_good_ratings_step_up_and_today_and_the_session_say_why(make_app, store, clock):
    towel_curls_felt_right_three_times(store, clock)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        notes = text(app, "#today-notes")
        assert "Up a level: Towel toe curls (3 days felt right at the full dose)." in notes
        assert store.level_states()["towel-curls"].level == 2
        item = next(i for i in app.screen.view.routine.items if i.exercise_id == "towel-curls")
        assert (item.dose.sets, item.dose.reps) == (1, 8)

        await pilot.press("enter")
        await pilot.pause()
        session = app.screen
        while session.step.exercise_id != "towel-curls":
            await pilot.press("s")
        level = text(app, "#step-level")
        assert "Level 2 of 5" in level
        assert "Up a level: 3 days felt right at the full dose." in level
        assert session.step.reps == 8

    # Deciding again (a second start today) changes nothing.
    assert len(store.level_history("towel-curls")) == 2


async def test_library_shows_level_and_space_puts_an_exercise_in_the_plan(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        assert isinstance(app.screen, LibraryScreen)
        app.screen.select_exercise("seated-reach")
        await pilot.pause()
        detail = app.screen.query_one(ExerciseDetail).text
        assert "Not in your plan (space puts it in)" in detail
        assert "Level 1 of 5" in detail
        await pilot.press("space")
        assert "seated-reach" in store.saved_plan().exercise_ids
        assert "In your plan (space takes it out)" in app.screen.query_one(ExerciseDetail).text


async def test_import_a_plan_file_from_the_plan_screen(make_app, store, tmp_path):
    path = tmp_path / "physio.toml"
    path.write_text('target_minutes = 25\nnote = "From the clinic"\n\n'
                    '[[exercise]]\nid = "toe-stretch"\nlevel = 2\n\n'
                    '[[exercise]]\nid = "walking"\n', encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text('[[exercise]]\nid = "walking"\nlevel = 99\n', encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_plan(pilot)
        await pilot.press("i")
        assert isinstance(app.screen, ImportPlanScreen)
        await pilot.press(*str(bad), "enter")
        message = text(app, "#import-message")
        assert "line 3" in message and "field 'level'" in message
        assert "Nothing was changed" in message
        assert store.saved_plan() is None

        app.screen.query_one("#import-path").value = ""
        app.screen.query_one("#import-path").focus()
        await pilot.press(*str(path), "enter")
        changes = text(app, "#import-changes")
        assert "Session length: about 15 → 25 minutes." in changes
        assert "Toe stretch: the coach's levels → kept at level 2." in changes
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        assert "From the clinic" in text(app, "#plan-summary")
    plan = store.saved_plan()
    assert plan.exercise_ids == ("toe-stretch", "walking") and plan.target_minutes == 25
    assert store.level_states()["toe-stretch"].cause == "plan"


async def test_plan_screen_fits_a_small_terminal(make_app):
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await open_plan(pilot)
        await pilot.press("down", "down", "space")
        assert app.screen.highlighted_id is not None
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, TodayScreen)


@pytest.mark.parametrize("exercises, today_says, plan_says", [
    (("toe-stretch",), "About 1 minute", "about 1 minute a session (you aim for 15)"),
    (None, "About 15 minutes", "about 15 minutes a session\n"),  # the default plan: 15
])
async def test_the_plan_says_todays_estimate_and_the_aim_as_an_aim(make_app, store, clock,
                                                                   exercises, today_says,
                                                                   plan_says):
    # Round 5: a one-exercise plan said "about 15 minutes a session" (its target) where
    # Today said "About 1 minute" (the estimate of what it holds).
    from neurocoach.coach.plan import Plan

    app = make_app()
    if exercises:
        store.save_plan(Plan(exercises, days_per_week=5, rest_days=(2, 6),
                             target_minutes=15), clock.now())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert today_says in text(app, "#today-meta")
        await open_plan(pilot)
        assert plan_says in text(app, "#plan-summary")


async def test_plan_summary_counts_one_exercise(make_app, store, clock):
    from neurocoach.coach.plan import Plan

    app = make_app()
    store.save_plan(Plan(("walking",), days_per_week=1, rest_days=(0, 1, 2, 3, 4, 5)),
                    clock.now())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_plan(pilot)
        summary = text(app, "#plan-summary")
        assert "1 exercise in turn" in summary and "1 day a week" in summary


@pytest.mark.parametrize("size, hint", [((40, 12), "Path of the .toml, then enter"),
                                        ((80, 24), "Path to the .toml file, then enter")])
async def test_the_import_dialogs_hint_is_read_whole_at_any_width(make_app, size, hint):
    # At 40 columns the hint lost its last word ("…, then"): a shorter one fits there.
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await open_plan(pilot)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ImportPlanScreen)
        field = app.screen.query_one("#import-path")
        shown = [strip.text.strip(" ▊▎▔▁") for strip in
                 field.render_lines(field.region.reset_offset)]
        assert hint in shown
