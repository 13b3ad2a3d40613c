"""Pilot tests: a whole session by keys at 80×24, asserting on what the store holds."""

from __future__ import annotations

import datetime as dt

import pytest

from neurocoach.store import Store
from neurocoach.tui.screens.session import SessionScreen
from neurocoach.tui.screens.summary import SummaryScreen
from neurocoach.tui.widgets.countdown import Countdown


@pytest.fixture(autouse=True)
def manual_timer(monkeypatch):
    """Timers only move when the test moves the fake clock and ticks."""
    monkeypatch.setattr(Countdown, "auto_tick", False)


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def entries(store: Store, session_id: int) -> dict[int, dict]:
    return {e.step_index: e for e in store.session(session_id).entries.values()}


async def start(pilot):
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SessionScreen)
    return pilot.app.screen.record


async def test_whole_session_done_skip_back_and_ratings(make_app, store, clock):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        record = await start(pilot)
        n = len(record.steps)
        assert n >= 6
        assert f"Step 1 of {n}" in text(app, "#step-count")
        clock.advance(minutes=4)
        await pilot.press("enter", "1")           # step 0 done, rated easy
        clock.advance(minutes=8)                  # 12 minutes on the clock, pauses and all
        await pilot.press("s")                    # step 1 skipped
        assert "Step 3 of" in text(app, "#step-count")
        await pilot.press("b")                    # back: step 1 no longer logged
        assert "Step 2 of" in text(app, "#step-count")
        assert 1 not in entries(store, record.id)
        await pilot.press("enter", "3")           # step 1 done, rated hard
        for _ in range(2, n - 1):
            await pilot.press("enter")
        await pilot.press("s")                    # last step skipped
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        summary = text(app, "#summary-body")
        assert f"Done: {n - 1} of {n} steps" in summary
        assert "Skipped: 1" in summary
        assert "1 easy" in summary and "1 hard" in summary
        # Time exercising, as Progress and the report count it (not the wall clock).
        from neurocoach.coach.stats import entries_seconds
        from neurocoach.domain.words import duration

        spent = entries_seconds(store.session(record.id).entries.values(), app.catalog)
        assert 60 < spent < 12 * 60
        assert f"Time exercising: {duration(spent)}" in summary

    saved = store.session(record.id)
    assert saved.finished_at is not None
    assert [saved.entries[i].status for i in range(n)] == ["done"] * (n - 1) + ["skipped"]
    assert saved.entries[0].rating == 1
    assert saved.entries[1].rating == 3
    assert saved.entries[2].rating is None


async def test_per_side_steps_show_the_foot_and_log_each_side(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        record = await start(pilot)
        first = record.steps[0]
        assert first.side == "left" and record.steps[1].side == "right"
        assert record.steps[1].exercise_id == first.exercise_id
        assert "left foot" in text(app, "#step-title")
        await pilot.press("enter")
        assert "right foot" in text(app, "#step-title")
        await pilot.press("enter")
    logged = entries(store, record.id)
    assert [logged[0].side, logged[1].side] == ["left", "right"]
    assert all(logged[i].status == "done" for i in (0, 1))


async def test_hold_countdown_runs_on_the_clock_and_rings(make_app, store, clock):
    from neurocoach.coach.plan import Plan

    app = make_app()
    store.save_plan(Plan(("toe-stretch", "towel-curls")), clock.now())  # a hold comes first
    bells = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.bell = lambda: bells.append(1)
        record = await start(pilot)
        step = record.steps[0]
        assert step.seconds, "the first exercise of this routine is a hold"
        countdown = app.screen.query_one(Countdown)
        await pilot.press("space")
        clock.advance(seconds=10)
        countdown.tick()
        await pilot.pause()
        assert countdown.value == f"{(step.seconds - 10) // 60}:{(step.seconds - 10) % 60:02}"
        await pilot.press("space")                # pause: time stands still
        clock.advance(seconds=100)
        countdown.tick()
        assert countdown.remaining == step.seconds - 10
        await pilot.press("space")
        clock.advance(seconds=step.seconds)
        countdown.tick()
        await pilot.pause()
        # the hold's time is up: over (one set) or ready again for the next set
        assert countdown.value in ("0:00", f"{step.seconds // 60}:{step.seconds % 60:02}")
        assert bells == [1]
        assert "Time!" in text(app, "#session-status") or "space for set" in text(app, "#session-status")
        await pilot.press("enter")
    assert entries(store, record.id)[0].seconds == step.seconds


async def test_plus_minus_change_what_is_logged(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        record = await start(pilot)
        reps_index = next(i for i, s in enumerate(record.steps) if s.reps)
        for _ in range(reps_index):
            await pilot.press("enter")
        target = record.steps[reps_index].reps
        keys = {b.binding.description for b in app.screen.active_bindings.values()
                if b.binding.show}
        assert "Timer" not in keys                       # not offered where it does nothing
        await pilot.press("space")                       # pressed anyway: said why
        assert "counted, not timed" in text(app, "#session-status")
        await pilot.press("plus", "plus", "minus", "plus")
        assert f"Reps: {target + 2}" in text(app, "#step-counter")
        await pilot.press("enter")
    assert entries(store, record.id)[reps_index].reps == target + 2


async def test_the_dose_line_follows_plus_and_minus(make_app, store, clock):
    """The step's "Dose:" line says what is being done now: + / - change it with the
    counter (it kept the planned dose while the counter said another), for reps and holds."""
    from neurocoach.coach.plan import Plan

    store.save_plan(Plan(("toe-stretch", "towel-curls")), clock.now())  # a hold, then reps
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        record = await start(pilot)
        hold, reps = record.steps[0], next(s for s in record.steps if s.reps)
        assert f"hold {hold.seconds} seconds" in text(app, "#step-dose")
        await pilot.press("plus", "plus")
        assert f"hold {hold.seconds + 10} seconds" in text(app, "#step-dose")
        assert f"hold {hold.seconds + 10} seconds" in text(app, "#step-counter")
        await pilot.press("minus")
        assert f"hold {hold.seconds + 5} seconds" in text(app, "#step-dose")
        while app.screen.step is not reps:
            await pilot.press("s")
        said = "{} sets of {}" if reps.sets > 1 else "{1} times"
        assert said.format(reps.sets, reps.reps) in text(app, "#step-dose")
        await pilot.press("plus", "plus", "plus")
        assert said.format(reps.sets, reps.reps + 3) in text(app, "#step-dose")
        assert f"Reps: {reps.reps + 3}" in text(app, "#step-counter")


async def test_leave_then_reopen_resumes_at_the_same_step(make_app, store, clock, db_path):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        record = await start(pilot)
        await pilot.press("enter", "enter", "s", "s")
        await pilot.press("escape")
        assert "enter resumes at step 5" in text(app, "#today-meta")
        routine = app.screen.query_one("#today-routine")
        lines = [str(routine.get_option_at_index(i).prompt) for i in range(routine.option_count)]
        assert lines[0].startswith("[x] ") and lines[0].endswith("· done")
        assert lines[1].startswith("[-] ") and lines[1].endswith("· skipped")
        assert lines[2].startswith("[ ] ") and lines[2].endswith("· to do")

    # A new process on the same file (as after a crash): offered the same place.
    from neurocoach.tui.app import NeurocoachApp

    clock.advance(minutes=30)
    again = NeurocoachApp(store=Store.open(db_path), clock=clock)
    async with again.run_test(size=(80, 24)) as pilot:
        assert "enter resumes at step 5" in text(again, "#today-meta")
        resumed = await start(pilot)
        assert resumed.id == record.id
        assert f"Step 5 of {len(record.steps)}" in text(again, "#step-count")


async def test_session_crossing_midnight_stays_on_its_day(make_app, store, clock):
    clock.set(dt.datetime(2026, 11, 23, 23, 55, tzinfo=dt.timezone.utc))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        record = await start(pilot)
        clock.advance(minutes=10)
        await pilot.press("enter")
    saved = store.session(record.id)
    assert saved.day == dt.date(2026, 11, 23)
    assert saved.entries[0].logged_at.startswith("2026-11-24T00:05")
    assert store.last_session_day() == dt.date(2026, 11, 23)


async def test_rest_day_says_so_and_still_trains(make_app, store, clock):
    clock.set(dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.timezone.utc))  # a Wednesday
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert "rest day" in text(app, "#today-date")
        assert "Rest is part of the plan" in text(app, "#today-notes")
        record = await start(pilot)
        assert record.day == dt.date(2026, 11, 25)


async def test_only_keys_that_act_on_the_step_are_offered(make_app):
    # space on a counted step and + / - on a minutes step did nothing, yet footer and help
    # offered them.
    from neurocoach.tui.screens.help import HelpScreen

    def offered(app) -> set[str]:
        return {b.binding.action for b in app.screen.active_bindings.values()}

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        record = await start(pilot)
        seen = set()
        assert any(step.minutes for step in record.steps)
        for step in record.steps:
            actions = offered(app)
            timed = bool(step.seconds or step.minutes)
            assert ("toggle_timer" in actions) == timed, step
            assert ("adjust(1)" in actions) == bool(step.reps or step.seconds), step
            if step.minutes and "minutes" not in seen:
                seen.add("minutes")
                await pilot.press("question_mark")
                help_text = " ".join(str(w.render()) for w in app.screen.query("Static"))
                assert isinstance(app.screen, HelpScreen)
                assert "More" not in help_text and "Less" not in help_text
                await pilot.press("escape")
            await pilot.press("enter")


async def test_the_last_step_is_rated_at_the_end(make_app, store):
    # The last step's "How was it?" never showed: enter on it went straight to the summary,
    # whose 1/2/3 were hidden keys it never mentioned.
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        record = await start(pilot)
        for _ in record.steps:
            await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        last = app.catalog.get(record.steps[-1].exercise_id).name
        assert f"The last step, {last}: how was it? 1 easy · 2 right · 3 hard" in text(
            app, "#summary-body")
        shown = {b.binding.description for b in app.screen.active_bindings.values()
                 if b.binding.show}
        assert {"Easy", "Right", "Hard"} <= shown
        await pilot.press("2")
        assert f"{last}: felt right" in text(app, "#summary-body")
    assert store.session(record.id).entries[len(record.steps) - 1].rating == 2
