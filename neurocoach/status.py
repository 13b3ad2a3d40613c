"""`neurocoach status`: one line for a login shell. Must stay light: no Textual."""

from __future__ import annotations

import datetime as dt

import humanize

from neurocoach.coach.stats import SKIPS_PER_MONTH, current_streak
from neurocoach.words import count


def status_line(store, now: dt.datetime) -> str:
    today = now.date()
    profile = store.profile()
    parts = []
    checkin = store.checkin_for(today)
    parts.append(f"check-in: pain {checkin.pain}/10" if checkin else "check-in: not yet")

    latest = store.latest_session(since=today)
    if latest is None:
        rest = today.weekday() in profile.rest_days
        parts.append("routine: rest day" if rest else "routine: not started")
    else:
        done = sum(1 for e in latest.entries.values() if e.status == "done")
        state = "done" if latest.finished else "in progress"
        parts.append(f"routine: {state} ({done} of {count(len(latest.steps), 'step')})")

    streak = current_streak(store.trained_days(today - dt.timedelta(days=730)),
                            profile.rest_days, today, skips_per_month=SKIPS_PER_MONTH)
    parts.append(f"streak: {count(streak, 'day')}" if streak else "streak: none yet")

    last = store.last_session_day(before=today + dt.timedelta(days=1))
    if last is None:
        parts.append("no sessions yet")
    elif last == today:
        parts.append("last session today")
    elif last == today - dt.timedelta(days=1):
        parts.append("last session yesterday")
    else:
        parts.append(f"last session {humanize.naturaldelta(today - last)} ago")
    return "neurocoach · " + " · ".join(parts)
