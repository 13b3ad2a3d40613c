"""The CDC STEADI 4-stage balance test and the 30-second chair stand, with their norms
(CLINICAL.md: CDC STEADI; Rikli & Jones). Pure: results in, words out.

Both are done beside a sturdy support, by a clinician or with someone beside the person.
"""

from __future__ import annotations

from dataclasses import dataclass

STEADI_STAGES = (
    ("Feet side by side", "Stand with your feet together, side by side."),
    ("Semi-tandem", "Put the instep of one foot against the big toe of the other."),
    ("Tandem", "Put one foot right in front of the other, heel touching toe."),
    ("One leg", "Stand on one foot."),
)
"""Each stage is held for 10 seconds without moving the feet or holding on; the test goes
on to the next stage only after a stage is held."""
STEADI_SECONDS = 10
STEADI_TANDEM = 3
"""Not holding the tandem stance (stage 3) for 10 s marks a raised risk of falling."""

CHAIR_STAND_SECONDS = 30
CHAIR_STAND_MAX = 60
CHAIR_STAND_NORMS = {(60, 64): ((14, 19), (12, 17)), (65, 69): ((12, 18), (11, 16))}
"""Typical full stands in 30 s, (men, women), by age (Rikli & Jones; CLINICAL.md)."""

WITH_SOMEONE = ("Do this test with a clinician, or with someone beside you, next to a sturdy "
                "support you can grab.")


@dataclass(frozen=True)
class Verdict:
    result: int
    words: str  # what the result means, in plain words
    typical: str  # the norm it is compared with
    concern: bool  # below the norm: worth telling the clinician


def steadi_verdict(stages_held: int) -> Verdict:
    """`stages_held`: how many stages in a row were held for 10 s (0-4)."""
    held = max(0, min(len(STEADI_STAGES), stages_held))
    name = STEADI_STAGES[held - 1][0].lower() if held else "none"
    typical = "the norm: the tandem stance, stage 3, held 10 s"
    if held >= STEADI_TANDEM:
        return Verdict(held, f"held {held} of 4 stages (last: {name}): no raised fall risk "
                             "by this test", typical, False)
    return Verdict(held, f"held {held} of 4 stages: the tandem stance was not held for 10 s, "
                         "which marks a raised risk of falling; tell your clinician",
                   typical, True)


def chair_stand_norm(age: int | None) -> tuple[tuple[int, int], tuple[int, int]] | None:
    if age is None:
        return None
    for (low, high), ranges in CHAIR_STAND_NORMS.items():
        if low <= age <= high:
            return ranges
    return None


def chair_stand_verdict(stands: int, age: int | None) -> Verdict:
    norm = chair_stand_norm(age)
    if norm is None:
        why = "no age on file" if age is None else "the coach has figures for ages 60-69 only"
        return Verdict(stands, f"{stands} stands in 30 s ({why})", "", False)
    (men_low, men_high), (women_low, women_high) = norm
    typical = (f"typical for the age: men {men_low}-{men_high}, women "
               f"{women_low}-{women_high}")
    if stands < min(men_low, women_low):
        return Verdict(stands, f"{stands} stands in 30 s: below the typical range; tell your "
                               "clinician", typical, True)
    if stands < max(men_low, women_low):
        return Verdict(stands, f"{stands} stands in 30 s: at the low end of the typical "
                               "range", typical, False)
    return Verdict(stands, f"{stands} stands in 30 s: within or above the typical range",
                   typical, False)


def summary_lines(tests, age: int | None) -> list[str]:
    """The latest STEADI and chair-stand results (and the first, if different), in words,
    for Progress and the report. `tests`: (day, kind, result), oldest first."""
    lines = []
    for kind, title, verdict in (
            ("steadi", "4-stage balance (STEADI)", lambda r: steadi_verdict(r)),
            ("chair_stand", "30-second chair stand", lambda r: chair_stand_verdict(r, age))):
        mine = [t for t in tests if t[1] == kind]
        if not mine:
            lines.append(f"{title}: not done yet.")
            continue
        day, _, result = mine[-1]
        v = verdict(result)
        line = f"{title}, {day.isoformat()}: {v.words}"
        if v.typical:
            line += f" ({v.typical})"
        if len(mine) > 1 and mine[0][2] != result:
            line += f"; first time {mine[0][2]} on {mine[0][0].isoformat()}"
        lines.append(line + ".")
    return lines
