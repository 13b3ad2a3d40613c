"""Keyboard rows for the check-in: a 0–10 scale and a small set of choices."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


FOCUS_MARK = "▸ "
"""Starts the focused row, so that it reads without colour (NO_COLOR) too."""


def focus_mark(widget: Widget) -> str:
    return FOCUS_MARK if widget.has_focus else " " * len(FOCUS_MARK)


class FocusMarked(Widget):
    """A row whose first line starts with ▸ while it has focus."""

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


class RowChanged(Message):
    """A check-in row's value changed."""

    def __init__(self, row: Widget) -> None:
        super().__init__()
        self.row = row


class ScaleRow(FocusMarked, can_focus=True):
    """A 0–10 value: a digit sets it (1 then 0 gives 10), left/right move it."""

    BINDINGS = [
        Binding("left,h", "nudge(-1)", "Less", show=False),
        Binding("right,l", "nudge(1)", "More", show=False),
    ]

    value: reactive[int | None] = reactive(None)

    def __init__(self, label: str, value: int | None = None, *, optional: bool = False,
                 **kwargs) -> None:
        super().__init__(**kwargs)
        self.label = label
        self.optional = optional
        self.set_reactive(ScaleRow.value, value)
        self._last_digit: str | None = None

    def render(self) -> str:
        v = self.value
        bar = "".join("#" if v is not None and i < v else "." for i in range(10))
        shown = "--" if v is None else f"{v:>2}"
        hint = "  (optional)" if self.optional and v is None else ""
        return f"{focus_mark(self)}{self.label:<10} [{bar}] {shown} / 10{hint}"

    def on_key(self, event) -> None:
        if event.character and event.character.isdigit():
            digit = event.character
            if digit == "0" and self._last_digit == "1":
                self.value = 10
            else:
                self.value = int(digit)
            self._last_digit = digit
            event.stop()
            self.post_message(RowChanged(self))

    def action_nudge(self, delta: int) -> None:
        self._last_digit = None
        self.value = max(0, min(10, (self.value if self.value is not None else 0) + delta))
        self.post_message(RowChanged(self))

    def on_blur(self) -> None:
        self._last_digit = None


class ChoiceRow(FocusMarked, can_focus=True):
    """One of a few named choices: its number picks it, left/right move."""

    BINDINGS = [
        Binding("left,h", "nudge(-1)", "Previous", show=False),
        Binding("right,l", "nudge(1)", "Next", show=False),
    ]

    value: reactive[str | None] = reactive(None)

    def __init__(self, label: str, choices: list[tuple[str, str]], value: str | None = None,
                 **kwargs) -> None:
        super().__init__(**kwargs)
        self.label = label
        self.choices = choices
        self.set_reactive(ChoiceRow.value, value)

    def render(self) -> str:
        lines = [focus_mark(self) + self.label]
        for n, (key, words) in enumerate(self.choices, 1):
            mark = "(*)" if key == self.value else "( )"
            lines.append(f"    {n} {mark} {words}")
        return "\n".join(lines)

    def on_key(self, event) -> None:
        if event.character and event.character.isdigit():
            n = int(event.character)
            if 1 <= n <= len(self.choices):
                self.value = self.choices[n - 1][0]
                event.stop()
                self.post_message(RowChanged(self))

    def action_nudge(self, delta: int) -> None:
        keys = [k for k, _ in self.choices]
        i = keys.index(self.value) if self.value in keys else -1
        self.value = keys[(i + delta) % len(keys)]
        self.post_message(RowChanged(self))
