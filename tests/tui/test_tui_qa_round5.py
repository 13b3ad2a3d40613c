"""Found by QA on main in round 4 and left open: each test fails without its fix."""

from __future__ import annotations

import pytest

from neurocoach.tui.widgets.countdown import Countdown


@pytest.fixture(autouse=True)
def manual_timer(monkeypatch):
    monkeypatch.setattr(Countdown, "auto_tick", False)


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def footer_words(app) -> list[str]:
    return [b.binding.description for b in app.screen.active_bindings.values()
            if b.binding.show]


async def test_today_footer_says_resume_when_enter_resumes(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Start" in footer_words(app) and "Resume" not in footer_words(app)
        await pilot.press("enter", "enter", "escape")        # one step done, then away
        await pilot.pause()
        assert "enter resumes at step 2" in text(app, "#today-meta")
        assert "Resume" in footer_words(app) and "Start" not in footer_words(app)
        await pilot.press("enter")                          # and enter does resume
        assert app.screen.record.id == store.latest_session().id
        assert text(app, "#step-count").startswith("Step 2 of")


def plan_rows(app) -> dict[str, str]:
    listing = app.screen.query_one("#plan-list")
    return {o.id: str(o.prompt) for o in listing.options if o.id}


@pytest.mark.parametrize("width", [40, 50])
async def test_a_narrow_plan_row_says_level_kept_and_plans_dose_in_words(make_app, store,
                                                                      clock, width):
    from neurocoach.domain.dose import Dose
    from neurocoach.domain.plan import ExerciseSettings
    from neurocoach.services.plan import person_plan, save_plan

    old = person_plan(store, make_app().catalog)
    new = old.with_settings("toe-stretch", ExerciseSettings(
        dose=Dose("hold", sets=2, seconds=20)))
    save_plan(store, old, new, clock.now())
    app = make_app()
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("down", "down", "plus")              # foot roll kept at level 2
        await pilot.pause()
        rows = plan_rows(app)
        assert rows["toe-stretch"].endswith(" plan's dose")
        assert rows["plantar-roll"].endswith(" level 2/2, kept")
        assert rows["calf-stretch"].endswith(" level 1/4")
        assert all(len(row) <= width - 7 for row in rows.values())  # each on its line


def palette_hits(app) -> list[str]:
    from textual.command import CommandList

    listing = app.screen.query_one(CommandList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def test_the_palette_finds_an_exercise_by_its_other_names(make_app):
    from neurocoach.tui.screens.library import LibraryScreen
    from neurocoach.tui.widgets.exercise_detail import ExerciseDetail

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p", *"tandem walk")
        await pilot.pause(0.3)  # the palette searches in a worker
        hits = palette_hits(app)
        assert hits[0].startswith("Show exercise: Heel-to-toe walk (tandem walk)"), hits
        assert any(h.startswith("Set the level of: Heel-to-toe walk") for h in hits)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert "Heel-to-toe walk" in app.screen.query_one(ExerciseDetail).text
        await pilot.press("ctrl+p", *"put calf raises")
        await pilot.pause(0.3)
        assert palette_hits(app)[0].startswith(
            "Put in my plan: Seated heel and toe lifts (calf raises)"), palette_hits(app)


async def test_at_40x12_the_stop_summary_shows_its_advice_first(make_app):
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("enter", "enter", "x", "2")            # stopped: chest pain
        await pilot.pause()
        advice = app.screen.query_one("#summary-advice")
        body = app.screen.query_one("#summary-body")
        assert "emergency" in str(advice.render())
        assert advice.region.y < body.region.y                   # read before the figures
        shown = app.screen.query_one("#summary").region
        assert shown.y <= advice.region.y and advice.region.y + 6 <= shown.bottom


async def test_digits_in_the_days_dialog_switch_rest_days_wherever_the_focus_is(make_app,
                                                                               store):
    from neurocoach.tui.screens.plan_dialogs import ScheduleScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m", "d", "3")                  # on the first row: Wednesday
        assert isinstance(app.screen, ScheduleScreen)
        assert app.screen.focused.id == "days"
        await pilot.press("down", "down", "1")            # on the session length: Monday
        assert app.screen.focused.id == "minutes"
        await pilot.press("up", "5")                      # on the rest days row: Friday
        await pilot.press("enter")
        await pilot.pause()
    rest = store.profile().rest_days
    assert set(rest) == {0, 4, 6}                          # Wed back to training; Mon, Fri, Sun
    assert store.profile().days_per_week == 4


async def test_a_balance_try_from_a_burst_is_not_a_hold_and_is_not_saved(make_app, store,
                                                                          clock):
    from neurocoach.domain.models import Checkin
    from neurocoach.tui.screens.progress import ProgressScreen

    store.record_checkin(Checkin(day=clock.today(), pain=2, feet="ok"), clock.now())
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "b", "space", "space")      # start and stop in one burst
        said = text(app, "#balance-status")
        assert "too short to be a hold" in said and "not counted" in said
        assert "0.0 s" not in text(app, "#balance-tries")
        await pilot.press("space", "enter")                # the same with save: nothing
        assert "Nothing to save yet" in text(app, "#balance-status")
        await pilot.press("space")                          # a real try still counts
        clock.advance(0.4)
        await pilot.press("space", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
    assert store.balance_history() == [(clock.today(), {"left": 0.4})]
