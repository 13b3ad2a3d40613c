"""`b` on Progress: the single-leg stance self-test, timed with `space`, best of three a side.

The dialog only collects tries; it returns the best of each side and Progress saves them.
On a day the feet are sore, or under a no-weight-bearing restriction, it says why the test
is off and what to do instead, and offers no timer (coach.safety decides).
"""

from __future__ import annotations

import humanize
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from neurocoach.coach.norms import MAX_SECONDS, SHORTEST_HOLD, SIDES, TRIES, SelfTest
from neurocoach.coach.safety import balance_test_allowed
from neurocoach.tui.commands.base import bindings
from neurocoach.tui.commands.progress import (
    BalanceToggle, LeftFoot, RightFoot, UndoTry, BalanceSave, BalanceCancel, BalanceClose,
    BalanceHelp,
)
from neurocoach.tui.widgets.footer import Footer
from neurocoach.tui.widgets.stopwatch import Stopwatch

SUPPORT = ("Stand next to a sturdy support — a kitchen counter or a heavy chair without "
           "wheels — close enough to grab it the moment you wobble.")


_TEST_ACTIONS = {"toggle", "side", "undo", "save", "cancel", "close"}


class BalanceTestScreen(ModalScreen[dict[str, float] | None]):
    """Returns {side: best seconds} to save, or None when cancelled."""

    BINDINGS = bindings(BalanceToggle, LeftFoot, RightFoot, UndoTry, BalanceSave, BalanceCancel, BalanceClose,
                        BalanceHelp)

    def __init__(self) -> None:
        super().__init__()
        self.test = SelfTest()
        """The tries so far."""
        self._confirm_cancel = False
        self.refusal = ""
        """Why the test is off today ("" when it may run): set when composed."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _TEST_ACTIONS:  # the timer's keys, or only "close" when the test is off
            return (action == "close") == bool(self.refusal)
        return True

    def compose(self) -> ComposeResult:
        store, today = self.app.store, self.app.clock.today()
        allowed, reason = balance_test_allowed(store.profile(), store.checkin_for(today))
        self.refusal = "" if allowed else reason
        if not allowed:
            with VerticalScroll(id="balance-test"):
                yield Static("[b]Balance self-test: not today[/b]", id="balance-test-title")
                yield Static(f"! {reason}", id="balance-test-refused")
            yield Footer(show_command_palette=False)
            return
        with VerticalScroll(id="balance-test"):
            yield Static("[b]Balance self-test:[/b] stand on one foot, eyes open",
                         id="balance-test-title")
            yield Static(f"! {SUPPORT}", id="balance-test-safety")
            yield Static(
                "Lift one foot just off the floor and press [b]space[/b]. Press it again when "
                "the foot touches down, you hold on, or the standing foot moves. "
                f"{humanize.apnumber(TRIES).capitalize()} tries a side; the best counts.",
                id="balance-test-how")
            yield Stopwatch(MAX_SECONDS, id="balance-stopwatch")
            yield Static(id="balance-tries")
            yield Static(id="balance-status")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        if self.refusal:
            return
        self._show()
        self.say("Ready: stand on your left foot, then press space.")

    @property
    def stopwatch(self) -> Stopwatch:
        return self.query_one(Stopwatch)

    def say(self, text: str) -> None:
        self.query_one("#balance-status", Static).update(text)

    def _show(self) -> None:
        lines = []
        for side in SIDES:
            tries = self.test.tries[side]
            cells = [f"{t:.1f} s" for t in tries] + ["—"] * (TRIES - len(tries))
            mark = "▸" if side == self.test.side and not self.test.finished else " "
            best = f"   best {max(tries):.1f} s" if tries else ""
            lines.append(f"{mark} [b]{side.capitalize():<5}[/b] foot  " + "   ".join(cells) + best)
        self.query_one("#balance-tries", Static).update("\n".join(lines))

    # -- actions -------------------------------------------------------------
    def action_toggle(self) -> None:
        self._confirm_cancel = False
        watch = self.stopwatch
        if watch.running:
            self._record(watch.stop())
            return
        if self.test.finished:
            self.say("Both feet are done: enter saves, backspace takes back the last try.")
            return
        watch.start()
        self.say(f"Timing your {self.test.side} foot… space when the foot touches down.")

    def on_stopwatch_limit_reached(self, _: Stopwatch.LimitReached) -> None:
        self.app.bell()
        self._record(self.stopwatch.elapsed)

    def _record(self, seconds: float) -> None:
        side = self.test.side
        if seconds < SHORTEST_HOLD and not self.test.side_full(side):
            # A double press, or start and stop in one burst: no one's hold, not saved.
            self.stopwatch.reset()
            self.say(f"{seconds:.1f} s is too short to be a hold, so it was not counted. "
                     f"Lift your {side} foot, press space, and again when it touches down.")
            return
        self.test.record(seconds)
        self._show()
        n = len(self.test.tries[side])
        said = f"{side.capitalize()} foot, try {n}: {seconds:.1f} s."
        if self.test.finished:
            said += " Both feet done: enter saves."
        elif self.test.side != side:
            said += f" Now the {self.test.side} foot: space when ready."
        else:
            said += " Rest a moment; space for the next try."
        self.say(said)

    def action_side(self, side: str) -> None:
        if self.stopwatch.running:
            return
        self.test.side = side
        self._show()
        note = " (it has its three tries)" if self.test.side_full(side) else ""
        self.say(f"Now the {side} foot{note}.")

    def action_undo(self) -> None:
        if self.stopwatch.running:
            self.stopwatch.reset()
            self.say("Timer stopped; that try was not kept.")
            return
        if self.test.undo():
            self.stopwatch.reset()
            self._show()
            self.say(f"Last try taken back: the {self.test.side} foot again.")
        else:
            self.say("No tries yet: space starts one.")

    def action_save(self) -> None:
        if self.stopwatch.running:
            self._record(self.stopwatch.stop())
        best = self.test.best()
        if not best:
            self.say("Nothing to save yet: space starts a try.")
            return
        self.dismiss(best)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        if self.stopwatch.running:
            self.stopwatch.reset()
        if any(self.test.tries.values()) and not self._confirm_cancel:
            self._confirm_cancel = True
            self.say("Escape again drops these tries; enter saves them.")
            return
        self.dismiss(None)
