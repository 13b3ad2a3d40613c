"""Opening the coach makes today's rolling backup copy, private, once a day."""

from __future__ import annotations

import stat

from neurocoach.store.backup import daily_backups


async def test_opening_the_app_makes_todays_copy_once(make_app, store, clock):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    copies = daily_backups(store.path)
    assert [day for day, _ in copies] == [clock.today()]
    assert stat.S_IMODE(copies[0][1].stat().st_mode) == 0o600
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert len(daily_backups(store.path)) == 1
