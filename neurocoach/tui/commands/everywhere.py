"""Keys that work everywhere (the App's), and the keys every dialog shares."""

from __future__ import annotations

from neurocoach.tui.commands.base import Command


class GoToday(Command):
    """Today's routine and check-in."""
    KEY, ACTION, FOOTER, ID = "t", "switch_mode('today')", "Today", "today"
    IN_PALETTE = False  # the palette says "Go to Today" itself


class GoLibrary(Command):
    """Every exercise, with how to do it safely."""
    KEY, ACTION, FOOTER, ID = "l", "switch_mode('library')", "Library", "library"
    IN_PALETTE = False


class GoProgress(Command):
    """How you are doing over time."""
    KEY, ACTION, FOOTER, ID = "p", "switch_mode('progress')", "Progress", "progress"
    IN_PALETTE = False


class Help(Command):
    """Every key that works on the screen you are on."""
    KEY, ACTION, FOOTER, ID = "question_mark", "help", "Help", "help"
    KEY_DISPLAY, IN_PALETTE = "?", False


class Quit(Command):
    """Quit neurocoach (everything is saved)."""
    KEY, ACTION, FOOTER, ID = "q", "quit", "Quit", "quit"
    IN_PALETTE = False


# A modal dialog hides the App's keys, `?` with them: it needs its own.
class DialogHelp(Command):
    """Every key that works in this dialog."""
    KEY, ACTION, FOOTER = "question_mark", "app.help", "Help"
    KEY_DISPLAY, IN_PALETTE = "?", False


class Cancel(Command):
    """Close this without saving anything."""
    KEY, ACTION, FOOTER = "escape", "cancel", "Cancel"


class NextField(Command):
    """Move to the next field."""
    KEY, ACTION, FOOTER = "down", "app.focus_next", "Next"
    SHOW, IN_PALETTE = False, False


class PreviousField(Command):
    """Move to the previous field."""
    KEY, ACTION, FOOTER = "up", "app.focus_previous", "Previous"
    SHOW, IN_PALETTE = False, False
