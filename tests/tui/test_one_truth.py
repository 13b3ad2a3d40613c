"""One truth: the same history read from every surface — `neurocoach status`, Today, the
plan, Progress, the session summary, the report and the export — gives the same streak,
minutes, time estimate, level and relative dates (issue 15)."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from click.testing import CliRunner

from neurocoach.catalog import load_catalog
from neurocoach.domain.models import Checkin, Entry, Step
from neurocoach.services.demo import demo_profile, generate_history
from neurocoach.tui.screens.plan import PlanScreen
from neurocoach.tui.screens.progress import ProgressScreen
from neurocoach.tui.screens.session import SessionScreen
from neurocoach.tui.screens.summary import SummaryScreen
from neurocoach.tui.screens.today import TodayScreen
from neurocoach.tui.widgets.stopwatch import Stopwatch


@pytest.fixture(autouse=True)
def manual_stopwatch(monkeypatch):
    monkeypatch.setattr(Stopwatch, "auto_tick", False)


@pytest.fixture
def cli(monkeypatch, clock, db_path):
    """`neurocoach --db … ARGS` on the test's fake clock: its output."""
    import neurocoach.clock
    from neurocoach.cli import cli as group

    monkeypatch.setattr(neurocoach.clock, "Clock", lambda: clock)

    def run(*args: str) -> str:
        result = CliRunner().invoke(group, ["--db", str(db_path), *args])
        assert result.exit_code == 0, result.output
        return result.output

    return run


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def status_part(line: str, key: str) -> str:
    """'streak: 2 days' → '2 days' from the status line."""
    return next(p for p in line.strip().split(" · ") if p.startswith(key))[len(key):].strip()


def progress_streak(app) -> str:
    return re.search(r"Streak (.+?) · longest", text(app, "#adherence-summary")).group(1)


def this_week_minutes(app) -> str:
    all_row = next(line for line in text(app, "#work").splitlines() if line.startswith("All"))
    return all_row.split()[-1]


def routine_doses(app) -> dict[str, str]:
    """Today's rows: exercise name → its dose words."""
    routine = app.screen.query_one("#today-routine")
    doses = {}
    for i in range(routine.option_count):
        row = str(routine.get_option_at_index(i).prompt)
        name, dose = row[4:].rsplit("  · ", 1)[0].split(" — ", 1)
        doses[name] = dose.split("  (instead of")[0]
    return doses


def report_doses(report: str) -> dict[str, str]:
    """The report's plan table: exercise name → 'Level and dose now'."""
    table = report.split("## Current plan", 1)[1]
    doses = {}
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0] not in ("Exercise", "") and not cells[0].startswith("-"):
            doses[cells[0]] = cells[2]
    return doses


def history(store, clock) -> dt.date:
    """Sixty days of demo history ending three weeks ago, then a check-in and a session
    exactly 20 days ago, and nothing since: the day the surfaces must call '20 days ago'."""
    catalog = load_catalog()
    today = clock.today()
    generate_history(store, catalog, today - dt.timedelta(days=21), 60, seed=2026)
    last = today - dt.timedelta(days=20)
    at = dt.datetime.combine(last, dt.time(9), tzinfo=dt.timezone.utc)
    store.record_checkin(Checkin(day=last, pain=3, numbness=4, tingling=3, burning=2,
                                 feet="ok"), at)
    record = store.start_session(last, [Step("walking", minutes=10)], at)
    store.log_entry(record.id, Entry(0, "walking", "done", seconds=600,
                                     logged_at=at.isoformat()))
    store.finish_session(record.id, at + dt.timedelta(minutes=11))
    return last


async def test_every_surface_tells_the_same_figures(make_app, store, clock, cli):
    last = history(store, clock)
    today = clock.today()
    assert today.weekday() == 0 and (today - last).days == 20  # a Monday; Sunday is a rest day
    app = make_app(profile=demo_profile(today - dt.timedelta(days=21)))

    before = cli("status")
    assert status_part(before, "last session") == "20 days ago"
    assert status_part(before, "streak:") == "none yet"

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        meta = text(app, "#today-meta")
        assert "last session 20 days ago" in meta                 # not "a month ago"
        estimate = re.search(r"About (\d+) minutes", meta).group(1)
        today_doses = routine_doses(app)
        from neurocoach.tui.app_calls import level_views, person_plan

        levels = {app.catalog.get(i).name: v.title
                  for i, v in level_views(app, person_plan(app)).items()}

        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        assert f"about {estimate} minutes a session" in text(app, "#plan-summary")
        await pilot.press("escape")

        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        assert "Last check-in 20 days ago." in text(app, "#symptoms")
        assert progress_streak(app) == "none right now"
        assert this_week_minutes(app) == "0"

        await pilot.press("t")
        await pilot.pause()
        await pilot.press("enter")                                 # today's session
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        record = app.screen.record
        while not isinstance(app.screen, SummaryScreen):
            clock.advance(seconds=20)
            await pilot.press("enter")
            await pilot.pause()
        summary = text(app, "#summary-body")
        minutes = re.search(r"Time exercising: (\d+) minutes?", summary).group(1)
        await pilot.press("escape")
        await pilot.pause()
        assert "last session today" in text(app, "#today-meta")

        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        streak = progress_streak(app)
        assert this_week_minutes(app) == minutes                 # only today's session
        assert streak == "2 days"                                  # Sunday's rest, today

    after = cli("status")
    assert status_part(after, "streak:") == streak
    assert status_part(after, "last session") == "today"

    report = cli("report", "--days", "1")
    assert f"Time exercising: {minutes} minute" in report
    assert f"each session aims at about {estimate} minutes" in report  # the default plan
    plan_doses = report_doses(report)
    assert today_doses and {n: plan_doses.get(n) for n in today_doses} == {
        n: levels[n] for n in today_doses}                       # the level the app shows
    for name, dose in today_doses.items():                       # and Today's dose in it
        assert plan_doses[name].endswith(dose) or "support" in plan_doses[name], name

    from neurocoach.coach.stats import entries_seconds  # Progress's and the summary's sum

    doc = json.loads(cli("export", "--format", "json"))
    assert doc["plan"]["target_minutes"] == int(estimate)
    session = next(s for s in doc["sessions"] if s["id"] == record.id)
    assert session["date"] == today.isoformat()
    assert str(round(entries_seconds(session["entries"], load_catalog()) / 60)) == minutes
    earlier = max(s["date"] for s in doc["sessions"] if s["id"] != record.id)
    assert earlier == last.isoformat()


async def test_a_newcomers_streak_is_the_same_in_status_and_progress(make_app, store, clock,
                                                                     cli):
    """A first check-in on Sunday (a rest day), the first session on Monday: the rest day
    after starting counts for the streak everywhere, not only on Progress."""
    today = clock.today()
    sunday = today - dt.timedelta(days=1)
    store.record_checkin(Checkin(day=sunday, pain=4, feet="ok"),
                         dt.datetime.combine(sunday, dt.time(9), tzinfo=dt.timezone.utc))
    record = store.start_session(today, [Step("walking", minutes=10)], clock.now())
    store.log_entry(record.id, Entry(0, "walking", "done", seconds=600))
    store.finish_session(record.id, clock.now())
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        streak = progress_streak(app)
    assert streak == "2 days"
    assert status_part(cli("status"), "streak:") == streak


async def test_rest_days_are_the_plans_everywhere(make_app, store, clock, cli):
    """Four training days a week with only Wednesday and Sunday marked: the plan rests on
    Friday too, and so do status, Today, the report and the streak."""
    from neurocoach.domain.models import Profile

    clock.set(dt.datetime(2026, 11, 27, 9, tzinfo=dt.timezone.utc))        # a Friday
    thursday = clock.today() - dt.timedelta(days=1)
    record = store.start_session(thursday, [Step("walking", minutes=10)],
                                 dt.datetime.combine(thursday, dt.time(9),
                                                     tzinfo=dt.timezone.utc))
    store.log_entry(record.id, Entry(0, "walking", "done", seconds=600))
    store.finish_session(record.id, clock.now())
    app = make_app(profile=Profile(days_per_week=4, rest_days=(2, 6)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "a rest day" in text(app, "#today-date")
        await pilot.press("p")
        await pilot.pause()
        streak = progress_streak(app)
    line = cli("status")
    assert status_part(line, "routine:") == "rest day"
    assert status_part(line, "streak:") == streak == "2 days"            # Thursday, Friday
    report = cli("report", "--days", "7")
    assert "rest days: Wednesday, Friday and Sunday" in report
    assert "rest on Wednesday, Friday and Sunday" in report


async def test_a_balance_time_reads_the_same_on_progress_and_in_the_report(make_app, store,
                                                                            clock, cli):
    """2.5 s and 1.5 s held: the report rounded them to whole seconds (Python rounds a half
    to even: '2 s' and '2 s') while Progress said '2.5 s' and '1.5 s'."""
    day = clock.today() - dt.timedelta(days=1)
    store.record_balance_test(day, {"left": 2.5, "right": 1.5}, clock.now())
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        balance = text(app, "#balance")
    left = next(line for line in balance.splitlines() if line.startswith("Left"))
    right = next(line for line in balance.splitlines() if line.startswith("Right"))
    assert " 2.5 s" in left and " 1.5 s" in right
    report = cli("report", "--days", "7")
    assert "Left: 2.5 s at first, 2.5 s at the latest test" in report
    assert "Right: 1.5 s at first, 1.5 s at the latest test" in report
    assert "| 2.5 s | 1.5 s |" in report


async def test_todays_estimate_is_the_listed_sessions_after_a_plan_change(make_app, store,
                                                                           clock):
    """A session started, then the plan cut to one exercise: Today still lists the session
    as it was started, so its "About N minutes" is that session's (the plan's 15 then, its
    own reckoning now that the plan says 5), not the new plan's five minutes."""
    from neurocoach.coach.plan import Plan
    from neurocoach.tui.screens.session import SessionScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        before = re.search(r"About (\d+) minutes", text(app, "#today-meta")).group(1)
        rows = app.screen.query_one("#today-routine").option_count
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("escape")                       # leave: the session stays open
        await pilot.pause()
        store.save_plan(Plan(("walking",), target_minutes=5), clock.now())
        await pilot.press("p", "t")                       # Today is read again
        await pilot.pause()
        assert app.screen.query_one("#today-routine").option_count == rows
        after = int(re.search(r"About (\d+) minutes", text(app, "#today-meta")).group(1))
        assert int(before) - 1 <= after <= int(before) + 2, (before, after)
