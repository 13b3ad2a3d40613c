"""Nothing the coach draws can be a control code the terminal obeys.

Textual keeps an ESC (and the rest of C0/C1) inside a widget's text and writes it to the
terminal as it is: a plan note holding `ESC ] 0 ; … BEL` would retitle the window, `ESC ]
52` write the clipboard, `ESC [ 2 J` wipe the screen. Every cell of every widget (screens,
dialogs, notices, the command palette, the footer) is turned into terminal bytes by one
method, `Strip.render`; `install()` wraps it so that the text of each cell is cleaned of
control characters (they take no cell, so nothing moves). The escape sequences Textual
itself writes for colours and the cursor are made elsewhere and are untouched.
"""

from __future__ import annotations

from textual.strip import Strip

from neurocoach.domain.text import CONTROL_OR_NEWLINE

_installed = False


def install() -> None:
    """Clean every strip's text before it is rendered (once per process)."""
    global _installed
    if _installed:
        return
    original = Strip.render

    def render(self: Strip, console) -> str:
        if self._render_cache is None and any(
                CONTROL_OR_NEWLINE.search(text) for text, _, _ in self._segments):
            self._segments = [segment._replace(text=CONTROL_OR_NEWLINE.sub("", segment.text))
                              if CONTROL_OR_NEWLINE.search(segment.text) else segment
                              for segment in self._segments]
        return original(self, console)

    Strip.render = render
    _installed = True
