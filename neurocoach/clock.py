"""The one place that reads the time.

Everything else asks a Clock, so tests can drive timers, streaks and midnight
crossings with a FakeClock instead of sleeping.
"""

from __future__ import annotations

import datetime as dt
import time


class Clock:
    """The real clock: local wall time and a monotonic counter."""

    def now(self) -> dt.datetime:
        """Local time, timezone-aware."""
        return dt.datetime.now().astimezone()

    def today(self) -> dt.date:
        return self.now().date()

    def monotonic(self) -> float:
        """Seconds from an arbitrary start, never going backwards (for timers)."""
        return time.monotonic()


class FakeClock(Clock):
    """A clock that only moves when told to."""

    def __init__(self, start: dt.datetime | None = None) -> None:
        start = start or dt.datetime(2026, 11, 23, 9, 0)
        if start.tzinfo is None:
            start = start.replace(tzinfo=dt.timezone.utc)
        self._now = start
        self._mono = 1000.0

    def now(self) -> dt.datetime:
        return self._now

    def monotonic(self) -> float:
        return self._mono

    def advance(self, seconds: float = 0, **kwargs: float) -> None:
        delta = dt.timedelta(seconds=seconds, **kwargs)
        self._now += delta
        self._mono += delta.total_seconds()

    def set(self, when: dt.datetime) -> None:
        if when.tzinfo is None:
            when = when.replace(tzinfo=self._now.tzinfo)
        self._mono += max(0.0, (when - self._now).total_seconds())
        self._now = when
