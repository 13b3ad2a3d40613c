"""The footer is rebuilt when the keys it shows change, and only then."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from neurocoach.tui.widgets.footer import Footer, TextualFooter


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


def shown_keys(app: App) -> list[str]:
    return [key.description for key in app.query("FooterKey") if key.description]


async def test_the_footer_follows_changes_and_skips_the_rest(monkeypatch):
    builds = []
    original = TextualFooter.compose

    def counting(self):
        builds.append(self._shown())
        return original(self)

    monkeypatch.setattr(TextualFooter, "compose", counting)
    app = Toggling()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert shown_keys(app) == ["Always", "Sometimes"]
        before = len(builds)
        for _ in range(3):
            await pilot.press("a")
            await pilot.pause()
        assert len(builds) == before  # the same keys: no rebuild
        app.shown = False
        app.screen.refresh_bindings()
        await pilot.pause()
        assert shown_keys(app) == ["Always"]
        app.shown = True
        app.screen.refresh_bindings()
        await pilot.pause()
        assert shown_keys(app) == ["Always", "Sometimes"]


async def test_today_builds_its_footer_once_at_launch(make_app, monkeypatch):
    builds = []
    original = TextualFooter.compose

    def counting(self):
        builds.append(self._built_from)
        return original(self)

    monkeypatch.setattr(TextualFooter, "compose", counting)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # The first compose runs before the bindings are ready (nothing to show), then one
        # build with the keys: focus, screen resume and mode change no longer add two more.
        assert len(builds) == 2
        assert "Check-in" in shown_keys(app) and "Library" in shown_keys(app)
        await pilot.press("l")
        await pilot.pause()
        assert "Today" in shown_keys(app) and "Library" not in shown_keys(app)


async def test_the_stop_key_is_in_sight_in_a_40_column_session(make_app):
    from textual.widgets._footer import FooterKey

    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        assert footer.compact                             # keys closer together when narrow
        (stop,) = [k for k in footer.query(FooterKey) if k.key == "x"]
        assert stop.region.right <= 40 and stop.region.width >= len("x Stop: symptom")


async def test_the_footer_is_roomy_again_when_wide(make_app):
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert not app.screen.query_one(Footer).compact


def keys_in_sight(app, width: int) -> set[str]:
    from textual.widgets._footer import FooterKey

    footer = app.screen.query_one(Footer)
    return {k.description for k in footer.query(FooterKey)
            if k.description and k.region.width and k.region.right <= width}


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
    from textual.widgets._footer import FooterKey

    footer = app.screen.query_one(Footer)
    palette = [k for k in footer.query(FooterKey) if k.has_class("-command-palette")]
    edge = min([width] + [k.region.x for k in palette if k.region.width])
    return {k.description for k in footer.query(FooterKey)
            if k.description and k.region.width and k.region.right <= edge
            and not k.has_class("-command-palette")}


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
