"""Library, driven by keys only: moving, finding, category filter, narrow terminals, resizing."""

from __future__ import annotations

from textual.widgets import Input, OptionList, Static

from neurocoach.catalog import CATEGORIES
from neurocoach.tui.screens.library import LibraryScreen
from neurocoach.tui.widgets.exercise_detail import ExerciseDetail
from tests.tui.helpers import counted_layouts


def in_order(app):
    """Exercises in the order the list shows them (category by category)."""
    groups = app.catalog.by_category()
    return [e for c in CATEGORIES for e in groups.get(c, [])]


def detail(app) -> str:
    return app.screen.query_one(ExerciseDetail).text


def shown_ids(app) -> list[str]:
    option_list = app.screen.query_one("#exercise-list", OptionList)
    return [o.id for o in option_list.options if o.id is not None]


def highlighted_id(app) -> str | None:
    option = app.screen.query_one("#exercise-list", OptionList).highlighted_option
    return option.id if option else None


def showing(app) -> str:
    return str(app.screen.query_one("#library-showing", Static).render())


def assert_detail_is(app, exercise) -> None:
    text = detail(app)
    assert exercise.name in text
    assert f"1. {exercise.steps[0]}" in text
    assert highlighted_id(app) == exercise.id


async def test_l_opens_library_and_keys_move_through_exercises(make_app):
    app = make_app()
    order = in_order(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        assert isinstance(app.screen, LibraryScreen)
        assert app.focused is app.screen.query_one("#exercise-list")
        assert_detail_is(app, order[0])
        await pilot.press("j")
        assert_detail_is(app, order[1])
        await pilot.press("down")
        assert_detail_is(app, order[2])
        await pilot.press("k")
        assert_detail_is(app, order[1])
        await pilot.press("up")
        assert_detail_is(app, order[0])


async def test_headings_are_skipped_between_categories(make_app):
    app = make_app()
    order = in_order(app)
    first_strength = next(i for i, e in enumerate(order) if e.category == "strengthening")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", *["j"] * (first_strength - 1))
        assert_detail_is(app, order[first_strength - 1])
        await pilot.press("j")
        assert_detail_is(app, order[first_strength])


async def test_detail_shows_dose_flags_and_safety(make_app):
    app = make_app()
    balance = next(e for e in in_order(app) if e.category == "balance")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        app.screen.select_exercise(balance.id)
        await pilot.pause()
        text = detail(app)
        assert balance.dose.describe(balance.per_side) in text
        assert "Stand next to a sturdy support" in text
        assert all(cue in text for cue in balance.safety)
        await pilot.press("tab")
        assert app.focused is app.screen.query_one(ExerciseDetail)


async def test_slash_finds_live_and_escape_clears(make_app):
    app = make_app()
    total = len(app.catalog.exercises)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "slash")
        find = app.screen.query_one("#library-filter", Input)
        assert app.focused is find
        await pilot.press(*"marble")
        assert len(shown_ids(app)) == 1
        assert "marble" in detail(app).lower()
        assert "1 found" in showing(app)
        await pilot.press("escape")  # one escape clears the search and goes back to the list
        assert find.value == ""
        assert len(shown_ids(app)) == total
        assert app.focused is app.screen.query_one("#exercise-list")


async def test_after_escape_every_library_key_works_again(make_app):
    # QA: l / seat escape / left the keyboard in the find box: "/" was typed into it
    # ("Find: /"), and t, p, q were typed too instead of changing screens.
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "slash", *"seat", "escape")
        find = app.screen.query_one("#library-filter", Input)
        assert app.focused is app.screen.query_one("#exercise-list")
        footer = {b.binding.description for b in app.screen.active_bindings.values()
                  if b.binding.show}
        assert {"Category", "Progress", "Today"} <= footer
        await pilot.press("slash")
        assert app.focused is find and find.value == ""        # a fresh search, no "/" in it
        await pilot.press("escape", "f")
        assert find.value == "" and "Showing: " + CATEGORIES[0].title() in showing(app)
        await pilot.press("p")
        assert app.current_mode == "progress"


async def test_nothing_found_hint_is_true_in_the_find_box(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "slash", *"zzqq")
        hint = detail(app)
        assert "Nothing matches" in hint and "escape" in hint
        await pilot.press("escape", "f")                        # what the hint says, in order
        assert app.screen.query_one("#library-filter", Input).value == ""
        assert f"Showing: {CATEGORIES[0].title()}" in showing(app)


async def test_enter_from_find_returns_to_list_keeping_the_filter(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "slash", *"marble", "enter")
        assert app.focused is app.screen.query_one("#exercise-list")
        assert len(shown_ids(app)) == 1
        await pilot.press("j", "k")  # letters act on the list again, not the find box
        assert app.screen.query_one("#library-filter", Input).value == "marble"


async def test_nothing_found_says_so_and_keeps_focus(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "slash", *"zzqq", "enter")
        assert shown_ids(app) == []
        assert "Nothing matches" in detail(app)
        assert app.focused is not None
        await pilot.press("j", "k", "escape")
        assert len(shown_ids(app)) == len(app.catalog.exercises)


async def test_f_cycles_categories(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        assert "Showing: All" in showing(app)
        for category in CATEGORIES:
            await pilot.press("f")
            assert f"Showing: {category.title()}" in showing(app)
            ids = shown_ids(app)
            assert ids and all(app.catalog.get(i).category == category for i in ids)
            assert app.catalog.get(highlighted_id(app)).category == category
        await pilot.press("f")
        assert "Showing: All" in showing(app)
        assert len(shown_ids(app)) == len(app.catalog.exercises)


async def test_narrow_terminal_same_keys_never_lose_focus(make_app):
    app = make_app()
    order = in_order(app)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("l")
        assert app.screen.has_class("-narrow")
        for key in ["j", "j", "down", "k", "tab", "tab", "f", "f", "slash", "m", "escape",
                    "escape", "escape", "slash", *"calf", "enter", "j", "question_mark",
                    "escape", "f", "f", "f", "f"]:
            await pilot.press(key)
            assert app.focused is not None, f"focus lost after {key!r}"
        assert isinstance(app.screen, LibraryScreen)
        app.screen.select_exercise(order[3].id)
        await pilot.pause()
        assert_detail_is(app, order[3])


async def test_resize_reflows_and_keeps_the_selection(make_app):
    app = make_app()
    order = in_order(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "j", "j")
        list_column = app.screen.query_one("#library-list-column")
        detail_pane = app.screen.query_one(ExerciseDetail)
        assert detail_pane.region.x > list_column.region.x  # side by side
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert app.screen.has_class("-narrow")
        assert detail_pane.region.y > list_column.region.y  # stacked
        assert_detail_is(app, order[2])
        assert app.focused is not None
        option_list = app.screen.query_one("#exercise-list", OptionList)
        await pilot.press("j", "j", "j")
        await pilot.resize_terminal(40, 11)
        await pilot.pause()
        top, rows = option_list.scroll_y, option_list.scrollable_content_region.height
        assert top <= option_list.highlighted < top + rows  # the highlight stays in view
        await pilot.press("k", "k", "k")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen.has_class("-wide")
        assert_detail_is(app, order[2])


async def test_select_exercise_clears_filters_that_hide_it(make_app):
    app = make_app()
    cardio = next(e for e in in_order(app) if e.category == "cardio")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "f", "slash", *"calf", "enter")  # stretching, "calf"
        app.screen.select_exercise(cardio.id)
        await pilot.pause()
        assert "Showing: All" in showing(app)
        assert app.screen.query_one("#library-filter", Input).value == ""
        assert_detail_is(app, cardio)
        assert app.focused is app.screen.query_one("#exercise-list")


async def test_keys_typed_in_a_burst_after_slash_go_to_the_find_box(make_app):
    """Over SSH "/" and the next letters can arrive in one read, before focus has moved:
    they must be typed into the find box, not run as keys (t, p, q, f...)."""
    from textual import events

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        for char in "/toe":
            key = "slash" if char == "/" else char
            app.post_message(events.Key(key, char))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.query_one("#library-filter", Input).value == "toe"
        assert "Showing: All" in showing(app)


async def test_escape_on_the_list_shows_every_category_again(make_app):
    app = make_app()
    total = len(app.catalog.exercises)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "f", "f", "j")
        category = CATEGORIES[1]
        assert f"Showing: {category.title()}" in showing(app)
        chosen = highlighted_id(app)
        await pilot.press("escape")
        assert "Showing: All" in showing(app)
        assert len(shown_ids(app)) == total
        assert highlighted_id(app) == chosen                  # the same exercise, in place
        assert app.focused is app.screen.query_one("#exercise-list")

        await pilot.press("f", "slash", *"calf", "enter")      # a search and a category:
        await pilot.press("escape")                            # the search goes first ...
        assert app.screen.query_one("#library-filter", Input).value == ""
        assert f"Showing: {CATEGORIES[0].title()}" in showing(app)
        await pilot.press("escape")                            # ... then the category
        assert "Showing: All" in showing(app)


async def test_archiving_keeps_the_cursor_where_it_was(make_app, store, clock):
    import dataclasses

    from neurocoach.catalog import load_catalog

    base = next(e for e in load_catalog().by_category()[CATEGORIES[1]] if e.alternative is None)
    for n in (1, 2):
        store.save_custom_exercise(dataclasses.replace(
            base, id=f"mine-{n}", name=f"Mine {n}", custom=True), clock.now())
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        app.screen.select_exercise("mine-1")
        await pilot.pause()
        before = shown_ids(app)
        at = before.index("mine-1")
        assert before[at + 1] == "mine-2"
        await pilot.press("x")                                 # archive Mine 1
        await pilot.pause()
        assert "mine-1" not in shown_ids(app)
        assert highlighted_id(app) == "mine-2"                 # its neighbour, not the top
        await pilot.press("x")                                 # archive Mine 2: the next one
        await pilot.pause()
        assert highlighted_id(app) == before[at + 2]
        assert app.catalog.get(before[at + 2]).name in detail(app)


async def test_found_by_the_names_people_use(make_app):
    # The article's names, clinicians' names, plurals and a small typo all find the exercise.
    app = make_app()
    wanted = {
        "plantar fascia stretch": "plantar-roll", "single-leg stands": "single-leg-stand",
        "stationary biking": "stationary-bike", "water aerobics": "water-aerobics",
        "tandem walk": "heel-to-toe-walk", "calf raise": "seated-heel-toe-raises",
        "heel raises": "seated-heel-toe-raises", "marbel": "marble-pickups",
    }
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        for query, exercise_id in wanted.items():
            await pilot.press("slash", *query)
            assert exercise_id in shown_ids(app), query
            assert highlighted_id(app) == shown_ids(app)[0]
            await pilot.press("escape")


async def test_the_detail_names_the_id_for_plan_files(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        first = in_order(app)[0]
        assert f"Id for plan files: {first.id}" in detail(app)


async def test_nothing_found_leaves_no_exercise_in_the_detail(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "slash", *"marble")
        assert "Marble" in detail(app)
        await pilot.press(*"qqzz")
        text = detail(app)
        assert "Nothing matches" in text
        assert "Marble" not in text and "Id for plan files" not in text and "1." not in text


async def test_a_cursor_move_renders_only_the_options_it_changes(make_app):
    """Issue 17: moving the ▸ mark used to clear the list's whole render cache, so every
    visible option was rendered again at each key. Now only the two options whose mark
    changes are (each in its plain and highlighted look), and the mark still moves."""
    app = make_app()
    order = in_order(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "j")
        await pilot.pause()
        option_list = app.screen.query_one("#exercise-list", OptionList)
        cache = option_list._option_render_cache
        before = cache.misses
        await pilot.press("j")
        await pilot.pause()
        assert_detail_is(app, order[2])
        assert cache.misses - before <= 4
        prompts = [str(o.prompt) for o in option_list.options if o.id is not None]
        assert prompts[2].startswith("▸ ") and prompts[1].startswith("  ")
        assert sum(p.startswith("▸ ") for p in prompts) == 1


async def test_a_cursor_move_lays_the_screen_out_once(make_app):
    """Issue 17: a move laid the screen out twice (the detail's parts, finding their new
    heights in the first layout, asked for a second) and drew the highlight in a frame of
    its own before the detail's. Now: one layout a key, the detail changed with it."""
    app = make_app()
    order = in_order(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "j")
        await pilot.pause()
        screen = app.screen
        layouts = counted_layouts(screen)
        for n in range(2, 8):
            layouts.clear()
            await pilot.press("j")
            await pilot.pause()
            assert_detail_is(app, order[n])
            assert len(layouts) <= 1, n


async def test_a_cursor_move_lays_nothing_out_and_the_detail_scrolls_to_its_words(make_app):
    """Issue 17: the detail's parts took new heights at each move, so every key laid the
    whole screen out once (and drew it). Now the words take a fixed height and the pane
    scrolls only as far as they go: a move repaints the pane and lays nothing out, and
    scrolling the detail still ends on its last line, whatever the exercise."""
    from neurocoach.tui.widgets.exercise_detail import DetailBody

    app = make_app()
    order = in_order(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "j")
        await pilot.pause()
        screen = app.screen
        layouts = counted_layouts(screen)
        pane = screen.query_one(ExerciseDetail)
        body = screen.query_one(DetailBody)
        for n in range(2, 12):
            await pilot.press("j")
            await pilot.pause()
            assert_detail_is(app, order[n])
            lines = body.wrapped(body.size.width)
            assert pane.max_scroll_y == 6 + len(lines) - pane.scrollable_content_region.height
        assert layouts == []
        pane.scroll_end(animate=False)
        await pilot.pause()
        last = str(body.wrapped(body.size.width)[-1]).strip()
        bottom = _rows(app)[pane.region.bottom - 2]  # the pane's last row, above its border
        assert last and last in bottom, (last, bottom)


def _rows(app) -> list[str]:
    """The screen as the person sees it, one string per row."""
    import io

    from rich.console import Console

    console = Console(width=80, height=24, record=True, file=io.StringIO())
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text().splitlines()


def counted_lines(widget) -> list[int]:
    """The lines the screen asks this widget to draw from now on (cleared by the caller)."""
    asked: list[int] = []
    render_line = widget.render_line

    def counted(y):
        asked.append(y)
        return render_line(y)

    widget.render_line = counted
    return asked


async def test_a_cursor_move_repaints_only_the_two_list_lines_it_changes(make_app):
    """Issue 17: the highlight moving (and the ▸ mark with it) repainted every line the
    list shows, 20 at 80×24. Now only the line left and the line reached are drawn again,
    and the person sees the mark and the highlight move."""
    app = make_app()
    order = in_order(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "j")
        await pilot.pause()
        option_list = app.screen.query_one("#exercise-list", OptionList)
        asked = counted_lines(option_list)
        for n in range(2, 5):
            asked.clear()
            await pilot.press("j")
            await pilot.pause()
            drawn = sorted(asked)  # before the whole screen is drawn below to read it
            assert_detail_is(app, order[n])
            x, top, width, height = option_list.content_region
            shown = [row[x:x + width].strip() for row in _rows(app)[top:top + height]]
            was, now = shown.index(order[n - 1].name), shown.index(f"▸ {order[n].name}")
            assert drawn == [was, now], (drawn, shown)
            assert option_list.get_option_index(order[n].id) == option_list.highlighted


async def test_a_cursor_move_draws_nothing_new_the_details_were_drawn_ahead(
        make_app, monkeypatch):
    """Issue 17: each move drew all of the detail's words (about 35 lines at 80×24) to
    show the 13 on screen, and the figure afresh. Now, once the Library is on screen, the
    listed exercises' details are made and drawn ahead, each only as far as the pane shows:
    a cursor move to an exercise not shown yet wraps and draws nothing, and the figure is
    not drawn again."""
    from neurocoach.tui.widgets import figure
    from neurocoach.tui.widgets.exercise_detail import DetailBody

    figures: list[int] = []
    draw = figure.draw

    def drawn_figure(*args):
        figures.append(args[1])
        return draw(*args)

    monkeypatch.setattr(figure, "draw", drawn_figure)
    monkeypatch.setattr(figure, "_DRAWN", {})  # drawn by tests before: drawn afresh here
    monkeypatch.setattr(figure, "_STRIPS", {})

    from textual.content import Content

    rendered: list[Content] = []
    render_segments = Content.render_segments
    wrapped: list[Content] = []
    wrap = Content.wrap

    def counted(self, *args, **kwargs):
        rendered.append(self)
        return render_segments(self, *args, **kwargs)

    def counted_wrap(self, *args, **kwargs):
        wrapped.append(self)
        return wrap(self, *args, **kwargs)

    monkeypatch.setattr(Content, "render_segments", counted)
    monkeypatch.setattr(Content, "wrap", counted_wrap)

    app = make_app()
    order = in_order(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        body = app.screen.query_one(DetailBody)
        pane = app.screen.query_one(ExerciseDetail)
        on_screen = pane.scrollable_content_region.bottom - body.region.y
        # Drawn ahead: every listed exercise, no more lines of each than the pane shows.
        assert len(set(figures)) and len(body._kept) == len(order)
        assert len(rendered) <= len(order) * (on_screen + len(pane.query_one(
            figure.ExerciseFigure)._rows())) + on_screen
        rendered.clear(), wrapped.clear(), figures.clear()
        for key in "jjjk":  # to exercises never shown, and back to one
            await pilot.press(key)
            await pilot.pause()
        assert_detail_is(app, order[2])
        assert len(body.wrapped(body.size.width)) > on_screen  # more words than shown
        assert (rendered, wrapped, figures) == ([], [], [])
        assert order[2].name in "\n".join(_rows(app))


async def test_a_cursor_move_repaints_only_the_scrollbar_rows_that_change(make_app):
    """Issue 17: the detail's scrollbar (19 rows at 80×24) was drawn again whole at each
    move, its thumb taking the new exercise's length. Now only the rows whose look changes
    are, and the bar is the one a full repaint draws."""
    app = make_app()
    order = in_order(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "j")
        await pilot.pause()
        pane = app.screen.query_one(ExerciseDetail)
        bar = pane.vertical_scrollbar
        asked = counted_lines(bar)
        column = bar.region.x
        for n in range(2, 8):
            asked.clear()
            await pilot.press("j")
            await pilot.pause()
            assert_detail_is(app, order[n])
            assert len(asked) < bar.size.height, asked
            shown = _column(app, column)
            bar.refresh()
            assert shown == _column(app, column)
            await pilot.pause()  # the whole bar drawn again for that refresh, not for j


def _column(app, x: int) -> list[list[tuple[str, str]]]:
    """One column of the screen, top to bottom: each cell's text and style."""
    return [[(seg.text, str(seg.style)) for seg in strip.crop(x, x + 1)]
            for strip in app.screen._compositor.render_strips()]
