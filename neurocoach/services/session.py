"""A session's figures as the summary shows them (no Textual): the counts of coach.session's
summary, and the time exercising counted as Progress and the report count it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from neurocoach.coach.session import Summary, summarize
from neurocoach.coach.stats import entries_seconds
from neurocoach.domain.models import SessionRecord


@dataclass(frozen=True)
class SessionFigures:
    counts: Summary
    seconds: float
    """Time exercising: logged seconds and reps, sets and unlogged steps from the usual
    dose (coach.stats.work_seconds) — the same figure Progress adds up. Not the wall clock
    from start to end, which holds pauses, a walk to the kettle or a night in between."""


def session_figures(record: SessionRecord, catalog, now: dt.datetime) -> SessionFigures:
    return SessionFigures(counts=summarize(record, now),
                          seconds=entries_seconds(record.entries.values(), catalog))
