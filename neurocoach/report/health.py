"""The report's issue-13 parts: the health answers and the follow-up after a serious stop
(under "Period covered"), and the fall-risk self-tests (under "Balance")."""

from __future__ import annotations

import datetime as dt

from neurocoach.domain.models import Profile
from neurocoach.report.sections import Section, day_words


def _days(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def with_health(section: Section, profile: dict, sessions) -> Section:
    """The health answers (issue 13) and what was said after a serious stop."""
    from neurocoach.coach.screening import QUESTIONS, stop_label
    from neurocoach.domain.models import Screening

    answers = Screening.from_dict(profile.get("screening"))
    words = {"yes": "yes", "no": "no", "unsure": "not sure", None: "not asked"}
    lines = [f"{q.ask} {words[getattr(answers, q.field)]}" for q in QUESTIONS]
    said = {"checked": "checked since", "not_yet": "not checked yet"}
    for s in sessions:
        if s.get("follow_up"):
            lines.append(f"Stopped on {day_words(_days(s['date']))} for "
                         f"{stop_label(s['stopped_reason']).lower()}: "
                         f"{said.get(s['follow_up'], s['follow_up'])}.")
    return Section(section.title, [*section.blocks[:2], "Health answers (not sure and not "
                                   "asked are treated as yes):", lines, *section.blocks[2:]])


def with_fall_tests(section: Section, doc, start, today, profile: Profile) -> Section:
    """The STEADI 4-stage test and the chair stand (issue 13), after the single-leg stand."""
    from neurocoach.coach.self_tests import summary_lines

    tests = [(_days(t["date"]), t["kind"], t["result"]) for t in doc.get("self_tests", [])
             if start <= _days(t["date"]) <= today]
    return Section(section.title, [*section.blocks, "Fall-risk self-tests, meant to be done "
                                   "with a clinician or with someone beside the person, next "
                                   "to a sturdy support:", summary_lines(tests, profile.age(today))])
