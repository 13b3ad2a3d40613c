"""Small dialogs of the plan editor: days and time, import a plan file, export the plan."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Static

from neurocoach.coach.plan import TARGET_MINUTES, Plan
from neurocoach.coach.profile import rest_days_for
from neurocoach.tui.commands.base import bindings
from neurocoach.tui.commands.everywhere import Cancel, DialogHelp, NextField, PreviousField
from neurocoach.tui.commands.forms import ApplyPlan, ScheduleLess, ScheduleMore, ScheduleSave
from neurocoach.tui.saving import NOT_SAVED
from neurocoach.tui.screens.save_file import SaveFileScreen
from neurocoach.tui.widgets.fitting_input import FittingInput
from neurocoach.tui.widgets.footer import Footer
from neurocoach.tui.widgets.scale import RowChanged
from neurocoach.tui.widgets.weekdays import RestDaysRow, toggled_by_digit

class StepRow(Widget, can_focus=True):
    """One value from a short list, on one line: left/right (or -/+) move it."""

    BINDINGS = bindings(ScheduleLess, ScheduleMore)
    index = reactive(0)

    def __init__(self, label: str, choices: list[tuple[int, str]], value: int, **kwargs) -> None:
        super().__init__(**kwargs)
        self.label, self.choices = label, choices
        values = [v for v, _ in choices]
        self.set_reactive(StepRow.index, values.index(value) if value in values else 0)

    @property
    def value(self) -> int:
        return self.choices[self.index][0]

    @value.setter
    def value(self, value: int) -> None:
        values = [v for v, _ in self.choices]
        if value in values:
            self.index = values.index(value)

    def render(self) -> str:
        return f"{self.label}  ‹ {self.choices[self.index][1]} ›   (← → to change)"

    def action_nudge(self, step: int) -> None:
        self.index = max(0, min(len(self.choices) - 1, self.index + step))
        self.post_message(RowChanged(self))


class ScheduleScreen(ModalScreen[Plan | None]):
    """Training days a week, which days are rest days, and the session length."""

    BINDINGS = bindings(ScheduleSave, NextField, PreviousField, Cancel, DialogHelp)

    def __init__(self, plan: Plan) -> None:
        super().__init__()
        self.plan = plan

    def compose(self) -> ComposeResult:
        plan = self.plan
        with Vertical():
            yield Static("[b]Days and time[/b] — ↑ ↓ move, ← → change, 1–7 a rest day, "
                         "enter saves")
            yield StepRow("Training days a week:", [(n, f"{n} day{'s' if n > 1 else ''}")
                                                     for n in range(1, 8)],
                          plan.days_per_week, id="days")
            yield RestDaysRow("Rest days (type 1–7 to switch a day):", plan.rest_days, id="rest")
            minutes = sorted(set(TARGET_MINUTES) | {plan.target_minutes})
            yield StepRow("About how long a session:", [(m, f"{m} minutes") for m in minutes],
                          plan.target_minutes, id="minutes")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#days").focus()

    def on_key(self, event) -> None:
        # The rest days row takes its digits itself; on the other rows they reach it here,
        # as the row's label says ("type 1–7"), instead of doing nothing.
        if toggled_by_digit(self.query_one("#rest", RestDaysRow), event):
            event.stop()

    def on_row_changed(self, event: RowChanged) -> None:
        rest = self.query_one("#rest", RestDaysRow)
        days = self.query_one("#days", StepRow)
        if event.row.id == "days":
            rest.days = frozenset(rest_days_for(days.value))
        elif event.row.id == "rest":
            days.value = 7 - len(rest.days)

    def action_save(self) -> None:
        rest = tuple(sorted(self.query_one("#rest", RestDaysRow).days))
        self.dismiss(dataclasses.replace(self.plan, days_per_week=7 - len(rest), rest_days=rest,
                                         target_minutes=self.query_one("#minutes", StepRow).value))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ImportPlanScreen(ModalScreen[bool]):
    """A plan file: its path, then what it changes, then y to apply it."""

    BINDINGS = bindings(ApplyPlan, Cancel)

    def __init__(self) -> None:
        super().__init__()
        self.pending = None
        """The checked file waiting for y: (import result, the plan it replaces)."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("[b]Import a plan file[/b] (e.g. from your physiotherapist)")
            yield FittingInput("Path to the .toml file, then enter",
                               "Path of the .toml, then enter", "Path, then enter",
                               id="import-path")
            yield Static(classes="message", id="import-message")
            with VerticalScroll(id="import-changes-box"):
                yield Static(id="import-changes")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#import-changes-box").display = False
        self.query_one("#import-path").focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        from neurocoach.paths import BadPath, expand
        from neurocoach.services.plan import PlanProblem, read_plan_file
        from neurocoach.tui.app_calls import person_plan

        message = self.query_one("#import-message", Static)
        self.pending = None
        self.query_one("#import-changes-box").display = False
        if not event.value.strip():
            message.update("Type the path of a plan file.")
            return
        try:
            path = expand(event.value.strip())
        except BadPath as err:
            message.update(Content(str(err)))
            return
        app = self.app
        current = person_plan(app)
        try:
            found = read_plan_file(path, app.store, app.catalog, current)
        except PlanProblem as err:
            message.update(Content(f"{err}\nNothing was changed."))
            return
        result, changes = found.result, found.changes
        if not changes:
            message.update("Your plan already matches this file: nothing to change.")
            return
        message.update("")
        self.pending = (result, current)
        lines = [f"• {line}" for line in changes]
        lines += ["", "y applies these changes · escape leaves your plan as it is"]
        self.query_one("#import-changes", Static).update(Content("\n".join(lines)))
        box = self.query_one("#import-changes-box")
        box.display = True
        box.focus()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # "y Apply" shows (and works) only once a checked file is waiting.
        if action == "apply":
            return self.pending is not None
        return True

    def action_apply(self) -> None:
        if self.pending is None:
            return
        from neurocoach.services.plan import apply_plan_file
        from neurocoach.tui.app_calls import person_plan, refresh_catalog

        result, current = self.pending
        app, now = self.app, self.app.clock.now()
        if person_plan(app) != current:  # another window saved the plan since the preview
            self.pending = None
            self.refresh_bindings()
            self.query_one("#import-changes-box").display = False
            self.query_one("#import-message", Static).update(
                "Your plan was changed in another window after this file was read, so the "
                "changes listed no longer hold: nothing was applied. Press enter on the path "
                "to read the file again against your plan as it is now.")
            self.query_one("#import-path").focus()
            return
        if app.write(apply_plan_file, app.store, current, result, now) is NOT_SAVED:
            return  # said in a notice; y tries again, escape leaves the plan as it was
        refresh_catalog(app)
        app.notify("Your plan is updated.")
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)


class ExportPlanScreen(SaveFileScreen):
    """Write the plan to a file, for a clinician or another computer."""

    TITLE_TEXT = "[b]Export your plan[/b] — a file your clinician can read and edit"
    FILE_NAME = "neurocoach-plan.toml"
    SAVED = "Plan written to"

    def text_for(self, path: Path) -> str:
        from neurocoach.coach.plan_render import render_plan
        from neurocoach.tui.app_calls import person_plan

        return render_plan(person_plan(self.app), self.app.catalog)
