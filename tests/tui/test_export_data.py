"""All the person's data, exported from the palette: the same JSON file as `neurocoach
export --format json`, private, that `import` reads back."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from textual.command import CommandList

from neurocoach.domain.models import Checkin
from neurocoach.tui.screens.export_data import ExportDataScreen


async def test_export_all_data_from_the_palette(make_app, store, clock):
    home = Path.home()
    home.mkdir(parents=True, exist_ok=True)
    store.record_checkin(Checkin(day=clock.today(), pain=4, feet="ok", note="fine"),
                         clock.now())
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p", *"export all")
        found = app.screen.query_one(CommandList)
        for _ in range(200):  # the palette searches in the background: wait for the hit
            if found.option_count and "Export all my data" in str(
                    found.get_option_at_index(0).prompt):
                break
            await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportDataScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDataScreen)
    written = home / "neurocoach-export-2026-11-23.json"
    doc = json.loads(written.read_text())
    assert doc["format"] == "neurocoach-export"
    assert [(c["date"], c["pain"], c["note"]) for c in doc["checkins"]] == [
        ("2026-11-23", 4, "fine")]
    assert stat.S_IMODE(written.stat().st_mode) == 0o600


async def test_in_a_browser_the_file_is_delivered_under_a_plain_name(make_app, monkeypatch):
    from textual.widgets import Input

    from neurocoach.tui.app import NeurocoachApp

    monkeypatch.setattr(NeurocoachApp, "is_web", property(lambda self: True))
    sent = []
    monkeypatch.setattr(NeurocoachApp, "deliver_text",
                        lambda self, f, **kw: sent.append((kw["save_filename"], f.read())))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ExportDataScreen())
        await pilot.pause()
        field = app.screen.query_one("#save-path", Input)
        assert field.value == "neurocoach-export-2026-11-23.json"  # no server folder shown
        field.value = "/srv/../my data; for Dr. Lee.json"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDataScreen)
    (name, text), = sent
    assert name == "my-data-for-Dr.-Lee.json"
    assert json.loads(text)["format"] == "neurocoach-export"
    assert not list(Path.home().glob("*.json")) if Path.home().exists() else True
