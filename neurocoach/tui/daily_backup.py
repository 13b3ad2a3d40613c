"""Today's rolling backup copy, made after the first paint in a thread worker.

The copy reads the whole file: in a worker the first screen answers keys meanwhile. A
connection belongs to the thread that opened it (DESIGN.md, Store rules), so the worker
opens its own (`Store.reopened`: SQLite alone opens the file, so the App's locks on it
stay) and closes it; it posts `DailyBackup.Done` back, and the App says what went
wrong, if anything, in one line (damage found by the copy's check stops the App, as any
damage does)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual import work
from textual.message import Message

from neurocoach.store import Store, StoreError
from neurocoach.store.errors import DamagedError


class DailyBackup:
    """Mixed into the App (it has `store`, `clock`, `notify` and `stop_for_store`)."""

    @dataclass
    class Done(Message):
        """The worker's answer: None, or why no copy was made."""
        problem: StoreError | None

    def daily_backup(self) -> None:
        """Today's rolling copy beside the DB (once a day), in a worker."""
        self.make_daily_backup(self.store, self.clock.today())

    @work(thread=True, exclusive=True, group="daily-backup")
    def make_daily_backup(self, app_store: Store, today: dt.date) -> None:
        problem = None
        try:
            store = app_store.reopened()  # its own connection, on this thread
            try:
                store.daily_backup(today)
            finally:
                store.close()
        except StoreError as exc:
            problem = exc
        self.post_message(self.Done(problem))

    def on_daily_backup_done(self, message: Done) -> None:
        problem = message.problem
        if isinstance(problem, DamagedError):  # found by the integrity check before copying
            self.stop_for_store(problem)
        elif problem is not None:
            self.notify(f"Today's backup copy could not be made: {problem}",
                        severity="warning", timeout=10)
