"""A session stopped for chest pain, breathlessness or low blood sugar is followed up at
the next opening: the coach asks whether it was checked before the next session."""

from __future__ import annotations

import datetime as dt

import pytest

from neurocoach.domain.models import Step
from neurocoach.tui.screens.follow_up import FollowUpScreen
from neurocoach.tui.screens.session import SessionScreen
from neurocoach.tui.screens.today import TodayScreen


def stopped(store, clock, reason: str, days_ago: int = 1) -> int:
    day = clock.today() - dt.timedelta(days=days_ago)
    at = dt.datetime.combine(day, dt.time(9), tzinfo=dt.timezone.utc)
    record = store.start_session(day, [Step("walking", minutes=10)], at)
    store.finish_session(record.id, at + dt.timedelta(minutes=3), reason)
    return record.id


@pytest.mark.parametrize("reason, words", [("chest", "chest pain"),
                                           ("breath", "breathlessness"),
                                           ("low_sugar", "low blood sugar")])
async def test_the_next_opening_asks_and_records_the_answer(make_app, store, clock, reason,
                                                            words):
    session_id = stopped(store, clock, reason)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FollowUpScreen)
        assert words in str(app.screen.query_one("#follow-up-text").render()).lower()
        await pilot.press("n")                              # not yet
        assert isinstance(app.screen, TodayScreen)
        assert store.follow_up_of(session_id) == "not_yet"
        await pilot.press("enter")                          # no session without asking again
        assert isinstance(app.screen, FollowUpScreen)
        await pilot.press("y")                              # it was checked: the session
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
    assert store.follow_up_of(session_id) == "checked"


async def test_once_checked_it_is_not_asked_again(make_app, store, clock):
    session_id = stopped(store, clock, "chest")
    store.record_follow_up(session_id, "checked")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)


async def test_other_stops_and_a_stop_today_are_not_followed_up_this_way(make_app, store,
                                                                        clock):
    stopped(store, clock, "dizzy")
    stopped(store, clock, "chest", days_ago=0)              # today: start's own warning
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


async def test_an_upgraded_db_is_told_where_to_answer_the_health_questions(make_app, store,
                                                                          clock):
    from neurocoach.tui.screens.profile import ProfileScreen

    app = make_app()
    store.conn.execute("UPDATE profile SET screening = NULL")  # as m004 leaves an old DB
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        notes = str(app.screen.query_one("#today-notes").render())
        assert "six health questions in your profile (e)" in notes
        await pilot.press("e")
        assert isinstance(app.screen, ProfileScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "health questions" not in str(app.screen.query_one("#today-notes").render())
    assert store.screening_asked()
