"""Logged steps, written with their exercise's running totals in one transaction.

The totals (table exercise_totals, migration m005_i17_exercise_totals) answer Progress's
all-history question "how much of each exercise, ever" in one row per exercise, however
long the history (issue 17). Every write of `entries` goes through here or through the
import (`TOTALS_FROM_ENTRIES`), so the totals never disagree with the steps.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator

from neurocoach.store.errors import StoreError
from neurocoach.store.progress import _TALLY

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from neurocoach.domain.models import Entry

TOTALS_FROM_ENTRIES = ("INSERT INTO exercise_totals (exercise_id, steps, timed, seconds,"
                       f" counted, reps) SELECT e.exercise_id, {_TALLY} FROM entries e"
                       " WHERE e.status = 'done' GROUP BY e.exercise_id")
"""The running totals made afresh from every step (after an import fills an empty DB)."""

FORGET_CHECKPOINT = ("DELETE FROM streak_checkpoint WHERE through >="
                     " (SELECT day FROM sessions WHERE id = ?)")
"""A step changing in a session on or before the streak checkpoint's last day changes the
days it walked: it goes, in the step's transaction (made again on the next read)."""


def move_totals(conn: sqlite3.Connection, step, sign: int) -> None:
    """Add (sign 1) or take away (-1) one logged step from its exercise's running totals;
    `step` is (exercise id, status, seconds, reps). Only done steps count. Called inside
    the transaction that writes the step: the totals never disagree with the steps."""
    exercise_id, status, seconds, reps = step
    if status != "done":
        return
    conn.execute(
        "INSERT INTO exercise_totals (exercise_id, steps, timed, seconds, counted, reps)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (exercise_id) DO UPDATE SET"
        " steps = steps + excluded.steps, timed = timed + excluded.timed,"
        " seconds = seconds + excluded.seconds, counted = counted + excluded.counted,"
        " reps = reps + excluded.reps",
        [exercise_id, sign, sign * (seconds is not None), sign * (seconds or 0),
         sign * (reps is not None), sign * (reps or 0)])


class StepWrites:
    """Mixed into Store: uses its `conn` and `path`."""

    def log_entry(self, session_id: int, entry: Entry) -> None:
        """Record a done or skipped step. Replaces an earlier log of the same step."""
        with self._step_change(session_id, entry.step_index) as conn:
            conn.execute(
                "INSERT INTO entries (session_id, step_index, exercise_id, side, status,"
                " reps, seconds, rating, logged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [session_id, entry.step_index, entry.exercise_id, entry.side, entry.status,
                 entry.reps, entry.seconds, entry.rating, entry.logged_at],
            )
            move_totals(conn, (entry.exercise_id, entry.status, entry.seconds, entry.reps), 1)

    def undo_entry(self, session_id: int, step_index: int) -> None:
        with self._step_change(session_id, step_index):
            pass

    @contextlib.contextmanager
    def _step_change(self, session_id: int, step_index: int) -> Iterator[sqlite3.Connection]:
        """One transaction that takes a logged step away (if there is one), with its share
        of its exercise's running totals, then lets the caller write the new one."""
        conn, began = self.conn, False
        try:
            conn.execute("BEGIN IMMEDIATE")
            began = True
            conn.execute(FORGET_CHECKPOINT, [session_id])
            where = [session_id, step_index]
            old = conn.execute("SELECT exercise_id, status, seconds, reps FROM entries"
                               " WHERE session_id = ? AND step_index = ?", where).fetchone()
            if old is not None:
                conn.execute("DELETE FROM entries WHERE session_id = ? AND step_index = ?",
                             where)
                move_totals(conn, old, -1)
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            if began and conn.in_transaction:  # also when COMMIT itself failed (disk full)
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.DatabaseError):
                raise StoreError(f"could not save to {self.path}: {exc}.") from None
            raise
