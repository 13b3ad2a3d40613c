"""Reading a plan file, line by line: where a key is, and a failure naming the file, the
line and the field (coach/plan_file.py checks the plan with these).
"""

from __future__ import annotations

import re
from typing import Any

from neurocoach.domain.models import WEEKDAYS
from neurocoach.domain.plan import NOTE_MAX
from neurocoach.domain.text import control_problem


class PlanFileError(ValueError):
    """A plan file that cannot be used: one line naming the file, the line and the field."""


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


class _Lines:
    """Finds the line of a key, at the top or inside the n-th [[table]], for messages."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def _tables(self, name: str) -> list[int]:
        header = re.compile(rf"\s*\[\[\s*{re.escape(name)}\s*\]\]")
        return [i for i, line in enumerate(self.lines) if header.match(line)]

    def find(self, key: str | None, table: str | None = None, index: int = 0) -> int | None:
        """1-based line of `key` (at the top, or in the index-th [[table]]); the table's own
        line when the key is not written there; None when nothing fits."""
        header = re.compile(r"\s*\[")
        headers = [i for i, line in enumerate(self.lines) if header.match(line)]
        if table is None:
            span = range(0, headers[0] if headers else len(self.lines))
        else:
            starts = self._tables(table)
            if index >= len(starts):
                return None
            first = starts[index]
            if key is None:
                return first + 1
            end = next((h for h in headers if h > first), len(self.lines))
            span = range(first + 1, end)
        for i in span:
            if key and re.match(rf"\s*{re.escape(key)}\s*[=.]", self.lines[i]):
                return i + 1
        return None if table is None else span.start


class _Reader:
    def __init__(self, text: str, label: str) -> None:
        self.label, self.where = label, _Lines(text)

    def fail(self, problem: str, key: str | None = None, table: str | None = None,
             index: int = 0) -> PlanFileError:
        line = self.where.find(key, table, index)
        at = f", line {line}" if line else ""
        return PlanFileError(f"{self.label}{at}: {problem}")

    def top_fail(self, key: str, problem: str) -> PlanFileError:
        return self.fail(f"field '{key}': {problem}", key)

    def whole(self, data: dict, key: str, low: int, high: int) -> int:
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.top_fail(key, f"must be a whole number from {low} to {high}, "
                                     f"not {_show(value)}")
        return value

    def note(self, value: Any, fail) -> str:
        if not isinstance(value, str):
            raise fail(f"must be some text in quotes, not {_show(value)}")
        if len(value.strip()) > NOTE_MAX:
            raise fail(f"must be at most {NOTE_MAX} characters (it has {len(value.strip())})")
        problem = control_problem(value, lines=True)
        if problem:
            raise fail(problem)
        return value.strip()


def _weekday(value: Any) -> int | None:
    if isinstance(value, str):
        word = value.strip().casefold()
        for n, name in enumerate(WEEKDAYS):
            if len(word) >= 3 and name.casefold().startswith(word):
                return n
    return None


def _syntax(label: str, text: str, message: str) -> str:
    """tomllib's message with the line in front, where it can be found."""
    found = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
    if found:
        line, column = found.groups()
        return (f"{label}, line {line}: is not valid TOML: {message[:found.start()]} "
                f"(column {column})")
    if message.endswith("(at end of document)"):
        last = len(text.rstrip("\n").splitlines()) or 1
        return (f"{label}, line {last}: is not valid TOML: "
                f"{message.removesuffix(' (at end of document)')} (at the end of the file)")
    return f"{label}: is not valid TOML: {message}"
