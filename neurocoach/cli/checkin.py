"""`neurocoach checkin`: today's check-in (or a missed day's) from the shell, by options
or, with none in a terminal, by questions one at a time."""

from __future__ import annotations

import datetime as dt
import sys

import click

from neurocoach.cli.common import Command, Ctx, fail, say
from neurocoach.domain.names import OPTIONAL_SYMPTOMS as OPTIONAL  # services.checkin's

class Scale(click.ParamType):
    """A 0–10 symptom score, with an error that names the field and its range."""

    name = "0-10"

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            number = value
        else:
            text = str(value).strip()
            if not text.lstrip("-").isdigit():
                self.fail(f"must be a whole number from 0 to 10, not {value!r}",
                          param, ctx)
            number = int(text)
        if not 0 <= number <= 10:
            self.fail(f"must be from 0 to 10, not {number}", param, ctx)
        return number


MAX_DAYS_BACK = 366
"""How far back `checkin --date` may fill in a missed day."""


class Day(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            self.fail(f"must be a day written YYYY-MM-DD, not {value!r}", param, ctx)


def symptom_options(command):
    """--numbness, --tingling, --burning: one option per optional score of SYMPTOMS."""
    for name in reversed(OPTIONAL):
        command = click.option(f"--{name}", type=Scale(),
                               help=f"{name.capitalize()}, 0 to 10.")(command)
    return command


@click.command(cls=Command)
@click.option("--pain", type=Scale(), help="Pain today, 0 (none) to 10. Required, unless the "
                                          "command asks (no options, in a terminal).")
@symptom_options
@click.option("--feet", type=click.Choice(["ok", "skin", "hot", "unchecked", "sore"]),
              help="Daily foot check: ok (looked, fine), skin (a blister, cut, wound or red "
                   "spot; 'sore' means the same), hot (warm, red or swollen), unchecked (did "
                   "not look; the default for a new day's check-in).")
@click.option("--foot", type=click.Choice(["left", "right", "both"]),
              help="Which foot the skin problem or hot foot is on (with --feet skin or hot; "
                   "both when left out).")
@click.option("--note", help="A short note for the day.")
@click.option("--date", "day", type=Day(), help="Fill in a missed day (not a future one).")
@click.pass_obj
def checkin(obj: Ctx, pain, feet, foot, note, day, **scores) -> None:
    """Record today's check-in (or a missed earlier day's).

    With no options at all, in a terminal, it asks the questions one by one.
    """
    from neurocoach.coach.foot_check import describe
    from neurocoach.services.checkin import checkin_effects, merge_checkin, record_checkin
    from neurocoach.store import StoreError

    if pain is None:
        context = click.get_current_context()
        given = [p.name for p in context.command.params
                 if context.get_parameter_source(p.name) == click.core.ParameterSource.COMMANDLINE]
        if given or not can_ask():
            fail("Missing option '--pain' (see neurocoach --help).")
        asked = ask_checkin(context.command)
        pain, scores = asked["pain"], {n: asked[n] for n in OPTIONAL}
        feet, foot, note = asked["feet"], asked["foot"], asked["note"]
    if feet == "sore":
        feet = "skin"

    today = obj.clock.today()
    day = day or today
    if day > today:
        fail(f"--date cannot be in the future (today is {today.isoformat()}).")
    earliest = today - dt.timedelta(days=MAX_DAYS_BACK)
    if day < earliest:
        fail(f"--date must be within the last {MAX_DAYS_BACK} days, from "
             f"{earliest.isoformat()} to {today.isoformat()}, not {day.isoformat()}.")
    if note is not None:
        from neurocoach.domain.text import control_problem

        problem = control_problem(note)
        if problem:
            fail(f"--note {problem}.")
        note = note.strip()
        if len(note) > 500:
            fail("--note must be at most 500 characters.")
    store = obj.open_store()
    earlier = store.checkin_for(day)
    if foot is not None and (feet or (earlier.feet if earlier else None)) not in ("skin", "hot"):
        store.close()
        fail("--foot goes with --feet skin or --feet hot (which foot has the problem), "
             f"not with --feet {feet or '(not given)'}.")
    if foot is not None and feet is None:
        feet = earlier.feet  # the day's skin problem or hot foot, now on this foot
    given = {**scores, "feet": feet, "note": note, "foot": foot}
    entry, kept = merge_checkin(earlier, day, pain, given)
    try:
        replaced = record_checkin(store, entry, obj.clock.now())
    except StoreError as exc:
        fail(str(exc))
    try:
        store.daily_backup(today)
    except StoreError as exc:
        say(f"neurocoach: warning: today's backup copy failed: {exc}", err=True)
    when = say_day(day, today)
    say(f"Check-in for {when} {'updated' if replaced else 'saved'}: pain {pain}/10, "
        f"feet: {describe(entry)}.")
    if kept:
        from neurocoach.domain.words import sentence

        say(sentence(f"Kept from the earlier check-in that day: {kept}"))
    if day == today:
        for line in checkin_effects(store, entry, today):
            say(line)
    store.close()


def can_ask() -> bool:
    """A person at a terminal who can answer the questions."""
    return sys.stdin is not None and sys.stdin.isatty() and sys.stdout.isatty()


def ask_checkin(command: click.Command) -> dict:
    """The check-in's questions one by one, as the TUI asks them: each answer is checked
    as its option would be, and asked again when it is not right. Enter alone leaves an
    optional answer out (the day's earlier one, or the default on a new day)."""
    options = {p.name: p for p in command.params}
    click.echo("Today's check-in: scores from 0 (none) to 10. Enter alone skips a question "
               "(not pain).")
    answers = {"pain": click.prompt("Pain", type=options["pain"].type)}
    for name in OPTIONAL:
        scale = options[name].type
        answers[name] = click.prompt(
            name.capitalize(), default="", show_default=False,
            value_proc=lambda text, scale=scale: scale.convert(text, None, None)
            if text.strip() else None)
    click.echo(options['feet'].help)
    feet = options["feet"].type
    # Enter alone leaves the foot check and the note out, as the options left out: a new
    # day's check-in then takes 'unchecked' and no note, a second one that day keeps its
    # earlier answers (a skin problem noted this morning is not lost to an enter).
    answers["feet"] = click.prompt(
        "Your feet today", type=feet, default="", show_default=False,
        value_proc=lambda text: feet.convert(text, None, None) if text.strip() else None)
    answers["foot"] = None
    if answers["feet"] in ("skin", "sore", "hot"):
        answers["foot"] = click.prompt("Which foot", type=options["foot"].type, default="both")
    answers["note"] = click.prompt("A note (optional)", default="", show_default=False,
                                   value_proc=lambda text: text if text.strip() else None)
    return answers


def say_day(day: dt.date, today: dt.date) -> str:
    """'today', 'yesterday', 'Nov 20', and with the year for another year: 'Dec 30, 2025'."""
    if day == today:
        return "today"
    if day == today - dt.timedelta(days=1):
        return "yesterday"
    text = f"{day:%b} {day.day}"
    return text if day.year == today.year else f"{text}, {day.year}"
