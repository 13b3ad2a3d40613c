"""`python -m neurocoach` and the `neurocoach` command's entry point. `status` runs at every
login, so a plain `neurocoach [--db PATH] status` takes a short path here: no click, no
catalog, no sqlite-utils, no Textual, with the same line and the same refusals as the full
command (both call services.status.status_for). A plain `neurocoach [--db PATH]` opens the
coach without click too (tui/launch.py, which the click command calls as well): less to
load and hold before Today. Everything else, `status --help` included, goes to click
(neurocoach.cli).
"""

from __future__ import annotations

import os
import sys


def plain_status(argv: list[str]) -> tuple[bool, str | None]:
    """(True, the --db value or None) when argv is exactly `[--db PATH] status [--db PATH]`
    with one --db at most; (False, None) for anything else (click then reads it)."""
    found, db, i = False, None, 0
    while i < len(argv):
        arg = argv[i]
        if arg == "status" and not found:
            found = True
        elif arg == "--db" and db is None and i + 1 < len(argv) \
                and not argv[i + 1].startswith("-"):
            db, i = argv[i + 1], i + 1
        elif arg.startswith("--db=") and db is None:
            db = arg[len("--db="):]
        else:
            return False, None
        i += 1
    return (True, db) if found else (False, None)


def plain_launch(argv: list[str]) -> tuple[bool, str | None]:
    """(True, the --db value or None) when argv is exactly `[--db PATH]`: the coach on
    Today, with nothing for click to do (no command, no --help or --version, and no shell
    completion asked for, which click answers through an environment variable)."""
    if any(name.startswith("_NEUROCOACH_COMPLETE") for name in os.environ):
        return False, None
    if not argv:
        return True, None
    if len(argv) == 2 and argv[0] == "--db" and not argv[1].startswith("-"):
        return True, argv[1]
    if len(argv) == 1 and argv[0].startswith("--db="):
        return True, argv[0][len("--db="):]
    return False, None


def _fail(message: str) -> None:
    from neurocoach.domain.text import one_line

    print(one_line(message), file=sys.stderr)
    sys.exit(2)


def _say(message: str, err: bool = False) -> None:
    from neurocoach.domain.text import terminal_safe

    print(terminal_safe(message), file=sys.stderr if err else sys.stdout)


def run_status(db: str | None) -> None:
    """cli.status's behaviour, line for line: a status line never creates a database."""
    from neurocoach.clock import Clock
    from neurocoach.paths import BadPath, chosen, resolve_db_path
    from neurocoach.services.status import NoStatus, status_for

    try:
        line, warnings = status_for(resolve_db_path(db), Clock(), chosen(db))
    except (BadPath, NoStatus) as exc:
        _fail(str(exc))
    for warning in warnings:
        _say(f"neurocoach: warning: {warning}", err=True)
    _say(line)


def run_launch(db: str | None) -> None:
    """The click command's behaviour with no command (cli.app.run_tui, cli.common.Group):
    the same refusals, each one line and exit status 2."""
    from neurocoach.clock import Clock
    from neurocoach.paths import BadPath, resolve_db_path
    from neurocoach.store.opening import use_error
    from neurocoach.tui.launch import NO_TERMINAL, has_terminal, run_tui

    def need_terminal() -> None:
        if not has_terminal():
            _fail(NO_TERMINAL)

    try:
        path = resolve_db_path(db)
    except BadPath as exc:
        _fail(str(exc))
    try:
        run_tui(path, Clock(), fail=_fail, say=_say, need_terminal=need_terminal)
    except Exception as exc:
        problem = use_error(path, exc)  # an SQLite error that is the file's fault
        if problem is None:
            raise
        _fail(str(problem))


def main() -> None:
    argv = sys.argv[1:]
    if not any("\0" in arg for arg in argv):  # click's path refuses it
        for plain, run in ((plain_status, run_status), (plain_launch, run_launch)):
            found, db = plain(argv)
            if found:
                try:
                    run(db)
                except KeyboardInterrupt:
                    sys.exit(130)
                return
    from neurocoach.cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
