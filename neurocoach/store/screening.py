"""Issue 13's store reads and writes: the clinician's plan stamp, the follow-up after a
session stopped for a serious symptom, and the STEADI and chair-stand self-tests."""

from __future__ import annotations

import datetime as dt
import json

from neurocoach.domain.names import SYMPTOMS

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from neurocoach.domain.models import Screening

SELF_TEST_KINDS = ("steadi", "chair_stand")
FOLLOW_UP_ANSWERS = ("checked", "not_yet")


def screening_from_json(text: str | None) -> Screening:
    """The stored answers; a NULL (never asked) or unreadable value reads as not asked."""
    from neurocoach.domain.models import Screening  # here: `status` needs no dataclasses

    try:
        data = json.loads(text or "{}")
    except ValueError:
        data = {}
    return Screening.from_dict(data if isinstance(data, dict) else {})


class ScreeningQueries:
    """Mixed into Store: expects `self._rows`, `self._write` and `self.conn`."""

    def screening_asked(self) -> bool:
        """Whether the health questions were ever put to the person (the welcome or the
        profile saved them, even as "not sure"). A DB from before them, or a profile only a
        plan import wrote, has not: Today says where to answer them."""
        row = self.conn.execute("SELECT screening FROM profile WHERE id = 1").fetchone()
        return row is not None and row[0] is not None

    # -- the clinician's plan ------------------------------------------------------
    def clinician_plan_at(self) -> dt.datetime | None:
        """When a plan file (a clinician's plan) was last imported; None if never."""
        row = self.conn.execute("SELECT clinician_plan_at FROM profile WHERE id = 1").fetchone()
        return dt.datetime.fromisoformat(row[0]) if row and row[0] else None

    def mark_clinician_plan(self, now: dt.datetime) -> None:
        self._write("UPDATE profile SET clinician_plan_at = ? WHERE id = 1", [now.isoformat()])

    # -- after a stop --------------------------------------------------------------
    def stop_to_follow_up(self, reasons: tuple[str, ...]) -> tuple[int, dt.date, str] | None:
        """The latest session stopped for one of `reasons` whose follow-up question has
        not been answered "checked" yet: (session id, day, reason)."""
        if not reasons:
            return None
        row = self.conn.execute(
            "SELECT id, day, stopped_reason FROM sessions WHERE (follow_up IS NULL OR"
            " follow_up = 'not_yet') AND"
            f" stopped_reason IN ({', '.join('?' * len(reasons))})"
            " ORDER BY started_at DESC, id DESC LIMIT 1", list(reasons)).fetchone()
        return None if row is None else (row[0], dt.date.fromisoformat(row[1]), row[2])

    def record_follow_up(self, session_id: int, answer: str) -> None:
        if answer not in FOLLOW_UP_ANSWERS:
            raise ValueError(f"follow-up answer must be one of {FOLLOW_UP_ANSWERS}")
        self._write("UPDATE sessions SET follow_up = ? WHERE id = ?", [answer, session_id])

    def follow_up_of(self, session_id: int) -> str | None:
        row = self.conn.execute("SELECT follow_up FROM sessions WHERE id = ?",
                                [session_id]).fetchone()
        return row[0] if row else None

    # -- self-tests ----------------------------------------------------------------
    def record_self_test(self, day: dt.date, kind: str, result: int, now: dt.datetime) -> None:
        """A STEADI 4-stage result (the last stage held 10 s, 0-4) or a chair-stand count."""
        if kind not in SELF_TEST_KINDS:
            raise ValueError(f"self-test kind must be one of {SELF_TEST_KINDS}")
        self._write("INSERT INTO self_tests (day, kind, result, recorded_at) VALUES (?, ?, ?, ?)",
                    [day.isoformat(), kind, int(result), now.isoformat()])

    def self_tests(self, kind: str | None = None) -> list[tuple[dt.date, str, int]]:
        """(day, kind, result), oldest first."""
        rows = self.conn.execute(
            "SELECT day, kind, result FROM self_tests WHERE ? IS NULL OR kind = ?"
            " ORDER BY day, id", [kind, kind])
        return [(dt.date.fromisoformat(d), k, r) for d, k, r in rows]

    # -- symptom scores (coach.change reads them) ------------------------------------
    def symptom_scores(self, name: str, last: dt.date, first_days: int | None = None,
                       since: dt.date | None = None) -> dict[dt.date, int]:
        """Every score of one symptom up to `last`, by day; with `first_days` and `since`,
        only the first `first_days` days with a score and the days from `since` on: all a
        baseline-against-recent comparison reads, the same however long the history."""
        if name not in SYMPTOMS:
            raise ValueError(f"unknown symptom {name!r}")
        scored = f"SELECT day, {name} FROM checkins WHERE {name} IS NOT NULL AND day <= ?"
        if first_days is None or since is None:
            rows = self.conn.execute(scored + " ORDER BY day", [last.isoformat()])
        else:
            rows = self.conn.execute(
                f"SELECT * FROM ({scored} ORDER BY day LIMIT ?)"
                f" UNION SELECT * FROM ({scored} AND day >= ?) ORDER BY 1",
                [last.isoformat(), first_days, last.isoformat(), since.isoformat()])
        return {dt.date.fromisoformat(d): v for d, v in rows}
