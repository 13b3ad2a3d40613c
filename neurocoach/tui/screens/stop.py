"""`x` in a session: stop for a symptom. The session ends; what was done is kept."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from neurocoach.coach.safety import STOP_REASONS
from neurocoach.tui.commands.base import bindings
from neurocoach.tui.commands.everywhere import DialogHelp
from neurocoach.tui.commands.session import STOP_REASON_COMMANDS, BackToSession
from neurocoach.tui.widgets.footer import Footer


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
        with Vertical(id="stop"):
            yield Static("[b]Stop the session.[/b] What is happening?", id="stop-title")
            yield Static("\n".join(f"  {n}  {label}"
                                   for n, label in enumerate(self._labels(), 1)), id="stop-list")
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
