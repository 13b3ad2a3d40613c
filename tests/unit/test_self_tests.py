"""coach.self_tests: the STEADI 4-stage test and the 30-second chair stand against norms."""

from __future__ import annotations

import datetime as dt

import pytest

from neurocoach.coach.self_tests import chair_stand_verdict, steadi_verdict, summary_lines


@pytest.mark.parametrize("held, concern", [(0, True), (2, True), (3, False), (4, False)])
def test_steadi_flags_a_tandem_stance_not_held(held, concern):
    verdict = steadi_verdict(held)
    assert verdict.concern is concern
    assert ("raised risk of falling" in verdict.words) is concern


@pytest.mark.parametrize("stands, age, words, concern", [
    (10, 62, "below the typical range", True),       # 60-64: men 14-19, women 12-17
    (13, 62, "at the low end", False),
    (15, 62, "within or above", False),
    (11, 67, "at the low end", False),               # 65-69: men 12-18, women 11-16
    (10, 67, "below", True),
    (12, 75, "figures for ages 60-69 only", False),
    (12, None, "no age on file", False),
])
def test_chair_stand_norms_by_age(stands, age, words, concern):
    verdict = chair_stand_verdict(stands, age)
    assert words in verdict.words and verdict.concern is concern


def test_summary_names_the_latest_and_the_first():
    day = dt.date(2026, 11, 1)
    tests = [(day, "steadi", 2), (day + dt.timedelta(days=20), "steadi", 4)]
    lines = summary_lines(tests, 62)
    assert lines[0].startswith("4-stage balance (STEADI), 2026-11-21: held 4 of 4")
    assert "first time 2 on 2026-11-01" in lines[0]
    assert lines[1] == "30-second chair stand: not done yet."
