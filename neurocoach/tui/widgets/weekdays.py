"""Pick rest days: digits 1–7 (Monday–Sunday) toggle a day."""

from __future__ import annotations

from textual.reactive import reactive

from neurocoach.tui.commands.base import bindings
from neurocoach.tui.commands.forms import NextDay, PreviousDay, ToggleDay
from neurocoach.tui.widgets.scale import FocusMarked, RowChanged, focus_mark

SHORT = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class RestDaysRow(FocusMarked, can_focus=True):
    BINDINGS = bindings(PreviousDay, NextDay, ToggleDay)

    days: reactive[frozenset[int]] = reactive(frozenset, always_update=True)
    cursor = reactive(0)

    def __init__(self, label: str, days: tuple[int, ...], **kwargs) -> None:
        super().__init__(**kwargs)
        self.label = label
        self.set_reactive(RestDaysRow.days, frozenset(days))

    def render(self) -> str:
        cells = []
        for i, name in enumerate(SHORT):
            mark = "rest" if i in self.days else "  - "
            cell = f"{i + 1} {name}:{mark}"
            cells.append(f"[reverse]{cell}[/reverse]" if (i == self.cursor and self.has_focus) else cell)
        return (f"{focus_mark(self)}{self.label}\n    " + "  ".join(cells[:4])
                + "\n    " + "  ".join(cells[4:]))

    def on_key(self, event) -> None:
        if toggled_by_digit(self, event):
            event.stop()

    def action_move(self, delta: int) -> None:
        self.cursor = (self.cursor + delta) % 7

    def action_toggle(self) -> None:
        self._toggle(self.cursor)

    def _toggle(self, day: int) -> None:
        self.cursor = day
        days = set(self.days)
        days.symmetric_difference_update({day})
        if len(days) == 7:
            return  # at least one training day
        self.days = frozenset(days)
        self.post_message(RowChanged(self))


def toggled_by_digit(row: RestDaysRow, event) -> bool:
    """A digit 1–7 (Monday–Sunday) switches that day on `row`; True if it was one. The
    dialog that holds the row takes digits this way wherever its focus is."""
    if event.character and len(event.character) == 1 and event.character in "1234567":
        row._toggle(int(event.character) - 1)
        return True
    return False
