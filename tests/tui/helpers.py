"""History the TUI tests share."""

from __future__ import annotations

import datetime as dt

from neurocoach.coach.progression import LevelState
from neurocoach.domain.models import Entry, Step


def towel_curls_felt_right_three_times(store, clock) -> None:
    """Three sessions of towel curls at level 1 (1 × 5 a foot) this past week, each rated
    "right", after starting at level 1 eight days ago: Today steps the level up."""
    today = clock.today()
    for days_ago in (6, 4, 2):
        day = today - dt.timedelta(days=days_ago)
        at = dt.datetime.combine(day, dt.time(9), tzinfo=dt.timezone.utc)
        record = store.start_session(day, [Step("towel-curls", "left", reps=5),
                                           Step("towel-curls", "right", reps=5)], at)
        for i, side in enumerate(("left", "right")):
            store.log_entry(record.id, Entry(i, "towel-curls", "done", side, reps=5, rating=2))
    start = dt.datetime.combine(today - dt.timedelta(days=8), dt.time(8), tzinfo=dt.timezone.utc)
    store.record_levels([LevelState("towel-curls", 1, start.date(), start, "start", "Start.")])


def counted_layouts(screen) -> list:
    """The screen's layouts from now on, one item each (cleared by the caller)."""
    layouts = []
    refresh_layout = screen._refresh_layout

    def counted(*args, **kwargs):
        layouts.append(args)
        return refresh_layout(*args, **kwargs)

    screen._refresh_layout = counted
    return layouts
