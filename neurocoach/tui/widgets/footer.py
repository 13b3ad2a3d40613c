"""Textual's Footer, rebuilt only when the keys it shows change.

Textual's Footer removes and mounts all its keys again after every signal that the
screen's bindings may have changed, each key styled several times over as it mounts (its
compact class toggles). Most signals change nothing: at launch Today's list takes focus
(Textual signals twice for that), the screen resumes and the mode is set, three rebuilds
of the same keys before the first paint; in a session, every key that moves focus or
re-checks an action. This Footer remembers what it was built from and skips a rebuild
that would show the same keys.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey


class Footer(TextualFooter):
    """The same footer (and the same `Footer` in CSS), without the needless rebuilds."""

    _built_from: tuple | None = None

    def _shown(self) -> tuple | None:
        """Everything `compose` reads, as a value to compare."""
        if not self._bindings_ready:
            return None
        app = self.app
        return (self.show_command_palette, app.ENABLE_COMMAND_PALETTE,
                tuple((binding, enabled, tooltip, app.get_key_display(binding))
                      for _, binding, enabled, tooltip in self.screen.active_bindings.values()))

    def compose(self) -> ComposeResult:
        self._built_from = self._shown()
        for widget in super().compose():
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                # Born with the footer's compact value (which data_bind gives it right after
                # mounting), not with FooterKey's default: mounting then toggles no class,
                # and the key is styled once instead of three times. (The palette's key is
                # not bound: it keeps its own.)
                widget.set_reactive(FooterKey.compact, self.compact)
            yield widget

    NARROW = 60
    """Below this many columns the keys sit closer together, so more of them fit (at 40
    columns a session's footer then reaches its stop key)."""

    def on_resize(self, event) -> None:
        self.compact = event.size.width < self.NARROW

    async def recompose(self) -> None:
        if self.is_attached and self._built_from is not None and self._shown() == self._built_from:
            return
        await super().recompose()
