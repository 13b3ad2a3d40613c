"""The Library's scrollbars draw only the rows that change (issue 17), exactly as Textual
draws them."""

from __future__ import annotations

from textual.scrollbar import ScrollBar
from textual.widget import Widget

from neurocoach.tui.widgets.row_scrollbar import RowScrollBar


def textuals(bar: ScrollBar) -> list:
    """The bar's rows as Textual's ScrollBar draws them (whole, through Rich)."""
    bar._layout_cache.clear()  # the visual Textual keeps until a refresh
    bar._render_content()
    return [list(ScrollBar.render_line(bar, y)) for y in range(bar.size.height)]


async def test_a_row_is_drawn_as_textual_draws_it(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        bars = [app.screen.query_one("#exercise-detail").vertical_scrollbar,
                app.screen.query_one("#exercise-list").vertical_scrollbar]
        assert all(type(bar) is RowScrollBar and bar.display for bar in bars)
        for bar in bars:
            for virtual, window, position in [(60, 19, 0), (60, 19, 7.5), (60, 19, 41),
                                              (23, 19, 0), (23, 19, 4), (400, 19, 200.125),
                                              (19, 19, 0), (20, 19, 1)]:
                bar.set_reactive(ScrollBar.window_virtual_size, virtual)
                bar.set_reactive(ScrollBar.window_size, window)
                bar.set_reactive(ScrollBar.position, position)
                ours = [list(bar.render_line(y)) for y in range(bar.size.height)]
                assert ours == textuals(bar), (bar.parent.id, virtual, window, position)


async def test_a_cursor_move_draws_the_detail_bar_a_row_at_a_time(make_app, monkeypatch):
    """j moves to an exercise of another length: the detail's thumb changes on a row or
    two, and only those rows are drawn; the bar is never drawn whole (it was, through Rich,
    at every move)."""
    drawn_whole: list = []
    render_content = Widget._render_content

    def whole(self):
        if isinstance(self, ScrollBar):
            drawn_whole.append(self)
        return render_content(self)

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        bar = app.screen.query_one("#exercise-detail").vertical_scrollbar
        thumbs = set()
        monkeypatch.setattr(Widget, "_render_content", whole)
        for _ in range(6):
            await pilot.press("j")
            await pilot.pause()
            thumbs.add((bar.window_virtual_size, bar.position))
        monkeypatch.undo()
    assert len(thumbs) > 1 and drawn_whole == []


async def test_the_detail_words_are_the_strips_textual_would_draw(make_app):
    """The detail's lines are drawn from their segments (issue 17: through Textual's
    Visual, which wraps and aligns each line again, they were most of a cursor move's
    drawing): for every exercise, each line is what Visual.to_strips gives, style, width
    and the offsets a mouse selection reads included."""
    from textual.visual import Visual

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        body = app.screen.query_one("#detail-body")
        listed = app.screen.query_one("#exercise-list")
        seen = set()
        for _ in range(listed.option_count):
            width, style = body.size.width, body.visual_style
            seen.add(str(body.wrapped(width)[0]))
            for y, line in enumerate(body.wrapped(width)):
                textual = Visual.to_strips(body, line, width, None, style)[0].apply_offsets(0, y)
                ours = body.render_line(y)
                assert (list(ours), ours.cell_length) == (list(textual), textual.cell_length)
            await pilot.press("j")
            await pilot.pause()
        assert len(seen) >= 16


async def test_the_drawing_rows_are_the_strips_textual_would_draw(make_app):
    """The drawing is drawn a row at a time from its segments (it was drawn whole through
    Visual at each repainted row): for every exercise and pose, braille and plain, each
    row is the strip Textual's own `render()` path gives."""
    from textual.widget import Widget

    from neurocoach.tui.widgets.figure import ExerciseFigure

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        figure = app.screen.query_one(ExerciseFigure)
        listed = app.screen.query_one("#exercise-list")
        drawn = 0
        for _ in range(listed.option_count):
            for plain in (False, True):
                figure.plain = plain
                for pose in range(len(figure.figure.poses) if figure.figure else 1):
                    figure.pose_index = pose
                    figure._layout_cache.clear()
                    figure._render_content()
                    for y in range(figure.size.height):
                        textual = Widget.render_line(figure, y)
                        ours = figure.render_line(y)
                        assert (list(ours), ours.cell_length) == (
                            list(textual), textual.cell_length), (figure.figure, pose, y)
                        drawn += bool(ours.text.strip())
            figure.plain = False
            await pilot.press("j")
            await pilot.pause()
        assert drawn > 100
