"""Library: every exercise, grouped by category, with a detail pane for the highlighted one."""

from __future__ import annotations

from contextlib import suppress

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Key, Resize
from textual.screen import Screen
from textual.widgets import Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from neurocoach.catalog import CATEGORIES, Exercise
from neurocoach.catalog.search import matches
from neurocoach.tui.commands.base import bindings
from neurocoach.tui.commands.library import (
    ArchiveExercise, ClearFilter, EditExercise, Find, LibraryDown, LibraryMovement, LibraryUp,
    NewExercise, NextCategory, TogglePlan,
)
from neurocoach.tui.screens.library_yours import YourExercises
from neurocoach.tui.widgets.exercise_detail import ExerciseDetail
from neurocoach.tui.widgets.footer import Footer
from neurocoach.tui.widgets.marked_list import MarkedOptionList

ALL = "all"
MARK = "▸ "
"""Marks the highlighted exercise in words-and-symbols, not only by colour."""


class LibraryScreen(YourExercises, Screen):
    """Browse the exercises by keyboard: a list on the left, the chosen one on the right."""

    ACTS_ON_SELECT = True
    """enter on the list does something here (help names it)."""

    AUTO_FOCUS = "#exercise-list"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (16, "-tall")]
    BINDINGS = bindings(Find, NextCategory, LibraryDown, LibraryUp, ClearFilter, TogglePlan,
                        NewExercise, EditExercise, ArchiveExercise, LibraryMovement)

    def __init__(self) -> None:
        super().__init__()
        self.category = ALL
        """The category on show, or "all"."""
        self.query_text = ""
        """What the person typed in the find box."""
        self.current_id: str | None = None
        """The highlighted exercise, kept across filtering and resizing."""
        self.shown: tuple[str, str, list[str]] = (ALL, "", [])
        """The category, the search and the exercises the list shows for them: where to go
        when the highlighted one leaves the list under the same filters (archived)."""
        self._levels: tuple = (None, None, {})
        """(day and data stamp, the plan, exercise id -> its level view) for `_yours`."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="library-find"):
            yield Label("Find:", id="library-find-label")
            yield Input(placeholder="press / then type", id="library-filter")
        with Horizontal(id="library-body"):
            with Vertical(id="library-list-column"):
                yield Static(id="library-showing")
                with Vertical(id="exercise-list-frame"):  # the list's border (neurocoach.tcss)
                    yield MarkedOptionList(id="exercise-list")
            yield ExerciseDetail(id="exercise-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_list()
        # The rest is made ahead once the Library is on screen: on_resize, which Textual
        # sends it as it is first laid out, and again at each new size.

    def _ahead(self) -> None:
        """The levels of every listed exercise, in one read, and their details made and
        drawn, the nearest to the highlighted one first."""
        self._read_levels()
        if not self.is_attached:
            return
        ids, catalog = self.shown[2], self.app.catalog
        here = ids.index(self.current_id) if self.current_id in ids else 0
        detail = self.query_one(ExerciseDetail)
        for _, exercise_id in sorted((abs(n - here), i) for n, i in enumerate(ids)):
            detail.prepare(catalog.get(exercise_id), catalog, self._yours(exercise_id))

    def on_resize(self, event: Resize) -> None:
        # Narrow terminals: a tighter footer without the palette key (help names it).
        narrow = event.size.width < 60
        footer = self.query_one(Footer)
        footer.compact = narrow
        footer.show_command_palette = not narrow
        self.refresh_bindings()
        # The list changes height when it reflows: keep the highlighted exercise in view.
        self.call_after_refresh(self.exercise_list.scroll_to_highlight)
        # After this frame, the rest ahead, at this size (while the person reads the first
        # exercise): a cursor move then reads and draws nothing new (issue 17).
        self.call_after_refresh(self._ahead)

    # -- the list --------------------------------------------------------------
    @property
    def exercise_list(self) -> MarkedOptionList:
        return self.query_one("#exercise-list", MarkedOptionList)

    def visible(self) -> list[Exercise]:
        categories = CATEGORIES if self.category == ALL else (self.category,)
        by_category = self.app.catalog.by_category()
        archived = self.app.store.archived_exercise_ids()
        return [
            exercise
            for category in categories
            for exercise in by_category.get(category, [])
            if matches(exercise, self.query_text) and exercise.id not in archived
        ]

    def refresh_list(self) -> None:
        """Rebuild the list for the current filters, keeping the highlight when it is still shown."""
        shown = self.visible()
        options: list[Option] = []
        for category in CATEGORIES:
            members = [e for e in shown if e.category == category]
            if members:
                heading = Content.assemble((category.upper(), "bold"), f" ({len(members)})")
                options.append(Option(heading, disabled=True))
                options += [Option(self._prompt(e.name, False), id=e.id) for e in members]
        option_list = self.exercise_list
        option_list.set_options(options)
        ids = [e.id for e in shown]
        target = self._still_shown(self.current_id, ids)
        self.shown = (self.category, self.query_text, ids)
        self.current_id = None
        if target is not None:
            option_list.highlighted = option_list.get_option_index(target)
        self._mark(target)
        self._show_status(len(shown))
        self._show_detail()

    def _still_shown(self, exercise_id: str | None, ids: list[str]) -> str | None:
        """This exercise if the list still shows it; if it left the list while the filters
        stayed the same (archived), its nearest neighbour (the next, else the one before);
        else the first."""
        if exercise_id in ids:
            return exercise_id
        category, query, before = self.shown
        if (category, query) == (self.category, self.query_text) and exercise_id in before:
            i = before.index(exercise_id)
            for neighbour in [*before[i + 1:], *reversed(before[:i])]:
                if neighbour in ids:
                    return neighbour
        return ids[0] if ids else None

    @staticmethod
    def _prompt(name: str, marked: bool) -> Content:
        return Content((MARK if marked else "  ") + name)

    def _mark(self, exercise_id: str | None) -> None:
        """Move the ▸ mark to this exercise and make it the current one."""
        option_list = self.exercise_list
        for old, marked in ((self.current_id, False), (exercise_id, True)):
            if old is not None:
                name = self.app.catalog.get(old).name
                with suppress(OptionDoesNotExist):
                    option_list.set_prompt(old, self._prompt(name, marked))
        self.current_id = exercise_id

    def _show_status(self, count: int) -> None:
        label = "All" if self.category == ALL else self.category.title()
        hint = f"{count} found" if self.query_text else "f to change"
        self.query_one("#library-showing", Static).update(
            Content.assemble("Showing: ", (label, "bold"), f" · {hint}")
        )

    def _show_detail(self) -> None:
        detail = self.query_one(ExerciseDetail)
        catalog = self.app.catalog
        if self.current_id is None:
            where = "" if self.category == ALL else f" in {self.category.title()}"
            # True while typing in the find box too: escape first, then f is a key again.
            detail.show(None, catalog, f"Nothing matches “{self.query_text}”{where}. "
                                       "Press escape to clear the search; "
                                       "then f shows another category.")
        else:
            detail.show(catalog.get(self.current_id), catalog, yours=self._yours(self.current_id))

    @on(OptionList.OptionHighlighted, "#exercise-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._follow(event.option.id)

    def _follow(self, exercise_id: str | None) -> None:
        """Mark and show the highlighted exercise, if it is not the current one yet."""
        if exercise_id is not None and exercise_id != self.current_id:
            with self.app.batch_update():  # the mark and the detail in one frame
                self._mark(exercise_id)
                self._show_detail()

    @on(OptionList.OptionSelected, "#exercise-list")
    def _selected(self) -> None:
        # enter on an exercise: move to its details so they can be scrolled.
        self.set_focus(self.query_one(ExerciseDetail))

    # -- actions -----------------------------------------------------------------
    def action_move(self, step: int) -> None:
        if isinstance(self.focused, ExerciseDetail):  # reading the detail: j/k scroll it
            self.focused.line(step)
            return
        option_list = self.exercise_list
        self.set_focus(option_list)
        # Followed here, in the same frame as the highlight: one frame a key, not two,
        # and no OptionHighlighted to hand round the list, its containers and the screen
        # (a mouse or a search moving the highlight still sends one).
        with self.app.batch_update(), option_list.prevent(OptionList.OptionHighlighted):
            if step > 0:
                option_list.action_cursor_down()
            else:
                option_list.action_cursor_up()
            option = option_list.highlighted_option
            self._follow(option.id if option else None)

    def action_movement(self) -> None:
        from neurocoach.tui.widgets.figure import switch_movement

        switch_movement(self)

    def action_find(self) -> None:
        # set_focus, not focus(): at once, so the next keys already belong to the find box.
        self.set_focus(self.query_one("#library-filter", Input))

    def on_key(self, event: Key) -> None:
        """Over SSH "/" and the letters after it often arrive in one read. Keys reach this
        screen on their way up, before any binding runs, so "/" is acted on here at once and
        the letters behind it are typed into the find box, never run as keys (t, p, q...)."""
        find = self.query_one("#library-filter", Input)
        if event.key == "slash" and self.focused is not find:
            self.action_find()
        elif self.focused is find and event.is_printable and event.character:
            find.insert_text_at_cursor(event.character)  # the box never lets its own get here
        else:
            return
        event.stop()
        event.prevent_default()

    def action_next_category(self) -> None:
        order = (ALL, *CATEGORIES)
        self.category = order[(order.index(self.category) + 1) % len(order)]
        self.refresh_list()
        self.refresh_bindings()  # escape is offered while a category is chosen

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear":  # only offered while there is a search or category to clear
            return (bool(self.query_text) or isinstance(self.focused, Input)
                    or self.category != ALL)
        if action in ("move", "find"):  # typed into the find box while it has focus (and
            return not isinstance(self.focused, Input)  # "/ Find" is not offered there)
        return True

    def action_clear(self) -> None:
        """escape: clear the search and go back to the list, where every key works again
        (one escape: a second one typed into the box would be missed). On the list with no
        search, escape shows every category again."""
        find = self.query_one("#library-filter", Input)
        if self.focused is not find and not self.query_text and self.category != ALL:
            self.category = ALL
            self.refresh_list()
            self.refresh_bindings()
            return
        find.value = ""
        self._set_query("")
        self.set_focus(self.exercise_list)

    @on(Input.Changed, "#library-filter")
    def _query_changed(self, event: Input.Changed) -> None:
        self._set_query(event.value)

    @on(Input.Submitted, "#library-filter")
    def _query_done(self) -> None:
        self.set_focus(self.exercise_list)

    def _set_query(self, text: str) -> None:
        if text != self.query_text:
            self.query_text = text
            self.refresh_list()
            self.refresh_bindings()

    def select_exercise(self, exercise_id: str) -> None:
        """Highlight one exercise, clearing the filters when they hide it."""
        self.current_id = exercise_id
        if exercise_id not in {e.id for e in self.visible()}:
            self.category = ALL
            self.query_one("#library-filter", Input).value = ""
            self.query_text = ""
        self.refresh_list()
        self.set_focus(self.exercise_list)
