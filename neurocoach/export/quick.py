"""The quick path of reading an export: rows that are plainly right.

A ten-year file has tens of thousands of steps and entries. Each is first checked in one
pass of plain comparisons; only a row that fails it goes through `Row`, which finds and
names its problem (so the messages are the same either way).
"""

from __future__ import annotations

import datetime as dt
from operator import itemgetter
from typing import Any

from neurocoach.domain.models import STATUSES, Checkin
from neurocoach.domain.names import FOOT_SIDES, OPTIONAL_SYMPTOMS
from neurocoach.domain.text import control_problem
from neurocoach.export.rows import (
    CHECKIN_KEYS, ENTRY_KEYS, SESSION_KEYS, SIDES, SPAN, STEP_KEYS,
)


def quick_entry(data: Any, sid: int, j: int, listed: set[str]) -> tuple | None:
    """The entry's row if every field is plainly right, else None."""
    if type(data) is not dict or not data.keys() <= ENTRY_KEYS:
        return None
    try:  # one C call for the fields every entry has (a missing one: the full checks)
        ex_id, side, status, reps, seconds, rating = _ENTRY_FIELDS(data)
    except KeyError:
        return None
    get = data.get
    index, logged = get("step_index"), get("logged_at")
    # comparisons written out (no call but one): this runs for every step of ten years
    if not ((index is None or type(index) is int and 0 <= index <= 10_000)
            and type(ex_id) is str and len(ex_id) <= 60 and ex_id in listed
            and side in _SIDES_OR_NONE and status in _STATUSES
            and (reps is None or type(reps) is int and 0 <= reps <= 1000)
            and (seconds is None or type(seconds) is int and 0 <= seconds <= 86_400)
            and (rating is None or type(rating) is int and 1 <= rating <= 3)
            and (logged is None or type(logged) is str and len(logged) <= 40
                 and quick_moment(logged))):
        return None
    return (sid, j if index is None else index, ex_id, side, status, reps, seconds, rating,
            logged)


def quick_session(data: Any) -> tuple | None:
    """(id, day, started, finished, stopped reason, entries) if the session's own fields
    are plainly right, else None (its id's uniqueness, its entries and steps are the
    caller's). `finished_at` is read as the full checks read it: empty means not finished."""
    if type(data) is not dict or not data.keys() <= SESSION_KEYS or "finished_at" not in data:
        return None
    try:
        sid, day, started, entries = _SESSION_FIELDS(data)
    except KeyError:
        return None
    finished, reason = data["finished_at"], data.get("stopped_reason")
    if not (type(sid) is int and 1 <= sid <= 2**62
            and type(day) is str and len(day) == 10 and quick_day(day)
            and type(started) is str and len(started) <= 40 and quick_moment(started)
            and (not finished or type(finished) is str and len(finished) <= 40
                 and quick_moment(finished))
            and (reason is None or type(reason) is str and len(reason) <= 40
                 and (not reason or control_problem(reason, lines=True) is None))
            and type(entries) is list):
        return None
    return sid, day, started, finished or None, reason, entries


def quick_checkin(data: Any, feet_states: tuple[str, ...]) -> tuple | None:
    """The check-in's row if every field is plainly right, else None (the day's
    uniqueness is the caller's). The feet and foot are read as Checkin reads them."""
    if type(data) is not dict or not data.keys() <= CHECKIN_KEYS:
        return None
    try:  # the symptoms' keys must all be there (a missing one: the full checks)
        scores = _SCORES(data)
    except KeyError:
        return None
    get = data.get
    day, pain, feet, note, at = (get("date"), get("pain"), get("feet"), get("note"),
                                 get("recorded_at"))
    foot = get("foot")
    if not (type(day) is str and len(day) == 10 and quick_day(day)
            and type(pain) is int and 0 <= pain <= 10
            and all(v is None or type(v) is int and 0 <= v <= 10 for v in scores)
            and type(feet) is str and feet in feet_states
            and (foot is None or type(foot) is str and foot in FOOT_SIDES)
            and (note is None or type(note) is str and len(note) <= 500
                 and (not note or control_problem(note, lines=True) is None))
            and (at is None or type(at) is str and len(at) <= 40 and quick_moment(at))):
        return None
    read_feet, read_foot = _read_feet(feet, foot)
    return (day, pain, *scores, read_feet, note or "", at, read_foot)


def _read_feet(feet: str, foot: str | None) -> tuple[str, str | None]:
    """(feet, foot) as Checkin reads them (sore -> skin; a problem with no foot named is on
    both feet), worked out by a Checkin once for each pair of answers (a handful)."""
    read = _FEET_READ.get((feet, foot))
    if read is None:
        checkin = Checkin(dt.date(2000, 1, 1), 0, feet=feet, foot=foot)
        read = _FEET_READ[(feet, foot)] = (checkin.feet, checkin.foot)
    return read


def quick_day(value: str) -> bool:
    """What Row.day accepts (given ten characters): a day within SPAN."""
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return False
    if day.isoformat() != value:  # a week date (2026-W48-1) reads as a day too: not here
        return False
    earliest, latest = SPAN.get()
    return (latest is None or day <= latest) and (earliest is None or day >= earliest)


def quick_moment(value: str) -> bool:
    """What Row.moment accepts: a date and time with its offset, within SPAN."""
    try:
        moment = _moment(value)
    except ValueError:
        return False
    if moment.tzinfo is None:  # fromisoformat gives a fixed `timezone` or none at all
        return False
    day = moment.date()
    if value[:10] != day.isoformat():
        return False
    earliest, latest = SPAN.get()
    return (latest is None or day <= latest) and (earliest is None or day >= earliest)


def quick_step(step: Any, listed: set[str]) -> bool:
    if type(step) is not dict or not step.keys() <= STEP_KEYS:
        return False
    get = step.get
    ex_id = get("exercise_id")
    if (type(ex_id) is not str or len(ex_id) > 60 or ex_id not in listed
            or get("side") not in _SIDES_OR_NONE):
        return False
    for key in _STEP_NUMBERS:
        value = get(key)
        if value is not None and not (type(value) is int and 0 <= value <= 100_000):
            return False
    swapped = get("swapped_from")
    return swapped is None or type(swapped) is str and len(swapped) <= 60 and swapped in listed


_SCORES = itemgetter(*OPTIONAL_SYMPTOMS)
_FEET_READ: dict[tuple[str, str | None], tuple[str, str | None]] = {}
_SESSION_FIELDS = itemgetter("id", "date", "started_at", "entries")
_ENTRY_FIELDS = itemgetter("exercise_id", "side", "status", "reps", "seconds", "rating")
_moment = dt.datetime.fromisoformat
_STEP_NUMBERS = ("reps", "sets", "seconds", "minutes")
_SIDES_OR_NONE = (*SIDES, None)  # tuples: a list or object in the file is compared, not hashed
_STATUSES = tuple(STATUSES)
