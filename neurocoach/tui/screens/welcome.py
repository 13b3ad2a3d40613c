"""First run: what neurocoach is and is not, then a short profile (or the defaults)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from neurocoach.tui.commands.base import bindings
from neurocoach.tui.commands.today import SetUp, UseDefaults
from neurocoach.tui.saving import NOT_SAVED
from neurocoach.tui.widgets.footer import Footer

WELCOME = """\
[b]Welcome to neurocoach[/b]

A daily coach for feet with neuropathy: a quick check-in on how your feet feel, then a short routine of stretching, strengthening, balance and gentle cardio, and a look at your progress.

[b]What it is not:[/b] neurocoach supports exercise. It does not diagnose, treat or replace your doctor, podiatrist or physiotherapist. Please check with them before you start a new routine.

[b]Stop at once[/b] and sit down if you feel dizzy, have pain or pressure in your chest, or are more out of breath than usual — and get help if it does not settle quickly.

Your answers stay on this computer, in a file only you can read. """


class WelcomeScreen(Screen):
    """Shown once, before the first profile is saved."""

    BINDINGS = bindings(SetUp, UseDefaults)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="welcome"):
            yield Static(WELCOME, id="welcome-text")
            yield Static("[b]enter[/b] answers a few short questions (five about your week, "
                         "six about your health) · [b]escape[/b] starts with the careful "
                         "defaults (you can change them later with e on Today).",
                         classes="hint")
        yield Footer()

    def action_setup(self) -> None:
        from neurocoach.tui.screens.profile import FirstRunProfileScreen

        self.app.switch_screen(FirstRunProfileScreen())

    def action_defaults(self) -> None:
        if self.app.write(self.app.store.save_profile, self.app.store.profile(),
                          self.app.clock.now()) is NOT_SAVED:
            return
        self.dismiss(True)
