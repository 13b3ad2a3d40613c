"""A form for one of the person's own exercises: the catalog's fields, checked field by field.

The checks are the catalog's own (parse_exercise), so an exercise saved here is exactly as
sound as a built-in one. Each problem shows under its field, in words.
"""

from __future__ import annotations

import re

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Select, Static, TextArea

from neurocoach.catalog import (
    CATEGORIES, DOSE_AMOUNT, POSITIONS, exercise_field_errors, exercise_fields, parse_exercise,
)
from neurocoach.catalog.model import WEIGHT_BEARING_POSITIONS
from neurocoach.tui.commands.base import bindings
from neurocoach.tui.commands.everywhere import Cancel
from neurocoach.tui.commands.forms import FormSave
from neurocoach.tui.saving import NOT_SAVED
from neurocoach.tui.widgets.footer import Footer
from neurocoach.tui.widgets.scale import ChoiceRow, RowChanged

YES_NO = [("yes", "Yes"), ("no", "No")]
KINDS = [("reps", "Count times (reps)"), ("hold", "Hold for seconds"),
         ("minutes", "Keep going for minutes")]
PLACES = {"seated": "Seated", "standing": "Standing or walking (weight on your feet)",
          "lying": "Lying down", "water": "In water"}
WEIGHT_WORDS = ("Weight on your feet follows from the position: standing or walking is "
                "weight-bearing, so on a day with a sore foot a seated stand-in takes its place.")
LABELS = {
    "id": "Name", "name": "Name", "category": "Kind of exercise", "purpose": "What it is for",
    "steps": "How to do it", "dose": "How much", "per_side": "Each side",
    "position": "Position", "weight_bearing": "Weight on the feet",
    "needs_support": "Next to a support", "equipment": "You need", "safety": "Take care",
    "easier": "Easier", "harder": "Harder", "alternative": "Seated stand-in",
}


FIELD_WIDGET = {"dose": "amount"}
"""The box a field's problem is fixed in, where it is not named after the field."""


def slug(name: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", name.casefold()))[:40].strip("-")


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


NOUNS = {"steps": ("step", "steps"), "safety": ("safety note", "safety notes"),
         "equipment": ("thing", "things")}
"""What one line of a list field is, for messages in plain words."""


def _count_words(field: str, low: int, high: int, has: int) -> str:
    one, many = NOUNS.get(field, ("line", "lines"))
    if has < low:
        return f"Add at least {'one' if low == 1 else low} {one if low == 1 else many}, one a line"
    return f"At most {high} {many} here, one a line (this has {has})"


def friendly(problem: str, field: str = "") -> str:
    """The catalog's message, minus the bits meant for file authors."""
    counted = re.match(r"must have (\d+) to (\d+) items \(it has (\d+)\)", problem)
    if counted:
        return _count_words(field, *map(int, counted.groups()))
    problem = problem.replace(
        "is missing: a weight-bearing or water exercise needs the id of a seated, "
        "non-weight-bearing stand-in",
        "pick one: work with your weight on your feet (or in water) needs a seated exercise "
        "to do instead on days your feet are sore")
    problem = re.sub(r"^must be one of .*, not None$", "pick one", problem)
    problem = re.sub(r",? not ''$", "", problem)
    problem = problem.replace("must be some text", "cannot be empty")
    problem = re.sub(r"^dose\.(\w+) ", lambda m: f"{m.group(1)}: ", problem)
    return problem[:1].upper() + problem[1:]


class CustomExerciseScreen(Screen[str | None]):
    """New (no id) or edit (an id): ctrl+s saves when every field is right."""

    BINDINGS = bindings(FormSave, Cancel)

    def __init__(self, exercise_id: str | None = None) -> None:
        super().__init__()
        self.editing = exercise_id
        """The id of the exercise being changed; None for a new one."""

    def compose(self) -> ComposeResult:
        catalog = self.app.catalog
        data = exercise_fields(catalog.get(self.editing)) if self.editing else {}
        dose = data.get("dose", {"kind": "reps", "reps": 10})
        title = f"Change “{data['name']}”" if self.editing else "A new exercise of your own"
        with VerticalScroll(id="custom"):
            yield Static(f"[b]{title}[/b] — tab moves on, ctrl+s saves, escape cancels")
            yield from self._field("name", Input(value=data.get("name", ""), max_length=60,
                                                 placeholder="e.g. Sit to stand", id="f-name"))
            yield from self._field("category", ChoiceRow(
                "Kind of exercise (1–4):", [(c, c.title()) for c in CATEGORIES],
                value=data.get("category", "strengthening"), id="f-category"))
            yield from self._field("purpose", Input(value=data.get("purpose", ""),
                                                    placeholder="What it does for you",
                                                    id="f-purpose"))
            yield from self._field("steps", TextArea(
                "\n".join(data.get("steps", [])), id="f-steps", tab_behavior="focus"),
                "How to do it: 2 to 6 steps, one a line")
            yield Static("How much", classes="field-label")
            yield ChoiceRow("Counted in (1–3):", KINDS, value=dose["kind"], id="f-kind")
            amount = dose.get(DOSE_AMOUNT[dose["kind"]], "")
            yield self._titled(Input(value=str(amount), restrict=r"\d{0,4}",
                                     placeholder="times, seconds or minutes", id="f-amount"),
                               "Amount: times, seconds or minutes")
            yield self._titled(Input(value=str(dose.get("sets", 1)), restrict=r"\d{0,2}",
                                     placeholder="usually 1", id="f-sets"), "Sets")
            yield Static(classes="field-error", id="err-dose")
            yield from self._field("per_side", ChoiceRow(
                "Done with each foot in turn? (1 yes, 2 no)", YES_NO,
                value="yes" if data.get("per_side") else "no", id="f-per_side"))
            # No default: "seated" by default passed standing work off as seated.
            yield from self._field("position", ChoiceRow(
                "Where is it done? (1–4)", [(p, PLACES[p]) for p in POSITIONS],
                value=data.get("position"), id="f-position"))
            yield Static(WEIGHT_WORDS, classes="hint", id="weight-words")
            yield from self._field("needs_support", ChoiceRow(
                "Done next to a sturdy support? (1 yes, 2 no)", YES_NO,
                value="yes" if data.get("needs_support") else "no", id="f-needs_support"))
            yield from self._field("equipment", Input(
                value=", ".join(data.get("equipment", [])),
                placeholder="What you need, with commas (may be empty)", id="f-equipment"))
            yield from self._field("safety", TextArea(
                "\n".join(data.get("safety", [])), id="f-safety", tab_behavior="focus"),
                "Take care: 1 to 8 safety points, one a line")
            yield from self._field("easier", Input(value=data.get("easier", ""),
                                                   placeholder="How to make it easier",
                                                   id="f-easier"))
            yield from self._field("harder", Input(value=data.get("harder", ""),
                                                   placeholder="How to make it harder",
                                                   id="f-harder"))
            seated = [(e.name, e.id) for e in catalog  # a stand-in is seated or lying
                      if e.can_stand_in and e.id != self.editing]
            yield from self._field("alternative", Select(
                seated, value=data.get("alternative", Select.NULL), allow_blank=True,
                prompt="None (needed only for weight-bearing or water work)",
                id="f-alternative"),
                "Seated stand-in for days with sore feet")
            yield Static(id="custom-message", classes="field-error")
        yield Footer()

    @staticmethod
    def _titled(widget: Input, title: str) -> Input:
        """A box that keeps saying what it is for once it holds a number."""
        widget.border_title = title
        return widget

    def _field(self, name: str, widget, label: str | None = None):
        if label or not isinstance(widget, ChoiceRow):
            yield Static(label or LABELS[name], classes="field-label")
        yield widget
        yield Static(classes="field-error", id=f"err-{name}")

    def on_mount(self) -> None:
        for error in self.query(".field-error"):
            error.display = False
        self.query_one("#f-name").focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    # -- reading the form ---------------------------------------------------------
    def form_data(self) -> dict:
        def value(widget_id: str) -> str:
            return self.query_one(f"#f-{widget_id}", Input).value.strip()

        def choice(widget_id: str) -> str | None:
            return self.query_one(f"#f-{widget_id}", ChoiceRow).value

        def number(text: str):
            return int(text) if text.isdigit() else text

        kind = choice("kind") or "reps"
        dose: dict = {"kind": kind, DOSE_AMOUNT[kind]: number(value("amount"))}
        sets = number(value("sets") or "1")
        if sets != 1:
            dose["sets"] = sets
        name = value("name")
        data = {
            "id": self.editing or self._new_id(name), "name": name, "category": choice("category"),
            "purpose": value("purpose"),
            "steps": lines_of(self.query_one("#f-steps", TextArea).text),
            "dose": dose, "per_side": choice("per_side") == "yes",
            "position": choice("position"),
            "weight_bearing": choice("position") in WEIGHT_BEARING_POSITIONS,
            "needs_support": choice("needs_support") == "yes",
            "equipment": [p.strip() for p in value("equipment").split(",") if p.strip()],
            "safety": lines_of(self.query_one("#f-safety", TextArea).text),
            "easier": value("easier"), "harder": value("harder"),
        }
        alternative = self.query_one("#f-alternative", Select).value
        if alternative not in (Select.NULL, None):
            data["alternative"] = alternative
        return data

    def _new_id(self, name: str) -> str:
        base = slug(name) or ""
        if not base:
            return ""
        candidate, n = base, 2
        while candidate in self.app.catalog:
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    # -- checking -------------------------------------------------------------------
    checked = False
    """True once a save was refused: from then on each change re-checks the form, so a
    message goes as soon as its field is right."""

    def errors(self) -> dict[str, str]:
        errors = exercise_field_errors(self.form_data(), self.app.catalog, editing=self.editing)
        if "id" in errors:
            errors.setdefault("name", "Give it a name with some letters or digits.")
            errors.pop("id")
        return errors

    def show_errors(self, errors: dict[str, str]) -> Static | None:
        """Each problem under its field, the others cleared; the first one's message."""
        first = None
        for error in self.query(".field-error"):
            field = (error.id or "").removeprefix("err-")
            problem = errors.get(field)
            error.display = bool(problem)
            if problem:
                error.update(f"{LABELS[field]}: {friendly(problem, field)}")
                first = first or error
        message = self.query_one("#custom-message", Static)
        count = len(errors)
        message.update(f"{count} field{'s' if count > 1 else ''} to fix before saving "
                       "(shown above)." if errors else "")
        message.display = bool(errors)
        return first

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(RowChanged)
    def _recheck(self) -> None:
        if self.checked:
            self.show_errors(self.errors())

    # -- actions --------------------------------------------------------------------
    def action_save(self) -> None:
        errors = self.errors()
        first = self.show_errors(errors)
        if errors:
            self.checked = True
            if first is not None:
                # The cursor goes to the first field to fix, its message in view below it.
                field = (first.id or "").removeprefix("err-")
                target = self.query_one(f"#f-{FIELD_WIDGET.get(field, field)}")
                target.focus(scroll_visible=False)
                self.query_one("#custom").scroll_to_widget(first, animate=False)
            return
        data = self.form_data()
        from neurocoach.tui.app_calls import refresh_catalog

        exercise = parse_exercise(data, where="exercise", custom=True)
        if self.app.write(self.app.store.save_custom_exercise, exercise,
                          self.app.clock.now()) is NOT_SAVED:
            return  # said in a notice; the form keeps every answer for another try
        if self.editing:
            self._keep_the_dose(exercise)
        refresh_catalog(self.app)
        self.notify(f"Saved {exercise.name}.")
        self.dismiss(exercise.id)

    def _keep_the_dose(self, exercise) -> None:
        """A changed dose makes a new ladder: the level moves to the rung nearest the dose
        the person was doing (never a jump of several levels' worth at once)."""
        from neurocoach.coach.progression import level_after_change

        store, now = self.app.store, self.app.clock.now()
        state = store.level_states().get(exercise.id)
        change = level_after_change(self.app.catalog.get(exercise.id), exercise, state,
                                    now.date(), now)
        if change is not None:
            self.app.write(store.record_levels, [change])

    def action_cancel(self) -> None:
        self.dismiss(None)
