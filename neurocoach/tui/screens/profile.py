"""The profile form: first run and later edits (`e` on Today)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static

from neurocoach.coach.profile import parse_birth_year, rest_days_for
from neurocoach.coach.screening import ANSWERS, QUESTIONS
from neurocoach.domain.models import Profile, Screening
from neurocoach.services.plan import save_profile
from neurocoach.tui.commands.base import bindings
from neurocoach.tui.commands.everywhere import Cancel
from neurocoach.tui.commands.today import (
    NextQuestion, PreviousQuestion, ProfileNext, ProfileSave, SaveAndStart,
)
from neurocoach.tui.saving import NOT_SAVED
from neurocoach.tui.widgets.footer import Footer
from neurocoach.tui.widgets.scale import ChoiceRow, RowChanged
from neurocoach.tui.widgets.weekdays import RestDaysRow

FEET = [("both", "Both feet"), ("left", "Left foot"), ("right", "Right foot"),
        ("neither", "Not sure / neither")]
RESTRICTION = [("none", "No limits from a clinician"),
               ("no_weight_bearing", "A clinician said: no weight on my feet for now")]
DAYS = [(str(n), f"{n} day{'s' if n > 1 else ''} a week") for n in range(1, 8)]
"""Keyed by their own digit: 2 picks "2 days a week". 1 to 7, as the plan's days dialog and
plan files allow, so that every count of rest days has its own answer here."""

_KEYS = (ProfileNext, NextQuestion, PreviousQuestion, ProfileSave)


class ProfileScreen(Screen):
    """Editing the profile later (e on Today or Progress): escape leaves it as it was."""

    BINDINGS = bindings(*_KEYS, Cancel)

    def compose(self) -> ComposeResult:
        p = self.app.store.profile()
        with VerticalScroll(id="profile"):
            yield Static("[b]Your profile[/b] — enter moves on, ctrl+s saves", id="profile-title")
            yield Input(value=str(p.birth_year or ""),
                        placeholder="Birth year, e.g. 1956 (optional: to compare your balance by age)",
                        restrict=r"\d{0,4}", id="birth-year")
            # Right under the box it is about, so that it is seen where the answer is typed.
            yield Static(id="profile-message")
            yield ChoiceRow("Which feet are affected?", FEET, value=p.feet, id="feet")
            yield ChoiceRow("How many days a week would you like to train? (type 1 to 7)",
                            DAYS, value=str(p.days_per_week), by_key=True, id="days")
            yield RestDaysRow("Rest days (type 1–7 to switch a day):", p.rest_days, id="rest")
            yield ChoiceRow("Any limit from your clinician?", RESTRICTION, value=p.restriction,
                            id="restriction")
            yield Static("[b]Your health[/b] — each answer changes what the coach does "
                         "(Not sure counts as yes, to stay on the careful side):",
                         id="screening-title")
            for question in QUESTIONS:
                yield ChoiceRow(question.ask, list(ANSWERS),
                                value=getattr(p.screening, question.field) or "unsure",
                                id=f"q-{question.field}", classes="screening")
                yield Static(f"→ {question.effect}", classes="screening-effect hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#birth-year").focus()

    def on_row_changed(self, event: RowChanged) -> None:
        rest = self.query_one("#rest", RestDaysRow)
        if event.row.id == "days":
            rest.days = frozenset(rest_days_for(int(self.query_one("#days", ChoiceRow).value)))
        elif event.row.id == "rest":
            self.query_one("#days", ChoiceRow).value = str(7 - len(rest.days))

    def action_next(self) -> None:
        if self.focused is self.query(".screening").last():
            self.action_save()
        else:
            self.focus_next()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def action_save(self) -> None:
        message = self.query_one("#profile-message", Static)
        try:
            year = parse_birth_year(self.query_one("#birth-year", Input).value,
                                    self.app.clock.today())
        except ValueError as exc:
            self.query_one("#birth-year").focus()
            message.update(str(exc))
            self.call_after_refresh(message.scroll_visible, animate=False)
            return
        message.update("")
        rest = tuple(sorted(self.query_one("#rest", RestDaysRow).days))
        profile = Profile(
            birth_year=year,
            feet=self.query_one("#feet", ChoiceRow).value or "both",
            days_per_week=7 - len(rest),
            rest_days=rest,
            restriction=self.query_one("#restriction", ChoiceRow).value or "none",
            screening=Screening(**{
                q.field: self.query_one(f"#q-{q.field}", ChoiceRow).value or "unsure"
                for q in QUESTIONS}),
        )
        if self.app.write(save_profile, self.app.store, profile,
                          self.app.clock.now()) is NOT_SAVED:
            return
        self.notify("Profile saved.")
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)


class FirstRunProfileScreen(ProfileScreen, inherit_bindings=False):
    """The first run: nothing is saved yet, so escape keeps what the form holds (untouched
    questions hold the defaults) — a clinician's limit typed in is never thrown away."""

    BINDINGS = bindings(*_KEYS, SaveAndStart)

    def action_finish(self) -> None:
        """escape: save like ctrl+s (a bad birth year is shown, and the form stays)."""
        self.action_save()
