"""The command palette's providers: what ctrl+p finds (every screen's commands, the exercises,
the person's own actions). They open screens, so they sit beside the screens, above the
command classes the screens declare their keys from."""

from neurocoach.tui.providers.palette import ExerciseCommands

__all__ = ["ExerciseCommands"]
