"""Two windows editing the plan: the second save must not silently undo the first."""

from __future__ import annotations


from neurocoach.store import Store
from neurocoach.tui.app_calls import person_plan
from tests.tui.test_plan_editing import open_plan


async def test_a_change_made_in_another_window_is_not_undone(make_app, store, clock):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_plan(pilot)
        first = screen.highlighted_id
        plan = person_plan(app)
        other = Store.open(store.path)                  # the other window, same file
        try:
            gone = plan.exercise_ids[-1]
            other.save_plan(plan.with_exercise(gone, False), clock.now())
        finally:
            other.close()
        await pilot.press("space")                      # this window takes `first` out
        await pilot.pause()
        saved = store.saved_plan()
        assert gone not in saved.exercise_ids           # the other window's change stands
        assert first in saved.exercise_ids              # this one was not made blindly
        shown = [str(n.message) for n in app._notifications]
        assert any("another window" in m for m in shown), shown
        await pilot.press("space")                      # made again, on the plan as it is
        assert first not in store.saved_plan().exercise_ids
        assert gone not in store.saved_plan().exercise_ids


async def test_an_import_previewed_before_another_window_saved_is_not_applied(
        make_app, store, clock, tmp_path):
    # The import dialog listed what a file would change, another window then saved the
    # plan, and y applied the file over it without a word.
    plan_file = tmp_path / "plan.toml"
    plan_file.write_text('days_per_week = 3\n[[exercise]]\nid = "walking"\n')
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_plan(pilot)
        await pilot.press("i", *str(plan_file), "enter")
        await pilot.pause()
        assert "y applies these changes" in str(app.screen.query_one("#import-changes").render())
        plan = person_plan(app)
        other = Store.open(store.path)
        try:
            other.save_plan(plan.with_exercise(plan.exercise_ids[-1], False), clock.now())
            changed = other.saved_plan()
        finally:
            other.close()
        await pilot.press("y")
        await pilot.pause()
        message = str(app.screen.query_one("#import-message").render())
        assert "changed in another window" in message and "nothing was applied" in message
        assert store.saved_plan() == changed                  # the other window's plan stands
        await pilot.press("enter", "y")                       # read again, then applied
        await pilot.pause()
    assert store.saved_plan().exercise_ids == ("walking",)
