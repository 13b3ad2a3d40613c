"""The catalog's data types: a dose, an exercise, and the catalog that links them."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any, Iterator

from neurocoach.domain.words import count

CATEGORIES = ("stretching", "strengthening", "balance", "cardio")
POSITIONS = ("seated", "standing", "lying", "water")
WEIGHT_BEARING_POSITIONS = ("standing",)
"""Standing or walking puts the body's weight on the feet: weight-bearing follows from these."""
STAND_IN_POSITIONS = ("seated", "lying")
"""A stand-in for days the feet must rest is done seated or lying, never on the feet."""
DOSE_KINDS = ("reps", "hold", "minutes")
DOSE_LIMITS = {"sets": 10, "reps": 100, "seconds": 3600, "minutes": 180}
DOSE_AMOUNT = {"reps": "reps", "hold": "seconds", "minutes": "minutes"}  # kind -> its number
_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_NAME_MAX, _TEXT_MAX = 60, 300
_STEPS = (2, 6)
_UNSET = object()


class CatalogError(ValueError):
    """A catalog, custom exercise or plan file that cannot be used, and why."""


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _count(n: int, word: str) -> str:
    return count(n, word)


def _duration(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return _count(rest, "second")
    return _count(minutes, "minute") + (f" {_count(rest, 'second')}" if rest else "")


@dataclass(frozen=True)
class Dose:
    kind: str  # "reps" | "hold" | "minutes"
    sets: int = 1
    reps: int | None = None
    seconds: int | None = None
    minutes: int | None = None

    def describe(self, per_side: bool = False) -> str:
        """Plain words: "2 sets of 10", "hold 30 seconds, 2 times", "10 minutes"."""
        if self.kind == "reps":
            if self.reps is None:
                text = _count(self.sets, "set")
            else:
                text = (f"{self.sets} sets of {self.reps}" if self.sets > 1
                        else "once" if self.reps == 1 else f"{self.reps} times")
        else:
            if self.kind == "hold":  # a minute or more is a timed task, not a "hold"
                secs = self.seconds or 0
                text = _duration(secs) if secs >= 60 else f"hold {_duration(secs)}"
            else:
                text = _count(self.minutes or 0, "minute")
            if self.sets > 1:
                text += f", {self.sets} times"
        return text + (" each side" if per_side else "")

    def estimated_seconds(self, per_side: bool = False) -> int:
        """Rough time including rests: 3 s a rep + 20 s between sets; holds + 10 s between."""
        sets = max(self.sets, 1)
        if self.kind == "reps":
            total = (self.reps or 0) * 3 * sets + 20 * (sets - 1)
        elif self.kind == "hold":
            total = (self.seconds or 0) * sets + 10 * (sets - 1)
        else:
            total = (self.minutes or 0) * 60 * sets
        return total * 2 if per_side else total


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    category: str
    purpose: str
    steps: tuple[str, ...]
    dose: Dose
    per_side: bool
    position: str
    weight_bearing: bool
    needs_support: bool
    equipment: tuple[str, ...]
    safety: tuple[str, ...]
    easier: str
    harder: str
    alternative: str | None = None
    skin_contact: bool = False  # presses, rubs or grips with the skin of the foot (sole, toes)
    feet_still: bool = False  # the feet rest flat and still (upper-body work): kept on a hot-foot day
    slow_progression: bool = False  # loads the forefoot (heel raises): climbs its ladder slowly
    stepping: bool = False  # balance with the feet moving (walking, shifting): eyes stay open
    source: str = ""  # where its dose comes from, in words
    limit: int | None = None  # the most its ladder reaches (in its dose's unit) without a plan
    custom: bool = False  # True for a person's own exercises

    @property
    def sides(self) -> tuple[str | None, ...]:
        return ("left", "right") if self.per_side else (None,)

    @property
    def needs_alternative(self) -> bool:
        """Weight-bearing or in water: needs a seated stand-in for days with a sore foot."""
        return (self.weight_bearing or self.position in WEIGHT_BEARING_POSITIONS
                or self.position == "water")

    @property
    def can_stand_in(self) -> bool:
        """Fit to stand in on a day the feet must rest: seated or lying, no weight."""
        return self.position in STAND_IN_POSITIONS and not self.needs_alternative


_FIELDS = tuple(f.name for f in fields(Exercise) if f.name != "custom")  # the TOML keys


class Catalog:
    """Exercises by id. Building one checks the links between them."""

    def __init__(self, exercises, *, where: str = "catalog") -> None:
        self.exercises: tuple[Exercise, ...] = tuple(exercises)
        self._by_id: dict[str, Exercise] = {}
        for n, ex in enumerate(self.exercises, 1):
            if ex.id in self._by_id:
                raise CatalogError(f"{where}: exercise {ex.id!r}, field 'id': is used twice "
                                   f"(the second time in exercise #{n})")
            self._by_id[ex.id] = ex
        for ex in self.exercises:
            if ex.alternative is None:
                continue
            alt = self._by_id.get(ex.alternative)
            problem = (f"names {ex.alternative!r}, which is not in the catalog" if alt is None
                       else f"{alt.id!r} must be seated or lying and non-weight-bearing "
                            "(not standing, not in water)"
                       if not alt.can_stand_in else None)
            if problem:
                raise CatalogError(f"{where}: exercise {ex.id!r}, field 'alternative': {problem}")

    def get(self, exercise_id: str) -> Exercise:
        return self._by_id[exercise_id]  # KeyError if unknown

    def __contains__(self, exercise_id: object) -> bool:
        return exercise_id in self._by_id

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self.exercises)

    def __len__(self) -> int:
        return len(self.exercises)

    def by_category(self) -> dict[str, list[Exercise]]:
        """Every category, in CATEGORIES order, with its exercises in file order."""
        return {cat: [ex for ex in self.exercises if ex.category == cat] for cat in CATEGORIES}
