"""One exercise, in full: what it is for, how to do it, how much, and how to stay safe."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
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


class HangingLine(Horizontal):
    """One marked line ("1.", "!") whose wrapped text lines up under itself, not the mark."""

    def __init__(self) -> None:
        super().__init__(classes="hanging")
        self.mark = Static(classes="mark")
        self.line = Static(classes="line")

    def compose(self) -> ComposeResult:
        yield self.mark
        yield self.line

    @property
    def text(self) -> str:
        return f"{self.mark.render()} {self.line.render()}"


class HangingLines(Vertical):
    """A list of marked lines; rows are reused, so showing another exercise mounts nothing new
    unless it has more lines than any before."""

    def show(self, marks: Sequence[str], lines: Sequence[str]) -> None:
        rows = list(self.query_children(HangingLine))
        new = [HangingLine() for _ in range(len(lines) - len(rows))]
        if new:
            self.mount_all(new)
            rows += new
        for n, row in enumerate(rows):
            row.display = n < len(lines)
            if n < len(lines):
                row.mark.update(Content(marks[n]))
                row.line.update(Content(lines[n]))

    @property
    def text(self) -> str:
        return "\n".join(row.text for row in self.query_children(HangingLine) if row.display)


class ExerciseDetail(VerticalScroll):
    """A scrollable pane showing one exercise (or a short note when there is none)."""

    def compose(self) -> ComposeResult:
        yield ExerciseFigure(id="detail-figure")
        yield Static(id="detail-head")
        yield HangingLines(id="detail-steps")
        yield Static(id="detail-dose")
        yield HangingLines(id="detail-safety")
        yield Static(id="detail-variants")

    def show(self, exercise: Exercise | None, catalog: Catalog, empty_note: str = "",
             yours: Sequence[str] = ()) -> None:
        """`yours`: lines about the person's own use of it (in the plan, its level, why)."""
        parts = (self._parts(exercise, catalog, yours) if exercise
                 else (Content(empty_note), [], None, [], None))
        head, steps, dose, safety, variants = parts
        self.query_one(ExerciseFigure).show(exercise, catalog)
        self.query_one("#detail-head", Static).update(head)
        self.query_one("#detail-steps", HangingLines).show(
            [f"{n}." for n in range(1, len(steps) + 1)], steps)
        for widget_id, content in (("#detail-dose", dose), ("#detail-variants", variants)):
            widget = self.query_one(widget_id, Static)
            widget.display = content is not None
            widget.update(content or "")
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
