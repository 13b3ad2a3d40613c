"""Keyboard rows for the check-in: a 0–10 scale and a small set of choices."""

from __future__ import annotations

import textwrap

from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from neurocoach.tui.commands.base import bindings
from neurocoach.tui.commands.forms import ChoiceNext, ChoicePrevious, ScoreLess, ScoreMore


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

    BINDINGS = bindings(ScoreLess, ScoreMore)

    value: reactive[int | None] = reactive(None)

    def __init__(self, label: str, value: int | None = None, *, optional: bool = False,
                 earlier: int | None = None, earlier_when: str = "", **kwargs) -> None:
        """`earlier`: the last check-in's answer (`earlier_when` says when: "yesterday"),
        offered but not taken until the person keeps it (enter) or types another."""
        super().__init__(**kwargs)
        self.label = label
        self.optional = optional
        self.earlier = earlier
        self.earlier_when = earlier_when
        self.set_reactive(ScaleRow.value, value)
        self._last_digit: str | None = None

    def render(self) -> str:
        return self._text(self.content_size.width)

    def get_content_height(self, container, viewport, width: int) -> int:
        return self._text(width).count("\n") + 1

    def _text(self, width: int) -> str:
        """One line where it fits. In a narrow dialog the hint goes under the bar, lined up
        with it (and wrapped there), then the value is written closer, and narrower still the
        bar is left out: the number stays, and no line is broken under the label (40×12)."""
        v = self.value
        bar = "".join("#" if v is not None and i < v else "." for i in range(10))
        shown = "--" if v is None else f"{v:>2}"
        if v is None and self.earlier is not None:
            hint = f"{self.earlier_when}: {self.earlier} (enter keeps it)"
        else:
            hint = "(optional)" if self.optional and v is None else ""
        head = f"{focus_mark(self)}{self.label:<10} "
        line = f"{head}[{bar}] {shown} / 10"
        if not width or len(line) + 2 + len(hint) <= width:
            return f"{line}  {hint}" if hint else line
        for tighter in (f"{head}[{bar}] {shown}/10", f"{head}{shown} / 10"):
            if len(line) > width:
                line = tighter
        if not hint:
            return line
        room = max(10, width - len(head))
        return "\n".join([line, *(" " * len(head) + piece
                                  for piece in textwrap.wrap(hint, room))])

    def keep_earlier(self) -> bool:
        """Take the earlier answer when none is given today; True if it was taken."""
        if self.value is None and self.earlier is not None:
            self.value = self.earlier
            self.post_message(RowChanged(self))
            return True
        return False

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

    BINDINGS = bindings(ChoicePrevious, ChoiceNext)

    value: reactive[str | None] = reactive(None)

    def __init__(self, label: str, choices: list[tuple[str, str]], value: str | None = None,
                 *, by_key: bool = False, **kwargs) -> None:
        """With `by_key`, each choice's key is its own digit (the words say it: "3 days a
        week"), and that digit picks it; otherwise the choices are numbered 1, 2, 3…"""
        super().__init__(**kwargs)
        self.label = label
        self.choices = choices
        self.by_key = by_key
        self.set_reactive(ChoiceRow.value, value)

    def _digits(self) -> list[str]:
        return ([key for key, _ in self.choices] if self.by_key
                else [str(n) for n in range(1, len(self.choices) + 1)])

    def render(self) -> str:
        lines = [focus_mark(self) + self.label]
        for digit, (key, words) in zip(self._digits(), self.choices):
            mark = "(*)" if key == self.value else "( )"
            lines.append(f"    {mark} {words}" if self.by_key else f"    {digit} {mark} {words}")
        return "\n".join(lines)

    def on_key(self, event) -> None:
        if event.character and event.character in self._digits():
            self.value = self.choices[self._digits().index(event.character)][0]
            event.stop()
            self.post_message(RowChanged(self))

    def action_nudge(self, delta: int) -> None:
        keys = [k for k, _ in self.choices]
        i = keys.index(self.value) if self.value in keys else -1
        self.value = keys[(i + delta) % len(keys)]
        self.post_message(RowChanged(self))
