"""`x` in a session: stop for a symptom. The session ends; what was done is kept."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from neurocoach.coach.safety import STOP_REASONS
from neurocoach.tui.commands.base import bindings
from neurocoach.tui.commands.everywhere import DialogHelp
from neurocoach.tui.commands.session import STOP_REASON_COMMANDS, BackToSession
from neurocoach.tui.widgets.footer import Footer
from neurocoach.tui.widgets.hanging import HangingList


class StopScreen(ModalScreen[str | None]):
    """Pick what happened with one key; escape goes back to the session."""

    BINDINGS = bindings(*STOP_REASON_COMMANDS, BackToSession, DialogHelp)

    def __init__(self, reasons: dict | None = None) -> None:
        super().__init__()
        self.reasons = dict(reasons or STOP_REASONS)
        """The symptoms to list, by key (coach.screening.stop_reasons)."""

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "pick" and parameters and parameters[0] > len(self.reasons):
            return False
        return True

    def compose(self) -> ComposeResult:
        # Scrolls when a small terminal (40×12) cannot show it all: the arrows reach the
        # last symptom and the line under them; each wraps under its own words.
        with VerticalScroll(id="stop"):
            yield Static("[b]Stop the session.[/b] What is happening?", id="stop-title")
            labels = self._labels()
            yield HangingList([f"  {n}" for n in range(1, len(labels) + 1)], labels,
                              mark_width=5, id="stop-list")
            yield Static("Everything you have done so far is saved.", classes="hint")
        yield Footer()

    def _labels(self) -> list[str]:
        return [_label(v) for v in self.reasons.values()]

    def action_pick(self, n: int) -> None:
        if n <= len(self.reasons):
            self.dismiss(list(self.reasons)[n - 1])

    def action_cancel(self) -> None:
        self.dismiss(None)


def _label(value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (tuple, list)):
        return value[0]
    return getattr(value, "label", str(value))
