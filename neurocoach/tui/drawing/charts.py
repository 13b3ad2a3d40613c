"""Charts as text: a symptom trend drawn in braille with its baseline and last week marked.
Pure: no Textual. The SVG charts of the report are in report_svg.

Whether a change is meaningful is asked in ONE place, `change_mark`, for the braille chart
and the report's SVG alike: point it at another rule and both follow.
"""

from __future__ import annotations

from collections.abc import Sequence

from neurocoach.tui.drawing.braille import Canvas, polyline
from neurocoach.coach.change import MeaningfulChange

TOP = 10.0
"""Symptom scores are 0–10."""


def mark_words(change: MeaningfulChange | None) -> str:
    """'meaningful: better' / 'meaningful: worse' / '' — words, never colour alone."""
    if change is None or not change.meaningful:
        return ""
    return f"meaningful: {change.direction}"


def _y(value: float, canvas: Canvas, top: float) -> float:
    clipped = max(0.0, min(value, top))
    return (canvas.dot_height - 1) * (1 - clipped / top)


def trend_chart(values: Sequence[float | None], width: int, height: int, *,
                top: float = TOP, baseline: float | None = None,
                recent: float | None = None, recent_share: float = 0.0) -> list[str]:
    """`values` (oldest first, None for no score) as a line on a `width` x `height` braille
    chart, 0 at the bottom and `top` at the top. A dotted line marks `baseline` across the
    chart; another marks `recent` over the last `recent_share` of it (the last week)."""
    canvas = Canvas(width, height)
    if not values or not width or not height:
        return canvas.rows()
    last = canvas.dot_width - 1
    step = last / max(1, len(values) - 1)
    points = [None if v is None else (i * step, _y(v, canvas, top))
              for i, v in enumerate(values)]
    polyline(canvas, points)
    if baseline is not None:
        y = _y(baseline, canvas, top)
        for x in range(0, canvas.dot_width, 4):
            canvas.set(x, y)
    if recent is not None and recent_share > 0:
        y = _y(recent, canvas, top)
        start = round(last * (1 - min(1.0, recent_share)))
        for x in range(start, canvas.dot_width, 2):
            canvas.set(x, y)
    return canvas.rows()
