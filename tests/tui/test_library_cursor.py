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


async def test_a_move_repaints_only_the_lines_that_read_otherwise_and_shows_them_all(
        make_app, monkeypatch):
    """A move to another exercise repaints the detail's lines that differ (a blank line or
    a heading often stays where it was), and what the screen shows is the new exercise's
    words, line for line, every time."""
    from neurocoach.tui.widgets.detail_body import DetailBody

    repainted: list = []
    refresh = DetailBody.refresh

    def counted(self, *regions, **kwargs):
        repainted.append(regions or None)  # None: all of it
        return refresh(self, *regions, **kwargs)

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        body = app.screen.query_one(DetailBody)
        monkeypatch.setattr(DetailBody, "refresh", counted)
        for _ in range(15):
            await pilot.press("j")
            await pilot.pause()
            region = body.region.intersection(app.screen.query_one("#exercise-detail")
                                              .scrollable_content_region)
            shown = [strip.text.rstrip() for strip in
                     app.screen._compositor.render_strips()[region.y:region.bottom]]
            words = [line.plain.rstrip() for line in body.wrapped(body.size.width)]
            words += [""] * region.height
            assert [row[region.x:region.right].rstrip() for row in shown] == \
                words[:region.height]
        monkeypatch.undo()
    assert repainted and None not in repainted
    on_screen = sum(len({y for r in regions for y in r.line_range if y < region.height})
                    for regions in repainted)
    assert on_screen < 15 * region.height * 0.9, on_screen  # some lines stayed as they were


async def test_j_and_k_scroll_the_details_once_enter_has_moved_there(make_app):
    """enter on an exercise moves to its details to read them: j and k then scroll them,
    as the arrows do, and the exercise stays (they moved the list and took the focus back,
    so a reader lost their exercise)."""
    from neurocoach.tui.widgets.exercise_detail import ExerciseDetail

    app = make_app()
    async with app.run_test(size=(80, 16)) as pilot:
        await pilot.press("l", "j", "enter")
        await pilot.pause()
        detail = app.screen.query_one(ExerciseDetail)
        name = app.screen.current_id
        assert app.focused is detail and detail.max_scroll_y >= 3
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert (app.focused, app.screen.current_id, detail.scroll_y) == (detail, name, 3)
        await pilot.press("k")
        await pilot.pause()
        assert (app.focused, app.screen.current_id, detail.scroll_y) == (detail, name, 2)


async def test_back_at_the_first_exercise_its_heading_shows_again(make_app):
    """k on the first exercise goes round to the last; j then comes back to the first, and
    the list shows STRETCHING above it as when it opened (the heading stayed out of view)."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        listed = app.screen.query_one("#exercise-list")
        first = listed.highlighted
        await pilot.press("k")
        await pilot.pause()
        assert listed.highlighted > first and listed.scroll_y > 0
        await pilot.press("j")
        await pilot.pause()
        assert listed.highlighted == first and listed.scroll_y == 0
        assert "STRETCHING" in listed.render_line(0).text


async def test_the_find_box_reached_with_tab_shows_it_has_the_keys(make_app):
    """tab into the find box: its line is marked and the footer no longer offers "/ Find"
    (QA: nothing showed that typing went there, and q typed a q)."""
    from textual.widgets import Input

    from tests.tui.test_footer import footer_row

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        find = app.screen.query_one("#library-find")
        unfocused = find.styles.background
        assert "/ Find" in footer_row(app)
        while not isinstance(app.focused, Input):
            await pilot.press("tab")
            await pilot.pause()
        assert find.styles.background != unfocused
        assert "/ Find" not in footer_row(app)
        await pilot.press("q")
        await pilot.pause()
        assert app.screen.query_one(Input).value == "q"


async def test_after_a_resize_the_details_are_made_ahead_at_the_new_width(make_app,
                                                                         monkeypatch):
    """The details drawn ahead are for the pane's width: after the terminal is resized,
    they are made again at the new one, so a move still wraps and draws nothing."""
    from textual.content import Content

    from neurocoach.tui.widgets.detail_body import DetailBody

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        await pilot.pause()
        body = app.screen.query_one(DetailBody)
        assert body.size.width > 38
        made: list[Content] = []
        wrap, render_segments = Content.wrap, Content.render_segments
        monkeypatch.setattr(Content, "wrap",
                            lambda self, *a, **k: made.append(self) or wrap(self, *a, **k))
        monkeypatch.setattr(Content, "render_segments", lambda self, *a, **k: made.append(
            self) or render_segments(self, *a, **k))
        for _ in range(3):
            await pilot.press("j")
            await pilot.pause()
        monkeypatch.undo()
        name = app.catalog.get(app.screen.current_id).name
        assert name in app.screen.query_one("#exercise-detail").text
        assert made == []
