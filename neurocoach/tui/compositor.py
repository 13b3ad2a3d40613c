"""A partial repaint draws only the rows and widgets it sends (issue 17: cheap cursor moves).

Textual's compositor, for a partial update, takes the rectangle around every changed
region and renders in full each widget whose *container* overlaps it: a Library cursor
move changes two list rows on the left and the detail pane on the right, so the header,
the find box, the footer, both scrollbars and every row of the list were rendered as well,
then thrown away (only the changed spans are sent). Half the CPU of the move.

`RowCompositor` sends exactly what Textual's sends, built from less: each widget renders
only its rows that hold a changed span crossing its columns. A chop (a widget's piece of a
row) is sent only where it meets a changed span, and a chop lies within its widget, so a
widget that meets no span on a row contributes nothing to that row.
"""

from __future__ import annotations

from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.screen import Screen


class RowCompositor(Compositor):
    """Textual's compositor, with partial updates rendered row by row (see the module)."""

    def render_partial_update(self) -> ChopsUpdate | None:
        update_regions = self._dirty_regions.copy()
        self._dirty_regions.clear()
        if not update_regions:
            return None
        cuts = self.cuts
        height = len(cuts)
        spans = [span for span in self._regions_to_spans(update_regions) if 0 <= span[0] < height]
        if not spans:
            return None
        changed: dict[int, list[tuple[int, int]]] = {}
        for y, x1, x2 in spans:
            changed.setdefault(y, []).append((x1, x2))

        # The chops (a widget's piece of a row, from a cut to the next) a changed span meets.
        wanted: dict[int, list[int]] = {
            y: [cut for cut, end in zip(cuts[y], cuts[y][1:])
                if any(cut < x2 and end > x1 for x1, x2 in row_spans)]
            for y, row_spans in changed.items()}
        chops: list[dict] = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
        # Front to back, as Textual paints: the first strip for a cut wins, so a widget is
        # rendered only on the rows where a wanted chop within it is not drawn yet (the
        # screen and the containers behind a changed widget are not rendered at all).
        for widget, (region, clip) in self.visible_widgets.items():
            visible = region.intersection(clip)
            left, right = visible.column_span
            if not (left < right and visible.height):
                continue
            rows = [y for y in visible.line_range if any(
                left <= cut < right and chops[y][cut] is None for cut in wanted.get(y, ()))]
            for top, bottom in row_runs(rows):
                strips = widget.render_lines(Region(
                    left - region.x, top - region.y, right - left, bottom - top))
                for y, strip in zip(range(top, bottom), strips):
                    line = chops[y]
                    final_cuts = [cut for cut in cuts[y] if right >= cut >= left]
                    pieces = strip.divide([cut - left for cut in final_cuts[1:]])
                    for cut, piece in zip(final_cuts, pieces):
                        if line.get(cut) is None:
                            line[cut] = piece
        return ChopsUpdate(chops, spans, [cut_set[1:] for cut_set in cuts])


def row_runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted rows as [top, bottom) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for y in rows:
        if runs and runs[-1][1] == y:
            runs[-1] = (runs[-1][0], y + 1)
        else:
            runs.append((y, y + 1))
    return runs


class RowPainting:
    """Mixed into the App: every screen it registers paints with `RowCompositor`."""

    def _register(self, parent, *widgets, **kwargs):
        for widget in widgets:
            if isinstance(widget, Screen) and type(widget._compositor) is Compositor:
                widget._compositor = RowCompositor()
        return super()._register(parent, *widgets, **kwargs)
