"""Profile rules: sensible rest days, valid birth years, age bands for balance norms."""

from __future__ import annotations

import datetime as dt

DEFAULT_REST_DAYS = {
    7: (),
    6: (6,),
    5: (2, 6),
    4: (2, 4, 6),
    3: (1, 3, 5, 6),
    2: (1, 2, 4, 5, 6),
    1: (1, 2, 3, 4, 5, 6),
}
"""Rest days spread through the week for each number of training days (Monday = 0)."""

AGE_BANDS = ((0, 39, "under 40"), (40, 49, "40–49"), (50, 59, "50–59"), (60, 69, "60–69"),
             (70, 79, "70–79"), (80, 200, "80 and over"))


def rest_days_for(days_per_week: int) -> tuple[int, ...]:
    return DEFAULT_REST_DAYS[max(1, min(7, days_per_week))]


def rest_weekdays_of(days_per_week: int, rest_days) -> frozenset[int]:
    """The rest weekdays of a plan or profile with these training and rest days: the chosen
    rest days, and more (the usual spread) if they leave more training days than
    `days_per_week`. Fewer training days than asked: the chosen rest days win."""
    rest = {d for d in rest_days if 0 <= d <= 6}
    for extra in rest_days_for(days_per_week):
        if 7 - len(rest) <= days_per_week:
            break
        rest.add(extra)
    return frozenset(rest)


def parse_birth_year(text: str, today: dt.date) -> int | None:
    """'' means not given. Raises ValueError with a sentence a person can act on."""
    text = text.strip()
    if not text:
        return None
    if not text.isdigit():
        raise ValueError("Birth year must be a year in digits, like 1956.")
    year = int(text)
    if not 1900 <= year <= today.year - 18:
        raise ValueError(f"Birth year must be between 1900 and {today.year - 18}.")
    return year


def age_band(age: int | None) -> str | None:
    if age is None:
        return None
    for low, high, name in AGE_BANDS:
        if low <= age <= high:
            return name
    return None
