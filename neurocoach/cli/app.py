"""The full-screen coach from the shell: it needs a terminal at both ends (or a browser tab of
`neurocoach serve`), and the terminal, not the environment, says how big the screen is."""

from __future__ import annotations

import os
import sys

from neurocoach.cli.common import Ctx, fail


def follow_the_terminal() -> None:
    """Let the terminal, not the environment, say how big the screen is.

    Textual (like curses) takes COLUMNS and LINES from the environment before it asks the
    terminal, and then keeps that size through every resize. A value left exported by a
    shell profile, or set by a library that read a different terminal, would lock the
    screen at the wrong size; full-screen on a real terminal, the terminal knows best.
    """
    if sys.stdout.isatty():
        for name in ("COLUMNS", "LINES"):
            os.environ.pop(name, None)


WEB_DRIVER = "textual.drivers.web_driver:WebDriver"
"""The Textual driver textual-serve runs each browser tab's app with (`neurocoach serve`)."""


def served() -> bool:
    """True in a browser tab of `neurocoach serve`: textual-serve talks to the app through
    pipes, with its own driver, so there is no terminal and none is needed."""
    return os.environ.get("TEXTUAL_DRIVER") == WEB_DRIVER


def need_terminal() -> None:
    """The full-screen coach needs a terminal at both ends; from a script or a pipe it
    would only write escape codes and wait for keys that never come (except when served
    to a browser, see `served`)."""
    if not served() and not (sys.stdin.isatty() and sys.stdout.isatty()):
        fail("the coach is full-screen: run it in a terminal. From scripts use "
             "`neurocoach status`, `checkin`, `export` or `report` (see neurocoach --help).")


def run_tui(obj: Ctx) -> None:
    need_terminal()
    follow_the_terminal()
    store = obj.open_store()
    from neurocoach.store import StoreError

    try:
        store.hold_in_use()
    except (StoreError, OSError) as exc:
        store.close()
        fail(str(exc))
    from neurocoach.tui.app import NeurocoachApp

    app = NeurocoachApp(store=store, clock=obj.clock)
    try:
        app.run()
    finally:
        store.close()
    if app.store_failure:  # the DB turned out damaged or unusable: said once the screen is back
        fail(app.store_failure)
    if app.return_code:
        sys.exit(app.return_code)
