"""Gathers what Today shows: store reads in, coach decisions out (no Textual here).

Also the person's plan and levels, which the session, the Library and the plan editor
read the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from neurocoach.catalog import with_custom
from neurocoach.coach.plan import ExerciseSettings, Plan, doses_for
from neurocoach.coach.progression import (
    BASELINE_DAYS as FLARE_BASELINE, Decision, decide, decide_all, read_signals, to_state,
)
from neurocoach.coach.routine import Routine, estimated_minutes, todays_routine
from neurocoach.coach.screening import hold_progression
from neurocoach.coach.session import needs_fresh_start, resumable, without_done
from neurocoach.domain.models import Checkin, SessionRecord
from neurocoach.domain.words import join_words
from neurocoach.services import plan as plan_service
from neurocoach.services.checkin import pain_baseline

HISTORY_DAYS = 120
"""How far back the level rules read sessions: they only use the last few of each."""


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


@dataclass(frozen=True)
class LevelView:
    """One exercise's level as the person reads it."""

    decision: Decision
    fresh: bool  # changed since the person last did it: show why
    per_side: bool
    settings: ExerciseSettings = ExerciseSettings()

    @property
    def title(self) -> str:
        level, fixed = self.decision.level, self.settings.dose
        if fixed is not None and not level.support:
            return f"Your plan's dose: {fixed.describe(self.per_side)}"
        text = level.describe(self.per_side)
        return text + (" (kept there)" if self.settings.level is not None else "")

    @property
    def short(self) -> str:
        """For the session, where the dose is shown just above: 'Level 2 of 4' (with the
        support in words for standing balance)."""
        level, fixed = self.decision.level, self.settings.dose
        if fixed is not None and not level.support:
            return "Your plan sets this dose"
        text = level.describe() if level.support else f"Level {level.number} of {level.of}"
        return text + (" (kept there)" if self.settings.level is not None else "")

    @property
    def why(self) -> str:
        return self.decision.reason if self.fresh else self.decision.outlook


def refresh_catalog(app) -> None:
    """Rebuild the app's catalog after the person's own exercises changed."""
    base = getattr(app, "builtin_catalog", None) or app.catalog
    app.catalog = with_custom(base, app.store.custom_exercises())


def person_plan(app) -> Plan:
    """The saved plan (or the default one), without archived exercises (services.plan)."""
    return plan_service.person_plan(app.store, app.catalog)


@dataclass
class _LevelInputs:
    states: dict
    outcomes: dict
    signals: object


def _inputs(app, ids: list[str]) -> _LevelInputs:
    store, day = app.store, app.clock.today()
    return _LevelInputs(
        states=store.level_states(),
        outcomes=store.exercise_outcomes(ids, day - dt.timedelta(days=HISTORY_DAYS)),
        signals=read_signals(store.checkins_between(
            day - dt.timedelta(days=HISTORY_DAYS + FLARE_BASELINE), day)),
    )


def _decide(app, plan: Plan, ids: Iterable[str] | None) -> tuple[dict[str, Decision], _LevelInputs]:
    catalog, day = app.catalog, app.clock.today()
    if ids is None:
        wanted = [i for i in plan.exercise_ids if i in catalog]
        wanted += [catalog.get(i).alternative for i in wanted if catalog.get(i).alternative]
    else:
        wanted = [i for i in dict.fromkeys(ids) if i in catalog]
    inputs = _inputs(app, wanted)
    if ids is None:
        decisions = decide_all(plan, catalog, inputs.states, inputs.outcomes, inputs.signals, day)
    else:
        decisions = {}
        for exercise_id in wanted:
            settings = plan.settings_for(exercise_id)
            decisions[exercise_id] = decide(
                catalog.get(exercise_id), inputs.states.get(exercise_id),
                inputs.outcomes.get(exercise_id, ()), inputs.signals, day,
                pinned=settings.level, fixed_dose=settings.dose,
                unsupported=plan.balance_without_support)
    decisions = hold_progression(decisions, catalog, app.store.profile().screening,
                                 app.store.clinician_plan_at() is not None)  # issue 13
    return decisions, inputs


def level_decisions(app, plan: Plan, *, save: bool = False) -> dict[str, Decision]:
    """The coach's level for each exercise of the plan and its stand-ins. With `save`, the
    changes are stored (Today does this; deciding again the same day changes nothing)."""
    decisions, _ = _decide(app, plan, None)
    if save:
        now = app.clock.now()
        # Not saved (disk full): the notice says so, and the same levels are decided
        # again next time, so nothing is lost by going on.
        app.write(app.store.record_levels, [to_state(d, now.date(), now)
                                            for d in decisions.values() if d.changed])
    return decisions


def level_views(app, plan: Plan, ids: Iterable[str] | None = None) -> dict[str, LevelView]:
    """Levels in words for the session, the Library and the plan editor (nothing stored)."""
    decisions, inputs = _decide(app, plan, ids)
    today = app.clock.today()
    views = {}
    for exercise_id, decision in decisions.items():
        state = inputs.states.get(exercise_id)
        done_since = state is not None and any(
            o.done and o.started_at > state.at and o.day < today
            for o in inputs.outcomes.get(exercise_id, ()))
        views[exercise_id] = LevelView(decision, fresh=decision.changed or not done_since,
                                       per_side=app.catalog.get(exercise_id).per_side,
                                       settings=plan.settings_for(exercise_id))
    return views


def load_today(app) -> TodayView:
    store, catalog, now = app.store, app.catalog, app.clock.now()
    day = now.date()
    profile = store.profile()
    checkin = store.checkin_for(day)
    average = pain_baseline(store, day)
    plan = person_plan(app)
    levels = level_decisions(app, plan, save=True)
    doses = doses_for(plan, {i: d.level.dose for i, d in levels.items()})
    routine = todays_routine(plan, catalog, profile, day, checkin, average, doses=doses)
    news = level_news(catalog, [s for s in store.level_states().values()
                                if s.day == day and s.exercise_id in levels])
    latest = store.latest_session(since=day - dt.timedelta(days=1))
    session_today = latest if latest is not None and latest.day == day else None
    return TodayView(
        day=day, now=now, routine=routine, checkin=checkin, open_session=latest,
        session_today=session_today, last_session_day=store.last_session_day(), levels=levels,
        level_news=news, minutes=estimated_minutes(routine, plan, catalog),
    )


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
    return Started(store.start_session(view.day, steps, view.now), "new")


def level_news(catalog, states) -> list[str]:
    """'Up a level: towel toe curls (the last 3 times felt right).' — one line per reason."""
    by_reason: dict[str, list[str]] = {}
    for state in states:
        if state.cause in ("up", "hard", "flare", "feet"):
            by_reason.setdefault(state.reason, []).append(catalog.get(state.exercise_id).name)
    lines = []
    for reason, names in by_reason.items():
        head, _, why = reason.partition(": ")
        names = names[:1] + [n[:1].lower() + n[1:] for n in names[1:]]
        lines.append(f"{head.rstrip('.')}: {join_words(names)}"
                     + (f" ({why.rstrip('.')})." if why else "."))
    return lines
