"""Figure 17's walk in-process (issue 17): CPU to open each screen, an empty DB against a
long history, for quick A/B work; or a cProfile of one step of the walk.

    python benchmarks/thirty_screens.py EMPTY.db FULL.db [runs]
    python benchmarks/thirty_screens.py EMPTY.db FULL.db profile STEP [cumulative|tottime [ROWS]]

Make the DBs once (the same generator and profile as benchmarks/link.py's):

    python benchmarks/thirty_screens.py --make /tmp/empty.db /tmp/thirty.db

STEP is one of launch, check-in, back, Progress, Library, help, back2, Today, session.
Each run opens a fresh copy of each DB (the session writes), at 80×24 on a fake clock,
and waits for the launch's worker (the daily copy, then the streak checkpoint) before
walking. CPU is the process's, all threads: `launch` also counts what that worker did
during the first pauses after the first paint. The time is the App's work only: the pty figures (run.py) also carry the
terminal's bytes. Put an older tree first on PYTHONPATH to measure it the same way.
"""

import asyncio
import cProfile
import datetime as dt
import os
import pstats
import shutil
import statistics
import sys
import tempfile
import time

from neurocoach.clock import FakeClock
from neurocoach.store import Store

TODAY = dt.date(2026, 11, 23)
WALK = [("check-in", "c"), ("back", "escape"), ("Progress", "p"), ("Library", "l"),
        ("help", "question_mark"), ("back2", "escape"), ("Today", "t"), ("session", "enter")]
STEPS = ["launch"] + [name for name, _ in WALK]


def make(empty: str, full: str) -> None:
    from neurocoach.catalog import load_catalog
    from neurocoach.services.demo import demo_profile, generate_history

    end = TODAY - dt.timedelta(days=1)
    store = Store.open(full)
    print(generate_history(store, load_catalog(), end, 10950, 2026))
    store.close()
    store = Store.open(empty)
    store.save_profile(demo_profile(end), dt.datetime(1996, 12, 1, 8, tzinfo=dt.timezone.utc))
    store.close()


async def walk(path: str, folder: str, step: str | None = None,
               prof: cProfile.Profile | None = None) -> dict[str, float]:
    from neurocoach.tui.app import NeurocoachApp

    copy = os.path.join(folder, os.path.basename(path))
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(copy + suffix):
            os.remove(copy + suffix)
    shutil.copyfile(path, copy)
    store = Store.open(copy)
    app = NeurocoachApp(store=store, clock=FakeClock(
        dt.datetime(TODAY.year, TODAY.month, TODAY.day, 9, tzinfo=dt.timezone.utc)))
    app.animation_level = "none"
    out: dict[str, float] = {}
    cpu = time.process_time()
    if prof and step == "launch":
        prof.enable()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        if prof and step == "launch":
            prof.disable()
        out["launch"] = time.process_time() - cpu
        await app.workers.wait_for_complete()
        await pilot.pause()
        for name, key in WALK:
            if prof and name == step:
                prof.enable()
            cpu = time.process_time()
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            out[name] = time.process_time() - cpu
            if prof and name == step:
                prof.disable()
    store.close()
    return out


def main() -> None:
    args = sys.argv[1:]
    if args[0] == "--make":
        make(*args[1:3])
        return
    empty, full = args[:2]
    with tempfile.TemporaryDirectory() as folder:
        if len(args) > 2 and args[2] == "profile":
            asyncio.run(walk(full, folder))  # warm-up: imports, caches
            prof = cProfile.Profile()
            asyncio.run(walk(full, folder, args[3], prof))
            pstats.Stats(prof).sort_stats(args[4] if len(args) > 4 else "cumulative") \
                .print_stats(int(args[5]) if len(args) > 5 else 45)
            return
        runs = int(args[2]) if len(args) > 2 else 5
        seen: dict[str, list[dict[str, float]]] = {empty: [], full: []}
        for i in range(runs + 1):  # the first round warms up
            for path in (empty, full):
                result = asyncio.run(walk(path, folder))
                if i:
                    seen[path].append(result)
    for name in STEPS:
        e = statistics.median(r[name] for r in seen[empty])
        f = statistics.median(r[name] for r in seen[full])
        print(f"{name:9s} empty {e * 1000:6.1f} ms  full {f * 1000:6.1f} ms  "
              f"ratio {f / e:.2f}  {1000 * (f - e):+.1f} ms")


if __name__ == "__main__":
    main()
