"""The report's charts as inline SVG: no script, no fonts or images from the network, black
on white so they print. Each returns a Chart (the SVG and the words it shows)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

from neurocoach.coach.change import MeaningfulChange
from neurocoach.domain.models import SYMPTOMS

WIDTH = 640
PATTERNS = ("", "6 3", "2 3", "9 3 2 3", "1 2", "6 2 1 2")
DASHES = dict(zip(SYMPTOMS, PATTERNS))
"""Each symptom's line pattern (in SYMPTOMS' order): told apart without colour."""


@dataclass
class Chart:
    svg: str
    caption: str


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _svg(height: int, label: str, body: list[str]) -> str:
    # No xmlns: inline SVG in HTML needs none (and the page names no address at all).
    return (f'<svg viewBox="0 0 {WIDTH} {height}" '
            f'width="100%" role="img" aria-label="{escape(label)}" '
            f'font-family="Georgia, serif" font-size="11">' + "".join(body) + "</svg>")


def symptom_chart(checkins: list[dict], start: dt.date, today: dt.date,
                  changes: dict[str, MeaningfulChange | None]) -> Chart:
    """A panel per symptom: the daily scores, the baseline (the first week with scores)
    and the last week's average as lines, the last week shaded, and the gap between the
    two lines shaded when the change is meaningful — the one measure (coach.change) the
    report's words and Progress use."""
    span = max(1, (today - start).days)
    panel, top, left, right = 70, 18, 70, WIDTH - 130
    body = []
    x = lambda day: left + (right - left) * (day - start).days / span  # noqa: E731
    for n, symptom in enumerate(SYMPTOMS):
        y0 = top + n * (panel + 14)
        y = lambda v: y0 + panel * (1 - v / 10)  # noqa: E731,B023
        body.append(f'<g class="panel" data-symptom="{symptom}">')
        body.append(f'<text x="4" y="{y0 + 12}" font-weight="bold">{symptom.capitalize()}</text>')
        body.append(f'<rect x="{left}" y="{y0}" width="{right - left}" height="{panel}" '
                    'fill="none" stroke="#999"/>')
        last_week = max(start, today - dt.timedelta(days=6))
        body.append(f'<rect class="last-week" x="{_num(x(last_week))}" y="{y0}" '
                    f'width="{_num(x(today) - x(last_week))}" height="{panel}" fill="#eee"/>')
        change = changes.get(symptom)
        base = change.baseline if change else None
        recent = change.recent if change else None
        if change is not None and change.meaningful:
            low, high = sorted((y(base), y(recent)))
            body.append(f'<rect class="meaningful" x="{left}" y="{_num(low)}" '
                        f'width="{right - left}" height="{_num(high - low)}" fill="#ccc" '
                        'fill-opacity="0.6"/>')
            body.append(f'<text x="{right + 6}" y="{y0 + 40}">meaningful</text>')
            body.append(f'<text x="{right + 6}" y="{y0 + 53}">{change.direction}</text>')
        for value, name, dash in ((base, "baseline", "4 2"), (recent, "recent", "1 2")):
            if value is not None:
                body.append(f'<line class="{name}" x1="{left}" x2="{right}" '
                            f'y1="{_num(y(value))}" y2="{_num(y(value))}" stroke="#000" '
                            f'stroke-dasharray="{dash}"/>')
        if base is not None and recent is not None:
            body.append(f'<text x="{right + 6}" y="{y0 + 14}">{_num(base)} → {_num(recent)}'
                        "</text>")
        points = [(x(dt.date.fromisoformat(c["date"])), y(c[symptom])) for c in
                  sorted(checkins, key=lambda c: c["date"]) if c[symptom] is not None]
        path = " ".join(f"{_num(px)},{_num(py)}" for px, py in points)
        body.append(f'<polyline class="series" data-symptom="{symptom}" points="{path}" '
                    f'fill="none" stroke="#000" stroke-width="1.5" '
                    f'stroke-dasharray="{DASHES[symptom]}"/>')
        for label, value in (("10", 10), ("0", 0)):
            body.append(f'<text x="{left - 6}" y="{_num(y(value) + 4)}" '
                        f'text-anchor="end">{label}</text>')
        body.append("</g>")
    height = top + len(SYMPTOMS) * (panel + 14)
    caption = ("Daily scores, 0 (none) to 10 (worst). Dashed: the average of the first days; "
               "dotted: of the last days; the last week is shaded, and a meaningful change "
               "shades the gap between the two.")
    return Chart(_svg(height, "Symptom scores over the period", body), caption)


def adherence_chart(weeks: list[tuple[dt.date, int, int]], good: float = 0.7) -> Chart:
    """A bar per week: days trained of days planned, with the good-adherence line."""
    height, top, bottom, left = 170, 12, 140, 40
    inner = WIDTH - left - 10
    body = [f'<line x1="{left}" x2="{WIDTH - 10}" y1="{bottom}" y2="{bottom}" stroke="#000"/>']
    y = lambda share: bottom - (bottom - top) * share  # noqa: E731
    gap = inner / max(1, len(weeks))
    for n, (monday, planned, done) in enumerate(weeks):
        share = min(1.0, done / planned) if planned else 0.0
        bx = left + n * gap + gap * 0.15
        body.append(f'<rect class="bar" x="{_num(bx)}" y="{_num(y(share))}" '
                    f'width="{_num(gap * 0.7)}" height="{_num(bottom - y(share))}" '
                    f'fill="#888"><title>Week of {monday.isoformat()}: {done} of {planned}'
                    "</title></rect>")
        if len(weeks) <= 16 or n % 4 == 0:
            body.append(f'<text x="{_num(bx)}" y="{bottom + 14}">{monday:%d %b}</text>')
    body.append(f'<line class="norm" x1="{left}" x2="{WIDTH - 10}" y1="{_num(y(good))}" '
                f'y2="{_num(y(good))}" stroke="#000" stroke-dasharray="5 3"/>')
    for share in (0, 0.5, 1):
        body.append(f'<text x="{left - 4}" y="{_num(y(share) + 4)}" text-anchor="end">'
                    f"{round(share * 100)} %</text>")
    caption = (f"Share of each week's planned days trained; the dashed line is "
               f"{round(good * 100)} %.")
    return Chart(_svg(height, "Weekly adherence", body), caption)


def balance_chart(best: dict[dt.date, dict[str, float]], typical: float | None) -> Chart:
    """Each test day's best time per side, with the typical time for the age as a line."""
    height, top, bottom, left = 170, 12, 140, 40
    days = sorted(best)
    highest = max([v for d in days for v in best[d].values()] + [typical or 0, 10])
    y = lambda s: bottom - (bottom - top) * s / highest  # noqa: E731
    x = lambda i: left + (WIDTH - left - 20) * (i / max(1, len(days) - 1))  # noqa: E731
    body = [f'<line x1="{left}" x2="{WIDTH - 10}" y1="{bottom}" y2="{bottom}" stroke="#000"/>']
    if typical:
        body.append(f'<line class="norm" x1="{left}" x2="{WIDTH - 10}" '
                    f'y1="{_num(y(typical))}" y2="{_num(y(typical))}" stroke="#000" '
                    'stroke-dasharray="5 3"/>')
        body.append(f'<text x="{WIDTH - 12}" y="{_num(y(typical) - 4)}" text-anchor="end">'
                    f"typical {typical:.0f} s</text>")
    for side, dash, mark in (("left", "", "L"), ("right", "4 2", "R")):
        points = [(x(i), y(best[d][side])) for i, d in enumerate(days) if side in best[d]]
        if not points:
            continue
        body.append(f'<polyline class="series" data-side="{side}" points="'
                    + " ".join(f"{_num(px)},{_num(py)}" for px, py in points)
                    + f'" fill="none" stroke="#000" stroke-dasharray="{dash}"/>')
        for px, py in points:
            body.append(f'<text x="{_num(px)}" y="{_num(py - 3)}" text-anchor="middle">'
                        f"{mark}</text>")
    body.append(f'<text x="{left - 4}" y="{_num(y(highest) + 4)}" text-anchor="end">'
                f"{highest:.0f} s</text>")
    caption = "Best time standing on each foot (L left, R right); dashed: typical for the age."
    return Chart(_svg(height, "Balance self-tests", body), caption)
