"""Where a balance self-test sits against people of the same age (pure)."""

from __future__ import annotations

from dataclasses import dataclass

from neurocoach.coach.profile import age_band

SINGLE_LEG_STANCE = {
    "40–49": 40.0,
    "50–59": 37.0,
    "60–69": 27.0,
    "70–79": 15.0,
    "80 and over": 6.0,
}
"""Typical single-leg stance, eyes open, best of 3, in seconds, by age band
(Springer et al. 2007, J Geriatr Phys Ther 30(1):8–15; see content/CLINICAL.md)."""

CLOSE_TO_TYPICAL = 0.75
"""Three quarters of the typical time or more reads as "close to typical"."""

TRIES = 3
"""Tries per side; the best counts (as in Springer 2007)."""

MAX_SECONDS = 60.0
"""A try stops by itself here: the norms top out near 45 s, and a forgotten timer should
not record a minute of standing that did not happen."""

SHORTEST_HOLD = 0.3
"""A try shorter than this is not a hold, and is not counted: a person presses space, then
reacts to the foot touching down (a reaction takes about a quarter of a second at best),
so two presses this close together are a double press or keys delivered in one burst by
a slow link. Counted, a 0.0 s "try" would be saved as the side's result when it is the
only one, and read as a fall in balance on Progress and in the clinician's report."""


@dataclass(frozen=True)
class StanceComparison:
    band: str | None         # the age band, None without a birth year
    typical: float | None    # typical seconds for the band, None if there is no norm
    seconds: float
    share: float | None      # seconds / typical

    @property
    def verdict(self) -> str:
        if self.band is None:
            return "no age on file"
        if self.typical is None:
            return "no typical figure for your age band"
        if self.share >= 1:
            return "at or above typical"
        if self.share >= CLOSE_TO_TYPICAL:
            return "close to typical"
        return "below typical"


def compare_stance(seconds: float, age: int | None) -> StanceComparison:
    band = age_band(age)
    typical = SINGLE_LEG_STANCE.get(band) if band else None
    share = seconds / typical if typical else None
    return StanceComparison(band=band, typical=typical, seconds=seconds, share=share)


SIDES = ("left", "right")


class SelfTest:
    """Tries of one single-leg stance test: up to TRIES a side, left first, then right."""

    def __init__(self) -> None:
        self.tries: dict[str, list[float]] = {side: [] for side in SIDES}
        self.side = SIDES[0]

    def record(self, seconds: float) -> bool:
        """Add a try for the current side; when that side is full, move to the other.
        False when it is not counted: the side is full, or it is shorter than a hold."""
        if self.side_full(self.side) or seconds < SHORTEST_HOLD:
            return False
        self.tries[self.side].append(round(min(max(seconds, 0.0), MAX_SECONDS), 1))
        if self.side_full(self.side):
            other = next(s for s in SIDES if s != self.side)
            if not self.side_full(other):
                self.side = other
        return True

    def side_full(self, side: str) -> bool:
        return len(self.tries[side]) >= TRIES

    @property
    def finished(self) -> bool:
        return all(self.side_full(side) for side in SIDES)

    def undo(self) -> bool:
        """Drop the current side's last try (or, if it has none, the other side's last and
        go back to it). False if there was nothing to drop."""
        for side in (self.side, *(s for s in SIDES if s != self.side)):
            if self.tries[side]:
                self.tries[side].pop()
                self.side = side
                return True
        return False

    def best(self) -> dict[str, float]:
        """The best try of each side that has one: what gets saved."""
        return {side: max(t) for side, t in self.tries.items() if t}
