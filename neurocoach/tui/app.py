"""The App: owns the Store, the Clock and the catalog; screens reach them through it."""

from __future__ import annotations

import gc
import sqlite3
import warnings
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from neurocoach.catalog import Catalog, load_catalog, with_custom
from neurocoach.clock import Clock
from neurocoach.store import Store, StoreError
from neurocoach.store.opening import DamagedError, use_error
from neurocoach.tui.saving import NOT_SAVED
from neurocoach.tui.screens.today import TodayScreen
from neurocoach.tui.stylesheet import KeptParsesStylesheet
from neurocoach.tui.terminal import TerminalModel, changed_cells

# Only Today is imported up front: it is the first paint. The other modes, the help screen
# and the palette's provider are imported the first time they are needed (Progress alone,
# with its calendar and trends, is about 30 ms of imports the launch need not pay).


def _library_screen():
    from neurocoach.tui.screens.library import LibraryScreen

    return LibraryScreen()


def _progress_screen():
    from neurocoach.tui.screens.progress import ProgressScreen

    return ProgressScreen()


def _exercise_commands():
    from neurocoach.tui.commands import ExerciseCommands

    return ExerciseCommands


def stylesheet_path() -> Path:
    """The package dir (wheel install) first, then its parent (editable install)."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "neurocoach.tcss", here.parent / "neurocoach.tcss"):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("neurocoach.tcss is missing from the installation")


class NeurocoachApp(App[None]):
    """neurocoach: Today, Library and Progress as modes over one store."""

    TITLE = "neurocoach"
    CSS_PATH = stylesheet_path()
    MODES = {"today": TodayScreen, "library": _library_screen, "progress": _progress_screen}
    DEFAULT_MODE = "today"
    COMMANDS = App.COMMANDS | {_exercise_commands}
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("t", "switch_mode('today')", "Today"),
        Binding("l", "switch_mode('library')", "Library"),
        Binding("p", "switch_mode('progress')", "Progress"),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, store: Store, clock: Clock | None = None,
                 catalog: Catalog | None = None) -> None:
        super().__init__()
        # Textual's own, but not parsing all the CSS again for each mode's first screen.
        self.stylesheet = KeptParsesStylesheet(variables=self.get_css_variables())
        self.store = store
        """The person's data: every screen reads and writes through it."""
        self.clock = clock or Clock()
        """The only source of time (a FakeClock in tests)."""
        self.builtin_catalog = catalog or load_catalog()
        """The built-in exercise library."""
        self.catalog = with_custom(self.builtin_catalog, store.custom_exercises())
        """The library with the person's own exercises (archived ones too: history names
        them); rebuilt by today_data.refresh_catalog when they change."""
        self.store_failure: str | None = None
        """Why the App stopped, if the DB turned out damaged or unusable while in use: the
        CLI prints it as one line once the terminal is back (exit status 2)."""
        # Start-up makes many objects that live as long as the App (widgets, styles, the
        # catalog): no collection walks them before the first paint, and after it they
        # are frozen out of every later one (see settle_garbage).
        gc.disable()
        self._terminal = TerminalModel()
        """What the terminal shows: updates send only what changes."""

    def on_mount(self) -> None:
        self.app_resume_signal.subscribe(self, self._terminal_cleared)
        self.call_after_refresh(self.settle_garbage)
        self.call_after_refresh(self.daily_backup)
        if not self.store.welcomed():
            from neurocoach.tui.screens.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen())

    def _display(self, screen, renderable) -> None:
        """Textual's, writing only the cells that change (tui/terminal.py)."""
        if renderable is not None and not self.is_inline and not self.is_headless:
            renderable = changed_cells(renderable, self._terminal, *self.size)
        super()._display(screen, renderable)

    def _terminal_cleared(self, _app=None) -> None:
        """Back from a suspension (SIGTSTP, then fg): the terminal shows nothing of ours
        any more, so the next frame is written whole."""
        self._terminal.reset(*self.size)
        self.screen.refresh()

    def settle_garbage(self) -> None:
        """After the first paint: what start-up made is kept out of collections for good
        (gc.freeze), and collecting goes on as usual for what comes after."""
        gc.freeze()
        gc.enable()

    def on_unmount(self) -> None:
        gc.enable()  # an App that ended before its first paint

    def daily_backup(self) -> None:
        """Today's rolling copy beside the DB, after the first paint (once a day)."""
        try:
            self.store.daily_backup(self.clock.today())
        except DamagedError as exc:  # found by the integrity check before copying
            self.stop_for_store(exc)
        except StoreError as exc:
            self.notify(f"Today's backup copy could not be made: {exc}", severity="warning",
                        timeout=10)

    def notify(self, message: str, *, markup: bool = False, **kwargs) -> None:
        """Messages carry names a person typed ("Wobble [b"): plain text unless asked.

        A plain notice replaces the plain notices still up (three quick plan edits show the
        last one, not a stack over the screen); warnings and errors stay until they time out.
        """
        if kwargs.get("severity", "information") == "information":
            for old in [n for n in self._notifications if n.severity == "information"]:
                self._unnotify(old, refresh=False)
        super().notify(message, markup=markup, **kwargs)

    def write(self, fn, *args, **kwargs):
        """Run one store write. If the disk is full or the file unwritable, say so plainly
        and return NOT_SAVED: the screen stays where it is and nothing saved before is lost."""
        try:
            return fn(*args, **kwargs)
        except StoreError as exc:
            self.bell()
            self.notify(f"Not saved — {exc} Everything saved before is safe.",
                        title="Could not save", severity="error", timeout=20)
            return NOT_SAVED

    def stop_for_store(self, problem: StoreError) -> None:
        """Leave at once, saying why after the screen is restored (see cli.run_tui)."""
        if self.store_failure is None:
            self.store_failure = str(problem)
            # Work left half-done (a screen stopped mid-mount) is dropped on purpose: no
            # "coroutine was never awaited" lines under the one that says why.
            warnings.filterwarnings("ignore", r"coroutine .* was never awaited", RuntimeWarning)
        self.exit(return_code=2)

    def _handle_exception(self, error: Exception) -> None:
        # Textual's hook for an exception no handler caught (it prints a traceback). An
        # SQLite error that is the file's fault, such as damage in a page the opening checks
        # did not read, is said in one line instead; a bug still gets its traceback.
        if self.store_failure is not None:
            return  # the widget that failed stopped, and errors follow from it: said already
        if isinstance(error, sqlite3.Error):
            problem = use_error(self.store.path, error)
            if problem is not None:
                self.stop_for_store(problem)
                return
        super()._handle_exception(error)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Hide the key of the mode already on screen; no mode keys over a pushed screen.
        if action == "switch_mode":
            if len(self.screen_stack) > 1:
                return False
            return parameters[0] != self.current_mode
        return True

    def action_help(self) -> None:
        from neurocoach.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
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
