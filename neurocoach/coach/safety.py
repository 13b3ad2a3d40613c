"""Safety rules that reshape a day's routine, each with the reason the person reads.

Pure: the caller passes the check-in, the profile and the person's own recent pain
average; nothing here reads a clock, a file or the store.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, NamedTuple

from neurocoach.coach import foot_check
from neurocoach.domain.models import Checkin, Profile
from neurocoach.domain.words import join_words

if TYPE_CHECKING:  # routine.py imports this module; at run time we only use replace()
    from neurocoach.coach.routine import Routine, RoutineItem

PAIN_HIGH = 8
"""With no recent check-ins to compare with, pain at or above this counts as a flare."""
FLARE_POINTS = 2
"""About 2 points above one's own usual is a change people notice (Farrar et al. 2001)."""
HIGH_BASELINE = 7
"""A usual pain at or above this: levels still rise, at the slow pace."""
FLARE_RULE = ("A flare is pain 2 or more points above your own average of the two weeks "
              "before; steady pain, even high, is not a flare (with no check-in in those two "
              "weeks to compare with, pain of 8 or more counts).")
"""The flare rule in words, for the README and the screens that apply it."""

GENTLE_SHARE = 0.6
"""Gentle days keep about this share of the reps and of the hold time."""


@dataclasses.dataclass(frozen=True)
class SafetyNote:
    kind: str  # "restriction" | "swap" | "gentle" | "look"
    text: str


class StopReason(NamedTuple):
    label: str
    advice: str


_SIT = "Stop now, sit down somewhere safe and rest."
_TELL = "Tell your clinician about it before your next session."
_CALL = ("If it does not ease within a few minutes of rest, call emergency services. "
         "Do not wait, and do not drive yourself.")

STOP_REASONS: dict[str, StopReason] = {
    "dizzy": StopReason("Dizziness or feeling light-headed",
                        f"{_SIT} Stay seated, or lie down, until it has passed; then stand up "
                        f"slowly, holding something sturdy. {_TELL}"),
    "chest": StopReason("Chest pain or pressure",
                        f"{_SIT} {_CALL} {_TELL}"),
    "breath": StopReason("Unusual breathlessness",
                         f"{_SIT} Breathe slowly. {_CALL} {_TELL}"),
    "pain": StopReason("Sharp or new pain in a foot or leg",
                       f"{_SIT} Take the weight off that leg and look at the foot for redness, "
                       f"a blister or a cut. {_TELL}"),
}
"""The symptoms the session's stop key offers, in the order to list them."""


def stop_advice(key: str | None) -> str:
    """What to do after stopping for `key`; an unknown key gets the general advice."""
    reason = STOP_REASONS.get(key or "")
    return reason.advice if reason else f"{_SIT} {_TELL}"


def is_pain_flare(pain: int, recent_average: float | None) -> bool:
    """Pain 2+ points above the person's own recent average (steady high pain is not a
    flare); with no average to compare with, pain of 8 or more."""
    if recent_average is None:
        return pain >= PAIN_HIGH
    return pain >= recent_average + FLARE_POINTS


def feet_sore(checkin: Checkin | None) -> bool:
    """A skin problem or a warm, red, swollen foot: keep weight off the feet today."""
    return foot_check.keep_off(checkin)


def no_weight_bearing(profile: Profile) -> bool:
    return profile.restriction == "no_weight_bearing"


def balance_test_allowed(profile: Profile, checkin: Checkin | None) -> tuple[bool, str]:
    """May the person stand on one foot for the balance self-test today? (allowed, reason)

    Not on a day the feet are sore, and never under a clinician's no-weight-bearing
    restriction; the reason says why in plain words and what to do instead.
    """
    if no_weight_bearing(profile):
        return False, ("Your clinician asked for no weight-bearing exercise, so the balance "
                       "self-test is off: it means standing on one foot. Keep to your seated "
                       "exercises, and ask your clinician when you may stand on your feet "
                       "again. Once they say yes, change the limit in your profile "
                       "(e on Today or Progress).")
    if checkin is not None and checkin.feet == "hot":
        return False, (f"You noted a warm, red or swollen foot today ({foot_check.where(checkin)}), "
                       "so no balance self-test: it means standing on one foot, and that "
                       f"foot needs to stay off the ground. {foot_check.SEEN_HOT}")
    if feet_sore(checkin):
        return False, (f"You noted a skin problem on {foot_check.where(checkin)} today, so no "
                       "balance self-test: it means standing on one foot. Keep weight off it "
                       f"until it heals. {foot_check.SEEN_SKIN} Try the test again on a day "
                       "your feet are fine.")
    return True, ""


def _names(names: list[str]) -> str:
    """'a', 'a and b', 'a, b and c': names read in the middle of a sentence."""
    return join_words(n[:1].lower() + n[1:] for n in names)


def _swap_to_seated(routine: Routine, catalog) -> tuple[Routine, dict[str, str | None]]:
    """Swap weight-bearing and in-water items for their seated alternatives.

    Returns the new routine and what was swapped: each original's id and its stand-in's
    (None: it has no usable one, and is left out). An alternative already in the day is
    not added twice: one stand-in for two originals names both (`also_for`).
    """
    items: list[RoutineItem] = []
    swaps: dict[str, str | None] = {}
    for item in routine.items:
        ex = catalog.get(item.exercise_id)
        if not ex.needs_alternative:
            items.append(item)
            continue
        alt = catalog.get(ex.alternative) if ex.alternative in catalog else None
        swaps[item.exercise_id] = alt.id if alt is not None and alt.can_stand_in else None
        if swaps[item.exercise_id] is None:
            continue
        items.append(dataclasses.replace(item, exercise_id=alt.id, dose=alt.dose, sides=None,
                                         swapped_from=item.swapped_from or item.exercise_id))
    unique: dict[str, RoutineItem] = {}
    for item in items:  # an original keeps its place over a swapped-in duplicate
        kept = unique.get(item.exercise_id)
        if kept is None:
            if item.swapped_from and any(i.exercise_id == item.exercise_id
                                         and not i.swapped_from for i in items):
                continue
            unique[item.exercise_id] = item
        elif item.swapped_from and kept.swapped_from:
            unique[item.exercise_id] = dataclasses.replace(
                kept, also_for=(*kept.also_for, item.swapped_from))
    return dataclasses.replace(routine, items=tuple(unique.values())), swaps


def swap_words(swaps: dict[str, str | None], routine: Routine, catalog) -> str:
    """What the swaps came to, read from the routine as it finally is (a stand-in a foot
    problem then left out is said as left out): 'seated reach in place of stand on one
    leg and side-to-side weight shifts; calf stretch at a wall is left out …'."""
    present = {item.exercise_id for item in routine.items}
    groups: dict[str | None, list[str]] = {}
    for original, stand_in in swaps.items():
        key = stand_in if stand_in in present else None
        groups.setdefault(key, []).append(catalog.get(original).name)
    swapped = [f"{_names([catalog.get(stand_in).name])} in place of {_names(names)}"
               for stand_in, names in groups.items() if stand_in is not None]
    parts = [", ".join(swapped)] if swapped else []
    if None in groups:
        names = groups[None]
        parts.append(f"{_names(names)} {'is' if len(names) == 1 else 'are'} left out "
                     "(no seated stand-in today)")
    return "; ".join(parts)


def ease_dose(dose):
    """One set, about 60 % of the reps and of the hold, half the minutes; never more."""
    changes = {"sets": 1}
    if dose.reps:
        changes["reps"] = min(dose.reps, max(3, round(dose.reps * GENTLE_SHARE)))
    if dose.seconds:
        changes["seconds"] = min(dose.seconds, max(10, round(dose.seconds * GENTLE_SHARE)))
    if dose.minutes:
        changes["minutes"] = max(1, (dose.minutes + 1) // 2)
    return dataclasses.replace(dose, **changes)


def _make_gentle(routine: Routine, catalog) -> Routine:
    """At most one item per category, each with an easier dose."""
    kept: list[RoutineItem] = []
    categories: set[str] = set()
    for item in routine.items:
        category = catalog.get(item.exercise_id).category
        if category in categories:
            continue
        categories.add(category)
        kept.append(dataclasses.replace(item, dose=ease_dose(item.dose)))
    return dataclasses.replace(routine, items=tuple(kept), gentle=True)


def _points(value: float) -> str:
    value = round(value, 1)
    return f"{value:g} point" + ("" if value == 1 else "s")


def _flare_reason(pain: int, average: float | None) -> str:
    if average is None:
        return f"Pain is {pain} today, which is high"
    return (f"Pain is {pain} today, {_points(pain - average)} above your usual "
            f"(avg {average:.1f})")


def apply_safety(routine: Routine, catalog, profile: Profile, checkin: Checkin | None,
                 recent_pain_average: float | None) -> Routine:
    """The routine reshaped by every safety rule that applies, with a note for each.

    `checkin` is the check-in for the routine's day (None if there is none yet);
    `recent_pain_average` is the person's own average pain over the last two weeks.
    """
    routine = dataclasses.replace(
        routine, items=tuple(i for i in routine.items if i.exercise_id in catalog))
    notes = list(routine.notes)
    restricted, sore = no_weight_bearing(profile), feet_sore(checkin)
    if restricted or sore:
        routine, swaps = _swap_to_seated(routine, catalog)
        dropped: list[str] = []
        if sore:
            routine, dropped = foot_check.without_skin_work(routine, catalog, checkin)
        # Said from the routine as it finally is, so the note and the list name the same
        # swaps (a stand-in the foot problem then left out is said as left out).
        what = (swap_words(swaps, routine, catalog) if swaps
                else "today's routine is all seated work already")
        if restricted:
            notes.append(SafetyNote("restriction", (
                f"Your clinician asked for no weight-bearing exercise, so {what}.")))
        if sore:
            what = "your routine is all seated work" if restricted else what
            notes += _foot_notes(checkin, what, dropped)
    if checkin is not None and is_pain_flare(checkin.pain, recent_pain_average):
        routine = _make_gentle(routine, catalog)
        notes.append(SafetyNote("gentle", (
            f"{_flare_reason(checkin.pain, recent_pain_average)}, so today's routine is "
            f"shorter and easier. Go slowly, and stop if the pain gets worse. "
            f"{FLARE_RULE}")))
    if checkin is None or checkin.feet == "unchecked":
        first = ("No check-in yet today" if checkin is None
                 else "You have not looked at your feet today")
        notes.append(SafetyNote("look", (
            f"{first}: look at both feet, soles too (a mirror helps), before any standing "
            f"or walking work. Numb feet can hide a blister or a cut.")))
    return dataclasses.replace(routine, notes=tuple(notes))


def _foot_notes(checkin: Checkin, what: str, dropped: list[str]) -> list[SafetyNote]:
    """Who should see the foot and when (first: Today has room for a few lines), why today
    is seated, and what was left out for the foot."""
    place = foot_check.where(checkin)
    if checkin.feet == "hot":
        seen = f"You noted a warm, red or swollen foot ({place}). {foot_check.SEEN_HOT}"
        head = "No standing or walking today"
    else:
        seen = f"You noted a skin problem on {place}. {foot_check.SEEN_SKIN}"
        head = "Keep your weight off your feet today"
    notes = [SafetyNote("seen", seen), SafetyNote("swap", f"{head}, so {what}.")]
    if dropped:
        foot = "that foot" if checkin.foot != "both" else "either foot"
        verb = "is" if len(dropped) == 1 else "are"
        notes.append(SafetyNote("swap", (
            f"{_names(dropped)[:1].upper()}{_names(dropped)[1:]} {verb} left out for {foot}: "
            + ("a warm, red or swollen foot rests, still and flat, until it is seen."
               if checkin.feet == "hot"
               else "they press, rub or grip with the skin there."))))
    return notes


def checkin_effects(checkin: Checkin | None, profile: Profile,
                    recent_pain_average: float | None) -> list[str]:
    """Plain sentences: what the coach will do today because of this check-in."""
    effects: list[str] = []
    if feet_sore(checkin) and checkin.feet == "hot":   # in Today's words (_foot_notes)
        effects.append(f"You noted a warm, red or swollen foot ({foot_check.where(checkin)}), "
                       "so no standing or walking today: exercises on your feet are swapped "
                       "for seated ones.")
        effects.append(foot_check.SEEN_HOT)
    elif feet_sore(checkin):
        which = "either foot" if checkin.foot == "both" else "that foot"
        effects.append(f"You noted {foot_check.describe(checkin)}, so exercises on your "
                       "feet are swapped for seated ones today, and nothing presses or rubs "
                       f"{which}.")
        effects.append(foot_check.SEEN_SKIN)
    elif no_weight_bearing(profile):
        effects.append("Weight-bearing exercises will be swapped for seated ones, as your "
                       "clinician asked.")
    if checkin is not None and is_pain_flare(checkin.pain, recent_pain_average):
        effects.append(f"Today's routine will be gentler. "
                       f"{_flare_reason(checkin.pain, recent_pain_average)}.")
    if checkin is None or checkin.feet == "unchecked":
        effects.append("Remember to look at your feet before standing work.")
    return effects or ["Your usual routine is ready."]
