"""The exercise's drawing: a braille stick figure that steps through its key poses about
once a second, or holds one pose.

Cheap on the link: it repaints only itself, only when the pose changes, and reads the
App's Clock for which pose to show (never counts ticks), so a test switches `auto_tick`
off, moves the fake clock and calls `tick()`, as with the countdown.
"""

from __future__ import annotations

import os

from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip
from textual.timer import Timer
from textual.widget import Widget

from neurocoach.catalog import Catalog, Exercise
from neurocoach.catalog.poses import Figure, load_figures
from neurocoach.tui.drawing.figure import MIN_HEIGHT, MIN_WIDTH, draw
from neurocoach.tui.widgets.direct_lines import DirectLines

POSE_SECONDS = 1.0
"""How long each key pose shows: about one a second."""

DRAWN_KEPT = 256
"""Poses kept drawn, at their size: a figure shown again (the Library's cursor coming back,
an animation's next round) is not drawn again (issue 17)."""
_DRAWN: dict[tuple, tuple[Figure, list[str]]] = {}
_STRIPS: dict[tuple, Strip] = {}
"""Rows drawn as strips, by (row, y, style): kept with their filtered forms (DirectLines)."""


def braille_ok(environ=os.environ) -> bool:
    """Whether the terminal's locale can show braille: the first of LC_ALL, LC_CTYPE and
    LANG that is set must name UTF-8 (LANG=C, or none set, gets plain ASCII)."""
    for key in ("LC_ALL", "LC_CTYPE", "LANG"):
        value = environ.get(key)
        if value:
            value = value.lower().replace("-", "")
            return "utf8" in value
    return False


class ExerciseFigure(DirectLines, Widget):
    """Shows one exercise's figure. `moving` (the person's setting, `a`) and `holding`
    (the screen's: a hold timer runs) decide whether it steps through its poses."""

    DEFAULT_CSS = """
    ExerciseFigure {
        width: 24;
        height: 8;
        color: $text;
    }
    """

    auto_tick: bool = True
    """Tests switch this off and call `tick()` after moving the fake clock."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.figure: Figure | None = None
        """What is drawn; None draws nothing."""
        self.moving = True
        """The person's setting (kept in the profile); False shows the first pose still."""
        self.holding = False
        """True while a hold timer runs: the end pose stays on screen."""
        self.plain = not braille_ok()
        """ASCII instead of braille (a terminal whose locale is not UTF-8)."""
        self.pose_index = 0
        self._since: float | None = None
        self._interval: Timer | None = None

    def on_mount(self) -> None:
        self.moving = self.app.store.movement()

    # -- what to show --------------------------------------------------------
    def show(self, exercise: Exercise | None, catalog: Catalog | None = None) -> None:
        figure = None if exercise is None else load_figures().for_exercise(exercise, catalog)
        if figure is self.figure:
            return
        self.figure = figure
        self._restart()
        self.refresh()  # another drawing: all of it

    def set_moving(self, moving: bool) -> None:
        self.moving = moving
        self._restart()

    def set_holding(self, holding: bool) -> None:
        if holding != self.holding:
            self.holding = holding
            self._restart()

    @property
    def animating(self) -> bool:
        return (self.figure is not None and self.figure.moves and self.moving
                and not self.holding)

    def _restart(self) -> None:
        """Start from the first pose (the end pose while holding), and run the interval
        only while the figure moves."""
        self._since = self.app.clock.monotonic() if self.animating else None
        if self.animating and self.auto_tick and self._interval is None:
            self._interval = self.set_interval(POSE_SECONDS / 2, self.tick)
        elif not self.animating and self._interval is not None:
            self._interval.stop()
            self._interval = None
        self._set_pose(self._pose_now())

    def _pose_now(self) -> int:
        if self.figure is None:
            return 0
        if self.holding:
            return len(self.figure.poses) - 1
        if self._since is None:
            return 0
        steps = int((self.app.clock.monotonic() - self._since) / POSE_SECONDS)
        return steps % len(self.figure.poses)

    def tick(self) -> None:
        self._set_pose(self._pose_now())

    def _set_pose(self, index: int) -> None:
        if index == self.pose_index and self._shown is not None:
            return
        self.pose_index = index
        old, new = self._shown, self._rows()
        if old is None or len(old) != len(new):
            self.refresh()
            return
        # Only the cells that change cross the link: a moving leg is a few short spans.
        regions = []
        for y, (was, now) in enumerate(zip(old, new)):
            changed = [x for x, (a, b) in enumerate(zip(was, now)) if a != b]
            if changed or len(was) != len(now):
                first = changed[0] if changed else 0
                last = changed[-1] if changed else max(len(was), len(now)) - 1
                regions.append(Region(first, y, last - first + 1, 1))
        if regions:
            self.refresh(*regions)

    _shown: list[str] | None = None

    def _rows(self) -> list[str]:
        return self._drawn(self.figure, self.pose_index)

    def _drawn(self, figure: Figure | None, pose_index: int) -> list[str]:
        width, height = self.content_size
        if figure is None or width < MIN_WIDTH or height < MIN_HEIGHT:
            return []
        key = (id(figure), pose_index, width, height, self.plain)
        kept = _DRAWN.get(key)
        if kept is None or kept[0] is not figure:
            if len(_DRAWN) >= DRAWN_KEPT:
                _DRAWN.clear()
            rows = draw(figure, pose_index, width, height).rows(self.plain)
            kept = _DRAWN[key] = (figure, rows)
        return list(kept[1])

    def prepare(self, exercise: Exercise, catalog: Catalog | None = None) -> None:
        """Draw this exercise's first pose ahead, at this size, without showing it: a
        cursor move to it then draws nothing new (issue 17)."""
        rows = self._drawn(load_figures().for_exercise(exercise, catalog), 0)
        self.finish_ahead([self._strip(row, y) for y, row in enumerate(rows)])

    def render(self) -> Content:
        self._shown = self._rows()
        return Content("\n".join(self._shown))

    def render_line(self, y: int) -> Strip:
        """Row y of `render()`, drawn alone from its segments (issue 17: a repainted row
        drew the whole drawing again through Visual, at each cursor move and each step of
        the movement); the same strips (tests/tui/test_row_scrollbar.py)."""
        if self.text_selection is not None:
            return super().render_line(y)
        self._shown = rows = self._rows()
        if not 0 <= y < len(rows):
            return Strip.blank(self.size.width, self.visual_style.rich_style)
        return self._strip(rows[y], y)

    def _strip(self, row: str, y: int) -> Strip:
        style = self.visual_style
        key = (row, y, style)
        strip = _STRIPS.get(key)
        if strip is None:
            if len(_STRIPS) >= DRAWN_KEPT * 8:
                _STRIPS.clear()
            content = Content(row)
            strip = _STRIPS[key] = Strip(list(content.render_segments(style)),
                                         content.cell_length).apply_offsets(0, y)
        return strip

    @property
    def text(self) -> str:
        return str(self.render())

    def on_unmount(self) -> None:
        if self._interval is not None:
            self._interval.stop()
            self._interval = None


def switch_movement(screen) -> None:
    """`a` on a screen with drawings: movement off or on, saved with the profile."""
    from neurocoach.tui.saving import NOT_SAVED

    app = screen.app
    moving = not app.store.movement()
    if app.write(app.store.set_movement, moving, app.clock.now()) is NOT_SAVED:
        return
    for figure in screen.query(ExerciseFigure):
        figure.set_moving(moving)
    app.notify("Drawings move again." if moving
               else "Drawings stay still now (a moves them again).")
