"""The DB stops taking writes mid-session: the person is told, nothing saved is lost."""

from __future__ import annotations

import pytest

from neurocoach.domain.models import Entry, Step
from neurocoach.store import StoreError
from neurocoach.tui.screens.session import SessionScreen
from neurocoach.tui.widgets.countdown import Countdown
from tests.tui.helpers import towel_curls_felt_right_three_times


@pytest.fixture(autouse=True)
def manual_timer(monkeypatch):
    monkeypatch.setattr(Countdown, "auto_tick", False)


async def test_unwritable_mid_session_tells_and_keeps_the_place(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", "enter")
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        record_id = screen.record.id
        store.conn.execute("PRAGMA query_only = ON")      # the file stops taking writes
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert "Step 3 of" in str(screen.query_one("#step-count").render())
        messages = [n.message for n in app._notifications]
        assert any("Not saved" in m and "safe" in m for m in messages), messages
        store.conn.execute("PRAGMA query_only = OFF")     # space again: carry on
        await pilot.press("enter")
        assert "Step 4 of" in str(screen.query_one("#step-count").render())
    saved = store.session(record_id)
    assert sorted(saved.entries) == [0, 1, 2]


def test_disk_full_is_a_store_error_and_keeps_earlier_rows(store, clock):
    record = store.start_session(clock.today(), [Step("walking")] * 400, clock.now())
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreError, match="full"):
        for i in range(400):
            store.log_entry(record.id, Entry(i, "walking", "done", logged_at="x" * 200))
    kept = len(store.session(record.id).entries)
    assert kept > 0
    store.conn.execute("PRAGMA max_page_count = 1073741823")
    assert len(store.session(record.id).entries) == kept


async def test_unwritable_when_saving_an_exercise_keeps_the_form_and_its_answers(make_app, store):
    from textual.widgets import Input, TextArea

    from neurocoach.tui.screens.custom_exercise import CustomExerciseScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "n")
        form = app.screen
        assert isinstance(form, CustomExerciseScreen)
        form.query_one("#f-name", Input).value = "Toe taps"
        form.query_one("#f-purpose", Input).value = "Wakes up the shins."
        form.query_one("#f-steps", TextArea).text = "Sit tall.\nTap the toes."
        form.query_one("#f-safety", TextArea).text = "Keep the heels down."
        form.query_one("#f-easier", Input).value = "Slower."
        form.query_one("#f-harder", Input).value = "Faster."
        form.query_one("#f-position").value = "seated"
        store.conn.execute("PRAGMA query_only = ON")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and form.query_one("#f-name", Input).value == "Toe taps"
        assert any("Not saved" in n.message for n in app._notifications)
        assert store.custom_exercises() == []
        store.conn.execute("PRAGMA query_only = OFF")
        await pilot.press("ctrl+s")                       # the same answers, saved this time
        await pilot.pause()
        assert not isinstance(app.screen, CustomExerciseScreen)
    assert [e.name for e in store.custom_exercises()] == ["Toe taps"]


def not_saved_said(app) -> bool:
    return any("Not saved" in n.message and "safe" in n.message for n in app._notifications)


async def test_unwritable_plan_changes_are_said_and_the_plan_is_unchanged(make_app, store):
    from neurocoach.tui.screens.library import LibraryScreen
    from neurocoach.tui.screens.plan import PlanScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        assert isinstance(app.screen, PlanScreen)
        before = store.saved_plan()
        store.conn.execute("PRAGMA query_only = ON")
        await pilot.press("space")                     # take the highlighted one out
        await pilot.press("plus")                      # keep it a level up
        await pilot.pause()
        assert not_saved_said(app)
        assert store.saved_plan() == before
        assert "in your plan" in str(app.screen.query_one("#plan-detail").render())
        app._notifications.clear()
        await pilot.press("escape", "l")
        assert isinstance(app.screen, LibraryScreen)
        app.screen.select_exercise("seated-reach")
        await pilot.press("space")                     # put it in, from the Library
        await pilot.pause()
        assert not_saved_said(app)
        assert store.saved_plan() == before


async def test_unwritable_plan_import_is_said_and_y_tries_again(make_app, store, tmp_path):
    from neurocoach.tui.screens.plan_dialogs import ImportPlanScreen

    path = tmp_path / "physio.toml"
    path.write_text('[[exercise]]\nid = "walking"\n', encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m", "i", *str(path), "enter")
        dialog = app.screen
        assert isinstance(dialog, ImportPlanScreen)
        store.conn.execute("PRAGMA query_only = ON")
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is dialog and not_saved_said(app)
        assert store.saved_plan() is None
        store.conn.execute("PRAGMA query_only = OFF")
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is not dialog
    assert store.saved_plan().exercise_ids == ("walking",)


async def test_unwritable_level_changes_on_today_are_said_and_decided_again(store, clock):
    towel_curls_felt_right_three_times(store, clock)     # Today steps the level up
    from neurocoach.domain.models import Profile
    from neurocoach.tui.app import NeurocoachApp
    from neurocoach.tui.screens.today import TodayScreen

    store.save_profile(Profile(), clock.now())
    store.conn.execute("PRAGMA query_only = ON")
    app = NeurocoachApp(store=store, clock=clock)
    app.animation_level = "none"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen) and app.screen.view.routine.items
        assert not_saved_said(app)
    assert store.level_states()["towel-curls"].level == 1
    store.conn.execute("PRAGMA query_only = OFF")
    app = NeurocoachApp(store=store, clock=clock)                # writable again: stored
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert store.level_states()["towel-curls"].level == 2
