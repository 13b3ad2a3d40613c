"""Lines that skip Textual's styles cache are the lines it would have made (issue 17:
cheap cursor moves), and a widget whose styles are not plain goes through it."""

from __future__ import annotations

import pytest
from textual.filter import Monochrome
from textual.geometry import Region

from neurocoach.tui.widgets.detail_body import DetailBody
from neurocoach.tui.widgets.direct_lines import DirectLines
from neurocoach.tui.widgets.figure import ExerciseFigure
from neurocoach.tui.widgets.row_scrollbar import RowScrollBar


def both(widget, crop: Region) -> tuple[list, list]:
    """(ours, the styles cache's) for this crop, as segment lists."""
    ours = [list(strip) for strip in widget.render_lines(crop)]
    widget._styles_cache.clear()
    textuals = [list(strip) for strip in widget._styles_cache.render_widget(widget, crop)]
    return ours, textuals


def crops(widget) -> list[Region]:
    width, height = widget.size
    return [Region(0, 0, width, height), Region(0, 2, width, 3),
            Region(3, 0, width - 5, height), Region(width - 1, 1, 1, 2)]


def library_widgets(app) -> list:
    screen = app.screen
    return [screen.query_one(DetailBody), screen.query_one(ExerciseFigure),
            screen.query_one("#exercise-list"),
            screen.query_one("#exercise-detail").vertical_scrollbar,
            screen.query_one("#exercise-list").vertical_scrollbar]


@pytest.mark.parametrize("filters", [False, True], ids=["colour", "monochrome"])
async def test_each_line_is_the_one_the_styles_cache_makes(make_app, filters):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        if filters:  # as NO_COLOR makes it: a filter on every line
            app._filters.append(Monochrome())
        await pilot.press("l")
        await pilot.pause()
        for key in "jjjjj":
            widgets = library_widgets(app)
            assert all(isinstance(w, DirectLines) and w._plain_styles() for w in widgets)
            assert type(widgets[3]) is RowScrollBar and widgets[3].display
            for widget in widgets:
                for crop in crops(widget):
                    ours, textuals = both(widget, crop)
                    assert ours == textuals, (widget, crop)
            await pilot.press(key)
            await pilot.pause()


async def test_styles_that_are_not_plain_go_through_textual(make_app):
    """A border, padding or a tint (a theme or a later stylesheet could add one): the
    widget's lines are Textual's own, border and all."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        body = app.screen.query_one(DetailBody)
        for rule, value in [("border", ("round", "red")), ("padding", (0, 1)),
                            ("tint", "red 20%")]:
            setattr(body.styles, rule, value)
            await pilot.pause()
            assert not body._plain_styles()
            crop = Region(0, 0, *body.size)
            ours, textuals = both(body, crop)
            assert ours == textuals and ours, rule
            for name in ([f"border_{edge}" for edge in ("top", "right", "bottom", "left")]
                         if rule == "border" else [rule]):
                body.styles.clear_rule(name)
            await pilot.pause()
        assert body._plain_styles()
