"""The session changes only the lines a key changes, and lays the screen out again only
when a line's size changes (the keys-per-second budget, issue 9)."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from neurocoach.tui.screens.session import SessionScreen
from neurocoach.tui.widgets.countdown import Countdown
from tests.tui.helpers import counted_layouts


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


def sugar_meds(store, clock, yes: bool):
    """A profile (for make_app) and a plan: a hold on each foot, then reps. On blood-sugar
    medicines, the first step's cues hold two more lines (the reminder)."""
    from neurocoach.coach.plan import Plan
    from neurocoach.coach.screening import QUESTIONS
    from neurocoach.domain.models import Profile, Screening

    store.save_plan(Plan(("toe-stretch", "towel-curls")), clock.now())
    answers = {q.field: "yes" if (q.field == "sugar_meds" and yes) else "no" for q in QUESTIONS}
    return Profile(screening=Screening(**answers))


async def test_a_step_change_lays_the_screen_out_at_most_once(make_app, store, clock):
    """Issue 17: enter, s and b laid the screen out twice (a line that took a new height in
    the first layout asked for a second one, for nothing: a line's size is its own). Now
    once; + / - / 2 / space lay nothing out."""
    app = make_app(profile=sugar_meds(store, clock, yes=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert "check your blood sugar" in str(screen.query_one("#step-safety").render())
        layouts = counted_layouts(screen)
        for key, most in [("plus", 0), ("minus", 0), ("space", 0), ("space", 0),
                          ("enter", 1), ("2", 0), ("b", 1), ("s", 1), ("b", 1),
                          ("enter", 1)]:
            layouts.clear()
            await pilot.press(key)
            await pilot.pause()
            assert len(layouts) <= most, (key, len(layouts))
        # to towel curls: taller cues, no timer: one layout for the step; the footer's keys
        # change too (no space), and the footer, one widget drawing its row, repaints
        # without a layout (Textual's, mounting its new keys, laid the screen out twice more)
        layouts.clear()
        await pilot.press("s")
        await pilot.pause()
        assert len(layouts) <= 1
        for line in screen.query(Static):  # every line got its room in that one layout
            assert line.size.height == len(line.render_lines(line.region.reset_offset)), line


async def test_a_step_change_where_no_line_changes_size_lays_nothing_out(make_app, store,
                                                                         clock):
    """Left foot to right foot of the same exercise: new words in lines of the same size
    ("Step 1 of 4" to "Step 2 of 4" included) are repainted, not laid out."""
    app = make_app(profile=sugar_meds(store, clock, yes=False))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        layouts = counted_layouts(screen)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.index == 1 and "right foot" in str(
            screen.query_one("#step-title", Static).render())
        assert layouts == []


async def test_leaving_the_first_step_redraws_no_more_than_a_kilobyte(make_app, store, clock,
                                                                      monkeypatch):
    """Issue 17, figure 15: at 80x24 no session key may send more than 1,024 bytes. The
    largest were the moves off and back onto the step the session opened on, where the
    start reminder (blood-sugar medicines) stood first among the cues: its two lines went
    and every cue and step below moved up two rows (about 1,100-1,200 bytes). Every other
    step now shows the signs of a low in those two lines: the cues below stay on their rows.
    Measured as the terminal gets it, through the app's changed-cells model
    (tui/terminal.py), frame to frame."""
    from rich.color import ColorSystem

    from neurocoach.tui.terminal import TerminalModel
    from neurocoach.tui.widgets.figure import ExerciseFigure

    monkeypatch.setattr(ExerciseFigure, "auto_tick", False)  # no drawing moves in between
    app = make_app(profile=sugar_meds(store, clock, yes=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        safety = screen.query_one("#step-safety", Static)
        assert "check your blood sugar" in str(safety.render())
        model = TerminalModel()
        model.reset(80, 24)

        def sent() -> int:
            frame = screen._compositor.render_update(full=True)
            return len(model.apply(frame, ColorSystem.EIGHT_BIT).encode())

        assert sent() > 2000  # the whole screen, once
        for key in ["enter", "b", "s", "b", "enter", "b"]:
            await pilot.press(key)
            await pilot.pause()
            assert sent() <= 1024, key  # 1,041-1,200 with the reminder's lines going
            first = str(safety.render()).split("\n! ")[0]
            if screen.index == 0:
                assert "check your blood sugar" in first
            else:
                assert "Shaky, sweaty or muddled?" in first and "stop (x)" in first


async def test_step_ten_gets_the_room_its_longer_count_needs(make_app):
    """A line of auto width is laid out again only when its width changes: "Step 9 of N"
    to "Step 10 of N" gets the column more, nothing cut off."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        count = screen.query_one("#step-count", Static)
        assert len(screen.record.steps) >= 10
        for _ in range(9):
            await pilot.press("s")
            await pilot.pause()
        shown = str(count.render())
        assert shown == f"Step 10 of {len(screen.record.steps)}"
        assert count.size.width == len(shown)
        assert count.region.right <= screen.size.width
