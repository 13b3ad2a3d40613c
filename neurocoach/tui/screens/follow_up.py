"""After a session stopped for chest pain, breathlessness or low blood sugar: at the next
opening, before the next session, the coach asks whether it was checked (issue 13)."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from neurocoach.coach.screening import stop_label
from neurocoach.tui.commands.base import bindings
from neurocoach.tui.commands.everywhere import DialogHelp
from neurocoach.tui.commands.forms import CheckedYes, NotYet, FollowUpBack
from neurocoach.tui.widgets.footer import Footer

NOT_YET = ("Please have it checked by your doctor or nurse before you train again; call "
           "emergency services if it comes back at rest. Your session waits until then.")


class FollowUpScreen(ModalScreen[str | None]):
    """`y` it was checked (the session is offered) · `n` not yet · `escape` back."""

    DEFAULT_CSS = """
    FollowUpScreen { align: center middle; }
    #follow-up { width: 72; max-width: 100%; height: auto; max-height: 100%;
                 border: double $warning; background: $surface; padding: 0 1; }
    """

    BINDINGS = bindings(CheckedYes, NotYet, FollowUpBack, DialogHelp)

    def __init__(self, session_id: int, day: dt.date, reason: str) -> None:
        super().__init__()
        self.session_id, self.day, self.reason = session_id, day, reason

    def compose(self) -> ComposeResult:
        when = f"{self.day:%A} {self.day.day} {self.day:%B}"
        with Vertical(id="follow-up"):
            yield Static(Content.assemble(
                ("Before your next session", "bold"),
                f"\n\nOn {when} you stopped a session because of "
                f"{stop_label(self.reason).lower()}. Has a doctor or nurse checked it since "
                "(or did your own checks show it is under control)?"), id="follow-up-text")
            yield Static("y  yes, it was checked · n  not yet", classes="hint")
        yield Footer()

    def action_answer(self, answer: str) -> None:
        from neurocoach.tui.saving import NOT_SAVED

        if self.app.write(self.app.store.record_follow_up, self.session_id,
                          answer) is NOT_SAVED:
            return
        if answer == "not_yet":
            self.notify(NOT_YET, severity="warning", timeout=15)
        self.dismiss(answer)

    def action_cancel(self) -> None:
        self.dismiss(None)
