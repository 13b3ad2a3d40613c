"""An Input whose hint is always read whole: the longest of its hints that fits its width
(at 40 columns "Path to the .toml file, then enter" lost its last word)."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.widgets import Input


class FittingInput(Input):
    """`hints`, longest first: the placeholder is the first that fits the field's width
    (with a cell left for the cursor), else the shortest."""

    def __init__(self, *hints: str, **kwargs) -> None:
        super().__init__(placeholder=hints[0], **kwargs)
        self.hints = hints
        """The placeholders to choose from, longest first."""

    def on_resize(self, event: events.Resize) -> None:
        room = self.content_size.width - 1
        self.placeholder = next((hint for hint in self.hints if cell_len(hint) <= room),
                                self.hints[-1])
