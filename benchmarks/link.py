"""Light on the link (issue 17): bytes and time per screen change in a real pty, the
Library's cursor, the session's keys, and the command-line figures against their floors.

Used by run.py (figures 8–17). One pty per DB walks Today → check-in → Progress → Library
(cursor keys) → help → Today → session (keys), waiting after each key until the output
has been quiet for QUIET seconds: the bytes are everything the key caused, the time is
from the key to the last chunk of its frame, the CPU is the process's (from /proc).
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from run import BARE_APP, BARE_PAINTED, NEUROCOACH, TODAY_PAINTED, Pty, child_env

QUIET = 0.35
CURSOR_KEYS = 20
SESSION_PROBE = ("+", "-", "\r", "2", "b", "s", "b", "+", "-", "\r", "2", "b")
SCREENS = {  # name: (key, what shows once it is open)
    "check-in": ("c", "Daily check-in"),
    "Progress": ("p", "Adherence"),
    "Library": ("l", "Showing:"),
    "help": ("?", "Keys you can use here"),
    "session": ("\r", "Step 1 of"),
}


@dataclass
class Step:
    bytes: int
    seconds: float
    cpu: float


@dataclass
class Walk:
    launch: float
    opens: dict[str, Step] = field(default_factory=dict)
    cursor: list[Step] = field(default_factory=list)
    session_keys: list[Step] = field(default_factory=list)


def settle(pty: Pty, sent: float) -> float:
    """Read until the output has been quiet for QUIET s; the time of the last chunk."""
    last = sent
    while True:
        got = pty.pump(QUIET)
        if got is None:
            return last
        last = got


def press(pty: Pty, key: str, *needles: str) -> Step:
    before, cpu = pty.bytes, pty.cpu_seconds()
    sent = time.perf_counter()
    pty.child.send(key)
    shown = pty.wait_for(*needles) if needles else sent
    # The frame may end in the very chunk that showed the needles: settle then reads
    # nothing more, and the time is that chunk's (it was 0 ms, halving a median of two).
    done = max(shown, settle(pty, sent))
    return Step(pty.bytes - before, done - sent, pty.cpu_seconds() - cpu)


def walk(db: Path) -> Walk:
    pty = Pty([NEUROCOACH, "--db", str(db)])
    try:
        painted = pty.wait_for(*TODAY_PAINTED)
        out = Walk(painted - pty.started)
        settle(pty, painted)
        for name in ("check-in", "Progress", "Library"):
            key, marker = SCREENS[name]
            out.opens[name] = press(pty, key, marker)
            if name == "check-in":
                press(pty, "\x1b", *TODAY_PAINTED)
        out.cursor = [press(pty, "j") for _ in range(CURSOR_KEYS)]
        out.opens["help"] = press(pty, "?", SCREENS["help"][1])
        press(pty, "\x1b")
        press(pty, "t", *TODAY_PAINTED)
        out.opens["session"] = press(pty, "\r", SCREENS["session"][1])
        out.session_keys = [press(pty, key) for key in SESSION_PROBE]
        return out
    finally:
        pty.close()


def bare_cursor() -> list[Step]:
    """The bare app rewriting its one line per key: the floor of any key's work."""
    pty = Pty(BARE_APP)
    try:
        painted = pty.wait_for(*BARE_PAINTED)
        settle(pty, painted)
        return [press(pty, "j") for _ in range(CURSOR_KEYS)]
    finally:
        pty.close()


def per_key(steps: list[Step]) -> tuple[float, float]:
    """(median bytes, mean CPU seconds) per key (CPU is in 10 ms ticks: a mean)."""
    return (statistics.median(s.bytes for s in steps),
            sum(s.cpu for s in steps) / len(steps))


# -- the command line against its floors ---------------------------------------------
def timed(argv: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, env=child_env())
    elapsed = time.perf_counter() - started
    if done.returncode:
        raise RuntimeError(f"{argv} exited {done.returncode}: {done.stderr.strip()}")
    return elapsed


FLOOR_EXPORT = """
import json, sqlite3, sys
conn = sqlite3.connect(sys.argv[1]); conn.row_factory = sqlite3.Row
doc = {t: [dict(r) for r in conn.execute(f"SELECT * FROM {t}")] for t in
       ("checkins", "sessions", "entries", "balance_tests", "level_changes")}
with open(sys.argv[2], "w") as f:
    json.dump(doc, f)
"""
FLOOR_IMPORT = """
import json, sqlite3, sys
doc = json.load(open(sys.argv[1]))
conn = sqlite3.connect(sys.argv[2])
for line in open(sys.argv[3]).read().split(";\\n"):
    if line.strip():
        conn.execute(line)
rows = {"checkins": doc["checkins"], "balance_tests": doc["balance_tests"],
        "level_changes": doc["level_changes"],
        "sessions": [{k: v for k, v in s.items() if k != "entries"} for s in doc["sessions"]],
        "entries": [dict(e, session_id=s["id"]) for s in doc["sessions"] for e in s["entries"]]}
for name, table in rows.items():
    if table:
        keys = list(table[0])
        conn.executemany(f"INSERT INTO t_{name} VALUES ({','.join('?' * len(keys))})",
                         [[json.dumps(v) if isinstance(v, (list, dict)) else v
                           for v in r.values()] for r in table])
conn.commit()
"""


def floor_schema(export: Path, folder: Path) -> Path:
    """Plain tables shaped like the export's rows (the floor inserts without checks)."""
    doc = json.loads(export.read_text())
    sessions = doc["sessions"]
    shapes = {"checkins": doc["checkins"][0], "balance_tests": doc["balance_tests"][0],
              "level_changes": (doc["level_changes"] or [{"x": 0}])[0],
              "sessions": {k: 0 for k in sessions[0] if k != "entries"},
              "entries": dict(sessions[0]["entries"][0], session_id=0)}
    sql = ";\n".join(f"CREATE TABLE t_{name} ({', '.join(row)})" for name, row in shapes.items())
    path = folder / "floor-schema.sql"
    path.write_text(sql + ";\n")
    return path


def export_import(full: Path, folder: Path, n: int, alternate):
    """Medians: (export, floor), (import, floor), in seconds, n alternating rounds."""
    out, floor_out = folder / "export.json", folder / "floor-export.json"
    timed([NEUROCOACH, "--db", str(full), "export", "--format", "json", "--out", str(out),
           "--force"])
    schema = floor_schema(out, folder)
    count = iter(range(10_000))

    def fresh() -> Path:
        path = folder / f"import-{next(count)}.db"
        return path

    def run_import() -> float:
        return timed([NEUROCOACH, "--db", str(fresh()), "import", str(out)])

    def floor_import() -> float:
        return timed([sys.executable, "-c", FLOOR_IMPORT, str(out), str(fresh()), str(schema)])

    exp = lambda: timed([NEUROCOACH, "--db", str(full), "export", "--format", "json",  # noqa: E731
                         "--out", str(out), "--force"])
    floor_exp = lambda: timed([sys.executable, "-c", FLOOR_EXPORT, str(full), str(floor_out)])  # noqa: E731
    e, fe, i, fi = alternate(n, exp, floor_exp, run_import, floor_import)
    med = statistics.median
    return (med(e), med(fe)), (med(i), med(fi)), out.stat().st_size


def status_floor(full: Path, empty: Path, n: int, alternate):
    base = lambda: timed([sys.executable, "-c", "import sqlite3"])  # noqa: E731
    status = lambda: timed([NEUROCOACH, "--db", str(full), "status"])  # noqa: E731
    status_empty = lambda: timed([NEUROCOACH, "--db", str(empty), "status"])  # noqa: E731
    alternate(1, base, status)
    b, s, s0 = alternate(n, base, status, status_empty)
    med = statistics.median
    return med(s), med(b), med(s0)


def sqlite_version() -> str:
    return sqlite3.sqlite_version


# -- the figures ---------------------------------------------------------------------
def thirty_years(data) -> Path:
    """A 30-year history beside the others (built once)."""
    path = data.folder / "thirty-years.db"
    if not path.exists():
        import datetime as dt

        from neurocoach.catalog import load_catalog
        from neurocoach.services.demo import generate_history
        from neurocoach.store import Store

        store = Store.open(path)
        generate_history(store, load_catalog(), data.today - dt.timedelta(days=1), 10950, 2026)
        store.close()
    return path


def figures(args, data, Figure, alternate, say) -> list:
    med = statistics.median
    only, quick = args.only, args.quick
    out: list = []
    kb = lambda n: f"{n:,.0f} B"  # noqa: E731
    if only & set(range(8, 18)):
        n = 2 if quick else 4
        thirty = thirty_years(data)
        say(f"screens in a pty: empty DB, 10 years, 30 years, bare app × {n} …")
        e, f, t, b = alternate(n, lambda: walk(data.empty), lambda: walk(data.full),
                               lambda: walk(thirty), bare_cursor)

        def opened(walks, name, what="bytes"):
            return med(getattr(w.opens[name], what) for w in walks)

        for number, name, target in ((8, "Progress", 14 * 1024), (9, "Library", 12 * 1024),
                                     (10, "help", None), (11, "check-in", None),
                                     (12, "session", None)):
            if number in only:
                out.append(Figure(number, f"bytes to open {name} at 80×24 (10 years)",
                                  "target", target, "B", opened(f, name), 1, n, absolute=True,
                                  note=f"empty DB {kb(opened(e, name))}, "
                                       f"30 years {kb(opened(t, name))}"))
        cursor = [per_key(w.cursor) for w in f]
        bare = [per_key(x) for x in b]
        if 13 in only:
            out.append(Figure(13, "bytes per Library cursor move (j, 10 years)", "target",
                              2048, "B", med(c[0] for c in cursor), 1, n, absolute=True,
                              note=f"bare app rewriting its line: {kb(med(x[0] for x in bare))}"))
        if 14 in only:
            out.append(Figure(14, "CPU per Library cursor move (j, pty)", "bare app, same key",
                              2.0, "s", med(c[1] for c in cursor), med(x[1] for x in bare), n,
                              note=f"{CURSOR_KEYS} keys a run, /proc CPU in 10 ms ticks"))
        if 15 in only:
            worst = med(max(s.bytes for s in w.session_keys) for w in f)
            out.append(Figure(15, "bytes for the largest session key (10 years)", "target",
                              1024, "B", worst, 1, n, absolute=True,
                              note="keys: + - enter 2 b s b + - enter 2 b; median key "
                                   f"{kb(med(med(s.bytes for s in w.session_keys) for w in f))}"))
        if 16 in only:
            out.append(Figure(16, "launch (pty), 30 years of history", "empty DB", 1.1, "s",
                              med(w.launch for w in t), med(w.launch for w in e), n))
        if 17 in only:
            ratios = {name: opened(t, name, "seconds") / opened(e, name, "seconds")
                      for name in SCREENS}
            worst = max(ratios, key=ratios.get)
            out.append(Figure(17, f"slowest screen to open, 30 years ({worst})", "empty DB",
                              1.1, "s", opened(t, worst, "seconds"),
                              opened(e, worst, "seconds"), n,
                              note="; ".join(f"{k} {v:.2f}×" for k, v in ratios.items())))
    if 18 in only:
        n = 8 if quick else 20
        say(f"status vs python -c 'import sqlite3' × {n} …")
        s, base, s0 = status_floor(data.full, data.empty, n, alternate)
        out.append(Figure(18, "`neurocoach status` (10 years)", "python -c 'import sqlite3'",
                          2.5, "s", s, base, n, note=f"empty DB {s0 * 1000:.1f} ms"))
    if only & {19, 20}:
        n = 3 if quick else 7
        say(f"export and import of 10 years vs json + sqlite3 floors × {n} …")
        (ex, fex), (im, fim), size = export_import(data.full, data.folder, n, alternate)
        if 19 in only:
            out.append(Figure(19, "`export --format json`, 10 years",
                              "sqlite3 SELECT + json.dump", None, "s", ex, fex, n,
                              note=f"file {size / 1e6:.1f} MB"))
        if 20 in only:
            out.append(Figure(20, "`import` of that file into a new DB",
                              "json.load + executemany", 1.5, "s", im, fim, n))
    return out
