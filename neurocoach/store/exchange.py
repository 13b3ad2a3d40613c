"""Export and import of the person's whole data set (DESIGN.md export contract, version 1).

`export_data` reads every table into the contract's JSON shape; `export.read.read_export`
checks a parsed file row by row and returns rows ready to insert; `import_data` writes them
in one transaction into an empty DB. Beyond the contract's fields, an export carries what a
faithful restore needs (additive, ignored by readers that do not know them):
`checkins[].recorded_at`, `sessions[].stopped_reason`, `sessions[].steps` (the planned
steps), `entries[].step_index` and `entries[].logged_at`, `balance_tests[].recorded_at`;
the plan's `note` and per-exercise `settings` (level, dose, note); the person's own
exercises in `exercises[]` with `custom: true`, their catalog `fields` and when they were
made, changed and archived; and `level_changes[]`, the history of levels.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from neurocoach.domain.names import SYMPTOMS
from neurocoach.domain.words import count
from neurocoach.store.backup import make_daily_backup, write_copy
from neurocoach.store.errors import StoreError
from neurocoach.store.screening import screening_from_json
from neurocoach.store.steps import TOTALS_FROM_ENTRIES

IMPORT_CACHE_KIB = -32768
"""SQLite's page cache while an import writes (negative: KiB, so at most 32 MiB, taken as
it fills): an import of ten years went about 5 ms quicker with it."""
TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (2 ms of `status`)
if TYPE_CHECKING:
    from neurocoach.domain.exchange import ImportRows, V2Rows


class Exchange:
    """Mixed into Store: expects `self.db` (sqlite_utils.Database), `self.conn`, `self.path`."""

    # -- export ------------------------------------------------------------------
    def export_data(self, plan: dict, builtin: list[dict], exported_at: str,
                    since: str | None = None) -> dict:
        """Everything, in the export contract's shape and a stable order. `plan` is the
        current plan's fields; `builtin` the built-in exercises (id, name, category).
        `since` (YYYY-MM-DD, for a report): only the sessions and balance tests from that
        day on are read (the check-ins and the rest of the document are whole), and
        `records_before` says whether any are kept from before it."""
        # Imported where used, here and below: `status` opens the store at every login
        # and needs none of the export's types.
        from neurocoach.domain.exchange import FORMAT, VERSION

        day = since or ""

        profile = next(self._rows("SELECT * FROM profile WHERE id = 1"), None)
        custom = []
        for r in self._rows("SELECT * FROM custom_exercises ORDER BY created_at, id"):
            fields = json.loads(r["fields"])
            custom.append({"id": r["id"], "name": fields.get("name"),
                           "category": fields.get("category"), "custom": True, "fields": fields,
                           "created_at": r["created_at"], "updated_at": r["updated_at"],
                           "archived_at": r["archived_at"]})
        levels = [
            {"exercise_id": r["exercise_id"], "level": r["level"], "date": r["day"],
             "at": r["at"], "cause": r["cause"], "reason": r["reason"]}
            for r in self._rows("SELECT * FROM level_changes ORDER BY id")
        ]
        checkins = [
            {"date": r["day"], **{s: r[s] for s in SYMPTOMS}, "feet": r["feet"],
             "note": r["note"] or "", "recorded_at": r["recorded_at"], "foot": r["foot"]}
            # Every check-in, even for a report: its meaningful change (coach.change)
            # compares the period with the history before it (one row a day: cheap).
            for r in self._rows("SELECT * FROM checkins ORDER BY day")
        ]
        entries: dict[int, list[dict]] = {}
        for r in self._rows("SELECT e.* FROM sessions s CROSS JOIN entries e"
                            " ON e.session_id = s.id WHERE s.day >= ?"
                            " ORDER BY e.session_id, e.step_index", [day]):
            entries.setdefault(r["session_id"], []).append(
                {"step_index": r["step_index"], "exercise_id": r["exercise_id"],
                 "status": r["status"], "side": r["side"], "reps": r["reps"],
                 "seconds": r["seconds"], "rating": r["rating"], "logged_at": r["logged_at"]})
        sessions = [
            {"id": r["id"], "date": r["day"], "started_at": r["started_at"],
             "finished_at": r["finished_at"], "stopped_reason": r["stopped_reason"],
             "steps": json.loads(r["steps"]), "entries": entries.get(r["id"], [])}
            for r in self._rows("SELECT * FROM sessions WHERE day >= ? ORDER BY started_at, id", [day])
        ]
        balance = [
            {"date": r["day"], "side": r["side"], "seconds": float(r["seconds"]),
             "recorded_at": r["recorded_at"]}
            for r in self._rows("SELECT * FROM balance_tests WHERE day >= ? ORDER BY day, id", [day])
        ]
        extras = export_extras(self.conn, day)
        if profile is not None:
            profile["screening"] = extras["screening"]
        for session in sessions:
            session["follow_up"] = extras["follow_ups"].get(session["id"])
        return {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": exported_at,
            "profile": None if profile is None else {
                "birth_year": profile["birth_year"], "feet": profile["feet"],
                "days_per_week": profile["days_per_week"],
                "rest_days": json.loads(profile["rest_days"] or "[]"),
                "restriction": profile["restriction"],
                "screening": profile["screening"],
            },
            "plan": plan,
            "exercises": builtin + custom,
            "checkins": checkins,
            "sessions": sessions,
            "balance_tests": balance,
            "level_changes": levels,
            "self_tests": extras["self_tests"],
        } | ({} if since is None else {"records_before": self._records_before(since)})

    def _records_before(self, day: str) -> bool:
        return any(self.conn.execute(f"SELECT 1 FROM {table} WHERE day < ? LIMIT 1",
                                     [day]).fetchone()
                   for table in ("checkins", "sessions", "balance_tests"))

    # -- import ------------------------------------------------------------------
    def data_counts(self) -> dict[str, int]:
        """How many rows each of the person's tables holds."""
        from neurocoach.domain.exchange import PERSON_TABLES

        return {table: self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in PERSON_TABLES}

    def is_empty(self) -> bool:
        return not any(self.data_counts().values())

    def import_data(self, rows: ImportRows) -> None:
        """Write a checked export into this DB, all or nothing. Refuses unless empty."""
        from neurocoach.domain.exchange import PERSON_TABLES

        conn = self.conn
        # Room for the rows and the indexes built after them in one transaction: with
        # SQLite's default 2 MiB, ten years' pages spill to the WAL before the commit.
        cache = conn.execute("PRAGMA cache_size").fetchone()[0]
        conn.execute(f"PRAGMA cache_size = {IMPORT_CACHE_KIB}")
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                counts = self.data_counts()
                if any(counts.values()):
                    held = ", ".join(f"a {PERSON_TABLES[t]}" if t in ("profile", "plan")
                                     else count(n, PERSON_TABLES[t].removesuffix("s"),
                                                PERSON_TABLES[t])
                                     for t, n in counts.items() if n)
                    raise StoreError(
                        f"{self.path} already holds data ({held}); import only fills an empty "
                        "database, so nothing was changed. Import into a new file with "
                        "--db NEW.db, or use `neurocoach restore` for a backup.")
                if rows.profile is not None:
                    # A profile in the export was the person's own: the welcome is done.
                    conn.execute("INSERT INTO profile (id, birth_year, feet, days_per_week,"
                                 " rest_days, restriction, updated_at, welcomed_at)"
                                 " VALUES (1,?,?,?,?,?,?,?)",
                                 [*rows.profile, rows.profile[-1]])
                # The big tables' indexes are built once, after their rows (SQLite sorts
                # and writes each index in one pass), not grown row by row: a ten-year file
                # imports about a third faster. Same names, same SQL: the same schema.
                indexes = conn.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT"
                    " NULL AND tbl_name IN ('checkins', 'sessions', 'entries', 'balance_tests')"
                ).fetchall()
                for name, _ in indexes:
                    conn.execute(f'DROP INDEX "{name}"')
                conn.executemany("INSERT INTO custom_exercises (id, fields, created_at,"
                                 " updated_at, archived_at) VALUES (?,?,?,?,?)", rows.custom)
                if rows.plan is not None:
                    self._write_plan(conn, rows.plan, rows.saved_at)  # store/plans.py
                conn.executemany("INSERT INTO level_changes (exercise_id, level, day, at, cause,"
                                 " reason) VALUES (?,?,?,?,?,?)", rows.level_changes)
                columns = ("day", *SYMPTOMS, "feet", "note", "recorded_at", "foot")
                conn.executemany(f"INSERT INTO checkins ({', '.join(columns)})"
                                 f" VALUES ({','.join('?' * len(columns))})", rows.checkins)
                conn.executemany("INSERT INTO sessions (id, day, started_at, finished_at,"
                                 " steps, stopped_reason) VALUES (?,?,?,?,?,?)", rows.sessions)
                conn.executemany("INSERT INTO entries (session_id, step_index, exercise_id,"
                                 " side, status, reps, seconds, rating, logged_at)"
                                 " VALUES (?,?,?,?,?,?,?,?,?)", rows.entries)
                conn.executemany("INSERT INTO balance_tests (day, side, seconds, recorded_at)"
                                 " VALUES (?,?,?,?)", rows.balance_tests)
                for _, sql in indexes:
                    conn.execute(sql)
                conn.execute(TOTALS_FROM_ENTRIES)
                conn.execute("DELETE FROM streak_checkpoint")  # the steps are all new
                write_v2(conn, rows.v2)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            raise StoreError(f"could not import into {self.path} ({exc}); "
                             "nothing was changed.") from None
        finally:
            with contextlib.suppress(sqlite3.Error):
                conn.execute(f"PRAGMA cache_size = {int(cache)}")

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


# -- what version 2 adds (export/v2.py reads it) -------------------------------------
def export_extras(conn, since: str = "") -> dict:
    """The version-2 fields read from the DB: {'screening', 'follow_ups', 'self_tests'}
    (`since`, YYYY-MM-DD: the follow-ups of that day's sessions on, for a report)."""
    row = conn.execute("SELECT screening FROM profile WHERE id = 1").fetchone()
    screening = screening_from_json(row[0] if row else None).to_dict()
    follow_ups = dict(conn.execute("SELECT id, follow_up FROM sessions"
                                   " WHERE day >= ? AND follow_up IS NOT NULL", [since]))
    tests = [{"date": d, "kind": k, "result": r, "recorded_at": at} for d, k, r, at in
             conn.execute("SELECT day, kind, result, recorded_at FROM self_tests"
                          " ORDER BY day, id")]
    return {"screening": screening, "follow_ups": follow_ups, "self_tests": tests}


def write_v2(conn, extras: V2Rows | None) -> None:
    """Inside import's transaction, after the version-1 rows."""
    if extras is None:
        return
    if extras.screening is not None:
        conn.execute("UPDATE profile SET screening = ? WHERE id = 1", [extras.screening])
    conn.executemany("UPDATE sessions SET follow_up = ? WHERE id = ?", extras.follow_ups)
    conn.executemany("INSERT INTO self_tests (day, kind, result, recorded_at)"
                     " VALUES (?,?,?,?)", extras.self_tests)
