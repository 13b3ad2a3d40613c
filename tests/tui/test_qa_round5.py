"""Found by QA on main in round 4 and left open: each test fails without its fix."""

from __future__ import annotations

import pytest

from neurocoach.tui.widgets.countdown import Countdown


@pytest.fixture(autouse=True)
def manual_timer(monkeypatch):
    monkeypatch.setattr(Countdown, "auto_tick", False)


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def footer_words(app) -> list[str]:
    return [b.binding.description for b in app.screen.active_bindings.values()
            if b.binding.show]


async def test_today_footer_says_resume_when_enter_resumes(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Start" in footer_words(app) and "Resume" not in footer_words(app)
        await pilot.press("enter", "enter", "escape")        # one step done, then away
        await pilot.pause()
        assert "enter resumes at step 2" in text(app, "#today-meta")
        assert "Resume" in footer_words(app) and "Start" not in footer_words(app)
        await pilot.press("enter")                          # and enter does resume
        assert app.screen.record.id == store.latest_session().id
        assert text(app, "#step-count").startswith("Step 2 of")
