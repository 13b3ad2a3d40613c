"""Help: the keys of the screen beneath, read from its bindings and the command classes they
are made from (tui/commands/), so it never drifts from them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from textual.actions import parse as parse_action
from textual.app import App, ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Horizontal, Vertical
from textual.markup import escape
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from neurocoach.tui.commands.base import bindings, command_for, commands_of
from neurocoach.tui.commands.forms import CloseHelp, CloseHelpByHelp, CloseHelpByQ
from neurocoach.tui.widgets.footer import Footer
from neurocoach.tui.widgets.page import Page

MOVING_KEYS = {"up", "down", "j", "k"}
"""A screen binding one of these has its own keys for moving."""
PLAIN_WORDS = {
    "cursor_up": "Up", "cursor_down": "Down", "select": "Select",      # a list
    "scroll_up": "Scroll up", "scroll_down": "Scroll down",            # a long page
    "submit": "Done typing",                                           # a text box
    "app.focus_next": "Next field", "app.focus_previous": "Previous field",
    "quit": "Quit", "command_palette": "Search for anything to do",
}
"""Textual's own keys that help names, in plain words. Its others (scrolling sideways,
paging, copying, the editing keys of a text box) are left out: they only push the screen's
own keys down. Scrolling is named only where the page is longer than the window, and tab
only where the screen has no keys of its own for moving."""
ARROWS = {"up", "down", "left", "right"}


def is_ours(active: ActiveBinding) -> bool:
    """Given by one of neurocoach's command classes on this node, not one of Textual's
    own keys."""
    return command_for(active.node, active.binding) is not None


def screen_order(node: object, binding: Binding) -> int:
    """Where the node's command for this binding is written among its commands."""
    return commands_of(node).index(command_for(node, binding))


def screen_beneath(active_bindings: Mapping[str, ActiveBinding]) -> Screen | None:
    for active in active_bindings.values():
        node = active.node
        if isinstance(node, Screen):
            return node
        if not isinstance(node, App):
            return node.screen
    return None


def person_bindings(app: App, active_bindings: Mapping[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    """The active bindings, except where one of Textual's widgets takes a key the screen
    binds itself (a scrolling page's ←/→ over the balance test's "Left foot"): the screen's
    is what happens when that widget has nothing to do, so it is the one to name."""
    bindings = dict(active_bindings)
    screen = screen_beneath(active_bindings)
    if screen is None:
        return bindings
    own_keys = getattr(app, "settings", None)
    own_keys = own_keys.keys if own_keys is not None else {}
    for command in commands_of(screen):
        binding = command.binding()
        # The person's own keys for it (settings, [keys]) stand in for the class's.
        keys = own_keys.get(command.ID, command.KEY) if command.ID else command.KEY
        for key in (k.strip() for k in keys.split(",")):
            active = bindings.get(key)
            if (active is None or active.node is screen or isinstance(active.node, App)
                    or is_ours(active) or not binding.description):
                continue
            _, name, parameters = parse_action(binding.action)
            if screen.check_action(name, parameters) is not False:
                bindings[key] = ActiveBinding(screen, binding, True, binding.tooltip)
    return bindings


def typed_keys(screen: Screen | None) -> list[tuple[str, str]]:
    """(keys, description) of keys that the rows of a form read as they are typed (digits),
    not through bindings."""
    from neurocoach.tui.widgets.scale import ChoiceRow, ScaleRow
    from neurocoach.tui.widgets.weekdays import RestDaysRow

    if screen is None:
        return []
    rows = []
    if screen.query(ScaleRow):
        rows.append(("0–9", "Set the score (1 then 0 makes 10)"))
    digits = sorted({d for row in screen.query(ChoiceRow) for d in row._digits()})
    if digits:
        rows.append((f"{digits[0]}–{digits[-1]}", "Pick the answer with that number"))
    if screen.query(RestDaysRow):
        rows.append(("1–7", "Rest day or not (1 is Monday)"))
    return rows


def _plain(node: object, binding: Binding, screen_moves: bool,
           named: set[str] = frozenset()) -> Binding | None:
    """One of Textual's own bindings in plain words, or None when it is left out. A key
    doing what a row of the screen's own already says (`named`) joins that row."""
    words = PLAIN_WORDS.get(binding.action)
    if words is None:
        return None
    if (binding.action.startswith("scroll_") and words.casefold() not in named
            and not getattr(node, "allow_vertical_scroll", False)):
        return None
    if binding.action.startswith("app.focus_"):
        if screen_moves or len(getattr(node, "focus_chain", ())) < 2:
            return None
    if binding.action == "select":  # a list's enter: named only where choosing does something
        screen = getattr(node, "screen", None)
        if not getattr(screen, "ACTS_ON_SELECT", False):
            return None
    return replace(binding, description=words)


def group_bindings(app: App, active_bindings: Mapping[str, ActiveBinding]) -> dict[str, list[tuple[str, str]]]:
    """(keys, description) rows per group; keys sharing a description are shown together.

    "This screen" lists the screen's own keys first, then the focused widget's own, then
    Textual's keys that matter here in plain words (PLAIN_WORDS), then the digits its rows
    read.
    Arrow keys come first in a row: "↑ / k  Up".
    """
    bindings = person_bindings(app, active_bindings)
    screen = screen_beneath(active_bindings)
    screen_own, widget_own, generic, everywhere = [], [], [], []
    for key, active in bindings.items():
        node, binding = active.node, active.binding
        if not binding.description:
            continue
        ours = is_ours(active)
        if isinstance(node, App):
            binding = binding if ours else _plain(node, binding, True)
            if binding is not None:
                everywhere.append((key, binding))
        elif not ours:
            generic.append((key, node, binding))
        elif isinstance(node, Screen):  # in the order the screen writes them
            screen_own.append((screen_order(node, binding), key, binding))
        else:
            widget_own.append((key, binding))
    screen_own = [(key, binding) for _, key, binding in sorted(screen_own,
                                                                key=lambda row: row[0])]
    moves = any(key in MOVING_KEYS or b.action.startswith("app.focus_")
                for key, b in screen_own)
    named = {b.description.casefold() for _, b in screen_own}
    plain = [(key, b) for key, b in ((key, _plain(node, b, moves, named))
                                     for key, node, b in generic) if b is not None]
    return {"This screen": [*_rows(app, [*screen_own, *widget_own, *plain]),
                            *typed_keys(screen)],
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
    BINDINGS = bindings(CloseHelp, CloseHelpByHelp, CloseHelpByQ)

    def __init__(self, active_bindings: Mapping[str, ActiveBinding]) -> None:
        super().__init__()
        self.bindings_beneath = dict(active_bindings)
        """The bindings of the screen beneath, captured when help was opened."""

    def compose(self) -> ComposeResult:
        groups = group_bindings(self.app, self.bindings_beneath)
        with Vertical(id="help-dialog"):
            yield Static("[b]Keys you can use here[/b]", id="help-title")
            with Page(id="help-keys"):
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
        # Its own keys below it: the screen beneath showed its own, which do nothing here.
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help-keys").focus()

    def action_close(self) -> None:
        self.dismiss(None)
