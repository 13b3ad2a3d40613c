"""The guided session, what it shows: the step on screen, its dose, level, cues, drawing
and timer (the keys and what they do are in session.py)."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.markup import escape
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ProgressBar, Static

from neurocoach.catalog import Dose, Exercise
from neurocoach.coach.ladders import meets
from neurocoach.coach.screening import session_reminder
from neurocoach.coach.screening import step_cues as screening_cues
from neurocoach.coach.session import one_foot_words, step_cues, step_dose, timed_seconds
from neurocoach.domain.models import SessionRecord, Step
from neurocoach.tui.widgets.countdown import Countdown
from neurocoach.tui.widgets.figure import ExerciseFigure
from neurocoach.tui.widgets.footer import Footer
from neurocoach.tui.widgets.page import Page

SIDE_WORDS = {"left": "left foot", "right": "right foot"}


def _same(shown: object, content: str | Content) -> bool:
    """The same text with the same styles (Content's own == compares the text only)."""
    if isinstance(content, Content):
        return (isinstance(shown, Content) and shown.plain == content.plain
                and shown.spans == content.spans)
    return isinstance(shown, str) and shown == content


def _resized(widget: Static) -> bool:
    """Whether a line's new words take another size than it has (an auto width: "Step 9
    of 13" to "Step 10 of 13"; an auto height: a cue more or less)."""
    styles, visual = widget.styles, widget.visual
    width, height = styles.width, styles.height
    if (width is not None and width.is_auto
            and visual.get_optimal_width(styles, widget.container_size.width)
            != widget.size.width):
        return True
    return ((height is None or height.is_auto)
            and visual.get_height(styles, widget.size.width) != widget.size.height)


def _own_size(widget: Widget, size, virtual_size, container_size, layout: bool = True) -> bool:
    """The session's lines and boxes scroll nothing: their size is their own. A new size
    (found by the screen's layout) asks for no second layout, as Textual's widgets do
    through their virtual size (a step change laid the screen out twice). The body that
    scrolls them keeps Textual's way: a scrollbar coming or going needs that second layout.
    (`_size_updated` is Textual's private hook: see tests/unit/test_textual_public_api.py.)"""
    return Widget._size_updated(widget, size, virtual_size, container_size, layout=False)


class Line(Static):
    """One of the session's lines of words."""

    _size_updated = _own_size


class Row(Horizontal):
    _size_updated = _own_size


class Column(Vertical):
    _size_updated = _own_size


class SessionView(Screen):
    """The step on screen, kept up to date; SessionScreen adds the keys."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (64, "-wide")]  # the drawing needs room
    VERTICAL_BREAKPOINTS = [(0, "-short"), (18, "-tall")]

    def __init__(self, record: SessionRecord, levels_read=None) -> None:
        super().__init__()
        self._levels_read = levels_read
        """What Today's enter decided the levels from (services.levels.LevelInputs): the
        levels are shown from the same reads of history, not read again."""
        self.record = record
        """The session, as saved: its planned steps and what has been logged."""
        self.index = record.next_index
        """The step on screen."""
        self.last_logged: int | None = None
        """The step that 1/2/3 rate: the one just done."""
        self.amount: int = 0
        """Reps (or hold seconds) for the step on screen, adjusted by +/-."""
        self.sets_done = 0

    # -- layout --------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Row(id="session-top"):
            yield Line(id="step-title")
            yield Line(id="step-count")
        yield ProgressBar(total=len(self.record.steps), show_eta=False, show_percentage=False,
                          id="session-progress")
        with Page(id="step-body"):  # each scroll key of a burst counts
            # The drawing beside the short lines up top; the counter, steps and cues
            # below keep the full width.
            with Row(id="step-head"):
                with Column(id="step-facts"):
                    yield Line(id="step-dose")
                    yield Line(id="step-level")
                    yield Countdown(0, id="countdown")
                yield ExerciseFigure(id="step-figure")
            yield Line(id="step-counter")
            # Every safety cue, above the steps: at 80x24 the cues must be in sight without
            # scrolling (long ones wrap); the steps may scroll.
            yield Line(id="step-safety")
            yield Line(id="step-instructions")
        yield Line(id="session-status")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        from neurocoach.tui.app_calls import level_views, person_plan

        self._lines = {f"#{line.id}": line for line in self.query(Line)}
        """The screen's lines by selector: a key looks none of them up."""
        self.countdown = self.query_one(Countdown)
        """The hold's timer (hidden on a counted step)."""
        self.figure = self.query_one(ExerciseFigure)
        """The exercise's drawing."""
        self._progress = self.query_one("#session-progress", ProgressBar)

        self.levels = level_views(self.app, person_plan(self.app),
                                  {s.exercise_id for s in self.record.steps},
                                  self._levels_read)
        """Each exercise's level, and why it is there, read once when the session opens."""
        self.screening = self.app.store.profile().screening
        """The health answers: their cues and the start reminder (coach.screening)."""
        self.opened_at = self.index
        """The step the session (re)opened on: the start reminder stays among its cues (a
        status line was wiped by the first key or covered by a notice)."""
        self.show_step()

    @property
    def step(self) -> Step:
        return self.record.steps[self.index]

    @property
    def exercise(self) -> Exercise:
        return self.app.catalog.get(self.step.exercise_id)

    def show_step(self) -> None:
        if self.index >= len(self.record.steps):
            self.finish()
            return
        step, ex = self.step, self.exercise
        side = SIDE_WORDS.get(step.side or "", "")
        self._put("#step-title", Content.assemble((ex.name, "bold"), f" — {side}" if side else ""))
        self._put("#step-count", f"Step {self.index + 1} of {len(self.record.steps)}")
        self._progress.update(progress=len(self.record.entries))
        self._put("#step-instructions",
                  Content("\n".join(f"{n}. {text}" for n, text in enumerate(ex.steps, 1))))
        # Every cue of the step (issue 12), after the health answers' own (issue 13). On
        # blood-sugar medicines the first cue is the start reminder on the step the session
        # opened on, then the signs of a low on every other step: the same two lines at
        # 80 columns, so a step change leaves the cues below them where they were on
        # screen (the reminder's two lines going pushed them all up: the largest key).
        cues = screening_cues(self.screening, self.app.catalog, self.record.steps,
                              self.index) + step_cues(ex)
        reminder = session_reminder(
            self.screening, starting=self.index == getattr(self, "opened_at", None))
        if reminder:
            cues.insert(0, reminder)
        self._put("#step-safety", Content("\n".join(f"! {c}" for c in cues)))
        self.figure.show(ex, self.app.catalog)
        self._put("#step-level", self._level_text(step_dose(step, ex)))
        self.sets_done = 0
        seconds = timed_seconds(step)
        self.amount = step.seconds or step.reps or 0
        countdown = self.countdown
        countdown.display = seconds is not None
        if seconds is not None:
            countdown.reset(seconds)
        self._show_amount()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only the keys that do something on this step are offered (footer and help):
        space on a timed step, + / - where there is an amount of reps or seconds."""
        if self.index >= len(self.record.steps):
            return True
        step = self.step
        if action == "toggle_timer":
            return timed_seconds(step) is not None
        if action == "adjust":
            return bool(step.reps or step.seconds)
        return True

    def _show_amount(self) -> None:
        step, ex = self.step, self.exercise
        dose = step_dose(step, ex)
        # A running hold shows the end pose, still; otherwise the figure shows the movement.
        self.figure.set_holding(bool(step.seconds) and self.countdown.running)
        # The dose being done now: + / - change it (the level line judges the planned one).
        doing = (replace(dose, reps=self.amount) if step.reps
                 else replace(dose, seconds=self.amount) if step.seconds else dose)
        self._put("#step-dose", f"Dose: {doing.describe(False)}")
        if step.reps:
            counter = f"Reps: [b]{self.amount}[/b]  (+ / - to change)   Sets: {step.sets}"
        elif step.seconds:
            counter = (f"Set {min(self.sets_done + 1, step.sets)} of {step.sets} · "
                       f"hold {self.amount} seconds (+ / - to change) · {self._timer_words()}")
        else:
            counter = f"{self._timer_words()} · enter when you are done"
        self._put("#step-counter", counter)

    def _put(self, selector: str, content: str | Content) -> None:
        """Show `content` in one of the screen's lines, unless it shows exactly that
        already. Most keys change one line of the seven (+/- the counter, space the timer's
        words); the screen is laid out again only if that line's size changes."""
        widget = self._lines[selector]
        if _same(widget.content, content):
            return
        widget.update(content, layout=False)
        widget.clear_cached_dimensions()
        if not widget.size.width or _resized(widget):  # not laid out yet, or another size
            widget.refresh(layout=True)

    def _timer_words(self) -> str:
        """The timer's state in words: running or paused must not rely on colour."""
        countdown = self.countdown
        if countdown.running:
            return "[b]timer running[/b] — space pauses"
        if countdown.remaining <= 0:
            return "time is up"
        return "timer paused — space starts it" if countdown.elapsed else "space starts the timer"

    def _level_text(self, dose: Dose) -> str:
        """'Level 2 of 4: hold on with one hand', then why it changed (or what moves it on)."""
        view = getattr(self, "levels", {}).get(self.step.exercise_id)
        if view is None:
            return ""
        lines = [view.short]
        level_dose = view.settings.dose or view.decision.level.dose
        if not meets(dose, level_dose):
            lines[0] += " · eased today"
        if view.why:
            lines.append(view.why)
        if view.settings.note:
            lines.append(f"Your plan says: {view.settings.note}")
        one_foot = one_foot_words(self.record, self.step, self.exercise)
        if one_foot:
            lines.append(one_foot)
        return escape("\n".join(lines))

    def say(self, text: str) -> None:
        self._put("#session-status", Content(text))
