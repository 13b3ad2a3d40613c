"""Progress's figures: store aggregates in, coach decisions out (no Textual here). The
streak is services.adherence's, the one `status` reads; minutes are coach.stats'
work_seconds, the one the session summary and the report read."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from neurocoach.catalog import CATEGORIES
from neurocoach.coach.change import WEEK, MeaningfulChange, meaningful_change
from neurocoach.coach.helps import WINDOW_DAYS as HELPS_DAYS, Helps, compare_after_sessions
from neurocoach.coach.norms import StanceComparison, compare_stance
from neurocoach.coach.stats import (
    SCORE_WINDOW_DAYS, Streaks, Tally, consistency_score, minutes_by_category, minutes_by_week,
    monday, total_seconds, trained_this_week,
)
from neurocoach.domain.models import SYMPTOMS
from neurocoach.services.adherence import day_states_for

CALENDAR_WEEKS = 26
WORK_WEEKS = 8
RANGES = (30, 90, 365)
"""Days a symptom trend covers; `r` cycles through them."""
TREND_CELLS = 30
"""Cells in a trend line: a 90-day line shows 3 days a cell, a year about 2 weeks a cell."""
BALANCE_TESTS_SHOWN = 12
SIDES = ("left", "right")


@dataclass
class Adherence:
    states: dict[dt.date, str]        # the calendar's days, Monday of its first week on
    first_monday: dt.date
    start: dt.date | None             # the first day with any record
    streaks: Streaks
    score: float                      # 0–1
    this_week: int                    # trained days since Monday
    days_per_week: int
    rest_weekdays: frozenset[int]

    @property
    def calendar_weeks(self) -> int:
        """The weeks the calendar shows: from the person's first week (not months of empty
        columns before it), at most CALENDAR_WEEKS."""
        last_monday = self.first_monday + dt.timedelta(weeks=CALENDAR_WEEKS - 1)
        if self.start is None or self.start <= self.first_monday:
            return CALENDAR_WEEKS
        return (last_monday - monday(self.start)).days // 7 + 1


@dataclass
class SymptomTrend:
    name: str
    latest: tuple[dt.date, int] | None
    cells: list[float | None]         # TREND_CELLS averages, oldest first
    week_average: float | None        # the last 7 days
    change: MeaningfulChange | None   # the last 7 days against the first 7 (coach.change)
    baseline: tuple[dt.date, dt.date] | None


@dataclass
class Symptoms:
    range_days: int
    days_per_cell: int
    rows: list[SymptomTrend]


@dataclass
class Balance:
    history: list[tuple[dt.date, dict[str, float]]]  # oldest first
    first: tuple[dt.date, dict[str, float]] | None
    age: int | None
    comparisons: dict[str, StanceComparison] = field(default_factory=dict)

    @property
    def latest(self) -> tuple[dt.date, dict[str, float]] | None:
        """The last test's day, and each side's latest result: a test of one foot keeps
        the other foot's earlier result on show (see `side_days` for when it was)."""
        if not self.history:
            return None
        best: dict[str, float] = {}
        for _, sides in self.history:
            best.update(sides)
        return self.history[-1][0], best

    @property
    def side_days(self) -> dict[str, dt.date]:
        """The day of each side's latest result."""
        days: dict[str, dt.date] = {}
        for day, sides in self.history:
            days.update(dict.fromkeys(sides, day))
        return days


@dataclass
class Work:
    week_mondays: list[dt.date]
    minutes: dict[str, list[int]]     # category -> minutes per week, oldest first
    week_minutes: list[int]           # all categories, rounded once (as the summary rounds)
    sessions: int
    first_session: dt.date | None
    seconds: float


def load_adherence(store, today: dt.date) -> Adherence:
    first_monday = monday(today) - dt.timedelta(weeks=CALENDAR_WEEKS - 1)
    last = monday(today) + dt.timedelta(days=6)
    window = min(first_monday, today - dt.timedelta(days=SCORE_WINDOW_DAYS))
    # Older days only need trained or not (for the longest streak); recent ones their share.
    days = day_states_for(store, today, first=window, last=last, shares_since=window)
    states, rest = days.states, days.rest
    recent = {day: s for day, s in states.items() if day >= window}
    return Adherence(
        states={day: s for day, s in states.items() if day >= first_monday},
        first_monday=first_monday, start=days.start, streaks=days.streaks,
        score=consistency_score(recent), this_week=trained_this_week(states, today),
        days_per_week=7 - len(rest), rest_weekdays=rest,
    )


def load_symptoms(store, today: dt.date, range_days: int) -> Symptoms:
    per_cell = math.ceil(range_days / TREND_CELLS)
    cells = math.ceil(range_days / per_cell)
    first = today - dt.timedelta(days=per_cell * cells - 1)
    buckets = store.symptom_buckets(first, today, per_cell)
    latest = store.symptom_latest()
    week = (today - dt.timedelta(days=6), today)
    rows = []
    for name in SYMPTOMS:
        average = store.symptom_average(name, *week)
        scores = store.symptom_scores(name, today, first_days=WEEK,  # bounded: see there
                                      since=today - dt.timedelta(days=WEEK - 1))
        change = meaningful_change(name, scores, today)
        rows.append(SymptomTrend(
            name=name, latest=latest[name],
            cells=[buckets[name].get(i) for i in range(cells)],
            week_average=average, change=change,
            baseline=change.baseline_days if change else None,
        ))
    return Symptoms(range_days=range_days, days_per_cell=per_cell, rows=rows)


def load_balance(store, today: dt.date) -> Balance:
    age = store.profile().age(today)
    balance = Balance(history=store.balance_history(BALANCE_TESTS_SHOWN),
                      first=store.first_balance_test(), age=age)
    if balance.latest:
        balance.comparisons = {side: compare_stance(secs, age)
                               for side, secs in balance.latest[1].items()}
    return balance


def load_work(store, catalog, today: dt.date) -> Work:
    first_monday = monday(today) - dt.timedelta(weeks=WORK_WEEKS - 1)
    rows = [(week, ex, Tally(*rest))
            for week, ex, *rest in store.weekly_exercise_tallies(first_monday, WORK_WEEKS)]
    tallies = {ex: Tally(*rest) for ex, *rest in store.exercise_tallies()}
    count, first = store.session_count()
    return Work(
        week_mondays=[first_monday + dt.timedelta(weeks=i) for i in range(WORK_WEEKS)],
        minutes=minutes_by_category(rows, catalog, CATEGORIES, WORK_WEEKS),
        week_minutes=minutes_by_week(rows, catalog, WORK_WEEKS),
        sessions=count, first_session=first, seconds=total_seconds(tallies, catalog),
    )


def load_helps(store, today: dt.date) -> Helps:
    """Symptom scores on days after a session and after none (coach.helps)."""
    first = today - dt.timedelta(days=HELPS_DAYS - 1)
    checkins = store.checkins_between(first, today)
    done = store.exercises_done_by_day(first - dt.timedelta(days=1), today)
    return compare_after_sessions(checkins, done)
