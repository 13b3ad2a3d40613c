"""The daily check-in, once for the TUI and the CLI: the last one to start from, merging a
second answer for a day with the first, recording it, the pain baseline a flare is judged
against, and what the answers change today. No Textual, no click."""

from __future__ import annotations

import datetime as dt

from neurocoach.coach.signals import BASELINE_DAYS
from neurocoach.domain.models import SYMPTOMS, Checkin
from neurocoach.domain.names import OPTIONAL_SYMPTOMS
from neurocoach.services.adherence import keep_streak_checkpoint

RECENT_DAYS = 7
"""How far back the check-in form looks for an earlier answer to offer again."""

OPTIONAL = OPTIONAL_SYMPTOMS
"""The scores a check-in may leave out (pain is always asked)."""


def pain_baseline(store, day: dt.date) -> float | None:
    """The person's average pain over the BASELINE_DAYS before `day`: a flare is judged
    against it (Today's routine, the CLI's effects and the demo history all use this)."""
    return store.average_pain(day - dt.timedelta(days=BASELINE_DAYS),
                              day - dt.timedelta(days=1))


def previous_checkin(store, today: dt.date) -> Checkin | None:
    """The latest check-in of the last RECENT_DAYS days (today's included)."""
    recent = store.checkins_between(today - dt.timedelta(days=RECENT_DAYS), today)
    return recent[-1] if recent else None


def record_checkin(store, checkin: Checkin, now: dt.datetime) -> bool:
    """Store the day's check-in; True when it replaced one already there. The streak
    checkpoint is moved on here, with the write, not when the streak is read."""
    replaced = store.record_checkin(checkin, now)
    keep_streak_checkpoint(store, now.date())
    return replaced


def checkin_effects(store, checkin: Checkin, today: dt.date) -> list[str]:
    """What today's answers change, in sentences (coach.safety's rules, with the
    person's profile and baseline)."""
    from neurocoach.coach.safety import checkin_effects as effects

    lines = effects(checkin, store.profile(), pain_baseline(store, today))
    session = store.latest_session(since=today)
    if session is not None and session.day == today and session.stopped_reason:
        from neurocoach.coach.screening import stop_label

        # Today says the same: a stop for a symptom means rest, whatever the check-in says.
        lines = [line for line in lines if line != "Your usual routine is ready."]
        lines.append(f"You stopped today's session because of "
                     f"{stop_label(session.stopped_reason).lower()}. Please rest today, and "
                     "talk to your clinician before you train again.")
    return lines


def merge_checkin(earlier, day: dt.date, pain: int, given: dict):
    """The check-in to store, and a description of the earlier values it keeps.

    Options not given keep that day's stored values when the day already has a check-in
    (so `--pain 4` alone does not wipe a sore-feet answer or a note); a new day's
    check-in takes the defaults (feet 'unchecked', no note, no other scores).
    """
    values = dict(given)
    kept: list[str] = []
    feet_given = given.get("feet") is not None
    for name, value in given.items():
        if value is not None:
            continue
        old = getattr(earlier, name) if earlier is not None else None
        if name == "foot":  # the foot of a kept problem is kept with it
            values[name] = None if feet_given else old
            continue
        if old is None or old in ("", "unchecked"):
            values[name] = {"feet": "unchecked", "note": ""}.get(name)
            continue
        values[name] = old
        if name == "note":
            kept.append(f"note “{old}”")
        elif name == "feet":
            from neurocoach.coach.foot_check import FEET_WORDS

            kept.append(f"feet: {FEET_WORDS.get(old, old)}")
        else:
            kept.append(f"{name} {old}/10")
    return Checkin(day=day, pain=pain, **values), ", ".join(kept)
