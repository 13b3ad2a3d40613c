"""A count-up timer for timed self-tests, on the App's Clock.

Like the Countdown it repaints only itself and only when the shown second changes; the
time of a try is read from the clock when it stops, never from how often it ticked.
"""

from __future__ import annotations

import math

from textual.message import Message
from textual.timer import Timer
from textual.widgets import Digits


def face(seconds: float) -> str:
    whole = max(0, math.floor(seconds))
    return f"{whole // 60}:{whole % 60:02}"


class Stopwatch(Digits):
    """Counts up from 0 to `limit` seconds, where it stops by itself."""

    TICK_SECONDS = 0.25
    """How often to look at the clock while running (the display changes once a second)."""

    auto_tick: bool = True
    """Tests switch this off and call `tick()` after moving the fake clock."""

    class LimitReached(Message):
        """The stopwatch stopped itself at its limit."""

    def __init__(self, limit: float, **kwargs) -> None:
        super().__init__(face(0), **kwargs)
        self.limit = float(limit)
        self._started_at: float | None = None
        self._elapsed = 0.0
        self._interval: Timer | None = None

    @property
    def running(self) -> bool:
        return self._started_at is not None

    @property
    def elapsed(self) -> float:
        spent = self._elapsed
        if self._started_at is not None:
            spent = self.app.clock.monotonic() - self._started_at
        return min(max(spent, 0.0), self.limit)

    def start(self) -> None:
        """Start from zero."""
        if self.running:
            return
        self._elapsed = 0.0
        self._started_at = self.app.clock.monotonic()
        if self.auto_tick and self._interval is None:
            self._interval = self.set_interval(self.TICK_SECONDS, self.tick)
        self.set_class(True, "-running")
        self._show()

    def stop(self) -> float:
        """Stop and return the time, capped at the limit."""
        if self.running:
            self._elapsed = self.elapsed
            self._started_at = None
            self._stop_interval()
            self.set_class(False, "-running")
            self._show()
        return self._elapsed

    def reset(self) -> None:
        self.stop()
        self._elapsed = 0.0
        self._show()

    def tick(self) -> None:
        self._show()
        if self.running and self.elapsed >= self.limit:
            self.stop()
            self.post_message(self.LimitReached())

    def _show(self) -> None:
        shown = face(self.elapsed)
        if shown != self.value:
            self.update(shown)

    def _stop_interval(self) -> None:
        if self._interval is not None:
            self._interval.stop()
            self._interval = None

    def on_unmount(self) -> None:
        self._stop_interval()
