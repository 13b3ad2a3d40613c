"""Today, the daily check-in, the profile form and the welcome."""

from __future__ import annotations

from neurocoach.tui.commands.base import Command
from neurocoach.tui.commands.everywhere import Cancel, DialogHelp, NextField, PreviousField


class Start(Command):
    """Start or resume today's session, one step at a time."""
    KEY, ACTION, FOOTER, ID, PRIORITY = "enter", "start", "Start", "today.start", True


class Resume(Command):
    """Go on with today's session where you left it (what was done is kept)."""
    # The same key and id as Start: Today offers one or the other, so that the footer
    # says what enter does now.
    KEY, ACTION, FOOTER, ID, PRIORITY = "enter", "resume", "Resume", "today.start", True


class OpenCheckin(Command):
    """The daily check-in: symptoms 0–10 and a look at your feet."""
    KEY, ACTION, FOOTER, ID = "c", "checkin", "Check-in", "today.checkin"


class EditProfile(Command):
    """Birth year, feet, training days, limits from a clinician, your health."""
    KEY, ACTION, FOOTER, ID = "e", "profile", "Profile", "today.profile"


class OpenPlan(Command):
    """Your plan: exercises, levels, days and time."""
    KEY, ACTION, FOOTER, ID = "m", "plan", "Plan", "today.plan"


class TodayDown(Command):
    """Down the routine."""
    KEY, ACTION, FOOTER, ID = "j", "cursor('down')", "Down", "today.down"
    SHOW, IN_PALETTE = False, False


class TodayUp(Command):
    """Up the routine."""
    KEY, ACTION, FOOTER, ID = "k", "cursor('up')", "Up", "today.up"
    SHOW, IN_PALETTE = False, False


# -- the check-in ---------------------------------------------------------------------------
class CheckinNext(Command):
    """The next line, keeping the last check-in's answer where you typed none; saves on the
    note, the last line."""
    KEY, ACTION, FOOTER, ID = "enter", "next", "Next / save", "checkin.next"


class SameAsBefore(Command):
    """The same scores as last time, then the foot question."""
    KEY, ACTION, FOOTER, ID = "y", "same_as_before", "Same scores as last time", \
        "checkin.same-as-before"


class CheckinNextField(NextField):
    """The next line."""
    # priority: the dialog's scroll container would take up/down first and scroll
    ID, PRIORITY = "checkin.next-field", True


class CheckinPreviousField(PreviousField):
    """The line before."""
    ID, PRIORITY = "checkin.previous-field", True


class CheckinSave(Command):
    """Save the check-in as it is."""
    KEY, ACTION, FOOTER, ID = "ctrl+s", "save", "Save", "checkin.save"


class CheckinCancel(Cancel):
    """Close the check-in without saving."""
    ID = "checkin.cancel"


class CheckinHelp(DialogHelp):
    ID = "checkin.help"


# -- the profile form -----------------------------------------------------------------------
class ProfileNext(Command):
    """The next question; saves on the last one."""
    KEY, ACTION, FOOTER = "enter", "next", "Next / save"


class NextQuestion(Command):
    """The next question."""
    # priority: the page's scroll container would take up/down first and scroll instead.
    # tab is named here too: the first-run form does not inherit the Screen's own tab.
    KEY, ACTION, FOOTER = "down,tab", "app.focus_next", "Next question"
    SHOW, PRIORITY, IN_PALETTE = False, True, False


class PreviousQuestion(Command):
    """The question before."""
    KEY, ACTION, FOOTER = "up,shift+tab", "app.focus_previous", "Previous question"
    SHOW, PRIORITY, IN_PALETTE = False, True, False


class ProfileSave(Command):
    """Save the profile (a bad birth year is shown, and the form stays)."""
    KEY, ACTION, FOOTER = "ctrl+s", "save", "Save"


class SaveAndStart(Command):
    """The first run: keep what the form holds (untouched questions hold the careful
    defaults) and go to Today."""
    KEY, ACTION, FOOTER = "escape", "finish", "Save and start"


# -- the welcome ----------------------------------------------------------------------------
class SetUp(Command):
    """Five short questions about you, then six about your health."""
    KEY, ACTION, FOOTER = "enter", "setup", "Set up my profile"


class UseDefaults(Command):
    """Skip the questions: the careful defaults (not sure counts as yes)."""
    KEY, ACTION, FOOTER = "escape", "defaults", "Use the defaults"

