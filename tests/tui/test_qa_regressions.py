"""Found by a QA walk-through: each test fails without its fix."""

from __future__ import annotations

import pytest

from neurocoach.catalog import exercise_fields
from neurocoach.domain.models import Checkin, Profile, Step
from neurocoach.tui.screens.session import SessionScreen
from neurocoach.tui.screens.today import TodayScreen
from neurocoach.tui.widgets.countdown import Countdown


@pytest.fixture(autouse=True)
def manual_timer(monkeypatch):
    monkeypatch.setattr(Countdown, "auto_tick", False)


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def test_sore_checkin_after_starting_turns_the_rest_seated(make_app, store, clock):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", "escape")            # one step done, then away
        first = store.latest_session()
        assert any(app.catalog.get(s.exercise_id).weight_bearing for s in first.steps)
        store.record_checkin(Checkin(day=clock.today(), pain=3, feet="sore"), clock.now())
        app.screen.refresh_view()
        assert "seated work instead" in text(app, "#today-meta")
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen)
        fresh = app.screen.record
    assert fresh.id != first.id
    assert store.session(first.id).finished_at is not None
    assert store.session(first.id).entries[0].status == "done"        # kept
    assert not any(app.catalog.get(s.exercise_id).needs_alternative for s in fresh.steps)
    assert first.steps[0].exercise_id not in {s.exercise_id for s in fresh.steps}


async def test_after_a_symptom_stop_enter_asks_before_training_again(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", "x", "2", "enter")      # chest pain, back to Today
        assert isinstance(app.screen, TodayScreen)
        assert "stopped today for a symptom" in text(app, "#today-meta")
        stopped = store.latest_session()
        await pilot.press("enter")
        assert isinstance(app.screen, TodayScreen)
        assert any("chest pain" in n.message for n in app._notifications)
        assert store.latest_session().id == stopped.id
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen)


async def test_timer_state_is_said_in_words(make_app, clock):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        assert "space starts the timer" in text(app, "#step-counter")
        await pilot.press("space")
        assert "timer running" in text(app, "#step-counter")
        clock.advance(seconds=3)
        await pilot.press("space")
        assert "timer paused" in text(app, "#step-counter")


async def test_brackets_in_an_own_exercise_name_do_not_crash(make_app, store, clock):
    base = exercise_fields(make_app().catalog.get("towel-curls"))
    data = {**base, "id": "wobble", "name": "Wobble [/] stand [b"}
    from neurocoach.catalog import parse_exercise

    store.save_custom_exercise(parse_exercise(data, custom=True), clock.now())
    store.record_checkin(Checkin(day=clock.today(), pain=2, feet="ok"), clock.now())
    app = make_app(profile=Profile())
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify(f"Saved {data['name']}.")
        record = app.store.start_session(clock.today(), [Step("wobble", "left", reps=5)],
                                         clock.now())
        app.push_screen(SessionScreen(record))
        await pilot.pause()
        assert "Wobble [/] stand [b" in text(app, "#step-title")
        await pilot.press("enter")
        await pilot.pause()


async def test_the_second_enter_after_a_symptom_stop_must_come_soon_and_on_today(make_app,
                                                                                 store, clock):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", "x", "2", "enter")      # chest pain, back to Today
        stopped = store.latest_session()
        await pilot.press("enter")                                   # asks
        clock.advance(seconds=60)                                    # …a minute later
        await pilot.press("enter")
        assert isinstance(app.screen, TodayScreen)                   # asks again
        assert store.latest_session().id == stopped.id
        await pilot.press("c", "escape")                             # away from Today…
        await pilot.press("enter")
        assert isinstance(app.screen, TodayScreen)                   # …so it asks again
        await pilot.press("enter")                                   # straight after: yes
        assert isinstance(app.screen, SessionScreen)
