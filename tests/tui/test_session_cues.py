"""Every safety cue of every built-in exercise is on the session screen at 80x24, in sight."""

from __future__ import annotations

import pytest

from neurocoach.catalog import load_catalog
from neurocoach.coach.plan import Plan
from neurocoach.coach.session import step_cues
from neurocoach.tui.screens.session import SessionScreen

CATALOG = load_catalog()


@pytest.mark.parametrize("exercise_id", [e.id for e in CATALOG])
async def test_every_cue_of_the_step_is_in_sight(make_app, store, clock, exercise_id):
    exercise = CATALOG.get(exercise_id)
    app = make_app()
    store.save_plan(Plan((exercise_id,)), clock.now())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen) and screen.step.exercise_id == exercise_id
        safety = screen.query_one("#step-safety")
        shown = " ".join(str(safety.render()).split())
        cues = step_cues(exercise)
        assert len(cues) >= len(exercise.safety)
        for cue in cues:
            assert " ".join(f"! {cue}".split()) in shown, cue
        body = screen.query_one("#step-body")
        assert body.scroll_y == 0
        # wrapped, never cut: the whole block lies inside the visible part of the body
        assert safety.region.height == len(safety.render_lines(safety.region.reset_offset))
        assert body.region.contains_region(safety.region), (safety.region, body.region)
        assert screen.region.contains_region(safety.region)
