"""Marked lines ("1.", "!", "  3  ") whose wrapped text lines up under itself, not under
the mark: a numbered list stays readable when a narrow terminal (40×12) wraps it."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widget import Widget


def hanging(marks: Sequence[str], lines: Sequence[str], width: int,
            mark_width: int = 3, mark_style: str = "bold") -> list[Content]:
    """Each line after its mark, wrapped to `width`, its further lines indented by
    `mark_width` cells."""
    out: list[Content] = []
    for mark, line in zip(marks, lines):
        body = Content(line).wrap(max(1, width - mark_width)) or [Content("")]
        out.append(Content.assemble((f"{mark:<{mark_width}}", mark_style), body[0]))
        out += [Content.assemble(" " * mark_width, piece) for piece in body[1:]]
    return out


class HangingList(Widget):
    """A short list of marked lines, wrapped with a hanging indent at any width."""

    DEFAULT_CSS = "HangingList { height: auto; }"

    def __init__(self, marks: Sequence[str], lines: Sequence[str], *, mark_width: int,
                 **kwargs) -> None:
        super().__init__(**kwargs)
        self.marks, self.lines, self.mark_width = list(marks), list(lines), mark_width

    def _lines(self, width: int) -> list[Content]:
        return hanging(self.marks, self.lines, width, self.mark_width, mark_style="")

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Content:
        return Content("\n").join(self._lines(self.content_size.width))

    @property
    def text(self) -> str:
        return "\n".join(f"{mark} {line}" for mark, line in zip(self.marks, self.lines))
