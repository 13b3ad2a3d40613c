"""Command palette: the actions of the screen on show, the things to do from anywhere,
and every exercise (show it, put it in or out of the plan, set its level, and for one's own
exercises edit, archive or restore), all searchable by words.

The screen's own actions are its command classes (tui/commands/) that are bound there now,
so the palette never drifts from the keys (as the help screen does).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import NamedTuple

from textual.content import Content
from textual.command import DiscoveryHit, Hit, Hits, Provider

from neurocoach.tui.commands.base import command_for
from neurocoach.tui.screens.help import person_bindings

MODE_HELP = {
    "today": "Today's routine and check-in",
    "library": "Every exercise, with how to do it safely",
    "progress": "How you are doing over time",
}
class PaletteCommand(NamedTuple):
    text: str
    run: Callable[[], object]
    help: str
    exercise_id: str | None = None
    """A built-in exercise's command: also found by the exercise's other names."""


def _push(app, screen_factory: Callable[[], object], callback=None) -> None:
    app.push_screen(screen_factory(), callback)


def _export_data():
    from neurocoach.tui.screens.export_data import ExportDataScreen

    return ExportDataScreen()


class ExerciseCommands(Provider):
    """Everything the person can do, by name. Built per opening from the running App;
    nothing is kept on the class."""

    def _screen_commands(self) -> list[PaletteCommand]:
        screen = self.screen
        title = type(screen).__name__.removesuffix("Screen")
        title = {"Plan": "My plan", "CustomExercise": "Exercise form"}.get(title, title)
        commands, seen = [], set()
        # Only the keys neurocoach gives the screen: Textual's own (Scroll Up, Page Left,
        # Copy selected text...) are left out here as in help.
        for active in person_bindings(self.app, screen.active_bindings).values():
            binding = active.binding
            command = None if active.node is self.app else command_for(active.node, binding)
            if (command is None or not command.IN_PALETTE
                    or (binding.description, binding.action) in seen):
                continue
            seen.add((binding.description, binding.action))
            key = self.app.get_key_display(binding)
            commands.append(PaletteCommand(
                f"{title}: {binding.description}",
                partial(active.node.run_action, binding.action),
                f"{command.help()} (the {key} key here)"))
        return commands

    def _anywhere(self) -> list[PaletteCommand]:
        from neurocoach.tui.screens.checkin import CheckinScreen
        from neurocoach.tui.screens.custom_exercise import CustomExerciseScreen
        from neurocoach.tui.screens.plan import PlanScreen
        from neurocoach.tui.screens.plan_dialogs import ExportPlanScreen, ImportPlanScreen
        from neurocoach.tui.screens.profile import ProfileScreen

        app = self.app
        commands = [
            PaletteCommand(f"Go to {mode.title()}", partial(app.switch_mode, mode), help_text)
            for mode, help_text in MODE_HELP.items()
            if mode != app.current_mode
        ]
        commands.append(PaletteCommand("Help: the keys of this screen", app.action_help,
                                       "Every key that works where you are"))
        commands.append(PaletteCommand(
            f"Animations (sliding and fading): turn {'off' if app.settings.motion else 'on'}",
            app.toggle_motion, "Kept for next time, like the theme; `a` stills the drawings"))
        if self._over_dialog():
            return commands  # over a session or a dialog: only its own actions
        commands += [
            PaletteCommand("Start or resume today's session", self._start_session,
                           "Today's routine, one step at a time"),
            PaletteCommand("Daily check-in", partial(_push, app, CheckinScreen),
                           "Symptoms 0–10 and a look at your feet"),
            PaletteCommand("Edit your profile", partial(_push, app, ProfileScreen),
                           "Birth year, feet, training days, limits from a clinician"),
            PaletteCommand("My plan: exercises, levels, days and time",
                           partial(_push, app, PlanScreen),
                           "Choose what goes in your routine; keep an exercise at a level"),
            PaletteCommand("Import a plan file", partial(_push, app, ImportPlanScreen),
                           "A plan from your physiotherapist (TOML): see the changes, then apply"),
            PaletteCommand("Export my plan to a file", partial(_push, app, ExportPlanScreen),
                           "The same format, for your clinician or another computer"),
            PaletteCommand("Export all my data (JSON)", partial(_push, app, _export_data),
                           "Everything, in the file `neurocoach import` reads back"),
            PaletteCommand("New exercise of your own", partial(
                _push, app, CustomExerciseScreen, self._show_saved),
                           "A form with the catalog's fields, checked as you save"),
        ]
        return commands

    def _exercise_commands(self) -> list[PaletteCommand]:
        from neurocoach.tui.app_calls import person_plan

        app = self.app
        commands = []
        over_dialog = self._over_dialog()
        plan = person_plan(app)
        archived = app.store.archived_exercise_ids()
        if not over_dialog:  # read from the store: the catalog may leave an archived one out
            commands += [PaletteCommand(
                f"Restore your exercise: {exercise.name}", partial(self._restore, exercise.id),
                "Bring an archived exercise of yours back")
                for exercise in app.store.custom_exercises() if exercise.id in archived]
        for exercise in app.catalog.exercises:
            name = exercise.name
            if exercise.id in archived:
                continue
            known_as = None if exercise.custom else exercise.id  # names.toml: built-in only
            commands.append(PaletteCommand(f"Show exercise: {name}",
                                           partial(app.show_exercise, exercise.id),
                                           exercise.purpose, known_as))
            if over_dialog:
                continue
            inside = exercise.id in plan.exercise_ids
            commands.append(PaletteCommand(
                f"{'Take out of' if inside else 'Put in'} my plan: {name}",
                partial(self._set_in_plan, exercise.id, not inside),
                "Changes which exercises your routine rotates through", known_as))
            commands.append(PaletteCommand(
                f"Set the level of: {name}", partial(self._open_plan, exercise.id),
                "Opens your plan on it: + and - keep it at a level, 0 lets the coach decide",
                known_as))
            if exercise.custom:
                commands.append(PaletteCommand(
                    f"Edit your exercise: {name}", partial(self._edit, exercise.id),
                    "Change the fields of an exercise of your own"))
                commands.append(PaletteCommand(
                    f"Archive your exercise: {name}", partial(self._archive, exercise.id),
                    "Hide it from the Library and your plan; its history is kept"))
        return commands

    def _over_dialog(self) -> bool:
        """Opened over a session or a dialog, not over a mode's own screen. (The palette is
        itself a screen on the stack: `self.screen` is the one it was opened from.)"""
        return self.screen is not self.app.screen_stack[0]

    def _commands(self) -> list[PaletteCommand]:
        return [*self._screen_commands(), *self._anywhere(), *self._exercise_commands()]

    # -- what the commands do ------------------------------------------------------------
    def _start_session(self) -> None:
        app = self.app
        app.switch_mode("today")
        app.call_after_refresh(lambda: app.screen.run_action("start"))

    def _show_saved(self, exercise_id: str | None) -> None:
        if exercise_id:
            self.app.show_exercise(exercise_id)

    def _set_in_plan(self, exercise_id: str, included: bool) -> None:
        from neurocoach.tui.plan_edits import set_in_plan

        set_in_plan(self.app, exercise_id, included)
        self._refresh_screen()

    def _open_plan(self, exercise_id: str) -> None:
        from neurocoach.tui.screens.plan import PlanScreen

        self.app.push_screen(PlanScreen(focus_id=exercise_id))

    def _edit(self, exercise_id: str) -> None:
        from neurocoach.tui.screens.custom_exercise import CustomExerciseScreen

        self.app.push_screen(CustomExerciseScreen(exercise_id), self._show_saved)

    def _archive(self, exercise_id: str) -> None:
        from neurocoach.tui.plan_edits import archive

        if archive(self.app, exercise_id):
            self._refresh_screen()

    def _restore(self, exercise_id: str) -> None:
        from neurocoach.tui.app_calls import refresh_catalog

        from neurocoach.tui.saving import NOT_SAVED

        app = self.app
        if app.write(app.store.restore_custom_exercise, exercise_id) is NOT_SAVED:
            return
        refresh_catalog(app)
        if exercise_id not in app.catalog:  # its seated stand-in is gone: nothing to show
            app.notify("Restored, but it cannot be shown: its seated stand-in is no longer "
                       "in the Library.", severity="warning")
            return
        app.notify(f"{app.catalog.get(exercise_id).name} is back in the Library "
                   "(space there puts it in your plan).")
        app.show_exercise(exercise_id)

    def _refresh_screen(self) -> None:
        screen = self.app.screen
        for method in ("refresh_view", "refresh_list"):
            if hasattr(screen, method):
                getattr(screen, method)()

    # -- the palette's side ----------------------------------------------------------------
    async def discover(self) -> Hits:
        for command in self._commands():
            # Content, not a str: Textual would read a name's "[/b]" as markup (and crash)
            yield DiscoveryHit(Content(command.text), command.run, text=command.text,
                               help=_plain(command.help))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            text = command.text
            score = matcher.match(text)
            other = _other_name(query, command)
            if other is not None:  # "tandem walk" finds the heel-to-toe walk, said so
                with_other = f"{text} ({other})"
                if matcher.match(with_other) > score:
                    text, score = with_other, matcher.match(with_other)
            if score > 0:
                yield Hit(score, _highlight(matcher, text), command.run,
                          text=text, help=_plain(command.help))


def _other_name(query: str, command: PaletteCommand) -> str | None:
    """The exercise's other name (names.toml: a clinician's, the article's, an everyday
    one) that the query's words name, as the Library's find box matches them; the words of
    the command itself ("show", "plan", "level") are left out of the comparison."""
    if command.exercise_id is None:
        return None
    from neurocoach.catalog.search import other_names, word_matches, words

    doing = words(command.text.split(":", 1)[0])
    wanted = [q for q in words(query) if not any(word_matches(q, w) for w in doing)]
    if not wanted:
        return None
    for name in other_names().get(command.exercise_id, ()):
        said = words(name)
        if all(any(word_matches(q, w) for w in said) for q in wanted):
            return name
    return None


def _plain(help_text: str | None):
    """Help as typed (Textual parses a str as markup)."""
    return None if help_text is None else Content(help_text)


def _highlight(matcher, text: str) -> Content:
    """Textual's Matcher.highlight, but on the text as typed (it parses it as markup)."""
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets if score else ():
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
