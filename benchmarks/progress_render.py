"""How long Progress takes to open with ten years of history, against an empty DB.

    python benchmarks/progress_render.py [--runs 15] [--years 10]

Builds two DBs in a temporary folder — one with `years` of daily history (make_history.py,
deterministic) and one with only a profile — then, alternating between them so drift in
the machine hits both alike, starts the App in-process at 80×24 on a fake clock, presses
`p` and waits until Progress is mounted and painted. Prints the medians and their ratio
(the target is at most 1.5×). Timings are only ever reported here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_history import TODAY, make_history  # noqa: E402

from neurocoach.clock import FakeClock  # noqa: E402
from neurocoach.domain.models import Profile  # noqa: E402
from neurocoach.store import Store  # noqa: E402
from neurocoach.tui.app import NeurocoachApp  # noqa: E402
from neurocoach.tui.screens.progress import ProgressScreen  # noqa: E402


def _clock() -> FakeClock:
    return FakeClock(dt.datetime(TODAY.year, TODAY.month, TODAY.day, 9, 0,
                                 tzinfo=dt.timezone.utc))


async def render_once(path: Path) -> tuple[float, float]:
    """(seconds from `p` to Progress painted, seconds from App start to the same)."""
    store = Store.open(path)
    try:
        app = NeurocoachApp(store=store, clock=_clock())
        app.animation_level = "none"
        started = time.perf_counter()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            pressed = time.perf_counter()
            await pilot.press("p")
            await pilot.pause()
            assert isinstance(app.screen, ProgressScreen), app.screen
            await pilot.wait_for_scheduled_animations()
            done = time.perf_counter()
        return done - pressed, done - started
    finally:
        store.close()


async def main_async(runs: int, years: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        full, empty = Path(tmp) / "ten-years.db", Path(tmp) / "empty.db"
        built = time.perf_counter()
        store = Store.open(full)
        counts = make_history(store, years=years)
        store.close()
        print(f"history: {counts} in {time.perf_counter() - built:.1f} s, "
              f"{full.stat().st_size / 1e6:.1f} MB")
        store = Store.open(empty)
        store.save_profile(Profile(birth_year=TODAY.year - 64), _clock().now())
        store.close()

        for path in (empty, full):  # warm-up: imports, CSS parsing, first-use caches
            await render_once(path)
        timings: dict[Path, list[tuple[float, float]]] = {empty: [], full: []}
        for _ in range(runs):
            for path in (empty, full):
                timings[path].append(await render_once(path))

    def median(path: Path, i: int) -> float:
        return statistics.median(t[i] for t in timings[path])

    for i, what in enumerate(("p → Progress painted", "App start → Progress painted")):
        e, f = median(empty, i), median(full, i)
        print(f"{what:<30} empty {e * 1000:7.1f} ms   {years} years {f * 1000:7.1f} ms   "
              f"ratio {f / e:.2f}×  (median of {runs})")
    ratio = median(full, 0) / median(empty, 0)
    print(f"target ≤ 1.5×: {'met' if ratio <= 1.5 else 'NOT met'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args(argv)
    return asyncio.run(main_async(args.runs, args.years))


if __name__ == "__main__":
    raise SystemExit(main())
