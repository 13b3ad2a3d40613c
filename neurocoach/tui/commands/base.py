"""One class per thing a person can do with a key (as davep/hike and braindrop do).

A command class gives, in one place, the key, the binding id (by which a person remaps it
in the settings file), the footer's words, the help text (its docstring) and whether the
command palette offers it. Screens say `BINDINGS = bindings(Start, Checkin, ...)`; the help
screen and the palette read the same classes back from the bindings a screen has, so the
footer, help, palette and README (tests/unit/test_readme_keys.py) never drift apart.
"""

from __future__ import annotations

import inspect

from textual.binding import Binding


class Command:
    """Base of every command: subclasses set the class attributes below."""

    KEY: str = ""
    """Textual's key names, comma-separated ("plus,equals_sign")."""
    ACTION: str = ""
    """The action the key runs on the node that declares it ("rate(1)", "app.help")."""
    FOOTER: str = ""
    """The words beside the key, in the footer and in help."""
    ID: str | None = None
    """The binding id a person remaps in the settings ([keys]); None: not remappable."""
    SHOW: bool = True
    """In the footer (False: in help and the palette only)."""
    KEY_DISPLAY: str | None = None
    """How the key is written where Textual's own name would puzzle ("?" for
    question_mark)."""
    PRIORITY: bool = False
    """Checked before the focused widget's own keys (Textual's priority binding)."""
    IN_PALETTE: bool = True
    """Offered in the command palette (moving about, help and quitting are not: the
    palette names those in its own words)."""

    @classmethod
    def help(cls) -> str:
        """What the command does, in a sentence: the class's docstring (or its base's)."""
        return " ".join((inspect.getdoc(cls) or cls.FOOTER).split())

    @classmethod
    def binding(cls) -> Binding:
        return Binding(cls.KEY, cls.ACTION, cls.FOOTER, show=cls.SHOW,
                       key_display=cls.KEY_DISPLAY, priority=cls.PRIORITY,
                       tooltip=cls.help(), id=cls.ID)

    @classmethod
    def keys(cls) -> list[str]:
        return [key.strip() for key in cls.KEY.split(",")]

    @classmethod
    def matches(cls, binding: Binding) -> bool:
        """This command's binding (its key may be the person's own: compare the rest)."""
        return binding.action == cls.ACTION and binding.description == cls.FOOTER


class CommandBindings(list):
    """A `BINDINGS` list that remembers the command classes it was made from."""

    commands: tuple[type[Command], ...] = ()


def bindings(*commands: type[Command]) -> CommandBindings:
    """`BINDINGS` for a screen or widget, made from its command classes."""
    made = CommandBindings(command.binding() for command in commands)
    made.commands = commands
    return made


def commands_of(node: object) -> list[type[Command]]:
    """The command classes neurocoach's classes give this node (or class), not Textual's
    widgets, in the order they are written, a base class's first."""
    found: list[type[Command]] = []
    for cls in reversed((node if isinstance(node, type) else type(node)).__mro__):
        declared = cls.__dict__.get("BINDINGS")
        found += [c for c in getattr(declared, "commands", ()) if c not in found]
    return found


def command_for(node: object, binding: Binding) -> type[Command] | None:
    """The command class behind one of this node's bindings (None: one of Textual's)."""
    return next((c for c in commands_of(node) if c.matches(binding)), None)


FAMILIES = ("everywhere", "today", "session", "library", "progress", "forms")
"""The modules of command classes, one per family of screens."""


def all_commands() -> list[type[Command]]:
    """Every command class there is."""
    from importlib import import_module

    for family in FAMILIES:
        import_module(f"neurocoach.tui.commands.{family}")
    found, waiting = [], list(Command.__subclasses__())
    while waiting:
        command = waiting.pop(0)
        if command not in found:
            found.append(command)
            waiting += command.__subclasses__()
    return found


def binding_ids() -> set[str]:
    """Every binding id a person can give their own key (settings, [keys])."""
    return {command.ID for command in all_commands() if command.ID}
