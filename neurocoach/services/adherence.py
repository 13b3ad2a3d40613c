"""The streak and the day states behind it, once for every surface: `status`, Today,
Progress and the report all read them from here. Light on purpose (no catalog, no
Textual): `neurocoach status` runs at every login.
"""

from __future__ import annotations

import datetime as dt
from collections import namedtuple

from neurocoach.coach.profile import rest_weekdays_of
from neurocoach.coach.stats import (
    MISSED, NO_CARRY, ONE_DAY, SKIPS_PER_MONTH, Carry, Streaks, day_states, streaks, walk_streaks,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from neurocoach.domain.models import Profile


def training_rest_days(profile: Profile) -> frozenset[int]:
    """The person's rest weekdays as the plan keeps them (the plan's days are the
    profile's; extra rest days are added when the profile leaves too many training days)."""
    return rest_weekdays_of(profile.days_per_week, profile.rest_days)


def stored_rest_days(store) -> frozenset[int]:
    """training_rest_days of the stored profile, read without building it (no dataclasses
    on `status`'s path)."""
    return rest_weekdays_of(*store.training_week())


DayStates = namedtuple("DayStates", "states start rest streaks")
DayStates.__doc__ = """`states`: every day from `first` to the last asked for, in order;
`start`: the first day with a check-in or a session; `rest`: the rest weekdays; `streaks`:
what the states give. (A namedtuple, not a dataclass: `status` imports this module.)"""


def day_states_for(store, today: dt.date, first: dt.date | None = None,
                   last: dt.date | None = None,
                   shares_since: dt.date | None = None) -> DayStates:
    """Each day's state from `first` (default: the person's first day, or the day after
    the streak checkpoint) to `last` (default: today), and the streaks they give. A day
    counts as trained with one done step; from `shares_since` on, done and partial days
    are told apart by the share of steps done. The states may begin before `first`; days
    long past are not walked again when the store keeps where the walk stood after them
    (`_carry`): the streaks are the same as from walking every day."""
    start = store.first_activity_day()
    rest = stored_rest_days(store)
    asked = first
    first = min(start or today, today) if first is None else min(first, start or first)
    last = last or today
    carry, walked = _carry(store, today, start, rest)
    if walked is not None and (asked is None or walked < asked):
        first = walked + ONE_DAY  # the 1st of a month: skips are counted from there
        shares = dict.fromkeys(store.trained_days(first), 1.0)
    else:
        carry = NO_CARRY
        shares = dict.fromkeys(store.all_trained_days(), 1.0)
    if shares_since is not None:
        shares.update(store.day_shares(shares_since, today))
    states = day_states(first, last, today, shares, rest, start, SKIPS_PER_MONTH)
    return DayStates(states=states, start=start, rest=rest,
                     streaks=streaks(states, today, carry))


CHECKPOINT_AGE_DAYS = 400
"""The streak checkpoint ends a month at least this long ago (so Progress's 400-day window
of states is never before it), and is moved on when it is twice as old."""


def _newest_checkpoint_day(today: dt.date) -> dt.date:
    """The last day a checkpoint kept on `today` may end on: the end of a month at least
    CHECKPOINT_AGE_DAYS ago (skips are counted by month, from a month's 1st)."""
    return (today - dt.timedelta(days=CHECKPOINT_AGE_DAYS)).replace(day=1) - ONE_DAY


def _carry(store, today: dt.date, start: dt.date | None,
           rest: frozenset[int]) -> tuple[Carry, dt.date | None]:
    """Where the streak walk stands after the checkpoint's last day, and that day (None:
    no checkpoint usable on `today`: every day is walked). Only reads: a read never
    writes the store; `keep_streak_checkpoint` moves the checkpoint on when the store is
    written, so a read walks at most the days since the last write's checkpoint."""
    newest = _newest_checkpoint_day(today)
    if start is None or newest < start:
        return NO_CARRY, None
    kept = store.streak_checkpoint(start, ",".join(map(str, sorted(rest))))
    if kept is not None and kept[0] <= newest:
        return Carry(*kept[1]), kept[0]
    return NO_CARRY, None


def keep_streak_checkpoint(store, today: dt.date) -> None:
    """Make the streak checkpoint, or move it on, for `today`: called where the store is
    written anyway (a check-in, a session started, the profile saved), never on a read.
    Walks only the days since the one kept (once a year or so), or none when the kept
    one is recent enough; the figures are the same with or without it."""
    start = store.first_activity_day()
    newest = _newest_checkpoint_day(today)
    if start is None or newest < start:
        return
    rest = stored_rest_days(store)
    key = ",".join(map(str, sorted(rest)))
    kept = store.streak_checkpoint(start, key)
    if kept is not None and kept[0] <= newest:
        walked, carry = kept[0], Carry(*kept[1])
        if (newest - walked).days < CHECKPOINT_AGE_DAYS:
            return
        begin = walked + ONE_DAY
    else:
        carry, begin = NO_CARRY, start
    states = day_states(begin, newest, today, dict.fromkeys(store.trained_days(begin, newest), 1.0),
                        rest, start, SKIPS_PER_MONTH)
    store.keep_streak_checkpoint(newest, start, key, walk_streaks(states, today, carry))


def streak_now(store, today: dt.date) -> Streaks:
    """The current and longest streak as every surface shows them."""
    return day_states_for(store, today).streaks


STREAK_WINDOW_DAYS = 400
"""How far back `current_streak` reads first (from the 1st of that month)."""


def current_streak(store, today: dt.date) -> int:
    """streak_now's current streak, read from the last year or so when a missed day in it
    ends any run that began earlier (status runs at every login: ten years of history
    need not be walked for it). Days' states are the same from any month's 1st on, and a
    missed day resets a run, so the figure is exactly streak_now's."""
    start = store.first_activity_day()
    if start is None:
        return 0
    first = (today - dt.timedelta(days=STREAK_WINDOW_DAYS)).replace(day=1)
    if first > start:
        trained = dict.fromkeys(store.trained_days(first), 1.0)
        states = day_states(first, today, today, trained, stored_rest_days(store),
                            start, SKIPS_PER_MONTH)
        if any(state == MISSED for day, state in states.items() if day < today):
            return streaks(states, today).current
    return streak_now(store, today).current
