"""`neurocoach serve` driven as a browser drives it: textual-serve's websocket (resize,
keys), and files the app writes reaching the browser as downloads."""

from __future__ import annotations

import datetime as dt
import json

import aiohttp
import pytest

from neurocoach.store import Store
from tests.web.browser import Tab, browser

pytestmark = pytest.mark.asyncio

ESC, ENTER, CTRL_P, CTRL_S = "\x1b", "\r", "\x10", "\x13"


async def test_first_run_in_a_browser_escape_resize_and_quit(serve, tmp_path):
    address = serve(tmp_path / "nc.db")
    async with browser() as session:
        tab = await Tab(session, address).open()
        await tab.wait_for("Welcome to neurocoach")
        await tab.press(ESC)  # a lone escape reaches the app: defaults, then Today
        await tab.wait_for("Check-in: not done yet")
        await tab.resize(120, 30)
        await tab.wait_for("Check-in: not done yet")  # painted again at the new size
        await tab.press("q")
        await tab.wait_closed()
    store = Store.open(tmp_path / "nc.db")
    try:
        assert store.welcomed()
    finally:
        store.close()


async def test_the_report_and_the_plan_reach_the_browser_as_downloads(serve, tmp_path):
    address = serve(tmp_path / "nc.db")
    home = tmp_path / "home"
    async with browser() as session:
        tab = await Tab(session, address).open()
        await tab.wait_for("Welcome to neurocoach")
        await tab.press(ESC)
        await tab.wait_for("Check-in: not done yet")
        await tab.press("p")
        await tab.wait_for("Adherence")
        await tab.press("o")
        today = dt.date.today().isoformat()
        await tab.wait_for("A report for your clinician", "enter sends it to your browser")
        await tab.press(ENTER)
        disposition, body = await tab.download(await tab.wait_for_delivery())
        assert disposition == f"attachment; filename=neurocoach-report-{today}.html"
        assert body.startswith(b"<!DOCTYPE html>") or b"<html" in body[:200]
        await tab.wait_for("on its way to your browser")

        await tab.press("t")
        await tab.wait_for("Check-in: not done yet")
        await tab.press("m")
        await tab.wait_for("Your plan:")  # the plan's own line ("Plan" was Today's footer)
        await tab.press("o")
        await tab.wait_for("Export your plan")
        await tab.press(ENTER)
        disposition, body = await tab.download(await tab.wait_for_delivery())
        assert disposition == "attachment; filename=neurocoach-plan.toml"
        assert b"days_per_week" in body

        await tab.press(ESC)  # leave the plan: a line of Today it covered is seen again
        await tab.wait_for("enter to start")
        await tab.press(CTRL_P)
        await tab.wait_for("Search for commands")
        await tab.press(*"export all")
        await tab.wait_for("Export all my data (JSON)")
        await tab.press(ENTER)
        await tab.wait_for("Export all your data")
        await tab.press(ENTER)
        disposition, body = await tab.download(await tab.wait_for_delivery())
        assert disposition == f"attachment; filename=neurocoach-export-{today}.json"
        assert json.loads(body)["format"] == "neurocoach-export"
        await tab.close()
    # Nothing was written on the server's side.
    assert not list(home.rglob("neurocoach-*")) if home.exists() else True


async def test_palette_help_and_the_mode_keys_work_in_a_browser(serve, tmp_path):
    address = serve(tmp_path / "nc.db")
    async with browser() as session:
        tab = await Tab(session, address).open()
        await tab.wait_for("Welcome to neurocoach")
        await tab.press(ESC)
        await tab.wait_for("Check-in: not done yet")
        await tab.press(CTRL_P)
        await tab.wait_for("Search for commands")
        await tab.press(ESC)  # a line the palette covered is seen again: it is gone
        await tab.wait_for("No check-in yet today")
        await tab.press("l")
        await tab.wait_for("STRETCHING (4)", "/ Find")
        await tab.press("?")
        await tab.wait_for("Keys you can use here")
        await tab.press(ESC)
        await tab.wait_for("STRETCHING (4)", "Towel toe curls")
        await tab.press("p")
        await tab.wait_for("Adherence")
        await tab.press("t")
        await tab.wait_for("Check-in: not done yet")
        await tab.close()


async def test_two_tabs_at_once_both_save_to_the_one_database(serve, tmp_path):
    db = tmp_path / "nc.db"
    address = serve(db)
    async with browser() as session:
        first = await Tab(session, address).open()
        await first.wait_for("Welcome to neurocoach")
        await first.press(ESC)
        await first.wait_for("Check-in: not done yet")
        second = await Tab(session, address).open()
        await second.wait_for("Check-in: not done yet")  # already welcomed by the first

        await first.press("c")
        await first.wait_for("Daily check-in")
        await first.press("3")
        await first.wait_for("3 / 10")
        await first.press(CTRL_S)
        await first.wait_for("Please answer the foot question")
        await first.press("1", CTRL_S)  # looked at both feet: fine
        await first.wait_for("Check-in: done — pain 3/10")
        await second.press("c")
        await second.wait_for("Daily check-in")
        await second.press("5")
        await second.wait_for("5 / 10")
        await second.press(CTRL_S)  # the foot answer is the first tab's, read from the file
        await second.wait_for("Check-in: done — pain 5/10")
        await first.press("q")
        await second.press("q")
        await first.wait_closed()
        await second.wait_closed()
    store = Store.open(db)
    try:
        assert store.checkin_for(dt.date.today()).pain == 5
    finally:
        store.close()


async def test_without_its_key_nothing_is_served(serve, tmp_path):
    address = serve(tmp_path / "nc.db")
    base = address.split("/?", 1)[0]
    async with browser() as session:  # a stranger: the port, but not the key
        for path in ("/", "/?key=guess", "/download/abc"):
            async with session.get(base + path) as response:
                assert response.status == 403
                assert "needs its key" in await response.text()
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await session.ws_connect(f"{base}/ws?width=80&height=24")
        assert refused.value.status == 403
        # Holding the key, but the page of another site: refused by its Origin.
        async with session.get(address) as page:
            assert page.status == 200
        with pytest.raises(aiohttp.WSServerHandshakeError):
            await session.ws_connect(f"{base}/ws", headers={"Origin": "http://evil.example"})
        tab = await Tab(session, address).open()  # the address printed works
        await tab.wait_for("Welcome to neurocoach")
        await tab.close()
    key = address.split("?key=", 1)[1]
    kept = tmp_path / "config" / "serve.key"
    assert kept.read_text().strip() == key and oct(kept.stat().st_mode)[-3:] == "600"
    assert serve(tmp_path / "nc.db").endswith(key)  # the same key next time: a bookmark works


async def test_the_session_keys_work_in_a_browser(serve, tmp_path):
    address = serve(tmp_path / "nc.db")
    async with browser() as session:
        tab = await Tab(session, address).open()
        await tab.wait_for("Welcome to neurocoach")
        await tab.press(ESC)
        await tab.wait_for("Check-in: not done yet")
        # Whatever the routine holds: the step counter, the amount and the timer's words.
        await tab.press(ENTER)
        steps = (await tab.wait_for_pattern(r"Step 1 of (\d+)")).group(1)
        dose = r"(\d+) (?:seconds|times|minutes) \(\+ / - to change\)"
        first = int((await tab.wait_for_pattern(dose)).group(1))
        await tab.press("+")
        await tab.wait_for_pattern(dose, until=lambda m: int(m.group(1)) > first)
        await tab.press("-")
        await tab.wait_for_pattern(dose, until=lambda m: int(m.group(1)) == first)
        for key, shown in [(" ", r"timer running|no timer"), (" ", r"timer paused|no timer"),
                           ("s", rf"Step 2 of {steps}"), ("b", rf"Step 1 of {steps}"),
                           ("x", r"Stop the session\. What is happening\?"),
                           (ESC, r" 1\. [A-Z]"),  # a line the dialog covered, seen again
                           (ESC, rf"enter resumes at step 1 of {steps}")]:
            await tab.press(key)
            await tab.wait_for_pattern(shown)
        await tab.close()
