"""The daily check-in: four symptoms, the foot inspection, a note — a few keys."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from neurocoach.models import SYMPTOMS, Checkin
from neurocoach.tui.saving import NOT_SAVED
from neurocoach.tui.widgets.footer import Footer
from neurocoach.tui.widgets.scale import ChoiceRow, ScaleRow

FEET_CHOICES = [
    ("ok", "I looked: my feet are fine"),
    ("sore", "Sore, a blister, a cut or a wound"),
    ("unchecked", "I did not look today"),
]


class CheckinScreen(ModalScreen[bool]):
    """Digits set a value, enter moves on; enter on the feet row saves."""

    BINDINGS = [
        Binding("enter", "next", "Next / save", id="checkin.next"),
        # priority: the dialog's scroll container would take up/down first and scroll
        Binding("down", "app.focus_next", "Next", show=False, priority=True,
                id="checkin.next-field"),
        Binding("up", "app.focus_previous", "Previous", show=False, priority=True,
                id="checkin.previous-field"),
        Binding("ctrl+s", "save", "Save", id="checkin.save"),
        Binding("escape", "cancel", "Cancel", id="checkin.cancel"),
        # A modal dialog hides the App's keys, `?` with them: it needs its own.
        Binding("question_mark", "app.help", "Help", key_display="?", id="checkin.help"),
    ]

    def compose(self) -> ComposeResult:
        today = self.app.clock.today()
        existing = self.app.store.checkin_for(today)
        last = existing or self._previous(today)
        with VerticalScroll(id="checkin"):
            yield Static("[b]Daily check-in[/b] — how are your feet today?", id="checkin-title")
            yield Static("Type 0–10 (1 then 0 is 10), ← → to adjust, enter for the next line.",
                         classes="hint")
            for name in SYMPTOMS:  # the first check-in starts empty: no 0 nobody chose
                value = last.symptom(name) if last else None
                yield ScaleRow(name.capitalize(), value, optional=name != "pain", id=f"scale-{name}")
            yield ChoiceRow("Did you look at both feet today? (1, 2 or 3)", FEET_CHOICES,
                            value=existing.feet if existing else None, id="feet")
            yield Input(value=existing.note if existing else "", placeholder="A note (optional)",
                        max_length=500, id="note")
            yield Static(id="checkin-message")
        yield Footer()

    def _previous(self, today):
        import datetime as dt

        recent = self.app.store.checkins_between(today - dt.timedelta(days=7), today)
        return recent[-1] if recent else None

    def on_mount(self) -> None:
        self.query_one("#scale-pain").focus()

    def action_next(self) -> None:
        focused = self.focused
        if isinstance(focused, ChoiceRow) or isinstance(focused, Input):
            self.action_save()
        else:
            self.focus_next()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def _refuse(self, message: str, row: str) -> None:
        self.query_one("#checkin-message", Static).update(message)
        self.query_one(row).focus()

    def action_save(self) -> None:
        values = {n: self.query_one(f"#scale-{n}", ScaleRow).value for n in SYMPTOMS}
        if values["pain"] is None:
            self._refuse("Please give a pain score: 0 if there is none.", "#scale-pain")
            return
        feet = self.query_one("#feet", ChoiceRow).value
        if feet is None:
            self._refuse("Please answer the foot question: 1, 2 or 3.", "#feet")
            return
        checkin = Checkin(day=self.app.clock.today(), pain=values["pain"],
                          numbness=values["numbness"], tingling=values["tingling"],
                          burning=values["burning"], feet=feet,
                          note=self.query_one("#note", Input).value.strip())
        replaced = self.app.write(self.app.store.record_checkin, checkin, self.app.clock.now())
        if replaced is NOT_SAVED:
            return
        self.notify("Check-in updated." if replaced else "Check-in saved. Thank you.")
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
