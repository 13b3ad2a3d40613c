"""The App's modes and the ways between them: t / l / p, help, the palette's own entries,
an exercise opened from the palette (mixed into NeurocoachApp)."""

from __future__ import annotations


class Modes:
    """Mixed into the App: which mode keys work where, and going there."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Hide the key of the mode already on screen. Over a pushed screen the mode keys
        # work only where leaving loses nothing being typed or timed (the plan, a
        # session's summary): not in a session, a form or a dialog.
        if action == "switch_mode":
            if len(self.screen_stack) > 1:
                return getattr(self.screen, "LEAVES_FOR_MODES", False)
            return parameters[0] != self.current_mode
        return True

    async def action_switch_mode(self, mode: str) -> None:
        """t / l / p: from the plan or a summary, close it first (it is not left open
        under Today for later), then show that screen."""
        while len(self.screen_stack) > 1 and getattr(self.screen, "LEAVES_FOR_MODES", False):
            self.pop_screen()
        if mode != self.current_mode:
            self.hold_garbage()  # from here: a mode's first screen is made (garbage.py)
            await self.switch_mode(mode)

    def get_system_commands(self, screen):
        """The palette's own entries, for a person: the colours and quitting. Textual's
        developer tools (the keys panel, maximizing a widget, an SVG screenshot) are left
        out: help (`?`) lists the keys."""
        for command in super().get_system_commands(screen):
            if command.title == "Theme":
                yield command._replace(title="Colours", help="Change the colour theme")
            elif command.title == "Quit":
                yield command._replace(help="Quit neurocoach (everything is saved)")

    def action_help(self) -> None:
        from neurocoach.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.hold_garbage()
            self.push_screen(HelpScreen(self.screen.active_bindings))

    def show_exercise(self, exercise_id: str) -> None:
        """Open the Library on one exercise (used by the command palette)."""
        self.switch_mode("library")
        self.call_after_refresh(self._select_in_library, exercise_id)

    def _select_in_library(self, exercise_id: str) -> None:
        from neurocoach.tui.screens.library import LibraryScreen

        screen = self.screen
        if isinstance(screen, LibraryScreen):
            screen.select_exercise(exercise_id)

    def action_help_quit(self) -> None:
        """ctrl+c: Textual's hint, in plain words (its markup would show, notices are plain)."""
        keys = [key for key, active in self.active_bindings.items()
                if active.binding.action in ("quit", "app.quit")]
        if keys:
            self.notify(f"Press {keys[0]} to quit the app.", title="Do you want to quit?")
