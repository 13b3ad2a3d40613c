"""One exercise, in full: what it is for, how to do it, how much, and how to stay safe."""

from __future__ import annotations

from collections.abc import Sequence
from math import ceil

from textual.app import ComposeResult
from textual.content import Content
from textual.geometry import Region, Size
from textual.scrollbar import ScrollBar
from textual.widget import Widget

from neurocoach.catalog import Catalog, Exercise
from neurocoach.tui.widgets.detail_body import DetailBody, Parts
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


def _bar_rows(bar: ScrollBar) -> list:
    """A vertical scrollbar's rows as its renderer draws them (the colours aside)."""
    size, window = bar.window_virtual_size, bar.window_size
    return bar.renderer.render_bar(
        size=bar.size.height, virtual_size=ceil(size),
        window_size=ceil(window if window < size else 0), position=bar.position,
        thickness=bar.thickness, vertical=True).segments


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
        self.query_one(ExerciseFigure).show(exercise, catalog)
        # The words are made from these alone: shown before (kept), they are not made again.
        key = (exercise, catalog, tuple(yours)) if exercise else empty_note
        self.query_one(DetailBody).show(
            key, lambda: self._shown(exercise, catalog, empty_note, yours))
        self._fit()
        if self.scroll_y or self.scroll_target_y:  # at the top already: nothing to ask
            self.scroll_home(animate=False)

    def prepare(self, exercise: Exercise, catalog: Catalog, yours: Sequence[str] = ()) -> None:
        """Make and draw this exercise's detail ahead, without showing it (issue 17: the
        Library does so for its list once it is on screen, so a cursor move only compares
        and sends lines)."""
        self.query_one(ExerciseFigure).prepare(exercise, catalog)
        body = self.query_one(DetailBody)
        body.prepare((exercise, catalog, tuple(yours)),
                     lambda: self._shown(exercise, catalog, "", yours),
                     rows=self.scrollable_content_region.bottom - body.region.y)

    @classmethod
    def _shown(cls, exercise: Exercise | None, catalog: Catalog, empty_note: str,
               yours: Sequence[str]) -> Parts:
        parts = (cls._parts(exercise, catalog, yours) if exercise
                 else (Content(empty_note), [], None, [], None))
        head, steps, dose, safety, variants = parts
        shown: Parts = [("text", head)]
        if steps:
            shown.append(("marked", ([f"{n}." for n in range(1, len(steps) + 1)], steps)))
        if dose is not None:
            shown.append(("text", dose))
        if safety:
            shown.append(("marked", (["!"] * len(safety), safety)))
        if variants is not None:
            shown.append(("text", variants))
        return shown

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
        if virtual == self.virtual_size:
            return
        if (self.show_vertical_scrollbar and not self.show_horizontal_scrollbar
                and virtual.height > self.container_size.height):
            self._move_thumb(virtual)
        else:
            self.set_reactive(Widget.virtual_size, virtual)
            self._scroll_update(virtual)  # a scrollbar that comes or goes asks for a layout

    def _move_thumb(self, virtual: Size) -> None:
        """The scrollbar stays: repaint only its rows whose look changes (issue 17: the
        whole bar, 19 rows at 80×24, was drawn again at every cursor move)."""
        bar = self.vertical_scrollbar
        before = _bar_rows(bar)
        self.set_reactive(Widget.virtual_size, virtual)
        bar.set_reactive(ScrollBar.window_virtual_size, virtual.height)
        changed = [Region(0, y, bar.size.width, 1)
                   for y, (was, now) in enumerate(zip(before, _bar_rows(bar))) if was != now]
        if changed:
            bar.refresh(*changed)
        self.scroll_y = self.validate_scroll_y(self.scroll_y)

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
