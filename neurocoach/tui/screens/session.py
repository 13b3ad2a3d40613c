"""The guided session: one step at a time, every step saved the moment it is done. What
it shows is SessionView's (session_view.py); here, the keys and what they do."""

from __future__ import annotations

from neurocoach.coach.screening import stop_reasons
from neurocoach.coach.session import previous_logged
from neurocoach.domain.models import RATINGS, Entry
from neurocoach.tui.commands.base import bindings
from neurocoach.tui.commands.session import (
    BackOneStep, Done, Leave, Less, More, Movement, RateEasy, RateHard, RateRight, Skip,
    StopForSymptom, ToggleTimer,
)
from neurocoach.tui.saving import NOT_SAVED
from neurocoach.tui.screens.session_view import SessionView
from neurocoach.tui.widgets.countdown import Countdown
from neurocoach.tui.widgets.figure import switch_movement


class SessionScreen(SessionView):
    """Steps through the session's planned steps with the keyboard."""

    BINDINGS = bindings(ToggleTimer, Done, StopForSymptom, Skip, BackOneStep, More, Less,
                        RateEasy, RateRight, RateHard, Leave, Movement)

    # -- timer ---------------------------------------------------------------
    def action_toggle_timer(self) -> None:
        countdown = self.countdown
        if not countdown.display:
            self.say("This one is counted, not timed: do the reps at your pace, then enter.")
            return
        countdown.toggle()
        self.say("")
        self._show_amount()

    def on_key(self, event) -> None:
        """space on a counted step is not offered (check_action), so it arrives here:
        say why nothing happens rather than nothing at all."""
        if event.key == "space" and self.index < len(self.record.steps):
            event.stop()
            self.action_toggle_timer()

    def on_countdown_finished(self, _: Countdown.Finished) -> None:
        self.app.bell()
        step = self.step
        self.sets_done += 1
        if step.seconds and self.sets_done < step.sets:
            self.countdown.reset(self.amount)
            self.say(f"Well held. Rest a moment, then space for set {self.sets_done + 1}.")
        else:
            self.say("Time! Press enter when you are ready for the next step.")
        self._show_amount()

    # -- logging -------------------------------------------------------------
    def _log(self, status: str) -> None:
        step = self.step
        seconds = None
        if status == "done":
            countdown = self.countdown
            if step.seconds:
                seconds = self.amount
            elif step.minutes:
                seconds = round(countdown.elapsed) or step.minutes * 60
        entry = Entry(
            step_index=self.index, exercise_id=step.exercise_id, status=status,
            side=step.side, reps=self.amount if (status == "done" and step.reps) else None,
            seconds=seconds, logged_at=self.app.clock.now().isoformat(),
        )
        if self.app.write(self.app.store.log_entry, self.record.id, entry) is NOT_SAVED:
            return
        self.record.entries[self.index] = entry
        self.countdown.pause()
        self.last_logged = self.index
        self.index += 1
        self.show_step()

    def action_done(self) -> None:
        name, index = self.exercise.name, self.index
        self._log("done")
        if self.is_current and self.index != index:
            self.say(f"Saved: {name} done. How was it? 1 easy · 2 right · 3 hard")

    def action_skip(self) -> None:
        name, index = self.exercise.name, self.index
        self._log("skipped")
        if self.is_current and self.index != index:
            self.say(f"Skipped {name}. That is fine: listen to your body.")

    def action_back(self) -> None:
        target = previous_logged(self.record, self.index)
        if target is None:
            self.say("This is the first step.")
            return
        if self.app.write(self.app.store.undo_entry, self.record.id, target) is NOT_SAVED:
            return
        del self.record.entries[target]
        self.index = target
        self.last_logged = previous_logged(self.record, target)
        self.show_step()
        self.say("Back one step: it is no longer logged.")

    def action_adjust(self, delta: int) -> None:
        step = self.step
        if step.reps:
            self.amount = max(1, min(200, self.amount + delta))
        elif step.seconds:
            self.amount = max(5, min(600, self.amount + 5 * delta))
            countdown = self.countdown
            if not countdown.running and not countdown.elapsed:
                countdown.reset(self.amount)
        self._show_amount()

    def action_rate(self, rating: int) -> None:
        if self.last_logged is None or self.last_logged not in self.record.entries:
            self.say("Rate a step after you finish it: 1 easy · 2 right · 3 hard.")
            return
        entry = self.record.entries[self.last_logged]
        if entry.status != "done":
            self.say("Skipped steps are not rated.")
            return
        if self.app.write(self.app.store.rate_entry, self.record.id, self.last_logged,
                          rating) is NOT_SAVED:
            return
        self.record.entries[self.last_logged] = Entry(**{**entry.__dict__, "rating": rating})
        name = self.app.catalog.get(entry.exercise_id).name
        self.say(f"Noted: {name} felt {RATINGS[rating]}.")

    def action_movement(self) -> None:
        switch_movement(self)

    # -- leaving -------------------------------------------------------------
    def action_leave(self) -> None:
        self.dismiss(None)

    def action_stop(self) -> None:
        from neurocoach.tui.screens.stop import StopScreen

        self.countdown.pause()
        self.app.push_screen(StopScreen(stop_reasons(self.screening)), self._stopped)

    def _stopped(self, reason: str | None) -> None:
        if reason:
            self.finish(reason)

    def finish(self, reason: str | None = None) -> None:
        from neurocoach.tui.screens.summary import SummaryScreen

        now = self.app.clock.now()
        if self.app.write(self.app.store.finish_session, self.record.id, now,
                          reason) is NOT_SAVED:
            return
        self.record.finished_at, self.record.stopped_reason = now, reason
        self.app.switch_screen(SummaryScreen(self.record, self.last_logged))
