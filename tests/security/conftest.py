from __future__ import annotations

import pytest

from tests.e2e.terminal import TMUX, Terminal


@pytest.fixture
def terminals():
    if TMUX is None:
        pytest.skip("tmux is not installed (CI installs it; apt-get install tmux)")
    opened: list[Terminal] = []

    def start(command, **kwargs) -> Terminal:
        term = Terminal(command, **kwargs)
        opened.append(term)
        return term

    yield start
    for term in opened:
        term.close()
