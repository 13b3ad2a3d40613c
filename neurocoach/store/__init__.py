"""The only code that touches SQLite. Screens and commands call these methods.

Reads go through the connection (`_rows` gives dicts, as sqlite-utils' `db.query` does);
sqlite-utils itself (`Store.db`: its Migrations, the export, the tests) is imported when
first needed. Opening an up-to-date DB for the first paint or `status` does not need it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from neurocoach.clock import Clock
from neurocoach.domain.text import strip_controls
from neurocoach.domain.names import PROFILE_DAYS_PER_WEEK, PROFILE_REST_DAYS, SYMPTOMS
from neurocoach.store.backup import backup_to, hold_shared, pre_migration_path
from neurocoach.store.exchange import Exchange
from neurocoach.store.errors import raising_own_errors
from neurocoach.store.opening import (
    MIGRATIONS, StoreError, check_integrity, connect, inspect_existing, pending_migrations, prepare_new,
)
from neurocoach.store.places import check_data_folder, claim_companions
from neurocoach.store.plans import PlanQueries
from neurocoach.store.progress import ProgressQueries
from neurocoach.store.steps import StepWrites
from neurocoach.store.daily import DailyQueries
from neurocoach.store.screening import ScreeningQueries, screening_from_json
from neurocoach.store.sessions import SessionQueries
from neurocoach.store.settings import SettingsQueries

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (2 ms of `status`)
if TYPE_CHECKING:
    from typing import IO

    from neurocoach.domain.models import Checkin, Profile

    from sqlite_utils import Database

__all__ = ["Store", "StoreError"]

BUSY_TIMEOUT_MS = 10_000


@raising_own_errors
class Store(StepWrites, SessionQueries, ProgressQueries, Exchange, PlanQueries,
            SettingsQueries, DailyQueries, ScreeningQueries):
    """One person's data in one SQLite file."""

    def __init__(self, path: Path, conn: sqlite3.Connection,
                 db: Database | None = None) -> None:
        self.path = path
        self._conn = conn
        self._db = db
        self._in_use: IO[bytes] | None = None
        self.warnings: list[str] = []  # about where the file is, for the person to read

    @property
    def conn(self) -> sqlite3.Connection:
        return self._conn

    @property
    def db(self) -> Database:
        """sqlite-utils' Database on the same connection (made on first use)."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, execute_plugins=False)  # no plugin scan
        return self._db

    # -- opening -----------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str], *, clock: Clock | None = None,
             stamp: str = "") -> "Store":
        """Open (creating if needed) and migrate. Raises StoreError, never half-opens.
        A migration first copies the file aside, named with `stamp` or else the time
        `clock` gives (the real clock when none is passed)."""
        path = Path(path)
        warnings = check_data_folder(path)  # another user's folder or file: refused
        if os.path.lexists(path):
            empty = inspect_existing(path, thorough=False)  # quick_check only if migrating
        else:
            prepare_new(path)
            empty = True
        claim_companions(path)  # SQLite's -wal and -shm: the person's own, or refused
        conn = None
        try:
            conn = connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                   check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            pending = pending_migrations(conn)
            if pending and not empty:
                check_integrity(conn, path)  # a damaged file is neither copied nor upgraded
                backup_to(conn, pre_migration_path(path, stamp or _stamp(clock)))
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            db = None
            if pending and empty and pending == list(MIGRATIONS):  # a new file: one script
                from neurocoach.store.fresh import made_from_script

                if made_from_script(conn, (clock or Clock()).now()):
                    pending = []
            if pending:  # only now sqlite-utils and its Migrations (an up-to-date DB: never)
                from sqlite_utils import Database

                from neurocoach.store.migrations import migrations

                db = Database(conn, execute_plugins=False)  # no plugin scan
                migrations.apply(db)
                from neurocoach.store.schema import expected_schema

                expected_schema(MIGRATIONS)  # derived now that sqlite-utils is loaded, kept
                if empty:
                    from neurocoach.store.fresh import keep_script

                    keep_script()  # the next new file is made in one go
        except (sqlite3.Error, StoreError) as exc:
            if conn is not None:
                conn.close()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(f"cannot use {path}: {exc}.") from None
        os.chmod(path, 0o600)
        store = cls(path, conn, db)
        store.warnings = warnings
        return store

    def reopened(self) -> "Store":
        """The same file through a new connection, for a worker thread (a connection
        belongs to the thread that opened it; DESIGN.md, Store rules). Call it on that
        thread. The file is open and checked already: only SQLite opens it here, never a
        plain open() and close() of the file, which would drop every SQLite lock this
        process holds on it (POSIX locks are per process) and let another process delete
        the WAL the App's connection is still writing to. Raises StoreError."""
        try:
            conn = connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot use {self.path}: {exc}.") from None
        return type(self)(self.path, conn)

    def hold_in_use(self) -> None:
        """Say, until close, that a window has this file open: `restore` then refuses to
        swap the file from under it (the window would go on writing to the old one)."""
        self._in_use = hold_shared(self.path)

    def close(self) -> None:
        self._conn.close()
        if self._in_use is not None:
            self._in_use.close()  # closing the file lets the lock go
            self._in_use = None

    def _rows(self, sql: str, params: list | tuple = ()) -> Iterator[dict]:
        """The rows of one read, as dicts by column name."""
        cursor = self.conn.execute(sql, params)
        keys = [d[0] for d in cursor.description]
        return (dict(zip(keys, row)) for row in cursor)

    def _write(self, sql: str, params: list | tuple = ()) -> sqlite3.Cursor:
        """One statement in its own transaction: committed before this returns."""
        try:
            with self.conn:
                return self.conn.execute(sql, params)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"could not save to {self.path}: {exc}.") from None

    # -- profile -----------------------------------------------------------------
    def has_profile(self) -> bool:
        return self.conn.execute("SELECT 1 FROM profile WHERE id = 1").fetchone() is not None

    def profile(self) -> Profile:
        from neurocoach.domain.models import Profile  # here: `status` needs no dataclasses

        row = next(self._rows("SELECT * FROM profile WHERE id = 1"), None)
        if row is None:
            return Profile()
        return Profile(
            birth_year=row["birth_year"],
            feet=row["feet"],
            days_per_week=row["days_per_week"],
            rest_days=tuple(json.loads(row["rest_days"] or "[]")),
            restriction=row["restriction"],
            screening=screening_from_json(row.get("screening")),
        )

    def training_week(self) -> tuple[int, tuple[int, ...]]:
        """The profile's (days_per_week, rest_days), as `profile()` gives them, without
        building the Profile (`status` reads only these)."""
        row = self.conn.execute(
            "SELECT days_per_week, rest_days FROM profile WHERE id = 1").fetchone()
        if row is None:
            return PROFILE_DAYS_PER_WEEK, PROFILE_REST_DAYS
        return row[0], tuple(json.loads(row[1] or "[]"))

    def save_profile(self, profile: Profile, now: dt.datetime) -> None:
        """The person's own answers (the welcome's defaults or the profile form): saving
        them also completes the welcome (see `welcomed`)."""
        self._write(
            "INSERT OR REPLACE INTO profile (id, birth_year, feet, days_per_week, rest_days,"
            " restriction, updated_at, welcomed_at, screening, clinician_plan_at, movement)"
            " VALUES (1, ?, ?, ?, ?, ?, ?,"
            " COALESCE((SELECT welcomed_at FROM profile WHERE id = 1), ?), ?,"
            " (SELECT clinician_plan_at FROM profile WHERE id = 1),"
            " COALESCE((SELECT movement FROM profile WHERE id = 1), 1))",
            [profile.birth_year, profile.feet, profile.days_per_week,
             json.dumps(sorted(profile.rest_days)), profile.restriction, now.isoformat(),
             now.isoformat(), json.dumps(profile.screening.to_dict())],
        )

    def welcomed(self) -> bool:
        """Whether the person has been through the welcome (what neurocoach is and is not,
        when to stop) and the profile questions. A profile row alone does not say so: a
        plan import writes the training days into it."""
        row = self.conn.execute("SELECT welcomed_at FROM profile WHERE id = 1").fetchone()
        return row is not None and row[0] is not None

    def mark_welcomed(self, now: dt.datetime) -> None:
        """Record that the welcome was completed (the first time counts); a DB without a
        profile gets the default one, as the welcome's escape gives."""
        from neurocoach.domain.models import Profile

        default = Profile()
        self._write(
            "INSERT INTO profile (id, birth_year, feet, days_per_week, rest_days, restriction,"
            " updated_at, welcomed_at) VALUES (1, NULL, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET welcomed_at = COALESCE(welcomed_at,"
            " excluded.welcomed_at)",
            [default.feet, default.days_per_week, json.dumps(sorted(default.rest_days)),
             default.restriction, now.isoformat(), now.isoformat()],
        )

    # -- check-ins ---------------------------------------------------------------
    def record_checkin(self, checkin: Checkin, now: dt.datetime) -> bool:
        """Save the day's check-in; a second one that day replaces it. True if it replaced."""
        existed = self.checkin_for(checkin.day) is not None
        self._write(
            f"INSERT OR REPLACE INTO checkins (day, {', '.join(SYMPTOMS)}, feet, note,"
            f" recorded_at, foot) VALUES (?, {', '.join('?' * len(SYMPTOMS))}, ?, ?, ?, ?)",
            [checkin.day.isoformat(), *(checkin.symptom(s) for s in SYMPTOMS), checkin.feet,
             strip_controls(checkin.note or "", lines=True), now.isoformat(), checkin.foot],
        )
        return existed

    def checkin_for(self, day: dt.date) -> Checkin | None:
        rows = self.checkins_between(day, day)
        return rows[0] if rows else None

    def pain_on(self, day: dt.date) -> int | None:
        """The pain of the day's check-in (None: no check-in that day), without building
        the Checkin (`status` reads only this)."""
        row = self.conn.execute("SELECT pain FROM checkins WHERE day = ?",
                                [day.isoformat()]).fetchone()
        return None if row is None else row[0]

    def checkins_between(self, first: dt.date, last: dt.date) -> list[Checkin]:
        from neurocoach.domain.models import Checkin

        rows = self._rows(
            "SELECT * FROM checkins WHERE day BETWEEN ? AND ? ORDER BY day",
            [first.isoformat(), last.isoformat()],
        )
        return [
            Checkin(day=dt.date.fromisoformat(r["day"]), **{s: r[s] for s in SYMPTOMS},
                    feet=r["feet"], note=r["note"] or "", foot=r["foot"])
            for r in rows
        ]

    def average_pain(self, first: dt.date, last: dt.date) -> float | None:
        row = self.conn.execute(
            "SELECT avg(pain) FROM checkins WHERE day BETWEEN ? AND ?",
            [first.isoformat(), last.isoformat()],
        ).fetchone()
        return row[0]


def _stamp(clock: Clock | None) -> str:
    """A backup file name's stamp: the local time, as the clock says."""
    return (clock or Clock()).now().strftime("%Y%m%d-%H%M%S")
