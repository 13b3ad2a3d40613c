"""The export file's name and version, and a checked export as rows ready to insert.

`export.read` turns a file into `ImportRows` (no SQL); `Store.import_data` writes them (no
checking): the type they pass lives below both.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from neurocoach.domain.plan import Plan

FORMAT = "neurocoach-export"
VERSION = 2
"""2 adds issue 12's checkins[].foot (feet skin|hot) and plan.balance_without_support, and
issue 13's fields (export/v2.py); version 1 files (feet ok|sore|unchecked) still
import: 'sore' becomes a skin problem on both feet."""

PERSON_TABLES = {"profile": "profile", "plan": "plan", "custom_exercises": "own exercises",
                 "level_changes": "level changes", "checkins": "check-ins",
                 "sessions": "sessions", "entries": "steps", "balance_tests": "balance tests"}
"""The tables that hold the person's data (an empty DB has nothing in any), in words."""


@dataclass
class V2Rows:
    """What a version-2 file adds to version 1's rows (export/v2.py)."""

    screening: str | None = None  # JSON for profile.screening
    follow_ups: list[tuple] = field(default_factory=list)  # (answer, session id)
    self_tests: list[tuple] = field(default_factory=list)  # (day, kind, result, recorded_at)


@dataclass
class ImportRows:
    """A checked export, as rows for the tables (see `export.read.read_export`)."""

    profile: tuple | None
    plan: Plan | None = None  # None: the default plan, nothing to save
    saved_at: dt.datetime | None = None
    custom: list[tuple] = field(default_factory=list)
    level_changes: list[tuple] = field(default_factory=list)
    checkins: list[tuple] = field(default_factory=list)
    sessions: list[tuple] = field(default_factory=list)
    entries: list[tuple] = field(default_factory=list)
    balance_tests: list[tuple] = field(default_factory=list)
    v2: V2Rows | None = None  # a version-2 file's added rows
