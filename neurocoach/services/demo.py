"""Believable, repeatable history for the demo (and benchmarks), written through the Store.

`generate_history` fills `days` days ending on `end`: check-ins most days (fewer on rest
days), symptoms easing slowly with day-to-day noise, one flare with sore feet and a gentler
routine, sessions on most training days (the day's real routine, with its safety rules),
steps done or skipped and rated, a session stopped for a symptom, an unfinished one, and
a weekly single-leg stand test per side. The same seed gives the same history.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from neurocoach.coach.routine import rest_weekdays, todays_routine
from neurocoach.domain.models import Checkin, Entry, Profile
from neurocoach.services.adherence import keep_streak_checkpoint
from neurocoach.services.checkin import pain_baseline

DEMO_SEED = 2026
NOTES = (
    "Slept badly, feet burning at night.", "Long walk to the shops yesterday.",
    "New shoes, a bit stiff.", "Cold feet this morning.", "Felt steadier on the stairs.",
    "Busy day, short session.", "Physio appointment: keep going.", "Tired but did it.",
)
FLARE_NOTES = ("Pain up after gardening.", "Small blister on the left heel.",
               "Blister healing, feet still tender.")


@dataclass(frozen=True)
class HistorySummary:
    first: dt.date
    last: dt.date
    checkins: int
    sessions: int
    balance_tests: int


def demo_profile(end: dt.date) -> Profile:
    """A person in their late sixties, both feet, five days a week."""
    return Profile(birth_year=end.year - 67, feet="both", days_per_week=5, rest_days=(2, 6))


def _clamp(value: float) -> int:
    return max(0, min(10, round(value)))


def generate_history(store, catalog, end: dt.date, days: int, seed: int,
                     tz: dt.tzinfo = dt.timezone.utc) -> HistorySummary:
    """Write `days` days of history ending on `end` (inclusive) into `store`.

    Uses the stored profile (saving `demo_profile` first if there is none). Meant for
    an empty store; the same arguments always write the same rows."""
    from neurocoach.services.plan import person_plan  # the same plan the App uses

    rng = random.Random(seed)
    first = end - dt.timedelta(days=days - 1)

    def at(day: dt.date, hour: float) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(), tz) + dt.timedelta(hours=hour)

    if not store.has_profile():
        store.save_profile(demo_profile(end), at(first, 8))
    profile = store.profile()
    plan = person_plan(store, catalog)
    rest = rest_weekdays(plan)
    flare_start = first + dt.timedelta(days=int(days * 0.6))
    flare = {flare_start + dt.timedelta(days=i) for i in range(6)}
    sore = {flare_start + dt.timedelta(days=i) for i in (1, 2)}
    stop_day = flare_start + dt.timedelta(days=4)
    open_day = first + dt.timedelta(days=int(days * 0.3))
    counts = {"checkins": 0, "sessions": 0, "balance_tests": 0}

    with store.fast_writes():
        for n in range(days):
            day = first + dt.timedelta(days=n)
            progress = n / max(1, days - 1)  # symptoms ease over the period
            rest_day = day.weekday() in rest
            bump = 3 if day in flare else 0
            checkin = None
            if day in flare or rng.random() < (0.72 if rest_day else 0.9):
                note = ""
                if day in flare and day - flare_start < dt.timedelta(days=3):
                    note = FLARE_NOTES[(day - flare_start).days]
                elif rng.random() < 0.08:
                    note = rng.choice(NOTES)
                feet = ("skin" if day in sore else
                        "unchecked" if rng.random() < 0.12 else "ok")
                checkin = Checkin(
                    day=day, pain=_clamp(5.2 - 2.2 * progress + bump + rng.gauss(0, 0.7)),
                    numbness=_clamp(6.0 - 1.0 * progress + rng.gauss(0, 0.6)),
                    tingling=_clamp(5.0 - 1.6 * progress + bump / 2 + rng.gauss(0, 0.7)),
                    burning=_clamp(4.0 - 1.5 * progress + bump / 2 + rng.gauss(0, 0.7)),
                    feet=feet, note=note)
                store.record_checkin(checkin, at(day, 8 + rng.random() * 1.5))
                counts["checkins"] += 1
            chance = 0.08 if rest_day else (0.6 if day in flare else 0.87)
            if day == stop_day or rng.random() < chance:
                _session(store, catalog, plan, profile, day, checkin, rng, at,
                         stop="pain" if day == stop_day else None, leave=day == open_day)
                counts["sessions"] += 1
            if n % 7 == 3 and rng.random() < 0.9:
                best = {side: round(max(1.0, max(base + 10 * progress + rng.gauss(0, 2.5)
                                                 for _ in range(3))), 1)
                        for side, base in (("left", 11.0), ("right", 15.0))}
                store.record_balance_test(day, best, at(day, 17 + rng.random()))
                counts["balance_tests"] += len(best)
    # The person's check-ins would have kept the streak checkpoint (reads never write it).
    keep_streak_checkpoint(store, end + dt.timedelta(days=1))
    return HistorySummary(first=first, last=end, **counts)


def _session(store, catalog, plan, profile, day, checkin, rng, at, *, stop, leave) -> None:
    average = pain_baseline(store, day)
    routine = todays_routine(plan, catalog, profile, day, checkin, average)
    steps = routine.steps(catalog)
    now = at(day, 9.5 + rng.random() * 2)
    record = store.start_session(day, steps, now)
    last = len(steps)
    if stop:
        last = max(1, len(steps) // 3)
    elif leave:
        last = max(1, len(steps) // 2)
    hard = 0.3 if routine.gentle else 0.08
    for index, step in enumerate(steps[:last]):
        seconds = step.seconds * step.sets if step.seconds else (step.minutes or 0) * 60
        now += dt.timedelta(seconds=(seconds or (step.reps or 10) * 3 * step.sets) + 20)
        done = rng.random() < 0.93
        amount = None
        if done and step.minutes:
            amount = step.minutes * 60 + rng.randint(-60, 90)
        elif done and step.seconds:
            amount = step.seconds
        store.log_entry(record.id, Entry(
            step_index=index, exercise_id=step.exercise_id, status="done" if done else "skipped",
            side=step.side, reps=step.reps if done and step.reps else None, seconds=amount,
            logged_at=now.isoformat()))
        if done and rng.random() < 0.75:
            roll = rng.random()
            store.rate_entry(record.id, index, 3 if roll < hard else 1 if roll < 0.4 else 2)
    if not leave:
        store.finish_session(record.id, now + dt.timedelta(seconds=30), stop)


def make_demo_db(path: str | Path, clock, days: int = 90, seed: int = DEMO_SEED):
    """A new DB at `path` holding `days` days of history up to yesterday; returns the
    open Store. Today is left for the newcomer: no check-in, no session yet."""
    from neurocoach.catalog import load_catalog
    from neurocoach.store import Store

    store = Store.open(path, clock=clock)
    today = clock.today()
    tz = clock.now().tzinfo or dt.timezone.utc
    generate_history(store, load_catalog(), today - dt.timedelta(days=1), days, seed, tz)
    return store
