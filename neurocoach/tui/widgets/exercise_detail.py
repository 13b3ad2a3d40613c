"""One exercise, in full: what it is for, how to do it, how much, and how to stay safe."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from neurocoach.catalog import Catalog, Exercise
from neurocoach.tui.widgets.figure import ExerciseFigure
from neurocoach.tui.widgets.page import Page

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

BODY_ROWS = 400
"""The detail's words take this many rows in every layout, whatever the exercise (far
more than any needs): showing another exercise never changes a widget's size, so a
Library cursor move repaints the pane's content and lays nothing out (issue 17). The
pane scrolls only as far as the words go (ExerciseDetail.virtual_size)."""


def hanging(marks: Sequence[str], lines: Sequence[str], width: int) -> list[Content]:
    """Marked lines ("1.", "!") whose wrapped text lines up under itself, not under the
    mark."""
    out: list[Content] = []
    for mark, line in zip(marks, lines):
        body = Content(line).wrap(max(1, width - MARK_WIDTH)) or [Content("")]
        out.append(Content.assemble((f"{mark:<{MARK_WIDTH}}", "bold"), body[0]))
        out += [Content.assemble(" " * MARK_WIDTH, piece) for piece in body[1:]]
    return out


class DetailBody(Widget):
    """The detail's words, in one widget of a fixed height (BODY_ROWS) that draws its own
    lines: the heading, the numbered steps, the dose, the safety lines, the variants."""

    DEFAULT_CSS = "DetailBody { height: auto; }"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.parts: list[tuple[str, object]] = []
        """("text", Content) or ("marked", (marks, lines)), top to bottom."""
        self._wrapped: tuple[int, list[Content]] = (-1, [])

    def show(self, parts: list[tuple[str, object]]) -> None:
        if parts != self.parts:
            self.parts = parts
            self._wrapped = (-1, [])
            self.refresh()  # the same size: repainted, not laid out

    def wrapped(self, width: int) -> list[Content]:
        """The screen lines at this width (kept for the last width asked)."""
        if self._wrapped[0] != width:
            out: list[Content] = []
            for kind, part in self.parts:
                if kind == "marked":
                    out += hanging(*part, width)
                else:
                    out += part.wrap(max(1, width)) or [Content("")]
            self._wrapped = (width, out)
        return self._wrapped[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(BODY_ROWS, len(self.wrapped(width)))

    def render(self) -> Content:
        return Content("\n").join(self.wrapped(self.size.width))

    @property
    def text(self) -> str:
        """The words as the person reads them (a step as "1. Sit tall")."""
        texts = []
        for kind, part in self.parts:
            if kind == "marked":
                texts.append("\n".join(f"{m} {line}" for m, line in zip(*part)))
            else:
                texts.append(str(part))
        return "\n".join(t for t in texts if t)


class ExerciseDetail(Page):
    """A scrollable pane showing one exercise (or a short note when there is none); a
    `Page`, so each scroll key of a burst counts.

    Its size is the screen's (CSS); its parts' sizes never change (the drawing's is fixed,
    the words take BODY_ROWS): the scrollable height is set here, from the lines shown."""

    def compose(self) -> ComposeResult:
        yield ExerciseFigure(id="detail-figure")
        yield DetailBody(id="detail-body")

    def show(self, exercise: Exercise | None, catalog: Catalog, empty_note: str = "",
             yours: Sequence[str] = ()) -> None:
        """`yours`: lines about the person's own use of it (in the plan, its level, why)."""
        parts = (self._parts(exercise, catalog, yours) if exercise
                 else (Content(empty_note), [], None, [], None))
        head, steps, dose, safety, variants = parts
        self.query_one(ExerciseFigure).show(exercise, catalog)
        shown: list[tuple[str, object]] = [("text", head)]
        if steps:
            shown.append(("marked", ([f"{n}." for n in range(1, len(steps) + 1)], steps)))
        if dose is not None:
            shown.append(("text", dose))
        if safety:
            shown.append(("marked", (["!"] * len(safety), safety)))
        if variants is not None:
            shown.append(("text", variants))
        self.query_one(DetailBody).show(shown)
        self._fit()
        self.scroll_home(animate=False)

    def _fit(self) -> None:
        """Scroll as far as the drawing and the words go, not to the end of BODY_ROWS."""
        if not self.size.width:
            return  # not laid out yet: the layout comes back here
        body = self.query_one(DetailBody)
        above = 0
        for child in self.children:
            if child is not body and child.display:  # the drawing: a fixed size (CSS)
                above += child.outer_size.height or int(child.styles.height.value)
        width = self.scrollable_content_region.width
        virtual = self.virtual_size.with_height(above + len(body.wrapped(width)))
        if virtual != self.virtual_size:
            self.set_reactive(Widget.virtual_size, virtual)
            self._scroll_update(virtual)  # a scrollbar that comes or goes asks for a layout

    def _size_updated(self, size, virtual_size, container_size, layout: bool = True) -> bool:
        changed = super()._size_updated(size, virtual_size, container_size, layout=False)
        self._fit()
        return changed

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
        return self.query_one(DetailBody).text
