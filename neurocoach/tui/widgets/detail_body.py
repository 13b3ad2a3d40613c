"""The Library detail's words: one widget of a fixed height that draws its own lines, and
keeps what it drew for the exercises shown last (issue 17: a cursor move draws only the
lines on screen, and going back to an exercise draws nothing)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable

from textual.content import Content
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget

from neurocoach.tui.compositor import row_runs
from neurocoach.tui.widgets.direct_lines import DirectLines
from neurocoach.tui.widgets.hanging import hanging

BODY_ROWS = 400
"""The detail's words take this many rows in every layout, whatever the exercise (far
more than any needs): showing another exercise never changes a widget's size, so a
Library cursor move repaints the pane's content and lays nothing out (issue 17). The
pane scrolls only as far as the words go (ExerciseDetail.virtual_size)."""

KEPT = 64
"""Exercises whose wrapped lines and drawn strips are kept (the catalog has fewer)."""

Parts = list[tuple[str, object]]
"""("text", Content) or ("marked", (marks, lines)), top to bottom."""


def _same(a: Content, b: Content) -> bool:
    """The same words in the same styles (Content's == compares the words alone)."""
    return a.plain == b.plain and a.spans == b.spans


class _Kept:
    """One exercise's words: its parts, their lines per width, and the strips drawn of
    them per width and style (a theme change draws them again)."""

    __slots__ = ("parts", "lines", "strips")

    def __init__(self, parts: Parts) -> None:
        self.parts = parts
        self.lines: dict[int, list[Content]] = {}
        self.strips: dict[tuple, dict[int, Strip]] = {}


class DetailBody(DirectLines, Widget):
    """The detail's words, in one widget of a fixed height (BODY_ROWS) that draws its own
    lines, one at a time as the screen asks for them (Line API): the heading, the numbered
    steps, the dose, the safety lines, the variants."""

    DEFAULT_CSS = "DetailBody { height: auto; }"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._key: Hashable = None
        self._shown = _Kept([])
        self._kept: OrderedDict[Hashable, _Kept] = OrderedDict()
        """The words of the exercises shown last, by the key they were shown with."""

    @property
    def parts(self) -> Parts:
        return self._shown.parts

    def show(self, key: Hashable, parts: Callable[[], Parts]) -> None:
        """Show the words `parts()` gives, unless those of `key` are shown or kept (the
        key stands for everything they are made from)."""
        if key == self._key:
            return
        kept = self._kept.pop(key, None) or self._keep(parts)
        self._kept[key] = kept
        before = self._shown.lines.get(self.size.width)
        self._key, self._shown = key, kept
        # The same size: repainted, not laid out; and only the lines that read otherwise
        # (a blank line, a heading or the kind of exercise often stays where it was).
        if before is None or not self.size.width or self.text_selection is not None:
            self.refresh()
            return
        after = self.wrapped(self.size.width)
        changed = [y for y in range(max(len(before), len(after)))
                   if y >= len(before) or y >= len(after) or not _same(before[y], after[y])]
        runs = row_runs(changed)
        if runs:
            self.refresh(*(Region(0, top, self.size.width, bottom - top)
                           for top, bottom in runs))

    def _keep(self, parts: Callable[[], Parts]) -> _Kept:
        while len(self._kept) >= KEPT:
            self._kept.popitem(last=False)
        return _Kept(parts())

    def prepare(self, key: Hashable, parts: Callable[[], Parts], rows: int) -> None:
        """Make the words of `key` ahead, at this width, and draw their first `rows` lines
        (what the pane shows), without showing them: a cursor move to it then only
        compares lines (issue 17). Lines drawn already (at this width) are left alone."""
        width = self.size.width
        if key == self._key or not width:
            return
        kept = self._kept.get(key)
        if kept is None:
            if len(self._kept) >= KEPT - 1:
                return
            kept = self._kept[key] = self._keep(parts)
        drawn = kept.strips.setdefault((width, self.visual_style), {})
        for y, line in enumerate(self._wrap(kept, width)[:max(0, rows)]):
            if y not in drawn:
                drawn[y] = self._strip(line, y)
        self.finish_ahead(drawn.values())

    def wrapped(self, width: int) -> list[Content]:
        """The screen lines at this width."""
        return self._wrap(self._shown, width)

    @staticmethod
    def _wrap(kept: _Kept, width: int) -> list[Content]:
        lines = kept.lines.get(width)
        if lines is None:
            lines = []
            for kind, part in kept.parts:
                if kind == "marked":
                    lines += hanging(*part, width)
                else:
                    lines += part.wrap(max(1, width)) or [Content("")]
            kept.lines[width] = lines
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(BODY_ROWS, len(self.wrapped(width)))

    def render_line(self, y: int) -> Strip:
        """Line y, drawn as Textual draws a line of `render()`, once per width and style."""
        if self.text_selection is not None:
            return super().render_line(y)  # the selection drawn over the whole text
        width, style = self.size.width, self.visual_style
        drawn = self._shown.strips.setdefault((width, style), {})
        strip = drawn.get(y)
        if strip is None:
            lines = self.wrapped(width)
            if y < len(lines):
                # The line is wrapped to the width already: its segments as they are, not
                # through Visual.to_strips (which wraps and aligns again, 7x the time; the
                # same strips, tests/tui/test_row_scrollbar.py), with the offsets a mouse
                # selection reads, as if drawn with the lines above.
                strip = self._strip(lines[y], y)
            else:
                strip = Strip.blank(width, style.rich_style)
            drawn[y] = strip
        return strip

    def _strip(self, line: Content, y: int) -> Strip:
        return Strip(list(line.render_segments(self.visual_style)),
                     line.cell_length).apply_offsets(0, y)

    def render(self) -> Content:
        return Content("\n").join(self.wrapped(self.size.width))

    @property
    def text(self) -> str:
        """The words as the person reads them (a step as "1. Sit tall")."""
        texts = []
        for kind, part in self.parts:
            if kind == "marked":
                texts.append("\n".join(f"{m} {line}" for m, line in zip(*part)))
            else:
                texts.append(str(part))
        return "\n".join(t for t in texts if t)
