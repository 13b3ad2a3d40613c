"""When Python's cycle collector runs: never inside a screen's opening, but at a quiet
moment after its first paint (mixed into the App).

Start-up makes many objects that live as long as the App (widgets, styles, the catalog):
no collection walks them before the first paint, and after it they are frozen out of every
later one (`gc.freeze`). Then each screen change (a mode, a pushed screen, back to one)
turns collecting off until the new screen's first frame is written, and a moment later
does the collection it put off, in full: the screen's compose, mount and first paint run
without one, and the next screen starts with the collector's counts at zero.

Left to its counts, the collector does a full collection (10-20 ms: the cyclic garbage of
screens closed earlier) on whichever allocation tips them, wherever that falls. With thirty
years of history Progress allocates a little more than on an empty DB, and the full
collection its allocations led to fell inside the Library opened next (issue 17, figure 17).
"""

from __future__ import annotations

import gc

QUIET = 0.2
"""Seconds without a frame, after a new screen's first one, before the put-off collection:
its frames are on their way to the terminal (written by the driver's thread, which a
collection would hold up)."""

PUT_OFF_AT_MOST = 100_000
"""Objects allocated with collecting off past which the collection is done at once (one
screen after another, or frame after frame, without a pause of QUIET, for a long time,
would otherwise never collect). Opening a screen allocates at most about 22,000 (the
Library at thirty years, up to its first frame)."""

HOLDING = object()


class QuietGarbage:
    """Mixed into the App (`screen_change_signal`, `call_after_refresh` and `set_timer` are
    Textual's); the App's `_display` calls `garbage_painted` with each frame's screen."""

    _opening = None
    """The screen just changed to, until its first frame (or HOLDING, from a key that is
    making one): collecting is off meanwhile."""
    _collect_timer = None

    def garbage_off_until_painted(self) -> None:
        """Called in the App's __init__: no collection before the first paint."""
        gc.disable()

    def hold_garbage(self) -> None:
        """A key is about to make a screen (its module, its data): no collection from now
        until that screen's first frame. If no screen change comes of it (a notice
        instead), collecting is back on after the next refresh."""
        gc.disable()
        self._opening = HOLDING
        self.call_after_refresh(self._held_for_nothing)

    def _held_for_nothing(self) -> None:
        if self._opening is HOLDING:
            self._opening = None
            gc.enable()

    def watch_garbage(self) -> None:
        """Called in on_mount: start-up's objects are frozen after the first paint, and
        every screen change from then on puts its collection off until it has painted."""
        self.call_after_refresh(self.settle_garbage)
        self.screen_change_signal.subscribe(self, self._screen_changed, immediate=True)

    def settle_garbage(self) -> None:
        """After the first paint: what start-up made is kept out of collections for good
        (gc.freeze), and collecting goes on (unless a screen is opening)."""
        gc.freeze()
        if self._opening is None:
            gc.enable()

    def _screen_changed(self, screen) -> None:
        if self._collect_timer is not None:
            self._collect_timer.stop()  # not inside this screen's opening: after it
            self._collect_timer = None
        if not gc.isenabled() and gc.get_count()[0] > PUT_OFF_AT_MOST:
            gc.collect()
        gc.disable()
        self._opening = screen

    def garbage_painted(self, screen) -> None:
        """A frame of `screen` is being written. The put-off collection runs once frames
        have stopped for QUIET seconds after the new screen's first one (a screen may take
        a few frames to open, and the driver's thread writes them)."""
        if screen is self._opening:
            self._opening = None
        elif self._collect_timer is None:
            return
        else:
            self._collect_timer.stop()
            if gc.get_count()[0] > PUT_OFF_AT_MOST:  # frames without end: collect now
                self._collect_put_off()
                return
        self._collect_timer = self.set_timer(QUIET, self._collect_put_off)

    def _collect_put_off(self) -> None:
        self._collect_timer = None
        if self._opening is None:
            gc.collect()
            gc.enable()

    def release_garbage(self) -> None:
        """Called in on_unmount: an App that ended before its first paint, or with a
        collection still put off, leaves collecting on."""
        gc.enable()
