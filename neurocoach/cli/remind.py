"""`neurocoach remind`: a daily reminder without a server — a crontab line or a systemd
user timer that runs `neurocoach status` at the hour the person chooses.

Printed by default, for the person to read and paste; `--install` puts it in place. The
status line holds health data, so it goes only to the person: cron mails a job's output
to the crontab's owner, systemd keeps it in the person's own journal, and `--via terminal`
writes it to the person's own open terminals (`write`), never to everyone's (`wall`).
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

import click

from neurocoach.cli.common import Command, Ctx, fail

MARK = "# neurocoach reminder"
"""Ends the crontab line, so that installing again replaces it instead of adding another."""
UNIT = "neurocoach-remind"


class Clock(click.ParamType):
    """A time of day written HH:MM (24-hour)."""

    name = "HH:MM"

    def convert(self, value, param, ctx):
        if isinstance(value, tuple):
            return value
        text = str(value).strip()
        hours, colon, minutes = text.partition(":")
        if (colon and hours.isdigit() and minutes.isdigit() and len(minutes) == 2
                and 0 <= int(hours) <= 23 and 0 <= int(minutes) <= 59):
            return int(hours), int(minutes)
        self.fail(f"must be a time of day written HH:MM, from 00:00 to 23:59, not {value!r}",
                  param, ctx)


def status_command(obj: Ctx, via: str) -> str:
    """The shell command that prints the status line: this very Python and database, by
    absolute paths (cron and systemd start with a bare PATH and another working folder)."""
    db = Path(os.path.abspath(obj.db_path))
    argv = [sys.executable, "-m", "neurocoach", "--db", str(db), "status"]
    command = shlex.join(argv)
    if via == "terminal":
        command += ' 2>&1 | write "$LOGNAME" 2>/dev/null; true'
    return command


def crontab_line(at: tuple[int, int], command: str) -> str:
    hours, minutes = at
    return f"{minutes} {hours} * * * {command}  {MARK}"


def systemd_units(at: tuple[int, int], command: str) -> dict[str, str]:
    hours, minutes = at
    service = (
        "[Unit]\nDescription=neurocoach: today's status line, as a reminder\n\n"
        f"[Service]\nType=oneshot\nExecStart=/bin/sh -c {shlex.quote(command)}\n"
    )
    timer = (
        "[Unit]\nDescription=neurocoach reminder, every day\n\n"
        f"[Timer]\nOnCalendar=*-*-* {hours:02d}:{minutes:02d}:00\nPersistent=false\n\n"
        "[Install]\nWantedBy=timers.target\n"
    )
    return {f"{UNIT}.service": service, f"{UNIT}.timer": timer}


def install_crontab(line: str) -> None:
    """Add the line to the person's crontab, replacing an earlier neurocoach reminder."""
    import shutil  # here: every other command (and `import`'s figure) goes without them
    import subprocess

    if shutil.which("crontab") is None:
        fail("there is no `crontab` command here: install cron, or use --systemd.")
    current = subprocess.run(["crontab", "-l"], capture_output=True, text=True)
    # `crontab -l` fails when there is no crontab yet: that is an empty one.
    lines = current.stdout.splitlines() if current.returncode == 0 else []
    kept = [existing for existing in lines if not existing.rstrip().endswith(MARK)]
    new = "\n".join([*kept, line]) + "\n"
    done = subprocess.run(["crontab", "-"], input=new, capture_output=True, text=True)
    if done.returncode != 0:
        problem = (done.stderr.strip().splitlines() or ["crontab refused it"])[-1]
        fail(f"could not install the crontab line: {problem}")


def install_systemd(units: dict[str, str]) -> Path:
    from neurocoach.cli.files import write_private

    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    folder = base / "systemd" / "user"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        fail(f"cannot create {folder}: {exc.strerror}.")
    write_private({folder / name: text for name, text in units.items()})
    return folder


@click.command(cls=Command)
@click.option("--at", "at", type=Clock(), required=True,
              help="The time of day for the reminder, HH:MM (24-hour).")
@click.option("--systemd", "use_systemd", is_flag=True,
              help="A systemd user timer instead of a crontab line.")
@click.option("--via", type=click.Choice(["mail", "terminal"]), default="mail", show_default=True,
              help="mail: cron mails the line to you (systemd keeps it in your journal); "
                   "terminal: written to your open terminals too, with `write`.")
@click.option("--install", is_flag=True,
              help="Put it in place (your crontab, or ~/.config/systemd/user) instead of "
                   "printing it.")
@click.pass_obj
def remind(obj: Ctx, at, use_systemd: bool, via: str, install: bool) -> None:
    """A daily reminder at --at: your status line, by cron or a systemd user timer.

    Without --install it prints what to add, and changes nothing.
    """
    command = status_command(obj, via)
    if not use_systemd:
        line = crontab_line(at, command)
        if not install:
            click.echo("# Add this line with `crontab -e` (or run this again with --install):")
            click.echo(line)
            return
        install_crontab(line)
        click.echo(f"Installed in your crontab: every day at {at[0]:02d}:{at[1]:02d}. "
                   "`crontab -l` shows it; running this again replaces it.")
        return
    units = systemd_units(at, command)
    if not install:
        for name, text in units.items():
            click.echo(f"# ~/.config/systemd/user/{name}")
            click.echo(text)
        click.echo(f"# then: systemctl --user daemon-reload && "
                   f"systemctl --user enable --now {UNIT}.timer")
        return
    folder = install_systemd(units)
    click.echo(f"Wrote {UNIT}.service and {UNIT}.timer in {folder}. To start it: "
               f"systemctl --user daemon-reload && systemctl --user enable --now {UNIT}.timer")
