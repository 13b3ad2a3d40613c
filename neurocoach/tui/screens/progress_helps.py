"""Progress's "What helps, honestly" in words: symptom scores after a session and after
none, with the days behind each figure and a caution, as markup (the figures are
services.progress.load_helps)."""

from __future__ import annotations

from textual.markup import escape

from neurocoach.coach.helps import MIN_DAYS, WINDOW_DAYS, Helps
from neurocoach.domain.models import SYMPTOMS
from neurocoach.domain.words import count

SHOWN_EXERCISES = 6


def _days(n: int) -> str:
    return count(n, "day")


def _score(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def helps_text(h: Helps, catalog) -> str:
    after, none = h.after_session, h.after_none
    if not h.enough:
        return (f"Not enough days to compare yet: {_days(after.days)} with a check-in after a "
                f"session, {_days(none.days)} after a day without. Figures show from "
                f"{MIN_DAYS} of each (the last {WINDOW_DAYS} days).")
    lines = [f"[b]{'':<10}{'after a session':>17}{'after none':>12}[/b]"]
    for name in SYMPTOMS:
        a, n = after.averages[name], none.averages[name]
        if a is None and n is None:
            continue
        lines.append(f"{name.capitalize():<10}{_score(a):>17}{_score(n):>12}")
    lines.append(f"{'Days':<10}{after.days:>17}{none.days:>12}")
    # Most days first; ties by id, never by the order of a set (it changes between runs).
    ranked = sorted(h.by_exercise.items(),
                    key=lambda item: (-item[1].days, item[0]))[:SHOWN_EXERCISES]
    if ranked:
        lines.append("Pain on days after a session with…")
        for ex_id, group in ranked:
            name = catalog.get(ex_id).name if ex_id in catalog else ex_id
            lines.append(f"  {escape(name)}: {_score(group.averages['pain'])} "
                         f"({_days(group.days)})")
    lines.append("[dim]This shows what went together, not what caused what: people often "
                 "train on their better days. Lower is better; the last "
                 f"{WINDOW_DAYS} days.[/]")
    return "\n".join(lines)
