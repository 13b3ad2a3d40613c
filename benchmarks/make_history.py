"""A deterministic long history, written through the Store like the app writes it.

    python benchmarks/make_history.py OUT.db [--years 10]

Every day from `years` back to the day before `today`: a check-in most days (symptoms
easing slowly, with noise), a session on most training days (the day's real routine,
most steps done, some skipped, some sessions left part-way), now and then one on a rest
day, and a balance self-test about once a week. The same seed gives the same file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

from neurocoach.catalog import load_catalog
from neurocoach.coach.routine import build_routine, default_plan, rest_weekdays
from neurocoach.domain.models import Checkin, Entry, Profile
from neurocoach.services.adherence import keep_streak_checkpoint
from neurocoach.store import Store

TODAY = dt.date(2026, 11, 23)
"""The benchmark's today (the tests' FakeClock Monday)."""


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=dt.timezone.utc)


def _scale(rng: random.Random, level: float) -> int:
    return max(0, min(10, round(level + rng.gauss(0, 0.8))))


def make_history(store: Store, *, years: int = 10, today: dt.date = TODAY,
                 seed: int = 2026) -> dict[str, int]:
    """Fill an empty store; returns counts of what was written."""
    rng = random.Random(seed)
    catalog = load_catalog()
    profile = Profile(birth_year=today.year - 64, days_per_week=5, rest_days=(2, 6))
    first = today - dt.timedelta(days=round(365.25 * years))
    store.save_profile(profile, _at(first, 8))
    plan = default_plan(catalog, profile)
    rest = rest_weekdays(plan)
    counts = {"checkins": 0, "sessions": 0, "entries": 0, "balance_tests": 0}
    # The generator only: skip fsync so ten years write in seconds, not minutes.
    store.conn.execute("PRAGMA synchronous = OFF")
    days = (today - first).days
    for n in range(days):
        day = first + dt.timedelta(days=n)
        progress = n / max(days, 1)
        if rng.random() < 0.92:
            store.record_checkin(Checkin(
                day=day, pain=_scale(rng, 6 - 3 * progress),
                numbness=_scale(rng, 5 - 1.5 * progress),
                tingling=_scale(rng, 4.5 - 2 * progress) if rng.random() < 0.9 else None,
                burning=_scale(rng, 3 - progress) if rng.random() < 0.7 else None,
                feet=rng.choice(("ok", "ok", "ok", "unchecked", "sore"))), _at(day, 8))
            counts["checkins"] += 1
        training = day.weekday() not in rest
        if rng.random() < (0.88 if training else 0.1):
            steps = build_routine(plan, catalog, day).steps(catalog)
            started = _at(day, 9, rng.randrange(60))
            record = store.start_session(day, steps, started)
            counts["sessions"] += 1
            stop_at = len(steps) if rng.random() < 0.85 else rng.randrange(1, len(steps))
            for i, step in enumerate(steps[:stop_at]):
                done = rng.random() < 0.92
                seconds = None
                if done and step.seconds:
                    seconds = step.seconds
                elif done and step.minutes:
                    seconds = step.minutes * 60 + rng.randrange(-60, 120)
                store.log_entry(record.id, Entry(
                    step_index=i, exercise_id=step.exercise_id,
                    status="done" if done else "skipped", side=step.side,
                    reps=step.reps if (done and step.reps) else None, seconds=seconds,
                    rating=rng.choice((1, 2, 2, 2, 3)) if done else None,
                    logged_at=(started + dt.timedelta(minutes=i)).isoformat()))
                counts["entries"] += 1
            store.finish_session(record.id, started + dt.timedelta(minutes=len(steps)))
        if day.weekday() == 5 and rng.random() < 0.9:
            level = 14 + 10 * progress
            store.record_balance_test(day, {
                "left": max(1.0, round(rng.gauss(level, 3), 1)),
                "right": max(1.0, round(rng.gauss(level + 2, 3), 1)),
            }, _at(day, 10))
            counts["balance_tests"] += 2
    store.conn.execute("PRAGMA synchronous = NORMAL")
    # A person's check-ins keep the streak checkpoint as they go (reads never write it):
    # the history ends where the last one would have left it.
    keep_streak_checkpoint(store, today)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args(argv)
    if args.out.exists():
        print(f"{args.out} exists; not overwriting it.", file=sys.stderr)
        return 2
    store = Store.open(args.out)
    try:
        print(make_history(store, years=args.years))
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
