"""`f` and `c` on Progress: the STEADI 4-stage balance test and the 30-second chair stand,
beside the single-leg stance (`b`). The dialog collects the result and returns it;
Progress saves it. Off on a day the single-leg test is off (coach.safety decides)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from neurocoach.coach.safety import balance_test_allowed
from neurocoach.coach.self_tests import (
    CHAIR_STAND_MAX, CHAIR_STAND_SECONDS, STEADI_SECONDS, STEADI_STAGES, WITH_SOMEONE,
    chair_stand_verdict, steadi_verdict,
)
from neurocoach.tui.commands.base import bindings
from neurocoach.tui.commands.everywhere import Cancel, DialogHelp
from neurocoach.tui.commands.progress import StageHeld, StageNotHeld, FallTestSave
from neurocoach.tui.widgets.footer import Footer

TITLES = {"steadi": "4-stage balance test (CDC STEADI)",
          "chair_stand": "30-second chair stand"}


class FallTestScreen(ModalScreen[tuple[str, int] | None]):
    """Returns (kind, result) to save, or None. `y`/`n` answer each STEADI stage; the
    chair stand takes the number of stands typed in."""

    DEFAULT_CSS = """
    FallTestScreen { align: center middle; }
    #fall-test { width: 72; max-width: 100%; height: auto; max-height: 100%;
                 border: double $accent; background: $surface; padding: 0 1; }
    #fall-test-safety { color: $warning; margin: 1 0; }
    #fall-test-status { background: $boost; min-height: 1; }
    """

    BINDINGS = bindings(StageHeld, StageNotHeld, FallTestSave, Cancel, DialogHelp)

    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind
        self.held = 0
        """STEADI: stages held so far, in order."""
        self.done = False
        """STEADI: a stage was not held, or all four were."""
        self.refusal = ""

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "stage":
            return self.kind == "steadi" and not self.refusal
        if action == "save":
            return not self.refusal
        return True

    def compose(self) -> ComposeResult:
        store = self.app.store
        allowed, reason = balance_test_allowed(store.profile(),
                                               store.checkin_for(self.app.clock.today()))
        self.refusal = "" if allowed else reason
        with VerticalScroll(id="fall-test"):
            yield Static(Content.assemble((TITLES[self.kind], "bold")), id="fall-test-title")
            if self.refusal:
                yield Static(f"! Not today. {reason}", id="fall-test-safety")
            else:
                yield Static(f"! {WITH_SOMEONE}", id="fall-test-safety")
                yield Static(id="fall-test-body")
                if self.kind == "chair_stand":
                    yield Input(placeholder=f"Full stands in {CHAIR_STAND_SECONDS} s, e.g. 11",
                                restrict=r"\d{0,2}", id="fall-test-count")
                yield Static(id="fall-test-status")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        if not self.refusal:
            self._show()

    def say(self, text: str) -> None:
        self.query_one("#fall-test-status", Static).update(text)

    def _show(self) -> None:
        if self.kind == "chair_stand":
            body = ("Sit in the middle of a firm chair without wheels, set against a wall, "
                    "arms crossed on your chest. For 30 seconds, stand up fully and sit down "
                    "again as many times as you safely can; your helper counts the full "
                    "stands. Type the number, then enter.")
            self.query_one("#fall-test-body", Static).update(body)
            self.query_one("#fall-test-count").focus()
            return
        lines = [f"Hold each stance {STEADI_SECONDS} seconds without holding on or moving "
                 "your feet; your helper times it. y: held · n: not held (the test ends).", ""]
        for n, (name, how) in enumerate(STEADI_STAGES, 1):
            mark = ("[x]" if n <= self.held else "[-]" if self.done
                    else "▸  " if n == self.held + 1 else "   ")
            lines.append(f"{mark} {n}. {name}: {how}")
        self.query_one("#fall-test-body", Static).update(Content("\n".join(lines)))

    def action_stage(self, held: bool) -> None:
        if self.done:
            self.say("The test is done: enter saves it, escape drops it.")
            return
        if held:
            self.held += 1
        self.done = not held or self.held == len(STEADI_STAGES)
        self._show()
        if self.done:
            self.say(steadi_verdict(self.held).words.capitalize() + ". enter saves.")
        else:
            self.say(f"Stage {self.held} held. Now stage {self.held + 1}.")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        if self.kind == "steadi":
            if not self.done:
                self.say("Answer each stage first (y held · n not held).")
                return
            self.dismiss(("steadi", self.held))
            return
        text = self.query_one("#fall-test-count", Input).value.strip()
        if not text.isdigit() or int(text) > CHAIR_STAND_MAX:
            self.say(f"Type the number of full stands, 0 to {CHAIR_STAND_MAX}.")
            return
        age = self.app.store.profile().age(self.app.clock.today())
        self.dismiss(("chair_stand", chair_stand_verdict(int(text), age).result))

    def action_cancel(self) -> None:
        self.dismiss(None)
