"""A scrolling page whose line-by-line keys each count when they come in one burst."""

from __future__ import annotations

from textual.actions import SkipAction
from textual.containers import VerticalScroll

from neurocoach.tui.widgets.row_scrollbar import RowScrollbars


class Page(RowScrollbars, VerticalScroll):
    """A VerticalScroll that scrolls at once, not after the next refresh: Textual's
    deferred scroll reads the same target for every key of a burst (five `j` or `down`
    arriving in one read over SSH moved the page by two or three lines, not five). Its
    scrollbar draws only the rows that change (RowScrollbars)."""

    def line(self, lines: int) -> None:
        self.scroll_to(y=self.scroll_target_y + lines, immediate=True)

    def action_scroll_down(self) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.line(1)

    def action_scroll_up(self) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.line(-1)
