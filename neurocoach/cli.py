"""The command line. Never imports Textual at module level: `status` runs at every login."""

from __future__ import annotations

import os
import sqlite3
import sys

import click

from neurocoach import __version__
from neurocoach.paths import ENV_VAR, BadPath, resolve_db_path


class Ctx:
    """What every command shares: where the DB is, how to open it, and the clock."""

    def __init__(self, db: str | None) -> None:
        from neurocoach.clock import Clock

        self.db_path = resolve_db_path(db)
        self.clock = Clock()

    def open_store(self):
        from neurocoach.store import Store, StoreError

        try:
            store = Store.open(self.db_path)
        except StoreError as exc:
            fail(str(exc))
        for warning in store.warnings:
            say(f"neurocoach: warning: {warning}", err=True)
        return store


def _use_db(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is not None and isinstance(ctx.obj, Ctx):
        ctx.obj.db_path = resolve_db_path(value)


class _Command(click.Command):
    """Every command also takes --db after its name (`neurocoach status --db FILE`), as
    well as before it."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.params.append(click.Option(
            ["--db"], metavar="PATH", expose_value=False, callback=_use_db,
            help="The database file to use (the same as --db before the command)."))


class _Group(click.Group):
    """The top command: an SQLite error that is the file's fault (damage found in a page
    the opening checks do not read, a disk error) ends any command with one line."""

    command_class = _Command
    group_class = type  # `plan` is a _Group too, so its commands take --db as well

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BadPath as exc:
            fail(str(exc))
        except sqlite3.Error as exc:
            from neurocoach.store.opening import use_error

            obj = ctx.obj
            problem = use_error(obj.db_path, exc) if isinstance(obj, Ctx) else None
            if problem is None:
                raise
            fail(str(problem))


def say(message: str = "", *, nl: bool = True, err: bool = False) -> None:
    """Every line the shell commands print: text from the person's data or a file (a
    note, a name, a path) may hold control characters; they are shown as visible escapes
    (`\\x1b`), never sent raw to the terminal (see neurocoach/text.py)."""
    from neurocoach.text import terminal_safe

    click.echo(terminal_safe(message), nl=nl, err=err)


def fail(message: str) -> None:
    """One clear line on stderr and exit status 2 (control characters shown, not obeyed)."""
    from neurocoach.entry import one_line

    click.echo(one_line(message), err=True)
    sys.exit(2)


HELP_MORE = """\b
Files:
  database   --db PATH, else NEUROCOACH_DB, else neurocoach.db in your data
             folder (Linux: ~/.local/share/neurocoach/); 0600, its folder 0700
  backups/   beside the database: the daily copies (7 kept), `backup` copies,
             and the data a `restore` replaced
  settings   NEUROCOACH_CONFIG, else config.toml in your config folder (Linux:
             ~/.config/neurocoach/): theme, motion = true|false, and [keys]
             with your own keys by binding id, e.g. "session.done" = "enter,d"

\b
Environment:
  NEUROCOACH_DB         the database file (the same as --db)
  NEUROCOACH_CONFIG     the settings file
  NO_COLOR=1            no colour: every state also reads as words and symbols
  ESCDELAY              ms a lone escape waits for the rest of a key (100)
  TEXTUAL_COLOR_SYSTEM  force the colours: truecolor, 256, standard or auto

\b
Keys in the coach: t Today, l Library, p Progress, ? the keys of the screen
you are on, q quit, ctrl+p search for anything to do, escape back.

\b
Exit status: 0 done; 1 cancelled at a question; 2 bad input, or a database
that cannot be used (one line on stderr says why, nothing is written);
130 interrupted.

\b
Shell completion (bash; zsh_source and fish_source work the same way):
  eval "$(_NEUROCOACH_COMPLETE=bash_source neurocoach)"    # in ~/.bashrc

\b
Each command has its own help: neurocoach COMMAND --help.
"""


@click.group(cls=_Group, invoke_without_command=True, epilog=HELP_MORE,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "db", metavar="PATH", envvar=ENV_VAR, show_envvar=True,
              help="The database file to use (default: your platform's data folder).")
@click.version_option(__version__, prog_name="neurocoach")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """neurocoach: a daily exercise coach for feet with neuropathy.

    Run with no command to open the full-screen coach on Today.
    It supports exercise; it does not diagnose or treat.
    """
    ctx.obj = Ctx(db)
    if ctx.invoked_subcommand is None:
        run_tui(ctx.obj)


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


@cli.command()
@click.pass_obj
def status(obj: Ctx) -> None:
    """One line for a login shell: today's check-in, routine, streak."""
    from neurocoach.status import status_line

    # A status line never creates a database: a mistyped --db would leave an empty one
    # behind, and a login shell would report on it as if all were well.
    if not os.path.lexists(obj.db_path):
        from neurocoach.store import StoreError
        from neurocoach.store.places import check_data_folder

        folder = obj.db_path.parent
        if not folder.is_dir():
            fail(f"there is no folder {folder}, so no neurocoach database at {obj.db_path}: "
                 "check the path.")
        try:
            check_data_folder(obj.db_path)  # another user's folder is refused, as on open
        except StoreError as exc:
            fail(str(exc))
        say(f"neurocoach · no data yet at {obj.db_path} · run `neurocoach` to start")
        return
    store = obj.open_store()
    say(status_line(store, obj.clock.now()))
    store.close()


def main() -> None:
    """Entry point: click's errors become one line on stderr and exit status 2."""
    if any("\0" in arg for arg in sys.argv[1:]):  # no file name or value can hold one
        fail("an argument holds a null character, which no name or value can contain.")
    try:
        cli.main(standalone_mode=False, prog_name="neurocoach")
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort:
        say("neurocoach: aborted.", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        message = exc.format_message()
        if isinstance(exc, click.NoSuchOption | click.BadOptionUsage | click.MissingParameter):
            message += " (see neurocoach --help)"
        fail(message.replace("\n", " "))
    except KeyboardInterrupt:
        sys.exit(130)


from neurocoach import cli_backup, cli_data  # noqa: E402,F401
from neurocoach import cli_checkin, cli_plan, cli_remind  # noqa: E402,F401
from neurocoach import cli_serve  # noqa: E402,F401
