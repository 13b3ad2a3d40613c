"""Light on the link (issue 17): screens are born with their content (no fill-in after the
first frame), and start-up garbage is frozen after the first paint."""

from __future__ import annotations

import datetime as dt
import gc

from textual.widgets import Static

from neurocoach.domain.models import Checkin
from neurocoach.tui.screens.progress import ProgressScreen


async def test_progress_reads_its_data_once_and_never_fills_in_after_mounting(
        make_app, store, clock, monkeypatch):
    from neurocoach.tui.screens import progress

    store.record_checkin(Checkin(day=clock.today() - dt.timedelta(days=1), pain=3, feet="ok"),
                         clock.now())
    loads = []
    real = progress.load_adherence
    monkeypatch.setattr(progress, "load_adherence",
                        lambda *a: loads.append(1) or real(*a))
    updates = []
    real_update = Static.update

    def update(self, *args, **kwargs):
        if isinstance(self.screen, ProgressScreen):
            updates.append(self.id)
        return real_update(self, *args, **kwargs)

    monkeypatch.setattr(Static, "update", update)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        assert "Streak" in str(app.screen.query_one("#adherence-summary", Static).render())
        assert "Pain" in str(app.screen.query_one("#symptoms", Static).render())
        await pilot.press("t", "p")  # back again, nothing new: nothing read or redrawn
        await pilot.pause()
    assert loads == [1]
    assert [u for u in updates if u and not u.startswith("footer")] == []


async def test_start_up_objects_are_frozen_after_the_first_paint_and_collection_goes_on(
        make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert gc.get_freeze_count() > 0
        assert gc.isenabled()
    gc.unfreeze()


def test_the_calendar_paints_runs_of_one_style_not_a_style_per_day():
    from textual.content import Content

    from neurocoach.coach.stats import DONE, MISSED
    from neurocoach.tui.widgets.calendar import calendar_markup

    today = dt.date(2026, 11, 30)                     # a Monday
    first = today - dt.timedelta(weeks=25)
    states = {first + dt.timedelta(days=i): DONE for i in range(26 * 7)}
    states[today - dt.timedelta(days=3)] = MISSED      # one Friday missed
    lines = Content.from_markup(calendar_markup(states, first, 26, today)).split("\n")
    friday = lines[5]
    assert friday.plain == "Fri " + "● " * 24 + "× ●"
    assert len(friday.spans) == 3                    # done, the miss, done: three runs
    tuesday = lines[2]
    assert len(tuesday.spans) == 1 and tuesday.plain == "Tue " + " ".join("●" * 26)


async def test_no_collection_runs_while_a_screen_opens_and_a_full_one_runs_after_its_paint(
        make_app, monkeypatch):
    """Issue 17: no collection lands inside a screen's opening (from the key to its first
    frame); the one put off runs in full once its frames have stopped, so the next screen
    starts afresh."""
    from neurocoach.tui.app import NeurocoachApp

    events: list[tuple[str, object]] = []

    def collected(phase, info):
        if phase == "stop":
            events.append(("gc", info["generation"]))

    real_display = NeurocoachApp._display

    def display(self, screen, renderable):
        if renderable is not None:
            events.append(("frame", type(screen).__name__))
        return real_display(self, screen, renderable)

    monkeypatch.setattr(NeurocoachApp, "_display", display)
    walk = [("p", "ProgressScreen"), ("l", "LibraryScreen"), ("question_mark", "HelpScreen"),
            ("escape", "LibraryScreen"), ("t", "TodayScreen"), ("c", "CheckinScreen"),
            ("escape", "TodayScreen"), ("enter", "SessionScreen")]
    app = make_app()
    gc.callbacks.append(collected)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            for key, screen in walk:
                events.clear()
                await pilot.press(key)
                for _ in range(100):  # until the put-off collection has run
                    if ("gc", 2) in events:
                        break
                    await pilot.pause(0.05)
                assert type(app.screen).__name__ == screen
                opened = events.index(("frame", screen))
                assert [e for e in events[:opened] if e[0] == "gc"] == [], (key, events)
                assert ("gc", 2) in events[opened:], (key, events)
                swept = events.index(("gc", 2))  # once the opening's frames stopped
                assert ("frame", screen) not in events[swept:], (key, events)
                assert gc.isenabled()
            app.hold_garbage()  # a key that meant to open a screen and did not
            await pilot.pause()
            assert gc.isenabled()
    finally:
        gc.callbacks.remove(collected)
        gc.unfreeze()


async def test_each_screen_is_written_to_the_terminal_in_one_frame(make_app, monkeypatch):
    """Issue 17: a screen opened is one write to the terminal. Progress and the Library
    went out in two (the layout's partial update, then a whole repaint with the footer
    and the borders), the check-in in two (its first row lit only after the first).
    Each frame is taken as the App would write it (only the cells that change)."""
    import re

    from textual.app import App

    from neurocoach.tui.terminal import TerminalModel, changed_cells

    model = TerminalModel()
    written: list[tuple[str, str]] = []

    def write(app, screen, renderable) -> None:  # Textual's _display, as on a terminal
        if renderable is None or app._batch_count:
            return
        text = changed_cells(renderable, model, *app.size).render_segments(app.console)
        if re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", text):  # more than cursor moves
            written.append((type(screen).__name__, text))

    monkeypatch.setattr(App, "_display", write)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for keys, name in [("p", "ProgressScreen"), ("l", "LibraryScreen"),
                           ("question_mark", "HelpScreen"), ("escape", "LibraryScreen"),
                           ("t", "TodayScreen"), ("c", "CheckinScreen"),
                           ("escape", "TodayScreen"), ("enter", "SessionScreen")]:
            written.clear()
            await pilot.press(keys)
            await pilot.pause()
            await pilot.pause()
            assert type(app.screen).__name__ == name
            assert [screen for screen, _ in written] == [name], (keys, written)
