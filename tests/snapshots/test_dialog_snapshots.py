"""The look of the screens and dialogs that had no snapshot: the plan and its dialogs, the
report dialog, the own-exercise form, the profile (first run and later), the summary and the
stop dialog, pinned at 80×24."""

from __future__ import annotations

import pytest

from neurocoach.tui.widgets.countdown import Countdown
from neurocoach.tui.widgets.stopwatch import Stopwatch


@pytest.fixture(autouse=True)
def still_clocks(monkeypatch):
    monkeypatch.setattr(Countdown, "auto_tick", False)
    monkeypatch.setattr(Stopwatch, "auto_tick", False)


def _quiet(app):
    app.animation_level = "none"
    app.cursor_blink = False
    return app


SIZE = (80, 24)


def test_plan_80x24(snap_compare, make_app):
    assert snap_compare(_quiet(make_app()), press=["m"], terminal_size=SIZE)


def test_plan_days_dialog_80x24(snap_compare, make_app):
    assert snap_compare(_quiet(make_app()), press=["m", "d"], terminal_size=SIZE)


def test_plan_import_dialog_80x24(snap_compare, make_app):
    assert snap_compare(_quiet(make_app()), press=["m", "i"], terminal_size=SIZE)


def test_plan_export_dialog_80x24(snap_compare, make_app, monkeypatch):
    # the dialog offers a file in the home folder: a fixed one, not pytest's numbered tmp
    # folder (the snapshot held "pytest-448" and failed on every other run)
    monkeypatch.setenv("HOME", "/home/person")
    assert snap_compare(_quiet(make_app()), press=["m", "o"], terminal_size=SIZE)


def test_report_dialog_80x24(snap_compare, make_app):
    assert snap_compare(_quiet(make_app()), press=["p", "o"], terminal_size=SIZE)


def test_own_exercise_form_80x24(snap_compare, make_app):
    assert snap_compare(_quiet(make_app()), press=["l", "n"], terminal_size=SIZE)


def test_own_exercise_form_refused_80x24(snap_compare, make_app):
    assert snap_compare(_quiet(make_app()), press=["l", "n", "ctrl+s"], terminal_size=SIZE)


def test_profile_80x24(snap_compare, make_app):
    assert snap_compare(_quiet(make_app()), press=["e"], terminal_size=SIZE)


def test_first_run_profile_80x24(snap_compare, make_app):
    assert snap_compare(_quiet(make_app(onboarded=False)), press=["enter"], terminal_size=SIZE)


def test_summary_80x24(snap_compare, make_app):
    keys = ["enter"] + ["s"] * 20                      # skip every step to the summary
    assert snap_compare(_quiet(make_app()), press=keys, terminal_size=SIZE)


def test_stop_dialog_80x24(snap_compare, make_app):
    assert snap_compare(_quiet(make_app()), press=["enter", "x"], terminal_size=SIZE)
