"""`status` reads the current streak from the last year or so (services.adherence's
current_streak); it must always be the streak Progress shows (streak_now, from the
person's first day), whatever the history and whatever the day."""

from __future__ import annotations

import datetime as dt
import random

from neurocoach.domain.models import Checkin, Entry, Profile, Step
from neurocoach.services.adherence import current_streak, streak_now

FIRST = dt.date(2024, 1, 3)


def test_the_windowed_streak_is_always_the_full_one(store):
    rng = random.Random(15)
    at = dt.datetime(2024, 1, 1, 9, tzinfo=dt.timezone.utc)
    store.save_profile(Profile(days_per_week=5, rest_days=(2, 6)), at)
    store.record_checkin(Checkin(day=FIRST, pain=3, feet="ok"), at)
    day, runs = FIRST + dt.timedelta(days=1), 0
    with store.fast_writes():
        while day < dt.date(2026, 12, 31):
            # Long runs (one over a year), gaps of a day or two (allowed skips), long gaps.
            length = 450 if runs == 3 else rng.choice((3, 10, 40, 120))
            for _ in range(length):
                if runs == 3 or rng.random() < 0.9:
                    record = store.start_session(day, [Step("walking", minutes=10)], at)
                    store.log_entry(record.id, Entry(0, "walking", "done", seconds=600))
                day += dt.timedelta(days=1)
            day += dt.timedelta(days=rng.choice((1, 2, 3, 9)))
            runs += 1
    days = [FIRST + dt.timedelta(days=n) for n in range(0, (day - FIRST).days, 3)]
    streaks = [(today, current_streak(store, today), streak_now(store, today).current)
               for today in days]
    assert [s for s in streaks if s[1] != s[2]] == []
    assert max(full for _, _, full in streaks) > 400  # the long run was read whole
