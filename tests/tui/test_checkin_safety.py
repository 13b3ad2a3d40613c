"""First run, the daily check-in by keys, and how the answers change Today."""

from __future__ import annotations

import datetime as dt

from neurocoach.domain.models import Checkin, Profile, Screening
from neurocoach.tui.screens.checkin import CheckinScreen
from neurocoach.tui.screens.session import SessionScreen
from neurocoach.tui.screens.summary import SummaryScreen
from neurocoach.tui.screens.today import TodayScreen
from neurocoach.tui.screens.welcome import WelcomeScreen


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def routine_lines(app) -> list[str]:
    routine = app.screen.query_one("#today-routine")
    return [str(routine.get_option_at_index(i).prompt) for i in range(routine.option_count)]


async def test_first_run_welcome_then_escape_takes_defaults(make_app, store):
    app = make_app(onboarded=False)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, WelcomeScreen)
        welcome = text(app, "#welcome-text")
        assert "does not diagnose" in welcome and "dizzy" in welcome and "chest" in welcome
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)
    assert store.has_profile()
    assert store.profile() == Profile()


async def test_first_run_profile_by_keys(make_app, store):
    app = make_app(onboarded=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")                       # set up my profile
        await pilot.press(*"1950", "enter")               # birth year
        await pilot.press("2", "enter")                   # left foot
        await pilot.press("3", "enter")                   # 3 days a week -> rest days spread
        await pilot.press("enter")                        # rest days as suggested
        await pilot.press("2", "enter")                   # no weight-bearing
        # the health questions: 1 no · 2 yes · 3 not sure; the last enter saves
        for answer in "212131":
            await pilot.press(answer, "enter")
        assert isinstance(app.screen, TodayScreen)
    p = store.profile()
    assert (p.birth_year, p.feet, p.days_per_week, p.restriction) == (1950, "left", 3, "no_weight_bearing")
    assert p.rest_days == (1, 3, 5, 6)
    assert p.screening == Screening(sugar_meds="yes", eye_disease="no", dizzy_standing="yes",
                                    foot_history="no", fell="unsure", walking_aid="no")


async def test_profile_rejects_a_bad_birth_year(make_app, store):
    app = make_app(onboarded=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", *"1850", "ctrl+s")
        assert "between 1900" in text(app, "#profile-message")
    assert not store.has_profile()


def footer_keys(app) -> dict[str, str]:
    """What the footer shows: {description: key} for the screen's own shown bindings."""
    return {b.binding.description: key for key, b in app.screen.active_bindings.items()
            if b.node is app.screen and b.binding.show}


async def test_first_run_escape_in_the_form_keeps_the_answers(make_app, store):
    from neurocoach.tui.screens.profile import ProfileScreen

    app = make_app(onboarded=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", *"1950")
        assert isinstance(app.screen, ProfileScreen)
        keys = footer_keys(app)
        assert keys.get("Save and start") == "escape"
        assert "Cancel" not in keys and "Defaults" not in keys
        app.screen.query_one("#restriction").focus()
        await pilot.press("2")                            # a clinician said: no weight
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)
    p = store.profile()
    assert (p.birth_year, p.restriction) == (1950, "no_weight_bearing")
    assert (p.feet, p.days_per_week) == (Profile().feet, Profile().days_per_week)


async def test_first_run_escape_with_a_bad_birth_year_stays_and_says_why(make_app, store):
    from neurocoach.tui.screens.profile import ProfileScreen

    app = make_app(onboarded=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", *"1850", "escape")
        assert isinstance(app.screen, ProfileScreen)
        assert "between 1900" in text(app, "#profile-message")
        assert app.screen.focused.id == "birth-year"
    assert not store.has_profile()


async def test_later_profile_edit_escape_cancels_and_says_so(make_app, store):
    from neurocoach.tui.screens.profile import ProfileScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, ProfileScreen)
        await pilot.press("down")                         # off the birth year box
        keys = footer_keys(app)
        assert keys.get("Cancel") == "escape" and "Defaults" not in keys
        await pilot.press("2", "escape")                  # left foot, then cancel
        assert isinstance(app.screen, TodayScreen)
    assert store.profile() == Profile()


async def test_up_and_down_move_between_questions_not_the_page(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e", *"1950")
        await pilot.press("down")
        assert app.screen.focused.id == "feet"
        await pilot.press("down", "down", "down")
        assert app.screen.focused.id == "restriction"
        await pilot.press("up", "up", "up", "up")
        assert app.screen.focused.id == "birth-year"
        await pilot.press("end", "left", "backspace")     # the box still edits as before
        assert app.screen.query_one("#birth-year").value == "190"

        await pilot.press("escape", "c")                  # the check-in dialog too
        assert app.screen.focused.id == "scale-pain"
        await pilot.press("down", "down")
        assert app.screen.focused.id == "scale-tingling"
        await pilot.press("up")
        assert app.screen.focused.id == "scale-numbness"


async def test_profile_days_are_picked_by_their_own_digit(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e", "down", "down")
        days = text(app, "#days")
        assert "(1 = 2 days" not in days
        assert "(type 1 to 7)" in days and "( ) 7 days a week" in days
        await pilot.press("8")                            # not a choice here: nothing changes
        assert "(*) 5 days a week" in text(app, "#days")
        await pilot.press("3")
        assert "(*) 3 days a week" in text(app, "#days")
        await pilot.press("ctrl+s")
    assert store.profile().days_per_week == 3


async def test_birth_year_placeholder_fits_80_columns(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        box = app.screen.query_one("#birth-year")
        assert len(box.placeholder) < box.content_region.width


async def test_checkin_in_ten_keys_and_two_for_the_foot_changes_today(make_app, store, clock):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert "not done yet" in text(app, "#today-checkin")
        before = routine_lines(app)
        assert any("walk" in line.lower() for line in before)
        keys = ["c", "3", "enter", "2", "enter", "4", "enter", "0", "enter", "2", "enter"]
        await pilot.press(*keys)
        assert isinstance(app.screen, CheckinScreen)     # a skin problem: which foot?
        assert app.screen.focused.id == "foot"
        await pilot.press("1", "enter", "enter")         # the left foot; the note saves
        assert len(keys) + 3 - 1 <= 13                   # the check-in itself
        assert isinstance(app.screen, TodayScreen)
        assert "pain 3/10" in text(app, "#today-checkin")
        assert "left foot" in text(app, "#today-checkin")
        notes = text(app, "#today-notes")
        assert "skin problem on your left foot" in notes
        assert "within one working day" in notes and "clinician" in notes
        assert "left out for that foot" in notes
        assert any("right foot only" in line for line in routine_lines(app))
        after = routine_lines(app)
        assert not any(line.startswith("[ ] A short walk") for line in after)
        assert any("instead of" in line for line in after)
    saved = store.checkin_for(clock.today())
    assert (saved.pain, saved.numbness, saved.tingling, saved.burning, saved.feet,
            saved.foot) == (3, 2, 4, 0, "skin", "left")


async def test_a_hot_foot_says_off_its_feet_and_to_call_today(make_app, store, clock):
    store.record_checkin(Checkin(day=clock.today(), pain=2, feet="hot", foot="right"),
                         clock.now())
    app = make_app()
    async with app.run_test(size=(80, 24)):
        notes = text(app, "#today-notes")
        assert "warm, red or swollen" in notes and "No standing or walking today" in notes
        assert "Contact your clinician or foot clinic today" in notes
        assert not any(line.startswith("[ ] A short walk") for line in routine_lines(app))


async def test_yesterdays_foot_problem_is_asked_about_again(make_app, store, clock):
    yesterday = clock.today() - dt.timedelta(days=1)
    store.record_checkin(Checkin(day=yesterday, pain=2, feet="skin", foot="right"), clock.now())
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        again = text(app, "#checkin-again")
        assert "Yesterday you noted a skin problem on your right foot" in again
        assert "How is it today?" in again
        assert "(*) A skin problem" in text(app, "#feet")   # offered, to confirm or change
        assert "(*) Right foot" in text(app, "#foot")
        await pilot.press("y")                              # yesterday's scores; the feet
        assert app.screen.focused.id == "feet"
        await pilot.press("1", "ctrl+s")                    # it has cleared
    saved = store.checkin_for(clock.today())
    assert (saved.pain, saved.feet, saved.foot) == (2, "ok", None)


async def test_second_checkin_updates_the_day_and_ten_is_reachable(make_app, store, clock):
    store.record_checkin(Checkin(day=clock.today(), pain=2, feet="ok"), clock.now())
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "1", "0")
        assert "10 / 10" in text(app, "#scale-pain")
        await pilot.press("ctrl+s")
        assert "gentler" in text(app, "#today-meta")
    rows = store.checkins_between(clock.today(), clock.today())
    assert len(rows) == 1 and rows[0].pain == 10 and rows[0].feet == "ok"


async def test_first_checkin_starts_without_a_pain_and_will_not_save_a_zero_nobody_chose(
        make_app, store, clock):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        assert "-- / 10" in text(app, "#scale-pain")
        await pilot.press("enter", "enter", "enter", "enter", "1", "enter", "enter")
        assert isinstance(app.screen, CheckinScreen)
        assert text(app, "#checkin-message") == "Please give a pain score: 0 if there is none."
        assert app.screen.focused.id == "scale-pain"
        assert store.checkin_for(clock.today()) is None
        await pilot.press("0", "ctrl+s")                  # a 0 the person chose is saved
        assert isinstance(app.screen, TodayScreen)
    saved = store.checkin_for(clock.today())
    assert (saved.pain, saved.feet) == (0, "ok")


async def test_a_later_checkin_offers_the_last_one_marked_as_yesterdays(make_app, store,
                                                                         clock):
    # Yesterday's answers were filled in as if typed today, and saved as today's unseen.
    yesterday = clock.today() - dt.timedelta(days=1)
    store.record_checkin(Checkin(day=yesterday, pain=4, numbness=6, feet="ok"), clock.now())
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        assert "-- / 10  yesterday: 4 (enter keeps it)" in text(app, "#scale-pain")
        assert "yesterday: 6" in text(app, "#scale-numbness")
        await pilot.press("ctrl+s")                            # nothing kept yet: not saved
        assert "pain score" in text(app, "#checkin-message")
        await pilot.press("enter", "3", "enter")                # keep pain 4; numbness 3
        assert " 4 / 10" in text(app, "#scale-pain")
        await pilot.press("enter", "enter", "1", "enter", *"slept well", "enter")
        assert isinstance(app.screen, TodayScreen)
    saved = store.checkin_for(clock.today())
    assert (saved.pain, saved.numbness, saved.tingling, saved.feet, saved.note) == (
        4, 3, None, "ok", "slept well")


async def test_same_as_yesterday_in_five_keys(make_app, store, clock):
    yesterday = clock.today() - dt.timedelta(days=1)
    store.record_checkin(Checkin(day=yesterday, pain=4, numbness=6, tingling=2, feet="ok"),
                         clock.now())
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        keys = ["c", "y", "1", "enter", "enter"]               # same scores, feet fine, save
        await pilot.press(*keys)
        assert isinstance(app.screen, TodayScreen)
    saved = store.checkin_for(clock.today())
    assert (saved.pain, saved.numbness, saved.tingling, saved.burning, saved.feet) == (
        4, 6, 2, None, "ok")


async def test_no_same_as_yesterday_key_on_a_first_checkin(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        actions = {b.binding.action for b in app.screen.active_bindings.values()}
        assert "same_as_before" not in actions
        await pilot.press("y")
        assert "-- / 10" in text(app, "#scale-pain")


async def test_the_focused_row_is_marked_by_a_symbol_not_only_by_colour(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        assert text(app, "#scale-pain").startswith("▸ Pain")
        assert text(app, "#scale-numbness").startswith("  Numbness")
        await pilot.press("enter")
        assert text(app, "#scale-pain").startswith("  Pain")
        assert text(app, "#scale-numbness").startswith("▸ Numbness")
        await pilot.press("enter", "enter", "enter")
        feet = text(app, "#feet").splitlines()
        assert feet[0].startswith("▸ Did you look") and feet[1].startswith("    1 ( )")


async def test_question_mark_shows_the_help_over_the_checkin(make_app):
    from neurocoach.tui.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "3", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = "\n".join(str(s.render()) for s in app.screen.query(".help-rows"))
        assert "Next / save" in keys and "Cancel" in keys
        await pilot.press("escape")
        assert isinstance(app.screen, CheckinScreen)
        assert " 3 / 10" in text(app, "#scale-pain")      # nothing lost


async def test_checkin_needs_the_foot_answer_and_escape_saves_nothing(make_app, store, clock):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "5", "ctrl+s")
        assert isinstance(app.screen, CheckinScreen)
        assert "foot question" in text(app, "#checkin-message")
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)
    assert store.checkin_for(clock.today()) is None


async def test_unchecked_feet_gives_a_reminder(make_app, store, clock):
    store.record_checkin(Checkin(day=clock.today(), pain=1, feet="unchecked"), clock.now())
    app = make_app()
    async with app.run_test(size=(80, 24)):
        assert "look at both feet" in text(app, "#today-notes").lower()


async def test_pain_flare_against_own_average_gives_gentler_routine(make_app, store, clock):
    for back in range(1, 15):
        day = clock.today() - dt.timedelta(days=back)
        store.record_checkin(Checkin(day=day, pain=2, feet="ok"), clock.now())
    store.record_checkin(Checkin(day=clock.today(), pain=5, feet="ok"), clock.now())
    app = make_app()
    async with app.run_test(size=(80, 24)):
        assert "gentler" in text(app, "#today-meta")
        assert "usual" in text(app, "#today-notes")
        # the rule that made it a flare, on the screen that applies it
        assert "2 or more points above your own average" in text(app, "#today-notes")


async def test_stop_for_a_symptom_keeps_what_was_done(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", "enter")
        record = app.screen.record
        await pilot.press("x", "2")                      # chest pain
        assert isinstance(app.screen, SummaryScreen)
        advice = text(app, "#summary-advice")
        assert "emergency" in advice
        assert "stopped" in text(app, "#summary-title")
    saved = store.session(record.id)
    assert saved.stopped_reason == "chest"
    assert saved.finished_at is not None
    assert len(saved.entries) == 2


async def test_escape_in_stop_dialog_returns_to_the_session(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "x", "escape")
        assert isinstance(app.screen, SessionScreen)
        assert store.session(app.screen.record.id).finished_at is None


async def test_today_lists_the_started_session_even_after_a_later_checkin(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", "enter", "escape")   # first exercise done
        await pilot.press("c", "2", "enter", "enter", "enter", "enter", "2", "enter", "3",
                          "enter", "enter")
        lines = routine_lines(app)
        assert lines[0].startswith("[x] Foot roll on a ball") and lines[0].endswith("· done")
        assert "skin problem" in text(app, "#today-notes").lower()


async def test_a_bad_birth_year_is_said_under_its_box_in_view_until_fixed(make_app, store):
    # QA: the message was at the very bottom of the form, out of view at 80x24.
    from neurocoach.tui.screens.profile import ProfileScreen

    app = make_app(onboarded=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", *"1800", "down", "down", "down", "down")
        assert app.screen.focused.id == "restriction"     # at the bottom of the form
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProfileScreen)
        box, message = screen.query_one("#birth-year"), screen.query_one("#profile-message")
        assert "between 1900" in text(app, "#profile-message")
        assert screen.focused is box
        assert message.region.y == box.region.bottom       # right under the birth year
        assert screen.region.contains_region(message.region)  # and on screen
        store.conn.execute("PRAGMA query_only = ON")       # the save itself fails: form stays
        await pilot.press("end", *["backspace"] * 4, *"1950", "ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert text(app, "#profile-message") == ""         # the year is fine now: said no more
        store.conn.execute("PRAGMA query_only = OFF")
        await pilot.press("ctrl+s")
        assert not isinstance(app.screen, ProfileScreen)
    assert store.profile().birth_year == 1950


async def test_tab_and_shift_tab_move_between_profile_questions(make_app, store):
    # QA: on the first-run form tab did nothing; the 0 typed after it went into the year.
    app = make_app(onboarded=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", *"1950", "tab")
        assert app.screen.focused.id == "feet"
        await pilot.press("tab", "tab", "tab")
        assert app.screen.focused.id == "restriction"
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "shift+tab")
        assert app.screen.focused.id == "birth-year"
        await pilot.press("tab", "2", "tab", "3")           # left foot, 3 days a week
        assert app.screen.query_one("#birth-year").value == "1950"
        await pilot.press("ctrl+s")
    p = store.profile()
    assert (p.birth_year, p.feet, p.days_per_week) == (1950, "left", 3)

    app = make_app()                                        # editing later (e on Today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e", "tab")
        assert app.screen.focused.id == "feet"
        await pilot.press("shift+tab")
        assert app.screen.focused.id == "birth-year"


async def test_profile_days_a_week_always_match_the_rest_days(make_app, store):
    # Six rest days showed "2 days a week" (the lowest answer) while saving 1: the two
    # answers on the form disagreed.
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        app.screen.query_one("#rest").focus()
        for digit in "1245":                                    # Mon Tue Thu Fri off too
            await pilot.press(digit)
        rest = app.screen.query_one("#rest").days
        days = app.screen.query_one("#days").value
        assert int(days) == 7 - len(rest) == 1
        app.screen.query_one("#days").focus()
        await pilot.press("4")
        assert len(app.screen.query_one("#rest").days) == 3
        await pilot.press("ctrl+s")
    p = store.profile()
    assert p.days_per_week == 7 - len(p.rest_days) == 4


async def test_the_session_says_why_only_one_foot_does_an_exercise(make_app, store, clock):
    from neurocoach.coach.plan import Plan

    store.save_plan(Plan(("towel-curls",)), clock.now())
    store.record_checkin(Checkin(day=clock.today(), pain=2, feet="skin", foot="right"),
                         clock.now())
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert [s.side for s in app.screen.record.steps] == ["left"]
        level = text(app, "#step-level")
        assert "Only your left foot today" in level and "problem with the other foot" in level


async def test_yesterdays_problem_is_asked_before_today_starts(make_app, store, clock):
    # Yesterday's blister was mentioned only inside the check-in: Today offered the full
    # standing routine and enter started it.
    from neurocoach.tui.screens.checkin import CheckinScreen

    yesterday = clock.today() - dt.timedelta(days=1)
    store.record_checkin(Checkin(day=yesterday, pain=6, feet="skin", foot="right"),
                         clock.now())
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        line = text(app, "#today-checkin")
        assert "yesterday you noted" in line and "right foot" in line
        await pilot.press("enter")
        assert isinstance(app.screen, CheckinScreen)            # asked, not started
    assert store.latest_session() is None


async def test_a_started_session_still_says_one_foot_only_on_today(make_app, store, clock):
    # Once the session had started, Today listed its steps as "… each side": the steps
    # kept the other foot out, but the list said to do both.
    store.record_checkin(Checkin(day=clock.today(), pain=2, feet="skin", foot="left"),
                         clock.now())
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        planned = [line for line in routine_lines(app) if "right foot only" in line]
        assert planned
        await pilot.press("enter")                       # the session starts
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("escape")                      # leave: all done so far is kept
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        started = routine_lines(app)
        for line in planned:
            name = line.split(" — ")[0][4:]
            [row] = [row for row in started if f"] {name} — " in row]
            assert "right foot only" in row and "each side" not in row
