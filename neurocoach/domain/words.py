"""Counts, durations, "how long ago" and sentences as a person reads them, for every surface.
Pure (the standard library, and humanize loaded where a function needs it, so that `status`
at every login does not): every layer may use it."""

from __future__ import annotations

import datetime as dt

_SENTENCE_ENDS = (".", "!", "?", "…")
_CLOSING = "”\"'’)"


def count(n: int, word: str, plural: str | None = None) -> str:
    """'1 check-in', '2 check-ins', '1,204 steps': digits grouped as humanize.intcomma
    groups them (without importing humanize: `status` uses this at every login), the
    right plural."""
    return f"{n:,} {word if n == 1 else plural or word + 's'}"


def sentence(text: str) -> str:
    """`text` with one full stop at the end: none added when it already ends a sentence,
    also inside closing quotes ('note “Right foot first.”', not '…first.”.')."""
    if text.rstrip(_CLOSING).endswith(_SENTENCE_ENDS):
        return text
    return text + "."


def join_words(items) -> str:
    """'a', 'a and b', 'a, b and c' (no Oxford comma): every list a person reads."""
    items = list(items)
    if not items:
        return ""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def ago(day, today) -> str:
    """'today', 'yesterday', '20 days ago', '2 months ago': how long ago `day` was, counted
    from `today` (the App's clock, never the machine's). Days are counted exactly below 45
    (humanize's naturaldelta says 'a month' from 20 days: too loose for a person's last
    session); beyond, humanize's months and years. A day after `today` reads 'today'."""
    gap = (today - day).days
    if gap <= 0:
        return "today"
    if gap == 1:
        return "yesterday"
    if gap < 45:
        return f"{gap} days ago"
    import humanize  # here, not above: `status` at every login mostly needs none of it

    midnight = dt.datetime.combine(today, dt.time())
    return humanize.naturaltime(dt.datetime.combine(day, dt.time()), when=midnight)


def in_days(days: int) -> str:
    """'in 3 days', 'in a month'."""
    import humanize

    return "in " + humanize.naturaldelta(dt.timedelta(days=days))


def duration(seconds: float) -> str:
    """Time spent exercising: '40 seconds', '12 minutes', '1 hour and 5 minutes' — never
    '0 minutes'; whole hours from ten hours up. The summary, Progress and the report all
    say a session's time with it."""
    import humanize

    spent = dt.timedelta(seconds=max(0, round(seconds)))
    if spent.total_seconds() < 60:
        return humanize.naturaldelta(spent)
    unit = "hours" if seconds >= 10 * 3600 else "minutes"
    return humanize.precisedelta(spent, minimum_unit=unit, suppress=["days", "months", "years"],
                                 format="%0.0f")


def seconds_held(seconds: float) -> str:
    """'12.5 s': a balance time, to the tenth of a second, on Progress and in the report
    alike (whole seconds would turn 2.5 s into '2 s' there and '2.5 s' here)."""
    return f"{seconds:.1f} s"


def about_minutes(minutes: int) -> str:
    """'about 15 minutes': a time estimate (Today, the plan, the report)."""
    return f"about {count(minutes, 'minute')}"
