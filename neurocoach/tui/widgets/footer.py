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

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey

ALWAYS = ("help", "app.help", "quit", "app.quit", "stop", "cancel", "close")
"""Actions whose keys stay in the footer whatever else must go when the row is too short
for every key: a person can always get help, get out (quit, or leave a dialog), and stop a
session for a symptom."""


class Footer(TextualFooter):
    """The same footer (and the same `Footer` in CSS), without the needless rebuilds."""

    _built_from: tuple | None = None
    keys_known = False
    """The screen has said its bindings once (before that there is nothing to show)."""

    def bindings_changed(self, screen) -> None:
        self.keys_known = True
        super().bindings_changed(screen)

    def _shown(self) -> tuple | None:
        """Everything `compose` reads, as a value to compare."""
        if not self.keys_known:
            return None
        app = self.app
        return (self.show_command_palette, app.ENABLE_COMMAND_PALETTE, self._room(),
                tuple((binding, enabled, tooltip, app.get_key_display(binding))
                      for _, binding, enabled, tooltip in self.screen.active_bindings.values()))

    def _room(self) -> int:
        """The columns the footer has (the terminal's, before it is laid out)."""
        return self.size.width or self.screen.size.width or self.app.size.width

    def compose(self) -> ComposeResult:
        self._built_from = self._shown()
        widgets = list(super().compose())
        keys = [w for w in widgets
                if isinstance(w, FooterKey) and not w.has_class("-command-palette")]
        for widget in keys:
            # Born with the footer's compact value (which data_bind gives it right after
            # mounting), not with FooterKey's default: mounting then toggles no class,
            # and the key is styled once instead of three times. (The palette's key is
            # not bound: it keeps its own.)
            widget.set_reactive(FooterKey.compact, self.compact)
        palette = [w for w in widgets
                   if isinstance(w, FooterKey) and w.has_class("-command-palette")]
        dropped = self._overflow(keys, sum(self._width(w) + 1 for w in palette))
        if palette and not self._fits([k for k in keys if k not in dropped],
                                      sum(self._width(w) + 1 for w in palette)):
            # The keys that always stay do not fit beside the palette's key, which is
            # drawn over the row's right end ("q Qui▏^p palette" at 40 columns): it goes
            # instead (ctrl+p still opens the palette, and `?` help names it).
            dropped = self._overflow(keys) | set(palette)
        yield from (w for w in widgets if w not in dropped)

    def _fits(self, keys: list[FooterKey], taken: int) -> bool:
        """The keys fit in the row beside `taken` columns (always, before it has a width)."""
        if not self._room():
            return True
        return sum(self._width(key) for key in keys) <= self._room() - taken + 1

    def _width(self, key: FooterKey) -> int:
        """Columns a key takes: "k Description" and a space (compact), " k Description "
        otherwise."""
        text = cell_len(key.key_display) + 1 + cell_len(key.description)
        return text + (1 if self._room() < self.NARROW else 2)  # compact below NARROW

    def _overflow(self, keys: list[FooterKey], taken: int = 0) -> set[FooterKey]:
        """The keys that would fall off the right edge, chosen so that help and quit (or
        a dialog's cancel) always stay: the screen's own keys go from the end of the row
        first. Each key is still in `?` help."""
        room = self._room() - taken + 1  # the last key's trailing blank may fall off the edge
        width = self._width
        if not room or sum(width(key) for key in keys) <= room:
            return set()
        kept = [key for key in keys if key.action in ALWAYS]
        used = sum(width(key) for key in kept)
        for key in keys:
            if key not in kept and used + width(key) <= room:
                kept.append(key)
                used += width(key)
        return {key for key in keys if key not in kept}

    NARROW = 60
    """Below this many columns the keys sit closer together, so more of them fit (at 40
    columns a session's footer then reaches its stop key)."""

    def on_resize(self, event) -> None:
        self.compact = event.size.width < self.NARROW
        if self._built_from is not None and self._built_from[2] != self._room():
            self.call_later(self.recompose)  # a shorter or longer row holds other keys

    async def recompose(self) -> None:
        if self.is_attached and self._built_from is not None and self._shown() == self._built_from:
            return
        await super().recompose()
