"""`neurocoach status`: one line for a login shell (the plain form takes a short path in
neurocoach/__main__.py, before click; both call services.status)."""

from __future__ import annotations

import click

from neurocoach.cli.common import Command, Ctx, fail, say


@click.command(cls=Command)
@click.pass_obj
def status(obj: Ctx) -> None:
    """One line for a login shell: today's check-in, routine, streak."""
    from neurocoach.services.status import NoStatus, status_for

    try:
        line, warnings = status_for(obj.db_path, obj.clock, obj.db_chosen)
    except NoStatus as exc:
        fail(str(exc))
    for warning in warnings:
        say(f"neurocoach: warning: {warning}", err=True)
    say(line)
