"""The Library reads the levels of its exercises once it is on screen, so that a cursor
move reads nothing from the store (issue 17: the first move read every exercise's
history, 12 ms at ten years, 40 at thirty)."""

from __future__ import annotations


async def test_once_open_a_cursor_move_reads_no_levels(make_app, monkeypatch):
    from neurocoach.tui import app_calls

    read: list[list[str]] = []
    level_views = app_calls.level_views

    def counted(app, plan, ids=None):
        read.append(list(ids or []))
        return level_views(app, plan, ids)

    monkeypatch.setattr(app_calls, "level_views", counted)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        listed = app.screen.shown[2]
        assert read and set(sum(read, [])) >= set(listed)  # all read, once on screen
        read.clear()
        for _ in range(6):
            await pilot.press("j")
            await pilot.pause()
            assert "Level" in app.screen.query_one("#exercise-detail").text
        assert read == []


async def test_after_a_write_the_levels_are_read_again(make_app):
    """space puts the exercise in the plan: its lines say so at once (the levels kept
    from before the write are not used)."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        detail = app.screen.query_one("#exercise-detail")
        was_in = "In your plan" in detail.text
        await pilot.press("space")
        await pilot.pause()
        assert ("In your plan" in detail.text) is not was_in
        await pilot.press("j", "k")
        await pilot.pause()
        assert ("In your plan" in detail.text) is not was_in
