"""What the first-run health questions change (issue 13; CLINICAL.md, Colberg 2016).

Pure post-passes, each applied after the rules it follows so that the routine, the
levels and the session are reshaped in one place: `apply_screening` after the safety
rules (routine.todays_routine), `hold_progression` after the level decisions, and
`step_cues` / `session_reminder` / `stop_reasons` for the session screen.

An answer other than "no" (yes, not sure, or never asked) counts as a possible risk.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from neurocoach.coach.ladders import level_of, levels_for
from neurocoach.coach.safety import STOP_REASONS, SafetyNote, StopReason
from neurocoach.domain.models import Screening

if TYPE_CHECKING:
    from neurocoach.catalog import Catalog, Exercise
    from neurocoach.coach.progression import Decision
    from neurocoach.coach.routine import Routine
    from neurocoach.domain.models import Step


class Question(NamedTuple):
    field: str
    ask: str
    effect: str  # what a yes (or not sure) changes, and where it shows


QUESTIONS = (
    Question("sugar_meds",
             "Do you take insulin, or tablets that can lower your blood sugar (a "
             "sulfonylurea such as gliclazide)?",
             "Each session starts with a reminder to check your sugar and keep sugar at hand, "
             "every step after it says the signs of a low; the stop key (x) lists low blood "
             "sugar."),
    Question("eye_disease",
             "Has a clinician warned you about eye disease (retinopathy)?",
             "No straining or breath-holding: the session reminds you to breathe out as you "
             "work, and exercises with your head down are left out of the routine."),
    Question("dizzy_standing",
             "Do you feel dizzy or light-headed when you stand up?",
             "The session tells you to stand up slowly, holding your support, each time it "
             "goes from sitting or lying to standing."),
    Question("foot_history",
             "Have you had a foot ulcer, a Charcot foot or an amputation?",
             "Standing and walking exercises stay at their level until you import a plan "
             "from your clinician (i in your plan)."),
    Question("fell",
             "Have you fallen in the last year?",
             "Standing and walking exercises stay at their level until you import a plan "
             "from your clinician (i in your plan)."),
    Question("walking_aid",
             "Do you use a stick, crutches or a frame to walk?",
             "Walking and standing steps remind you to keep your walking aid or support "
             "within reach."),
)
"""The screening questions, in the order asked (first run and the profile, `e`)."""

ANSWERS = (("no", "No"), ("yes", "Yes"), ("unsure", "Not sure"))

LOW_SUGAR = "low_sugar"
LOW_SUGAR_REASON = StopReason(
    "Low blood sugar (shaky, sweaty, confused)",
    "Stop now and sit down. Take fast sugar (juice, glucose tablets or sweets) and check "
    "your sugar if you can; wait until it is back up before you do anything else. Tell your "
    "clinician about it before your next session.")

FOLLOW_UP_REASONS = ("chest", "breath", LOW_SUGAR)
"""A session stopped for one of these is followed up at the next opening of the app."""

SUGAR_REMINDER = ("Before you start: check your blood sugar if your clinician told you to, "
                  "and keep fast sugar (juice or glucose tablets) within reach.")
SUGAR_WATCH = ("Shaky, sweaty or muddled? Your sugar may be low: stop (x), sit down and take "
               "fast sugar (juice or glucose tablets).")
"""On every step after the first, where the start reminder stood (the same two lines at
80 columns): the signs to stop for (Colberg 2016)."""
BREATHE_CUE = "Breathe out as you work: never hold your breath or strain."
STAND_SLOWLY_CUE = "Stand up slowly, holding your support; wait until you feel steady."
WALKING_AID_CUE = "Keep your walking aid or support within reach."
HOLD_REASON = ("Held here: after a foot ulcer, Charcot foot, amputation or a fall, standing "
               "and walking work moves up only on your clinician's plan.")

EYE_RISK_WORDS = ("head down", "head-down", "head below", "upside down", "bend forward",
                  "touch your toes", "hold your breath", "holding your breath", "bear down",
                  "as hard as you can", "heavy weight")
"""Words in an exercise's steps or name that mean straining, breath-holding or the head
down: the built-in catalog has none; a person's own exercise may."""


def _risk(screening: Screening, name: str) -> bool:
    return screening.risk(name)


def holds_weight_bearing(screening: Screening) -> bool:
    return _risk(screening, "foot_history") or _risk(screening, "fell")


def eye_unsafe(exercise: Exercise) -> bool:
    """Straining, breath-holding or head-down, going by what the exercise asks."""
    text = " ".join((exercise.name, *exercise.steps)).casefold()
    return any(word in text for word in EYE_RISK_WORDS)


def _standing(exercise: Exercise) -> bool:
    return exercise.position == "standing"


# -- the routine -------------------------------------------------------------------------
def apply_screening(routine: Routine, catalog: Catalog, screening: Screening) -> Routine:
    """The routine after the screening rules: head-down or straining exercises left out
    with eye disease (each named in a note). Runs after the safety rules."""
    if not _risk(screening, "eye_disease"):
        return routine
    kept, left_out = [], []
    for item in routine.items:
        ex = catalog.get(item.exercise_id) if item.exercise_id in catalog else None
        (left_out if ex is not None and eye_unsafe(ex) else kept).append(item)
    if not left_out:
        return routine
    names = ", ".join(catalog.get(i.exercise_id).name for i in left_out)
    note = SafetyNote("eyes", f"Left out for your eyes (no straining, breath-holding or head "
                              f"down): {names}.")
    return dataclasses.replace(routine, items=tuple(kept), notes=(*routine.notes, note))


# -- the levels --------------------------------------------------------------------------
def hold_progression(decisions: Mapping[str, Decision], catalog: Catalog,
                     screening: Screening, clinician_plan: bool) -> dict[str, Decision]:
    """After a foot ulcer, Charcot foot, amputation or a fall (or not sure), weight-bearing
    exercises do not move up (no-hands balance rungs included) until a clinician's plan is
    imported. Steps back and levels set by hand or by the plan are left as they are."""
    out = dict(decisions)
    if clinician_plan or not holds_weight_bearing(screening):
        return out
    for exercise_id, decision in decisions.items():
        if decision.cause != "up" or not decision.changed or exercise_id not in catalog:
            continue
        ex = catalog.get(exercise_id)
        if not ex.weight_bearing:
            continue
        level = level_of(levels_for(ex), decision.level.number - 1)  # where it was
        out[exercise_id] = dataclasses.replace(
            decision, level=level, cause="held", reason=HOLD_REASON, changed=False,
            outlook=HOLD_REASON)
    return out


# -- the session -------------------------------------------------------------------------
def session_reminder(screening: Screening, *, starting: bool = True) -> str | None:
    """The first cue for people on blood-sugar medicines: check before you start (on the
    step a session starts or resumes on), then the signs of a low (every other step)."""
    if not _risk(screening, "sugar_meds"):
        return None
    return SUGAR_REMINDER if starting else SUGAR_WATCH


def stop_reasons(screening: Screening) -> dict[str, StopReason]:
    """The stop dialog's symptoms: low blood sugar joins them for people on insulin or
    sulfonylureas."""
    reasons = dict(STOP_REASONS)
    if _risk(screening, "sugar_meds"):
        reasons[LOW_SUGAR] = LOW_SUGAR_REASON
    return reasons


def stop_label(key: str | None) -> str:
    reason = {**STOP_REASONS, LOW_SUGAR: LOW_SUGAR_REASON}.get(key or "")
    return reason.label if reason else "a symptom"


def stop_advice(key: str | None) -> str | None:
    return LOW_SUGAR_REASON.advice if key == LOW_SUGAR else None


def step_cues(screening: Screening, catalog: Catalog, steps: Sequence[Step],
              index: int) -> list[str]:
    """The screening's cues for step `index` of a session, most urgent first."""
    ex = catalog.get(steps[index].exercise_id)
    cues = []
    if _risk(screening, "dizzy_standing") and _standing(ex):
        before = next((catalog.get(s.exercise_id) for s in reversed(steps[:index])
                       if s.exercise_id in catalog), None)
        if before is None or before.position in ("seated", "lying"):
            cues.append(STAND_SLOWLY_CUE)
    if _risk(screening, "eye_disease") and ex.category in ("strengthening", "balance",
                                                           "stretching"):
        cues.append(BREATHE_CUE)
    if screening.walking_aid == "yes" and ex.weight_bearing:
        cues.append(WALKING_AID_CUE)
    return cues
