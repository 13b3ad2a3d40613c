"""The baseline: a bare Textual app (Header, one line, Footer), launched like neurocoach.

    python benchmarks/bare_app.py

It shows one line and binds the keys the session benchmark presses, each of which
rewrites that line, so that "a bare app handling the same keys" does the same kind of
work per key as a real screen would at its smallest: one small widget repainted.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Static

READY = "bare app ready"
"""The text on screen once the first full frame is painted."""

KEYS = ("plus", "minus", "space", "enter", "1", "2", "3", "b", "s", "x", "j")


class BareApp(App[None]):
    TITLE = "bare"
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        *(Binding(key, f"key({key!r})", key, show=False) for key in KEYS),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(READY, id="line")
        yield Footer()

    def on_mount(self) -> None:
        self.pressed = 0

    def action_key(self, key: str) -> None:
        self.pressed += 1
        self.query_one("#line", Static).update(f"{READY} · {key} · {self.pressed} keys")


if __name__ == "__main__":
    BareApp().run()
