"""Help: the keys of the screen beneath, read from its bindings so it never drifts from them."""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import App, ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.markup import escape
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

GROUPS = ("This screen", "Everywhere")
MOVING_KEYS = {"up", "down", "j", "k"}
"""A screen binding one of these has its own keys for moving."""
KEPT_GENERIC_KEYS = {"up", "down", "enter", "tab", "shift+tab"}
"""Textual's own keys still listed then: the arrows (beside j/k), enter and tab. Its
scrolling, paging and copy keys are left out: they only push the screen's own keys down."""
ARROWS = {"up", "down", "left", "right"}


def declared_by_us(node: object) -> list[tuple[str, str]]:
    """(action, description) of the bindings neurocoach's own classes give this node (not
    Textual's widgets), in the order they are written, a base class's first."""
    declared = []
    for cls in reversed(type(node).__mro__):
        if cls.__module__.startswith("neurocoach"):
            declared += [(b.action, b.description) for b in cls.__dict__.get("BINDINGS", ())
                         if isinstance(b, Binding)]
    return declared


def group_bindings(app: App, active_bindings: Mapping[str, ActiveBinding]) -> dict[str, list[tuple[str, str]]]:
    """(keys, description) rows per group; keys sharing a description are shown together.

    "This screen" lists the screen's own keys first, then the focused widget's own, then
    Textual's generic ones (only the arrows, enter and tab when the screen has its own keys
    for moving). Arrow keys come first in a row: "↑ / k  Up".
    """
    screen_own, widget_own, generic, everywhere = [], [], [], []
    ours: dict[int, list[tuple[str, str]]] = {}
    for key, active in active_bindings.items():
        node, binding = active.node, active.binding
        if not binding.description:
            continue
        if isinstance(node, App):
            everywhere.append((key, binding))
            continue
        declared = ours.setdefault(id(node), declared_by_us(node))
        if (binding.action, binding.description) not in declared:
            generic.append((key, binding))
        elif isinstance(node, Screen):  # in the order the screen writes them
            screen_own.append((declared.index((binding.action, binding.description)),
                               key, binding))
        else:
            widget_own.append((key, binding))
    screen_own = [(key, binding) for _, key, binding in sorted(screen_own,
                                                                key=lambda row: row[0])]
    if any(key in MOVING_KEYS for key, _ in screen_own):
        generic = [(key, b) for key, b in generic if key in KEPT_GENERIC_KEYS]
    return {"This screen": _rows(app, [*screen_own, *widget_own, *generic]),
            "Everywhere": _rows(app, everywhere)}


def _rows(app: App, bindings: list[tuple[str, Binding]]) -> list[tuple[str, str]]:
    rows: dict[str, tuple[str, list[tuple[str, str]]]] = {}
    for key, binding in bindings:
        description, keys = rows.setdefault(binding.description.casefold(),
                                            (binding.description, []))
        shown = app.get_key_display(binding)
        if shown not in (k for _, k in keys):
            keys.append((key, shown))
    return [(" / ".join(shown for key, shown in sorted(keys, key=lambda k: k[0] not in ARROWS)),
             description) for description, keys in rows.values()]


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
