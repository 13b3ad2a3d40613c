"""A Library cursor move: the levels are read once the Library is on screen, so a move
reads nothing from the store (issue 17: the first move read every exercise's history, 12
ms at ten years, 40 at thirty), and the key is one message, not a round of the widgets."""

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


async def test_a_cursor_move_is_one_message_not_a_round_of_the_widgets(make_app, monkeypatch):
    """j and k are looked up before the key is handed round (issue 17: the key went to the
    list, its two containers, the screen and back to the App, then the highlight's message
    went up the same way: ten messages before anything was drawn)."""
    from textual import events
    from textual.message_pump import MessagePump
    from textual.widgets import OptionList

    posted: list = []
    post_message = MessagePump.post_message

    def counted(self, message):
        if isinstance(message, (events.Key, OptionList.OptionHighlighted)):
            posted.append((type(message).__name__, type(self).__name__))
        return post_message(self, message)

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        before = app.screen.query_one("#exercise-list").highlighted
        monkeypatch.setattr(MessagePump, "post_message", counted)
        await pilot.press("j", "j", "k")
        await pilot.pause()
        monkeypatch.undo()
        assert app.screen.query_one("#exercise-list").highlighted == before + 1
    keys_to_widgets = [p for p in posted if p[0] == "Key" and p[1] != "NeurocoachApp"]
    assert keys_to_widgets == [] and len(posted) <= 3 * 2, posted


async def test_j_and_k_are_typed_into_the_find_box(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "slash", "j", "k", "j")
        await pilot.pause()
        assert app.screen.query_one("#library-filter").value == "jkj"
        await pilot.press("escape", "j")
        await pilot.pause()
        assert app.focused.id == "exercise-list"
