"""Every snapshot: the exercise drawings hold still unless a test moves the fake clock,
and draw in braille whatever the tester's locale."""

from __future__ import annotations

import pytest

from neurocoach.tui.widgets.figure import ExerciseFigure


@pytest.fixture(autouse=True)
def still_drawings(monkeypatch):
    monkeypatch.setattr(ExerciseFigure, "auto_tick", False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_CTYPE", raising=False)
