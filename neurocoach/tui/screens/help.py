"""Help: the keys of the screen beneath, read from its bindings so it never drifts from them."""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import App, ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import Static

GROUPS = ("This screen", "Everywhere")


def group_bindings(app: App, active_bindings: Mapping[str, ActiveBinding]) -> dict[str, list[tuple[str, str]]]:
    """(keys, description) rows per group; keys sharing a description are shown together."""
    groups: dict[str, dict[str, list[str]]] = {name: {} for name in GROUPS}
    for active in active_bindings.values():
        binding = active.binding
        if not binding.description:
            continue
        group = "Everywhere" if isinstance(active.node, App) else "This screen"
        keys = groups[group].setdefault(binding.description, [])
        shown = app.get_key_display(binding)
        if shown not in keys:
            keys.append(shown)
    return {
        name: [(" / ".join(keys), description) for description, keys in rows.items()]
        for name, rows in groups.items()
    }


class HelpScreen(ModalScreen[None]):
    """Every key that works on the screen beneath, with what it does."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-wide")]
    BINDINGS = [
        Binding("escape", "close", "Close help"),
        Binding("question_mark", "close", "Close help", key_display="?"),
        Binding("q", "close", "Close help"),
    ]

    def __init__(self, active_bindings: Mapping[str, ActiveBinding]) -> None:
        super().__init__()
        self.bindings_beneath = dict(active_bindings)
        """The bindings of the screen beneath, captured when help was opened."""

    def compose(self) -> ComposeResult:
        groups = group_bindings(self.app, self.bindings_beneath)
        with Vertical(id="help-dialog"):
            yield Static("[b]Keys you can use here[/b]", id="help-title")
            with VerticalScroll(id="help-keys"):
                with Horizontal(id="help-columns"):
                    for name, rows in groups.items():
                        if rows:
                            width = max(len(keys) for keys, _ in rows)
                            lines = [f"[b]{escape(keys.rjust(width))}[/b]  {escape(text)}"
                                     for keys, text in rows]
                            with Vertical(classes="help-group"):
                                yield Static(f"[b]{name}[/b]", classes="help-group-title")
                                yield Static("\n".join(lines), classes="help-rows")
            # Spelled out ("ctrl+p", not "^p"): this is the line people read when lost.
            palette = self.app.COMMAND_PALETTE_BINDING
            yield Static(f"{escape(palette)} opens the command palette · escape closes this",
                         id="help-footer")

    def on_mount(self) -> None:
        self.query_one("#help-keys").focus()

    def action_close(self) -> None:
        self.dismiss(None)
