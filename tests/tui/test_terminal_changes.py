"""tui/terminal.py: only the cells that change reach the terminal, and what it shows is
exactly what Textual's full output would show (checked on a terminal emulator)."""

from __future__ import annotations

import pytest
from rich.color import ColorSystem
from rich.segment import Segment
from rich.style import Style
from textual._compositor import LayoutUpdate
from textual.geometry import Region
from textual.strip import Strip

from neurocoach.tui.terminal import TerminalModel, changed_cells

pyte = pytest.importorskip("pyte")  # in the bench extra: pip install -e '.[dev,bench]'

W, H = 20, 3
GREEN = Style(color="green", bgcolor="black")
GREY = Style(color="grey50", bgcolor="black")
BOLD = Style(bold=True, bgcolor="black")


class Console:
    _color_system = None  # rendered as TRUECOLOR, as Textual does when none is set


def frame(rows: list[list[tuple[str, Style]]]) -> LayoutUpdate:
    strips = [[Strip([Segment(t, s) for t, s in row]).adjust_cell_length(W, GREY)]
              for row in rows]
    return LayoutUpdate(strips, Region(0, 0, W, H))


def screen_after(*texts: str) -> pyte.Screen:
    screen = pyte.Screen(W, H)
    stream = pyte.Stream(screen)
    for text in texts:
        stream.feed(text)
    return screen


def cells(screen: pyte.Screen) -> list:
    return [[(c.data, c.fg, c.bg, c.bold) for c in (screen.buffer[y][x] for x in range(W))]
            for y in range(H)]


def calendar(marks: str) -> list[list[tuple[str, Style]]]:
    return [[("Mon ", GREY), *[(m, GREEN if m == "●" else GREY) for m in marks]],
            [("Today", BOLD), (" 界 wide", GREY)],
            [("", GREY)]]


def test_a_repeated_frame_sends_nothing_and_a_change_only_its_cells():
    model = TerminalModel()
    console = Console()
    first = frame(calendar("● ● ○ ● ●"))
    sent = [changed_cells(first, model, W, H).render_segments(console)]
    assert "Mon" in sent[0] and "界" in sent[0]
    assert changed_cells(frame(calendar("● ● ○ ● ●")), model, W, H).render_segments(console) == ""
    later = frame(calendar("● ● ● ● ●"))
    sent.append(changed_cells(later, model, W, H).render_segments(console))
    assert sent[1].count("●") == 1 and "Mon" not in sent[1] and len(sent[1]) < 40
    # What the terminal shows is what Textual's own full output of the last frame shows.
    assert cells(screen_after(*sent)) == cells(screen_after(later.render_segments(console)))


def test_runs_of_one_style_carry_one_style_code():
    model = TerminalModel()
    row = [[("●●●●●●●●", GREEN)], [("", GREY)], [("", GREY)]]
    text = changed_cells(frame(row), model, W, H).render_segments(Console())
    assert text.count("\x1b[") <= 6  # moves and style changes, not one per cell
    textual = frame(row).render_segments(Console())
    assert len(text) < len(textual)
    assert cells(screen_after(text)) == cells(screen_after(textual))


def test_a_new_size_starts_afresh():
    model = TerminalModel()
    changed_cells(frame(calendar("● ●")), model, W, H).render_segments(Console())
    again = changed_cells(frame(calendar("● ●")), model, W, H + 1).render_segments(Console())
    assert "Mon" in again


def test_no_control_code_in_a_cell_reaches_the_terminal():
    # The model writes cells itself, not through Strip.render (i14's cleaning): a note
    # holding an OSC title change or a screen wipe must not be sent as it is.
    model = TerminalModel()
    note = "a\x1b]0;owned\x07b\x1b[2Jc\x9bd"
    row = [[(note, GREEN)], [("", GREY)], [("", GREY)]]
    text = changed_cells(frame(row), model, W, H).render_segments(Console())
    assert "\x07" not in text and "\x9b" not in text and "\x1b]0" not in text
    assert "\x1b[2J" not in text
    assert screen_after(text).display[0] == "a]0;ownedb[2Jcd".ljust(W)


def test_cells_are_a_character_a_cell_except_wide_and_joining_ones():
    """The quick path (a text whose characters each take one cell) gives the same cells as
    going character by character: wide ones take two, joining ones stay with theirs."""
    model = TerminalModel()
    strip = Strip([Segment("Heel ─┤⣿⠁", GREEN), Segment("界x", GREY),
                   Segment("e\u0301!", BOLD), Segment("ab\x1bc", GREY)])
    got = model.cells(strip, ColorSystem.TRUECOLOR)
    assert [c[0] for c in got] == [*"Heel ─┤⣿⠁", "界", "", "x", "e\u0301", "!", "a", "b", "c"]
    assert got[0][1:] == got[8][1:] != got[9][1:] == got[10][1:]
