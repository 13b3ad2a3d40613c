"""Opening the coach makes today's rolling backup copy, private, once a day: in a worker with
its own connection, the screen answering keys meanwhile; a failure is said in one line."""

from __future__ import annotations

import stat

from neurocoach.store.backup import daily_backups


async def test_opening_the_app_makes_todays_copy_once(make_app, store, clock):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
    copies = daily_backups(store.path)
    assert [day for day, _ in copies] == [clock.today()]
    assert stat.S_IMODE(copies[0][1].stat().st_mode) == 0o600
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await again.workers.wait_for_complete()
        await pilot.pause()
    assert len(daily_backups(store.path)) == 1


async def test_the_copy_is_made_in_a_worker_while_the_screen_answers_keys(
        make_app, store, clock, monkeypatch):
    import threading

    from neurocoach.store import exchange

    made_on, go_on = [], threading.Event()
    real = exchange.make_daily_backup

    def slow_copy(conn, db_path, today, *args, **kwargs):
        made_on.append((threading.get_ident(), conn))
        go_on.wait(10)
        return real(conn, db_path, today, *args, **kwargs)

    monkeypatch.setattr(exchange, "make_daily_backup", slow_copy)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("l")                           # keys work while it copies
        await pilot.pause()
        assert app.current_mode == "library"
        assert daily_backups(store.path) == []
        go_on.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [day for day, _ in daily_backups(store.path)] == [clock.today()]
        assert app.is_running and not app._notifications
    # On the worker's thread, through a connection of its own (not the App's).
    [(thread, conn)] = made_on
    assert thread != threading.get_ident() and conn is not store.conn


async def test_a_copy_that_cannot_be_made_is_said_in_one_line(make_app, store,
                                                               monkeypatch):
    from neurocoach.store import StoreError, exchange

    def full(*args, **kwargs):
        raise StoreError("could not write the daily backup: No space left on device.")

    monkeypatch.setattr(exchange, "make_daily_backup", full)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert said == ["Today's backup copy could not be made: could not write the daily "
                        "backup: No space left on device."]
        assert app.is_running


async def test_the_workers_connection_leaves_the_apps_locks_alone(make_app, store, clock):
    # The worker once opened the file the way `Store.open` does, reading its header with a
    # plain open() and close(): that drops every SQLite lock of the process on the file
    # (POSIX locks are per process), so another process's connection, closing, took itself
    # for the last one and deleted the WAL the App was still writing to. A check-in typed
    # next was then seen by the App alone, and by nothing else until it quit.
    import subprocess
    import sys

    from neurocoach.domain.models import Checkin

    def seen_elsewhere() -> list:
        code = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                "print(c.execute('SELECT pain FROM checkins').fetchall()); c.close()")
        out = subprocess.run([sys.executable, "-c", code, str(store.path)],
                             capture_output=True, text=True, check=True).stdout
        return eval(out)

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert daily_backups(store.path)
        assert seen_elsewhere() == []                    # another process comes and goes
        store.record_checkin(Checkin(day=clock.today(), pain=3, feet="ok"), clock.now())
        assert seen_elsewhere() == [(3,)]
        assert store.path.with_name(store.path.name + "-wal").exists()
