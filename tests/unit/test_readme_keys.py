"""The README's Keys section and the command classes say the same thing: every key a
screen's commands bind is in its README row, and every key a row names is bound there.
The keys are read from the command classes the screens declare (tui/commands/), the one
place that gives a key, its footer words, help and palette entry."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from neurocoach.tui.app import NeurocoachApp
from neurocoach.tui.commands.base import Command, commands_of
from neurocoach.tui.commands.everywhere import GoLibrary, GoProgress, GoToday, Help, Quit
from neurocoach.tui.screens.checkin import CheckinScreen
from neurocoach.tui.screens.custom_exercise import CustomExerciseScreen
from neurocoach.tui.screens.library import LibraryScreen
from neurocoach.tui.screens.plan import PlanScreen
from neurocoach.tui.screens.progress import ProgressScreen
from neurocoach.tui.screens.progress_balance import BalanceTestScreen
from neurocoach.tui.screens.progress_fall_tests import FallTestScreen
from neurocoach.tui.screens.session import SessionScreen
from neurocoach.tui.screens.summary import SummaryScreen
from neurocoach.tui.screens.today import TodayScreen
from neurocoach.tui.widgets.scale import ScaleRow

README = Path(__file__).resolve().parents[2] / "README.md"
SCREENS = {
    "Library": [LibraryScreen], "Today": [TodayScreen], "Plan": [PlanScreen],
    "Your exercise": [CustomExerciseScreen], "Progress": [ProgressScreen, BalanceTestScreen, FallTestScreen],
    "Check-in": [CheckinScreen, ScaleRow], "Session": [SessionScreen],
    "Summary": [SummaryScreen],
}
SHOWN_AS = {"slash": "/", "plus": "+", "minus": "-", "question_mark": "?", "left": "←",
            "right": "→", "equals_sign": "=", "shift+tab": "shift+tab"}
MOVING = {"up", "down", "j", "k", "tab", "shift+tab", "equals_sign", "question_mark"}
"""Named once for every screen (arrows, j/k, tab; `?` everywhere; = is + unshifted)."""


def keys_section() -> str:
    text = README.read_text(encoding="utf-8")
    return text.split("## Keys", 1)[1].split("\n## ", 1)[0]


def readme_rows() -> dict[str, set[str]]:
    rows = {}
    for line in keys_section().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 2 and cells[0] in SCREENS:
            rows[cells[0]] = set(re.findall(r"`([^`]+)`", cells[1]))
    return rows


def commands(cls) -> list[type[Command]]:
    """The command classes a screen (or a row of it) declares."""
    found = commands_of(cls)
    assert found and len(found) == len(cls.BINDINGS), f"{cls.__name__}: a key not made from a command"
    return found


def bound(screens) -> set[str]:
    keys = set()
    for screen in screens:
        for command in commands(screen):
            for key in command.keys():
                if key not in MOVING:
                    keys.add(SHOWN_AS.get(key, key))
    return keys


def test_every_screen_has_a_row():
    assert set(readme_rows()) == set(SCREENS)


@pytest.mark.parametrize("name", sorted(SCREENS))
def test_a_screens_row_names_exactly_its_keys(name):
    named = set()
    for token in readme_rows()[name]:
        named.update(token.split("/") if token not in ("/", "+/-") else [token])
    named = {"+" if k == "+/-" else k for k in named} | ({"-"} if "+/-" in named else set())
    named.discard("")
    keys = bound(SCREENS[name])
    digits_typed = {k for k in named if k.isdigit()} - keys   # read by the form's rows
    assert keys - named == set(), f"{name}: bound but not in the README"
    everywhere = MOVING | {"tab", "shift+tab"}
    assert named - keys - digits_typed - everywhere - {"neurocoach report", ".md"} == set(), \
        f"{name}: in the README but not bound"


def test_everywhere_names_the_apps_keys():
    first = keys_section().split("| Screen |")[0]
    named = set(re.findall(r"`([^`]+)`", first))
    assert commands(NeurocoachApp) == [GoToday, GoLibrary, GoProgress, Help, Quit]
    for command in commands(NeurocoachApp):
        key = SHOWN_AS.get(command.KEY, command.KEY)
        assert key in named, key
