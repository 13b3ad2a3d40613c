"""The session's last screen: what was done, how long it took, how it felt."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from neurocoach.domain.models import RATINGS, Entry, SessionRecord
from neurocoach.domain.words import count, duration
from neurocoach.services.session import session_figures
from neurocoach.tui.commands.base import bindings
from neurocoach.tui.commands.session import (
    SummaryClose, SummaryEasy, SummaryRight, SummaryHard,
)
from neurocoach.tui.saving import NOT_SAVED
from neurocoach.tui.widgets.footer import Footer


class SummaryScreen(Screen):
    """Shown when a session ends (all steps logged, or stopped for a symptom)."""

    LEAVES_FOR_MODES = True
    """t / l / p close it and go to that screen (nothing here is lost by leaving)."""

    BINDINGS = bindings(SummaryClose, SummaryEasy, SummaryRight, SummaryHard)
    VERTICAL_BREAKPOINTS = [(0, "-short"), (18, "-tall")]

    def __init__(self, record: SessionRecord, last_logged: int | None) -> None:
        super().__init__()
        self.record = record
        self.last_logged = last_logged

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="summary"):
            # After a symptom stop, what to do now comes before the figures: on a small
            # screen the figures are what scrolls out of sight, never the advice.
            yield Static(id="summary-title")
            yield Static(id="summary-advice")
            yield Static(id="summary-body")
        yield Footer()

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        rec = self.record
        figures = session_figures(rec, self.app.catalog, self.app.clock.now())
        s = figures.counts
        if rec.stopped_reason:
            title = "Session stopped — and that was the right call."
        elif s.done == s.total:
            title = "Session complete. Well done!"
        else:
            title = "Session finished."
        lines = [
            f"Done: {s.done} of {count(s.total, 'step')}",
            f"Skipped: {s.skipped}",
            f"Time exercising: {duration(figures.seconds)}",
        ]
        if s.not_reached:
            lines.append(f"Not reached: {s.not_reached}")
        if s.ratings:
            lines.append("Felt: " + ", ".join(f"{n} {name}" for name, n in s.ratings.items()))
        last = self._last_done()
        if last is not None:
            name = self.app.catalog.get(last.exercise_id).name
            felt = (f"felt {RATINGS[last.rating]}; 1, 2 or 3 changes it" if last.rating
                    else "how was it? 1 easy · 2 right · 3 hard")
            lines.append(f"The last step, {name}: {felt}.")
        lines.append("")
        lines.append("Everything is saved. enter or escape goes back to Today.")
        self.query_one("#summary-title", Static).update(f"[b]{title}[/b]")
        # Content, not markup: the last step's name is a person's text ("Wobble [b").
        self.query_one("#summary-body", Static).update(Content("\n".join(lines)))
        advice = self.query_one("#summary-advice", Static)
        if rec.stopped_reason:
            from neurocoach.coach import screening
            from neurocoach.coach.safety import stop_advice

            advice.update(screening.stop_advice(rec.stopped_reason)
                          or stop_advice(rec.stopped_reason))
        advice.display = bool(rec.stopped_reason)

    def _last_done(self) -> Entry | None:
        """The step just done before the summary, which the session had no time to rate."""
        entry = self.record.entries.get(self.last_logged) if self.last_logged is not None else None
        return entry if entry is not None and entry.status == "done" else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "rate":
            return self._last_done() is not None
        return True

    def action_rate(self, rating: int) -> None:
        entry = self._last_done()
        if entry is None:
            return
        if self.app.write(self.app.store.rate_entry, self.record.id, entry.step_index,
                          rating) is NOT_SAVED:
            return
        self.record.entries[entry.step_index] = Entry(**{**entry.__dict__, "rating": rating})
        self.notify(f"Noted: the last step felt {RATINGS[rating]}.")
        self.show()

    def action_close(self) -> None:
        self.dismiss(None)
