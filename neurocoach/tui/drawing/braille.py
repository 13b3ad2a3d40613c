"""A dot canvas drawn as Unicode braille (2 dots across, 4 down, per character cell), as
terminal plotting libraries do, with a plain-ASCII rendering for terminals that cannot
show braille (LANG=C). Pure: no Textual, no I/O."""

from __future__ import annotations

import math
from collections.abc import Iterable

BRAILLE_BASE = 0x2800
DOT_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))
"""DOT_BITS[row][column]: the bit of each dot in a braille cell (Unicode's dot numbering)."""


class Canvas:
    """`width` x `height` character cells, that is 2*width x 4*height dots; (0, 0) is the
    top-left dot. Dots outside the canvas are dropped, never wrapped."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = max(0, width), max(0, height)
        self.dots: set[tuple[int, int]] = set()
        self.dropped = 0
        """Dots asked for outside the canvas (a drawing that fits asks for none)."""

    @property
    def dot_width(self) -> int:
        return self.width * 2

    @property
    def dot_height(self) -> int:
        return self.height * 4

    def set(self, x: float, y: float) -> None:
        ix, iy = round(x), round(y)
        if 0 <= ix < self.dot_width and 0 <= iy < self.dot_height:
            self.dots.add((ix, iy))
        else:
            self.dropped += 1

    def line(self, x0: float, y0: float, x1: float, y1: float) -> None:
        steps = max(1, math.ceil(max(abs(x1 - x0), abs(y1 - y0))))
        for i in range(steps + 1):
            t = i / steps
            self.set(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)

    def circle(self, cx: float, cy: float, radius: float) -> None:
        if radius < 0.75:
            self.set(cx, cy)
            return
        steps = max(8, math.ceil(2 * math.pi * radius * 1.5))
        for i in range(steps):
            angle = 2 * math.pi * i / steps
            self.set(cx + radius * math.cos(angle), cy + radius * math.sin(angle))

    def cells(self) -> list[list[int]]:
        """Each cell's dots as a braille bit mask, row by row."""
        grid = [[0] * self.width for _ in range(self.height)]
        for x, y in self.dots:
            grid[y // 4][x // 2] |= DOT_BITS[y % 4][x % 2]
        return grid

    def rows(self, ascii: bool = False) -> list[str]:
        """The canvas as lines of text: braille characters, or ASCII (see `ascii_cell`)."""
        if ascii:
            return ["".join(ascii_cell(mask) for mask in row) for row in self.cells()]
        # An empty cell is a plain space, not U+2800: one byte on the link instead of three.
        return ["".join(chr(BRAILLE_BASE + mask) if mask else " " for mask in row)
                for row in self.cells()]

    def text(self, ascii: bool = False) -> str:
        return "\n".join(self.rows(ascii))


def _bits(mask: int) -> set[tuple[int, int]]:
    return {(col, row) for row in range(4) for col in range(2) if mask & DOT_BITS[row][col]}


def ascii_cell(mask: int) -> str:
    """One braille cell as the ASCII character nearest its shape: a coarser picture, but
    one a terminal without Unicode can show."""
    if not mask:
        return " "
    dots = _bits(mask)
    cols = {c for c, _ in dots}
    rows = {r for _, r in dots}
    if len(cols) == 1 and len(rows) >= 3:
        return "|"
    if len(rows) <= 2 and len(cols) == 2 and len(dots) <= 4:
        return "_" if min(rows) >= 2 else "-"
    top = {c for c, r in dots if r <= 1}
    bottom = {c for c, r in dots if r >= 2}
    if top == {1} and bottom == {0}:
        return "/"
    if top == {0} and bottom == {1}:
        return "\\"
    if len(dots) == 1:
        return "."
    return "o" if len(dots) >= 6 else "+"


def polyline(canvas: Canvas, points: Iterable[tuple[float, float] | None]) -> None:
    """Joins the points in turn; None breaks the line (a day with no value)."""
    last = None
    for point in points:
        if point is not None and last is not None:
            canvas.line(*last, *point)
        elif point is not None:
            canvas.set(*point)
        last = point
