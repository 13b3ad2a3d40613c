"""The Library's cursor in-process (issue 17, figure 14's A/B): CPU per `j` (Pilot, 80×24,
30 moves after opening the Library) against the bare app, three times; or a cProfile of
the 30 moves.

    python benchmarks/make_history.py /tmp/ten.db --years 10
    python benchmarks/library_cursor.py /tmp/ten.db [cumulative|tottime [ROWS]]

Put an older tree first on PYTHONPATH to measure it with the same harness.
"""
import asyncio, sys, time, datetime as dt, cProfile, pstats, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from neurocoach.store import Store
from neurocoach.tui.app import NeurocoachApp
from neurocoach.clock import FakeClock
from bare_app import BareApp
N = 30
async def lib(prof=None):
    store = Store.open(sys.argv[1])
    app = NeurocoachApp(store=store, clock=FakeClock(dt.datetime(2026,11,23,9,tzinfo=dt.timezone.utc)))
    app.animation_level = "none"
    async with app.run_test(size=(80,24)) as pilot:
        await pilot.pause(); await pilot.press("l"); await pilot.pause(); await pilot.pause()
        if prof: prof.enable()
        c = time.process_time()
        for _ in range(N):
            await pilot.press("j")
        await pilot.pause()
        c = time.process_time() - c
        if prof: prof.disable()
    store.close()
    return c / N
async def bare():
    app = BareApp(); app.animation_level = "none"
    async with app.run_test(size=(80,24)) as pilot:
        await pilot.pause()
        c = time.process_time()
        for _ in range(N):
            await pilot.press("j")
        await pilot.pause()
        return (time.process_time() - c) / N
if len(sys.argv) > 2:
    p = cProfile.Profile(); asyncio.run(lib(p))
    pstats.Stats(p).sort_stats(sys.argv[2]).print_stats(int(sys.argv[3]) if len(sys.argv) > 3 else 45)
else:
    for i in range(3):
        print("lib %.1f ms  bare %.1f ms" % (asyncio.run(lib())*1000, asyncio.run(bare())*1000))
