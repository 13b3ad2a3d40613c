"""One's own exercise by keys: the form's checks field by field, save, find it in the Library,
put it in the plan, edit it, archive it (its history stays), restore it from the palette."""

from __future__ import annotations

from textual.widgets import Input

from neurocoach.domain.models import Entry, Step
from neurocoach.tui.providers import ExerciseCommands
from neurocoach.tui.screens.custom_exercise import CustomExerciseScreen
from neurocoach.tui.screens.library import LibraryScreen
from neurocoach.tui.widgets.exercise_detail import ExerciseDetail


def errors(app) -> dict[str, str]:
    return {e.id.removeprefix("err-"): str(e.render())
            for e in app.screen.query(".field-error") if e.display and e.id}


def library_names(app) -> list[str]:
    option_list = app.screen.exercise_list
    return [str(option_list.get_option_at_index(i).prompt).strip(" ▸")
            for i in range(option_list.option_count)]


async def fill_form(pilot) -> None:
    """Every field by keys, in the form's tab order."""
    await pilot.press(*"Sit to stand", "tab")            # name
    await pilot.press("2", "tab")                        # category: strengthening
    await pilot.press(*"Stronger legs for chairs.", "tab")
    await pilot.press(*"Sit near the front of a chair.", "enter",
                      *"Stand up slowly.", "tab")        # two steps, one a line
    await pilot.press("1", "tab")                        # counted in reps
    await pilot.press("ctrl+u", *"10", "tab")            # 10 of them
    await pilot.press("tab")                             # 1 set (as it is)
    await pilot.press("2", "tab")                        # not each side
    await pilot.press("1", "tab")                        # seated (weight follows from it)
    await pilot.press("2", "tab")                        # no support needed
    await pilot.press(*"firm chair", "tab")
    await pilot.press(*"Use the armrests if you need to.", "tab")
    await pilot.press(*"Use your hands.", "tab")
    await pilot.press(*"Fold your arms.")


async def test_add_a_custom_exercise_by_keys(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "n")
        assert isinstance(app.screen, CustomExerciseScreen)
        await pilot.press("ctrl+s")                        # empty: every problem at once
        found = errors(app)
        assert found["name"] == "Name: Cannot be empty"
        assert found["steps"] == "How to do it: Add at least 2 steps, one a line"
        assert found["safety"] == "Take care: Add at least one safety note, one a line"
        assert app.focused is app.screen.query_one("#f-name")   # the first field to fix
        assert {"purpose", "safety", "easier", "harder"} <= set(found)
        assert "fields to fix" in found["custom-message"]
        assert store.custom_exercises() == []

        app.screen.query_one("#f-name", Input).focus()
        await fill_form(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert "Sit to stand" in library_names(app)
        detail = app.screen.query_one(ExerciseDetail).text
        assert "your own exercise" in detail and "Not in your plan" in detail
        await pilot.press("space")
        assert "sit-to-stand" in store.saved_plan().exercise_ids

    [saved] = store.custom_exercises()
    assert saved.id == "sit-to-stand" and saved.custom
    assert saved.steps == ("Sit near the front of a chair.", "Stand up slowly.")
    assert (saved.category, saved.position, saved.per_side) == ("strengthening", "seated", False)
    assert (saved.dose.kind, saved.dose.reps, saved.dose.sets) == ("reps", 10, 1)
    assert saved.equipment == ("firm chair",)


async def test_a_weight_bearing_exercise_needs_a_seated_stand_in(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "n")
        await fill_form(pilot)
        app.screen.query_one("#f-position").value = "standing"
        await pilot.press("ctrl+s")
        said = errors(app)["alternative"]
        assert said.startswith("Seated stand-in: Pick one: work with your weight on your feet")
        assert " id " not in said                         # no file authors' words
        assert store.custom_exercises() == []
        form = app.screen                                 # numbers keep saying what they are
        assert form.query_one("#f-amount").border_title.startswith("Amount")
        assert form.query_one("#f-sets").border_title == "Sets"


async def test_the_position_has_no_default_and_standing_is_weight_bearing(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "n")
        form = app.screen
        assert form.query_one("#f-position").value is None    # not "seated" by default
        assert "weight-bearing" in str(form.query_one("#weight-words").render())
        assert not form.query("#f-weight_bearing")            # no separate question
        await pilot.press("ctrl+s")
        assert errors(app)["position"] == "Position: Pick one"
        stand_ins = {value for _, value in form.query_one("#f-alternative")._options
                     if isinstance(value, str)}
        assert stand_ins and all(app.catalog.get(i).position in ("seated", "lying")
                                 for i in stand_ins)
        await fill_form(pilot)
        form.query_one("#f-position").value = "standing"
        form.query_one("#f-alternative").value = "seated-heel-toe-raises"
        await pilot.press("ctrl+s")
        await pilot.pause()
    [saved] = store.custom_exercises()
    assert saved.position == "standing" and saved.weight_bearing


async def test_a_changed_dose_moves_the_level_to_the_nearest_rung(make_app, store, clock):
    from neurocoach.coach.progression import LevelState

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "n")
        await fill_form(pilot)                            # 10 reps: 5, 8, 10, 2×10, 3×10
        await pilot.press("ctrl+s")
        await pilot.pause()
        store.record_levels([LevelState("sit-to-stand", 3, clock.today(), clock.now(),
                                        "up", "Up a level.")])   # doing 10
        await pilot.press("e")
        amount = app.screen.query_one("#f-amount", Input)
        amount.value = "40"                               # 40 reps: 20, 30, 40, …
        await pilot.press("ctrl+s")
        await pilot.pause()
    state = store.level_states()["sit-to-stand"]
    assert state.level == 1 and "nearest" in state.reason   # not level 3 = 40 reps at once


async def test_edit_archive_and_restore_keep_the_history(make_app, store, clock):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "n")
        await fill_form(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("space")                         # in the plan
        record = store.start_session(clock.today(), [Step("sit-to-stand", reps=5)], clock.now())
        store.log_entry(record.id, Entry(0, "sit-to-stand", "done", reps=5, rating=2))

        await pilot.press("e")                             # edit: a new name
        assert isinstance(app.screen, CustomExerciseScreen)
        name = app.screen.query_one("#f-name", Input)
        name.value = ""
        await pilot.press(*"Chair stands", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert "Chair stands" in library_names(app)
        assert store.custom_exercises()[0].name == "Chair stands"

        await pilot.press("x")                             # archive
        await pilot.pause()
        assert "Chair stands" not in library_names(app)
        assert store.archived_exercise_ids() == {"sit-to-stand"}
        assert "sit-to-stand" not in store.saved_plan().exercise_ids
        assert store.session(record.id).entries[0].exercise_id == "sit-to-stand"  # kept
        assert app.catalog.get("sit-to-stand").name == "Chair stands"  # history names it

        provider = ExerciseCommands(app.screen)
        texts = [hit.text async for hit in provider.search("restore chair")]
        assert texts == ["Restore your exercise: Chair stands"]
        hit = [h async for h in provider.search("restore chair")][0]
        hit.command()
        await pilot.pause()
        assert store.archived_exercise_ids() == set()
        assert "Chair stands" in library_names(app)


async def palette_texts(pilot) -> list[str]:
    """What the open command palette lists now."""
    from textual.command import CommandList

    await pilot.pause(0.2)
    found = pilot.app.screen.query_one(CommandList)
    return [str(found.get_option_at_index(i).prompt).split("\n")[0]
            for i in range(found.option_count)]


async def test_restore_an_archived_exercise_by_keys_in_the_palette(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "n")
        await fill_form(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("x")                             # archive: the message names Restore
        await pilot.pause()
        assert "Sit to stand" not in library_names(app)
        assert store.archived_exercise_ids() == {"sit-to-stand"}

        await pilot.press("ctrl+p", *"Restore")
        assert "Restore your exercise: Sit to stand" in await palette_texts(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert store.archived_exercise_ids() == set()
        assert "Sit to stand" in library_names(app)
        assert app.screen.current_id == "sit-to-stand"


async def test_palette_by_keys_offers_the_things_to_do_anywhere(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "ctrl+p", *"daily check")
        assert "Daily check-in" in await palette_texts(pilot)
        await pilot.press("enter")
        await pilot.pause()
        from neurocoach.tui.screens.checkin import CheckinScreen
        assert isinstance(app.screen, CheckinScreen)


async def test_built_in_exercises_cannot_be_edited_or_archived(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "e")
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("x")
        assert store.archived_exercise_ids() == set()
        assert "Calf stretch at a wall" in library_names(app)


async def test_palette_offers_screen_actions_and_exercise_actions(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)):
        provider = ExerciseCommands(app.screen)
        texts = [hit.text async for hit in provider.discover()]
        for expected in ("Today: Check-in", "Today: Plan", "Today: Start",
                         "Daily check-in", "Import a plan file", "Export my plan to a file",
                         "New exercise of your own", "Take out of my plan: Towel toe curls",
                         "Put in my plan: Exercise bike", "Set the level of: Towel toe curls",
                         "Show exercise: Towel toe curls"):
            assert expected in texts, expected


async def test_the_form_takes_you_to_each_problem_and_clears_it_once_fixed(make_app):
    # After a refused save the cursor stayed where it was (the last field, far below), and
    # the messages stayed up after their fields were put right.
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "n")
        await fill_form(pilot)
        app.screen.query_one("#f-safety").text = ""
        app.screen.query_one("#f-purpose", Input).value = ""
        await pilot.press("ctrl+s")
        assert set(errors(app)) == {"purpose", "safety", "custom-message"}
        assert app.focused is app.screen.query_one("#f-purpose")
        await pilot.press(*"Stronger legs.")
        await pilot.pause()
        assert set(errors(app)) == {"safety", "custom-message"}     # cleared as it was fixed
        assert "1 field to fix" in errors(app)["custom-message"]
        await pilot.press("ctrl+s")
        assert app.focused is app.screen.query_one("#f-safety")
        await pilot.press(*"Hold the armrests.")
        await pilot.pause()
        assert errors(app) == {}
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
