"""What every command shares: the context (where the DB is, the clock), the command and group
classes (--db after a command's name too; one line for a damaged file), say and fail."""

from __future__ import annotations

import sys

import click

from neurocoach.paths import BadPath, chosen, resolve_db_path


class Ctx:
    """What every command shares: where the DB is, how to open it, and the clock."""

    def __init__(self, db: str | None) -> None:
        from neurocoach.clock import Clock

        self.db_path = resolve_db_path(db)
        self.db_chosen = chosen(db)
        """Named by --db or NEUROCOACH_DB (not the platform's default place)."""
        self.clock = Clock()

    def open_store(self):
        from neurocoach.store import Store, StoreError

        try:
            store = Store.open(self.db_path, clock=self.clock)
        except StoreError as exc:
            fail(str(exc))
        for warning in store.warnings:
            say(f"neurocoach: warning: {warning}", err=True)
        return store


def _use_db(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is not None and isinstance(ctx.obj, Ctx):
        ctx.obj.db_path = resolve_db_path(value)
        ctx.obj.db_chosen = True


class Command(click.Command):
    """Every command also takes --db after its name (`neurocoach status --db FILE`), as
    well as before it."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.params.append(click.Option(
            ["--db"], metavar="PATH", expose_value=False, callback=_use_db,
            help="The database file to use (the same as --db before the command)."))


class Group(click.Group):
    """The top command: an SQLite error that is the file's fault (damage found in a page
    the opening checks do not read, a disk error) ends any command with one line."""

    command_class = Command
    group_class = type  # `plan` is a Group too, so its commands take --db as well

    def invoke(self, ctx: click.Context):
        from neurocoach.store.errors import use_error

        try:
            return super().invoke(ctx)
        except BadPath as exc:
            fail(str(exc))
        except Exception as exc:
            obj = ctx.obj  # set by the group's callback, inside super().invoke
            problem = use_error(obj.db_path, exc) if isinstance(obj, Ctx) else None
            if problem is None:
                raise
            fail(str(problem))


def dash_is_screen(_ctx: click.Context, _param: click.Parameter, value: str | None):
    """`--out -` prints to the screen (stdout), as no --out does: never a file named "-"."""
    return None if value == "-" else value


def say(message: str = "", *, nl: bool = True, err: bool = False) -> None:
    """Every line the shell commands print: text from the person's data or a file (a
    note, a name, a path) may hold control characters; they are shown as visible escapes
    (`\\x1b`), never sent raw to the terminal (see neurocoach/domain/text.py)."""
    from neurocoach.domain.text import terminal_safe

    click.echo(terminal_safe(message), nl=nl, err=err)


def fail(message: str) -> None:
    """One clear line on stderr and exit status 2 (control characters shown, not obeyed)."""
    from neurocoach.domain.text import one_line

    click.echo(one_line(message), err=True)
    sys.exit(2)


