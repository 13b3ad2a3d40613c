"""The App: owns the Store, the Clock and the catalog; screens reach them through it."""

from __future__ import annotations

import warnings
from pathlib import Path

from textual._compositor import ChopsUpdate, LayoutUpdate
from textual.app import App

from neurocoach.catalog import Catalog, load_catalog, with_custom
from neurocoach.clock import Clock
from neurocoach.store import Store, StoreError
from neurocoach.store.errors import use_error
from neurocoach.tui import settings
from neurocoach.tui.commands.base import bindings
from neurocoach.tui.commands.everywhere import GoToday, GoLibrary, GoProgress, Help, Quit
from neurocoach.tui.app_modes import Modes
from neurocoach.tui.compositor import RowPainting
from neurocoach.tui.daily_backup import DailyBackup
from neurocoach.tui.garbage import QuietGarbage
from neurocoach.tui.keys import KeyBarrier
from neurocoach.tui.saving import NOT_SAVED
from neurocoach.tui.screens.today import TodayScreen
from neurocoach.tui.stylesheet import KeptParsesStylesheet
from neurocoach.tui.terminal import TerminalModel, changed_cells
from neurocoach.tui.terminal_safe import install as install_terminal_safe

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
    from neurocoach.tui.providers import ExerciseCommands

    return ExerciseCommands


def binding_ids() -> set[str]:
    """Every binding id a person can give their own key (settings, [keys])."""
    from neurocoach.tui.commands.base import binding_ids as ids

    return ids()


def stylesheet_path() -> Path:
    """The package dir (wheel install) first, then its parent (editable install)."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "neurocoach.tcss", here.parent / "neurocoach.tcss"):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("neurocoach.tcss is missing from the installation")


class NeurocoachApp(KeyBarrier, RowPainting, Modes, DailyBackup, QuietGarbage, App[None]):
    """neurocoach: Today, Library and Progress as modes over one store."""

    TITLE = "neurocoach"
    CSS_PATH = stylesheet_path()
    MODES = {"today": TodayScreen, "library": _library_screen, "progress": _progress_screen}
    DEFAULT_MODE = "today"
    COMMANDS = App.COMMANDS | {_exercise_commands}
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = bindings(GoToday, GoLibrary, GoProgress, Help, Quit)

    def __init__(self, store: Store, clock: Clock | None = None,
                 catalog: Catalog | None = None) -> None:
        super().__init__()
        install_terminal_safe()  # no control code from the person's text reaches the terminal
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
        self.motion_default = self.animation_level
        """How much moves on screen when the person has not turned movement off."""
        self.settings = settings.load()
        """The person's display choices (theme, movement, keys), kept between runs."""
        self.apply_settings()
        self.store_failure: str | None = None
        """Why the App stopped, if the DB turned out damaged or unusable while in use: the
        CLI prints it as one line once the terminal is back (exit status 2)."""
        # No collection before the first paint, nor inside any screen's opening (garbage.py).
        self.garbage_off_until_painted()
        self._terminal = TerminalModel()
        """What the terminal shows: updates send only what changes."""

    def apply_settings(self) -> None:
        """The kept theme, movement and keys (an unknown theme is said, and not used)."""
        chosen = self.settings
        if chosen.theme and chosen.theme != self.theme:
            if chosen.theme in self.available_themes:
                self.theme = chosen.theme
            else:
                chosen.problems.append(f"there is no theme called {chosen.theme!r}")
        self.animation_level = self.motion_default if chosen.motion else "none"
        if chosen.keys:  # the screens are imported only for a person with keys of their own
            known = binding_ids()
            chosen.problems += [f"keys.{name}: no key has that id (the README lists them)"
                                for name in chosen.keys if name not in known]
            self.set_keymap(chosen.keys)

    def keep_settings(self) -> None:
        """Write the settings file now; a failure is said, nothing else changes."""
        try:
            settings.save(self.settings)
        except OSError as exc:
            self.notify(f"Your settings could not be kept: {exc.strerror or exc}.",
                        severity="warning", timeout=10)

    def _theme_chosen(self, theme) -> None:
        if theme.name != self.settings.theme:
            self.settings.theme = theme.name
            self.keep_settings()

    def toggle_motion(self) -> None:
        """The palette's 'Animations': Textual's sliding and fading on or off, kept (the
        exercise drawings' movement is `a`, kept in the profile)."""
        self.settings.motion = not self.settings.motion
        self.animation_level = self.motion_default if self.settings.motion else "none"
        self.keep_settings()
        self.notify("Animations are " + ("on." if self.settings.motion else "off."))

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._theme_chosen)
        self.app_resume_signal.subscribe(self, self._terminal_cleared)
        for problem in self.settings.problems:
            self.notify(f"Settings: {problem}.", severity="warning", timeout=15)
        self.watch_garbage()
        self.call_after_refresh(self.daily_backup)
        for warning in self.store.warnings:  # where the data lives is shared (store/places.py)
            self.notify(warning, title="Your data folder", severity="warning", timeout=20)
        if not self.store.welcomed():
            from neurocoach.tui.screens.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen())

    def _display(self, screen, renderable) -> None:
        """Textual's, writing only the cells that change (tui/terminal.py). Not under
        `neurocoach serve`'s web driver: the browser's terminal gets Textual's own frames
        (issue 19's path, as it was; the model is for terminals on a link)."""
        self.garbage_painted(screen)
        if renderable is not None and self._superseded(screen, renderable):
            return
        if (renderable is not None and not self.is_inline and not self.is_headless
                and not self.is_web):
            renderable = changed_cells(renderable, self._terminal, *self.size)
        super()._display(screen, renderable)

    _put_off = 0
    """Whole frames put off in a row for a layout still to come (at most PUT_OFF)."""
    PUT_OFF = 2

    def _superseded(self, screen, renderable) -> bool:
        """This frame will be drawn again, whole, in a moment: not written (issue 17: a
        screen opened is one frame on the link). A layout's partial update with a whole
        repaint still to come in the same turn (a mode's screen opening: the Library, then
        its footer and borders, went out in two); a whole frame while a widget of the
        screen asks for another layout (a scrollbar its content needs, found while it was
        being drawn): the screen is repainted whole after that layout instead, at most
        PUT_OFF times in a row."""
        if isinstance(renderable, ChopsUpdate) and screen._repaint_required:
            return True
        if (isinstance(renderable, LayoutUpdate) and self._put_off < self.PUT_OFF
                and any(widget._layout_required and widget.is_running
                        for widget in screen.walk_children())):
            self._put_off += 1
            screen.refresh()  # whole, after the layout it waits for
            return True
        self._put_off = 0
        return False

    def _terminal_cleared(self, _app=None) -> None:
        """Back from a suspension (SIGTSTP, then fg): the terminal shows nothing of ours
        any more, so the next frame is written whole."""
        self._terminal.reset(*self.size)
        self.screen.refresh()

    def on_unmount(self) -> None:
        self.release_garbage()

    def notify(self, message: str, *, markup: bool = False, **kwargs) -> None:
        """Messages carry names a person typed ("Wobble [b"): plain text unless asked.

        A plain notice replaces the plain notices still up (three quick plan edits show the
        last one, not a stack over the screen); warnings and errors stay until they time out.
        """
        if kwargs.get("severity", "information") == "information":
            for old in [n for n in self._notifications if n.severity == "information"]:
                self._unnotify(old, refresh=False)
        self._place_notices()
        super().notify(message, markup=markup, **kwargs)

    NOTICE_ROWS, NOTICE_COLUMNS = 8, 52
    """About the corner a notice takes (Textual's toasts: bottom right)."""

    def on_descendant_focus(self, _event) -> None:
        """The field in use moved (another field, a dialog opened): notices still up move
        off it too, not only new ones."""
        if self._notifications:
            self._place_notices()

    def _place_notices(self) -> None:
        """Notices go to the top right when the field in use sits where they would
        appear (the bottom right), so that they never cover what is being typed."""
        screen = self.screen
        focused = screen.focused
        width, height = screen.size
        low = (focused is not None and focused.region.bottom > height - self.NOTICE_ROWS
               and focused.region.right > width - self.NOTICE_COLUMNS)
        screen.set_class(low, "-notices-top")

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
        problem = use_error(self.store.path, error)
        if problem is not None:
            self.stop_for_store(problem)
            return
        super()._handle_exception(error)
