"""Commands: one class per action (base, and one module per family of screens), and the
command palette's provider (palette). Importing a screen's commands stays cheap: the
palette, with its Textual imports, is loaded only when it opens."""

from __future__ import annotations


def __getattr__(name: str):
    if name == "ExerciseCommands":
        from neurocoach.tui.commands.palette import ExerciseCommands

        return ExerciseCommands
    raise AttributeError(name)
