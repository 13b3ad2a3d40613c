"""Thirty years of history (issue 17, figure 17): a screen opens on one read of what it
shows. The store's own bookkeeping (the streak checkpoint, written while Progress reads
the streak) is not new data: it must not make Progress read and draw everything again."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Static

from neurocoach.domain.models import Checkin, Entry, Step
from neurocoach.tui.screens.progress import ProgressScreen


def years_of_walking(store, clock, years: int = 3) -> None:
    """A session of walking every other day for `years`, and a check-in a week."""
    today = clock.today()
    day = today - dt.timedelta(days=365 * years)
    with store.fast_writes():
        while day < today:
            at = dt.datetime.combine(day, dt.time(9), tzinfo=dt.timezone.utc)
            record = store.start_session(day, [Step("walking", minutes=10)], at)
            store.log_entry(record.id, Entry(0, "walking", "done", seconds=600))
            if day.weekday() == 0:
                store.record_checkin(Checkin(day=day, pain=3, feet="ok"), at)
            day += dt.timedelta(days=2)


async def test_progress_on_a_long_history_reads_once_though_the_streak_checkpoint_is_written(
        make_app, store, clock, monkeypatch):
    from neurocoach.tui.screens import progress

    years_of_walking(store, clock)
    assert store.conn.execute("SELECT count(*) FROM streak_checkpoint").fetchone()[0] == 0
    loads = []
    real = progress.load_adherence
    monkeypatch.setattr(progress, "load_adherence", lambda *a: loads.append(1) or real(*a))
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
        # The first opening on this history kept where the streak walk stands ...
        assert store.conn.execute("SELECT count(*) FROM streak_checkpoint").fetchone()[0] == 1
        await pilot.press("t", "p")
        await pilot.pause()
    # ... and that write did not make Progress read and draw itself a second time.
    assert loads == [1]
    assert [u for u in updates if u and not u.startswith("footer")] == []


def test_a_real_write_still_changes_the_data_stamp_after_a_checkpoint(store, clock):
    from neurocoach.services.adherence import streak_now

    years_of_walking(store, clock)
    before = store.data_stamp()
    streak_now(store, clock.today())  # writes the checkpoint: bookkeeping only
    assert store.conn.execute("SELECT count(*) FROM streak_checkpoint").fetchone()[0] == 1
    assert store.data_stamp() == before
    store.record_checkin(Checkin(day=clock.today(), pain=2, feet="ok"), clock.now())
    assert store.data_stamp() != before


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


async def test_the_streak_checkpoint_is_made_after_the_first_paint_not_in_progress(
        make_app, store, clock, monkeypatch):
    """Launch on a long history brings the checkpoint up to date while idle (in the daily
    backup's worker): the first Progress then walks only the days since it."""
    from neurocoach.services import adherence

    years_of_walking(store, clock)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert store.conn.execute("SELECT count(*) FROM streak_checkpoint").fetchone()[0] == 1
        walked = []
        real = adherence.day_states
        monkeypatch.setattr(adherence, "day_states",
                            lambda first, last, *a: walked.append((last - first).days)
                            or real(first, last, *a))
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        summary = str(app.screen.query_one("#adherence-summary", Static).render())
    assert walked and max(walked) < 500, walked  # never the three years
    expected = adherence.streak_now(store, clock.today())
    assert f"{expected.longest}" in summary, summary
