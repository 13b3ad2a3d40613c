"""Pure rules: resuming, going back, summaries, streaks, profile answers, the status line."""

from __future__ import annotations

import datetime as dt

import pytest

from neurocoach.coach.profile import age_band, parse_birth_year, rest_days_for
from neurocoach.coach.session import exercise_states, previous_logged, resumable, summarize
from neurocoach.coach.stats import day_states, streaks
from neurocoach.domain.models import Entry, Profile, SessionRecord, Step
from neurocoach.services.status import status_line

T0 = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)
MON = dt.date(2026, 11, 23)


def current_streak(trained, rest_days, today, *, skips_per_month=0):
    """The current streak of a person whose first day was their first trained day (the
    app reads it through services.adherence, from the first check-in or session)."""
    trained = {d for d in trained if d <= today}
    if not trained:
        return 0
    start = min(trained)
    states = day_states(start, today, today, dict.fromkeys(trained, 1.0), rest_days, start,
                        skips_per_month)
    return streaks(states, today).current


def record(statuses, finished=False, start=T0):
    steps = [Step("calf-stretch", "left"), Step("calf-stretch", "right"), Step("walking")]
    entries = {i: Entry(i, steps[i].exercise_id, s, rating=2 if s == "done" else None)
               for i, s in enumerate(statuses) if s}
    return SessionRecord(1, start.date(), start, steps, entries,
                         finished_at=start + dt.timedelta(minutes=14) if finished else None)


def test_resumable_only_when_unfinished_recent_and_with_steps_left():
    assert resumable(record(["done"]), T0 + dt.timedelta(hours=2))
    assert not resumable(record(["done"], finished=True), T0)
    assert not resumable(record(["done", "done", "skipped"]), T0)
    assert not resumable(record(["done"]), T0 + dt.timedelta(hours=30))
    assert not resumable(None, T0)


def test_previous_logged_skips_gaps():
    rec = record(["done", None, "skipped"])
    assert previous_logged(rec, 3) == 2
    assert previous_logged(rec, 2) == 0
    assert previous_logged(rec, 0) is None
    assert rec.next_index == 1


def test_summary_and_states():
    rec = record(["done", "skipped", "done"], finished=True)
    s = summarize(rec, T0)
    assert (s.done, s.skipped, s.total, s.not_reached) == (2, 1, 3, 0)
    assert s.spent == dt.timedelta(minutes=14)
    assert s.ratings == {"right": 2}
    assert exercise_states(rec) == [("calf-stretch", "partly done"), ("walking", "done")]
    assert exercise_states(record([None, None, "skipped"])) == [
        ("calf-stretch", "to do"), ("walking", "skipped")]


def test_streak_keeps_through_rest_days_and_today_not_yet_done():
    trained = {MON - dt.timedelta(days=d) for d in (1, 2, 3, 5)}   # Sun, Sat, Fri, Wed
    # Thursday (d=4) missed; Wednesday and Sunday are rest days here.
    assert current_streak(trained, (2, 6), MON) == 3
    assert current_streak(trained, (2, 3, 6), MON) == 5
    assert current_streak(trained | {MON}, (2, 6), MON) == 4
    assert current_streak(set(), (2, 6), MON) == 0
    assert current_streak({MON - dt.timedelta(days=9)}, (), MON) == 0


@pytest.mark.parametrize("text, year", [("", None), ("1956", 1956), (" 1931 ", 1931)])
def test_birth_year_ok(text, year):
    assert parse_birth_year(text, MON) == year


@pytest.mark.parametrize("text", ["1850", "2020", "abc", "19x6", "-1950"])
def test_birth_year_rejected_with_a_sentence(text):
    with pytest.raises(ValueError, match="Birth year"):
        parse_birth_year(text, MON)


def test_rest_days_and_age_band():
    assert rest_days_for(5) == (2, 6)
    assert len(rest_days_for(3)) == 4
    assert rest_days_for(9) == ()
    assert age_band(65) == "60–69" and age_band(None) is None and age_band(85) == "80 and over"


def test_status_line_with_history(store):
    store.save_profile(Profile(rest_days=(2, 6)), T0)
    for back in (1, 2, 3):
        day = MON - dt.timedelta(days=back)
        rec = store.start_session(day, [Step("walking")], T0 - dt.timedelta(days=back))
        store.log_entry(rec.id, Entry(0, "walking", "done"))
        store.finish_session(rec.id, T0 - dt.timedelta(days=back))
    line = status_line(store, T0)
    assert line.startswith("neurocoach · ")
    assert "check-in: not yet" in line
    assert "routine: not started" in line
    assert "streak: 3 days" in line
    assert "last session yesterday" in line
    rec = store.start_session(MON, [Step("walking"), Step("toe-stretch")], T0)
    store.log_entry(rec.id, Entry(0, "walking", "done"))
    line = status_line(store, T0)
    assert "routine: in progress (1 of 2 steps)" in line and "streak: 4 days" in line


def test_a_started_session_with_skin_work_on_a_newly_sore_foot_starts_afresh():
    import datetime as dt

    from neurocoach.catalog import load_catalog
    from neurocoach.coach.safety import SafetyNote
    from neurocoach.coach.session import needs_fresh_start
    from neurocoach.domain.models import SessionRecord, Step

    catalog = load_catalog()
    now = dt.datetime(2026, 11, 23, 9, tzinfo=dt.timezone.utc)
    record = SessionRecord(1, now.date(), now, [Step("plantar-roll", "left"),
                                                Step("plantar-roll", "right")])
    notes = [SafetyNote("swap", "Keep your weight off your feet today.")]
    assert needs_fresh_start(record, notes, catalog, frozenset({"left"}))
    assert not needs_fresh_start(record, notes, catalog, frozenset())
    assert not needs_fresh_start(record, [], catalog, frozenset({"left"}))
