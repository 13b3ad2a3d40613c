"""The report's figures, from the export document's plain records (the report shows what
an export carries): adherence by week, steps, ratings, time exercising, and each symptom's
meaningful change. report.build lays them out; nothing here writes words. Each figure is
the one the other surfaces use: time as coach.stats counts it for the summary and
Progress, a trained day as one with a done step (as for the streak), the change as
coach.change reads it for Progress and the export."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from neurocoach.coach.change import MeaningfulChange, meaningful_change
from neurocoach.coach.plan import Plan, rest_weekdays
from neurocoach.coach.stats import entries_seconds
from neurocoach.domain.models import RATINGS, SYMPTOMS


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@dataclass(frozen=True)
class Week:
    monday: dt.date
    planned: int      # training days of the plan in the period, up to today (today if trained)
    done: int         # of those, days trained
    bonus: int        # rest days trained as well


@dataclass(frozen=True)
class Adherence:
    weeks: list[Week]          # weeks with anything planned or done, oldest first
    steps_done: int
    steps_skipped: int
    ratings: dict[str, int]    # 'easy' / 'right' / 'hard' -> steps so rated
    seconds: float             # time exercising

    @property
    def planned(self) -> int:
        return sum(w.planned for w in self.weeks)

    @property
    def done(self) -> int:
        return sum(w.done for w in self.weeks)

    @property
    def bonus(self) -> int:
        return sum(w.bonus for w in self.weeks)


def trained_days(sessions) -> set[dt.date]:
    """Days with at least one done step."""
    return {_day(s["date"]) for s in sessions if any(e["status"] == "done" for e in s["entries"])}


def adherence(sessions, plan: Plan, catalog, start: dt.date, today: dt.date) -> Adherence:
    rest = rest_weekdays(plan)
    trained = trained_days(sessions)
    weeks = []
    monday = start - dt.timedelta(days=start.weekday())
    while monday <= today:
        week = [d for d in (monday + dt.timedelta(days=i) for i in range(7))
                if start <= d <= today]
        planned = [d for d in week if d.weekday() not in rest and (d < today or d in trained)]
        bonus = sum(1 for d in week if d in trained and d.weekday() in rest)
        if planned or bonus:
            weeks.append(Week(monday, len(planned), sum(1 for d in planned if d in trained),
                              bonus))
        monday += dt.timedelta(days=7)
    steps = [e for s in sessions for e in s["entries"]]
    return Adherence(
        weeks=weeks,
        steps_done=sum(e["status"] == "done" for e in steps),
        steps_skipped=sum(e["status"] == "skipped" for e in steps),
        ratings={name: sum(e["rating"] == n for e in steps) for n, name in RATINGS.items()},
        seconds=entries_seconds(steps, catalog),
    )


def symptom_changes(checkins, today: dt.date) -> dict[str, MeaningfulChange | None]:
    """Each symptom's change by coach.change (the same numbers Progress shows and the
    export carries), from every check-in."""
    return {symptom: meaningful_change(symptom, {_day(c["date"]): c[symptom]
                                                 for c in checkins}, today)
            for symptom in SYMPTOMS}
