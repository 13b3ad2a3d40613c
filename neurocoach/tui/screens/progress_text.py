"""The words and tables of Progress, as markup: every date, duration and count through
domain.words (relative to the App clock's today, never the machine's), state always in
words or symbols as well as colour."""

from __future__ import annotations

import datetime as dt

import humanize

from neurocoach.coach.norms import TRIES
from neurocoach.coach.change import MeaningfulChange
from neurocoach.coach.stats import SKIPS_PER_MONTH
from neurocoach.domain.words import ago, count, duration, seconds_held
from neurocoach.services.progress import (
    RANGES, SIDES, Adherence, Balance, Symptoms, Work,
)
from neurocoach.tui.widgets.trend import trend_line

NAME_WIDTH = 9


def signed(value: float, unit: str = "") -> str:
    """+1.5 / −1.5 / ±0.0 with a real minus sign, and a unit if given."""
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    return f"{sign}{abs(value):.1f}{' ' + unit if unit else ''}"


def percent(share: float) -> str:
    return f"{round(share * 100)} %"


# -- adherence -------------------------------------------------------------------------
def adherence_text(a: Adherence) -> str:
    if a.start is None:
        return ("No sessions yet. Your streak starts with the first one: [b]t[/b] for Today, "
                "then [b]enter[/b].")
    s = a.streaks
    streak = count(s.current, "day") if s.current else "none right now"
    week = f"{a.this_week} of {count(a.days_per_week, 'planned day')}"
    if a.this_week >= a.days_per_week:
        week += " — the week's plan is done"
    return (f"Streak [b]{streak}[/b] · longest {count(s.longest, 'day')} · "
            f"consistency [b]{percent(a.score)}[/b]\n"
            f"This week: {week}\n"
            f"[dim]Rest days and up to {humanize.apnumber(SKIPS_PER_MONTH)} skipped days"
            f" a month keep a streak going. Consistency builds over weeks; a few missed days"
            f" barely move it.[/]")


# -- symptoms --------------------------------------------------------------------------
def change_text(change: MeaningfulChange | None) -> str:
    if change is None:
        return "—"
    text = signed(change.points)
    if change.percent is not None:
        psign = "+" if change.percent > 0 else ("−" if change.percent < 0 else "±")
        text += f" ({psign}{abs(change.percent)} %)"
    if change.meaningful:  # the sign says which way; "Lower is better" is on screen
        colour = "$success" if change.direction == "better" else "$warning"
        text += f" [b {colour}]meaningful[/]"
    return text


def symptoms_text(s: Symptoms, today: dt.date) -> str:
    recorded = [r.latest for r in s.rows if r.latest]
    if not recorded:
        return ("No check-ins yet. [b]t[/b] for Today, then [b]c[/b]: a few keys a day, and "
                "trends show up here.")
    last = max(day for day, _ in recorded)
    cell = "a day" if s.days_per_cell == 1 else count(s.days_per_cell, "day")
    width = len(s.rows[0].cells)
    lines = [
        f"Last check-in {ago(last, today)}. Lower is better. [b]r[/b] shows "
        f"{next_range(s.range_days)} days.",
        f"[b]{'':<{NAME_WIDTH}}{'now':>4}{'week':>5}  {f'last {s.range_days} days':<{width}}"
        f"  vs first week[/b]",
    ]
    for row in s.rows:
        now = str(row.latest[1]) if row.latest else "—"
        week = f"{row.week_average:.1f}" if row.week_average is not None else "—"
        if row.change is not None:
            versus = change_text(row.change)
        elif row.latest is None:
            versus = "—"
        else:
            versus = "after 3 weeks"
        line = trend_line(row.cells).replace(" ", "·")
        lines.append(f"{row.name.capitalize():<{NAME_WIDTH}}{now:>4}{week:>5}  "
                     f"{line}  {versus}")
    lines.append(f"[dim]0–10; a mark is {cell}, · no check-in. Last 7 days vs your first "
                 f"7: 2 points or 30 % is meaningful (validated for pain; the same threshold "
                 f"for the others).[/]")
    return "\n".join(lines)


def next_range(days: int) -> int:
    return RANGES[(RANGES.index(days) + 1) % len(RANGES)] if days in RANGES else RANGES[0]


# -- balance ---------------------------------------------------------------------------
def balance_text(b: Balance, today: dt.date) -> str:
    if b.latest is None:
        text = (f"No self-test yet. Press [b]b[/b]: stand on one foot beside a sturdy support, "
                f"{humanize.apnumber(TRIES)} tries a side, the best counts.")
        return text + ("\n" + _norm_line(b) if b.age is None else "")
    day, best = b.latest
    when = f"Last test {ago(day, today)}"
    if b.first and b.first[0] != day:
        when += f", first {ago(b.first[0], today)}"
    lines = [f"{when}; best of {humanize.apnumber(TRIES)} tries a side.", _norm_line(b)]
    first = b.first[1] if b.first and b.first[0] != day else {}
    values = [v for _, sides in b.history for v in sides.values()]
    top = max(values)
    lines.append(f"[b]{'':<{NAME_WIDTH}}{'last':>6}  {'vs typical':<28}{'since first':<13}"
                 f"trend[/b]")
    for side in SIDES:
        if side not in best:
            continue
        comparison = b.comparisons.get(side)
        versus = (f"{percent(comparison.share)}, {comparison.verdict}"
                  if comparison and comparison.share is not None else "—")
        since = signed(best[side] - first[side], "s") if side in first else "—"
        trend = trend_line([sides.get(side) for _, sides in b.history], top)
        lines.append(f"{side.capitalize():<{NAME_WIDTH}}{best[side]:>4.1f} s  {versus:<28}"
                     f"{since:<13}{trend}")
    for side, tested in b.side_days.items():
        if tested != day:
            lines.append(f"[dim]{side.capitalize()} foot: its last result, from "
                         f"{ago(tested, today)}.[/]")
    if len(b.history) > 1:
        lines.append(f"[dim]Trend: the last {count(len(b.history), 'test')}, "
                     f"0 to {seconds_held(top)}. Eyes open, standing foot still.[/]")
    return "\n".join(lines)


def _norm_line(b: Balance) -> str:
    if b.age is None:
        return ("[dim]Add your birth year to compare with people your age: "
                "[b]e[/b] edits your profile.[/]")
    comparison = next(iter(b.comparisons.values()), None)
    if comparison is None or comparison.typical is None:
        return (f"[dim]The typical times here start at age 40 (you are "
                f"{b.age}).[/]")
    return (f"Typical for {comparison.band}: about {comparison.typical:.0f} s "
            f"(Springer 2007).")


# -- work done -------------------------------------------------------------------------
def work_text(w: Work, today: dt.date) -> str:
    if not w.sessions:
        return "No sessions yet: [b]t[/b] for Today, then [b]enter[/b] starts one."
    col = 7
    head = "".join(f"{f'{m.day} {m:%b}':>{col}}" for m in w.week_mondays)
    lines = [f"[b]{'Minutes':<14}{head}[/b]"]
    totals = w.week_minutes
    for category, minutes in w.minutes.items():
        cells = "".join(f"{(humanize.intcomma(m) if m else '·'):>{col}}" for m in minutes)
        lines.append(f"{category.capitalize():<14}{cells}")
    lines.append(f"[b]{'All':<14}"
                 + "".join(f"{humanize.intcomma(m):>{col}}" for m in totals) + "[/b]")
    since = ""
    if w.first_session:
        since = f" since {w.first_session:%B %Y}"
        if (today - w.first_session).days >= 30:
            since += f" ({humanize.naturaldelta(today - w.first_session)})"
    lines.append(f"{count(w.sessions, 'session')}{since} · {duration(w.seconds)} of exercise")
    lines.append("[dim]Seconds and reps as logged; sets, and steps with neither, "
                 "from the usual dose.[/]")
    return "\n".join(lines)

