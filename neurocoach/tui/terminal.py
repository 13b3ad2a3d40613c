"""Light on the link: send the terminal only the cells that change, with short style codes.

Textual writes every region it repaints, whole, with each segment's full style set and
reset (`ESC[38;5;71;48;5;233m●ESC[0m`), so a screen change that lays out twice sends two
full frames, and a grid of coloured marks costs about 25 bytes a cell. Over SSH every byte
crosses the link. `TerminalModel` keeps what the terminal shows, cell by cell; each
update Textual renders is compared with it and only the runs of cells that differ are
written, with a style code only where the style changes and only the part that changes
(the foreground alone, when only it does).

The App hands its updates through `ChangedCells` (see NeurocoachApp._display); anything
else Textual writes (inline mode, a resize) starts the model afresh.
"""

from __future__ import annotations

from itertools import repeat

from rich.cells import get_character_cell_size
from rich.color import ColorSystem
from textual._compositor import ChopsUpdate, CompositorUpdate, LayoutUpdate
from textual.strip import SGR_STYLES, Strip

from neurocoach.domain.text import CONTROL_OR_NEWLINE

Cell = tuple  # (text, attributes, foreground, background, link); ("", ...) continues a wide one
UNKNOWN: Cell = ("\0",)
"""A cell whose content on the terminal is not known: always written."""
GAP = 6
"""Unchanged cells between two changed runs that are written anyway: moving the cursor
over them costs about as much."""


class TerminalModel:
    """What the terminal shows, cell by cell."""

    def __init__(self) -> None:
        self.width = self.height = 0
        self.rows: list[list[Cell]] = []
        self._codes: dict = {}

    def reset(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.rows = [[UNKNOWN] * width for _ in range(height)]

    # -- cells ---------------------------------------------------------------------------
    def _style(self, style, system: ColorSystem) -> tuple[str, str, str, str]:
        """(attributes, foreground, background, link) SGR parameters of a Rich style."""
        if style is None:
            return ("", "", "", "")
        key = (style, system)
        codes = self._codes.get(key)
        if codes is None:
            bits = style._attributes & style._set_attributes
            attrs = ";".join(SGR_STYLES[b] for b in range(bits.bit_length()) if bits & (1 << b))
            fg = ";".join(style._color.downgrade(system).get_ansi_codes()) if style._color else ""
            bg = (";".join(style._bgcolor.downgrade(system).get_ansi_codes(False))
                  if style._bgcolor else "")
            link = CONTROL_OR_NEWLINE.sub("", style._link or "")
            codes = self._codes[key] = (attrs, fg, bg, link)
        return codes

    def cells(self, strip: Strip, system: ColorSystem) -> list[Cell]:
        out: list[Cell] = []
        for text, style, control in strip:
            if control:
                continue
            codes = self._style(style, system)
            if CONTROL_OR_NEWLINE.search(text):  # never obeyed (see tui/terminal_safe.py)
                text = CONTROL_OR_NEWLINE.sub("", text)
            if _single_cells(text):  # most text: a cell a character, made in C
                out.extend(zip(text, *map(repeat, codes)))
                continue
            for char in text:
                size = get_character_cell_size(char)
                if size == 0 and out:
                    out[-1] = (out[-1][0] + char, *out[-1][1:])
                elif size:
                    out.append((char, *codes))
                    if size == 2:
                        out.append(("", *codes))
        return out

    # -- one update ----------------------------------------------------------------------
    def pieces(self, update: CompositorUpdate):
        """(y, x, strip) for everything the update would write, as Textual writes it."""
        if isinstance(update, LayoutUpdate):
            for y, line in enumerate(update.strips, update.region.y):
                yield y, update.region.x, Strip.join(list(line))
            return
        for y, x1, x2 in update.spans:
            for end, (x, strip) in zip(update.chop_ends[y], update.chops[y].items()):
                if strip is None or x > x2 or end <= x1:
                    continue
                if not (x2 > x >= x1 and end <= x2):
                    strip = strip.crop(0, min(end, x2) - x)
                yield y, x, strip

    def apply(self, update: CompositorUpdate, system: ColorSystem) -> str:
        """The terminal text that brings the screen from the model to `update`'s content."""
        out: list[str] = []
        pen = ("", "", "", "")
        for y, x, strip in self.pieces(update):
            if not 0 <= y < self.height:
                continue
            row = self.rows[y]
            new = self.cells(strip, system)[:max(0, self.width - x)]
            if row[x:x + len(new)] == new:  # repainted as it was: nothing to write
                continue
            for start, stop in self._changed(row, x, new):
                out.append(f"\x1b[{y + 1};{start + 1}H")
                pen = self._write(out, new[start - x:stop - x], pen)
            row[x:x + len(new)] = new
        if pen[3]:
            out.append("\x1b]8;;\x1b\\")
        if pen[:3] != ("", "", ""):
            out.append("\x1b[0m")
        return "".join(out)

    @staticmethod
    def _changed(row: list[Cell], x: int, new: list[Cell]):
        """[start, stop) screen columns of the runs where `new` (at x) differs from `row`,
        runs less than GAP apart joined, never splitting a wide character."""
        run = None
        for i, cell in enumerate(new):
            if row[x + i] == cell:
                continue
            if run is not None and i - run[1] <= GAP:
                run[1] = i + 1
            else:
                if run is not None:
                    yield _whole(new, x, run)
                run = [i, i + 1]
        if run is not None:
            yield _whole(new, x, run)

    @staticmethod
    def _write(out: list[str], cells: list[Cell], pen: tuple) -> tuple:
        """Append the cells' text, changing the style only where it changes."""
        for text, attrs, fg, bg, link in cells:
            if not text:
                continue
            want = (attrs, fg, bg, link)
            if want != pen:
                out.append(_sgr(pen, want))
                if link != pen[3]:
                    out.append(f"\x1b]8;;{link}\x1b\\")
                pen = want
            out.append(text)
        return pen


_SINGLE: dict[str, bool] = {}


def _single_cells(text: str) -> bool:
    """Whether every character of `text` takes exactly one cell (no wide or joining ones).
    Remembered per text: a screen repaints the same few thousand texts."""
    single = _SINGLE.get(text)
    if single is None:
        if len(_SINGLE) > 8192:
            _SINGLE.clear()
        single = _SINGLE[text] = text.isascii() or all(
            get_character_cell_size(char) == 1 for char in text)
    return single


def _whole(new: list[Cell], x: int, run: list[int]) -> tuple[int, int]:
    start, stop = run
    if start > 0 and new[start][0] == "":
        start -= 1
    if stop < len(new) and new[stop][0] == "":
        stop += 1
    return x + start, x + stop


def _sgr(pen: tuple, want: tuple) -> str:
    """The shortest SGR from one style to another (a reset when attributes go away)."""
    attrs, fg, bg, _ = want
    if pen[0] != attrs:
        codes = ["0", attrs, fg, bg]
    else:
        codes = []
        if pen[1] != fg:
            codes.append(fg or "39")
        if pen[2] != bg:
            codes.append(bg or "49")
    codes = [c for c in codes if c]
    return f"\x1b[{';'.join(codes)}m" if codes else ""


class ChangedCells(CompositorUpdate):
    """A compositor update written as the changes to what the terminal shows."""

    def __init__(self, update: CompositorUpdate, model: TerminalModel) -> None:
        self.update = update
        self.model = model

    def __rich_console__(self, console, options):  # Textual's own path, for completeness
        yield from self.update.__rich_console__(console, options)

    def render_segments(self, console) -> str:
        return self.model.apply(self.update, console._color_system or ColorSystem.TRUECOLOR)


def changed_cells(update, model: TerminalModel, width: int, height: int):
    """Wrap Textual's full and partial updates; anything else resets the model."""
    if not isinstance(update, (LayoutUpdate, ChopsUpdate)):
        model.reset(width, height)
        return update
    if (model.width, model.height) != (width, height):
        model.reset(width, height)
    return ChangedCells(update, model)

