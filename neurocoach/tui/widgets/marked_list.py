"""An OptionList whose options can change their prompt without redrawing the whole list.

OptionList.replace_option_prompt clears every option's cached render: moving the Library's
▸ mark from one exercise to the next re-rendered every visible option, twice, at each
cursor move (issue 17). `set_prompt` forgets only the changed option's renders. It leans on
Textual 8.2's `Option._set_prompt` and `OptionList._option_render_cache`;
tests/tui/test_library.py fails if they change.
"""

from __future__ import annotations

from textual.widgets import OptionList


class MarkedOptionList(OptionList):
    """An OptionList for prompts that change in place, keeping their height."""

    def set_prompt(self, option_id: str, prompt) -> None:
        """Give this option a new prompt of the same height (a mark, not a rewording):
        the list's line map stays, and only this option is rendered again.
        Raises OptionDoesNotExist."""
        option = self.get_option(option_id)
        option._set_prompt(prompt)
        cache = self._option_render_cache
        for key in [key for key in cache.keys() if key[0] is option]:
            cache.discard(key)
        self.refresh()
