"""Thirty years of history (issue 17, figure 17): a screen opens on one read of what it
shows. Today's levels and the session enter opens are decided from one read of the
sessions' history while nothing is written in between."""

from __future__ import annotations

from textual.widgets import Static

from neurocoach.domain.models import Checkin


async def test_today_and_the_session_enter_opens_read_the_exercises_history_once(
        make_app, store, clock):
    """Today decides the levels (and stores today's changes); enter, with nothing written
    since, decides from the same reads, and the session it opens shows them from those
    too, in the same words (lead 1 of figure 17)."""
    from tests.tui.helpers import towel_curls_felt_right_three_times

    towel_curls_felt_right_three_times(store, clock)
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    app = make_app()
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert "Up a level: Towel toe curls" in str(
                app.screen.query_one("#today-notes", Static).render())
            await pilot.press("enter")
            await pilot.pause()
            session = app.screen
            while session.step.exercise_id != "towel-curls":
                await pilot.press("s")
            level = str(app.screen.query_one("#step-level", Static).render())
            assert "Level 2 of 5" in level
            assert "Up a level: 3 days felt right at the full dose." in level
            assert session.step.reps == 8
    finally:
        store.conn.set_trace_callback(None)
    history_reads = [s for s in statements if "json_extract(s.steps" in s]
    assert len(history_reads) == 1, history_reads


async def test_today_shown_again_with_nothing_written_reads_no_history_for_its_levels(
        make_app, store, clock):
    from neurocoach.store import Store
    from tests.tui.helpers import towel_curls_felt_right_three_times

    towel_curls_felt_right_three_times(store, clock)
    statements: list[str] = []
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        store.conn.set_trace_callback(statements.append)
        try:
            await pilot.press("l")
            await pilot.pause()
            statements.clear()  # the Library reads the level of the exercise it shows
            await pilot.press("t")
            await pilot.pause()
            notes = str(app.screen.query_one("#today-notes", Static).render())
            assert "Up a level: Towel toe curls" in notes
            assert [s for s in statements if "json_extract(s.steps" in s] == []
            # A check-in saved from the shell (another window) after Today was shown:
            # what enter decides from is read again, not taken from the view on screen.
            other = Store.open(store.path)
            other.record_checkin(Checkin(day=clock.today(), pain=2, feet="ok"), clock.now())
            other.close()
            statements.clear()
            await pilot.press("enter")
            await pilot.pause()
        finally:
            store.conn.set_trace_callback(None)
    assert store.checkin_for(clock.today()) is not None
    assert [s for s in statements if "json_extract(s.steps" in s] != []
