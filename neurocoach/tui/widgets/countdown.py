"""A large countdown for holds and timed work."""

from __future__ import annotations

import math

from textual.message import Message

from neurocoach.tui.widgets.clock_digits import ClockDigits
from neurocoach.tui.widgets.clock_digits import clock_face as _face


def clock_face(seconds: float) -> str:
    """Seconds left as m:ss, rounded up (it shows 0:00 only when the time is up)."""
    return _face(math.ceil(seconds))


class Countdown(ClockDigits):
    """Counts down `total` seconds; `space` on the screen toggles it."""

    class Finished(Message):
        """The countdown reached zero."""

    def __init__(self, total: int, **kwargs) -> None:
        super().__init__(clock_face(total), **kwargs)
        self.total = float(total)
        self._spent_before = 0.0

    # -- state ---------------------------------------------------------------
    @property
    def elapsed(self) -> float:
        return min(self._spent_before + self._since_start(), self.total)

    @property
    def remaining(self) -> float:
        return max(0.0, self.total - self.elapsed)

    def face(self) -> str:
        return clock_face(self.remaining)

    # -- control -------------------------------------------------------------
    def start(self) -> None:
        if self.running or self.remaining <= 0:
            return
        self._run()

    def pause(self) -> None:
        if not self.running:
            return
        self._spent_before = self.elapsed
        self._halt()

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
