"""Gathers what Today shows: store reads in, coach decisions out (no Textual here), and
enter's start or resume. The functions take the store, the catalog and the time (the TUI's
short forms, which take the App, are in tui/app_calls.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from neurocoach.coach.plan import doses_for
from neurocoach.coach.progression import Decision
from neurocoach.coach.routine import Routine, estimated_minutes, minutes_about, todays_routine
from neurocoach.coach.session import needs_fresh_start, resumable, steps_seconds, without_done
from neurocoach.domain.models import Checkin, SessionRecord
from neurocoach.services import plan as plan_service
from neurocoach.services.adherence import keep_streak_checkpoint
from neurocoach.services.checkin import pain_baseline
from neurocoach.services.levels import LevelInputs, changed_levels, decide_levels, level_news


@dataclass
class TodayView:
    day: dt.date
    now: dt.datetime
    routine: Routine
    checkin: Checkin | None
    open_session: SessionRecord | None
    session_today: SessionRecord | None
    last_session_day: dt.date | None
    levels: dict[str, Decision]
    level_news: list[str]  # the coach's level changes today, in words
    minutes: int = 0  # the routine's length as the plan and the report say it
    level_inputs: LevelInputs | None = None  # what the levels were decided from (the
    # session enter opens reuses its history: services.levels.decide_levels' `read`)
    minutes_left: int | None = None  # the open session's steps not done yet, when enter
    # resumes it (said as `minutes` is: coach.routine.minutes_about)


def today_view(store, catalog, now: dt.datetime,
               write: Callable = lambda fn, *args: fn(*args),
               read: LevelInputs | None = None) -> TodayView:
    """What Today shows at `now`; today's level changes are stored through `write` (the
    App's, which says so when the disk is full and goes on). `read`: the level inputs of
    a view of the same day with nothing written since (services.levels.decide_levels)."""
    day = now.date()
    profile = store.profile()
    checkin = store.checkin_for(day)
    plan = plan_service.person_plan(store, catalog)
    levels, inputs = decide_levels(store, catalog, plan, day, read=read)
    write(store.record_levels, changed_levels(levels, now))
    doses = doses_for(plan, {i: d.level.dose for i, d in levels.items()})
    routine = todays_routine(plan, catalog, profile, day, checkin, pain_baseline(store, day),
                             doses=doses)
    news = level_news(catalog, [s for s in store.level_states().values()
                                if s.day == day and s.exercise_id in levels])
    latest = store.latest_session(since=day - dt.timedelta(days=1))
    session_today = latest if latest is not None and latest.day == day else None
    view = TodayView(
        day=day, now=now, routine=routine, checkin=checkin, open_session=latest,
        session_today=session_today, last_session_day=store.last_session_day(), levels=levels,
        level_news=news, minutes=estimated_minutes(routine, plan, catalog),
        level_inputs=inputs,
    )
    if session_today is not None and not is_stale(view, catalog):
        # Today lists the session as it was started: its length is that list's, not the
        # length of a routine built since from a changed plan.
        view.minutes = minutes_about(steps_seconds(session_today.steps, catalog), plan)
    if resumable(latest, now) and not is_stale(view, catalog):
        view.minutes_left = minutes_about(
            steps_seconds(latest.steps[latest.next_index:], catalog), plan)
    return view


def yesterdays_problem(store, view: TodayView) -> Checkin | None:
    """Yesterday's check-in when it noted a skin problem or a hot foot and today has no
    check-in yet: it decides what is safe today, so it is asked about first."""
    if view.checkin is not None:
        return None
    yesterday = store.checkin_for(view.day - dt.timedelta(days=1))
    return yesterday if yesterday is not None and yesterday.problem_sides else None


def is_stale(view: TodayView, catalog) -> bool:
    """The open session holds standing work that today's answers now rule out."""
    checkin = view.checkin
    return (resumable(view.open_session, view.now)
            and needs_fresh_start(view.open_session, view.routine.notes, catalog,
                                  checkin.problem_sides if checkin else frozenset(),
                                  checkin.feet if checkin else "skin"))


@dataclass(frozen=True)
class Started:
    record: SessionRecord | None  # None: there is nothing in today's routine
    how: str  # "new", "resumed", or "seated" (the open one's standing work ruled out)


def start_or_resume(store, catalog, view: TodayView) -> Started:
    """enter on Today: resume the open session, or start today's routine; an open session
    whose standing work today's answers rule out is closed (what was done is kept) and
    the rest goes on as a new, seated session."""
    if is_stale(view, catalog):
        old = view.open_session
        store.finish_session(old.id, view.now)
        steps = without_done(view.routine.steps(catalog), old)
        return Started(store.start_session(view.day, steps, view.now), "seated")
    if resumable(view.open_session, view.now):
        return Started(view.open_session, "resumed")
    steps = view.routine.steps(catalog)
    if not steps:
        return Started(None, "new")
    record = store.start_session(view.day, steps, view.now)
    keep_streak_checkpoint(store, view.day)  # with a write, never on a read
    return Started(record, "new")
