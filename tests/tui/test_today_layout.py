"""Today keeps what enter does, and the routine, in sight at 80×24 and at 40×12."""

from __future__ import annotations

from textual.widgets import OptionList

from neurocoach.domain.models import Checkin


def visible(app, selector: str) -> bool:
    widget = app.screen.query_one(selector)
    region = widget.region
    screen = app.screen.region
    return widget.display and region.height > 0 and region.y + 1 <= screen.bottom - 1


async def test_the_enter_line_is_in_sight_however_long_the_notes(make_app, store, clock):
    # A sore-feet day brings several notes; the line saying what enter does sat below the
    # list and the notes and fell off a short screen.
    store.record_checkin(Checkin(day=clock.today(), pain=8, feet="sore", note=""), clock.now())
    app = make_app()
    for size in ((80, 24), (40, 12)):
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            meta = app.screen.query_one("#today-meta")
            assert "enter" in str(meta.render())
            assert meta.region.height > 0 and meta.region.bottom <= size[1] - 1, size
        app = make_app()


async def test_the_routine_has_rows_at_40_by_12(make_app):
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        routine = app.screen.query_one("#today-routine", OptionList)
        assert routine.option_count > 0
        # at least one option row shows above the footer
        assert routine.region.height >= 2 and routine.region.bottom <= 11


async def test_the_list_names_every_exercise_a_stand_in_replaces(make_app, store, clock):
    # Three balance exercises swapped to one seated one: the note named three, the list
    # one ("instead of Heel-to-toe walk").
    from neurocoach.coach.plan import Plan

    store.save_plan(Plan(("heel-to-toe-walk", "single-leg-stand", "weight-shifts")),
                    clock.now())
    store.record_checkin(Checkin(day=clock.today(), pain=2, feet="skin", foot="both"),
                         clock.now())
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        routine = app.screen.query_one("#today-routine", OptionList)
        lines = [str(routine.get_option_at_index(i).prompt)
                 for i in range(routine.option_count)]
        (reach,) = [line for line in lines if "Seated reach" in line]
        for name in ("Heel-to-toe walk", "Stand on one leg", "Side-to-side weight shifts"):
            assert name in reach
            assert name.lower() in str(app.screen.query_one("#today-notes").render()).lower()
