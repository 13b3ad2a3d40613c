"""Per-day reads for the pictures and the 'what helps' comparison."""

from __future__ import annotations

import datetime as dt


class DailyQueries:
    """Mixed into Store: uses its `conn`."""

    def exercises_done_by_day(self, first: dt.date, last: dt.date) -> dict[dt.date, set[str]]:
        """The exercises with a step done, for each day from `first` to `last` that had one."""
        rows = self.conn.execute(
            # CROSS JOIN: SQLite walks the period's sessions by day, then their steps (left
            # to itself it scans every done step of all history: 40 ms at thirty years)
            "SELECT DISTINCT s.day, e.exercise_id FROM sessions s"
            " CROSS JOIN entries e ON e.session_id = s.id"
            " WHERE e.status = 'done' AND s.day BETWEEN ? AND ?",
            [first.isoformat(), last.isoformat()])
        days: dict[dt.date, set[str]] = {}
        for day, exercise_id in rows:
            days.setdefault(dt.date.fromisoformat(day), set()).add(exercise_id)
        return days
