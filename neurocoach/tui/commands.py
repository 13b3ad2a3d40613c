"""Command palette: every exercise by name, and the three places to go."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import NamedTuple

from textual.command import DiscoveryHit, Hit, Hits, Provider

MODE_HELP = {
    "today": "Today's routine and check-in",
    "library": "Every exercise, with how to do it safely",
    "progress": "How you are doing over time",
}


class PaletteCommand(NamedTuple):
    text: str
    run: Callable[[], object]
    help: str


class ExerciseCommands(Provider):
    """Jump to any exercise in the Library, or to another mode.

    The list is built per palette opening from the running App; nothing is kept on the class.
    """

    def _commands(self) -> list[PaletteCommand]:
        app = self.app
        commands = [
            PaletteCommand(f"Go to {mode.title()}", partial(app.switch_mode, mode), help_text)
            for mode, help_text in MODE_HELP.items()
            if mode != app.current_mode
        ]
        commands += [
            PaletteCommand(f"Show exercise: {exercise.name}",
                           partial(app.show_exercise, exercise.id), exercise.purpose)
            for exercise in app.catalog.exercises
        ]
        return commands

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(command.text, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            score = matcher.match(command.text)
            if score > 0:
                yield Hit(score, matcher.highlight(command.text), command.run,
                          text=command.text, help=command.help)
