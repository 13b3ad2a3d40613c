"""The exercise drawing on screen: it moves with the clock, holds during a hold, stops
when asked (and stays stopped), hides where there is no room, and falls back to ASCII."""

from __future__ import annotations

import pytest

from neurocoach.domain.models import Step
from neurocoach.tui.screens.session import SessionScreen
from neurocoach.tui.widgets.countdown import Countdown
from neurocoach.tui.widgets.figure import ExerciseFigure, braille_ok


@pytest.fixture(autouse=True)
def manual_timers(monkeypatch):
    """The drawing and the countdown only move when the test moves the fake clock."""
    monkeypatch.setattr(Countdown, "auto_tick", False)
    monkeypatch.setattr(ExerciseFigure, "auto_tick", False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_CTYPE", raising=False)


async def open_session(app, pilot, store, clock, steps):
    record = store.start_session(clock.today(), steps, clock.now())
    app.push_screen(SessionScreen(record))
    await pilot.pause()
    return app.screen.query_one("#step-figure", ExerciseFigure)


async def test_the_drawing_steps_through_its_poses_once_a_second(make_app, store, clock):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        figure = await open_session(app, pilot, store, clock,
                                    [Step("ankle-circles", "left", reps=10)])
        assert figure.display and figure.figure.exercise == "ankle-circles"
        first = figure.text
        assert first.strip() and any("\u2800" < c <= "\u28ff" for c in first)
        shown = []
        for _ in range(4):
            shown.append((figure.pose_index, figure.text))
            clock.advance(seconds=1)
            figure.tick()
            await pilot.pause()
        assert [i for i, _ in shown] == [0, 1, 2, 0]
        assert shown[1][1] != first and shown[3][1] == first


async def test_a_running_hold_shows_the_end_pose_still(make_app, store, clock):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        figure = await open_session(app, pilot, store, clock,
                                    [Step("calf-stretch", "left", seconds=30, sets=2)])
        await pilot.press("space")                       # the hold starts
        assert app.screen.query_one(Countdown).running
        end = len(figure.figure.poses) - 1
        for _ in range(3):
            clock.advance(seconds=1)
            figure.tick()
            assert figure.pose_index == end
        await pilot.press("space")                       # paused: it shows the movement
        assert figure.pose_index == 0


async def test_a_switches_the_movement_off_and_the_profile_keeps_it(make_app, store, clock):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        figure = await open_session(app, pilot, store, clock,
                                    [Step("walking", minutes=10)])
        await pilot.pause()
        offered = {b.binding.description for b in app.screen.active_bindings.values()
                   if b.binding.show}
        assert "Movement" in offered         # in the footer where it fits, in ? help always
        await pilot.press("a")
        assert not store.movement()
        clock.advance(seconds=1)
        figure.tick()
        assert figure.pose_index == 0 and not figure.animating
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        figure = await open_session(app, pilot, store, clock, [Step("walking", minutes=10)])
        clock.advance(seconds=1)
        figure.tick()
        assert figure.pose_index == 0                    # still, after a restart too
        await pilot.press("a")
        assert store.movement()
        clock.advance(seconds=1)
        figure.tick()
        assert figure.pose_index == 1


async def test_no_drawing_at_40x12(make_app, store, clock):
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        figure = await open_session(app, pilot, store, clock,
                                    [Step("ankle-circles", "left", reps=10)])
        assert not figure.display
        assert "Step 1 of 1" in str(app.screen.query_one("#step-count").render())


async def test_lang_c_gets_a_plain_ascii_drawing(make_app, store, clock, monkeypatch):
    monkeypatch.setenv("LANG", "C")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        figure = await open_session(app, pilot, store, clock,
                                    [Step("ankle-circles", "left", reps=10)])
        assert figure.text.strip() and figure.text.isascii()


async def test_the_library_detail_shows_the_drawing(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        figure = app.screen.query_one("#detail-figure", ExerciseFigure)
        assert figure.display and figure.figure.exercise == "calf-stretch"
        await pilot.press("j")
        await pilot.pause()
        assert figure.figure.exercise == "toe-stretch"


def test_braille_needs_a_utf8_locale():
    assert braille_ok({"LANG": "en_GB.UTF-8"})
    assert braille_ok({"LC_ALL": "C.utf8", "LANG": "C"})
    assert not braille_ok({"LANG": "C"})
    assert not braille_ok({"LC_ALL": "POSIX", "LANG": "en_GB.UTF-8"})
    assert not braille_ok({})


async def _progress_with_falling_pain(make_app, store, clock, size):
    import datetime as dt

    from neurocoach.domain.models import Checkin
    from neurocoach.tui.widgets.symptom_chart import SymptomCharts

    today = clock.today()
    for back in range(60, 0, -1):
        day = today - dt.timedelta(days=back)
        store.record_checkin(Checkin(day=day, pain=7 if back > 30 else 2, feet="ok"),
                             clock.now())
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("p")
        await pilot.pause()
        charts = app.screen.query_one(SymptomCharts)
        return charts.text, charts.size.height


async def test_progress_draws_the_pain_chart_with_its_mark_where_there_is_room(
        make_app, store, clock):
    text, height = await _progress_with_falling_pain(make_app, store, clock, (80, 24))
    assert "Pain" in text and "meaningful: better" in text and height >= 4
    assert any("\u2800" < c <= "\u28ff" for c in text)


async def test_progress_at_40x12_has_no_chart_and_keeps_the_trend_line(make_app, store, clock):
    _, height = await _progress_with_falling_pain(make_app, store, clock, (40, 12))
    assert height == 0
