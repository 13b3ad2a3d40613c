from __future__ import annotations

import os

import pytest

from tests.e2e.terminal import NEUROCOACH, TMUX, Terminal


def pytest_collection_modifyitems(items):
    reason = None
    if TMUX is None:
        reason = "tmux is not installed (CI installs it; apt-get install tmux)"
    elif not os.path.exists(NEUROCOACH):
        reason = f"the neurocoach command is not installed beside {NEUROCOACH}"
    if reason:
        for item in items:
            if "tests/e2e" in str(item.fspath):
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture
def terminals():
    opened: list[Terminal] = []

    def start(command, **kwargs) -> Terminal:
        term = Terminal(command, **kwargs)
        opened.append(term)
        return term

    yield start
    for term in opened:
        term.close()
