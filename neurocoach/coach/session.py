"""Pure rules of a guided session: where it stands and how it went."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from neurocoach.coach.foot_check import spares
from neurocoach.catalog import Dose, Exercise
from neurocoach.domain.models import RATINGS, SessionRecord, Step

RESUME_WITHIN = dt.timedelta(hours=18)
"""An unfinished session this recent is offered for resuming (it may cross midnight)."""


def resumable(record: SessionRecord | None, now: dt.datetime) -> bool:
    """True if `record` is unfinished, has steps left, and started recently enough."""
    if record is None or record.finished:
        return False
    if record.next_index >= len(record.steps):
        return False
    return now - record.started_at <= RESUME_WITHIN


def previous_logged(record: SessionRecord, index: int) -> int | None:
    """The step `b` goes back to: the nearest logged step before `index`."""
    for i in range(min(index, len(record.steps)) - 1, -1, -1):
        if i in record.entries:
            return i
    return None


@dataclass(frozen=True)
class Summary:
    done: int
    skipped: int
    total: int
    spent: dt.timedelta
    ratings: dict[str, int]

    @property
    def not_reached(self) -> int:
        return self.total - self.done - self.skipped


def summarize(record: SessionRecord, end: dt.datetime) -> Summary:
    statuses = Counter(e.status for e in record.entries.values())
    ratings = Counter(RATINGS[e.rating] for e in record.entries.values() if e.rating in RATINGS)
    finished = record.finished_at or end
    return Summary(
        done=statuses["done"],
        skipped=statuses["skipped"],
        total=len(record.steps),
        spent=max(dt.timedelta(0), finished - record.started_at),
        ratings={name: ratings[name] for name in RATINGS.values() if ratings[name]},
    )


STATE_MARKS = {"done": "[x]", "partly done": "[~]", "skipped": "[-]", "to do": "[ ]"}
"""Symbols and words together: state must read without colour."""


def exercise_states(record: SessionRecord) -> list[tuple[str, str]]:
    """Each exercise of the session once, in order, with its state in words."""
    order: list[str] = []
    statuses: dict[str, list[str | None]] = {}
    for i, step in enumerate(record.steps):
        if step.exercise_id not in statuses:
            order.append(step.exercise_id)
            statuses[step.exercise_id] = []
        entry = record.entries.get(i)
        statuses[step.exercise_id].append(entry.status if entry else None)
    result = []
    for ex_id in order:
        seen = statuses[ex_id]
        if all(s == "done" for s in seen):
            state = "done"
        elif any(s == "done" for s in seen):
            state = "partly done"
        elif all(s == "skipped" for s in seen):
            state = "skipped"
        else:
            state = "to do"
        result.append((ex_id, state))
    return result


def steps_seconds(steps: list[Step], catalog) -> int:
    """The planned steps' rough time, as Routine.estimated_seconds reckons it (one step is
    one side, so nothing is doubled)."""
    return sum(step_dose(s, catalog.get(s.exercise_id)).estimated_seconds()
               for s in steps if s.exercise_id in catalog)


def step_dose(step: Step, exercise: Exercise) -> Dose:
    """The dose a planned step carries (it may differ from the catalog's)."""
    return Dose(kind=exercise.dose.kind, sets=step.sets, reps=step.reps,
                seconds=step.seconds, minutes=step.minutes)


SUPPORT_CUE = "Stand next to a sturdy support (a counter or a heavy chair without wheels)."


def step_cues(exercise: Exercise) -> list[str]:
    """Every safety cue of a step, in the catalog's order (none dropped), with the support
    cue first for work done beside a support when the catalog's cues do not say it."""
    cues = list(exercise.safety)
    if exercise.needs_support and not any("sturdy support" in c for c in cues):
        cues.insert(0, SUPPORT_CUE)
    return cues


def one_foot(record: SessionRecord, exercise: Exercise) -> str | None:
    """The one foot a session's steps of this exercise are for, when a foot problem kept
    the other foot out; None when it is done on each side (or is not done by side)."""
    if not exercise.per_side:
        return None
    sides = {s.side for s in record.steps if s.exercise_id == exercise.id}
    return next(iter(sides)) if len(sides) == 1 and None not in sides else None


def one_foot_words(record: SessionRecord, step: Step, exercise: Exercise) -> str:
    """'Only your left foot today: …' when a foot problem kept the other foot out."""
    if step.side is None or one_foot(record, exercise) is None:
        return ""
    return (f"Only your {step.side} foot today: you noted a problem with the other foot, "
            "which this one would press, rub or move.")


def timed_seconds(step: Step) -> int | None:
    """How long a timed step runs (a hold's seconds, or minutes in seconds); None if counted."""
    if step.seconds:
        return step.seconds
    if step.minutes:
        return step.minutes * 60
    return None


def needs_fresh_start(record: SessionRecord, notes, catalog,
                      sore_sides: frozenset[str] = frozenset(), feet: str = "skin") -> bool:
    """True when a started session still holds weight-bearing (or pool) steps that today's
    safety rules now swap out — e.g. a sore-feet check-in made after the session began — or
    skin work on a foot (`sore_sides`) that now has a skin problem."""
    if not any(note.kind in ("swap", "restriction") for note in notes):
        return False
    for i, step in enumerate(record.steps):
        if i in record.entries or step.exercise_id not in catalog:
            continue
        exercise = catalog.get(step.exercise_id)
        if exercise.needs_alternative or (not spares(exercise, feet) and sore_sides and (
                step.side is None or step.side in sore_sides)):
            return True
    return False


def without_done(steps: list[Step], record: SessionRecord) -> list[Step]:
    """Today's steps less the exercises `record` already has done (nothing is done twice)."""
    done = {e.exercise_id for e in record.entries.values() if e.status == "done"}
    return [s for s in steps if s.exercise_id not in done]
