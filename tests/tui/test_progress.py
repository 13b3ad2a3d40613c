"""Progress by keys at 80×24, on a history written through the Store: what the screen says."""

from __future__ import annotations

import datetime as dt

import pytest

from neurocoach.catalog import load_catalog
from neurocoach.domain.models import Checkin, Entry, Profile, Step
from neurocoach.store import Store
from neurocoach.tui.screens.progress import ProgressScreen
from neurocoach.tui.screens.progress_balance import BalanceTestScreen
from neurocoach.tui.widgets.calendar import AdherenceCalendar
from neurocoach.tui.widgets.stopwatch import Stopwatch

MON = dt.date(2026, 11, 23)
PROFILE = Profile(birth_year=1961, days_per_week=5, rest_days=(2, 6))   # 65: the 60–69 band
STEPS = [Step("walking", minutes=10), Step("toe-stretch", seconds=30, sets=2)]


@pytest.fixture(autouse=True)
def manual_stopwatch(monkeypatch):
    """The stopwatch only moves when the test moves the fake clock."""
    monkeypatch.setattr(Stopwatch, "auto_tick", False)


def d(back: int) -> dt.date:
    return MON - dt.timedelta(days=back)


def at(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.timezone.utc)


def train(store: Store, day: dt.date, done: int = len(STEPS), walked: int = 600) -> None:
    """A session on `day` with the first `done` steps done and the rest skipped."""
    record = store.start_session(day, STEPS, at(day))
    for i, step in enumerate(STEPS):
        status = "done" if i < done else "skipped"
        seconds = (walked if step.minutes else step.seconds) if status == "done" else None
        store.log_entry(record.id, Entry(i, step.exercise_id, status, seconds=seconds,
                                         logged_at=at(day).isoformat()))
    store.finish_session(record.id, at(day, 10))


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def open_progress(pilot):
    await pilot.press("p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ProgressScreen)


# -- adherence -------------------------------------------------------------------------
async def test_streak_calendar_and_week_from_a_known_week(make_app, store, clock):
    # Mon 16: a check-in but no training (the first miss of November: allowed).
    store.record_checkin(Checkin(day=d(7), pain=4, feet="ok"), at(d(7)))
    for back in (6, 4, 3):           # Tue, Thu, Fri done; Wed and Sun are rest days
        train(store, d(back))
    train(store, d(2), done=1)       # Sat: one of two steps, partial
    app = make_app(profile=PROFILE)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_progress(pilot)
        summary = text(app, "#adherence-summary")
        assert "Streak 6 days" in summary                  # Tue … Sun
        assert "longest 6 days" in summary
        assert "This week: 0 of 5 planned days" in summary
        assert "two skipped days a month" in summary
        rows = text(app, "#adherence-calendar").splitlines()
        assert rows[0].split()[-1] == "Nov"
        week = {row[:3]: row.split()[-2:] for row in rows[1:]}  # last week, then this week
        assert week["Mon"] == ["○", "·"]                   # allowed skip; today, to come
        assert week["Tue"] == ["●", "·"]
        assert week["Wed"] == ["-", "-"]                   # rest days, this week's too
        assert week["Sat"] == ["◐", "·"]
        assert week["Sun"] == ["-", "-"]
        legend = text(app, "#adherence-legend")
        for word in ("● done", "◐ partial", "- rest", "○ allowed skip", "× missed", "· to come"):
            assert word in legend


async def test_a_third_miss_breaks_the_streak_and_the_longest_is_kept(make_app, store):
    for back in range(30, 19, -1):   # 24 Oct … 3 Nov, every training day
        train(store, d(back))
    # 4 … 22 November nothing at all; today trained.
    train(store, MON)
    app = make_app(profile=PROFILE)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_progress(pilot)
        summary = text(app, "#adherence-summary")
        assert "Streak 2 days" in summary     # Sunday's rest, then today
        assert "This week: 1 of 5 planned days" in summary
        # 24 Oct … 3 Nov, Wednesday 4 Nov a rest day, 5 and 6 Nov allowed; the 9th breaks it.
        assert "longest 14 days" in summary
        assert "×" in text(app, "#adherence-calendar")


async def test_no_data_at_all_says_how_to_begin(make_app):
    app = make_app(profile=Profile())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_progress(pilot)
        assert "No sessions yet" in text(app, "#adherence-summary")
        assert not app.screen.query_one(AdherenceCalendar).display
        assert "No check-ins yet" in text(app, "#symptoms")
        assert "No self-test yet" in text(app, "#balance")
        assert "Add your birth year" in text(app, "#balance")
        assert "No sessions yet" in text(app, "#work")


# -- symptoms --------------------------------------------------------------------------
def symptom_history(store: Store) -> None:
    for back in range(60, 30, -1):          # the first month: pain 6, numbness 4
        store.record_checkin(Checkin(day=d(back), pain=6, numbness=4, feet="ok"), at(d(back)))
    for back in range(6, 0, -1):            # the last week: pain 3, numbness 3.5 on average
        store.record_checkin(Checkin(day=d(back), pain=3, numbness=3 + back % 2, feet="ok"),
                             at(d(back)))


def symptom_row(app, name: str) -> str:
    return next(line for line in text(app, "#symptoms").splitlines() if line.startswith(name))


async def test_symptoms_latest_week_average_and_meaningful_change(make_app, store):
    symptom_history(store)
    app = make_app(profile=PROFILE)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_progress(pilot)
        pain = symptom_row(app, "Pain")
        assert pain.split()[1:3] == ["3", "3.0"]          # now, week average
        assert "−3.0 (−50 %) meaningful" in pain
        numbness = symptom_row(app, "Numbness")
        assert "−0.5 (−12 %)" in numbness and "meaningful" not in numbness
        assert symptom_row(app, "Tingling").split()[1:3] == ["—", "—"]
        assert "Last check-in yesterday" in text(app, "#symptoms")


async def test_r_cycles_the_trend_range(make_app, store):
    symptom_history(store)
    app = make_app(profile=PROFILE)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_progress(pilot)
        assert "last 30 days" in text(app, "#symptoms")
        line30 = symptom_row(app, "Pain").split()[3]
        assert len(line30) == 30 and line30.endswith("▃·")   # pain 3 yesterday, none today
        await pilot.press("r")
        assert "last 90 days" in text(app, "#symptoms")
        assert "a mark is 3 days" in text(app, "#symptoms")
        await pilot.press("r")
        assert "last 365 days" in text(app, "#symptoms")
        await pilot.press("r")
        assert "last 30 days" in text(app, "#symptoms")


async def test_change_waits_for_three_weeks_after_the_first_week(make_app, store):
    for back in range(10, 0, -1):
        store.record_checkin(Checkin(day=d(back), pain=5, feet="ok"), at(d(back)))
    app = make_app(profile=PROFILE)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_progress(pilot)
        assert "after 3 weeks" in symptom_row(app, "Pain")


# -- balance ---------------------------------------------------------------------------
async def timed_try(pilot, clock, seconds: float) -> None:
    await pilot.press("space")
    clock.advance(seconds)
    await pilot.press("space")


async def test_balance_test_best_of_three_per_side_saved_and_compared(make_app, store, clock):
    app = make_app(profile=PROFILE)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_progress(pilot)
        await pilot.press("b")
        assert isinstance(app.screen, BalanceTestScreen)
        assert "sturdy support" in text(app, "#balance-test-safety")
        for seconds in (12.5, 20.04, 15):
            await timed_try(pilot, clock, seconds)
        tries = text(app, "#balance-tries")
        assert "12.5 s" in tries and "20.0 s" in tries and "best 20.0 s" in tries
        assert "Now the right foot" in text(app, "#balance-status")
        for seconds in (30, 8, 31.2):
            await timed_try(pilot, clock, seconds)
        assert "Both feet done" in text(app, "#balance-status")
        await pilot.press("space")                       # a fourth try is refused
        assert "enter saves" in text(app, "#balance-status")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        balance = text(app, "#balance")
        assert "Last test today" in balance
        assert "Typical for 60–69: about 27 s" in balance
        assert "74 %, below typical" in balance             # 20.0 of 27
        assert "116 %, at or above typical" in balance      # 31.2 of 27
    assert store.balance_history() == [(MON, {"left": 20.0, "right": 31.2})]


@pytest.mark.parametrize("profile, feet, why", [
    (PROFILE, "sore", "You noted a skin problem on both feet today"),
    (PROFILE, "hot", "You noted a warm, red or swollen foot today"),
    (Profile(birth_year=1961, restriction="no_weight_bearing"), "ok",
     "Your clinician asked for no weight-bearing exercise"),
])
async def test_no_balance_test_on_sore_feet_or_no_weight_bearing(make_app, store, clock,
                                                                  profile, feet, why):
    store.record_checkin(Checkin(day=MON, pain=3, feet=feet), clock.now())
    app = make_app(profile=profile)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_progress(pilot)
        await pilot.press("b")
        assert isinstance(app.screen, BalanceTestScreen)
        said = text(app, "#balance-test-refused")
        assert why in said and "standing on one foot" in said
        assert "clinician" in said
        assert not app.screen.query(Stopwatch)                # no timer on offer
        assert "stand on one foot, eyes open" not in text(app, "#balance-test-title")
        footer = {b.binding.description for b in app.screen.active_bindings.values()
                  if b.node is app.screen and b.binding.show}
        assert footer == {"Close", "Help"}                     # no timer keys
        await pilot.press("space", "enter")                   # nothing starts; enter closes
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
    assert store.balance_history() == []


async def test_balance_trend_and_change_since_the_first_test(make_app, store):
    store.record_balance_test(d(21), {"left": 10.0, "right": 12.0}, at(d(21)))
    store.record_balance_test(d(14), {"left": 14.0, "right": 12.5}, at(d(14)))
    store.record_balance_test(d(7), {"left": 16.0}, at(d(7)))
    app = make_app(profile=PROFILE)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_progress(pilot)
        balance = text(app, "#balance")
        assert "Last test 7 days ago, first 21 days ago" in balance
        left = next(line for line in balance.splitlines() if line.startswith("Left"))
        assert "16.0 s" in left and "+6.0 s" in left and left.endswith("▅▇█")
        right = next(line for line in balance.splitlines() if line.startswith("Right"))
        assert "12.5 s" in right and "+0.5 s" in right       # kept from 14 days ago, said so
        assert "Right foot: its last result, from 14 days ago" in balance
        assert "the last 3 tests, 0 to 16.0 s" in balance


async def test_undo_cancel_and_the_one_minute_limit(make_app, store, clock):
    app = make_app(profile=Profile())   # no birth year
    async with app.run_test(size=(80, 24)) as pilot:
        await open_progress(pilot)
        await pilot.press("enter")                     # nothing to save on Progress itself
        await pilot.press("b")
        await pilot.press("enter")
        assert "Nothing to save yet" in text(app, "#balance-status")
        await pilot.press("space")
        clock.advance(75)
        app.screen.query_one(Stopwatch).tick()         # stops itself at the limit
        await pilot.pause()
        assert "60.0 s" in text(app, "#balance-tries")
        await pilot.press("backspace")
        assert "60.0 s" not in text(app, "#balance-tries")
        await timed_try(pilot, clock, 9)
        await pilot.press("escape")                    # first escape warns
        assert isinstance(app.screen, BalanceTestScreen)
        assert "Escape again drops these tries" in text(app, "#balance-status")
        await pilot.press("escape")
        assert isinstance(app.screen, ProgressScreen)
        assert store.balance_history() == []
        await pilot.press("b")
        await timed_try(pilot, clock, 9)
        await pilot.press("enter")
        await pilot.pause()
        balance = text(app, "#balance")
        left = next(line for line in balance.splitlines() if line.startswith("Left"))
        assert left.split()[1:4] == ["9.0", "s", "—"]
        assert "Add your birth year" in balance and "e edits your profile" in balance
    assert store.balance_history() == [(MON, {"left": 9.0})]


# -- work done -------------------------------------------------------------------------
async def test_minutes_per_category_and_totals(make_app, store):
    catalog = load_catalog()
    toe = catalog.get("toe-stretch").dose
    train(store, d(7), walked=540)      # last week: 9 minutes' walk, toe stretch done
    train(store, MON, done=1)           # today: the walk only
    app = make_app(profile=PROFILE)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_progress(pilot)
        work = text(app, "#work").splitlines()
        assert work[0].split()[-4:] == ["16", "Nov", "23", "Nov"]
        rows = {line.split()[0]: line.split()[1:] for line in work[1:6]}
        assert rows["Cardio"][-2:] == ["9", "10"]
        toe_seconds = 30 * toe.sets + 10 * (toe.sets - 1)
        assert rows["Stretching"][-2:] == [str(round(toe_seconds / 60)), "·"]
        assert rows["Balance"] == ["·"] * 8
        total = 540 + 600 + toe_seconds
        minutes = round(total / 60)
        assert f"2 sessions since November 2026 · {minutes} minutes of exercise" in work[6]


# -- living screen ---------------------------------------------------------------------
async def test_progress_refreshes_when_coming_back_and_after_another_window_writes(
        make_app, store, db_path):
    app = make_app(profile=PROFILE)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_progress(pilot)
        assert "No sessions yet" in text(app, "#adherence-summary")
        await pilot.press("t")
        train(store, MON)
        await pilot.press("p")
        await pilot.pause()
        assert "Streak 1 day " in text(app, "#adherence-summary")
        # A second SSH window records a check-in; Progress shows it on its next resume.
        other = Store.open(db_path)
        other.record_checkin(Checkin(day=MON, pain=2, feet="ok"), at(MON))
        other.close()
        await pilot.press("t", "p")
        await pilot.pause()
        assert "Last check-in today" in text(app, "#symptoms")


async def test_profile_from_progress_adds_the_comparison(make_app, store):
    store.record_balance_test(d(1), {"left": 30.0, "right": 12.0}, at(d(1)))
    app = make_app(profile=Profile())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_progress(pilot)
        assert "Add your birth year" in text(app, "#balance")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press(*"1950", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        assert "Typical for 70–79: about 15 s" in text(app, "#balance")


async def test_help_lists_the_progress_keys(make_app):
    app = make_app(profile=PROFILE)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_progress(pilot)
        await pilot.press("question_mark")
        shown = "\n".join(str(s.render()) for s in app.screen.query("Static"))
        for words in ("Trend range", "Balance test", "Profile", "Scroll down", "Today"):
            assert words in shown


@pytest.mark.parametrize("size", [(40, 12), (200, 60), (80, 24)])
async def test_no_crash_at_any_size_with_a_year_of_history(make_app, store, size):
    for back in range(365, 0, -1):
        day = d(back)
        store.record_checkin(Checkin(day=day, pain=back % 7, numbness=back % 5,
                                     tingling=None if back % 3 else 2, feet="ok"), at(day))
        if back % 4:
            train(store, day, done=1 + back % 2)
        if back % 7 == 0:
            store.record_balance_test(day, {"left": 10 + back % 9, "right": 12.5}, at(day))
    app = make_app(profile=PROFILE)
    async with app.run_test(size=size) as pilot:
        await open_progress(pilot)
        for key in ("r", "end", "pagedown", "j", "k", "home", "b", "space", "escape", "escape"):
            await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        assert "Streak" in text(app, "#adherence-summary")


async def test_a_one_foot_test_keeps_the_other_foots_last_result(make_app, store, clock):
    # Testing only the left foot today made Progress forget the right foot's result from
    # last week: its row vanished.
    store.save_profile(PROFILE, at(d(30)))
    store.record_balance_test(d(7), {"left": 18.0, "right": 25.0}, at(d(7)))
    store.record_balance_test(MON, {"left": 21.0}, at(MON))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        balance = text(app, "#balance")
        assert "Last test today" in balance
        rows = {line.split()[0]: line for line in balance.splitlines()
                if line.startswith(("Left ", "Right ")) and "foot:" not in line}
        assert "21.0 s" in rows["Left"]
        assert "25.0 s" in rows["Right"]
        assert "Right foot: its last result, from 7 days ago" in balance


async def test_the_calendar_starts_at_the_persons_first_week(make_app, store):
    # A person who started nine days ago saw 26 weeks of calendar, 24 of them empty.
    train(store, d(9))
    train(store, d(2))
    app = make_app(profile=PROFILE)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_progress(pilot)
        rows = text(app, "#adherence-calendar").splitlines()[1:]
        columns = max(len(row[4:].split()) for row in rows)
        assert columns == 3                                # Sat 14 Nov: two weeks back
        assert rows[5].startswith("Sat ●")                 # the first week's first day shows
