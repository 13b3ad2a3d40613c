"""One exercise, in full: what it is for, how to do it, how much, and how to stay safe."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Static

from neurocoach.catalog import Catalog, Exercise
from neurocoach.tui.widgets.figure import ExerciseFigure

POSITION_WORDS = {
    "seated": "Seated",
    "standing": "Standing",
    "lying": "Lying down",
    "water": "In the water",
}


def flag_words(exercise: Exercise) -> list[str]:
    """The exercise's flags as plain words (never colour alone)."""
    words = []
    if exercise.per_side:
        words.append("Each side")
    if exercise.weight_bearing:
        words.append("Weight-bearing")
    elif exercise.position == "lying":
        words.append("Lying down, no weight on the feet")
    elif exercise.position == "water":
        words.append("In the water, little weight on the feet")
    else:
        words.append("Seated, no weight on the feet")
    if exercise.needs_support or exercise.category == "balance":
        words.append("Stand next to a sturdy support")
    return words


def _labelled(label: str, text: str) -> Content:
    return Content.assemble((f"{label}: ", "bold"), text)


def _bold(text: str) -> Content:
    return Content.assemble((text, "bold"))


MARK_WIDTH = 3
"""Cells for a line's mark ("1.", "!"); its wrapped text lines up after them."""


class LaidOutOnce:
    """For the detail's widgets: a new size found by a layout does not ask for another.

    Textual lays the screen out again whenever a widget's virtual size changed during a
    layout, which every Library cursor move did (the detail's parts take new heights):
    two layouts a key, each redrawing the screen. The one layout already placed them at
    their new size; a scrollbar that appears or goes still asks for its layout
    (`show_vertical_scrollbar` is a layout reactive). Overrides Textual 8.2's
    `Widget._size_updated`; tests/tui/test_library.py counts the layouts.
    """

    def _size_updated(self, size, virtual_size, container_size, layout: bool = True) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)


class DetailText(LaidOutOnce, Static):
    """A part of the detail in one Static (its heading, the dose, the variants)."""


class HangingLines(LaidOutOnce, Widget):
    """A list of marked lines ("1.", "!") whose wrapped text lines up under itself, not
    under the mark. One widget that wraps its own lines: showing another exercise is one
    refresh, not a row of widgets each updated and laid out (a cursor move in the Library
    stays cheap)."""

    DEFAULT_CSS = "HangingLines { height: auto; }"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.marks: list[str] = []
        self.lines: list[str] = []
        self._wrapped: tuple[int, list[Content]] = (-1, [])

    def show(self, marks: Sequence[str], lines: Sequence[str]) -> None:
        marks, lines = list(marks), list(lines)
        if (marks, lines) != (self.marks, self.lines):
            height = len(self._wrapped[1]) if self._wrapped[0] == self.size.width else -1
            self.marks, self.lines = marks, lines
            self._wrapped = (-1, [])
            # laid out again only when the height changes (a layout redraws the screen)
            self.refresh(layout=height != len(self.wrapped(self.size.width)))

    def wrapped(self, width: int) -> list[Content]:
        """The screen lines at this width (cached for the last width asked)."""
        if self._wrapped[0] != width:
            out: list[Content] = []
            for mark, line in zip(self.marks, self.lines):
                body = Content(line).wrap(max(1, width - MARK_WIDTH)) or [Content("")]
                out.append(Content.assemble((f"{mark:<{MARK_WIDTH}}", "bold"), body[0]))
                out += [Content.assemble(" " * MARK_WIDTH, piece) for piece in body[1:]]
            self._wrapped = (width, out)
        return self._wrapped[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.wrapped(width))

    def render(self) -> Content:
        return Content("\n").join(self.wrapped(self.size.width))

    @property
    def text(self) -> str:
        return "\n".join(f"{mark} {line}" for mark, line in zip(self.marks, self.lines))


def _update(widget: Static, content: Content) -> None:
    """Static.update, without a layout of the screen when the lines keep their number
    (a cursor move in the Library changes words more often than heights)."""
    width, height = widget.content_size
    same = bool(widget.display and width and height == len(content.wrap(width)))
    widget.update(content, layout=not same)


class ExerciseDetail(LaidOutOnce, VerticalScroll):
    """A scrollable pane showing one exercise (or a short note when there is none)."""

    def compose(self) -> ComposeResult:
        yield ExerciseFigure(id="detail-figure")
        yield DetailText(id="detail-head")
        yield HangingLines(id="detail-steps")
        yield DetailText(id="detail-dose")
        yield HangingLines(id="detail-safety")
        yield DetailText(id="detail-variants")

    def show(self, exercise: Exercise | None, catalog: Catalog, empty_note: str = "",
             yours: Sequence[str] = ()) -> None:
        """`yours`: lines about the person's own use of it (in the plan, its level, why)."""
        parts = (self._parts(exercise, catalog, yours) if exercise
                 else (Content(empty_note), [], None, [], None))
        head, steps, dose, safety, variants = parts
        self.query_one(ExerciseFigure).show(exercise, catalog)
        _update(self.query_one("#detail-head", Static), head)
        self.query_one("#detail-steps", HangingLines).show(
            [f"{n}." for n in range(1, len(steps) + 1)], steps)
        for widget_id, content in (("#detail-dose", dose), ("#detail-variants", variants)):
            widget = self.query_one(widget_id, Static)
            widget.display = content is not None
            _update(widget, content or Content(""))
        self.query_one("#detail-safety", HangingLines).show(["!"] * len(safety), safety)
        self.scroll_home(animate=False)

    @staticmethod
    def _parts(exercise: Exercise, catalog: Catalog, yours: Sequence[str] = ()):
        position = POSITION_WORDS.get(exercise.position, exercise.position.title())
        kind = f"{exercise.category.title()} · {position}"
        if exercise.custom:
            kind += " · your own exercise"
        head = Content("\n").join([
            _bold(exercise.name),
            Content(kind),
            Content(" · ".join(flag_words(exercise))),  # up top: support and weight matter first
            Content.assemble(("Id for plan files: ", "dim"), exercise.id),
            *[Content(line) for line in yours],
            Content(""),
            Content(exercise.purpose),
            Content(""),
            _bold("How to do it"),
        ])
        equipment = ", ".join(exercise.equipment) or "nothing extra"
        dose = Content("\n").join([
            Content(""),
            _labelled("How much", exercise.dose.describe(exercise.per_side)),
            _labelled("You need", equipment),
            Content(""),
            _bold("Take care"),
        ])
        variants = [("Easier", exercise.easier), ("Harder", exercise.harder)]
        if exercise.alternative:
            alt = exercise.alternative
            variants.append(("Seated instead", catalog.get(alt).name if alt in catalog else alt))
        shown = [_labelled(label, text) for label, text in variants if text]
        variants_text = Content("\n").join([Content(""), *shown])
        return head, list(exercise.steps), dose, list(exercise.safety), variants_text

    @property
    def text(self) -> str:
        """The words on show, top to bottom, as the person reads them."""
        parts = []
        for child in self.query_children():
            if not child.display:
                continue
            if isinstance(child, HangingLines):
                parts.append(child.text)
            elif isinstance(child, Static):
                parts.append(str(child.render()))
        return "\n".join(p for p in parts if p)
