"""The look of Today, a session step, the check-in and the summary, pinned at 80×24."""

from __future__ import annotations

import pytest

from neurocoach.domain.models import Checkin
from neurocoach.tui.widgets.countdown import Countdown


@pytest.fixture(autouse=True)
def manual_timer(monkeypatch):
    monkeypatch.setattr(Countdown, "auto_tick", False)


def _quiet(app):
    app.animation_level = "none"
    app.cursor_blink = False
    return app


def test_today_80x24(snap_compare, make_app):
    assert snap_compare(_quiet(make_app()), terminal_size=(80, 24))


def test_today_after_sore_checkin_80x24(snap_compare, make_app, store, clock):
    store.record_checkin(Checkin(day=clock.today(), pain=3, feet="sore"), clock.now())
    assert snap_compare(_quiet(make_app()), terminal_size=(80, 24))


def test_session_hold_step_80x24(snap_compare, make_app):
    assert snap_compare(_quiet(make_app()), press=["enter"], terminal_size=(80, 24))


def test_session_reps_step_after_rating_80x24(snap_compare, make_app):
    keys = ["enter", "enter", "enter", "enter", "2", "plus"]
    assert snap_compare(_quiet(make_app()), press=keys, terminal_size=(80, 24))


def test_checkin_80x24(snap_compare, make_app):
    assert snap_compare(_quiet(make_app()), press=["c", "4", "enter"], terminal_size=(80, 24))


def test_welcome_80x24(snap_compare, make_app):
    assert snap_compare(_quiet(make_app(onboarded=False)), terminal_size=(80, 24))


def test_session_hold_running_shows_the_end_pose_80x24(snap_compare, make_app):
    # The toe stretch's hold has started: the drawing shows its end pose, still.
    assert snap_compare(_quiet(make_app()), press=["enter", "space"], terminal_size=(80, 24))


def test_session_drawing_second_pose_80x24(snap_compare, make_app, clock):
    async def step_and_one_second(pilot):
        from neurocoach.tui.widgets.figure import ExerciseFigure

        await pilot.press("enter")
        clock.advance(seconds=1)
        pilot.app.screen.query_one(ExerciseFigure).tick()
        await pilot.pause()

    assert snap_compare(_quiet(make_app()), run_before=step_and_one_second,
                        terminal_size=(80, 24))
