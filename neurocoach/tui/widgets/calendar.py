"""The adherence calendar: one cell a day, weeks as columns (Monday on top), newest right.

Every state has its own character, so it reads without colour (NO_COLOR, 16 colours);
colour only adds to it. As many recent weeks as fit the width are shown.
"""

from __future__ import annotations

import datetime as dt

from textual.content import Content
from textual.widget import Widget

from neurocoach.coach.stats import AHEAD, ALLOWED, BEFORE, DONE, MISSED, PARTIAL, REST

MARKS = {
    DONE: ("●", "$success"),
    PARTIAL: ("◐", "$success"),
    REST: ("-", "dim"),
    ALLOWED: ("○", "dim"),
    MISSED: ("×", "$error"),
    AHEAD: ("·", "dim"),
    BEFORE: (" ", ""),
}
"""State → (character, colour)."""

LEGEND_ORDER = (DONE, PARTIAL, REST, ALLOWED, MISSED, AHEAD)
DAY_LABELS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
LABEL_WIDTH = 4
CELL_WIDTH = 2


def legend() -> str:
    """The key to the calendar, as markup."""
    return "  ".join(f"[{MARKS[s][1]}]{MARKS[s][0]}[/] {s}" for s in LEGEND_ORDER)


def calendar_markup(states: dict[dt.date, str], first_monday: dt.date, weeks: int,
                    today: dt.date, shown: int | None = None) -> str:
    """Month names, then one row per weekday, for the last `shown` of `weeks` weeks from
    `first_monday`. Today's cell is reversed."""
    shown = max(1, min(weeks, shown or weeks))
    first = first_monday + dt.timedelta(weeks=weeks - shown)
    width = LABEL_WIDTH + shown * CELL_WIDTH - 1  # the last cell has no space after it
    header = [" "] * width
    for week in reversed(range(shown)):  # the newest months first: they win a tight spot
        start = first + dt.timedelta(weeks=week)
        days = [start + dt.timedelta(days=i) for i in range(7)]
        month = next((d for d in days if d.day == 1), None)
        if month is None and week == 0 and not any(
                (start + dt.timedelta(days=7 + i)).day == 1 for i in range(7)):
            month = start  # name the first column's month unless the next one starts next
        if month is not None:
            label = f"{month:%b}"
            # Over its column, or ending at the right edge when it starts too near it:
            # a month is named whole or not at all ("De" read as nothing).
            col = min(LABEL_WIDTH + week * CELL_WIDTH, width - len(label))
            if col >= LABEL_WIDTH and all(
                    c == " " for c in header[max(0, col - 1):col + len(label)]):
                header[col:col + len(label)] = list(label)
    lines = ["".join(header).rstrip()]
    for weekday in range(7):
        # Runs of one style, not a style per cell: neighbouring marks of the same colour,
        # and the spaces between them, share one span (the terminal gets one style code).
        runs: list[tuple[str, list[str]]] = [("", [f"{DAY_LABELS[weekday]:<{LABEL_WIDTH}}"])]
        for week in range(shown):
            day = first + dt.timedelta(weeks=week, days=weekday)
            mark, colour = MARKS[states.get(day, BEFORE)]
            if day == today:
                runs.append(("reverse", [mark]))
                runs.append(("", [" "]))
            elif colour == runs[-1][0] or not colour and runs[-1][0] != "reverse":
                runs[-1][1].append(f"{mark} ")
            else:
                runs.append((colour, [f"{mark} "]))
        joined = [(style, "".join(text)) for style, text in runs]
        while joined[-1][0] != "reverse" and not joined[-1][1].rstrip():
            joined.pop()  # trailing blanks go; today's cell (reversed) always shows
        if joined[-1][0] != "reverse":
            joined[-1] = (joined[-1][0], joined[-1][1].rstrip())
        lines.append("".join(f"[{style}]{text}[/]" if style else text for style, text in joined))
    return "\n".join(lines)


class AdherenceCalendar(Widget):
    """Renders `states` (set by the screen) to the width it is given."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.states: dict[dt.date, str] = {}
        self.first_monday = dt.date.min
        self.today = dt.date.min
        self.weeks = 0

    def show(self, states: dict[dt.date, str], first_monday: dt.date, weeks: int,
             today: dt.date) -> None:
        self.states, self.first_monday, self.weeks, self.today = states, first_monday, weeks, today
        if self.is_mounted:
            self.refresh()

    def render(self) -> Content:
        if not self.states:
            return Content("")
        fits = (self.size.width - LABEL_WIDTH + 1) // CELL_WIDTH if self.size.width else None
        return Content.from_markup(
            calendar_markup(self.states, self.first_monday, self.weeks, self.today, fits))
