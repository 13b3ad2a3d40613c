"""A vertical scrollbar that draws only the rows asked for (issue 17: cheap cursor moves).

Textual's ScrollBar draws itself whole, through Rich, whenever any of its rows is
repainted: the Library's detail pane changes its thumb at most cursor moves (another
exercise, another length), one or two rows, and the whole bar was drawn again, a quarter of
a millisecond each time. `RowScrollBar` draws a row from the same bar Textual computes
(`ScrollBarRender.render_bar`, kept while nothing about the bar changes), in the same
style; tests/tui/test_row_scrollbar.py compares it with Textual's, row by row.
"""

from __future__ import annotations

from rich.color import Color
from rich.segment import Segment
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip

from neurocoach.tui.widgets.direct_lines import DirectLines


class RowScrollBar(DirectLines, ScrollBar):
    """Textual's vertical scrollbar, drawn a row at a time (see the module)."""

    _bar: tuple | None = None
    """(what the bar was computed from, its rows)."""

    _renderer: object | None = None
    """`render()`'s bar while the rows asked for together are drawn (made once for them)."""

    def render_lines(self, crop):
        self._renderer = self.render()
        try:
            return super().render_lines(crop)
        finally:
            self._renderer = None

    def render_line(self, y: int) -> Strip:
        renderer = self._renderer or self.render()
        if type(renderer) is not ScrollBarRender or not self.vertical:
            return super().render_line(y)
        self._dirty_regions.clear()  # drawn from the bar's state, never from a cache of it
        width, height = self.size
        style = renderer.style
        base = self.visual_style.rich_style
        key = (width, height, renderer.virtual_size, renderer.window_size, renderer.position,
               style, base)
        if self._bar is None or self._bar[0] != key:
            rows = ScrollBarRender.render_bar(
                size=height, virtual_size=renderer.virtual_size,
                window_size=renderer.window_size, position=renderer.position,
                thickness=width, vertical=True,
                back_color=style.bgcolor or Color.parse("#555555"),
                bar_color=style.color or Color.parse("bright_magenta")).segments
            self._bar = (key, [Strip([Segment(row.text, base + row.style)], width)
                               for row in rows])
        rows = self._bar[1]
        return rows[y] if 0 <= y < len(rows) else Strip.blank(width, base)


class RowScrollbars:
    """Mixed into a scrolling widget: its vertical scrollbar is a `RowScrollBar`
    (created as Textual's `Widget.vertical_scrollbar` creates its own)."""

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        if self._vertical_scrollbar is None:
            bar = self._vertical_scrollbar = RowScrollBar(
                vertical=True, name="vertical", thickness=self.scrollbar_size_vertical)
            bar.display = False
            self.app._start_widget(self, bar)
        return self._vertical_scrollbar

