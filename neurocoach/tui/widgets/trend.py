"""Trend lines as text: one block per value on a fixed scale, a gap where nothing was
recorded. A fixed scale (0–10 for symptoms), unlike a sparkline scaled to its own min and
max, keeps a move from 5 to 6 looking like one point, not like the whole range."""

from __future__ import annotations

from collections.abc import Sequence

BLOCKS = "▁▂▃▄▅▆▇█"
GAP = " "


def trend_line(values: Sequence[float | None], top: float = 10.0) -> str:
    """One character per value: ▁ is 0, █ is `top` (or more); None is a gap."""
    top = top if top > 0 else 1.0
    chars = []
    for value in values:
        if value is None:
            chars.append(GAP)
            continue
        level = round(max(0.0, min(value, top)) / top * (len(BLOCKS) - 1))
        chars.append(BLOCKS[level])
    return "".join(chars)
