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


def best_try(tries: list[float]) -> float | None:
    return max(tries) if tries else None
