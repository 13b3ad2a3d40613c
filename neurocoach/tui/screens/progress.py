"""Progress: how consistent the person has been, how symptoms and balance are moving, and
the work done. Thin: store aggregates and coach decisions come from services.progress, the
words from progress_text."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from neurocoach.domain.words import seconds_held
from neurocoach.tui.commands.base import bindings
from neurocoach.tui.commands.progress import (
    CycleRange, BalanceTest, SteadiTest, ChairStandTest, ProgressProfile, Report, ScrollDown,
    ScrollUp,
)
from neurocoach.tui.saving import NOT_SAVED
from neurocoach.services.progress import (
    CALENDAR_WEEKS, RANGES, load_adherence, load_balance, load_symptoms, load_work,
)
from neurocoach.tui.screens.progress_text import (
    adherence_text, balance_text, symptoms_text, work_text,
)
from neurocoach.tui.widgets.calendar import AdherenceCalendar, legend
from neurocoach.tui.widgets.footer import Footer
from neurocoach.tui.widgets.page import Page
from neurocoach.tui.widgets.symptom_chart import SymptomCharts


class ProgressScreen(Screen):
    """Adherence, symptoms, balance and work done, one scrolling page."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (150, "-wide")]
    BINDINGS = bindings(CycleRange, BalanceTest, SteadiTest, ChairStandTest, ProgressProfile, Report,
                        ScrollDown, ScrollUp)

    def __init__(self) -> None:
        super().__init__()
        self.range_days = RANGES[0]
        """Days the symptom trend lines cover; `r` cycles through RANGES."""
        self._shown_for: tuple | None = None
        """(day, store data stamp) of what is on screen: resuming with nothing new skips
        the reload (a mode switch sends two resume events)."""

    def compose(self) -> ComposeResult:
        # Everything is read before the first frame and the widgets are born with it:
        # opening Progress lays its content out once (no fill-in after mounting).
        today = self.app.clock.today()
        self._shown_for = (today, self.app.store.data_stamp())
        adherence = load_adherence(self.app.store, today)
        shown = adherence.start is not None  # nothing recorded: the sentence says it all
        calendar = AdherenceCalendar(id="adherence-calendar")
        weeks = adherence.calendar_weeks
        calendar.show(adherence.states,
                      adherence.first_monday + dt.timedelta(weeks=CALENDAR_WEEKS - weeks),
                      weeks, today)
        calendar.display = shown
        symptoms = load_symptoms(self.app.store, today, self.range_days)
        charts = SymptomCharts(id="symptom-charts")
        charts.symptoms = symptoms
        yield Header()
        with Page(id="progress"):
            with Vertical(id="progress-adherence", classes="progress-section"):
                yield Static("[b]Adherence[/b]", classes="progress-title")
                yield Static(adherence_text(adherence), id="adherence-summary")
                yield calendar
                legend_line = Static(legend(), id="adherence-legend")
                legend_line.display = shown
                yield legend_line
            with Vertical(id="progress-symptoms", classes="progress-section"):
                yield Static("[b]Symptoms[/b]", classes="progress-title")
                yield Static(symptoms_text(symptoms, today), id="symptoms")
                yield charts
            with Vertical(id="progress-helps", classes="progress-section"):
                yield Static("[b]What helps, honestly[/b]", classes="progress-title")
                yield Static(self._helps_text(today), id="helps")
            with Vertical(id="progress-balance", classes="progress-section"):
                yield Static("[b]Balance self-test[/b]", classes="progress-title")
                yield Static(self._balance_text(today), id="balance")
                yield Static(self._fall_tests_text(today), id="fall-tests",
                             classes="fall-tests")
            with Vertical(id="progress-work", classes="progress-section"):
                yield Static("[b]Work done[/b]", classes="progress-title")
                yield Static(self._work_text(today), id="work")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#progress").focus()

    def on_screen_resume(self) -> None:
        self.refresh_view()

    # -- filling in ----------------------------------------------------------
    def refresh_view(self, force: bool = False) -> None:
        today = self.app.clock.today()
        stamp = (today, self.app.store.data_stamp())
        if stamp == self._shown_for and not force:
            return
        self._shown_for = stamp
        adherence = load_adherence(self.app.store, today)
        self.query_one("#adherence-summary", Static).update(adherence_text(adherence))
        calendar = self.query_one(AdherenceCalendar)
        weeks = adherence.calendar_weeks
        calendar.show(adherence.states,
                      adherence.first_monday + dt.timedelta(weeks=CALENDAR_WEEKS - weeks),
                      weeks, today)
        # Nothing recorded yet: an empty calendar says nothing the sentence above does not.
        calendar.display = adherence.start is not None
        self.query_one("#adherence-legend").display = adherence.start is not None
        self.refresh_symptoms()
        self.refresh_helps(today)
        self.refresh_balance()
        self.query_one("#work", Static).update(self._work_text(today))

    def _work_text(self, today):
        return work_text(load_work(self.app.store, self.app.catalog, today), today)

    def _balance_text(self, today):
        return balance_text(load_balance(self.app.store, today), today)

    def refresh_symptoms(self) -> None:
        today = self.app.clock.today()
        symptoms = load_symptoms(self.app.store, today, self.range_days)
        self.query_one("#symptoms", Static).update(symptoms_text(symptoms, today))
        self.query_one(SymptomCharts).show(symptoms)

    def _helps_text(self, today):
        from neurocoach.services.progress import load_helps
        from neurocoach.tui.screens.progress_helps import helps_text

        return helps_text(load_helps(self.app.store, today), self.app.catalog)

    def refresh_helps(self, today) -> None:
        self.query_one("#helps", Static).update(self._helps_text(today))

    def _fall_tests_text(self, today) -> Content:
        from neurocoach.coach.self_tests import summary_lines

        lines = summary_lines(self.app.store.self_tests(),
                              self.app.store.profile().age(today))
        return Content("\n".join(lines) + "\nf: the 4-stage test · c: the chair stand (with "
                       "someone beside you)")

    def refresh_balance(self) -> None:
        today = self.app.clock.today()
        self.query_one("#balance", Static).update(self._balance_text(today))
        self.query_one("#fall-tests", Static).update(self._fall_tests_text(today))

    def action_fall_test(self, kind: str) -> None:
        from neurocoach.tui.screens.progress_fall_tests import FallTestScreen

        self.app.push_screen(FallTestScreen(kind), self._fall_test_done)

    def _fall_test_done(self, result: tuple[str, int] | None) -> None:
        if result is None:
            return
        clock = self.app.clock
        if self.app.write(self.app.store.record_self_test, clock.today(), *result,
                          clock.now()) is NOT_SAVED:
            return
        self.notify("Self-test saved.")
        self.refresh_balance()

    # -- actions -------------------------------------------------------------
    def action_scroll(self, direction: str) -> None:
        self.query_one("#progress", Page).line(1 if direction == "down" else -1)

    def action_cycle_range(self) -> None:
        self.range_days = RANGES[(RANGES.index(self.range_days) + 1) % len(RANGES)]
        self.refresh_symptoms()  # the table's heading names the range: no toast needed

    def action_report(self) -> None:
        from neurocoach.tui.screens.progress_report import ReportScreen

        self.app.push_screen(ReportScreen())

    def action_balance_test(self) -> None:
        from neurocoach.tui.screens.progress_balance import BalanceTestScreen

        self.app.push_screen(BalanceTestScreen(), self._balance_done)

    def _balance_done(self, best: dict[str, float] | None) -> None:
        if not best:
            return
        clock = self.app.clock
        if self.app.write(self.app.store.record_balance_test, clock.today(), best,
                          clock.now()) is NOT_SAVED:
            return
        saved = " · ".join(f"{side} {seconds_held(s)}" for side, s in best.items())
        self.notify(f"Balance test saved: {saved}.")
        self.refresh_balance()

    def action_profile(self) -> None:
        from neurocoach.tui.screens.profile import ProfileScreen

        self.app.push_screen(ProfileScreen(), lambda _: self.refresh_view(force=True))
