"""Write a file the person will hand on (their plan, a report): a path, then enter.

The path starts filled in; a folder gets the usual file name inside it; a file already
there is replaced only on a second enter. The file is written whole and private (0600).
In a web browser (`neurocoach serve`) the file is not written on the server: it reaches
the browser as a download, under the name typed.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from neurocoach.paths import BadPath, expand
from neurocoach.store.files import write_private_text
from neurocoach.store.places import unsafe_to_write
from neurocoach.tui.commands.base import bindings
from neurocoach.tui.commands.everywhere import Cancel
from neurocoach.tui.widgets.footer import Footer


class SaveFileScreen(ModalScreen[Path | None]):
    """A subclass gives the title, the file name and `text_for(path)`; dismisses with the
    path written, or None."""

    BINDINGS = bindings(Cancel)

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
            web = self.app.is_web
            offered = self.file_name() if web else str(Path.home() / self.file_name())
            yield Input(value=offered, id="save-path")
            yield Static(classes="message", id="save-message")
            yield Static("enter sends it to your browser · escape cancels" if web
                         else "enter writes the file · escape cancels", classes="hint")
        yield Footer()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        message = self.query_one("#save-message", Static)
        typed = event.value.strip()
        if not typed:
            message.update("Type where to put the file.")
            return
        if self.app.is_web:  # a plain name: the browser's header carries it unquoted
            name = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(typed).name).strip("-.")
            self.download(name or self.file_name())
            return
        try:
            path = expand(typed)
        except BadPath as err:
            message.update(Content(str(err)))
            return
        if path.is_dir():
            path = path / self.file_name()
        problem = self.problem_with(path) or unsafe_to_write(path)
        if problem:
            message.update(Content(problem[0].upper() + problem[1:]))
            return
        if os.path.lexists(path) and self.confirm_replace != path:
            self.confirm_replace = path
            message.update(Content(f"{path} exists: enter again replaces it."))
            return
        self.write_file(path)

    def write_file(self, path: Path) -> None:
        """Write it now (a subclass with heavier work writes it in a worker, then calls
        `written`)."""
        try:
            write_private_text(path, self.text_for(path))
        except OSError as err:
            self.written(path, f"Cannot write {path} ({err.strerror or err}).")
            return
        self.written(path)

    def written(self, path: Path, problem: str | None = None) -> None:
        """Done: say where it went and close; or say in one line why not, and stay."""
        if problem:
            self.query_one("#save-message", Static).update(Content(problem))
            return
        self.app.notify(f"{self.SAVED} {path}.", markup=False)
        self.dismiss(path)

    def download(self, name: str) -> None:
        """Served in a browser: hand the file to it as a download (nothing on the server)."""
        problem = self.problem_with(Path(name))
        if problem:
            self.query_one("#save-message", Static).update(Content(problem))
            return
        self.app.deliver_text(io.StringIO(self.text_for(Path(name))), save_filename=name,
                              encoding="utf-8")
        self.app.notify(f"{name} is on its way to your browser as a download.", markup=False)
        self.dismiss(Path(name))

    def action_cancel(self) -> None:
        self.dismiss(None)
