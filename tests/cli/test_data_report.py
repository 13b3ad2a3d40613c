"""The clinician report: every section for known data, Markdown and self-contained HTML."""

from __future__ import annotations

import datetime as dt
import re
import stat
import subprocess
import sys

import pytest
from click.testing import CliRunner

from neurocoach.catalog import load_catalog
from neurocoach.services.demo import generate_history
from neurocoach.domain.models import Checkin, Entry, Profile, Step
from neurocoach.export.document import export_document
from neurocoach.report.build import render
from neurocoach.store import Store

SECTIONS = ("Period covered", "Adherence", "Symptoms", "Balance", "Foot checks", "Safety stops",
            "Current plan", "Notes")


def at(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), dt.timezone.utc)


def session(store, day, statuses, reason=None, ratings=()):
    steps = [Step("toe-stretch", side="left", seconds=30), Step("toe-stretch", side="right",
                                                                  seconds=30)]
    record = store.start_session(day, steps, at(day))
    for i, status in enumerate(statuses):
        store.log_entry(record.id, Entry(step_index=i, exercise_id="toe-stretch", status=status,
                                         side=steps[i].side,
                                         seconds=30 if status == "done" else None,
                                         logged_at=at(day).isoformat()))
    for i, rating in enumerate(ratings):
        store.rate_entry(record.id, i, rating)
    store.finish_session(record.id, at(day) + dt.timedelta(minutes=10), reason)


@pytest.fixture
def known(store, clock):
    """Four weeks to Monday 2026-11-23: pain 6 → 3, steady numbness, burning 4 → 5."""
    today = clock.today()
    store.save_profile(Profile(birth_year=1958, rest_days=(2, 6)), clock.now())
    for n in range(28):
        day = today - dt.timedelta(days=27 - n)
        late = n >= 14
        store.record_checkin(Checkin(
            day=day, pain=3 if late else 6, numbness=5, burning=5 if late else 4,
            feet="sore" if n == 20 else "ok",
            note={20: "Blister <left> heel | small", 25: "Felt steadier"}.get(n, "")), at(day, 8))
    for n in range(14):  # every training day of the last two weeks
        day = today - dt.timedelta(days=14 - n)
        if day.weekday() not in (2, 6):
            session(store, day, ["done", "done"], ratings=(2, 3))
    session(store, dt.date(2026, 11, 18), ["done", "skipped"])  # a Wednesday: a rest day
    session(store, dt.date(2026, 11, 13), ["done"], reason="dizzy")
    store.record_balance_test(dt.date(2026, 10, 28), {"left": 10.0, "right": 12.0}, clock.now())
    store.record_balance_test(dt.date(2026, 11, 20), {"left": 20.0, "right": 30.0}, clock.now())
    return store


def test_every_section_for_known_data(known, clock):
    text = render(export_document(known, load_catalog(), clock.now()), load_catalog(),
                  clock.today(), days=28)
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    assert headings == list(SECTIONS)
    assert text.startswith("# neurocoach report: Tue 27 Oct 2026 to Mon 23 Nov 2026")
    assert "From Tue 27 Oct 2026 to Mon 23 Nov 2026: a month (28 days)." in text
    assert "Age: 68 (born 1958)" in text
    # Adherence: 19 training days from Tue 27 Oct to Sun 22 Nov, 10 trained, one rest day.
    assert "Trained on 10 of 19 planned days (53 %), plus 1 rest day." in text
    assert "| Mon 16 Nov 2026 | 5 | 5 | 100 % | 1 |" in text
    assert "Steps done: 22; skipped: 1." in text
    assert "How the steps felt: 10 right, 10 hard." in text
    # Symptoms with the meaningful-change marks.
    # (coach.change: the first 7 days against the last 7, three weeks apart)
    first_week = "(Tue 27 Oct 2026 – Mon 2 Nov 2026)"
    assert (f"Pain: 6.0 {first_week} → 3.0 (last 7 days): -3.0 points, -50 % — "
            "**meaningful improvement**; validated for pain.") in text
    same = "the same threshold as for pain (validated for pain only)."
    assert (f"Numbness: 5.0 {first_week} → 5.0 (last 7 days): +0.0 points, +0 % — "
            f"no meaningful change; {same}") in text
    assert (f"Burning: 4.0 {first_week} → 5.0 (last 7 days): +1.0 points, +25 % — "
            f"no meaningful change; {same}") in text
    assert "Tingling: not enough scores to compare yet" in text
    # Balance against the norm for 60–69.
    assert "Typical for age 60–69: about 27 s" in text
    assert "Left: 10.0 s at first, 20.0 s at the latest test: below typical." in text
    assert "Right: 12.0 s at first, 30.0 s at the latest test: at or above typical." in text
    # Feet, stops, plan, notes.
    assert "- A skin problem (blister, cut, wound, red spot): 1 day" in text
    assert "| Mon 16 Nov 2026 | Blister &lt;left&gt; heel \\| small |" in text
    assert "| Fri 13 Nov 2026 | Dizziness or feeling light-headed | 1 of 2 |" in text
    assert "Calf stretch at a wall" in text and "5 training days a week" in text
    assert "| Sat 21 Nov 2026 | Felt steadier |" in text


def test_html_is_one_self_contained_printable_page(known, clock):
    page = render(export_document(known, load_catalog(), clock.now()), load_catalog(),
                  clock.today(), days=28, as_html=True)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert re.findall(r"<h2>(.+?)</h2>", page) == list(SECTIONS)
    assert "<style>" in page and "@media print" in page
    assert not re.search(r"https?://|<script|<link|src=|@import|url\(", page, flags=re.I)
    assert "Blister &lt;left&gt; heel | small" in page  # the person's text is escaped
    assert "<strong>meaningful improvement</strong>" in page


def test_empty_db_still_reads_well(store, clock):
    text = render(export_document(store, load_catalog(), clock.now()), load_catalog(),
                  clock.today())
    assert re.findall(r"^## (.+)$", text, flags=re.M) == list(SECTIONS)
    assert "No check-ins, sessions or balance tests are recorded yet." in text
    assert "No balance tests in this period." in text
    assert "No session was stopped for a symptom." in text


def test_report_command_stdout_and_files(known, clock, db_path, tmp_path, monkeypatch):
    known.close()
    monkeypatch.setattr("neurocoach.clock.Clock", lambda: clock)
    from neurocoach.cli import cli

    runner = CliRunner()
    shown = runner.invoke(cli, ["--db", str(db_path), "report", "--days", "28"])
    assert shown.exit_code == 0, shown.output
    assert "## Safety stops" in shown.output
    out = tmp_path / "for-dr.HTML"
    made = runner.invoke(cli, ["--db", str(db_path), "report", "--days", "28", "--out", str(out)])
    assert made.exit_code == 0, made.output
    assert out.read_text().startswith("<!DOCTYPE html>")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    again = runner.invoke(cli, ["--db", str(db_path), "report", "--out", str(out)])
    assert again.exit_code == 2 and "--force" in again.output
    folder = tmp_path / "reports"
    folder.mkdir()
    assert runner.invoke(cli, ["--db", str(db_path), "report", "--out", str(folder)]).exit_code == 0
    (md,) = folder.iterdir()
    assert md.name == "neurocoach-report-2026-11-23.md" and md.read_text().startswith("# ")


def test_report_out_ending_in_slash_is_a_new_folder(known, clock, db_path, tmp_path,
                                                    monkeypatch):
    known.close()
    monkeypatch.setattr("neurocoach.clock.Clock", lambda: clock)
    from neurocoach.cli import cli

    folder = tmp_path / "for-dr"
    made = CliRunner().invoke(cli, ["--db", str(db_path), "report", "--out", f"{folder}/"])
    assert made.exit_code == 0, made.output
    assert folder.is_dir() and stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert [p.name for p in folder.iterdir()] == ["neurocoach-report-2026-11-23.md"]


@pytest.mark.parametrize("name, html", [("r.md", False), ("r.markdown", False), ("r.TXT", False),
                                        ("r.html", True), ("r.htm", True)])
def test_report_out_endings_pick_the_format(known, clock, db_path, tmp_path, monkeypatch,
                                            name, html):
    known.close()
    monkeypatch.setattr("neurocoach.clock.Clock", lambda: clock)
    from neurocoach.cli import cli

    out = tmp_path / name
    made = CliRunner().invoke(cli, ["--db", str(db_path), "report", "--out", str(out)])
    assert made.exit_code == 0, made.output
    assert out.read_text().startswith("<!DOCTYPE html>" if html else "# ")


@pytest.mark.parametrize("name", ["report.pdf", "report", "report.docx"])
def test_report_out_with_another_ending_is_refused(known, db_path, tmp_path, name):
    known.close()
    out = tmp_path / name
    result = subprocess.run([sys.executable, "-m", "neurocoach", "--db", str(db_path), "report",
                             "--out", str(out)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    for word in ("--out", ".md", ".markdown", ".txt", ".html", ".htm", name):
        assert word in line, line
    assert not out.exists() and not list(tmp_path.glob(".*.tmp"))


def test_report_as_a_user_would_run_it(db_path, tmp_path):
    store = Store.open(db_path)
    generate_history(store, load_catalog(), dt.date.today() - dt.timedelta(days=1), 90, seed=3)
    store.close()
    out = tmp_path / "report.html"
    result = subprocess.run([sys.executable, "-m", "neurocoach", "--db", str(db_path), "report",
                             "--out", str(out)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    page = out.read_text()
    assert re.findall(r"<h2>(.+?)</h2>", page) == list(SECTIONS)
    assert not re.search(r"https?://|<script|src=", page, flags=re.I)
    missing = subprocess.run([sys.executable, "-m", "neurocoach", "--db",
                              str(tmp_path / "none.db"), "report"],
                             capture_output=True, text=True, timeout=60)
    assert missing.returncode == 2 and "no neurocoach database" in missing.stderr
    assert not (tmp_path / "none.db").exists()
