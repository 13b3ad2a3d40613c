"""Two windows on one DB (two SSH sessions), logging at once: nothing lost, no lock errors."""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp

from neurocoach.domain.models import Checkin, Entry, Step
from neurocoach.store import Store

WRITES = 1500
T0 = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)


def writer(path: str, name: str, start, errors) -> None:
    store = Store.open(path)
    start.wait()
    try:
        record = store.start_session(T0.date(), [Step("walking")] * WRITES, T0)
        for i in range(WRITES):
            store.log_entry(record.id, Entry(i, "walking", "done", logged_at=name))
            if i % 100 == 0:
                day = T0.date() - dt.timedelta(days=i // 100 + (0 if name == "a" else 50))
                store.record_checkin(Checkin(day=day, pain=i % 11, feet="ok"), T0)
    except Exception as exc:  # pragma: no cover - reported to the test
        errors.put(f"{name}: {exc!r}")
    finally:
        store.close()


def test_two_processes_log_thousands_of_steps_at_once(db_path):
    Store.open(db_path).close()
    ctx = mp.get_context("spawn")
    start, errors = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=writer, args=(str(db_path), n, start, errors)) for n in "ab"]
    for p in procs:
        p.start()
    start.set()
    for p in procs:
        p.join(timeout=240)
        assert p.exitcode == 0
    assert errors.empty(), errors.get()
    store = Store.open(db_path)
    counts = dict(store.conn.execute("SELECT logged_at, count(*) FROM entries GROUP BY logged_at"))
    assert counts == {"a": WRITES, "b": WRITES}
    assert store.conn.execute("SELECT count(*) FROM checkins").fetchone()[0] == 2 * (WRITES // 100)
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
