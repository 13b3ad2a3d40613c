"""Progress: placeholder until the progress issue lands."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static


class ProgressScreen(Screen):
    """How the person is doing over time."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            "Progress is coming: streaks that forgive rest days, symptom trends, "
            "and your balance against people your age.",
            classes="placeholder",
        )
        yield Footer()
