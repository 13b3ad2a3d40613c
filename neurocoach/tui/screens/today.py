"""Today: the day's routine, its state, the check-in, and the way into a session."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from neurocoach.coach.session import (
    STATE_MARKS, exercise_states, one_foot, resumable, step_dose,
)
from neurocoach.domain.words import about_minutes, ago, join_words
from neurocoach.services.today import (
    TodayView, is_stale, start_or_resume, yesterdays_problem,
)
from neurocoach.tui.app_calls import load_today
from neurocoach.tui.commands.base import bindings
from neurocoach.tui.commands.today import (
    Start, Resume, OpenCheckin, EditProfile, OpenPlan, TodayDown, TodayUp,
)
from neurocoach.tui.saving import NOT_SAVED
from neurocoach.tui.widgets.footer import Footer


class TodayScreen(Screen):
    """What to do today, and `enter` to do it."""

    ACTS_ON_SELECT = True
    """enter on the list does something here (help names it)."""

    CONFIRM_SECONDS = 20
    """After a symptom stop, a second enter starts a session only this soon after the first
    (the time the notice asking for it stays up), and only without leaving Today between."""

    _confirm_until: float | None = None

    VERTICAL_BREAKPOINTS = [(0, "-short"), (16, "-tall")]
    BINDINGS = bindings(Start, Resume, OpenCheckin, EditProfile, OpenPlan, TodayDown, TodayUp)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="today"):
            yield Static(id="today-date")
            yield Static(id="today-checkin")
            # What enter does comes before the notes and the list, which may be long: it
            # is always in sight. The notes scroll in a box of their own (tab reaches it)
            # so that the routine keeps rows on a short screen.
            yield Static(id="today-meta")
            with VerticalScroll(id="today-notes-box"):
                yield Static(id="today-notes")
            yield OptionList(id="today-routine")
        yield Footer(show_command_palette=False)

    def on_screen_suspend(self) -> None:
        self._confirm_until = None  # a later enter asks again

    def on_screen_resume(self) -> None:
        # Also the first show: Textual posts ScreenResume when the mode starts, and it is
        # handled right after Mount. Filling in on Mount as well did it all twice at launch.
        self.refresh_view()
        if not getattr(self, "_followed_up", False):  # issue 13: once at each opening
            self._followed_up = True
            self._follow_up()

    def _follow_up(self, then=None) -> bool:
        """Ask whether an earlier stop for a serious symptom was checked; `then` runs once
        it was. False when there is nothing to ask."""
        from neurocoach.coach.screening import FOLLOW_UP_REASONS
        from neurocoach.tui.screens.follow_up import FollowUpScreen

        pending = self.app.store.stop_to_follow_up(FOLLOW_UP_REASONS)
        if pending is None or pending[1] >= self.app.clock.today():
            return False  # a stop today is handled by start's own warning
        self.app.push_screen(FollowUpScreen(*pending),
                             lambda answer: then() if then and answer == "checked" else None)
        return True

    def _level_reads(self):
        """The level inputs of the view on screen while its day and data stamp hold
        (nothing written since, by this window or another): Today shown again and enter
        decide from the same reads of history (services.levels.decide_levels)."""
        shown = getattr(self, "view", None)
        same = (shown is not None and getattr(self, "_read_at", None)
                == (self.app.clock.today(), self.app.store.data_stamp()))
        return shown.level_inputs if same else None

    def refresh_view(self) -> None:
        self.view = view = load_today(self.app, self._level_reads())
        self._read_at = (view.day, self.app.store.data_stamp())  # with today's levels kept
        today = view.day
        self.query_one("#today-date", Static).update(
            f"[b]{today:%A} {today.day} {today:%B}[/b] — today"
            + ("  ·  a rest day" if view.routine.rest_day else "")
        )
        self.query_one("#today-checkin", Static).update(self._checkin_line(view))
        notes = [n.text for n in view.routine.notes] + view.level_news
        if not self.app.store.screening_asked():  # issue 13: an upgraded DB
            notes.append("New: six health questions in your profile (e) change what the "
                         "coach does. Until you answer them it stays on the careful side.")
        if view.routine.rest_day and not view.session_today:
            notes.insert(0, "Rest is part of the plan. If you feel like moving, enter starts "
                            "the routine anyway.")
        notes_widget = self.query_one("#today-notes", Static)
        notes_widget.update(Content("\n".join(f"• {n}" for n in notes)))
        self.query_one("#today-notes-box").display = bool(notes)
        self._fill_routine(view)
        self.query_one("#today-meta", Static).update(self._meta_line(view))
        self.refresh_bindings()  # the footer says Start or Resume, as the line above

    def _resumes(self) -> bool:
        """enter goes on with a session started today (the footer then says Resume)."""
        view = getattr(self, "view", None)
        if view is None or (view.session_today and view.session_today.stopped_reason):
            return False
        return resumable(view.open_session, view.now)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "start":
            return not self._resumes()
        if action == "resume":
            return self._resumes()
        return True

    def _yesterdays_problem(self, view: TodayView) -> str:
        """Yesterday's skin problem or hot foot, in words, while today has no check-in."""
        from neurocoach.coach.foot_check import describe

        yesterday = yesterdays_problem(self.app.store, view)
        return describe(yesterday, short=True) if yesterday else ""

    def _checkin_line(self, view: TodayView) -> str:
        c = view.checkin
        problem = self._yesterdays_problem(view)
        if problem:
            return (f"Check-in: not done yet — yesterday you noted {problem}: press c to say "
                    "how it is before you start.")
        if c is None:
            return "Check-in: not done yet — press c (it takes a few keys)."
        from neurocoach.coach.foot_check import describe

        return f"Check-in: done — pain {c.pain}/10, feet: {describe(c, short=True)}."

    def _step_words(self, record, step) -> str:
        """A started session's step as the routine says it: 'each side', or the one foot
        its steps are for when a foot problem kept the other out (as the session says)."""
        ex = self.app.catalog.get(step.exercise_id)
        foot = one_foot(record, ex)
        words = step_dose(step, ex).describe(ex.per_side and foot is None)
        return words + (f", {foot} foot only" if foot else "")

    def _fill_routine(self, view: TodayView) -> None:
        """Today's session as it was started (if any), else the routine still to do."""
        catalog = self.app.catalog
        rows = []  # (exercise id, dose words, swapped from, state)
        if view.session_today is not None and not self._stale(view):
            record = view.session_today
            for ex_id, state in exercise_states(record):
                step = next(s for s in record.steps if s.exercise_id == ex_id)
                rows.append((ex_id, self._step_words(record, step),
                             step.swapped_from, state))
        else:
            done = dict(exercise_states(view.session_today)) if view.session_today else {}
            planned = {item.exercise_id for item in view.routine.items}
            for ex_id, state in done.items():  # done already, though today's rules drop it
                if state != "to do" and ex_id not in planned and ex_id in catalog:
                    step = next(s for s in view.session_today.steps if s.exercise_id == ex_id)
                    rows.append((ex_id, self._step_words(view.session_today, step),
                                 step.swapped_from, state))
            for item in view.routine.items:
                ex = catalog.get(item.exercise_id)
                state = "done" if done.get(item.exercise_id) == "done" else "to do"
                dose = item.dose.describe(ex.per_side and not item.sides)
                if item.sides and ex.per_side:  # the other foot is kept out today
                    dose += f", {join_words(item.sides)} foot only"
                rows.append((item.exercise_id, dose,
                             (item.swapped_from, *item.also_for) if item.swapped_from else (),
                             state))
        options = []
        for ex_id, dose, swapped_from, state in rows:
            label = f"{STATE_MARKS[state]} {catalog.get(ex_id).name} — {dose}"
            if isinstance(swapped_from, str):
                swapped_from = (swapped_from,)
            if swapped_from:  # every exercise it stands in for, as the note says
                label += f"  (instead of {join_words(catalog.get(i).name for i in swapped_from)})"
            # Content, not markup: "[x]" must show as typed.
            options.append(Option(Content(f"{label}  · {state}"), id=ex_id))
        routine = self.query_one("#today-routine", OptionList)
        highlighted = routine.highlighted
        routine.clear_options()
        routine.add_options(options)
        if options:
            routine.highlighted = min(highlighted or 0, len(options) - 1)

    def _meta_line(self, view: TodayView) -> str:
        parts = [about_minutes(view.minutes).capitalize()]
        if view.routine.gentle:
            parts.append("a gentler routine today")
        if view.last_session_day:
            parts.append(f"last session {ago(view.last_session_day, view.day)}")
        else:
            parts.append("no sessions yet")
        stopped = view.session_today.stopped_reason if view.session_today else None
        if stopped:
            parts.insert(0, "[b]stopped today for a symptom: rest[/b]")
        elif self._stale(view):
            parts.insert(0, "[b]enter goes on with seated work instead[/b]")
        elif resumable(view.open_session, view.now):
            rec = view.open_session
            if view.minutes_left is not None:  # what is left of it, not its whole length
                parts[0] = f"{about_minutes(view.minutes_left).capitalize()} left"
            parts.insert(0, f"[b]enter resumes at step {rec.next_index + 1} of "
                            f"{len(rec.steps)}[/b]")
        elif view.session_today is not None and view.session_today.finished:
            parts.append("today's session is done — enter to go again")
        else:
            parts.insert(0, "enter to start")
        return " · ".join(parts)

    def _stale(self, view: TodayView) -> bool:
        return is_stale(view, self.app.catalog)

    # -- actions -------------------------------------------------------------
    def action_cursor(self, direction: str) -> None:
        routine = self.query_one("#today-routine", OptionList)
        routine.action_cursor_down() if direction == "down" else routine.action_cursor_up()

    def on_option_list_option_selected(self, _: OptionList.OptionSelected) -> None:
        self.action_start()

    def action_resume(self) -> None:
        self.action_start()

    def action_start(self) -> None:
        self.app.hold_garbage()  # no collection until the session has painted (garbage.py)
        from neurocoach.tui.screens.session import SessionScreen

        if self._follow_up(then=self.action_start):
            return
        view = load_today(self.app, self._level_reads())
        if self._yesterdays_problem(view) and view.session_today is None:
            # Yesterday's blister or hot foot decides today's routine: asked first.
            self.notify("Yesterday's foot problem decides what is safe today: the check-in "
                        "first, then enter starts.", severity="warning")
            self.action_checkin()
            return
        stopped = view.session_today.stopped_reason if view.session_today else None
        now = self.app.clock.monotonic()
        confirmed = self._confirm_until is not None and now <= self._confirm_until
        self._confirm_until = None
        if stopped and not confirmed:
            from neurocoach.coach.screening import stop_label

            self._confirm_until = now + self.CONFIRM_SECONDS
            label = stop_label(stopped).lower()
            self.notify(f"You stopped today's session because of {label}. Please rest today, and "
                        "talk to your clinician before you train again. If you are sure you are "
                        "well, press enter once more.", severity="warning",
                        timeout=self.CONFIRM_SECONDS)
            return
        started = self.app.write(start_or_resume, self.app.store, self.app.catalog, view)
        if started is NOT_SAVED:
            return
        if started.record is None:
            self.notify("There is nothing in today's routine.", severity="warning")
            return
        if started.how == "seated":
            self.notify("Today's answers rule out standing work: the rest of your session is "
                        "seated now. What you did is kept.")
        self.app.push_screen(SessionScreen(started.record, view.level_inputs))

    def action_checkin(self) -> None:
        from neurocoach.tui.screens.checkin import CheckinScreen

        self.app.push_screen(CheckinScreen())

    def action_plan(self) -> None:
        from neurocoach.tui.screens.plan import PlanScreen

        self.app.push_screen(PlanScreen())

    def action_profile(self) -> None:
        from neurocoach.tui.screens.profile import ProfileScreen

        self.app.push_screen(ProfileScreen())
