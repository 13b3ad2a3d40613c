"""Write a file the person will hand on (their plan, a report): a path, then enter.

The path starts filled in; a folder gets the usual file name inside it; a file already
there is replaced only on a second enter. The file is written whole and private (0600).
"""

from __future__ import annotations

import os
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from neurocoach.files import write_private_text
from neurocoach.paths import BadPath, expand
from neurocoach.tui.widgets.footer import Footer


class SaveFileScreen(ModalScreen[Path | None]):
    """A subclass gives the title, the file name and `text_for(path)`; dismisses with the
    path written, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    TITLE_TEXT = ""
    FILE_NAME = ""
    SAVED = "Written to"

    def __init__(self) -> None:
        super().__init__()
        self.confirm_replace: Path | None = None

    def file_name(self) -> str:
        """The name offered in the home folder, and used inside a folder typed."""
        return self.FILE_NAME

    def problem_with(self, path: Path) -> str | None:
        """Why this file cannot be written, in words (None: it can)."""
        return None

    def text_for(self, path: Path) -> str:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.TITLE_TEXT)
            yield Input(value=str(Path.home() / self.file_name()), id="save-path")
            yield Static(classes="message", id="save-message")
            yield Static("enter writes the file · escape cancels", classes="hint")
        yield Footer()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        message = self.query_one("#save-message", Static)
        typed = event.value.strip()
        if not typed:
            message.update("Type where to put the file.")
            return
        try:
            path = expand(typed)
        except BadPath as err:
            message.update(Content(str(err)))
            return
        if path.is_dir():
            path = path / self.file_name()
        problem = self.problem_with(path)
        if problem:
            message.update(Content(problem))
            return
        if os.path.lexists(path) and self.confirm_replace != path:
            self.confirm_replace = path
            message.update(Content(f"{path} exists: enter again replaces it."))
            return
        try:
            write_private_text(path, self.text_for(path))
        except OSError as err:
            message.update(Content(f"Cannot write {path} ({err.strerror or err})."))
            return
        self.app.notify(f"{self.SAVED} {path}.", markup=False)
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
