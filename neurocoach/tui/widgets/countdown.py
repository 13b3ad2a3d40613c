"""A large countdown for holds and timed work.

It reads time only from the App's Clock and repaints only itself, and only when the
shown second changes: over a slow SSH link a running timer costs a few bytes a second.
"""

from __future__ import annotations

import math

from textual.message import Message
from textual.timer import Timer
from textual.widgets import Digits


def clock_face(seconds: float) -> str:
    whole = max(0, math.ceil(seconds))
    return f"{whole // 60}:{whole % 60:02}"


class Countdown(Digits):
    """Counts down `total` seconds; `space` on the screen toggles it."""

    TICK_SECONDS = 0.25
    """How often to look at the clock while running (the display changes once a second)."""

    auto_tick: bool = True
    """Tests switch this off and call `tick()` after moving the fake clock."""

    class Finished(Message):
        """The countdown reached zero."""

    def __init__(self, total: int, **kwargs) -> None:
        super().__init__(clock_face(total), **kwargs)
        self.total = float(total)
        self._spent_before = 0.0
        self._started_at: float | None = None
        self._interval: Timer | None = None

    # -- state ---------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._started_at is not None

    @property
    def elapsed(self) -> float:
        spent = self._spent_before
        if self._started_at is not None:
            spent += self.app.clock.monotonic() - self._started_at
        return min(spent, self.total)

    @property
    def remaining(self) -> float:
        return max(0.0, self.total - self.elapsed)

    # -- control -------------------------------------------------------------
    def start(self) -> None:
        if self.running or self.remaining <= 0:
            return
        self._started_at = self.app.clock.monotonic()
        if self.auto_tick and self._interval is None:
            self._interval = self.set_interval(self.TICK_SECONDS, self.tick)
        self.set_class(True, "-running")

    def pause(self) -> None:
        if not self.running:
            return
        self._spent_before = self.elapsed
        self._started_at = None
        self._stop_interval()
        self.set_class(False, "-running")

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    def reset(self, total: float | None = None) -> None:
        self.pause()
        if total is not None:
            self.total = float(total)
        self._spent_before = 0.0
        self._show()

    def tick(self) -> None:
        self._show()
        if self.running and self.remaining <= 0:
            self.pause()
            self.post_message(self.Finished())

    def _show(self) -> None:
        face = clock_face(self.remaining)
        if face != self.value:
            self.update(face)

    def _stop_interval(self) -> None:
        if self._interval is not None:
            self._interval.stop()
            self._interval = None

    def on_unmount(self) -> None:
        self._stop_interval()
