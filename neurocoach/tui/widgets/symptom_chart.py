"""Progress's symptom trends as small braille charts, one per symptom, where the screen is
wide enough; where it is not the widget takes no room (the table's trend line stays)."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from neurocoach.tui.drawing.charts import mark_words, trend_chart
from neurocoach.services.progress import Symptoms
from neurocoach.tui.widgets.figure import braille_ok

LABEL, SIDE, ROWS = 10, 24, 3
"""Columns for the name and for the figures beside a chart; rows of braille a chart."""
MIN_CHART, MAX_CHART = 20, 60


class SymptomCharts(Widget):
    """A chart per symptom with scores: the line, the baseline dotted across, last week's
    average dotted over its own days, and 'meaningful' in words when it is."""

    DEFAULT_CSS = """
    SymptomCharts { height: auto; margin: 1 0 0 0; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.symptoms: Symptoms | None = None
        self.plain = not braille_ok()
        """No braille under a non-UTF-8 locale: then only the table's trend line shows."""

    def show(self, symptoms: Symptoms) -> None:
        self.symptoms = symptoms
        self.refresh(layout=True)

    def _chart_width(self, width: int) -> int:
        return min(MAX_CHART, width - LABEL - SIDE)

    def lines(self, width: int) -> list[str]:
        s = self.symptoms
        chart = self._chart_width(width)
        if s is None or self.plain or chart < MIN_CHART:
            return []
        lines = []
        for row in s.rows:
            if not any(v is not None for v in row.cells):
                continue
            change = row.change  # coach.change: the same figures as the table and report
            baseline = change.baseline if change else None
            recent = change.recent if change else row.week_average
            rows = trend_chart(row.cells, chart, ROWS, baseline=baseline, recent=recent,
                               recent_share=min(1.0, 7 / max(1, s.range_days)))
            first = (f"{baseline:.1f} → {recent:.1f}" if change
                     else "" if recent is None else f"week {recent:.1f}")
            side = [first, mark_words(change)]
            for n, text in enumerate(rows):
                name = row.name.capitalize() if n == 0 else ""
                lines.append(f"{name:<{LABEL}}{text}  {side[n] if n < len(side) else ''}")
        if lines:
            lines.append(f"{'':<{LABEL}}0 at the bottom, 10 at the top; dotted: "
                         "first week, and last week")
        return lines

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        return Content("\n".join(self.lines(self.content_size.width)))

    @property
    def text(self) -> str:
        return str(self.render())
