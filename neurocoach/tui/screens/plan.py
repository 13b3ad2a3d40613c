"""My plan: which exercises go in the routine, at what level, on which days, for how long.

Every change is saved the moment it is made (like every step of a session).
"""

from __future__ import annotations

import dataclasses

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from neurocoach.catalog import CATEGORIES
from neurocoach.coach.plan import Plan, days_words
from neurocoach.domain.words import about_minutes, count
from neurocoach.services.plan import save_plan, session_minutes
from neurocoach.services.levels import LevelView
from neurocoach.tui.app_calls import level_views, person_plan
from neurocoach.tui.commands.base import bindings
from neurocoach.tui.commands.library import (
    AutoLevel, ClosePlan, ExportPlan, ImportPlan, LevelDown, LevelUp, PlanArchiveExercise,
    PlanDown, PlanEditExercise, PlanNewExercise, PlanUp, Schedule, ToggleInPlan,
)
from neurocoach.tui.plan_edits import archive
from neurocoach.tui.saving import NOT_SAVED
from neurocoach.tui.widgets.footer import Footer

IN, OUT = "[x]", "[ ]"
"""In the plan or not: shown in symbols and words, never by colour alone."""


class PlanScreen(Screen):
    """The person's plan, one exercise a line; keys change the highlighted one."""

    LEAVES_FOR_MODES = True
    """t / l / p close it and go to that screen (nothing here is lost by leaving)."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (18, "-tall")]
    AUTO_FOCUS = "#plan-list"
    BINDINGS = bindings(ToggleInPlan, LevelUp, LevelDown, AutoLevel, Schedule, ImportPlan,
                        ExportPlan, PlanNewExercise, PlanEditExercise, PlanArchiveExercise,
                        PlanDown, PlanUp, ClosePlan)

    def __init__(self, focus_id: str | None = None) -> None:
        super().__init__()
        self.plan: Plan = Plan(())
        """The plan as saved."""
        self.views: dict[str, LevelView] = {}
        """Each listed exercise's level, in words."""
        self.focus_id = focus_id
        """The exercise to highlight (e.g. when opened from the Library)."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="plan"):
            yield Static(id="plan-summary")
            yield OptionList(id="plan-list")
            yield Static(id="plan-detail")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.refresh_view()

    def on_screen_resume(self) -> None:
        self.refresh_view()

    def on_resize(self) -> None:
        if self.is_mounted and self.views:
            self.refresh_view()

    # -- showing -------------------------------------------------------------------
    @property
    def listed(self) -> list[str]:
        archived = self.app.store.archived_exercise_ids()
        return [e.id for e in self.app.catalog if e.id not in archived]

    def refresh_view(self) -> None:
        self.plan = person_plan(self.app)
        self.views = level_views(self.app, self.plan, self.listed)
        plan = self.plan
        summary = Content.assemble(
            ("Your plan", "bold"),
            f": {count(len(plan.exercise_ids), 'exercise')} in turn, "
            f"{self._session_words()}\n{days_words(plan)[:1].upper()}{days_words(plan)[1:]}",
            f"\nNote: {plan.note}" if plan.note else "")
        self.query_one("#plan-summary", Static).update(summary)
        options: list[Option] = []
        by_category = {c: [] for c in CATEGORIES}
        for exercise_id in self.listed:
            by_category[self.app.catalog.get(exercise_id).category].append(exercise_id)
        for category, ids in by_category.items():
            if ids:
                options.append(Option(Content.assemble((category.upper(), "bold")),
                                      disabled=True))
                options += [Option(self._row(i), id=i) for i in ids]
        option_list = self.query_one("#plan-list", OptionList)
        keep = self.focus_id or self.highlighted_id
        option_list.set_options(options)
        ids = [o.id for o in options if o.id]
        if ids:
            option_list.highlighted = option_list.get_option_index(keep if keep in ids else ids[0])
        self.focus_id = None
        self._show_detail()

    def _session_words(self) -> str:
        """"about 1 minute a session (you aim for 15)": Today's estimate of a session of
        this plan (the same figure), then the time aimed for, said as an aim, when the
        estimate is not it. ("set" would read as an exercise's sets.)"""
        plan = self.plan
        if not plan.exercise_ids:
            return f"you aim for {count(plan.target_minutes, 'minute')} a session"
        minutes = session_minutes(self.app.store, self.app.catalog, plan, self.app.clock.today(),
                                  {i: v.decision.level.dose for i, v in self.views.items()})
        words = f"{about_minutes(minutes)} a session"
        if minutes == plan.target_minutes:
            return words
        return f"{words} (you aim for {plan.target_minutes})"

    def _row(self, exercise_id: str) -> Content:
        exercise = self.app.catalog.get(exercise_id)
        inside = exercise_id in self.plan.exercise_ids
        view = self.views.get(exercise_id)
        mark = IN if inside else OUT
        name = exercise.name + (" (yours)" if exercise.custom else "")
        narrow = self.app.size.width < 60
        if view is None:
            level = ""
        else:
            # Narrow: the same facts in fewer columns ("level 2/5, kept"), never a bare "2/5".
            of = "/" if narrow else " of "
            level = f"level {view.decision.level.number}{of}{view.decision.level.of}"
            settings = self.plan.settings_for(exercise_id)
            if settings.dose is not None:
                level = "plan's dose"
            elif settings.level is not None:
                level += ", kept"
        if narrow:  # one line each: the name gives way to the level's words
            room = max(self.app.size.width - 12 - len(level), 8)
            short = name if len(name) <= room else name[:room - 1].rstrip() + "…"
            return Content(f"{mark} {short:<{room}} {level}")  # levels end in one column
        return Content(f"{mark} {name:<36.36} {level}")

    @property
    def highlighted_id(self) -> str | None:
        option_list = self.query_one("#plan-list", OptionList)
        if option_list.highlighted is None:
            return None
        return option_list.get_option_at_index(option_list.highlighted).id

    def _show_detail(self) -> None:
        exercise_id = self.highlighted_id
        detail = self.query_one("#plan-detail", Static)
        if exercise_id is None:
            detail.update("")
            return
        exercise = self.app.catalog.get(exercise_id)
        inside = exercise_id in self.plan.exercise_ids
        lines = [f"{exercise.name}: {'in your plan' if inside else 'not in your plan'}"
                 f" (space to {'take it out' if inside else 'put it in'})."]
        view = self.views.get(exercise_id)
        if view is not None:
            lines.append(view.title)
            if view.why:
                lines.append(view.why)
        detail.update(Content("\n".join(lines)))

    def on_option_list_option_highlighted(self, _: OptionList.OptionHighlighted) -> None:
        self._show_detail()

    # -- changing ------------------------------------------------------------------
    def _save(self, plan: Plan, message: str) -> None:
        if person_plan(self.app) != self.plan:  # another window saved since this one read it
            self.refresh_view()
            self.notify("Your plan was changed in another window meanwhile: it is shown as it "
                        "is now, and this change was not saved. Make it again if you still "
                        "want it.", title="Changed elsewhere", severity="warning", timeout=12)
            return
        if self.app.write(save_plan, self.app.store, self.plan, plan,
                          self.app.clock.now()) is NOT_SAVED:
            return
        self.refresh_view()
        self.notify(message)

    def action_toggle(self) -> None:
        exercise_id = self.highlighted_id
        if exercise_id is None:
            return
        name = self.app.catalog.get(exercise_id).name
        inside = exercise_id in self.plan.exercise_ids
        if inside and len(self.plan.exercise_ids) == 1:
            self.notify("Your plan needs at least one exercise.", severity="warning")
            return
        self._save(self.plan.with_exercise(exercise_id, not inside),
                   f"{name} {'taken out of' if inside else 'put in'} your plan.")

    def action_level(self, step: int) -> None:
        exercise_id = self.highlighted_id
        if exercise_id is None:
            return
        if exercise_id not in self.plan.exercise_ids:
            self.notify("Put it in your plan first (space).", severity="warning")
            return
        level = self.views[exercise_id].decision.level
        number = max(1, min(level.of, level.number + step))
        settings = self.plan.settings_for(exercise_id)
        if number == level.number and settings.level is not None:
            where = "top" if step > 0 else "first"
            self.notify(f"That is the {where} level.", severity="warning")
            return
        self._save(self.plan.with_settings(
            exercise_id, dataclasses.replace(settings, level=number)),
            f"Kept at level {number} of {level.of}. 0 lets the coach decide again.")

    def action_auto_level(self) -> None:
        exercise_id = self.highlighted_id
        if exercise_id is None or exercise_id not in self.plan.exercise_ids:
            return
        settings = self.plan.settings_for(exercise_id)
        if settings.level is None and settings.dose is None:
            self.notify("The coach already sets this level from your ratings.")
            return
        self._save(self.plan.with_settings(
            exercise_id, dataclasses.replace(settings, level=None, dose=None)),
            "The coach sets this level again, from your ratings.")

    def action_move(self, step: int) -> None:
        option_list = self.query_one("#plan-list", OptionList)
        option_list.action_cursor_down() if step > 0 else option_list.action_cursor_up()

    def action_schedule(self) -> None:
        from neurocoach.tui.screens.plan_dialogs import ScheduleScreen

        self.app.push_screen(ScheduleScreen(self.plan), self._scheduled)

    def _scheduled(self, plan: Plan | None) -> None:
        if plan is not None and plan != self.plan:
            self._save(plan, f"Saved: {days_words(plan)}, {about_minutes(plan.target_minutes)}.")

    def action_import_plan(self) -> None:
        from neurocoach.tui.screens.plan_dialogs import ImportPlanScreen

        self.app.push_screen(ImportPlanScreen())

    def action_export_plan(self) -> None:
        from neurocoach.tui.screens.plan_dialogs import ExportPlanScreen

        self.app.push_screen(ExportPlanScreen())

    def action_new_exercise(self) -> None:
        from neurocoach.tui.screens.custom_exercise import CustomExerciseScreen

        self.app.push_screen(CustomExerciseScreen(), self._created)

    def _created(self, exercise_id: str | None) -> None:
        if exercise_id:
            self.focus_id = exercise_id
            self._save(person_plan(self.app).with_exercise(exercise_id, True),
                       "Your new exercise is in your plan.")

    def action_edit_exercise(self) -> None:
        exercise_id = self.highlighted_id
        if exercise_id is None:
            return
        if not self.app.catalog.get(exercise_id).custom:
            self.notify("Built-in exercises cannot be changed; n makes one of your own.",
                        severity="warning")
            return
        from neurocoach.tui.screens.custom_exercise import CustomExerciseScreen

        self.app.push_screen(CustomExerciseScreen(exercise_id))

    def action_archive_exercise(self) -> None:
        exercise_id = self.highlighted_id
        if exercise_id is not None:
            archive(self.app, exercise_id)
            self.refresh_view()

    def action_close(self) -> None:
        self.dismiss(None)
