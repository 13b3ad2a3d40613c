"""A notice never covers the field being typed in."""

from __future__ import annotations

from textual.widgets._toast import Toast


async def test_a_notice_moves_up_off_a_low_field(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("l", "n")                      # the own-exercise form
        form = app.screen
        field = form.query_one("#f-harder")
        field.focus()
        await pilot.pause()
        box = form.query_one("#custom")                  # the field on the bottom edge
        box.scroll_to(y=box.scroll_y + (box.region.bottom - field.region.bottom) * -1,
                      animate=False, immediate=True)
        await pilot.pause()
        app.notify("Something to say while typing.")
        await pilot.pause(0.2)
        toast = form.query_one(Toast)
        assert field.region.bottom >= 21                 # the field is low on the screen
        assert not toast.region.overlaps(field.region)


async def test_a_notice_stays_low_when_the_field_is_high(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("l", "slash")                  # the find box, at the top
        app.notify("Something to say.")
        await pilot.pause(0.2)
        toast = app.screen.query_one(Toast)
        assert toast.region.y > 12
        assert not toast.region.overlaps(app.focused.region)


async def test_a_notice_already_up_moves_off_a_field_focused_later(make_app):
    # A notice shown on Today stayed over the check-in's note field when it opened.
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("l", "n")
        form = app.screen
        app.notify("Something said a moment ago.", timeout=30)
        await pilot.pause(0.2)
        field = form.query_one("#f-harder")
        field.focus()
        await pilot.pause()
        box = form.query_one("#custom")
        box.scroll_to(y=box.scroll_y + (field.region.bottom - box.region.bottom),
                      animate=False, immediate=True)
        field.blur()
        field.focus()                                    # focused where notices would sit
        await pilot.pause(0.2)
        toast = form.query_one(Toast)
        assert field.region.bottom >= 21
        assert not toast.region.overlaps(field.region)
