"""Showing a figure is a read: opening Today and Progress on a long history writes nothing
into the store (the streak checkpoint is kept when a check-in or a session is written,
never when the streak is shown; round 5's note: "the streak checkpoint is written on a
read")."""

from __future__ import annotations

import datetime as dt
import sqlite3

from neurocoach.domain.models import Entry, Profile, Step
from neurocoach.services.adherence import streak_now
from neurocoach.tui.screens.progress import ProgressScreen

PROFILE = Profile(birth_year=1961, days_per_week=7, rest_days=())


def trained_every_day(store, today: dt.date, days: int) -> None:
    """`days` days in a row, each with a ten-minute walk done, up to yesterday: no missed
    day, so the whole history is walked for the longest streak."""
    with store.fast_writes():
        for back in range(days, 0, -1):
            day = today - dt.timedelta(days=back)
            at = dt.datetime.combine(day, dt.time(9), tzinfo=dt.timezone.utc)
            record = store.start_session(day, [Step("walking", minutes=10)], at)
            store.log_entry(record.id, Entry(0, "walking", "done", seconds=600))


def writes_seen(path):
    """A second connection: its `data_version` moves when any other connection commits."""
    conn = sqlite3.connect(path)
    first = conn.execute("PRAGMA data_version").fetchone()[0]
    return lambda: conn.execute("PRAGMA data_version").fetchone()[0] != first


async def test_opening_today_and_progress_writes_nothing(make_app, store, clock, db_path):
    today = clock.today()
    trained_every_day(store, today, 900)
    app = make_app(profile=PROFILE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()  # the first Today records each exercise's starting level
    store.conn.execute("DELETE FROM streak_checkpoint")  # none kept by an earlier read
    written = writes_seen(db_path)
    app = make_app(onboarded=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        summary = str(app.screen.query_one("#adherence-summary").render())
        assert "longest 900 days" in summary
    assert not written()
    assert store.conn.execute("SELECT count(*) FROM streak_checkpoint").fetchone()[0] == 0


def test_a_checkin_keeps_the_checkpoint_the_reads_then_use(store, clock):
    today = clock.today()
    trained_every_day(store, today, 900)
    store.save_profile(PROFILE, clock.now())
    from neurocoach.domain.models import Checkin
    from neurocoach.services.adherence import keep_streak_checkpoint
    from neurocoach.services.checkin import record_checkin

    record_checkin(store, Checkin(day=today, pain=2, feet="ok"), clock.now())
    through = store.conn.execute("SELECT through FROM streak_checkpoint").fetchone()[0]
    assert through < (today - dt.timedelta(days=400)).isoformat()
    assert streak_now(store, today).longest == 900
    keep_streak_checkpoint(store, today)  # again the same day: nothing to move on
    assert store.conn.execute("SELECT through FROM streak_checkpoint").fetchone()[0] == through
