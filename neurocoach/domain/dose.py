"""A dose: how much of an exercise, in sets of reps, a hold or minutes.

A plain type every layer passes (the catalog's levels, the plan's fixed doses, the store's
logged outcomes), so it lives below all of them; `neurocoach.catalog` re-exports it.
"""

from __future__ import annotations

from dataclasses import dataclass

from neurocoach.domain.words import count

DOSE_KINDS = ("reps", "hold", "minutes")
DOSE_LIMITS = {"sets": 10, "reps": 100, "seconds": 3600, "minutes": 180}
DOSE_AMOUNT = {"reps": "reps", "hold": "seconds", "minutes": "minutes"}  # kind -> its number


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
