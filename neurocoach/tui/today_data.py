"""Gathers what Today shows: store reads in, coach decisions out (no Textual here)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from neurocoach.coach.routine import Routine, default_plan, todays_routine
from neurocoach.models import Checkin, SessionRecord

BASELINE_DAYS = 14


@dataclass
class TodayView:
    day: dt.date
    now: dt.datetime
    routine: Routine
    checkin: Checkin | None
    open_session: SessionRecord | None
    session_today: SessionRecord | None
    last_session_day: dt.date | None


def load_today(app) -> TodayView:
    store, catalog, now = app.store, app.catalog, app.clock.now()
    day = now.date()
    profile = store.profile()
    checkin = store.checkin_for(day)
    average = store.average_pain(day - dt.timedelta(days=BASELINE_DAYS), day - dt.timedelta(days=1))
    routine = todays_routine(default_plan(catalog, profile), catalog, profile, day, checkin, average)
    latest = store.latest_session(since=day - dt.timedelta(days=1))
    session_today = latest if latest is not None and latest.day == day else None
    return TodayView(
        day=day, now=now, routine=routine, checkin=checkin, open_session=latest,
        session_today=session_today, last_session_day=store.last_session_day(),
    )
