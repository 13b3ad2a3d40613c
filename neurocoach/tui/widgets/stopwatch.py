"""A count-up timer for timed self-tests: the time of a try is read from the clock when it
stops, never from how often it ticked."""

from __future__ import annotations

import math

from textual.message import Message

from neurocoach.tui.widgets.clock_digits import ClockDigits, clock_face


def face(seconds: float) -> str:
    """Whole seconds gone as m:ss, rounded down."""
    return clock_face(math.floor(seconds))


class Stopwatch(ClockDigits):
    """Counts up from 0 to `limit` seconds, where it stops by itself."""

    class LimitReached(Message):
        """The stopwatch stopped itself at its limit."""

    def __init__(self, limit: float, **kwargs) -> None:
        super().__init__(face(0), **kwargs)
        self.limit = float(limit)
        self._elapsed = 0.0

    @property
    def elapsed(self) -> float:
        spent = self._since_start() if self.running else self._elapsed
        return min(max(spent, 0.0), self.limit)

    def face(self) -> str:
        return face(self.elapsed)

    def start(self) -> None:
        """Start from zero."""
        if self.running:
            return
        self._elapsed = 0.0
        self._run()
        self._show()

    def stop(self) -> float:
        """Stop and return the time, capped at the limit."""
        if self.running:
            self._elapsed = self.elapsed
            self._halt()
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
