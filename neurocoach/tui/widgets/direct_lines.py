"""Lines handed to the screen as the widget drew them (issue 17: cheap cursor moves).

Textual passes every line a widget draws through its styles cache, which builds a new
strip for it each time (for a border, padding, tint or opacity this widget does not have):
the per-line colour filters then run afresh on every repaint, the strip's own caches never
being reached twice. A Library cursor move repaints some twenty such lines.

`DirectLines` is mixed into a widget that draws its own lines (`render_line`) and keeps
the strips it drew: while the widget's styles are plain (no border, outline, padding,
tint, hatch, opacity or border title) its lines go out as the styles cache would send them
(the same width, padding cells, filters and crop), from the kept strips, so a line drawn
before costs a few look-ups. Anything else goes through Textual's path unchanged.
tests/tui/test_direct_lines.py compares both, line by line.

Used by the Library's detail words, figure, scrollbars and list (whose border is drawn by a
frame around it for this: neurocoach.tcss). Unlike the styles cache, it keeps no lines of
its own: every line asked for is asked of `render_line`, so that must be cheap to repeat.
"""

from __future__ import annotations

from textual.geometry import Region
from textual.strip import Strip
from textual.style import Style


class DirectLines:
    """Mixed into a Widget that draws its own lines (see the module)."""

    def _plain_styles(self) -> bool:
        styles = self.styles
        return not (
            self.BLANK or any(edge for edge, _ in styles.border)
            or any(edge for edge, _ in styles.outline) or any(styles.padding)
            or styles.tint.a or self.opacity != 1.0 or styles.text_opacity != 1.0
            or (styles.has_rule("hatch") and styles.hatch != "none")
            or self.border_title is not None or self.border_subtitle is not None
            or self.content_size != self.size
            or (self.auto_links and self.hover_style.link_id))  # a link under the mouse

    def render_lines(self, crop: Region) -> list[Strip]:
        if not self._plain_styles():
            return super().render_lines(crop)
        finish = self._finisher()
        strips = [finish(self.render_line(y)) for y in crop.line_range]
        width = self.size.width
        if crop.column_span != (0, width):
            x1, x2 = crop.column_span
            strips = [strip.crop(x1, x2) for strip in strips]
        return strips

    def _finisher(self):
        """A line as the styles cache finishes it: padded to the width, then filtered (the
        results kept on the strip: the second time, a look-up)."""
        base_background, background = self.background_colors
        pad = Style(background=base_background + background).rich_style
        width = self.size.width
        filters = self.get_line_filters()

        def finish(strip: Strip) -> Strip:
            strip = strip.adjust_cell_length(width, pad)
            for line_filter in filters:
                strip = strip.apply_filter(line_filter, background)
            return strip

        return finish

    def finish_ahead(self, strips) -> None:
        """Finish lines drawn ahead (not shown yet) now, so showing them is a look-up."""
        if self._plain_styles():
            finish = self._finisher()
            for strip in strips:
                finish(strip)
