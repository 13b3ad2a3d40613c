"""Help is built from the bindings; the palette finds every exercise and the modes."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from neurocoach.tui.providers import ExerciseCommands
from neurocoach.tui.screens.help import HelpScreen
from neurocoach.tui.screens.library import LibraryScreen
from neurocoach.tui.widgets.exercise_detail import ExerciseDetail


def help_text(app) -> str:
    assert isinstance(app.screen, HelpScreen)
    return "\n".join(str(s.render()) for s in app.screen.query(Static))


async def test_help_on_today_lists_the_global_keys(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        text = help_text(app)
        assert "Everywhere" in text
        for words in ("Library", "Progress", "Quit", "Help"):
            assert words in text
        assert "ctrl+p opens the command palette" in text.lower()
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_help_on_library_shows_its_keys_including_hidden_ones(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "question_mark")
        text = help_text(app)
        assert "This screen" in text and "Everywhere" in text
        assert "/  Find" in text
        assert "f  Category" in text
        assert "↓ / j  Down" in text and "↑ / k  Up" in text  # hidden from the footer
        assert "Today" in text
        # Every binding the screen beneath declares itself is listed, hidden ones too.
        library = app.screen_stack[-2]
        for active in library.active_bindings.values():
            if active.binding.description and active.node is library and (
                    active.binding.action in {b.action for b in LibraryScreen.BINDINGS}):
                assert active.binding.description in text
        await pilot.press("q")  # q closes help; it does not quit
        assert isinstance(app.screen, LibraryScreen)
        assert app.is_running
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, LibraryScreen)


def screen_rows(app) -> list[str]:
    """The "This screen" rows of the help, top to bottom."""
    group = app.screen.query(".help-group").first()
    assert "This screen" in str(group.query_one(".help-group-title").render())
    return [line.strip() for line in str(group.query_one(".help-rows").render()).splitlines()]


async def test_help_lists_the_screens_own_keys_first_without_generic_scrolling(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "question_mark")
        rows = screen_rows(app)
        assert rows[:2] == ["/  Find", "f  Category"]
        for generic in ("Scroll Left", "Scroll Right", "Page Left", "Page Right",
                        "Copy selected text"):
            assert not any(generic in row for row in rows), generic
        assert "↑ / k  Up" in rows and "↓ / j  Down" in rows
        assert rows.index("x  Archive yours") < rows.index("⏎  Select")

        await pilot.press("escape", "p", "question_mark")
        rows = screen_rows(app)
        assert rows[0] == "r  Trend range"
        assert "↓ / j  Scroll down" in rows and "↑ / k  Scroll up" in rows
        assert not any("Scroll Home" in row or "Copy" in row for row in rows)


async def test_help_fits_a_small_terminal(make_app):
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("l", "question_mark", "down", "pagedown")
        assert app.focused is not None
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_palette_opens_an_exercise_in_the_library(make_app):
    app = make_app()
    marble = next(e for e in app.catalog.exercises if "marble" in e.name.lower())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p", *"marble")
        await pilot.pause(0.3)  # the palette searches in a worker
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert marble.name in app.screen.query_one(ExerciseDetail).text


async def test_palette_goes_to_a_mode(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p", *"go to progress")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "progress"


async def test_provider_discovers_every_exercise_and_other_modes(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)):
        provider = ExerciseCommands(app.screen)
        texts = [hit.text async for hit in provider.discover()]
        for exercise in app.catalog.exercises:
            assert f"Show exercise: {exercise.name}" in texts
        assert "Go to Library" in texts and "Go to Progress" in texts
        assert "Go to Today" not in texts  # already there
        hits = [hit async for hit in provider.search("marble")]
        assert hits and all("marble" in hit.text.lower() for hit in hits)
        assert hits[0].help == next(e for e in app.catalog.exercises if "marble" in e.name.lower()).purpose


@pytest.mark.parametrize("keys, dialog, own_keys", [
    (["enter", "x"], "StopScreen", ["Chest pain or pressure", "Back to the session"]),
    (["p", "b"], "BalanceTestScreen", ["Start / stop", "Save", "Cancel"]),
    (["m", "d"], "ScheduleScreen", ["Save", "Cancel"]),
], ids=["stop", "balance-test", "schedule"])
async def test_question_mark_opens_help_over_every_dialog(make_app, store, clock, keys, dialog,
                                                          own_keys):
    from neurocoach.domain.models import Checkin

    store.record_checkin(Checkin(day=clock.today(), pain=2, feet="ok"), clock.now())
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        assert type(app.screen).__name__ == dialog
        opened = app.screen
        await pilot.press("question_mark")
        text = help_text(app)
        for words in own_keys:
            assert words in text, (words, text)
        await pilot.press("escape")
        assert app.screen is opened                    # back in the dialog, as it was


async def test_a_question_mark_in_a_file_path_is_typed_not_help(make_app):
    # The import and export dialogs are one path field each: ? is part of a path there,
    # and their footer offers only escape.
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m", "i", "a", "question_mark", "b")
        assert not isinstance(app.screen, HelpScreen)
        assert app.screen.query_one("#import-path").value == "a?b"


TEXTUAL_WORDS = ("Scroll Left", "Scroll Right", "Scroll Home", "Scroll End", "Page Left",
                 "Page Right", "Page Up", "Page Down", "Focus Next", "Focus Previous",
                 "Copy selected text", "Move cursor", "palette", "Submit")


def all_rows(app) -> str:
    """Every key row of the help, both groups (not its title or its last line)."""
    return "\n".join(str(rows.render()) for rows in app.screen.query(".help-rows"))


@pytest.mark.parametrize("onboarded, keys, screen, own", [
    (False, [], "WelcomeScreen", ["⏎  Set up my profile", "esc  Use the defaults"]),
    (True, ["enter"], "SessionScreen", ["space  Timer", "1  Easy"]),
    (True, ["enter", "x"], "StopScreen", ["esc  Back to the session"]),
    (True, ["p", "b"], "BalanceTestScreen", ["←  Left foot", "→  Right foot"]),
    (True, ["c"], "CheckinScreen", ["0–9  Set the score", "↓  Next"]),
    (True, ["l", "n"], "CustomExerciseScreen", ["tab  Next field", "shift+tab  Previous field"]),
    (True, ["e"], "ProfileScreen", ["↓ / tab  Next question"]),
], ids=["welcome", "session", "stop", "balance-test", "checkin", "own-exercise", "profile"])
async def test_help_names_only_keys_that_mean_something_to_a_person(
        make_app, store, clock, onboarded, keys, screen, own):
    # QA: Welcome, Session, the stop dialog, the balance test and the own-exercise form
    # listed Textual's "Scroll Left", "Page Left", "Focus Next", "Copy selected text" and a
    # lowercase "palette"; the check-in did not say that digits set the score.
    from neurocoach.domain.models import Checkin

    if onboarded:
        store.record_checkin(Checkin(day=clock.today(), pain=2, feet="ok"), clock.now())
    app = make_app(onboarded=onboarded)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        assert type(app.screen).__name__ == screen
        app.action_help()  # what ? does (in a text box ? is typed: the palette's Help entry)
        await pilot.pause()
        rows = all_rows(app)
        for words in TEXTUAL_WORDS:
            assert words not in rows, (words, rows)
        lines = [line.strip() for line in rows.splitlines()]
        for row in own:
            assert any(line.startswith(row) for line in lines), (row, rows)


async def test_palette_offers_no_textual_scrolling_or_copy_entries(make_app):
    # QA: ctrl+p on Progress opened on "Progress: Scroll Up".
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for mode in ("p", "l", "t"):
            await pilot.press(mode)
            texts = [hit.text async for hit in ExerciseCommands(app.screen).discover()]
            title = type(app.screen).__name__.removesuffix("Screen")
            own = [t for t in texts if t.startswith(f"{title}: ")]
            assert own, texts
            for text in own:
                assert not any(word in text for word in ("Scroll", "Page", "Copy", "Focus")), text
        await pilot.press("p", "b")                     # the balance test: its hidden keys too
        texts = [hit.text async for hit in ExerciseCommands(app.screen).discover()]
        assert "BalanceTest: Left foot" in texts and "BalanceTest: Scroll Up" not in texts


async def test_the_palette_over_the_stop_dialog_names_each_symptom_once(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "x")
        names = [c.text for c in ExerciseCommands(app.screen)._screen_commands()]
        stops = [n for n in names if n.startswith("Stop: ")]
        assert "Stop: Chest pain or pressure" in stops and len(stops) == len(set(stops)) >= 4


async def test_quick_plain_notices_replace_each_other_and_warnings_stay(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify("Not saved — test.", severity="error")
        for n in range(3):                                  # three keys, one after another
            app.notify(f"Plain notice {n}.")
            await pilot.pause()
        assert [n.message for n in app._notifications] == ["Not saved — test.",
                                                          "Plain notice 2."]


async def test_t_l_p_leave_the_plan_and_the_summary(make_app):
    # README: t / l / p work everywhere; over the plan they did nothing.
    from neurocoach.tui.screens.plan import PlanScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("l")
        assert app.current_mode == "library"
        await pilot.press("t")
        assert not isinstance(app.screen, PlanScreen)   # closed, not left open under Today
        await pilot.press("m", "p")
        assert app.current_mode == "progress"


async def test_the_palette_offers_no_developer_tools(make_app):
    from textual.command import CommandPalette

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Colours" in titles and "Quit" in titles
        assert not {"Keys", "Maximize", "Minimize", "Screenshot", "Theme"} & set(titles)
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"screensh")
        await pilot.pause(0.3)
        text = " ".join(str(o.prompt) for o in app.screen.query_one("CommandList").options)
        assert "Screenshot" not in text


async def test_help_names_no_select_where_enter_does_nothing(make_app):
    # The plan's help offered "enter Select", which did nothing there.
    from neurocoach.tui.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert "Select" not in shown
        await pilot.press("escape", "escape", "l", "question_mark")
        shown = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert "Select" in shown                        # the Library's enter opens the detail
