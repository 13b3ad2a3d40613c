"""The session changes only the lines a key changes, and lays the screen out again only
when a line's size changes (the keys-per-second budget, issue 9)."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from neurocoach.tui.screens.session import SessionScreen
from neurocoach.tui.widgets.countdown import Countdown


@pytest.fixture(autouse=True)
def manual_timer(monkeypatch):
    monkeypatch.setattr(Countdown, "auto_tick", False)


def lines(screen) -> dict[str, str]:
    return {w.id: str(w.render()) for w in screen.query(Static) if w.id}


@pytest.fixture
def updates(monkeypatch):
    """The ids of the Statics updated, and whether each asked for a layout."""
    seen: list[tuple[str, bool]] = []
    original = Static.update

    def update(self, content="", *, layout=True):
        seen.append((self.id, layout))
        return original(self, content, layout=layout)

    monkeypatch.setattr(Static, "update", update)
    return seen


async def test_plus_and_minus_change_only_the_dose_and_the_counter(make_app, updates, store,
                                                                  clock):
    """+ / - change the counter and the "Dose:" line that says the same amount; nothing
    else is updated, and neither line asks for a layout."""
    from neurocoach.coach.plan import Plan

    app = make_app()
    store.save_plan(Plan(("toe-stretch", "towel-curls")), clock.now())  # a hold comes first
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        before = lines(screen)
        updates.clear()
        await pilot.press("plus")
        await pilot.pause()
        assert updates == [("step-dose", False), ("step-counter", False)]
        after = lines(screen)
        assert {k for k in after if after[k] != before[k]} == {"step-dose", "step-counter"}
        updates.clear()
        await pilot.press("minus")
        await pilot.pause()
        assert lines(screen) == before


async def test_a_line_that_grows_still_gets_its_room(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        status = screen.query_one("#session-status", Static)
        screen.say("One line.")
        await pilot.pause()
        assert status.size.height == 1
        screen.say("A message long enough to wrap onto a second line at eighty columns, "
                   "as some of the session's messages do.")
        await pilot.pause()
        assert status.size.height == 2
        screen.say("One line again.")
        await pilot.pause()
        assert status.size.height == 1


async def test_moving_between_steps_shows_each_step_whole(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        first = lines(screen)
        await pilot.press("s")
        await pilot.pause()
        second = lines(screen)
        assert second["step-count"].startswith("Step 2 of")
        await pilot.press("b")
        await pilot.pause()
        back = lines(screen)
        assert back == {**first, "session-status": back["session-status"]}
