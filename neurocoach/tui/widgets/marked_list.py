"""An OptionList whose options can change their prompt, and whose highlight can move,
without redrawing the whole list.

OptionList.replace_option_prompt clears every option's cached render: moving the Library's
▸ mark from one exercise to the next re-rendered every visible option, twice, at each
cursor move (issue 17). `set_prompt` forgets only the changed option's renders, and it and
a highlight that moves repaint only the lines of the options they change (OptionList
repaints every line it shows for either). It leans on Textual 8.2's `Option._set_prompt`,
`OptionList._option_render_cache`, `_index_to_line` and `_heights`;
tests/tui/test_library.py fails if they change.
"""

from __future__ import annotations

from textual.geometry import Region
from textual.reactive import reactive
from textual.widgets import OptionList

from neurocoach.tui.widgets.direct_lines import DirectLines
from neurocoach.tui.widgets.row_scrollbar import RowScrollbars


class MarkedOptionList(RowScrollbars, DirectLines, OptionList):
    """An OptionList for prompts that change in place, keeping their height (its scrollbar
    draws only the rows that change: RowScrollbars; with plain styles, its lines reach the
    screen as drawn: DirectLines)."""

    highlighted: reactive[int | None] = reactive(None, repaint=False)
    """As OptionList's, but a change repaints only the two options it concerns."""

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        if old is None or new is None:
            # New options (set_options clears the highlight first): all of it, and the
            # line map left alone until Textual builds it (reading it now would hide the
            # scrollbar before the scroll back to the top reaches it).
            self.refresh()
        else:
            self.refresh_option(old)
            self.refresh_option(new)
        super().watch_highlighted(new)  # scrolls to it (a scroll repaints it all)

    def scroll_to_highlight(self, top: bool = False) -> None:
        """As OptionList's, and the heading just above the highlighted option (its
        category) comes into view with it: back at the first exercise, the list shows its
        first heading again, as when it opened."""
        super().scroll_to_highlight(top)
        index = self.highlighted
        if index and self.options[index - 1].disabled:
            line = self._index_to_line.get(index - 1)
            if line is not None and line < self.scroll_offset.y:
                self.scroll_to(y=line, animate=False, immediate=True)

    def refresh_option(self, index: int | None) -> None:
        """Repaint the lines of the option at this index (the list, if they are not
        known yet)."""
        if index is None:
            return
        try:
            y, height = self._index_to_line[index], self._heights[index]
        except KeyError:
            self.refresh()
            return
        # The option's lines, not the scrollbar beside them (ScrollView.refresh_lines
        # repaints the whole width, and the scrollbar's rows with it).
        self.refresh(Region(0, y - self.scroll_offset.y, self.scrollable_content_region.width,
                            height))

    def set_prompt(self, option_id: str, prompt) -> None:
        """Give this option a new prompt of the same height (a mark, not a rewording):
        the list's line map stays, and only this option is rendered again.
        Raises OptionDoesNotExist."""
        option = self.get_option(option_id)
        option._set_prompt(prompt)
        cache = self._option_render_cache
        for key in [key for key in cache.keys() if key[0] is option]:
            cache.discard(key)
        self.refresh_option(self.get_option_index(option_id))
