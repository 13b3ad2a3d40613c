"""`backup`, `restore` and `demo`: copies of the person's data, and a throwaway coach to try."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import click

from neurocoach.cli.common import Command, Ctx, fail, say
from neurocoach.cli.files import existing_store, out_path


def _stamp(obj: Ctx) -> str:
    return obj.clock.now().strftime("%Y-%m-%d-%H%M%S")


@click.command(cls=Command)
@click.option("--out", type=click.Path(), metavar="PATH",
              help="A file or a folder (a path ending in / is a folder, created if "
                   "missing). Default: the backups folder beside the database.")
@click.option("--force", is_flag=True, help="Replace the file if it already exists.")
@click.pass_obj
def backup(obj: Ctx, out: str | None, force: bool) -> None:
    """Copy your database now (a safe copy even while the coach is open)."""
    from neurocoach.store import StoreError
    from neurocoach.store.backup import default_copy_path, describe, stamped_path

    if out == "-":
        fail("--out -: a backup is a database file, not text for the screen; "
             "give a file or a folder (or leave --out off for the backups folder).")
    store = existing_store(obj, "back up")
    try:
        if out is None:
            dest = default_copy_path(obj.db_path, _stamp(obj))
        else:
            stamp = _stamp(obj)  # a name not yet taken in the folder the copy goes to
            dest = out_path(out, force,
                            lambda folder: stamped_path(obj.db_path, "backup", stamp, folder).name)
        store.copy_to(dest)
    except StoreError as exc:
        fail(str(exc))
    finally:
        store.close()
    say(f"Backed up {obj.db_path} to {dest} ({describe(dest)}).")


def can_ask() -> bool:
    """A person at a terminal who can answer y/n (tests replace this)."""
    return sys.stdin is not None and sys.stdin.isatty()


@click.command(cls=Command)
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--yes", "-y", is_flag=True,
              help="Replace the current data without asking (needed with no terminal).")
@click.pass_obj
def restore(obj: Ctx, file: Path, yes: bool) -> None:
    """Replace your database with a backup (the current one is kept in backups/)."""
    from neurocoach.store import Store, StoreError
    from neurocoach.store.backup import (
        CAN_LOCK, NO_LOCKS, describe, hold_alone, keep_current, put_in_place, stage_restore,
    )

    db = obj.db_path
    if file.exists() and db.exists() and file.resolve() == db.resolve():
        fail(f"{file} is the database itself; give a backup file to restore from.")
    alone = None
    if not CAN_LOCK:
        click.echo(f"neurocoach: warning: {NO_LOCKS}", err=True)
    try:
        if db.is_file():
            alone = hold_alone(db)  # no window may keep writing to the file being swapped
        staged = stage_restore(file, db)
    except StoreError as exc:
        fail(str(exc))
    try:
        kept = None
        if os.path.lexists(db):
            if not yes:
                if not can_ask():  # no question where nobody can answer it (a script, cron)
                    fail(f"restore: nothing was changed; replacing {db} needs an answer and "
                         "there is no terminal to ask on: add --yes to replace it.")
                question = (f"Replace {db} ({describe(db)}) with {file} ({describe(staged)})? "
                            "The current data will be kept in the backups folder.")
                try:  # asked on stderr: stdout holds only what the command did
                    agreed = click.confirm(question, default=False, err=True)
                except click.Abort:
                    fail("restore: nothing was changed; no answer was given (add --yes to "
                         "replace without asking).")
                if not agreed:
                    say("neurocoach: restore cancelled; nothing was changed.", err=True)
                    sys.exit(1)
            kept = keep_current(db, _stamp(obj))
        put_in_place(staged, db)
        Store.open(db, clock=obj.clock).close()  # an older backup is upgraded now, with its own backup first
    except StoreError as exc:
        fail(str(exc))
    finally:
        staged.unlink(missing_ok=True)
        if alone is not None:
            alone.close()
    say(f"Restored {db} from {file} ({describe(db)})."
               + (f" The data it replaced is kept in {kept}." if kept else ""))


# -- demo ----------------------------------------------------------------------------------
def launch_demo_app(store, clock) -> int:
    """The TUI on the demo store; returns its exit code. (Tests replace this.)"""
    from neurocoach.cli.app import follow_the_terminal, need_terminal
    from neurocoach.tui.app import NeurocoachApp

    need_terminal()
    follow_the_terminal()

    app = NeurocoachApp(store=store, clock=clock)
    app.sub_title = "demo: made-up data, thrown away when you quit"
    app.run()
    return app.return_code or 0


@click.command(cls=Command)
@click.pass_obj
def demo(obj: Ctx) -> None:
    """Try the coach on about 90 days of made-up history (your own data is not touched)."""
    import tempfile

    from neurocoach.services.demo import make_demo_db
    from neurocoach.store import StoreError

    with _exit_on_hangup(), tempfile.TemporaryDirectory(prefix="neurocoach-demo-") as folder:
        try:
            store = make_demo_db(Path(folder) / "demo.db", obj.clock)
        except StoreError as exc:
            fail(str(exc))
        try:
            code = launch_demo_app(store, obj.clock)
        finally:
            store.close()
    if code:
        sys.exit(code)


@contextlib.contextmanager
def _exit_on_hangup():
    """A dropped SSH link (SIGHUP) or a SIGTERM exits normally, so the demo's temp
    folder is still removed."""
    import signal

    def leave(signum, _frame):
        raise SystemExit(128 + signum)

    hangup = getattr(signal, "SIGHUP", None)  # none on Windows
    saved = {sig: signal.signal(sig, leave) for sig in (hangup, signal.SIGTERM) if sig}
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
