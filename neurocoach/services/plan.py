"""The person's plan, once for the TUI and the CLI: the plan as stored and as followed
(without archived exercises), saving a change with its level pins, reading a plan file and
what it would change, applying it, and archiving an exercise. No Textual, no click."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from neurocoach.coach.plan import Plan, default_plan
from neurocoach.services.adherence import keep_streak_checkpoint


class PlanProblem(Exception):
    """Why a plan file cannot be used, in one line for the person."""


def stored_plan(store, catalog) -> Plan:
    """The plan as stored (archived exercises included, as an export carries it): the one
    the person saved, else the default one."""
    return store.saved_plan() or default_plan(catalog, store.profile())


def person_plan(store, catalog) -> Plan:
    """The plan the person follows: the stored one without archived exercises."""
    return stored_plan(store, catalog).without(store.archived_exercise_ids())


def session_minutes(store, catalog, plan: Plan, day: dt.date, levels) -> int:
    """About how long a session of `plan` takes, said as Today says it (estimated_minutes)
    of the routine Today builds on `day` at the person's levels (`levels`: each exercise's
    dose), with the person's standing limits but before a check-in reshapes the day. The
    plan's target time is what the routine is filled up to, not this."""
    from neurocoach.coach.plan import doses_for
    from neurocoach.coach.routine import estimated_minutes, todays_routine

    routine = todays_routine(plan, catalog, store.profile(), day, None, None,
                             doses=doses_for(plan, levels))
    return estimated_minutes(routine, plan, catalog)


def save_profile(store, profile, now: dt.datetime) -> None:
    """Store the profile. Its rest days are the plan's, and the streak is walked with
    them: the streak checkpoint is made again for them here, not when it is next read."""
    store.save_profile(profile, now)
    keep_streak_checkpoint(store, now.date())


def save_plan(store, old: Plan, new: Plan, now: dt.datetime) -> None:
    """Store `new` in place of `old`, pinning the levels a change of setting asks for.
    The plan's rest days are the profile's: the streak checkpoint follows them here."""
    from neurocoach.coach.progression import pin_changes

    store.save_plan(new, now, pin_changes(old, new, store.level_states(), now.date(), now))
    keep_streak_checkpoint(store, now.date())


@dataclass(frozen=True)
class PlanImport:
    result: object          # coach.plan_file's parse result (plan, own exercises)
    changes: list[str]      # what applying it changes, in words (empty: nothing)


def read_plan_file(path: Path, store, catalog, current: Plan) -> PlanImport:
    """The checked plan file and the changes it makes to `current`; PlanProblem says why
    the file cannot be used."""
    from neurocoach.coach.plan_file import PlanFileError, import_changes, parse_plan
    from neurocoach.store.files import PLAN_FILE_MAX, NotReadable, read_regular

    try:
        text = read_regular(path, PLAN_FILE_MAX).decode("utf-8")
    except NotReadable as err:
        raise PlanProblem(f"{err}.") from err
    except FileNotFoundError as err:
        raise PlanProblem(f"{path}: no such file.") from err
    except IsADirectoryError as err:
        raise PlanProblem(f"{path}: is a folder, not a plan file.") from err
    except UnicodeDecodeError as err:
        raise PlanProblem(f"{path}: is not UTF-8 text ({err.reason}).") from err
    except OSError as err:
        raise PlanProblem(f"{path}: cannot be read ({err.strerror or err}).") from err
    try:
        result = parse_plan(text, str(path), catalog, current)
    except PlanFileError as err:
        raise PlanProblem(str(err)) from err
    return PlanImport(result, import_changes(result, catalog, current,
                                             store.archived_exercise_ids()))


def apply_plan_file(store, current: Plan, result, now: dt.datetime) -> None:
    """Apply a read plan file: its plan, its own exercises, and the levels it sets."""
    from neurocoach.coach.progression import pin_changes

    levels = pin_changes(current, result.plan, store.level_states(), now.date(), now,
                         by_plan=True)
    store.apply_plan(result.plan, result.custom, now, levels)
    keep_streak_checkpoint(store, now.date())  # its rest days may be new


def archive_exercise(store, exercise_id: str, plan: Plan, now: dt.datetime) -> None:
    """Archive one of the person's own exercises (its history is kept), out of `plan`."""
    store.archive_custom_exercise(exercise_id, now, plan)


def set_in_plan(store, plan: Plan, exercise_id: str, included: bool, now: dt.datetime) -> None:
    """Put an exercise in `plan` or take it out, and store the plan."""
    store.save_plan(plan.with_exercise(exercise_id, included), now)
