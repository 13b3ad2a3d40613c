"""Each exercise's level, once for Today, the session, the Library, the plan editor and
the report's source data: the store's level history, recent outcomes and check-ins in,
coach.progression's decisions out (held back by the health answers, issue 13). Takes the
store, the catalog and the day; no Textual."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from neurocoach.coach.plan import ExerciseSettings, Plan
from neurocoach.coach.progression import (
    BASELINE_DAYS as FLARE_BASELINE, Decision, LevelState, decide, decide_all, read_signals,
    to_state,
)
from neurocoach.coach.screening import hold_progression
from neurocoach.domain.words import join_words

HISTORY_DAYS = 120
"""How far back the level rules read sessions: they only use the last few of each."""


@dataclass(frozen=True)
class LevelView:
    """One exercise's level as the person reads it."""

    decision: Decision
    fresh: bool  # changed since the person last did it: show why
    per_side: bool
    settings: ExerciseSettings = ExerciseSettings()

    @property
    def title(self) -> str:
        level, fixed = self.decision.level, self.settings.dose
        if fixed is not None and not level.support:
            return f"Your plan's dose: {fixed.describe(self.per_side)}"
        text = level.describe(self.per_side)
        return text + (" (kept there)" if self.settings.level is not None else "")

    @property
    def short(self) -> str:
        """For the session, where the dose is shown just above: 'Level 2 of 4' (with the
        support in words for standing balance)."""
        level, fixed = self.decision.level, self.settings.dose
        if fixed is not None and not level.support:
            return "Your plan sets this dose"
        text = level.describe() if level.support else f"Level {level.number} of {level.of}"
        return text + (" (kept there)" if self.settings.level is not None else "")

    @property
    def why(self) -> str:
        return self.decision.reason if self.fresh else self.decision.outlook


@dataclass
class LevelInputs:
    """What the level rules read for `day`: the level history (`states`), each wanted
    exercise's recent sessions (`outcomes`, for `ids`) and the check-ins' signals."""

    states: dict
    outcomes: dict
    signals: object
    day: dt.date | None = None
    ids: frozenset = frozenset()


def _inputs(store, day: dt.date, ids: list[str], read: LevelInputs | None = None
            ) -> LevelInputs:
    if read is not None and read.day == day and read.ids.issuperset(ids):
        # Read moments ago for the same day (Today's enter, then the session it opens):
        # the sessions' history and the check-ins are the same, only the level history
        # may have been written since (the changes Today stored). Outcomes are per
        # exercise, whatever else was asked for with them.
        return LevelInputs(states=store.level_states(), outcomes=read.outcomes,
                           signals=read.signals, day=day, ids=read.ids)
    return LevelInputs(
        states=store.level_states(),
        outcomes=store.exercise_outcomes(ids, day - dt.timedelta(days=HISTORY_DAYS)),
        signals=read_signals(store.checkins_between(
            day - dt.timedelta(days=HISTORY_DAYS + FLARE_BASELINE), day)),
        day=day, ids=frozenset(ids),
    )


def decide_levels(store, catalog, plan: Plan, day: dt.date, ids: Iterable[str] | None = None,
                  read: LevelInputs | None = None) -> tuple[dict[str, Decision], LevelInputs]:
    """The coach's level for each exercise of the plan and its stand-ins (or for `ids`);
    `read`: the inputs an earlier decision of the same day read, when nothing but the
    level history can have changed since (no step logged, no check-in saved)."""
    if ids is None:
        wanted = [i for i in plan.exercise_ids if i in catalog]
        wanted += [catalog.get(i).alternative for i in wanted if catalog.get(i).alternative]
    else:
        wanted = [i for i in dict.fromkeys(ids) if i in catalog]
    inputs = _inputs(store, day, wanted, read)
    if ids is None:
        decisions = decide_all(plan, catalog, inputs.states, inputs.outcomes, inputs.signals, day)
    else:
        decisions = {}
        for exercise_id in wanted:
            settings = plan.settings_for(exercise_id)
            decisions[exercise_id] = decide(
                catalog.get(exercise_id), inputs.states.get(exercise_id),
                inputs.outcomes.get(exercise_id, ()), inputs.signals, day,
                pinned=settings.level, fixed_dose=settings.dose,
                unsupported=plan.balance_without_support)
    decisions = hold_progression(decisions, catalog, store.profile().screening,
                                 store.clinician_plan_at() is not None)  # issue 13
    return decisions, inputs


def changed_levels(decisions: dict[str, Decision], now: dt.datetime) -> list[LevelState]:
    """The level changes to store (deciding again the same day changes nothing)."""
    return [to_state(d, now.date(), now) for d in decisions.values() if d.changed]


def level_views(store, catalog, plan: Plan, day: dt.date, ids: Iterable[str] | None = None,
                read: LevelInputs | None = None) -> dict[str, LevelView]:
    """Levels in words for the session, the Library and the plan editor (nothing stored);
    `read` as for decide_levels."""
    decisions, inputs = decide_levels(store, catalog, plan, day, ids, read)
    views = {}
    for exercise_id, decision in decisions.items():
        state = inputs.states.get(exercise_id)
        done_since = state is not None and any(
            o.done and o.started_at > state.at and o.day < day
            for o in inputs.outcomes.get(exercise_id, ()))
        views[exercise_id] = LevelView(decision, fresh=decision.changed or not done_since,
                                       per_side=catalog.get(exercise_id).per_side,
                                       settings=plan.settings_for(exercise_id))
    return views


def level_news(catalog, states) -> list[str]:
    """'Up a level: towel toe curls (the last 3 times felt right).' — one line per reason."""
    by_reason: dict[str, list[str]] = {}
    for state in states:
        if state.cause in ("up", "hard", "flare", "feet"):
            by_reason.setdefault(state.reason, []).append(catalog.get(state.exercise_id).name)
    lines = []
    for reason, names in by_reason.items():
        head, _, why = reason.partition(": ")
        names = names[:1] + [n[:1].lower() + n[1:] for n in names[1:]]
        lines.append(f"{head.rstrip('.')}: {join_words(names)}"
                     + (f" ({why.rstrip('.')})." if why else "."))
    return lines
