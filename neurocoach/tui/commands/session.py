"""A session, its summary and the stop dialog."""

from __future__ import annotations

from neurocoach.coach.safety import STOP_REASONS
from neurocoach.coach.screening import LOW_SUGAR_REASON
from neurocoach.tui.commands.base import Command


class ToggleTimer(Command):
    """Start or pause the timer (on timed steps)."""
    KEY, ACTION, FOOTER, ID = "space", "toggle_timer", "Timer", "session.toggle-timer"


class Done(Command):
    """This step is done: on to the next."""
    KEY, ACTION, FOOTER, ID = "enter", "done", "Done", "session.done"


# Third in a session's keys: a narrow terminal's footer shows the first few keys, and this
# is the one that must never be out of sight.
class StopForSymptom(Command):
    """Stop for a symptom (dizziness, chest pain, breathlessness, sharp pain; low blood
    sugar for people on blood-sugar medicines)."""
    KEY, ACTION, FOOTER, ID = "x", "stop", "Stop: symptom", "session.stop"


class Skip(Command):
    """Skip this step."""
    KEY, ACTION, FOOTER, ID = "s", "skip", "Skip", "session.skip"


class BackOneStep(Command):
    """Back one step."""
    KEY, ACTION, FOOTER, ID = "b", "back", "Back", "session.back"


class More(Command):
    """More reps or seconds (on counted and held steps)."""
    KEY, ACTION, FOOTER, ID = "plus,equals_sign", "adjust(1)", "More", "session.more"
    KEY_DISPLAY, SHOW = "+", False


class Less(Command):
    """Fewer reps or seconds (on counted and held steps)."""
    KEY, ACTION, FOOTER, ID = "minus", "adjust(-1)", "Less", "session.less"
    KEY_DISPLAY, SHOW = "-", False


class RateEasy(Command):
    """The step just done was easy."""
    KEY, ACTION, FOOTER, ID, SHOW = "1", "rate(1)", "Easy", "session.easy", False


class RateRight(Command):
    """The step just done was about right."""
    KEY, ACTION, FOOTER, ID, SHOW = "2", "rate(2)", "Right", "session.right", False


class RateHard(Command):
    """The step just done was hard."""
    KEY, ACTION, FOOTER, ID, SHOW = "3", "rate(3)", "Hard", "session.hard", False


class Leave(Command):
    """Leave the session: everything done so far is kept."""
    KEY, ACTION, FOOTER, ID = "escape", "leave", "Leave", "session.leave"


class Movement(Command):
    """The drawing moves or stays still (kept in your profile)."""
    KEY, ACTION, FOOTER, ID = "a", "movement", "Movement", "session.movement"


# -- the summary ----------------------------------------------------------------------------
class SummaryClose(Command):
    """Back to Today."""
    KEY, ACTION, FOOTER, ID = "enter,escape", "close", "Back to Today", "summary.close"


class SummaryEasy(RateEasy):
    ID, SHOW = "summary.easy", True


class SummaryRight(RateRight):
    ID, SHOW = "summary.right", True


class SummaryHard(RateHard):
    ID, SHOW = "summary.hard", True


# -- the stop dialog ------------------------------------------------------------------------
def _stop_reason(number: int, label: str) -> type[Command]:
    """One key per reason: its number picks it."""
    return type(f"StopReason{number}", (Command,), {
        "__doc__": f"Stop the session: {label}.", "__module__": __name__,
        "KEY": str(number), "ACTION": f"pick({number})", "FOOTER": label, "SHOW": False})


STOP_REASON_COMMANDS = tuple(
    _stop_reason(n, label) for n, label in enumerate(
        # Issue 13: low blood sugar, listed for people on blood-sugar medicines.
        [*(reason.label for reason in STOP_REASONS.values()), LOW_SUGAR_REASON.label], 1))


class BackToSession(Command):
    """Back to the session, nothing stopped."""
    KEY, ACTION, FOOTER = "escape", "cancel", "Back to the session"


