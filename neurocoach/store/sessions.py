"""A session and its logged steps (SQL only here): every step is committed as it is logged."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from neurocoach.domain.models import SessionRecord, Step


class SessionQueries:
    """Mixed into Store: expects `self._rows`, `self._write` and `self.conn`."""

    def start_session(self, day: dt.date, steps: list[Step], now: dt.datetime) -> SessionRecord:
        from neurocoach.domain.models import SessionRecord

        cur = self._write(
            "INSERT INTO sessions (day, started_at, steps) VALUES (?, ?, ?)",
            [day.isoformat(), now.isoformat(), json.dumps([s.to_dict() for s in steps])],
        )
        return SessionRecord(id=cur.lastrowid, day=day, started_at=now, steps=list(steps))

    def rate_entry(self, session_id: int, step_index: int, rating: int) -> None:
        self._write("UPDATE entries SET rating = ? WHERE session_id = ? AND step_index = ?",
                    [rating, session_id, step_index])

    def finish_session(self, session_id: int, now: dt.datetime, reason: str | None = None) -> None:
        self._write("UPDATE sessions SET finished_at = ?, stopped_reason = ? WHERE id = ?",
                    [now.isoformat(), reason, session_id])

    def session(self, session_id: int) -> SessionRecord | None:
        row = next(self._rows("SELECT * FROM sessions WHERE id = ?", [session_id]), None)
        return None if row is None else self._session_from_row(row)

    def latest_session(self, since: dt.date | None = None) -> SessionRecord | None:
        """The most recent session (optionally only those started on or after `since`)."""
        row = next(self._rows(
            "SELECT * FROM sessions WHERE day >= ? ORDER BY started_at DESC, id DESC LIMIT 1",
            [(since or dt.date.min).isoformat()],
        ), None)
        return None if row is None else self._session_from_row(row)

    def latest_progress(self, since: dt.date) -> tuple[int, int, bool, bool] | None:
        """latest_session(since)'s (steps done, steps, finished, stopped for a symptom),
        read in SQL without building the session (`status` reads only these); None: no
        session since then."""
        return self.conn.execute(
            "SELECT (SELECT count(*) FROM entries e WHERE e.session_id = s.id"
            " AND e.status = 'done'), json_array_length(s.steps), s.finished_at IS NOT NULL,"
            " s.stopped_reason IS NOT NULL FROM sessions s WHERE s.day >= ?"
            " ORDER BY s.started_at DESC, s.id DESC LIMIT 1",
            [since.isoformat()]).fetchone()

    def last_session_day(self, before: dt.date | None = None) -> dt.date | None:
        """The last day with at least one done step (optionally strictly before a day)."""
        row = self.conn.execute(
            "SELECT max(s.day) FROM sessions s WHERE s.day < ? AND EXISTS "
            "(SELECT 1 FROM entries e WHERE e.session_id = s.id AND e.status = 'done')",
            [(before or dt.date.max).isoformat()],
        ).fetchone()
        return dt.date.fromisoformat(row[0]) if row and row[0] else None

    def trained_days(self, since: dt.date, until: dt.date = dt.date.max) -> set[dt.date]:
        """Days (on or after `since`, up to `until`) with at least one step done."""
        rows = self.conn.execute(
            "SELECT DISTINCT s.day FROM sessions s CROSS JOIN entries e ON e.session_id = s.id"
            " WHERE e.status = 'done' AND s.day BETWEEN ? AND ?",
            [since.isoformat(), until.isoformat()],
        )
        return {dt.date.fromisoformat(r[0]) for r in rows}

    # -- the streak checkpoint (migration m006_i17_streak_checkpoint) ---------------------
    def streak_checkpoint(self, start: dt.date, rest: str) -> tuple[dt.date, tuple] | None:
        """(the last day walked, (run, lead, trained, best) after it), if one was kept for
        this first day and these rest days."""
        row = self.conn.execute(
            "SELECT through, run, lead, trained, best FROM streak_checkpoint"
            " WHERE id = 1 AND start = ? AND rest = ?", [start.isoformat(), rest]).fetchone()
        if row is None:
            return None
        return dt.date.fromisoformat(row[0]), (row[1], row[2], bool(row[3]), row[4])

    def keep_streak_checkpoint(self, through: dt.date, start: dt.date, rest: str,
                               carry: tuple) -> None:
        """Keep where the streak walk stood after `through`. Only a shortcut: when it cannot
        be written (a read-only file, another window writing), the figures stay the same."""
        run, lead, trained, best = carry
        try:
            with self.conn:
                self.conn.execute(
                    "INSERT OR REPLACE INTO streak_checkpoint (id, through, start, rest, run,"
                    " lead, trained, best) VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
                    [through.isoformat(), start.isoformat(), rest, run, lead, int(trained),
                     best])
        except sqlite3.DatabaseError:
            pass

    def _session_from_row(self, row: dict) -> SessionRecord:
        from neurocoach.domain.models import Entry, SessionRecord, Step  # `status`: none

        entries = {
            e["step_index"]: Entry(
                step_index=e["step_index"], exercise_id=e["exercise_id"], status=e["status"],
                side=e["side"], reps=e["reps"], seconds=e["seconds"], rating=e["rating"],
                logged_at=e["logged_at"] or "",
            )
            for e in self._rows("SELECT * FROM entries WHERE session_id = ?", [row["id"]])
        }
        return SessionRecord(
            id=row["id"], day=dt.date.fromisoformat(row["day"]),
            started_at=dt.datetime.fromisoformat(row["started_at"]),
            steps=[Step.from_dict(s) for s in json.loads(row["steps"])],
            entries=entries,
            finished_at=dt.datetime.fromisoformat(row["finished_at"]) if row["finished_at"] else None,
            stopped_reason=row["stopped_reason"],
        )
