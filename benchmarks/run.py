"""The performance budget (issue 9), measured as ratios against baselines run side by side.

    python benchmarks/run.py [--quick] [--write] [--only 1,5,...]

Builds its own data in a temporary folder — a DB with only a profile, and a deterministic
ten-year history (neurocoach.services.demo.generate_history, 3,650 days ending yesterday) —
then measures each figure against its baseline in the same invocation, alternating the
runs so that a noisy machine hits both alike, and prints the medians and their ratio
against the target. `--write` also records the table, with the machine, in
benchmarks/RESULTS.md (between its results markers; notes outside them are kept).

Launch and bytes run the installed `neurocoach` (from this Python's bin) in a real pty
(pexpect), read through a terminal emulator (pyte): `pip install -e '.[bench]'`.
Renders and key presses run in-process (App.run_test). Nothing here is a test: times are
reported, never asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import pexpect  # noqa: E402
import pyte  # noqa: E402

BIN = Path(sys.executable).parent
NEUROCOACH = str(BIN / "neurocoach") if (BIN / "neurocoach").exists() else shutil.which("neurocoach")
BARE_APP = [sys.executable, str(HERE / "bare_app.py")]
RESULTS = HERE / "RESULTS.md"
START, END = "<!-- results:start -->", "<!-- results:end -->"

COLS, ROWS = 80, 24
TODAY_PAINTED = ("About ",)
"""Today's last content line ("About 16 minutes · … · enter to start"); with the footer on
the bottom row (see Pty.painted), the first full frame has arrived."""
BARE_PAINTED = ("bare app ready",)
SEED, DAYS = 2026, 3650
ALL_FIGURES = range(1, 22)
"""Figure 21 is issue 18's moving drawing (it was 8 on its own branch; 8–20 are issue 17's)."""

# 200 keys through a session, net zero steps per cycle so the session never ends:
# adjust, start and pause the timer, done, rate, back, skip, back.
SESSION_CYCLE = ("plus", "minus", "plus", "space", "space", "enter", "2", "b", "s", "b")
SESSION_KEYS = SESSION_CYCLE * 20


# -- data --------------------------------------------------------------------------------
@dataclass
class Data:
    folder: Path
    empty: Path
    full: Path
    week: Path | None
    """Seven days of history: Progress with data, but none of the ten years' bulk."""
    today: dt.date
    summary: str

    def fresh_empty(self, name: str) -> Path:
        """A copy of the profile-only DB for a run that writes (a session)."""
        path = self.folder / f"{name}.db"
        path.unlink(missing_ok=True)
        shutil.copyfile(self.empty, path)
        return path


def build_data(folder: Path) -> Data:
    from neurocoach.catalog import load_catalog
    from neurocoach.store import Store

    today = dt.date.today()  # the installed app runs on the real clock
    end = today - dt.timedelta(days=1)
    now = dt.datetime.combine(end - dt.timedelta(days=DAYS), dt.time(8), dt.timezone.utc)
    empty, full, week = folder / "empty.db", folder / "ten-years.db", folder / "one-week.db"
    started = time.perf_counter()
    try:
        from neurocoach.services.demo import demo_profile, generate_history
    except ImportError:  # fall back on the generator in benchmarks/
        from make_history import make_history
        from neurocoach.domain.models import Profile

        store = Store.open(full)
        counts = make_history(store, years=DAYS // 365, today=today)
        store.close()
        week = None  # make_history counts in years: no one-week DB
        profile = Profile(birth_year=today.year - 64, days_per_week=5, rest_days=(2, 6))
        summary = f"benchmarks/make_history.py: {counts}"
    else:
        store = Store.open(full)
        made = generate_history(store, load_catalog(), end, DAYS, SEED)
        store.close()
        store = Store.open(week)
        generate_history(store, load_catalog(), end, 7, SEED)
        store.close()
        profile = demo_profile(end)
        summary = (f"neurocoach.services.demo.generate_history, seed {SEED}: {DAYS} days "
                   f"{made.first} – {made.last}, {made.checkins} check-ins, "
                   f"{made.sessions} sessions, {made.balance_tests} balance tests")
    store = Store.open(empty)
    store.save_profile(profile, now)  # the same profile, no history: no welcome screen
    store.close()
    summary += (f"; {full.stat().st_size / 1e6:.1f} MB, built in "
                f"{time.perf_counter() - started:.1f} s")
    return Data(folder, empty, full, week, today, summary)


# -- a real pty ------------------------------------------------------------------------
def child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("TEXTUAL", "NEUROCOACH"))
           and k not in ("COLORTERM", "NO_COLOR", "PYTHONDONTWRITEBYTECODE")}
    # bytecode as an installed copy has it (main() compiles the package first)
    env["TERM"] = "xterm-256color"  # what most SSH sessions look like (no COLORTERM)
    env.setdefault("LANG", "C.UTF-8")
    return env


class Pty:
    """One program in an 80×24 pty, its output fed to a terminal emulator."""

    def __init__(self, argv: list[str]) -> None:
        self.screen = pyte.Screen(COLS, ROWS)
        self.stream = pyte.ByteStream(self.screen)
        self.bytes = 0
        self.started = time.perf_counter()
        self.child = pexpect.spawn(argv[0], argv[1:], env=child_env(),
                                   dimensions=(ROWS, COLS))

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def pump(self, timeout: float) -> float | None:
        """Read what is there (waiting up to `timeout`); the time it was read, or None."""
        try:
            data = self.child.read_nonblocking(65536, timeout=timeout)
        except pexpect.TIMEOUT:
            return None
        except pexpect.EOF:
            raise RuntimeError(f"the program ended; its screen was:\n{self.text()}") from None
        at = time.perf_counter()
        self.bytes += len(data)
        self.stream.feed(data)
        return at

    def painted(self, needles: tuple[str, ...]) -> bool:
        """All of `needles` on screen, and the footer (the last row) drawn."""
        return bool(self.screen.display[-1].strip()) and all(n in self.text() for n in needles)

    def wait_for(self, *needles: str, timeout: float = 30.0) -> float:
        """The time the chunk that put all of `needles` (and the footer) on screen was read."""
        deadline = time.perf_counter() + timeout
        at = time.perf_counter()
        while not self.painted(needles):
            left = deadline - time.perf_counter()
            if left <= 0:
                raise RuntimeError(f"{needles} never appeared; the screen was:\n{self.text()}")
            got = self.pump(min(0.1, left))
            at = got or at
        return at

    def drain(self, seconds: float) -> None:
        deadline = time.perf_counter() + seconds
        while (left := deadline - time.perf_counter()) > 0:
            self.pump(min(0.05, left))

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.child.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def peak_rss_kib(self) -> int:
        for line in Path(f"/proc/{self.child.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        raise RuntimeError("no VmHWM in /proc/PID/status")

    def close(self) -> None:
        if self.child.isalive():
            self.child.send("q")
            try:
                self.child.expect(pexpect.EOF, timeout=5)
            except (pexpect.TIMEOUT, pexpect.EOF):
                pass
        self.child.close(force=True)


@dataclass
class Launch:
    seconds: float
    paint_bytes: int
    rss_kib: int
    cpu: float
    """CPU seconds the program had used when its first full frame arrived (less noisy
    than wall time on a shared machine; 10 ms resolution)."""


def launch(argv: list[str], *markers: str) -> Launch:
    """Start, wait for the first full frame, let it settle, read peak RSS, quit."""
    pty = Pty(argv)
    try:
        painted = pty.wait_for(*markers)
        paint_bytes, cpu = pty.bytes, pty.cpu_seconds()
        pty.drain(0.3)  # work done right after the first paint counts towards memory
        return Launch(painted - pty.started, paint_bytes, pty.peak_rss_kib(), cpu)
    finally:
        pty.close()


@dataclass
class Hold:
    paint_bytes: int
    bytes_per_second: float
    step: str


def hold_countdown(db: Path, window: float, moving: bool = False) -> Hold:
    """Today → enter → the first step with a countdown → space → bytes over `window` s.
    `moving`: the first timed step whose drawing moves while its timer runs (a step timed
    in minutes, such as the walk: a hold shows its end pose, still)."""
    pty = Pty([NEUROCOACH, "--db", str(db)])
    try:
        pty.wait_for(*TODAY_PAINTED)
        paint_bytes = pty.bytes
        pty.drain(0.3)
        pty.child.send("\r")
        pty.wait_for("Step 1 of")
        for n in range(1, 60):
            pty.drain(0.2)
            if "space starts the timer" in pty.text() and (
                    not moving or "enter when you are done" in pty.text()):
                break
            pty.child.send("s")
            pty.wait_for(f"Step {n + 1} of")
        else:
            raise RuntimeError("no step with a countdown in today's routine")
        step = pty.screen.display[0].split("Step")[0].strip()
        pty.child.send(" ")
        pty.drain(0.6)  # past the start of the timer: measure the steady countdown
        before, face, t0 = pty.bytes, pty.text(), time.perf_counter()
        pty.drain(window)
        rate = (pty.bytes - before) / (time.perf_counter() - t0)
        if pty.text() == face:
            raise RuntimeError(f"the countdown did not move; the screen was:\n{face}")
        return Hold(paint_bytes, rate, step)
    finally:
        pty.close()


# -- in-process ------------------------------------------------------------------------
def fake_clock(today: dt.date):
    from neurocoach.clock import FakeClock

    return FakeClock(dt.datetime.combine(today, dt.time(9), dt.timezone.utc))


def progress_renderer(today: dt.date):
    """benchmarks/progress_render.py's render_once (seconds from `p` to Progress painted),
    on the history's clock; or the same measurement here if that file is gone."""
    try:
        import progress_render

        progress_render._clock = lambda: fake_clock(today)

        async def render(path: Path) -> float:
            return (await progress_render.render_once(path))[0]
    except (ImportError, AttributeError):
        from neurocoach.store import Store
        from neurocoach.tui.app import NeurocoachApp

        async def render(path: Path) -> float:
            store = Store.open(path)
            try:
                app = NeurocoachApp(store=store, clock=fake_clock(today))
                app.animation_level = "none"
                async with app.run_test(size=(COLS, ROWS)) as pilot:
                    await pilot.pause()
                    pressed = time.perf_counter()
                    await pilot.press("p")
                    await pilot.pause()
                    assert type(app.screen).__name__ == "ProgressScreen", app.screen
                    await pilot.wait_for_scheduled_animations()
                    return time.perf_counter() - pressed
            finally:
                store.close()
    return render


async def session_keys(db: Path | None, today: dt.date) -> tuple[float, float]:
    """(wall, CPU) seconds per key for SESSION_KEYS in a session (or in the bare app if db
    is None). Pilot waits for idle after every key (at least two 20 ms sleeps), so wall
    time is mostly those waits; the process's CPU time is the work the keys caused."""
    store = None
    if db is None:
        from bare_app import BareApp

        app = BareApp()
    else:
        from neurocoach.store import Store
        from neurocoach.tui.app import NeurocoachApp

        store = Store.open(db)
        app = NeurocoachApp(store=store, clock=fake_clock(today))
    app.animation_level = "none"
    try:
        async with app.run_test(size=(COLS, ROWS)) as pilot:
            await pilot.pause()
            if store is not None:
                await pilot.press("enter")
                await pilot.pause()
                assert type(app.screen).__name__ == "SessionScreen", app.screen
            started, cpu = time.perf_counter(), time.process_time()
            for key in SESSION_KEYS:
                await pilot.press(key)
            await pilot.pause()
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
            if store is not None:
                assert type(app.screen).__name__ == "SessionScreen", app.screen
        return elapsed / len(SESSION_KEYS), cpu / len(SESSION_KEYS)
    finally:
        if store is not None:
            store.close()


def wall(argv: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, env=child_env())
    elapsed = time.perf_counter() - started
    if done.returncode:
        raise RuntimeError(f"{argv} exited {done.returncode}: {done.stderr.strip()}")
    return elapsed


# -- the figures -----------------------------------------------------------------------
@dataclass
class Figure:
    number: int
    name: str
    baseline: str
    target: float | None
    """None: reported, no target."""
    unit: str
    measured: float
    base: float
    runs: int
    ratio: float = field(init=False)
    note: str = ""
    absolute: bool = False
    """The target is a measure (bytes), not a ratio to the baseline."""

    def __post_init__(self) -> None:
        self.ratio = self.measured / self.base

    @property
    def met(self) -> bool | None:
        if self.target is None:
            return None
        return (self.measured if self.absolute else self.ratio) <= self.target


def fmt(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value >= 0.1 else f"{value * 1000:.1f} ms"
    if unit == "KiB":
        return f"{value / 1024:.1f} MiB"
    if unit == "B/s":
        return f"{value:,.0f} B/s"
    if unit == "B":
        return f"{value:,.0f} B"
    return f"{value:g} {unit}"


def alternate(n: int, *makers):
    """n rounds; each round runs every maker once, in an order that rotates per round."""
    results: list[list] = [[] for _ in makers]
    for r in range(n):
        order = list(range(len(makers)))
        order = order[r % len(order):] + order[:r % len(order)]
        for i in order:
            results[i].append(makers[i]())
    return results


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def run(args: argparse.Namespace, data: Data) -> list[Figure]:
    med = statistics.median
    quick = args.quick
    figures: list[Figure] = []
    only = args.only

    if only & {1, 2, 3}:
        n = 4 if quick else 10
        say(f"launch in a pty: bare app, neurocoach (empty DB), neurocoach (10 years) × {n} …")
        bare = lambda: launch(BARE_APP, *BARE_PAINTED)  # noqa: E731
        empty = lambda: launch([NEUROCOACH, "--db", str(data.empty)], *TODAY_PAINTED)  # noqa: E731
        full = lambda: launch([NEUROCOACH, "--db", str(data.full)], *TODAY_PAINTED)  # noqa: E731
        alternate(1, bare, empty, full)  # warm-up: bytecode, page cache
        b, e, f = alternate(n, bare, empty, full)

        def cpu(xs, ys) -> str:
            a, c = med(x.cpu for x in xs), med(y.cpu for y in ys)
            return f"CPU time to the paint {fmt(a, 's')} vs {fmt(c, 's')} = {a / c:.2f}×"

        if 1 in only:
            figures.append(Figure(1, "launch to the first full Today screen (pty)",
                                  "bare Textual app", 1.25, "s", med(x.seconds for x in e),
                                  med(x.seconds for x in b), n, note=cpu(e, b)))
        if 2 in only:
            figures.append(Figure(2, "the same, 10 years of history", "empty DB", 1.10, "s",
                                  med(x.seconds for x in f), med(x.seconds for x in e), n,
                                  note=cpu(f, e)))
        if 3 in only:
            rss = max(med(x.rss_kib for x in e), med(x.rss_kib for x in f))
            figures.append(Figure(3, "peak RSS of that launch (the larger DB's)",
                                  "bare Textual app", 1.25, "KiB", rss,
                                  med(x.rss_kib for x in b), n,
                                  note=f"empty DB {fmt(med(x.rss_kib for x in e), 'KiB')}, "
                                       f"10 years {fmt(med(x.rss_kib for x in f), 'KiB')}"))

    if 4 in only:
        n = 4 if quick else 10
        dbs = [data.empty, data.full] + ([data.week] if data.week else [])
        say(f"Progress render in-process: empty DB, 10 years, one week × {n} …")
        render = progress_renderer(data.today)
        one = lambda path: lambda: asyncio.run(render(path))  # noqa: E731
        alternate(1, *map(one, dbs))
        e, f, *w = alternate(n, *map(one, dbs))
        note = f"vs one week of history {med(f) / med(w[0]):.2f}× ({fmt(med(w[0]), 's')})" if w else ""
        figures.append(Figure(4, "Progress render, 10 years (p → painted)", "empty DB", 1.5,
                              "s", med(f), med(e), n, note=note))

    if 5 in only:
        n = 8 if quick else 20
        say(f"neurocoach status (10 years) vs python -c 'import sqlite_utils, humanize' × {n} …")
        base = lambda: wall([sys.executable, "-c", "import sqlite_utils, humanize"])  # noqa: E731
        status = lambda: wall([NEUROCOACH, "--db", str(data.full), "status"])  # noqa: E731
        status_empty = lambda: wall([NEUROCOACH, "--db", str(data.empty), "status"])  # noqa: E731
        alternate(1, base, status)
        b, s, s0 = alternate(n, base, status, status_empty)
        figures.append(Figure(5, "`neurocoach status` (10 years)",
                              "python -c 'import sqlite_utils, humanize'", 1.3, "s",
                              med(s), med(b), n,
                              note=f"empty DB {fmt(med(s0), 's')}"))

    if 6 in only:
        n, window = (1, 4.0) if quick else (3, 5.0)
        say(f"bytes while a countdown runs, {window:g} s × {n} …")
        holds = [hold_countdown(data.fresh_empty(f"hold-{i}"), window) for i in range(n)]
        paint = med(h.paint_bytes for h in holds)
        figures.append(Figure(6, "bytes/s to the terminal while a countdown runs",
                              "one full 80×24 first paint (Today)", 0.10, "B/s",
                              med(h.bytes_per_second for h in holds), paint, n,
                              note=f"paint {fmt(paint, 'B')}; step: {holds[0].step}"))

    if 21 in only:
        n, window = (1, 4.0) if quick else (3, 5.0)
        say(f"bytes while a timer runs and the drawing moves, {window:g} s × {n} …")
        holds = [hold_countdown(data.fresh_empty(f"move-{i}"), window, moving=True)
                 for i in range(n)]
        paint = med(h.paint_bytes for h in holds)
        figures.append(Figure(21, "bytes/s while a timer runs and the drawing moves",
                              "one full 80×24 first paint (Today)", 0.15, "B/s",
                              med(h.bytes_per_second for h in holds), paint, n,
                              note=f"paint {fmt(paint, 'B')}; step: {holds[0].step}"))

    if 7 in only:
        n = 2 if quick else 3
        say(f"{len(SESSION_KEYS)} keys through a session (Pilot) vs the bare app × {n} …")
        bare = lambda: asyncio.run(session_keys(None, data.today))  # noqa: E731
        count = iter(range(1000))
        nc = lambda: asyncio.run(session_keys(data.fresh_empty(f"keys-{next(count)}"),  # noqa: E731
                                              data.today))
        b, s = alternate(n, bare, nc)
        figures.append(Figure(7, f"{len(SESSION_KEYS)} keys through a session (Pilot), "
                                 "CPU per key", "bare app, same keys", 2.0, "s",
                              med(x[1] for x in s), med(x[1] for x in b), n,
                              note=f"wall per key {fmt(med(x[0] for x in s), 's')} vs "
                                   f"{fmt(med(x[0] for x in b), 's')} (mostly Pilot's "
                                   "fixed idle waits, the same for both)"))
    import link

    figures.extend(link.figures(args, data, Figure, alternate, say))
    return figures


# -- the report --------------------------------------------------------------------------
def machine() -> list[tuple[str, str]]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or cpu
    try:
        head = subprocess.run(["git", "-C", str(HERE), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(HERE.parent), "status", "--porcelain",
                                "--", "neurocoach", "neurocoach.tcss"],
                               capture_output=True, text=True).stdout.strip()
        commit = head + (" with uncommitted changes to the app" if dirty else "")
    except OSError:
        commit = "unknown"
    return [
        ("date", dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")),
        ("commit", commit),
        ("CPU", f"{cpu}, {os.cpu_count()} cores"),
        ("OS", f"{platform.system()} {platform.release()}"),
        ("Python", platform.python_version()),
        ("Textual", metadata.version("textual")),
        ("SQLite", sqlite3.sqlite_version),
    ]


def table(figures: list[Figure]) -> list[str]:
    rows = ["| # | figure | measured | baseline | ratio | target | met |",
            "|---|---|---|---|---|---|---|"]
    for f in figures:
        per = "/s" if f.unit == "B/s" else "×"
        met = "—" if f.met is None else "yes" if f.met else "**no**"
        if f.absolute:
            target = "—" if f.target is None else f"≤ {fmt(f.target, f.unit)}"
            rows.append(f"| {f.number} | {f.name} | {fmt(f.measured, f.unit)} | — | — | "
                        f"{target} | {met} |")
            continue
        target = "—" if f.target is None else f"≤ {f.target:g}{per}"
        rows.append(
            f"| {f.number} | {f.name} | {fmt(f.measured, f.unit)} | {f.baseline}: "
            f"{fmt(f.base, 'B' if f.unit == 'B/s' else f.unit)} | {f.ratio:.2f}{per} | "
            f"{target} | {met} |")
    return rows


def report(args: argparse.Namespace, data: Data, figures: list[Figure], took: float) -> str:
    lines = table(figures)
    lines.append("")
    lines.append(f"Medians of alternating runs (the n below per figure); "
                 f"`{'--quick' if args.quick else 'full'}` run took {took:.0f} s.")
    lines.append("")
    for f in figures:
        lines.append(f"- {f.number}: n = {f.runs}" + (f"; {f.note}" if f.note else ""))
    lines.append("")
    lines.append(f"History: {data.summary}.")
    lines.append("")
    lines.append("Machine and code:")
    lines.append("")
    lines.extend(f"- {k}: {v}" for k, v in machine())
    return "\n".join(lines)


def write_results(text: str) -> None:
    block = f"{START}\n{text}\n{END}"
    old = RESULTS.read_text() if RESULTS.exists() else ""
    if START in old and END in old:
        new = old[:old.index(START)] + block + old[old.index(END) + len(END):]
    else:
        new = ("# Benchmark results\n\nWritten by `python benchmarks/run.py --write`; "
               "notes outside the markers are kept.\n\n" + block + "\n" + old)
    RESULTS.write_text(new)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs (about a minute)")
    parser.add_argument("--write", action="store_true", help="record the table in RESULTS.md")
    parser.add_argument("--only", default=",".join(map(str, ALL_FIGURES)),
                        help="comma-separated figure numbers (default: all)")
    args = parser.parse_args(argv)
    args.only = {int(x) for x in args.only.split(",") if x.strip()}
    if not NEUROCOACH:
        print("the neurocoach command is not installed in this environment", file=sys.stderr)
        return 2
    started = time.perf_counter()
    import compileall

    import neurocoach

    compileall.compile_dir(Path(neurocoach.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory(prefix="neurocoach-bench-") as tmp:
        say("building the DBs …")
        data = build_data(Path(tmp))
        say(data.summary)
        figures = run(args, data)
    text = report(args, data, figures, time.perf_counter() - started)
    print(text)
    if args.write:
        if args.only != set(ALL_FIGURES):
            print("(not written: --write records only a run of every figure)", file=sys.stderr)
        else:
            write_results(text)
            print(f"written to {RESULTS.relative_to(HERE.parent)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
