"""The Library and your plan."""

from __future__ import annotations

from neurocoach.tui.commands.base import Command


class Find(Command):
    """Find by typing: any name, the article's or a clinician's, a plural, a small typo."""
    KEY, ACTION, FOOTER, ID = "slash", "find", "Find", "library.find"
    KEY_DISPLAY = "/"


class NextCategory(Command):
    """Show one category, then the next."""
    KEY, ACTION, FOOTER, ID = "f", "next_category", "Category", "library.next-category"


class LibraryDown(Command):
    """Down the list (in the exercise's details: scroll them down)."""
    KEY, ACTION, FOOTER, ID = "j", "move(1)", "Down", "library.down"
    SHOW, IN_PALETTE = False, False
    PRIORITY = True
    """Run before the key goes round the widgets (issue 17: a cursor move handed the key
    to the list, its two containers and the screen first, then looked it up); the
    screen's check_action turns it down while the find box has the focus, so j is typed."""


class LibraryUp(Command):
    """Up the list (in the exercise's details: scroll them up)."""
    KEY, ACTION, FOOTER, ID = "k", "move(-1)", "Up", "library.up"
    SHOW, IN_PALETTE = False, False
    PRIORITY = True
    """As LibraryDown's."""


class ClearFilter(Command):
    """Clear the filter: every exercise again."""
    KEY, ACTION, FOOTER, ID = "escape", "clear", "Clear", "library.clear"


class TogglePlan(Command):
    """Put the exercise in your plan, or take it out."""
    KEY, ACTION, FOOTER, ID = "space", "toggle_plan", "In/out of plan", "library.toggle-plan"
    SHOW = False


class NewExercise(Command):
    """A new exercise of your own: a form with the catalog's fields."""
    KEY, ACTION, FOOTER, ID = "n", "new_exercise", "New exercise", "library.new-exercise"
    SHOW = False


class EditExercise(Command):
    """Edit one of your own exercises."""
    KEY, ACTION, FOOTER, ID = "e", "edit_exercise", "Edit yours", "library.edit-exercise"
    SHOW = False


class ArchiveExercise(Command):
    """Archive one of your own exercises: its history is kept."""
    KEY, ACTION, FOOTER, ID = "x", "archive_exercise", "Archive yours", \
        "library.archive-exercise"
    SHOW = False


class LibraryMovement(Command):
    """The drawing moves or stays still (kept in your profile)."""
    KEY, ACTION, FOOTER, ID = "a", "movement", "Movement", "library.movement"
    SHOW = False


# -- your plan ------------------------------------------------------------------------------
class ToggleInPlan(Command):
    """Put the exercise in the plan, or take it out."""
    KEY, ACTION, FOOTER, ID = "space", "toggle", "In/out", "plan.toggle"


class LevelUp(Command):
    """Keep the exercise at a higher level."""
    KEY, ACTION, FOOTER, ID = "plus,equals_sign", "level(1)", "Level up", "plan.level-up"
    KEY_DISPLAY = "+"


class LevelDown(Command):
    """Keep the exercise at a lower level."""
    KEY, ACTION, FOOTER, ID = "minus", "level(-1)", "Level down", "plan.level-down"
    KEY_DISPLAY, SHOW = "-", False


class AutoLevel(Command):
    """Let the coach set the level again."""
    KEY, ACTION, FOOTER, ID = "0", "auto_level", "Auto level", "plan.auto-level"


class Schedule(Command):
    """Days a week, rest days and session length."""
    KEY, ACTION, FOOTER, ID = "d", "schedule", "Days", "plan.schedule"


class ImportPlan(Command):
    """A plan from your physiotherapist (TOML): see the changes, then apply."""
    KEY, ACTION, FOOTER, ID, SHOW = "i", "import_plan", "Import", "plan.import-plan", False


class ExportPlan(Command):
    """Your plan to a file, for your clinician or another computer."""
    KEY, ACTION, FOOTER, ID, SHOW = "o", "export_plan", "Export", "plan.export-plan", False


class PlanNewExercise(NewExercise):
    """A new exercise of your own (it goes in the plan)."""
    ID = "plan.new-exercise"


class PlanEditExercise(EditExercise):
    ID = "plan.edit-exercise"


class PlanArchiveExercise(ArchiveExercise):
    ID = "plan.archive-exercise"


class PlanDown(LibraryDown):
    """Down the list."""
    ID = "plan.down"
    PRIORITY = False


class PlanUp(LibraryUp):
    """Up the list."""
    ID = "plan.up"
    PRIORITY = False


class ClosePlan(Command):
    """Back to where you were."""
    KEY, ACTION, FOOTER, ID = "escape", "close", "Back", "plan.close"
