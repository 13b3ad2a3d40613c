"""`neurocoach checkin` with no options, at a terminal: the questions one by one. Enter
alone skips a question, and a skipped question keeps that day's earlier answer, as an
option left out does."""

from __future__ import annotations

from click.testing import CliRunner

from neurocoach.cli import checkin as cli_checkin
from neurocoach.cli import cli
from neurocoach.store import Store
from tests.cli.test_cli import TODAY, run


def ask(monkeypatch, answers: str):
    monkeypatch.setattr(cli_checkin, "can_ask", lambda: True)
    return CliRunner().invoke(cli, ["checkin"], input=answers, catch_exceptions=False)


def test_enter_alone_keeps_the_days_foot_problem_and_note(db_path, monkeypatch):
    first = run("checkin", "--pain", "3", "--feet", "skin", "--foot", "left",
                "--note", "blister left heel", db=db_path)
    assert first.returncode == 0, first.stderr
    # pain 5, then enter alone for every other question
    result = ask(monkeypatch, "5\n\n\n\n\n\n")
    assert result.exit_code == 0, result.output
    saved = Store.open(db_path).checkin_for(TODAY)
    assert (saved.pain, saved.feet, saved.foot, saved.note) == (
        5, "skin", "left", "blister left heel")
    assert "feet: a skin problem" in result.output
    assert "Kept from the earlier check-in that day: feet: a skin problem" in result.output
    assert "note \u201cblister left heel\u201d" in result.output


def test_enter_alone_on_a_new_day_takes_the_defaults(db_path, monkeypatch):
    result = ask(monkeypatch, "4\n\n\n\n\n\n")
    assert result.exit_code == 0, result.output
    saved = Store.open(db_path).checkin_for(TODAY)
    assert (saved.pain, saved.numbness, saved.feet, saved.foot, saved.note) == (
        4, None, "unchecked", None, "")
    assert "Kept" not in result.output


def test_answers_given_replace_the_days_earlier_ones(db_path, monkeypatch):
    run("checkin", "--pain", "3", "--feet", "skin", "--note", "blister", db=db_path)
    result = ask(monkeypatch, "2\n1\n\n\nok\nall healed\n")
    assert result.exit_code == 0, result.output
    saved = Store.open(db_path).checkin_for(TODAY)
    assert (saved.pain, saved.numbness, saved.feet, saved.foot, saved.note) == (
        2, 1, "ok", None, "all healed")


def test_pain_alone_keeps_the_foot_of_the_days_skin_problem(db_path):
    run("checkin", "--pain", "3", "--feet", "skin", "--foot", "left", db=db_path)
    again = run("checkin", "--pain", "4", db=db_path)
    assert again.returncode == 0, again.stderr
    saved = Store.open(db_path).checkin_for(TODAY)
    assert (saved.pain, saved.feet, saved.foot) == (4, "skin", "left")
    assert "on your left foot" in again.stdout and "both feet" not in again.stdout
    # A foot check given again without a foot means both, as on a new day.
    run("checkin", "--pain", "4", "--feet", "hot", db=db_path)
    assert Store.open(db_path).checkin_for(TODAY).foot == "both"


def test_a_hot_foot_reads_as_a_sentence_as_today_says_it(db_path):
    result = run("checkin", "--pain", "2", "--feet", "hot", "--foot", "right", db=db_path)
    assert result.returncode == 0, result.stderr
    assert "You noted a warm, red or swollen foot (your right foot), so no standing or " \
        "walking today" in result.stdout
    assert "You noted warm" not in result.stdout
