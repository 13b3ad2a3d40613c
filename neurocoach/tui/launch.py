"""Starting the full-screen coach from the shell, without click: `neurocoach [--db PATH]`
takes this path straight from neurocoach/__main__.py (click, about 1.5 MiB and 15 ms, is
not needed to open Today), and the click command (cli/app.py) calls the same code.

It needs a terminal at both ends (or a browser tab of `neurocoach serve`), and the
terminal, not the environment, says how big the screen is. `fail` and `say` are the
caller's: one line on stderr and exit status 2; a line for the person to read.
"""

from __future__ import annotations

import os
import sys

WEB_DRIVER = "textual.drivers.web_driver:WebDriver"
"""The Textual driver textual-serve runs each browser tab's app with (`neurocoach serve`)."""


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


def served() -> bool:
    """True in a browser tab of `neurocoach serve`: textual-serve talks to the app through
    pipes, with its own driver, so there is no terminal and none is needed."""
    return os.environ.get("TEXTUAL_DRIVER") == WEB_DRIVER


NO_TERMINAL = ("the coach is full-screen: run it in a terminal. From scripts use "
               "`neurocoach status`, `checkin`, `export` or `report` (see neurocoach --help).")


def has_terminal() -> bool:
    """A terminal at both ends, or a browser tab (see `served`): from a script or a pipe
    the coach would only write escape codes and wait for keys that never come."""
    return served() or (sys.stdin.isatty() and sys.stdout.isatty())


def run_tui(path, clock, *, fail, say, need_terminal) -> None:
    """The coach on the database at `path` until the person quits; the store's refusals,
    a damaged file found while it ran and the app's exit status, as `fail` says them."""
    from neurocoach.store import Store, StoreError

    need_terminal()
    follow_the_terminal()
    try:
        store = Store.open(path, clock=clock)
    except StoreError as exc:
        fail(str(exc))
    for warning in store.warnings:
        say(f"neurocoach: warning: {warning}", err=True)
    try:
        store.hold_in_use()
    except (StoreError, OSError) as exc:
        store.close()
        fail(str(exc))
    from neurocoach.tui.app import NeurocoachApp

    app = NeurocoachApp(store=store, clock=clock)
    try:
        app.run()
    finally:
        store.close()
    if app.store_failure:  # the DB turned out damaged or unusable: said once the screen is back
        fail(app.store_failure)
    if app.return_code:
        sys.exit(app.return_code)
