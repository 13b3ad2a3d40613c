"""What a report is made of (sections of paragraphs, bullets, tables and charts) and how
it writes a day: shared by build, health and render, importing none of them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from neurocoach.domain.models import WEEKDAYS

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]


@dataclass
class Section:
    title: str
    blocks: list = field(default_factory=list)  # str paragraphs, list[str] bullets, Tables,
    # Charts (HTML only: the Markdown report keeps its tables)


def day_words(day: dt.date) -> str:
    """'Mon 23 Nov 2026'."""
    return f"{WEEKDAYS[day.weekday()][:3]} {day.day} {MONTHS[day.month - 1]} {day.year}"
