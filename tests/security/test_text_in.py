"""Control characters are refused where text comes in, naming the field; the coach's own
notices stay readable."""

from __future__ import annotations

import pytest

from neurocoach.domain.models import Checkin
from tests.cli.helpers import one_line_error
from tests.cli.test_plan_cli import GOOD
from tests.security.helpers import run


def test_a_note_with_control_characters_is_refused(tmp_path):
    db = tmp_path / "x.db"
    result = run("checkin", "--pain", "3", "--note", "fine\x1b]0;pwned\x07", db=db)
    one_line_error(result, "--note", "control characters", "\\x1b")
    assert "\x1b" not in result.stderr


@pytest.mark.parametrize("where, before, after", [
    ("plan note", 'note = "Stop the walking', 'note = "Stop\\u001b]0;x\\u0007 the walking'),
    ("exercise name", 'name = "Sit to stand"', 'name = "Sit\\u001b[2J to stand"'),
    ("exercise step", '"Sit near the front', '"Sit\\u009b near the front'),
])
def test_a_plan_file_with_control_characters_is_refused_naming_the_field(
        tmp_path, where, before, after):
    db = tmp_path / "x.db"
    plan = tmp_path / "plan.toml"
    assert before in GOOD
    plan.write_text(GOOD.replace(before, after), encoding="utf-8")
    result = run("plan", "import", "--yes", plan, db=db)
    one_line_error(result, "control characters")
    assert "\x1b" not in result.stderr and "\x9b" not in result.stderr


def test_the_store_keeps_no_control_character_whoever_writes(store, clock):
    store.record_checkin(Checkin(day=clock.today(), pain=1, note="a\x1b[31mb\x07c"), clock.now())
    assert store.checkin_for(clock.today()).note == "a[31mbc"


async def test_ctrl_c_says_which_key_quits_in_plain_words(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        shown = [str(n.message) for n in app._notifications]
        assert any("ctrl+q" in m or "q to quit" in m for m in shown), shown
        assert not any("[b]" in m for m in shown), shown
