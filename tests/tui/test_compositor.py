"""A partial repaint renders only what it sends (issue 17): the rows that changed, in the
widgets under them, and sends exactly what Textual's own compositor would."""

from __future__ import annotations

import io
import re

from rich.console import Console
from textual._compositor import Compositor
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Footer, Header, Input

from neurocoach.tui.compositor import RowCompositor


def sent(update) -> str:
    """What a ChopsUpdate writes to the terminal."""
    out = io.StringIO()
    console = Console(file=out, width=80, height=24, color_system="truecolor",
                      force_terminal=True, legacy_windows=False)
    console.print(update, end="")
    return out.getvalue()


MOVE = r"\x1b\[\d+;\d+H"


def drawn(text: str) -> str:
    """The text less the cursor moves that draw nothing (another move or the end follows:
    Textual moves to a widget's piece that starts where a changed span ends, then writes
    none of it; ours does not render that widget for it)."""
    return re.sub(f"(?:{MOVE})+(?=(?:{MOVE})|\n|$)", "", text)


async def test_a_cursor_move_renders_only_the_rows_it_changes(make_app, monkeypatch):
    """j in the Library changes two list rows and the detail pane: the header, the find
    box and the footer are not rendered at all, the list only on its changed rows (it was
    every widget whose container met the changed area, each in full: 250 rows a move)."""
    from neurocoach.tui.widgets.direct_lines import DirectLines

    rendered: list[tuple[Widget, Region]] = []
    inside: list[Widget] = []

    def counting(render_lines):
        def counted(self, crop):
            if self not in inside:  # DirectLines' own, or Textual's under it: once
                rendered.append((self, crop))
            inside.append(self)
            try:
                return render_lines(self, crop)
            finally:
                inside.pop()
        return counted

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        screen = app.screen
        assert type(screen._compositor) is RowCompositor
        monkeypatch.setattr(Widget, "render_lines", counting(Widget.render_lines))
        monkeypatch.setattr(DirectLines, "render_lines", counting(DirectLines.render_lines))
        await pilot.press("j")
        await pilot.pause()
        monkeypatch.undo()
        untouched = {*screen.query(Header), *screen.query(Footer), *screen.query(Input)}
        assert rendered and not untouched & {w for w, _ in rendered}
        listed = [crop for w, crop in rendered if w.id == "exercise-list"]
        assert listed and sum(crop.height for crop in listed) <= 4, listed
        assert sum(crop.height for _, crop in rendered) < 120, len(rendered)


async def test_it_sends_what_textual_would_for_any_changed_regions(make_app):
    """For changed regions of every shape (a row, a pane, regions side by side, across
    widgets, the whole screen), the bytes sent are Textual's, byte for byte, but for the
    cursor moves Textual sends that draw nothing."""
    cases = [
        [Region(1, 5, 35, 1), Region(1, 6, 35, 1), Region(39, 9, 38, 13), Region(77, 10, 1, 1)],
        [Region(0, 0, 80, 1)],
        [Region(0, 23, 80, 1), Region(10, 2, 3, 4)],
        [Region(30, 3, 20, 10)],
        [Region(0, 0, 80, 24)],
        [Region(5, 20, 75, 4), Region(0, 12, 80, 1)],
    ]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "j", "j")
        await pilot.pause()
        compositor = app.screen._compositor
        for regions in cases:
            compositor._dirty_regions.update(regions)
            ours = sent(compositor.render_partial_update())
            compositor._dirty_regions.update(regions)
            textuals = sent(Compositor.render_partial_update(compositor))
            assert drawn(ours) == drawn(textuals), regions
            assert len(ours) <= len(textuals), regions
