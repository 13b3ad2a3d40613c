"""Big digits that follow the App's Clock: the part the countdown and the stopwatch share.

Time is read from the clock (never counted from ticks), and the widget repaints only
itself, only when the shown second changes: over a slow SSH link a running timer costs a
few bytes a second.
"""

from __future__ import annotations

from textual.timer import Timer
from textual.widgets import Digits


def clock_face(whole_seconds: int) -> str:
    whole = max(0, whole_seconds)
    return f"{whole // 60}:{whole % 60:02}"


class ClockDigits(Digits):
    """Runs or rests; a subclass says what to show (`face`) and what a tick does."""

    TICK_SECONDS = 0.25
    """How often to look at the clock while running (the display changes once a second)."""

    auto_tick: bool = True
    """Tests switch this off and call `tick()` after moving the fake clock."""

    def __init__(self, shown: str, **kwargs) -> None:
        super().__init__(shown, **kwargs)
        self._started_at: float | None = None
        self._interval: Timer | None = None

    @property
    def running(self) -> bool:
        return self._started_at is not None

    def face(self) -> str:
        raise NotImplementedError

    def tick(self) -> None:
        self._show()

    def _run(self) -> None:
        """Start reading the clock from now."""
        self._started_at = self.app.clock.monotonic()
        if self.auto_tick and self._interval is None:
            self._interval = self.set_interval(self.TICK_SECONDS, self.tick)
        self.set_class(True, "-running")

    def _halt(self) -> None:
        self._started_at = None
        if self._interval is not None:
            self._interval.stop()
            self._interval = None
        self.set_class(False, "-running")

    def _since_start(self) -> float:
        if self._started_at is None:
            return 0.0
        return self.app.clock.monotonic() - self._started_at

    def _show(self) -> None:
        shown = self.face()
        if shown != self.value:
            self.update(shown)

    def on_unmount(self) -> None:
        self._halt()
