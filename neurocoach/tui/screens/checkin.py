"""The daily check-in: four symptoms, the foot inspection, a note — a few keys."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from neurocoach.coach.foot_check import asked_again, carried_over
from neurocoach.domain.models import SYMPTOMS, Checkin
from neurocoach.domain.words import ago
from neurocoach.services.checkin import previous_checkin, record_checkin
from neurocoach.tui.commands.base import bindings
from neurocoach.tui.commands.today import (
    CheckinNext, SameAsBefore, CheckinNextField, CheckinPreviousField, CheckinSave,
    CheckinCancel, CheckinHelp,
)
from neurocoach.tui.saving import NOT_SAVED
from neurocoach.tui.widgets.footer import Footer
from neurocoach.tui.widgets.scale import ChoiceRow, RowChanged, ScaleRow

FEET_CHOICES = [
    ("ok", "I looked: my feet are fine"),
    ("skin", "A skin problem: blister, cut, wound or red spot"),
    ("hot", "A foot is warm, red or swollen"),
    ("unchecked", "I did not look today"),
]
FOOT_CHOICES = [("left", "Left foot"), ("right", "Right foot"), ("both", "Both feet")]
PROBLEMS = ("skin", "hot")


class CheckinScreen(ModalScreen[bool]):
    """Digits set a value, enter moves on (keeping the last check-in's answer where none
    is typed); `y` keeps all of them; enter on the note, the last line, saves."""

    BINDINGS = bindings(CheckinNext, SameAsBefore, CheckinNextField, CheckinPreviousField, CheckinSave,
                        CheckinCancel, CheckinHelp)

    def compose(self) -> ComposeResult:
        today = self.app.clock.today()
        existing = self.app.store.checkin_for(today)
        # Today's own answers when it is a second check-in; otherwise the last check-in's
        # are offered, marked with their day, and only kept when the person says so.
        earlier = None if existing else self._previous(today)
        self.earlier_when = when = self._when(earlier.day, today) if earlier else ""
        yesterday = self.app.store.checkin_for(today - dt.timedelta(days=1))
        again = asked_again(yesterday, existing)
        feet_from = existing or carried_over(yesterday, today)
        with VerticalScroll(id="checkin"):
            yield Static("[b]Daily check-in[/b] — how are your feet today?", id="checkin-title")
            hint = "Type 0–10 (1 then 0 is 10), ← → to adjust, enter for the next line."
            if earlier is not None:
                hint += (f" Your answers from {when} are shown: enter keeps one, y keeps "
                         "all the scores.")
            yield Static(hint, classes="hint", id="checkin-hint")
            for name in SYMPTOMS:  # the first check-in starts empty: no 0 nobody chose
                yield ScaleRow(name.capitalize(), existing.symptom(name) if existing else None,
                               optional=name != "pain", id=f"scale-{name}",
                               earlier=earlier.symptom(name) if earlier else None,
                               earlier_when=when)
            if again:
                yield Static(again, id="checkin-again", markup=False)
            yield ChoiceRow("Did you look at both feet today? (1–4)", FEET_CHOICES,
                            value=feet_from.feet if feet_from else None, id="feet")
            foot = ChoiceRow("Which foot? (1 left, 2 right, 3 both)", FOOT_CHOICES,
                             value=feet_from.foot if feet_from else None, id="foot")
            foot.display = bool(feet_from and feet_from.feet in PROBLEMS)
            yield foot
            yield Input(value=existing.note if existing else "", placeholder="A note (optional)",
                        max_length=500, id="note")
            yield Static(id="checkin-message")
        yield Footer()

    def _previous(self, today):
        return previous_checkin(self.app.store, today)

    @staticmethod
    def _when(day, today) -> str:
        gap = (today - day).days
        return "yesterday" if gap == 1 else f"{day:%A} ({ago(day, today)})"

    AUTO_FOCUS = "#scale-pain"
    """Focused as the dialog is shown, so its first frame has the pain row lit (focus()
    in on_mount lit it in a second frame after the first: issue 17)."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "same_as_before":
            return bool(self.earlier_when)
        return True

    def on_row_changed(self, event: RowChanged) -> None:
        if event.row.id == "feet":
            foot = self.query_one("#foot", ChoiceRow)
            foot.display = event.row.value in PROBLEMS

    def action_next(self) -> None:
        focused = self.focused
        if getattr(focused, "id", None) == "feet" and focused.value in PROBLEMS:
            self.query_one("#foot").focus()
            return
        if isinstance(focused, Input):  # the note, the last line
            self.action_save()
            return
        if isinstance(focused, ScaleRow):
            focused.keep_earlier()
        self.focus_next()

    def focus_next(self, selector="*"):
        return self._step_focus(1)

    def focus_previous(self, selector="*"):
        return self._step_focus(-1)

    def _step_focus(self, delta: int):
        """The line after (or before) the focused one, in the order the lines are shown.
        Textual orders its focus chain by where each widget was last laid out, and the foot
        question, shown by the key just before, is not laid out yet: it sorted first, so
        `2 enter 2 enter` typed in one burst went from it back to the pain line."""
        chain = set(self.focus_chain)
        lines = [w for w in self.query_one("#checkin").query("*") if w in chain]
        if not lines:
            return self.focused
        at = lines.index(self.focused) if self.focused in lines else -1 if delta > 0 else 0
        self.set_focus(lines[(at + delta) % len(lines)])
        return self.focused

    def action_same_as_before(self) -> None:
        """y: every score not typed today takes the last check-in's; on to the feet."""
        for row in self.query(ScaleRow):
            row.keep_earlier()
        self.query_one("#feet").focus()

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
            self._refuse("Please answer the foot question: 1, 2, 3 or 4.", "#feet")
            return
        foot = self.query_one("#foot", ChoiceRow).value if feet in PROBLEMS else None
        if feet in PROBLEMS and foot is None:
            self._refuse("Which foot is it on? 1 left, 2 right, 3 both.", "#foot")
            return
        checkin = Checkin(day=self.app.clock.today(), **values, feet=feet, foot=foot,
                          note=self.query_one("#note", Input).value.strip())
        replaced = self.app.write(record_checkin, self.app.store, checkin, self.app.clock.now())
        if replaced is NOT_SAVED:
            return
        self.notify("Check-in updated." if replaced else "Check-in saved. Thank you.")
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
