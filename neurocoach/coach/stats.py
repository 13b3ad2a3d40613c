"""Adherence and symptom numbers, from plain data: no I/O, no SQL, no Textual.

Each day gets one state (done, partial, rest, allowed skip, missed, …); streaks and the
consistency score are read from those states, so the calendar, the streak and the score
always agree with each other.
"""

from __future__ import annotations

import datetime as dt
from collections import namedtuple
from collections.abc import Iterable, Mapping

ONE_DAY = dt.timedelta(days=1)

# -- day states --------------------------------------------------------------------------
DONE = "done"
PARTIAL = "partial"
REST = "rest"
ALLOWED = "allowed skip"
MISSED = "missed"
AHEAD = "to come"          # today before any training, and the days after it
BEFORE = "before start"    # before the person began: neither a miss nor a streak day
TRAINED = frozenset({DONE, PARTIAL})
KEEPS_STREAK = frozenset({DONE, PARTIAL, REST, ALLOWED})

FULL_SHARE = 0.75
"""Share of the day's planned steps done for the day to count as done (less is partial):
skipping a step or two because a foot is sore is listening to the body, not failing."""

SKIPS_PER_MONTH = 2
"""Missed training days per calendar month that keep a streak alive (the first ones)."""

PARTIAL_CREDIT = 0.5
"""What a partial day adds to the consistency score (a done day adds 1)."""

SCORE_HALF_LIFE = 14
"""Planned days after which a day's weight in the consistency score has halved."""

SCORE_WINDOW_DAYS = 400
"""Days enough for the score: older days weigh less than 0.5 ** (280 / 14), about 1e-6."""


def day_states(first: dt.date, last: dt.date, today: dt.date, shares: Mapping[dt.date, float],
               rest_weekdays: Iterable[int], start: dt.date | None,
               skips_per_month: int = SKIPS_PER_MONTH) -> dict[dt.date, str]:
    """The state of every day from `first` to `last` (inclusive), in order.

    `shares` maps a day to the share (0–1) of its planned steps that were done; days not in
    it had no training. `start` is the first day the person used the coach: earlier days
    are neither misses nor rest (BEFORE); None means nothing yet. The first `skips_per_month` misses of each calendar month are allowed
    skips; counting starts on the 1st, so the result does not depend on `first`.
    """
    rest = set(rest_weekdays)
    used: dict[tuple[int, int], int] = {}
    states: dict[dt.date, str] = {}
    day = first.replace(day=1)
    while day <= last:
        share = shares.get(day, 0.0)
        if share >= FULL_SHARE:
            state = DONE
        elif share > 0:
            state = PARTIAL
        elif day < today and (start is None or day < start):
            state = BEFORE
        elif day.weekday() in rest:
            state = REST
        elif day >= today:
            state = AHEAD
        else:
            month = (day.year, day.month)
            if used.get(month, 0) < skips_per_month:
                used[month] = used.get(month, 0) + 1
                state = ALLOWED
            else:
                state = MISSED
        if day >= first:
            states[day] = state
        day += ONE_DAY
    return states


Streaks = namedtuple("Streaks", "current longest")  # not typing.NamedTuple: `status` avoids typing
"""(current, longest), in days."""

Carry = namedtuple("Carry", "run lead trained best")
"""Where the streak walk stands after some days: the run so far, the rest days leading
into it, whether it holds a trained day, and the longest run yet. Kept in the store for
the days long past (so Progress need not walk every day of thirty years again)."""

NO_CARRY = Carry(0, 0, False, 0)
"""Before the first day: nothing walked."""


def streaks(states: Mapping[dt.date, str], today: dt.date, carry: Carry = NO_CARRY) -> Streaks:
    """Current and longest streak, in days, from states in date order up to `today`.

    A streak is a run of trained days, planned rest days and allowed skips that holds at
    least one trained day. Rest days just before its first trained day count; allowed skips
    there do not (they are the end of a gap, not part of the run). Today counts once it is
    trained or a rest day; a today not yet trained does not break anything. The longest
    streak is the highest the current streak ever reached. `carry`: where the walk stood
    on the day before the first of `states` (see `walk_streaks`).
    """
    carry = walk_streaks(states, today, carry)
    return Streaks(current=carry.run if carry.trained else 0, longest=carry.best)


def walk_streaks(states: Mapping[dt.date, str], today: dt.date,
                 carry: Carry = NO_CARRY) -> Carry:
    """`carry` moved on through these days (in date order), stopping before any day past
    `today` and before a today that does not keep the streak (the day is not over yet)."""
    run, lead, trained, best = carry
    for day, state in states.items():
        if day > today:
            break
        if day == today and state not in KEEPS_STREAK:
            break  # the day is not over yet
        if state in TRAINED:
            run = (run + 1) if trained else (lead + 1)
            trained = True
        elif state == REST:
            run, lead = (run + 1, lead) if trained else (0, lead + 1)
        elif state == ALLOWED:
            run, lead = (run + 1, lead) if trained else (0, 0)
        else:
            run = lead = 0
            trained = False
        if trained:
            best = max(best, run)
    return Carry(run, lead, trained, best)


def consistency_score(states: Mapping[dt.date, str]) -> float:
    """0–1, like a habit tracker's habit strength: each planned day moves the score a little
    towards 1 (done), PARTIAL_CREDIT (partial) or 0 (missed); rest days and allowed skips
    leave it alone. A few misses after a long run barely move it; it builds over weeks."""
    keep = 0.5 ** (1 / SCORE_HALF_LIFE)
    score = 0.0
    for state in states.values():
        if state == DONE:
            value = 1.0
        elif state == PARTIAL:
            value = PARTIAL_CREDIT
        elif state == MISSED:
            value = 0.0
        else:
            continue
        score = score * keep + value * (1 - keep)
    return score


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def trained_this_week(states: Mapping[dt.date, str], today: dt.date) -> int:
    """Trained days from Monday to today."""
    first = monday(today)
    return sum(1 for day, state in states.items() if first <= day <= today and state in TRAINED)


# -- symptoms: the meaningful-change measure is coach.change (Farrar et al. 2001) --------


# -- work done ---------------------------------------------------------------------------
REP_SECONDS, SET_REST_REPS, SET_REST_HOLD, UNKNOWN_STEP = 3, 20, 10, 60
"""As the catalog's Dose.estimated_seconds: 3 s a rep, 20 s between sets of reps, 10 s
between holds; a step of an exercise the catalog does not know counts as a minute."""


Tally = namedtuple("Tally", "steps timed seconds counted reps", defaults=(0, 0, 0.0, 0, 0))
Tally.__doc__ = """Done steps of one exercise (in one week, or ever), as summed in SQL: steps
done; `timed` of them with seconds logged, and those `seconds`; `counted` with reps logged,
and those `reps`. A namedtuple, not a dataclass: `status` (the streak is read from this
module) does not import dataclasses."""


def work_seconds(tally: Tally, dose=None) -> float:
    """Time the tallied steps took. Logged seconds and reps are used as logged; the catalog
    dose (a catalog.Dose, or None) gives the sets, and a time for steps that logged neither.
    One step is one side, so per-side doses count once per step."""
    plain = max(0, tally.steps - tally.timed - tally.counted)
    if dose is None:
        return tally.seconds + tally.reps * REP_SECONDS + plain * UNKNOWN_STEP
    sets = max(dose.sets or 1, 1)
    if dose.kind == "hold":
        timed = tally.seconds * sets + tally.timed * SET_REST_HOLD * (sets - 1)
    else:  # a timed task logs the time the timer ran, sets and all
        timed = tally.seconds
    counted = tally.reps * REP_SECONDS * sets + tally.counted * SET_REST_REPS * (sets - 1)
    return timed + counted + plain * dose.estimated_seconds(False)


def minutes_by_category(rows: Iterable[tuple[int, str, Tally]], catalog,
                        categories: Iterable[str], weeks: int) -> dict[str, list[int]]:
    """(week index, exercise id, tally) rows → whole minutes per category per week.

    `catalog` needs `in` and `.get(id)` (category, dose). Exercises it no longer knows go
    under "other", shown only when it has time in it.
    """
    table = {category: [0.0] * weeks for category in categories}
    for week, exercise_id, tally in rows:
        if not 0 <= week < weeks:
            continue
        if exercise_id in catalog:
            ex = catalog.get(exercise_id)
            category, dose = ex.category, ex.dose
        else:
            category, dose = "other", None
        table.setdefault(category, [0.0] * weeks)[week] += work_seconds(tally, dose)
    return {category: [round(s / 60) for s in values] for category, values in table.items()
            if category != "other" or any(values)}


def minutes_by_week(rows: Iterable[tuple[int, str, Tally]], catalog, weeks: int) -> list[int]:
    """Whole minutes per week, all categories together: rounded once from the week's
    seconds (summing the categories' rounded minutes could say 5 where the summary of the
    same session says 6)."""
    seconds = [0.0] * weeks
    for week, exercise_id, tally in rows:
        if 0 <= week < weeks:
            seconds[week] += work_seconds(
                tally, catalog.get(exercise_id).dose if exercise_id in catalog else None)
    return [round(s / 60) for s in seconds]


def total_seconds(tallies: Mapping[str, Tally], catalog) -> float:
    return sum(work_seconds(t, catalog.get(ex).dose if ex in catalog else None)
               for ex, t in tallies.items())


def tally_done(entries: Iterable) -> dict[str, Tally]:
    """Done steps per exercise, summed as the store's SQL sums them. `entries` are
    domain Entry objects or export dicts (exercise_id, status, reps, seconds)."""
    sums: dict[str, list] = {}
    for e in entries:
        get = e.get if isinstance(e, Mapping) else lambda k, e=e: getattr(e, k)
        if get("status") != "done":
            continue
        row = sums.setdefault(get("exercise_id"), [0, 0, 0.0, 0, 0])
        seconds, reps = get("seconds"), get("reps")
        row[0] += 1
        if seconds is not None:
            row[1], row[2] = row[1] + 1, row[2] + seconds
        if reps is not None:
            row[3], row[4] = row[3] + 1, row[4] + reps
    return {ex: Tally(*row) for ex, row in sums.items()}


def entries_seconds(entries: Iterable, catalog) -> float:
    """Time the done steps took, as Progress counts it: the summary says it of one session,
    the report of a period, Progress of all history (work_seconds, one formula)."""
    return total_seconds(tally_done(entries), catalog)
