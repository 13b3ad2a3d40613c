"""The `neurocoach` command's entry point. `status` runs at every login, so a plain
`neurocoach [--db PATH] status` takes a short path here: no click, no catalog, no
sqlite-utils, no Textual, with the same line and the same refusals as the full command
(the same Store.open checks; an SQLite error that is the file's fault ends it with the
same one line, exit status 2). Everything else, `status --help` included, goes to click.
"""

from __future__ import annotations

import sys


def one_line(message: str) -> str:
    """`neurocoach: ...` on one line, control characters shown, not obeyed."""
    line = "".join(c if c.isprintable() else repr(c)[1:-1] for c in message.replace("\n", " "))
    return f"neurocoach: {line}"


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
    print(one_line(message), file=sys.stderr)
    sys.exit(2)


def _say(message: str, err: bool = False) -> None:
    from neurocoach.text import terminal_safe

    print(terminal_safe(message), file=sys.stderr if err else sys.stdout)


def run_status(db: str | None) -> None:
    """cli.status's behaviour, line for line: a status line never creates a database."""
    import os
    import sqlite3

    from neurocoach.paths import BadPath, resolve_db_path

    try:
        path = resolve_db_path(db)
    except BadPath as exc:
        _fail(str(exc))
    if not os.path.lexists(path):
        from neurocoach.store import StoreError
        from neurocoach.store.places import check_data_folder

        folder = path.parent
        if not folder.is_dir():
            _fail(f"there is no folder {folder}, so no neurocoach database at {path}: "
                  "check the path.")
        try:
            check_data_folder(path)  # another user's folder is refused, as on open
        except StoreError as exc:
            _fail(str(exc))
        _say(f"neurocoach · no data yet at {path} · run `neurocoach` to start")
        return

    from neurocoach.clock import Clock
    from neurocoach.status import status_line
    from neurocoach.store import Store, StoreError
    from neurocoach.store.opening import use_error

    try:
        store = Store.open(path)
    except StoreError as exc:
        _fail(str(exc))
    for warning in store.warnings:
        _say(f"neurocoach: warning: {warning}", err=True)
    try:
        line = status_line(store, Clock().now())
    except sqlite3.Error as exc:
        problem = use_error(path, exc)
        if problem is None:
            raise
        _fail(str(problem))
    finally:
        store.close()
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
