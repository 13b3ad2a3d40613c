"""Read-side queries for Progress and reports: aggregates computed in SQL.

Every query here either touches a bounded range of days (through the `day` indexes) or
returns one row per day at most; none reads every entry into Python. The only all-history
questions are "which days had training" (one EXISTS probe per session) and the totals.

Work done is tallied per exercise in SQL (done steps, logged seconds, logged reps); the
coach turns a tally into time with the catalog dose (coach.stats.work_seconds). Reading each
step's planned dose out of the `sessions.steps` JSON instead costs a JSON parse per entry,
about 55 ms over ten years, for the same answer whenever sets did not change.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from neurocoach.domain.names import SYMPTOMS
from neurocoach.store.opening import StoreError

_TALLY = ("count(*), count(e.seconds), coalesce(sum(e.seconds), 0), count(e.reps),"
          " coalesce(sum(e.reps), 0)")
"""Per group of done steps: how many, how many logged seconds and their sum, same for reps."""

_HAS_DONE = ("EXISTS (SELECT 1 FROM entries e WHERE e.session_id = s.id"
             " AND e.status = 'done')")


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _symptom(name: str) -> str:
    if name not in SYMPTOMS:  # column names cannot be parameters: only these four
        raise ValueError(f"unknown symptom {name!r}")
    return name


class ProgressQueries:
    """Mixed into Store: expects `self.db` (sqlite_utils.Database) and `self.conn`."""

    def data_stamp(self) -> tuple[int, int]:
        """Changes when anything is written, by this connection or another (a second SSH
        window): a screen can skip reloading when the stamp (and the day) are the same."""
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        return self.conn.total_changes, version

    # -- adherence -----------------------------------------------------------------------
    def first_activity_day(self) -> dt.date | None:
        """The first day with a session or a check-in: before it nothing counts as missed."""
        row = self.conn.execute(
            "SELECT min(d) FROM (SELECT min(day) AS d FROM sessions"
            " UNION ALL SELECT min(day) FROM checkins)").fetchone()
        return _day(row[0])

    def all_trained_days(self) -> set[dt.date]:
        """Every day with at least one step done: one row per day, for the longest streak."""
        rows = self.conn.execute(f"SELECT DISTINCT s.day FROM sessions s WHERE {_HAS_DONE}")
        return {dt.date.fromisoformat(r[0]) for r in rows}

    def day_shares(self, first: dt.date, last: dt.date) -> dict[dt.date, float]:
        """Share (0–1) of the day's planned steps that were done, for days with training.

        Planned = the longest session started that day; done = done steps over all of that
        day's sessions (a second go the same day fills in what the first left).
        """
        rows = self.conn.execute(
            "SELECT s.day, max(json_array_length(s.steps)),"
            " sum((SELECT count(*) FROM entries e WHERE e.session_id = s.id"
            "      AND e.status = 'done'))"
            " FROM sessions s WHERE s.day BETWEEN ? AND ? GROUP BY s.day",
            [first.isoformat(), last.isoformat()])
        return {dt.date.fromisoformat(day): min(1.0, done / max(planned, 1))
                for day, planned, done in rows if done}

    # -- work done -----------------------------------------------------------------------
    def weekly_exercise_tallies(self, first_monday: dt.date, weeks: int) -> list[tuple]:
        """(week index from `first_monday`, exercise id, steps done, steps with seconds
        logged, their seconds, steps with reps logged, their reps), per week and exercise."""
        last = first_monday + dt.timedelta(days=7 * weeks - 1)
        return self.conn.execute(
            "SELECT CAST((julianday(s.day) - julianday(?)) / 7 AS INTEGER) AS week,"
            f" e.exercise_id, {_TALLY}"
            " FROM sessions s CROSS JOIN entries e ON e.session_id = s.id"  # by day: 8 weeks
            " WHERE s.day BETWEEN ? AND ? AND e.status = 'done'"
            " GROUP BY week, e.exercise_id",
            [first_monday.isoformat(), first_monday.isoformat(), last.isoformat()]).fetchall()

    def exercise_tallies(self) -> list[tuple]:
        """(exercise id, steps done, …as above) over all history, one row per exercise:
        the running totals kept with every step (`move_totals`), so thirty years read as
        fast as one."""
        return self.conn.execute(
            "SELECT exercise_id, steps, timed, seconds, counted, reps FROM exercise_totals"
            " WHERE steps > 0 ORDER BY exercise_id").fetchall()

    def session_count(self) -> tuple[int, dt.date | None]:
        """(sessions with at least one step done, the day of the first of them)."""
        count, first = self.conn.execute(
            f"SELECT count(*), min(s.day) FROM sessions s WHERE {_HAS_DONE}").fetchone()
        return count, _day(first)

    # -- symptoms ------------------------------------------------------------------------
    def symptom_latest(self) -> dict[str, tuple[dt.date, int] | None]:
        """Each symptom's most recent value and its day (None if never recorded)."""
        result: dict[str, tuple[dt.date, int] | None] = {}
        for name in SYMPTOMS:
            col = _symptom(name)
            row = self.conn.execute(
                f"SELECT day, {col} FROM checkins WHERE {col} IS NOT NULL"
                " ORDER BY day DESC LIMIT 1").fetchone()
            result[name] = (dt.date.fromisoformat(row[0]), row[1]) if row else None
        return result

    def symptom_first_days(self) -> dict[str, dt.date | None]:
        result = {}
        for name in SYMPTOMS:
            col = _symptom(name)
            row = self.conn.execute(
                f"SELECT day FROM checkins WHERE {col} IS NOT NULL ORDER BY day LIMIT 1"
            ).fetchone()
            result[name] = _day(row[0]) if row else None
        return result

    def symptom_average(self, name: str, first: dt.date, last: dt.date) -> float | None:
        col = _symptom(name)
        return self.conn.execute(
            f"SELECT avg({col}) FROM checkins WHERE day BETWEEN ? AND ?",
            [first.isoformat(), last.isoformat()]).fetchone()[0]

    def symptom_buckets(self, first: dt.date, last: dt.date,
                        days_per_bucket: int) -> dict[str, dict[int, float]]:
        """Average of each symptom per bucket of days counted from `first` (bucket 0)."""
        averages = ", ".join(f"avg({_symptom(n)})" for n in SYMPTOMS)
        rows = self.conn.execute(
            f"SELECT CAST((julianday(day) - julianday(?)) / ? AS INTEGER) AS bucket, {averages}"
            " FROM checkins WHERE day BETWEEN ? AND ? GROUP BY bucket",
            [first.isoformat(), days_per_bucket, first.isoformat(), last.isoformat()])
        result: dict[str, dict[int, float]] = {name: {} for name in SYMPTOMS}
        for bucket, *values in rows:
            for name, value in zip(SYMPTOMS, values):
                if value is not None:
                    result[name][bucket] = value
        return result

    # -- balance self-tests --------------------------------------------------------------
    def record_balance_test(self, day: dt.date, best: dict[str, float],
                            now: dt.datetime) -> None:
        """One row per side tested, with the best of its tries, in one transaction."""
        rows = [(day.isoformat(), side, round(float(seconds), 1), now.isoformat())
                for side, seconds in best.items()]
        if not rows:
            return
        try:
            with self.conn:
                self.conn.executemany(
                    "INSERT INTO balance_tests (day, side, seconds, recorded_at)"
                    " VALUES (?, ?, ?, ?)", rows)
        except sqlite3.OperationalError as exc:
            raise StoreError(f"could not save to {self.path}: {exc}.") from None

    def balance_history(self, limit: int = 12) -> list[tuple[dt.date, dict[str, float]]]:
        """The last `limit` days with a balance test, oldest first: best per side per day."""
        rows = self.conn.execute(
            "SELECT day, side, max(seconds) FROM balance_tests WHERE day IN"
            " (SELECT DISTINCT day FROM balance_tests ORDER BY day DESC LIMIT ?)"
            " GROUP BY day, side ORDER BY day", [limit])
        days: dict[str, dict[str, float]] = {}
        for day, side, seconds in rows:
            days.setdefault(day, {})[side] = seconds
        return [(dt.date.fromisoformat(day), sides) for day, sides in days.items()]

    def first_balance_test(self) -> tuple[dt.date, dict[str, float]] | None:
        """The first day with a balance test and its best per side."""
        rows = list(self.conn.execute(
            "SELECT day, side, max(seconds) FROM balance_tests"
            " WHERE day = (SELECT min(day) FROM balance_tests) GROUP BY side"))
        if not rows:
            return None
        return dt.date.fromisoformat(rows[0][0]), {side: secs for _, side, secs in rows}
