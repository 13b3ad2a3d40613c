"""Found by QA on main in round 6 and left open then: each test fails without its fix."""

from __future__ import annotations

import pytest

from neurocoach.tui.widgets.countdown import Countdown


@pytest.fixture(autouse=True)
def manual_timer(monkeypatch):
    monkeypatch.setattr(Countdown, "auto_tick", False)


def screen_rows(app) -> list[str]:
    """What the terminal shows, row by row."""
    return ["".join(seg.text for seg in strip).rstrip()
            for strip in app.screen._compositor.render_strips()]


async def press_each(pilot, *keys: str) -> None:
    """Each key, and the screen settled after it."""
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


def inside(rows: list[str]) -> list[str]:
    """The rows of a dialog's box, without its border and scrollbar, indents kept."""
    return [row[row.index("║") + 1:row.rindex("║")].rstrip("▁▂▃▄▅▆▇█ ")[1:]
            for row in rows if row.count("║") == 2]


async def test_the_stop_dialog_at_40x12_wraps_under_each_symptom_and_scrolls_to_the_end(
        make_app):
    """At 40×12 the symptoms' wrapped words started at the dialog's edge, under the
    numbers, and the last symptom and "Everything you have done so far is saved." were cut
    off, out of reach. Now each wraps under its own words, and the arrows bring the rest
    into view."""
    from neurocoach.coach.safety import STOP_REASONS

    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await press_each(pilot, "enter", "x")  # the session, then stop
        reasons = app.screen.reasons
        seen = inside(screen_rows(app))
        for _ in range(12):
            await pilot.press("down")
            await pilot.pause()
            seen += inside(screen_rows(app))
        numbered = [row.strip() for row in seen if row.strip()[:1].isdigit()]
        assert len({row[0] for row in numbered}) == len(reasons) >= len(STOP_REASONS)
        # A wrapped symptom's second line starts under its words, never at the edge.
        words = "\n".join(seen)
        assert "Dizziness or feeling" in words and "light-headed" in words
        for row in seen:
            if "light-headed" in row or "or leg" in row:
                assert row.startswith("     "), row
        assert any("Everything you have done so far is" in row for row in seen)
        await pilot.press("1")  # the keys still pick
        await pilot.pause()
        assert app.screen.__class__.__name__ != "StopScreen"


@pytest.mark.parametrize("size", [(40, 12), (80, 24)])
async def test_a_check_in_scale_never_breaks_under_its_label(make_app, size):
    """At 40×12 "Pain [..........] -- / 10" did not fit: "10" went to the next line at the
    dialog's edge, and "(optional)" after it. Now the value is written closer (and
    narrower still, without the bar), and a hint goes under the bar, lined up with it;
    at 80×24 the row is as before."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await press_each(pilot, "c", "3")
        rows = inside(screen_rows(app))
        pain = next(row for row in rows if "Pain" in row)
        assert "3" in pain and "10" in pain
        assert not any(row.strip() in ("10", "/ 10", "10  (optional)") for row in rows)
        numbness = rows.index(next(row for row in rows if "Numbness" in row))
        if size == (80, 24):
            assert rows[numbness].endswith("-- / 10  (optional)")
            assert "[###.......]  3 / 10" in pain
        else:
            assert rows[numbness + 1].strip() == "(optional)"
            label_column = rows[numbness].index("[")
            assert rows[numbness + 1].index("(") == label_column


@pytest.mark.parametrize("size", [(80, 24), (40, 12)])
async def test_help_has_its_own_footer_not_the_keys_of_the_screen_beneath(make_app, size):
    """Over the Library, help's bottom row read "/ Find  f Category  ? Help  q Quit": the
    Library's keys, which do nothing while help is open. Now it says how to close help."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await press_each(pilot, "l", "question_mark")
        bottom = screen_rows(app)[-1]
        assert "Close help" in bottom
        assert "Find" not in bottom and "Category" not in bottom
        await pilot.press("escape")
        await pilot.pause()
        assert "Find" in screen_rows(app)[-1]


async def test_today_says_what_is_left_of_a_session_it_resumes(make_app, store):
    """Half a session done and left: Today said "enter resumes at step 7 of 13 · About 16
    minutes", the whole session's length, beside a plan that said 24 for a fresh one. Now
    it says how long the steps not done yet take."""
    import re

    from neurocoach.coach.session import steps_seconds

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        whole = int(re.search(r"About (\d+) minutes", text(app, "#today-meta")).group(1))
        await pilot.press("enter")
        await pilot.pause()
        for _ in range(6):
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        meta = text(app, "#today-meta")
        record = store.latest_session()
        assert f"enter resumes at step {record.next_index + 1} of" in meta
        left = int(re.search(r"About (\d+) minutes? left", meta).group(1))
        seconds = steps_seconds(record.steps[record.next_index:], app.catalog)
        assert left == max(1, round(seconds / 60)) < whole, meta


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())
