"""The command line. Never imports Textual at module level: `status` runs at every login."""

from __future__ import annotations

import sys

import click

from neurocoach import __version__
from neurocoach.paths import ENV_VAR, resolve_db_path


class Ctx:
    """What every command shares: where the DB is, and how to open it."""

    def __init__(self, db: str | None) -> None:
        self.db_path = resolve_db_path(db)

    def open_store(self):
        from neurocoach.store import Store, StoreError

        try:
            return Store.open(self.db_path)
        except StoreError as exc:
            fail(str(exc))


def fail(message: str) -> None:
    """One clear line on stderr and exit status 2."""
    click.echo(f"neurocoach: {message}", err=True)
    sys.exit(2)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "db", metavar="PATH", envvar=ENV_VAR, show_envvar=True,
              help="The database file to use (default: your platform's data folder).")
@click.version_option(__version__, prog_name="neurocoach")
@click.pass_context
def main(ctx: click.Context, db: str | None) -> None:
    """neurocoach: a daily exercise coach for feet with neuropathy.

    Run with no command to open the full-screen coach on Today.
    It supports exercise; it does not diagnose or treat.
    """
    ctx.obj = Ctx(db)
    if ctx.invoked_subcommand is None:
        run_tui(ctx.obj)


def run_tui(obj: Ctx) -> None:
    store = obj.open_store()
    from neurocoach.clock import Clock
    from neurocoach.tui.app import NeurocoachApp

    app = NeurocoachApp(store=store, clock=Clock())
    try:
        app.run()
    finally:
        store.close()
    if app.return_code:
        sys.exit(app.return_code)


