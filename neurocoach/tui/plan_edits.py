"""Changes to the plan made from anywhere (the plan, the Library, the command palette):
put an exercise in or out, archive one of the person's own. Each is saved at once and said
in a notice; a refusal says why."""

from __future__ import annotations

from neurocoach.services import plan as plan_service
from neurocoach.tui.app_calls import person_plan, refresh_catalog
from neurocoach.tui.saving import NOT_SAVED


def archive(app, exercise_id: str) -> bool:
    """Archive one of the person's own exercises (history kept); say why not otherwise."""
    exercise = app.catalog.get(exercise_id)
    if not exercise.custom:
        app.notify("Only your own exercises can be archived.", severity="warning")
        return False
    plan = person_plan(app)
    if plan.exercise_ids == (exercise_id,):
        app.notify("It is the only exercise in your plan: put another one in first.",
                   severity="warning")
        return False
    if app.write(plan_service.archive_exercise, app.store, exercise_id, plan,
                 app.clock.now()) is NOT_SAVED:
        return False
    refresh_catalog(app)
    app.notify(f"Archived {exercise.name}: its history is kept. “Restore” in the command "
               "palette (ctrl+p) brings it back.")
    return True


def set_in_plan(app, exercise_id: str, included: bool) -> None:
    """Put an exercise in the plan or take it out (used by the Library and the palette)."""
    plan = person_plan(app)
    name = app.catalog.get(exercise_id).name
    if not included and plan.exercise_ids == (exercise_id,):
        app.notify("Your plan needs at least one exercise.", severity="warning")
        return
    if app.write(plan_service.set_in_plan, app.store, plan, exercise_id, included,
                 app.clock.now()) is NOT_SAVED:
        return
    app.notify(f"{name} {'put in' if included else 'taken out of'} your plan.")

