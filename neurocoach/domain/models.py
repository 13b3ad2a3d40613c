"""Plain data shared by every layer: no I/O, no Textual, no SQL."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from neurocoach.domain.names import (  # noqa: F401 (re-exported: the shared names)
    FEET_SIDES, FEET_STATES, FOOT_SIDES, PROFILE_DAYS_PER_WEEK, PROFILE_REST_DAYS, RATINGS,
    RESTRICTIONS, SCREENING_ANSWERS, STATUSES, SYMPTOMS, WEEKDAYS,
)


@dataclass(frozen=True)
class Screening:
    """The first-run health questions (coach.screening says what each answer changes).

    Each is "yes", "no", "unsure" or None (not asked yet); anything but "no" is taken as a
    possible risk, so skipping the questions keeps the coach on the careful side."""

    sugar_meds: str | None = None  # insulin or a sulfonylurea (e.g. gliclazide)
    eye_disease: str | None = None  # retinopathy the clinician warned about
    dizzy_standing: str | None = None  # light-headed on standing up
    foot_history: str | None = None  # a past ulcer, Charcot foot or an amputation
    fell: str | None = None  # a fall in the last year
    walking_aid: str | None = None  # uses a stick, crutch or frame

    def risk(self, name: str) -> bool:
        """True unless the person answered "no"."""
        return getattr(self, name) != "no"

    def to_dict(self) -> dict:
        return dict(self.__dict__)

    @classmethod
    def from_dict(cls, data: dict | None) -> "Screening":
        data = data if isinstance(data, dict) else {}
        return cls(**{k: data[k] for k in cls.__dataclass_fields__
                      if data.get(k) in SCREENING_ANSWERS})


@dataclass(frozen=True)
class Profile:
    """The few facts the coach uses. Defaults are what "skip" gives."""

    birth_year: int | None = None
    feet: str = "both"
    days_per_week: int = PROFILE_DAYS_PER_WEEK
    rest_days: tuple[int, ...] = PROFILE_REST_DAYS  # weekday numbers, Monday = 0
    restriction: str = "none"
    screening: Screening = Screening()

    def age(self, today: dt.date) -> int | None:
        return None if self.birth_year is None else today.year - self.birth_year


@dataclass(frozen=True)
class Checkin:
    day: dt.date
    pain: int
    numbness: int | None = None
    tingling: int | None = None
    burning: int | None = None
    feet: str = "unchecked"
    note: str = ""
    foot: str | None = None  # left | right | both: where the skin problem or hot foot is

    def __post_init__(self) -> None:
        # One form for old and new answers: 'sore' is a skin problem; a problem with no
        # foot named is taken to be on both feet (the safe reading).
        if self.feet == "sore":
            object.__setattr__(self, "feet", "skin")
        if self.feet in ("skin", "hot"):
            if self.foot not in FOOT_SIDES:
                object.__setattr__(self, "foot", "both")
        elif self.foot is not None:
            object.__setattr__(self, "foot", None)

    @property
    def problem_sides(self) -> frozenset[str]:
        """The feet ('left', 'right') with a skin problem or hot foot today."""
        if self.feet not in ("skin", "hot"):
            return frozenset()
        return frozenset(("left", "right") if self.foot == "both" else (self.foot,))

    def symptom(self, name: str) -> int | None:
        return getattr(self, name)


@dataclass(frozen=True)
class Step:
    """One planned step of a session: one exercise, one side."""

    exercise_id: str
    side: str | None = None
    reps: int | None = None
    sets: int = 1
    seconds: int | None = None
    minutes: int | None = None
    swapped_from: str | None = None  # id of the exercise this one stands in for

    def to_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None}

    @classmethod
    def from_dict(cls, data: dict) -> "Step":
        return cls(**data)


@dataclass(frozen=True)
class Entry:
    """What happened to one step: committed the moment it happens."""

    step_index: int
    exercise_id: str
    status: str
    side: str | None = None
    reps: int | None = None
    seconds: int | None = None
    rating: int | None = None
    logged_at: str = ""


@dataclass
class SessionRecord:
    id: int
    day: dt.date
    started_at: dt.datetime
    steps: list[Step]
    entries: dict[int, Entry] = field(default_factory=dict)
    finished_at: dt.datetime | None = None
    stopped_reason: str | None = None

    @property
    def next_index(self) -> int:
        """The first step with nothing logged: where a resume picks up."""
        for i in range(len(self.steps)):
            if i not in self.entries:
                return i
        return len(self.steps)

    @property
    def finished(self) -> bool:
        return self.finished_at is not None
