"""`python -m neurocoach` and the `neurocoach` command's entry point. `status` runs at every
login, so a plain `neurocoach [--db PATH] status` takes a short path here: no click, no
catalog, no sqlite-utils, no Textual, with the same line and the same refusals as the full
command (both call services.status.status_for). Everything else, `status --help` included,
goes to click (neurocoach.cli).
"""

from __future__ import annotations

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
    from neurocoach.paths import BadPath, resolve_db_path
    from neurocoach.services.status import NoStatus, status_for

    try:
        line, warnings = status_for(resolve_db_path(db), Clock())
    except (BadPath, NoStatus) as exc:
        _fail(str(exc))
    for warning in warnings:
        _say(f"neurocoach: warning: {warning}", err=True)
    _say(line)


def main() -> None:
    found, db = plain_status(sys.argv[1:])
    if found and not any("\0" in arg for arg in sys.argv[1:]):  # click's path refuses it
        try:
            run_status(db)
        except KeyboardInterrupt:
            sys.exit(130)
        return
    from neurocoach.cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
