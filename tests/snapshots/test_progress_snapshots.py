"""The look of Progress and the balance self-test, pinned at 80×24 on a fixed history and the
fake clock. Approve only after looking at the report."""

from __future__ import annotations

import datetime as dt

import pytest

from neurocoach.domain.models import Checkin, Entry, Profile, Step
from neurocoach.tui.widgets.stopwatch import Stopwatch

MON = dt.date(2026, 11, 23)
PROFILE = Profile(birth_year=1961, days_per_week=5, rest_days=(2, 6))
STEPS = [Step("calf-stretch", side="left", seconds=30, sets=2),
         Step("calf-stretch", side="right", seconds=30, sets=2),
         Step("towel-curls", reps=10, sets=2),
         Step("single-leg-stand", side="left", seconds=20, sets=2),
         Step("walking", minutes=10)]


@pytest.fixture(autouse=True)
def manual_stopwatch(monkeypatch):
    monkeypatch.setattr(Stopwatch, "auto_tick", False)


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 9, tzinfo=dt.timezone.utc)


def _history(store) -> None:
    """About four months: most training days done, some partial, a few missed; check-ins
    with pain easing from 6 to 3; a balance test every fortnight."""
    for back in range(120, 0, -1):
        day = MON - dt.timedelta(days=back)
        store.record_checkin(Checkin(day=day, pain=6 - (120 - back) // 30 + back % 2,
                                     numbness=4 + back % 3 // 2,
                                     tingling=3 if back % 4 else None,
                                     burning=2 if back % 5 else 3, feet="ok"), _at(day))
        if day.weekday() in PROFILE.rest_days or back % 11 == 0:
            continue
        done = 2 if back % 9 == 0 else len(STEPS)
        record = store.start_session(day, STEPS, _at(day))
        for i, step in enumerate(STEPS):
            status = "done" if i < done else "skipped"
            store.log_entry(record.id, Entry(
                i, step.exercise_id, status, side=step.side,
                reps=step.reps if status == "done" and step.reps else None,
                seconds=(step.seconds or (step.minutes or 0) * 60 or None)
                if status == "done" else None))
        store.finish_session(record.id, _at(day))
        if back % 14 == 2:
            store.record_balance_test(day, {"left": 12 + (120 - back) / 10,
                                            "right": 15 + (120 - back) / 12}, _at(day))


def _quiet(app):
    app.animation_level = "none"
    app.cursor_blink = False
    return app


def test_progress_80x24(snap_compare, make_app, store):
    _history(store)
    assert snap_compare(_quiet(make_app(profile=PROFILE)), press=["p"], terminal_size=(80, 24))


def test_progress_symptoms_year_80x24(snap_compare, make_app, store):
    _history(store)
    keys = ["p", "r", "r", "pagedown"]
    assert snap_compare(_quiet(make_app(profile=PROFILE)), press=keys, terminal_size=(80, 24))


def test_progress_symptom_charts_80x24(snap_compare, make_app, store):
    _history(store)

    async def to_the_charts(pilot):
        await pilot.press("p")
        await pilot.pause()  # laid out first: where it scrolls to depends on the heights
        pilot.app.screen.query_one("#symptom-charts").scroll_visible(top=True, animate=False)
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()

    assert snap_compare(_quiet(make_app(profile=PROFILE)), run_before=to_the_charts,
                        terminal_size=(80, 24))


def test_progress_what_helps_80x24(snap_compare, make_app, store):
    _history(store)

    async def to_what_helps(pilot):
        await pilot.press("p")
        await pilot.pause()  # laid out first: where it scrolls to depends on the heights
        pilot.app.screen.query_one("#progress-helps").scroll_visible(top=True, animate=False)
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()

    assert snap_compare(_quiet(make_app(profile=PROFILE)), run_before=to_what_helps,
                        terminal_size=(80, 24))


def test_progress_balance_and_work_80x24(snap_compare, make_app, store):
    _history(store)
    assert snap_compare(_quiet(make_app(profile=PROFILE)), press=["p", "end"],
                        terminal_size=(80, 24))


def test_progress_empty_80x24(snap_compare, make_app):
    assert snap_compare(_quiet(make_app(profile=Profile())), press=["p"], terminal_size=(80, 24))


def test_balance_test_dialog_80x24(snap_compare, make_app, store, clock):
    _history(store)

    async def two_tries_and_one_running(pilot):
        await pilot.press("p", "b")
        for seconds in (14.2, 21.5):
            await pilot.press("space")
            clock.advance(seconds)
            await pilot.press("space")
        await pilot.press("space")
        clock.advance(7.4)
        pilot.app.screen.query_one(Stopwatch).tick()
        await pilot.pause()

    assert snap_compare(_quiet(make_app(profile=PROFILE)), run_before=two_tries_and_one_running,
                        terminal_size=(80, 24))
