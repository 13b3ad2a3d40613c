"""The full-screen coach from the shell: it needs a terminal at both ends (or a browser tab of
`neurocoach serve`), and the terminal, not the environment, says how big the screen is."""

from __future__ import annotations

from neurocoach.cli.common import Ctx, fail, say
from neurocoach.tui.launch import (  # noqa: F401 (re-exported: cli.backup's demo uses them)
    NO_TERMINAL, WEB_DRIVER, follow_the_terminal, has_terminal, served,
)


def need_terminal() -> None:
    """The full-screen coach needs a terminal at both ends (tui/launch.py: has_terminal)."""
    if not has_terminal():
        fail(NO_TERMINAL)


def run_tui(obj: Ctx) -> None:
    """tui/launch.py's run_tui, with click's `fail` and `say` (and `need_terminal` looked
    up here, so that a test can stand a headless run in for a terminal)."""
    from neurocoach.tui.launch import run_tui as launch

    launch(obj.db_path, obj.clock, fail=fail, say=say, need_terminal=need_terminal)
