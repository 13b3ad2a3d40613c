"""Scrolling keys typed in one burst (a laggy SSH link, a key held down) each move the page
a line, as when they come one at a time: Textual's own scroll waits for the next refresh
and reads the same target for every key of one read, so five `j` moved three lines."""

from __future__ import annotations

import datetime as dt

import pytest
from textual import events

from neurocoach.domain.models import Checkin, Profile
from neurocoach.tui.screens.help import HelpScreen
from neurocoach.tui.screens.plan import PlanScreen
from neurocoach.tui.screens.progress import ProgressScreen

MON = dt.date(2026, 11, 23)


async def burst(app, pilot, keys: list[str]) -> None:
    for key in keys:
        app.post_message(events.Key(key, None))
    await pilot.pause()
    await app.animator.wait_until_complete()
    await pilot.pause()


@pytest.mark.parametrize("down, up", [("j", "k"), ("down", "up")])
async def test_progress_scrolls_a_line_a_key(make_app, store, down, up):
    for back in range(1, 30):
        day = MON - dt.timedelta(days=back)
        store.record_checkin(Checkin(day=day, pain=back % 7, feet="ok"),
                             dt.datetime(day.year, day.month, day.day, 9,
                                         tzinfo=dt.timezone.utc))
    app = make_app(profile=Profile(birth_year=1961, days_per_week=5, rest_days=(2, 6)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        page = app.screen.query_one("#progress")
        assert page.max_scroll_y > 10
        await burst(app, pilot, [down] * 5)
        assert page.scroll_y == 5
        await burst(app, pilot, [up] * 3)
        assert page.scroll_y == 2


async def test_help_scrolls_a_line_a_key_at_40_by_12(make_app):
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("t", "m")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = app.screen.query_one("#help-keys")
        assert keys.max_scroll_y >= 4
        await burst(app, pilot, ["down"] * 4)
        assert keys.scroll_y == 4


async def test_the_key_barrier_asks_only_the_widgets_a_key_reaches(make_app, monkeypatch):
    """The barrier waits only on widgets with something left to do: the key's path and what
    its handling posted to. Issue 17: it pinged every widget of the screen (the header's
    parts, the footer's nine keys, the find box) at every key, about 25 callbacks for a
    cursor move in the Library, a millisecond of CPU a key."""
    from textual.widgets import Header, Input

    from neurocoach.tui import keys
    from neurocoach.tui.widgets.footer import Footer

    asked: list = []
    drained = keys._drained

    async def counted(widgets, timeout):
        asked.extend(widgets)
        await drained(widgets, timeout)

    monkeypatch.setattr(keys, "_drained", counted)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        screen = app.screen
        untouched = {*screen.query(Header), *screen.query(Header).first().walk_children(),
                     *screen.query(Footer), *screen.query(Footer).first().walk_children(),
                     *screen.query(Input)}
        before = screen.query_one("#exercise-list").highlighted
        asked.clear()
        await burst(app, pilot, ["j"] * 5)
        assert screen.query_one("#exercise-list").highlighted >= before + 5
    assert len(untouched) >= 6  # the header's four, the footer (one widget), the find box
    assert not untouched & set(asked), sorted({type(w).__name__ for w in untouched & set(asked)})
    assert len(asked) <= 5 * 6, [type(w).__name__ for w in asked]


async def test_the_session_step_scrolls_a_line_a_key(make_app, store, clock):
    """The session's step body is a Page too: five `down` in one read scroll it five lines
    (Textual's deferred scroll moved it by two or three), three `up` bring it back three."""
    from neurocoach.coach.plan import Plan
    from neurocoach.tui.screens.session import SessionScreen

    store.save_plan(Plan(("plantar-roll",)), clock.now())  # long cues and steps: the body scrolls
    app = make_app()
    async with app.run_test(size=(80, 16)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        body = app.screen.query_one("#step-body")
        assert app.focused is body and body.max_scroll_y >= 5
        await burst(app, pilot, ["down"] * 5)
        assert body.scroll_y == 5
        await burst(app, pilot, ["up"] * 3)
        assert body.scroll_y == 2


async def test_the_key_barrier_queues_callbacks_textual_need_not_inspect(make_app,
                                                                        monkeypatch):
    """The barrier queues a callback on every widget at every key: Textual inspected each
    one's signature (a new lambda each time), a third of a millisecond a key on a session."""
    from textual import _callback

    from neurocoach.tui import keys

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        inspected = []
        count = _callback._count_parameters
        monkeypatch.setattr(_callback, "_count_parameters",
                            lambda func: inspected.append(func) or count(func))
        widgets = [app, *app.screen.walk_children(with_self=True)]
        await keys._drained(widgets, 1.0)
        monkeypatch.undo()
    assert len(widgets) > 5 and inspected == []


async def test_library_detail_scrolls_a_line_a_key(make_app):
    """The Library's detail pane, focused (enter on an exercise), scrolls a line for each
    `down` or `up` of one burst, as Progress and help do (it moved two or three)."""
    from neurocoach.tui.screens.library import LibraryScreen
    from neurocoach.tui.widgets.exercise_detail import ExerciseDetail

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        pane = app.screen.query_one(ExerciseDetail)
        assert app.focused is pane
        assert pane.max_scroll_y >= 8
        await burst(app, pilot, ["down"] * 5)
        assert pane.scroll_y == 5
        await burst(app, pilot, ["up"] * 3)
        assert pane.scroll_y == 2
