"""Files the person hands on, written from the app: the report (Progress, o) and the plan
(Plan, o). Private, whole, never replacing a file without a second enter."""

from __future__ import annotations

import stat
from pathlib import Path

from textual.widgets import Input

from neurocoach.tui.screens.plan import PlanScreen
from neurocoach.tui.screens.progress import ProgressScreen
from neurocoach.tui.screens.progress_report import ReportScreen
from neurocoach.tui.screens.plan_dialogs import ExportPlanScreen


def said(app) -> str:
    return str(app.screen.query_one("#save-message").render())


async def settled(pilot) -> None:
    """The report is written in a worker: wait for it, then for what it says."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_path(pilot, path) -> None:
    field = pilot.app.screen.query_one("#save-path", Input)
    field.value = str(path)
    field.focus()
    await pilot.press("enter")
    await settled(pilot)


async def test_report_from_progress_is_written_private_and_replaced_only_when_asked(
        make_app, tmp_path):
    home = Path.home()                                   # tests point HOME into tmp_path
    home.mkdir(parents=True, exist_ok=True)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "o")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        offered = app.screen.query_one("#save-path", Input).value
        assert offered == str(home / "neurocoach-report-2026-11-23.html")
        await pilot.press("enter")
        await settled(pilot)
        assert isinstance(app.screen, ProgressScreen)
        written = home / "neurocoach-report-2026-11-23.html"
        page = written.read_text()
        assert "<h2>Safety stops</h2>" in page and "<script" not in page
        assert stat.S_IMODE(written.stat().st_mode) == 0o600
        assert any(f"Report written to {written}." == n.message for n in app._notifications)

        written.write_text("an older report")
        await pilot.press("o", "enter")                  # there already: asks first
        await settled(pilot)
        assert "exists: enter again replaces it" in said(app)
        assert written.read_text() == "an older report"
        await pilot.press("enter")
        await settled(pilot)
        assert isinstance(app.screen, ProgressScreen)
        assert "<h2>Safety stops</h2>" in written.read_text()


async def test_report_as_markdown_into_a_folder_and_bad_names_refused(make_app, tmp_path):
    folder = tmp_path / "for-the-physio"
    folder.mkdir()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "o")
        await type_path(pilot, tmp_path / "report.pdf")
        assert "does not end in .html" in said(app)
        assert not (tmp_path / "report.pdf").exists()
        await type_path(pilot, tmp_path / "nowhere" / "report.html")
        assert "Cannot write" in said(app) and isinstance(app.screen, ReportScreen)
        await type_path(pilot, tmp_path / "report.md")
        assert (tmp_path / "report.md").read_text().startswith("# ")
        await pilot.press("o")
        await type_path(pilot, folder)                   # a folder: the dated name inside
        assert (folder / "neurocoach-report-2026-11-23.html").exists()
        await pilot.press("o", "escape")                 # escape writes nothing
        assert isinstance(app.screen, ProgressScreen)
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["report.md"]


async def test_plan_export_from_the_plan_screen_reads_back(make_app, store, tmp_path):
    from neurocoach.catalog import load_catalog
    from neurocoach.coach.plan_file import parse_plan
    from neurocoach.tui.app_calls import person_plan

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m", "o")
        await pilot.pause()
        assert isinstance(app.screen, ExportPlanScreen)
        target = tmp_path / "mine.toml"
        await type_path(pilot, target)
        assert isinstance(app.screen, PlanScreen)
        current = person_plan(app)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    again = parse_plan(target.read_text(), str(target), load_catalog(), current)
    assert again.plan.exercise_ids == current.exercise_ids


async def test_the_report_is_made_in_a_worker_and_the_dialog_stays_live(
        make_app, tmp_path, monkeypatch):
    import threading

    from neurocoach.tui.screens import progress_report

    made_on, go_on = [], threading.Event()
    real = progress_report.report_text

    def slow_report(store, *args, **kwargs):
        made_on.append((threading.get_ident(), store))
        go_on.wait(10)
        return real(store, *args, **kwargs)

    monkeypatch.setattr(progress_report, "report_text", slow_report)
    target = tmp_path / "for-the-gp.html"
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "o")
        field = app.screen.query_one("#save-path", Input)
        field.value = str(target)
        await pilot.press("enter", "x")                  # the box still takes keys
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen) and field.value.endswith("x")
        assert said(app) == "Writing the report…" and not target.exists()
        go_on.set()
        await settled(pilot)
        assert isinstance(app.screen, ProgressScreen)
        assert "<h2>Safety stops</h2>" in target.read_text()
        assert any(n.message == f"Report written to {target}." for n in app._notifications)
    # On the worker's thread, from a store connection of its own (not the App's).
    [(thread, store)] = made_on
    assert thread != threading.get_ident() and store is not app.store


async def test_a_report_that_cannot_be_made_says_why_in_one_line(make_app, tmp_path,
                                                                  monkeypatch):
    from neurocoach.store import StoreError
    from neurocoach.tui.screens import progress_report

    def locked(*args, **kwargs):
        raise StoreError("cannot use neurocoach.db: database is locked.")

    monkeypatch.setattr(progress_report, "report_text", locked)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "o")
        await type_path(pilot, tmp_path / "report.html")
        assert isinstance(app.screen, ReportScreen) and app.is_running
        assert said(app) == ("The report could not be made: cannot use neurocoach.db: "
                             "database is locked.")
    assert not (tmp_path / "report.html").exists()


async def test_a_folder_another_user_can_write_in_gets_no_report(make_app, tmp_path):
    # The shell refuses it (tests/security/test_places.py); the Progress dialog wrote there.
    folder = tmp_path / "open"
    folder.mkdir()
    folder.chmod(0o777)                                  # no sticky bit: others may swap
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "o")
        await pilot.pause()
        await type_path(pilot, folder / "report.html")
        assert isinstance(app.screen, ReportScreen)
        assert "other users can write in" in said(app)
    assert list(folder.iterdir()) == []
