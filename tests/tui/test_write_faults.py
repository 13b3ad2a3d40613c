"""The DB stops taking writes mid-session: the person is told, nothing saved is lost."""

from __future__ import annotations

import pytest

from neurocoach.models import Entry, Step
from neurocoach.store import StoreError
from neurocoach.tui.screens.session import SessionScreen
from neurocoach.tui.widgets.countdown import Countdown


@pytest.fixture(autouse=True)
def manual_timer(monkeypatch):
    monkeypatch.setattr(Countdown, "auto_tick", False)


async def test_unwritable_mid_session_tells_and_keeps_the_place(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", "enter")
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        record_id = screen.record.id
        store.conn.execute("PRAGMA query_only = ON")      # the file stops taking writes
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert "Step 3 of" in str(screen.query_one("#step-count").render())
        messages = [n.message for n in app._notifications]
        assert any("Not saved" in m and "safe" in m for m in messages), messages
        store.conn.execute("PRAGMA query_only = OFF")     # space again: carry on
        await pilot.press("enter")
        assert "Step 4 of" in str(screen.query_one("#step-count").render())
    saved = store.session(record_id)
    assert sorted(saved.entries) == [0, 1, 2]


def test_disk_full_is_a_store_error_and_keeps_earlier_rows(store, clock):
    record = store.start_session(clock.today(), [Step("walking")] * 400, clock.now())
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreError, match="full"):
        for i in range(400):
            store.log_entry(record.id, Entry(i, "walking", "done", logged_at="x" * 200))
    kept = len(store.session(record.id).entries)
    assert kept > 0
    store.conn.execute("PRAGMA max_page_count = 1073741823")
    assert len(store.session(record.id).entries) == kept
