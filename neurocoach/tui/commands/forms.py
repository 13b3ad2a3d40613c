"""Dialogs and forms: your own exercise, the plan's days and import, a follow-up, saving
a file, help itself, and the rows of a form."""

from __future__ import annotations

from neurocoach.tui.commands.base import Command
from neurocoach.tui.commands.everywhere import Cancel


class FormSave(Command):
    """Save (every problem is shown under its field)."""
    KEY, ACTION, FOOTER = "ctrl+s", "save", "Save"


# -- the plan's dialogs ---------------------------------------------------------------------
class ScheduleLess(Command):
    """Fewer (days, minutes)."""
    KEY, ACTION, FOOTER = "left,h,minus", "nudge(-1)", "Less"
    SHOW, IN_PALETTE = False, False


class ScheduleMore(Command):
    """More (days, minutes)."""
    KEY, ACTION, FOOTER = "right,l,plus", "nudge(1)", "More"
    SHOW, IN_PALETTE = False, False


class ScheduleSave(Command):
    """Save the days and the session length."""
    KEY, ACTION, FOOTER = "enter,ctrl+s", "save", "Save"


class ApplyPlan(Command):
    """Apply the changes the plan file makes."""
    KEY, ACTION, FOOTER = "y", "apply", "Apply the changes"


# -- a follow-up after a stop ---------------------------------------------------------------
class CheckedYes(Command):
    """Yes, a clinician checked what happened."""
    KEY, ACTION, FOOTER = "y", "answer('checked')", "Yes, it was checked"


class NotYet(Command):
    """Not yet: asked again next time."""
    KEY, ACTION, FOOTER = "n", "answer('not_yet')", "Not yet"


class FollowUpBack(Cancel):
    """Back, nothing answered."""
    FOOTER = "Back"


# -- help -----------------------------------------------------------------------------------
class CloseHelp(Command):
    """Close help."""
    KEY, ACTION, FOOTER, IN_PALETTE = "escape", "close", "Close help", False


class CloseHelpByHelp(CloseHelp):
    KEY, KEY_DISPLAY = "question_mark", "?"


class CloseHelpByQ(CloseHelp):
    KEY = "q"


# -- the rows of a form ---------------------------------------------------------------------
class ScoreLess(Command):
    """A lower score."""
    KEY, ACTION, FOOTER = "left,h", "nudge(-1)", "Less"
    SHOW, IN_PALETTE = False, False


class ScoreMore(Command):
    """A higher score."""
    KEY, ACTION, FOOTER = "right,l", "nudge(1)", "More"
    SHOW, IN_PALETTE = False, False


class ChoicePrevious(Command):
    """The answer before."""
    KEY, ACTION, FOOTER = "left,h", "nudge(-1)", "Previous"
    SHOW, IN_PALETTE = False, False


class ChoiceNext(Command):
    """The next answer."""
    KEY, ACTION, FOOTER = "right,l", "nudge(1)", "Next"
    SHOW, IN_PALETTE = False, False


class PreviousDay(Command):
    """The day before."""
    KEY, ACTION, FOOTER = "left,h", "move(-1)", "Previous day"
    SHOW, IN_PALETTE = False, False


class NextDay(Command):
    """The next day."""
    KEY, ACTION, FOOTER = "right,l", "move(1)", "Next day"
    SHOW, IN_PALETTE = False, False


class ToggleDay(Command):
    """A rest day or not."""
    KEY, ACTION, FOOTER, SHOW = "space", "toggle", "Toggle day", False
