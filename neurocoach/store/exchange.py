"""Export and import of the person's whole data set (DESIGN.md export contract, version 1).

`export_data` reads every table into the contract's JSON shape; `read_export` checks a
parsed file row by row and returns rows ready to insert; `import_data` writes them in one
transaction into an empty DB. Beyond the contract's fields, an export carries what a
faithful restore needs (additive, ignored by readers that do not know them):
`checkins[].recorded_at`, `sessions[].stopped_reason`, `sessions[].steps` (the planned
steps), `entries[].step_index` and `entries[].logged_at`, `balance_tests[].recorded_at`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from neurocoach.models import FEET_SIDES, FEET_STATES, RESTRICTIONS, STATUSES
from neurocoach.store.backup import make_daily_backup, write_copy
from neurocoach.store.opening import StoreError

FORMAT = "neurocoach-export"
VERSION = 1
SIDES = ("left", "right")
STEP_KEYS = {"exercise_id", "side", "reps", "sets", "seconds", "minutes", "swapped_from"}


class ExportFileError(StoreError):
    """An export file that cannot be imported, and where the problem is."""


@dataclass
class ImportRows:
    """A checked export, as rows for the tables (see `read_export`)."""

    profile: tuple | None
    checkins: list[tuple] = field(default_factory=list)
    sessions: list[tuple] = field(default_factory=list)
    entries: list[tuple] = field(default_factory=list)
    balance_tests: list[tuple] = field(default_factory=list)


class Exchange:
    """Mixed into Store: expects `self.db` (sqlite_utils.Database), `self.conn`, `self.path`."""

    # -- export ------------------------------------------------------------------
    def export_data(self, plan: dict, exercises: list[dict], exported_at: str) -> dict:
        """Everything, in the export contract's shape and a stable order."""
        profile = next(self.db.query("SELECT * FROM profile WHERE id = 1"), None)
        checkins = [
            {"date": r["day"], "pain": r["pain"], "numbness": r["numbness"],
             "tingling": r["tingling"], "burning": r["burning"], "feet": r["feet"],
             "note": r["note"] or "", "recorded_at": r["recorded_at"]}
            for r in self.db.query("SELECT * FROM checkins ORDER BY day")
        ]
        entries: dict[int, list[dict]] = {}
        for r in self.db.query("SELECT * FROM entries ORDER BY session_id, step_index"):
            entries.setdefault(r["session_id"], []).append(
                {"step_index": r["step_index"], "exercise_id": r["exercise_id"],
                 "status": r["status"], "side": r["side"], "reps": r["reps"],
                 "seconds": r["seconds"], "rating": r["rating"], "logged_at": r["logged_at"]})
        sessions = [
            {"id": r["id"], "date": r["day"], "started_at": r["started_at"],
             "finished_at": r["finished_at"], "stopped_reason": r["stopped_reason"],
             "steps": json.loads(r["steps"]), "entries": entries.get(r["id"], [])}
            for r in self.db.query("SELECT * FROM sessions ORDER BY started_at, id")
        ]
        balance = [
            {"date": r["day"], "side": r["side"], "seconds": float(r["seconds"]),
             "recorded_at": r["recorded_at"]}
            for r in self.db.query("SELECT * FROM balance_tests ORDER BY day, id")
        ]
        return {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": exported_at,
            "profile": None if profile is None else {
                "birth_year": profile["birth_year"], "feet": profile["feet"],
                "days_per_week": profile["days_per_week"],
                "rest_days": json.loads(profile["rest_days"] or "[]"),
                "restriction": profile["restriction"],
            },
            "plan": plan,
            "exercises": exercises,
            "checkins": checkins,
            "sessions": sessions,
            "balance_tests": balance,
        }

    # -- import ------------------------------------------------------------------
    def data_counts(self) -> dict[str, int]:
        """How many rows each of the person's tables holds."""
        return {table: self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("profile", "checkins", "sessions", "entries", "balance_tests")}

    def is_empty(self) -> bool:
        return not any(self.data_counts().values())

    def import_data(self, rows: ImportRows) -> None:
        """Write a checked export into this DB, all or nothing. Refuses unless empty."""
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                counts = self.data_counts()
                if any(counts.values()):
                    words = {"profile": "profile", "checkins": "check-ins", "sessions": "sessions",
                             "entries": "steps", "balance_tests": "balance tests"}
                    held = ", ".join(f"{'a' if t == 'profile' else n} {words[t]}"
                                     for t, n in counts.items() if n)
                    raise StoreError(
                        f"{self.path} already holds data ({held}); import only fills an empty "
                        "database, so nothing was changed. Import into a new file with "
                        "--db NEW.db, or use `neurocoach restore` for a backup.")
                if rows.profile is not None:
                    conn.execute("INSERT INTO profile (id, birth_year, feet, days_per_week,"
                                 " rest_days, restriction, updated_at) VALUES (1,?,?,?,?,?,?)",
                                 rows.profile)
                conn.executemany("INSERT INTO checkins (day, pain, numbness, tingling, burning,"
                                 " feet, note, recorded_at) VALUES (?,?,?,?,?,?,?,?)",
                                 rows.checkins)
                conn.executemany("INSERT INTO sessions (id, day, started_at, finished_at,"
                                 " steps, stopped_reason) VALUES (?,?,?,?,?,?)", rows.sessions)
                conn.executemany("INSERT INTO entries (session_id, step_index, exercise_id,"
                                 " side, status, reps, seconds, rating, logged_at)"
                                 " VALUES (?,?,?,?,?,?,?,?,?)", rows.entries)
                conn.executemany("INSERT INTO balance_tests (day, side, seconds, recorded_at)"
                                 " VALUES (?,?,?,?)", rows.balance_tests)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            raise StoreError(f"could not import into {self.path} ({exc}); "
                             "nothing was changed.") from None

    @contextlib.contextmanager
    def fast_writes(self) -> Iterator[None]:
        """For generated, throwaway data only (demo, benchmarks): commits skip the fsync."""
        old = self.conn.execute("PRAGMA synchronous").fetchone()[0]
        self.conn.execute("PRAGMA synchronous = OFF")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA synchronous = {int(old)}")

    # -- copies ------------------------------------------------------------------
    def daily_backup(self, today: dt.date) -> Path | None:
        """Today's rolling copy in backups/ beside the DB (the last 7 days are kept).
        Cheap when today's exists (returns None). Raises StoreError if it cannot write."""
        return make_daily_backup(self.conn, Path(self.path), today)

    def copy_to(self, dest: Path) -> Path:
        """A consistent private copy of the whole DB at `dest`. Raises StoreError."""
        return write_copy(self.conn, Path(dest))


# -- reading an export file ---------------------------------------------------------
class _Row:
    """One object of the file: each failure names where it is and which field."""

    def __init__(self, data: Any, where: str, known: set[str], open_ended: bool = False):
        self.where = where
        if not isinstance(data, dict):
            raise ExportFileError(f"{where}: must be an object {{...}}, not {_show(data)}")
        self.data = data
        if not open_ended:
            unknown = sorted(set(data) - known)
            if unknown:
                raise ExportFileError(f"{where}: unknown field {unknown[0]!r} "
                                      f"(known: {', '.join(sorted(known))})")

    def fail(self, key: str, problem: str) -> ExportFileError:
        return ExportFileError(f"{self.where}, {key}: {problem}")

    def get(self, key: str, required: bool = True) -> Any:
        if key not in self.data:
            if required:
                raise self.fail(key, "is missing")
            return None
        return self.data[key]

    def number(self, key: str, low: int, high: int, *, required: bool = True,
               null: bool = False, whole: bool = True) -> Any:
        value = self.get(key, required)
        if value is None and (null or not required):
            return None
        kinds = (int,) if whole else (int, float)
        if isinstance(value, bool) or not isinstance(value, kinds) or not low <= value <= high:
            kind = "whole number" if whole else "number"
            allowed = f"a {kind} from {low} to {high}" + (" or null" if null else "")
            raise self.fail(key, f"must be {allowed}, not {_show(value)}")
        return value

    def choice(self, key: str, choices: tuple, *, null: bool = False) -> Any:
        value = self.get(key)
        if value is None and null:
            return None
        if value not in choices:
            allowed = ", ".join(choices) + (" or null" if null else "")
            raise self.fail(key, f"must be one of {allowed}, not {_show(value)}")
        return value

    def text(self, key: str, limit: int, *, required: bool = True, null: bool = False) -> Any:
        value = self.get(key, required)
        if value is None and (null or not required):
            return None
        if not isinstance(value, str) or len(value) > limit:
            raise self.fail(key, f"must be text of at most {limit} characters, not {_show(value)}")
        return value

    def day(self, key: str) -> str:
        value = self.get(key)
        try:
            dt.date.fromisoformat(value)
            if not isinstance(value, str) or len(value) != 10:
                raise ValueError
        except (TypeError, ValueError):
            raise self.fail(key, f"must be a day written YYYY-MM-DD, not {_show(value)}") from None
        return value

    def moment(self, key: str, *, required: bool = True) -> str | None:
        value = self.get(key, required)
        if value is None and not required:
            return None
        try:
            dt.datetime.fromisoformat(value)
        except (TypeError, ValueError):
            raise self.fail(key, "must be a date and time like 2026-11-23T09:00:00+00:00, "
                                 f"not {_show(value)}") from None
        return value


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _list(doc: dict, key: str) -> list:
    value = doc.get(key)
    if not isinstance(value, list):
        raise ExportFileError(f"{key}: must be a list [...], not {_show(value)}")
    return value


TOP_KEYS = {"format", "version", "exported_at", "profile", "plan", "exercises", "checkins",
            "sessions", "balance_tests"}
PROFILE_KEYS = {"birth_year", "feet", "days_per_week", "rest_days", "restriction"}
CHECKIN_KEYS = {"date", "pain", "numbness", "tingling", "burning", "feet", "note", "recorded_at"}
SESSION_KEYS = {"id", "date", "started_at", "finished_at", "stopped_reason", "steps", "entries"}
ENTRY_KEYS = {"step_index", "exercise_id", "status", "side", "reps", "seconds", "rating",
              "logged_at"}
BALANCE_KEYS = {"date", "side", "seconds", "recorded_at"}


def read_export(doc: Any, known_exercises: set[str]) -> ImportRows:
    """Check a parsed export file completely; raise ExportFileError at the first problem.

    `known_exercises`: the ids this program can show (an entry naming another is refused,
    since screens could not show it)."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ExportFileError(f'not a neurocoach export (it has no "format": "{FORMAT}")')
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ExportFileError(f"version: must be a whole number, not {_show(version)}")
    if version > VERSION:
        raise ExportFileError(f"written by a newer neurocoach (export version {version}; this "
                              f"one reads version {VERSION}): upgrade neurocoach to import it")
    top = _Row(doc, "the file", TOP_KEYS)
    exported_at = top.moment("exported_at")
    for key in ("checkins", "sessions", "balance_tests", "exercises"):
        _list(doc, key)
    if doc.get("plan") is not None and not isinstance(doc["plan"], dict):
        raise ExportFileError(f"plan: must be an object {{...}} or null, not {_show(doc['plan'])}")

    listed = set()
    for i, data in enumerate(doc["exercises"]):
        row = _Row(data, f"exercises[{i}]", set(), open_ended=True)
        ex_id = row.text("id", 60)
        row.text("name", 200)
        row.text("category", 40)
        if ex_id not in known_exercises:
            raise row.fail("id", f"{ex_id!r} is not in this neurocoach's exercise library")
        listed.add(ex_id)

    rows = ImportRows(profile=None)
    if doc.get("profile") is not None:
        p = _Row(doc["profile"], "profile", PROFILE_KEYS)
        rest = p.get("rest_days")
        if (not isinstance(rest, list) or len(set(map(str, rest))) != len(rest)
                or any(isinstance(d, bool) or not isinstance(d, int) or not 0 <= d <= 6
                       for d in rest)):
            raise p.fail("rest_days", "must be a list of different weekday numbers 0 (Monday) "
                                      f"to 6 (Sunday), not {_show(rest)}")
        rows.profile = (p.number("birth_year", 1900, 2100, null=True), p.choice("feet", FEET_SIDES),
                        p.number("days_per_week", 1, 7), json.dumps(sorted(rest)),
                        p.choice("restriction", RESTRICTIONS), exported_at)

    days = set()
    for i, data in enumerate(doc["checkins"]):
        c = _Row(data, f"checkins[{i}]", CHECKIN_KEYS)
        day = c.day("date")
        if day in days:
            raise c.fail("date", f"{day} has a check-in already (one per day)")
        days.add(day)
        c.where = f"checkins[{i}] ({day})"
        rows.checkins.append((
            day, c.number("pain", 0, 10), c.number("numbness", 0, 10, null=True),
            c.number("tingling", 0, 10, null=True), c.number("burning", 0, 10, null=True),
            c.choice("feet", FEET_STATES), c.text("note", 500, required=False) or "",
            c.moment("recorded_at", required=False)))

    ids = set()
    for i, data in enumerate(doc["sessions"]):
        s = _Row(data, f"sessions[{i}]", SESSION_KEYS)
        sid = s.number("id", 1, 2**62)
        if sid in ids:
            raise s.fail("id", f"{sid} is used by another session")
        ids.add(sid)
        s.where = f"sessions[{i}] (id {sid})"
        day = s.day("date")
        started = s.moment("started_at")
        finished = s.moment("finished_at", required=True) if s.get("finished_at") else None
        reason = s.text("stopped_reason", 40, required=False)
        entries = s.get("entries")
        if not isinstance(entries, list):
            raise s.fail("entries", f"must be a list [...], not {_show(entries)}")
        indexes = set()
        for j, edata in enumerate(entries):
            e = _Row(edata, f"{s.where}.entries[{j}]", ENTRY_KEYS)
            index = e.number("step_index", 0, 10_000, required=False)
            index = j if index is None else index
            if index in indexes:
                raise e.fail("step_index", f"{index} is logged twice in this session")
            indexes.add(index)
            ex_id = e.text("exercise_id", 60)
            if ex_id not in listed:
                raise e.fail("exercise_id", f"{ex_id!r} is not in the file's exercises list")
            rows.entries.append((
                sid, index, ex_id, e.choice("side", SIDES, null=True),
                e.choice("status", STATUSES), e.number("reps", 0, 1000, null=True),
                e.number("seconds", 0, 86_400, null=True), e.number("rating", 1, 3, null=True),
                e.text("logged_at", 40, required=False)))
        steps = _steps(s, entries)
        rows.sessions.append((sid, day, started, finished, json.dumps(steps), reason))

    for i, data in enumerate(doc["balance_tests"]):
        b = _Row(data, f"balance_tests[{i}]", BALANCE_KEYS)
        rows.balance_tests.append((b.day("date"), b.choice("side", SIDES),
                                   float(b.number("seconds", 0, 3600, whole=False)),
                                   b.moment("recorded_at", required=False)))
    return rows


def _steps(s: _Row, entries: list[dict]) -> list[dict]:
    """The planned steps, checked; a file without them gets one step per logged entry."""
    steps = s.get("steps", required=False)
    if steps is None:
        ordered = sorted(entries, key=lambda e: e.get("step_index") or 0)
        return [{k: v for k, v in (("exercise_id", e["exercise_id"]), ("side", e.get("side")))
                 if v is not None} for e in ordered]
    if not isinstance(steps, list):
        raise s.fail("steps", f"must be a list [...], not {_show(steps)}")
    for k, step in enumerate(steps):
        row = _Row(step, f"{s.where}.steps[{k}]", STEP_KEYS)
        row.text("exercise_id", 60)
        row.choice("side", SIDES, null=True) if "side" in step else None
        for key in ("reps", "sets", "seconds", "minutes"):
            row.number(key, 0, 100_000, required=False)
        row.text("swapped_from", 60, required=False)
    return steps
