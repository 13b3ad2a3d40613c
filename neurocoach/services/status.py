"""`neurocoach status`: one line for a login shell. Must stay light: no Textual, no click,
no catalog (the plain `neurocoach status` in neurocoach/__main__.py and the click command
both call `status_for`)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from neurocoach.domain.words import ago, count
from neurocoach.services.adherence import current_streak, stored_rest_days


def status_line(store, now: dt.datetime) -> str:
    """Read with the store's light reads (no domain models built: `status` runs at every
    login); the streak is adherence's, as everywhere."""
    today = now.date()
    parts = []
    pain = store.pain_on(today)
    parts.append(f"check-in: pain {pain}/10" if pain is not None else "check-in: not yet")

    latest = store.latest_progress(since=today)
    if latest is None:
        rest = today.weekday() in stored_rest_days(store)
        parts.append("routine: rest day" if rest else "routine: not started")
    else:
        done, steps, finished, stopped = latest
        state = ("stopped for a symptom" if stopped   # as Today says
                 else "done" if finished else "in progress")
        parts.append(f"routine: {state} ({done} of {count(steps, 'step')})")

    streak = current_streak(store, today)
    parts.append(f"streak: {count(streak, 'day')}" if streak else "streak: none yet")

    last = store.last_session_day(before=today + dt.timedelta(days=1))
    if last is None:
        parts.append("no sessions yet")
    else:
        parts.append(f"last session {ago(last, today)}")
    return "neurocoach · " + " · ".join(parts)


class NoStatus(Exception):
    """Why there is no status line to give (one line for the person, exit status 2)."""


def status_for(path: Path, clock, chosen: bool = True) -> tuple[str, list[str]]:
    """The status line for the database at `path` and the store's warnings. A status line
    never creates a database: a mistyped --db would leave an empty one behind, and a login
    shell would report on it as if all were well. A folder the person did not name
    (`chosen` False: the platform's default) is simply not made yet: no data yet."""
    from neurocoach.store import Store, StoreError
    from neurocoach.store.errors import file_errors

    if not os.path.lexists(path):
        from neurocoach.store.places import check_data_folder

        folder = path.parent
        if not folder.is_dir() and not chosen and not os.path.lexists(folder):
            return "neurocoach · no data yet · run `neurocoach` to start", []
        if not folder.is_dir():
            raise NoStatus(f"there is no folder {folder}, so no neurocoach database at {path}: "
                           "check the path.")
        try:
            check_data_folder(path)  # another user's folder is refused, as on open
        except StoreError as exc:
            raise NoStatus(str(exc)) from exc
        return f"neurocoach · no data yet at {path} · run `neurocoach` to start", []
    try:
        store = Store.open(path, clock=clock)
    except StoreError as exc:
        raise NoStatus(str(exc)) from exc
    try:
        with file_errors(path):
            return status_line(store, clock.now()), list(store.warnings)
    except StoreError as exc:
        raise NoStatus(str(exc)) from exc
    finally:
        store.close()
