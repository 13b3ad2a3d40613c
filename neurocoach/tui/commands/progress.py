"""Progress, the balance self-test and the clinic's fall-risk tests."""

from __future__ import annotations

from neurocoach.tui.commands.base import Command
from neurocoach.tui.commands.everywhere import Cancel, DialogHelp


class CycleRange(Command):
    """The trends over 30, 90 or 365 days."""
    KEY, ACTION, FOOTER, ID = "r", "cycle_range", "Trend range", "progress.cycle-range"


class BalanceTest(Command):
    """The balance self-test: how long you stand on each foot, beside a support."""
    KEY, ACTION, FOOTER, ID = "b", "balance_test", "Balance test", "progress.balance-test"


class SteadiTest(Command):
    """The 4-stage balance test (y held 10 s, n not held)."""
    KEY, ACTION, FOOTER, ID = "f", "fall_test('steadi')", "4-stage balance test", \
        "progress.steadi"
    SHOW = False


class ChairStandTest(Command):
    """The 30-second chair stand: type the count."""
    KEY, ACTION, FOOTER, ID = "c", "fall_test('chair_stand')", "Chair stand test", \
        "progress.chair-stand"
    SHOW = False


class ProgressProfile(Command):
    """Your profile: birth year (to compare your balance by age), feet, health."""
    KEY, ACTION, FOOTER, ID = "e", "profile", "Profile", "progress.profile"


class Report(Command):
    """A report for your clinician (HTML, or Markdown for a name ending in .md)."""
    KEY, ACTION, FOOTER, ID = "o", "report", "Report", "progress.report"


class ScrollDown(Command):
    """Scroll the page down."""
    KEY, ACTION, FOOTER, ID = "j", "scroll('down')", "Scroll down", "progress.down"
    SHOW, IN_PALETTE = False, False


class ScrollUp(Command):
    """Scroll the page up."""
    KEY, ACTION, FOOTER, ID = "k", "scroll('up')", "Scroll up", "progress.up"
    SHOW, IN_PALETTE = False, False


# -- the balance self-test ------------------------------------------------------------------
class BalanceToggle(Command):
    """Start or stop a try (one shorter than 0.3 s is not a hold, and is not counted)."""
    KEY, ACTION, FOOTER, ID = "space", "toggle", "Start / stop", "balance.toggle"


class LeftFoot(Command):
    """The next try is on the left foot."""
    KEY, ACTION, FOOTER, ID = "left", "side('left')", "Left foot", "balance.left-foot"
    KEY_DISPLAY, SHOW = "←", False


class RightFoot(Command):
    """The next try is on the right foot."""
    KEY, ACTION, FOOTER, ID = "right", "side('right')", "Right foot", "balance.right-foot"
    KEY_DISPLAY, SHOW = "→", False


class UndoTry(Command):
    """Undo the last try."""
    KEY, ACTION, FOOTER, ID = "backspace", "undo", "Undo try", "balance.undo"


class BalanceSave(Command):
    """Save the tries."""
    KEY, ACTION, FOOTER, ID = "enter", "save", "Save", "balance.save"


class BalanceCancel(Cancel):
    """Close the test without saving."""
    ID = "balance.cancel"


class BalanceClose(Command):
    """Close (only when the test is off today)."""
    KEY, ACTION, FOOTER, ID = "escape,enter", "close", "Close", "balance.close"


class BalanceHelp(DialogHelp):
    ID = "balance.help"


# -- the fall-risk tests --------------------------------------------------------------------
class StageHeld(Command):
    """This stage was held 10 seconds."""
    KEY, ACTION, FOOTER = "y", "stage(True)", "Held 10 s"


class StageNotHeld(Command):
    """This stage was not held."""
    KEY, ACTION, FOOTER = "n", "stage(False)", "Not held"


class FallTestSave(Command):
    """Save the test."""
    KEY, ACTION, FOOTER = "enter", "save", "Save"
