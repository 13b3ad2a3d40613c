"""The person's plan, their level per exercise, and their own exercises (SQL only here).

The plan's training and rest days are the profile's columns: one place for them, which the
streak and the status line read too. Level changes are kept as a history (the current level
is the latest row per exercise). Custom exercises are stored as their catalog fields (JSON)
and read back through the catalog's own checks; archiving hides one, never deletes it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator

from neurocoach.domain.text import strip_controls
from neurocoach.store.opening import StoreError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (2 ms of `status`)
if TYPE_CHECKING:  # imported where used: opening the store for `status` needs none of them
    from neurocoach.catalog import Exercise
    from neurocoach.domain.dose import Dose
    from neurocoach.domain.plan import LevelState, Outcome, Plan

_DOSE_KEYS = ("kind", "sets", "reps", "seconds", "minutes")
_STEP_DOSE_KEYS = ("reps", "seconds", "minutes", "sets")
"""What `_planned` reads of a session's step."""


def _dose_json(dose: Dose | None) -> str | None:
    if dose is None:
        return None
    return json.dumps({k: getattr(dose, k) for k in _DOSE_KEYS if getattr(dose, k) is not None})


def _dose(text: str | None) -> Dose | None:
    from neurocoach.domain.dose import Dose

    return Dose(**json.loads(text)) if text else None


def _state(row) -> LevelState:
    from neurocoach.domain.plan import LevelState

    return LevelState(row["exercise_id"], row["level"], dt.date.fromisoformat(row["day"]),
                      dt.datetime.fromisoformat(row["at"]), row["cause"], row["reason"])


class PlanQueries:
    """Mixed into Store: expects `self._rows`, `self.conn`, `self.path` and `self.profile()`."""

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """Several statements, all or nothing."""
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            raise StoreError(f"could not save to {self.path}: {exc}.") from None

    # -- the plan ----------------------------------------------------------------------
    def saved_plan(self) -> Plan | None:
        """The person's plan, or None if they never changed the default one."""
        from neurocoach.domain.plan import ExerciseSettings, Plan

        row = next(self._rows("SELECT * FROM plan WHERE id = 1"), None)
        if row is None:
            return None
        rows = list(self._rows("SELECT * FROM plan_exercises ORDER BY position"))
        settings = tuple(
            (r["exercise_id"], ExerciseSettings(level=r["level"], dose=_dose(r["dose"]),
                                                note=r["note"] or ""))
            for r in rows)
        plan = Plan(tuple(r["exercise_id"] for r in rows), target_minutes=row["target_minutes"],
                    note=row["note"] or "", settings=settings,
                    balance_without_support=bool(row["balance_without_support"]))
        return plan.with_schedule(self.profile())

    def save_plan(self, plan: Plan, now: dt.datetime,
                  levels: Iterable[LevelState] = ()) -> None:
        """Replace the plan (and the profile's training and rest days) in one go."""
        with self._transaction() as conn:
            self._write_plan(conn, plan, now)
            self._write_levels(conn, levels)

    def _write_plan(self, conn: sqlite3.Connection, plan: Plan, now: dt.datetime) -> None:
        from neurocoach.domain.models import Profile

        conn.execute("INSERT OR REPLACE INTO plan (id, target_minutes, note, updated_at,"
                     " balance_without_support) VALUES (1, ?, ?, ?, ?)",
                     [plan.target_minutes, strip_controls(plan.note or "", lines=True),
                      now.isoformat(), int(plan.balance_without_support)])
        conn.execute("DELETE FROM plan_exercises")
        conn.executemany(
            "INSERT INTO plan_exercises (exercise_id, position, level, dose, note)"
            " VALUES (?, ?, ?, ?, ?)",
            [(i, n, s.level, _dose_json(s.dose), s.note)
             for n, i in enumerate(plan.exercise_ids)
             for s in [plan.settings_for(i)]])
        if conn.execute("SELECT 1 FROM profile WHERE id = 1").fetchone() is None:
            default = Profile()
            conn.execute("INSERT INTO profile (id, birth_year, feet, days_per_week, rest_days,"
                         " restriction, updated_at) VALUES (1, NULL, ?, ?, ?, ?, ?)",
                         [default.feet, default.days_per_week, "[]", default.restriction,
                          now.isoformat()])
        conn.execute("UPDATE profile SET days_per_week = ?, rest_days = ?, updated_at = ?"
                     " WHERE id = 1", [plan.days_per_week, json.dumps(sorted(plan.rest_days)),
                                       now.isoformat()])

    # -- levels ------------------------------------------------------------------------
    def level_states(self) -> dict[str, LevelState]:
        """The current level of every exercise that has one."""
        rows = self._rows(
            "SELECT * FROM level_changes WHERE id IN"
            " (SELECT max(id) FROM level_changes GROUP BY exercise_id)")
        return {r["exercise_id"]: _state(r) for r in rows}

    def level_history(self, exercise_id: str) -> list[LevelState]:
        """Every level change of one exercise, oldest first."""
        return [_state(r) for r in self._rows(
            "SELECT * FROM level_changes WHERE exercise_id = ? ORDER BY id", [exercise_id])]

    def record_levels(self, states: Iterable[LevelState]) -> None:
        states = list(states)
        if states:
            with self._transaction() as conn:
                self._write_levels(conn, states)

    @staticmethod
    def _write_levels(conn: sqlite3.Connection, states: Iterable[LevelState]) -> None:
        conn.executemany(
            "INSERT INTO level_changes (exercise_id, level, day, at, cause, reason)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(s.exercise_id, s.level, s.day.isoformat(), s.at.isoformat(), s.cause, s.reason)
             for s in states])

    def exercise_outcomes(self, exercise_ids: Iterable[str],
                          since: dt.date) -> dict[str, list[Outcome]]:
        """Each exercise's sessions from `since` on, oldest first: done or not, the hardest
        rating, and the dose the session planned for it.

        Only the wanted exercises' entries are read, and each entry's planned dose comes
        out of its session's steps JSON in SQL (json_extract), not by decoding every
        session's steps in Python. CROSS JOIN keeps SQLite walking the sessions by day
        (a few months) rather than every entry of the exercises, ten years of them."""
        from neurocoach.domain.plan import Outcome

        wanted = list(dict.fromkeys(exercise_ids))
        if not wanted:
            return {}
        step = "json_extract(s.steps, '$[' || e.step_index || '].{}')"
        rows = self.conn.execute(
            "SELECT s.id, s.day, s.started_at, e.exercise_id, e.status, e.rating, e.reps,"
            " e.seconds, "
            + ", ".join(step.format(key) for key in _STEP_DOSE_KEYS)
            + " FROM sessions s CROSS JOIN entries e ON e.session_id = s.id"
            f" WHERE s.day >= ? AND e.exercise_id IN ({', '.join('?' * len(wanted))})"
            " ORDER BY s.started_at, s.id, e.step_index",
            [since.isoformat(), *wanted])
        grouped: dict[tuple[int, str], dict] = {}
        for sid, day, started, ex_id, status, rating, reps, seconds, *dose in rows:
            group = grouped.setdefault((sid, ex_id), {
                "day": day, "started": started, "done": False, "rating": None, "planned": None,
                "logged": []})
            group["done"] |= status == "done"
            if rating is not None:
                group["rating"] = max(group["rating"] or 0, rating)
            if group["planned"] is None:
                group["planned"] = _planned(dict(zip(_STEP_DOSE_KEYS, dose)))
            group["logged"].append((status, reps, seconds))
        result: dict[str, list[Outcome]] = {}
        for (_, ex_id), g in grouped.items():
            result.setdefault(ex_id, []).append(Outcome(
                day=dt.date.fromisoformat(g["day"]),
                started_at=dt.datetime.fromisoformat(g["started"]),
                done=g["done"], rating=g["rating"], planned=g["planned"],
                logged=_logged(g["planned"], g["logged"])))
        return result

    # -- the person's own exercises ------------------------------------------------------
    def custom_exercises(self) -> list[Exercise]:
        """Every custom exercise, archived ones too (history still names them)."""
        from neurocoach.catalog import CatalogError, parse_exercise

        found = []
        for row in self._rows("SELECT id, fields FROM custom_exercises ORDER BY created_at, id"):
            try:
                found.append(parse_exercise(json.loads(row["fields"]), where="stored exercise",
                                            custom=True))
            except (CatalogError, ValueError):
                continue  # a later catalog rule it breaks: leave it out, keep the row
        return found

    def archived_exercise_ids(self) -> set[str]:
        return {r[0] for r in self.conn.execute(
            "SELECT id FROM custom_exercises WHERE archived_at IS NOT NULL")}

    def save_custom_exercise(self, exercise: Exercise, now: dt.datetime) -> None:
        with self._transaction() as conn:
            self._write_custom(conn, exercise, now)

    @staticmethod
    def _write_custom(conn: sqlite3.Connection, exercise: Exercise, now: dt.datetime) -> None:
        from neurocoach.catalog import exercise_fields

        conn.execute(
            "INSERT INTO custom_exercises (id, fields, created_at, updated_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET fields = excluded.fields,"
            " updated_at = excluded.updated_at",
            [exercise.id, json.dumps(exercise_fields(exercise)), now.isoformat(), now.isoformat()])

    def archive_custom_exercise(self, exercise_id: str, now: dt.datetime,
                                plan: Plan | None = None) -> None:
        """Hide one of the person's exercises (and take it out of the plan, if given).
        Its sessions and levels stay."""
        with self._transaction() as conn:
            conn.execute("UPDATE custom_exercises SET archived_at = ? WHERE id = ?",
                         [now.isoformat(), exercise_id])
            if plan is not None:
                self._write_plan(conn, plan.without([exercise_id]), now)

    def restore_custom_exercise(self, exercise_id: str) -> None:
        with self._transaction() as conn:
            conn.execute("UPDATE custom_exercises SET archived_at = NULL WHERE id = ?",
                         [exercise_id])

    def apply_plan(self, plan: Plan, custom: Iterable[Exercise], now: dt.datetime,
                   levels: Iterable[LevelState] = ()) -> None:
        """An imported plan: its own exercises (new, changed or brought back from the
        archive), the plan and the levels it sets, all or nothing."""
        with self._transaction() as conn:
            for exercise in custom:
                self._write_custom(conn, exercise, now)
            conn.executemany("UPDATE custom_exercises SET archived_at = NULL WHERE id = ?",
                             [(i,) for i in plan.exercise_ids])
            self._write_plan(conn, plan, now)
            self._write_levels(conn, levels)
            conn.execute("UPDATE profile SET clinician_plan_at = ? WHERE id = 1",
                         [now.isoformat()])  # a plan file is the clinician's plan (issue 13)


def _logged(planned: Dose | None, entries: list[tuple]) -> Dose | None:
    """The dose actually done: the least logged on any side (a skipped side counts as
    nothing done), in the planned dose's kind; None when the entries do not say."""
    if planned is None:
        return None
    amounts = []
    for status, reps, seconds in entries:
        if status != "done":
            amounts.append(0)
        elif planned.kind == "reps":
            amounts.append(reps)
        elif planned.kind == "hold":
            amounts.append(seconds)
        else:
            amounts.append(None if seconds is None else round(seconds / 60))
    if not amounts or any(a is None for a in amounts):
        return None
    from neurocoach.domain.dose import Dose

    key = {"reps": "reps", "hold": "seconds", "minutes": "minutes"}[planned.kind]
    return Dose(planned.kind, planned.sets, **{key: min(amounts)})


def _planned(step: dict) -> Dose | None:
    from neurocoach.domain.dose import Dose

    for key, kind in (("reps", "reps"), ("seconds", "hold"), ("minutes", "minutes")):
        if step.get(key):
            return Dose(kind, step.get("sets") or 1, **{key: step[key]})
    return None
