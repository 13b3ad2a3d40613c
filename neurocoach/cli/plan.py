"""`neurocoach plan import FILE.toml` and `neurocoach plan export [--out PATH]`.

Registered on the `cli` group with add_command (neurocoach/cli/__init__.py). Nothing heavy at module
level: `status` loads cli.py at every login.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from neurocoach.cli.common import Ctx, Group, dash_is_screen, fail, say


@click.group(cls=Group)
def plan() -> None:
    """Your plan: read in a plan file (e.g. from your physiotherapist), or write yours out.

    The file format is described in the README ("Plan files").
    """


def _catalog(store):
    from neurocoach.catalog import load_catalog, with_custom

    return with_custom(load_catalog(), store.custom_exercises())


def _current(store, catalog):
    from neurocoach.services.plan import person_plan

    return person_plan(store, catalog)


def read_plan_file(path: Path, store, catalog, current):
    """The checked import and the changes it makes, in words; fails with one line."""
    from neurocoach.services.plan import PlanProblem, read_plan_file as read

    try:
        found = read(path, store, catalog, current)
    except PlanProblem as err:
        fail(str(err))
    return found.result, found.changes


def can_ask() -> bool:
    """A person at a terminal who can answer y/n."""
    return sys.stdin is not None and sys.stdin.isatty()


@plan.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=True))
@click.option("--yes", "-y", is_flag=True, help="Apply without asking (for scripts).")
@click.pass_obj
def import_plan(obj: Ctx, file: Path, yes: bool) -> None:
    """Read a plan file, show what it changes, and apply it when you confirm."""
    from neurocoach.services.plan import apply_plan_file
    from neurocoach.store import StoreError

    store = obj.open_store()
    catalog = _catalog(store)
    current = _current(store, catalog)
    result, changes = read_plan_file(file, store, catalog, current)
    if not changes:
        say(f"Your plan already matches {file}: nothing to change.")
        store.close()
        return
    say(f"{file} changes your plan:")
    for line in changes:
        say(f"  • {line}")
    if not yes:
        if not can_ask():
            store.close()
            fail("plan import: nothing changed; there is no terminal to ask on, so add --yes "
                 "to apply these changes.")
        if not click.confirm("Apply these changes?", default=False):
            store.close()
            say("Nothing changed.")
            sys.exit(1)
    try:
        apply_plan_file(store, current, result, obj.clock.now())
    except StoreError as err:
        fail(str(err))
    finally:
        store.close()
    say("Your plan is updated. Today's routine follows it from now on.")


@plan.command("export")
@click.option("--out", metavar="PATH", callback=dash_is_screen,
              help="Write to this file, or into this folder (default, or -: print it).")
@click.option("--force", is_flag=True, help="Replace PATH if it exists.")
@click.pass_obj
def export_plan(obj: Ctx, out: str | None, force: bool) -> None:
    """Write your plan as a plan file (plan import reads it back)."""
    from neurocoach.cli.files import out_path, write_private
    from neurocoach.coach.plan_render import render_plan

    store = obj.open_store()
    catalog = _catalog(store)
    text = render_plan(_current(store, catalog), catalog)
    store.close()
    if out is None:
        say(text, nl=False)
        return
    path = out_path(out, force, "neurocoach-plan.toml")
    write_private({path: text})
    say(f"Plan written to {path}.")
