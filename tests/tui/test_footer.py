"""The footer: one widget that draws the screen's keys in one row, again only when the
keys it shows change."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from neurocoach.tui.widgets.footer import Footer


class Toggling(App[None]):
    """One key whose binding comes and goes (check_action), one that is always there."""

    BINDINGS = [Binding("a", "always", "Always"), Binding("s", "sometimes", "Sometimes")]

    def __init__(self) -> None:
        super().__init__()
        self.shown = True

    def compose(self) -> ComposeResult:
        yield Static("hello")
        yield Footer(show_command_palette=False)

    def check_action(self, action: str, parameters) -> bool | None:
        return self.shown if action == "sometimes" else True

    def action_always(self) -> None:
        self.screen.refresh_bindings()  # a signal that changes nothing


def footer_row(app: App) -> str:
    """The footer's row as a person reads it (the bottom row of the screen)."""
    footer = app.screen.query_one(Footer)
    assert footer.region.bottom == app.screen.size.height
    return footer.render_line(0).text


def shown_keys(app: App) -> list[str]:
    """The descriptions read in the footer's row, left to right."""
    row = footer_row(app)
    return [key.description for key in app.screen.query_one(Footer).keys
            if key.description and f"{key.key_display} {key.description}" in row]


def counted_draws(monkeypatch) -> list:
    """Each time a footer draws its row (or a row's line is asked for, drawn or not)."""
    draws = []
    draw, render_line = Footer._draw, Footer.render_line

    def counting_draw(self, width):
        draws.append(("draw", width))
        return draw(self, width)

    def counting_line(self, y):
        draws.append(("line", y))
        return render_line(self, y)

    monkeypatch.setattr(Footer, "_draw", counting_draw)
    monkeypatch.setattr(Footer, "render_line", counting_line)
    return draws


async def test_the_footer_follows_changes_and_skips_the_rest(monkeypatch):
    app = Toggling()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert shown_keys(app) == ["Always", "Sometimes"]
        assert footer_row(app).startswith(" a Always  s Sometimes ")
        draws = counted_draws(monkeypatch)
        for _ in range(3):
            await pilot.press("a")
            await pilot.pause()
        assert draws == []  # the same keys: not drawn, not even repainted
        app.shown = False
        app.screen.refresh_bindings()
        await pilot.pause()
        assert shown_keys(app) == ["Always"]
        assert footer_row(app).strip() == "a Always"
        app.shown = True
        app.screen.refresh_bindings()
        await pilot.pause()
        assert shown_keys(app) == ["Always", "Sometimes"]


async def test_today_draws_its_footer_once_at_launch(make_app, monkeypatch):
    draws = counted_draws(monkeypatch)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # Drawn once, with the keys: focus, screen resume and mode change draw nothing more.
        assert [d for d in draws if d[0] == "draw"] == [("draw", 80)]
        assert "Check-in" in shown_keys(app) and "Library" in shown_keys(app)
        await pilot.press("l")
        await pilot.pause()
        assert "Today" in shown_keys(app) and "Library" not in shown_keys(app)


async def test_the_footer_is_one_widget_and_a_session_key_leaves_it_alone(make_app,
                                                                          monkeypatch):
    # Issue 17: Textual's footer was a widget per key (ten in a session), each waited on,
    # laid out and drawn on its own. Keys that change no binding do not repaint it.
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        assert list(footer.walk_children()) == []
        assert {"Done", "Stop: symptom", "Skip", "Help", "Quit"} <= set(shown_keys(app))
        draws = counted_draws(monkeypatch)
        for key in ("plus", "minus", "plus", "2", "space", "space"):
            await pilot.press(key)
            await pilot.pause()
        assert draws == []
        assert list(footer.walk_children()) == []


async def test_a_click_on_a_footer_key_presses_it(make_app):
    from neurocoach.tui.screens.library import LibraryScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        row = footer_row(app)
        await pilot.click(Footer, offset=(row.index("l Library") + 3, 0))
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_the_stop_key_is_in_sight_in_a_40_column_session(make_app):
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        assert footer.compact                             # keys closer together when narrow
        assert "x Stop: symptom" in footer_row(app) and len(footer_row(app)) == 40


async def test_the_footer_is_roomy_again_when_wide(make_app):
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert not app.screen.query_one(Footer).compact


def keys_in_sight(app, width: int) -> set[str]:
    assert len(footer_row(app)) == width
    return set(shown_keys(app))


async def test_help_and_quit_stay_in_every_narrow_footer(make_app):
    # At 40 columns the screen's own keys filled the row and pushed `? Help` and `q Quit`
    # off its edge (Today, Progress, the plan); now they stay, and the rest fill what is left.
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        for keys in (["t"], ["l"], ["p"], ["t", "m"]):
            await pilot.press(*keys)
            await pilot.pause()
            shown = keys_in_sight(app, 40)
            assert {"Help", "Quit"} <= shown, (keys, shown)
            if keys == ["t", "m"]:
                await pilot.press("escape")
        await pilot.press("t", "enter")
        await pilot.pause()
        assert {"Help", "Quit", "Stop: symptom"} <= keys_in_sight(app, 40)


async def test_the_way_home_to_today_stays_in_a_narrow_footer(make_app):
    # QA: at 40 columns Progress showed "r Trend range e Profile ? Help q Quit": nothing
    # said how to get back to Today. `t Today` stays now, on every main screen; a screen
    # with its own way back (the plan's "esc Back") keeps that instead.
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        for key in ("p", "l"):
            await pilot.press(key)
            await pilot.pause()
            assert {"Today", "Help", "Quit"} <= keys_in_sight(app, 40), key
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert "Back" in keys_in_sight(app, 40)


async def test_a_narrow_footer_takes_the_screens_keys_back_when_wide(make_app):
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        assert "Profile" not in keys_in_sight(app, 40)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        await pilot.pause()
        assert {"Profile", "Library", "Help", "Quit"} <= keys_in_sight(app, 100)


async def test_help_and_quit_stay_when_a_wide_footer_is_full(make_app):
    # The plan's footer at 80 columns ran off the edge before `? Help` and `q Quit`.
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert {"Help", "Quit", "Back"} <= keys_in_sight(app, 80)


async def test_the_find_box_at_40_columns_still_offers_a_way_out(make_app):
    # Typing in the Library's find box at 40 columns left the footer empty.
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("l", "slash")
        await pilot.pause()
        assert "Clear" in keys_in_sight(app, 40)
        await pilot.press("escape")
        await pilot.pause()
        assert {"Help", "Quit"} <= keys_in_sight(app, 40)


def keys_drawn_whole(app, width: int) -> set[str]:
    """The keys a person reads whole: in the row, and not under the palette's key, which
    is drawn over the right end of the row."""
    row = footer_row(app)
    assert len(row) == width
    before_palette = row.split("▏")[0]
    return {k.description for k in app.screen.query_one(Footer).keys
            if k.description and f"{k.key_display} {k.description}" in before_palette}


async def test_quit_is_not_cut_short_by_the_palette_key_on_a_40_column_summary(make_app):
    # The summary after a stop for a symptom read "⏎ Back to Today ? Help q Qui▏^p palette":
    # the keys that always stay did not fit beside the palette's key, drawn over them.
    from neurocoach.tui.screens.summary import SummaryScreen

    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("1")                            # dizziness: the session stops
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert {"Back to Today", "Help", "Quit"} <= keys_drawn_whole(app, 40)
        for keys in (["t"], ["l"], ["p"], ["t", "m"]):    # and wherever the palette key is
            await pilot.press(*keys)
            await pilot.pause()
            assert {"Help", "Quit"} <= keys_drawn_whole(app, 40), keys
