"""Progress's symptom trends as small braille charts, one per symptom, where the screen is
wide enough; where it is not the widget takes no room (the table's trend line stays)."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from neurocoach.charts import change_mark, mark_words, trend_chart
from neurocoach.tui.screens.progress_data import Symptoms
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
            baseline = row.change.baseline if row.change else None
            change = change_mark(baseline, row.week_average)
            rows = trend_chart(row.cells, chart, ROWS, baseline=baseline,
                               recent=row.week_average,
                               recent_share=min(1.0, 7 / max(1, s.range_days)))
            first = (f"{baseline:.1f} → {row.week_average:.1f}" if change
                     else "" if row.week_average is None else f"week {row.week_average:.1f}")
            side = [first, mark_words(change)]
            for n, text in enumerate(rows):
                name = row.name.capitalize() if n == 0 else ""
                lines.append(f"{name:<{LABEL}}{text}  {side[n] if n < len(side) else ''}")
        if lines:
            lines.append(f"{'':<{LABEL}}0 at the bottom, 10 at the top; dotted: "
                         "first month, and last week")
        return lines

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        return Content("\n".join(self.lines(self.content_size.width)))

    @property
    def text(self) -> str:
        return str(self.render())
