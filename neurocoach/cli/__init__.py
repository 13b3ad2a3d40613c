"""The command line: the `neurocoach` group and `main`; each family of commands lives in its
own module and is registered here with `add_command`. Nothing here imports Textual at module
level: `status` runs at every login (and a plain `neurocoach status` never gets here, see
neurocoach/__main__.py)."""

from __future__ import annotations

import sys

import click

from neurocoach import __version__
from neurocoach.cli import backup, checkin, data, plan, remind, serve, status
from neurocoach.cli.common import Ctx, Group, fail, say
from neurocoach.paths import ENV_VAR

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
Output: what a command makes goes to stdout: the data itself when there is
no --out (or --out -), else one line saying what was written where; warnings,
refusals and errors go to stderr.

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


@click.group(cls=Group, invoke_without_command=True, epilog=HELP_MORE,
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
        from neurocoach.cli.app import run_tui

        run_tui(ctx.obj)



for command in (status.status, checkin.checkin, data.export, data.import_, data.report,
                backup.demo, backup.backup, backup.restore, plan.plan, remind.remind, serve.serve):
    cli.add_command(command)


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
