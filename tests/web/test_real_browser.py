"""`neurocoach serve` in a real browser (headless Chromium through Selenium), where the
machine has one: the keys go through xterm.js exactly as a person's do — escape, ctrl+p,
the mode keys — and files arrive in the browser's download folder.

What the page paints is read from its websocket (a wrapper installed before the page's
own script): xterm.js draws on a canvas, with no text to read in the page."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import time
from pathlib import Path

import pytest

from tests.web.browser import ANSI

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"

LISTEN = r"""
(() => {
  const Real = window.WebSocket, decoder = new TextDecoder();
  window.__painted = "";
  window.WebSocket = function (url, protocols) {
    const ws = protocols === undefined ? new Real(url) : new Real(url, protocols);
    ws.addEventListener("message", (event) => {
      if (typeof event.data !== "string") {
        window.__painted += decoder.decode(event.data, {stream: true});
      }
    });
    return ws;
  };
  window.WebSocket.prototype = Real.prototype;
  Object.assign(window.WebSocket, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
})();
"""


@pytest.fixture
def chromium(tmp_path):
    webdriver = pytest.importorskip("selenium.webdriver", reason="needs selenium")
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        pytest.skip("no Chromium here (apt-get install chromium chromium-driver)")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-popup-blocking",
                 f"--user-data-dir={tmp_path / 'chromium-profile'}",
                 "--window-size=1000,700"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                           {"behavior": "allow", "downloadPath": str(downloads)})
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": LISTEN})
    driver.downloads = downloads
    yield driver
    driver.quit()


class Page:
    def __init__(self, driver) -> None:
        self.driver, self.seen = driver, ""

    def press(self, *keys: str) -> None:
        from selenium.webdriver.common.action_chains import ActionChains

        self.seen = ""
        chain = ActionChains(self.driver)
        for key in keys:
            if key.startswith("ctrl+"):
                from selenium.webdriver.common.keys import Keys

                chain.key_down(Keys.CONTROL).send_keys(key[5:]).key_up(Keys.CONTROL)
            else:
                chain.send_keys(key)
        chain.perform()

    def wait_for(self, *texts: str, timeout: float = 30) -> None:
        end = time.monotonic() + timeout
        while True:
            chunk = self.driver.execute_script(
                "const t = window.__painted; window.__painted = ''; return t;")
            self.seen += ANSI.sub("", chunk or "")
            if all(t in self.seen for t in texts):
                return
            assert time.monotonic() < end, f"never painted {texts!r}: {self.seen[-800:]!r}"
            time.sleep(0.05)  # polling the page for what it painted


def wait_for_file(folder: Path, pattern: str, timeout: float = 30) -> Path:
    end = time.monotonic() + timeout
    while True:
        done = [p for p in folder.iterdir() if re.fullmatch(pattern, p.name)]
        if done:
            return done[0]
        assert time.monotonic() < end, f"no {pattern} in {sorted(folder.iterdir())}"
        time.sleep(0.05)


def test_a_real_browser_escape_ctrl_p_keys_and_downloads(chromium, serve, tmp_path):
    from selenium.webdriver.common.keys import Keys

    address = serve(tmp_path / "nc.db")
    chromium.get(address)
    page = Page(chromium)
    page.wait_for("Welcome to neurocoach")
    chromium.find_element("css selector", ".xterm-screen").click()  # focus the terminal
    page.press(Keys.ESCAPE)
    page.wait_for("Check-in: not done yet")
    page.press("p")
    page.wait_for("Adherence")
    page.press("o")
    page.wait_for("A report for your clinician")
    page.press(Keys.ENTER)
    today = dt.date.today().isoformat()
    report = wait_for_file(chromium.downloads, rf"neurocoach-report-{today}\.html")
    assert "<html" in report.read_text()[:300]

    page.press("t")
    page.wait_for("Check-in: not done yet")
    page.press("ctrl+p")
    page.wait_for("Search for commands")
    page.press("export all")
    page.wait_for("Export all my data (JSON)")
    page.press(Keys.ENTER)
    page.wait_for("Export all your data")
    page.press(Keys.ENTER)
    export = wait_for_file(chromium.downloads, rf"neurocoach-export-{today}\.json")
    assert json.loads(export.read_text())["format"] == "neurocoach-export"

    page.press("l")
    page.wait_for("STRETCHING (4)")
    page.press("?")
    page.wait_for("Keys you can use here")
    page.press(Keys.ESCAPE)
    page.wait_for("STRETCHING (4)", "Towel toe curls")
