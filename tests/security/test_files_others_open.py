"""Files others open: CSV cells a spreadsheet would run are neutralised, the Markdown
report cannot be made to grow a heading, a table or HTML, and a plan file written by a real
TOML writer reads back exactly, whatever its text holds."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from neurocoach.catalog import load_catalog
from neurocoach.coach.plan import Plan
from neurocoach.coach.plan_file import parse_plan
from neurocoach.coach.plan_render import render_plan
from neurocoach.domain.models import Checkin
from tests.security.helpers import run

CATALOG = load_catalog()


@pytest.mark.parametrize("note", [
    'quotes " and \\ and """ and \'\'\'',
    "two\nlines\tand a tab",
    "é ü 🦶 \u2028 and\u00a0nbsp",
    "# not a comment ]] [[exercise]]",
])
def test_every_plan_note_reads_back_exactly(note):
    plan = Plan(("towel-curls", "walking"), 5, (2, 6), 15, note)
    text = render_plan(plan, CATALOG)
    assert parse_plan(text, "p.toml", CATALOG, plan).plan.note == note


@pytest.mark.parametrize("formula", ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)"])
def test_csv_cells_a_spreadsheet_would_run_are_neutralised(tmp_path, store, clock, formula):
    store.record_checkin(Checkin(day=clock.today(), pain=2, note=formula), clock.now())
    store.close()
    out = tmp_path / "csv"
    result = run("export", "--format", "csv", "--out", f"{out}/", db=store.path)
    assert result.returncode == 0, result
    rows = list(csv.DictReader(io.StringIO((out / "checkins.csv").read_text())))
    cell = rows[0]["note"]
    assert cell.startswith("'") and cell[1:] == formula


def test_the_markdown_report_cannot_be_forged(tmp_path, store, clock):
    note = "ok\n# Doctor's orders\n| a | b | c |\n|---|---|---|\n<img src=x onerror=alert(1)> [x](javascript:1)"
    store.record_checkin(Checkin(day=clock.today() - dt.timedelta(days=1), pain=2, note=note),
                         clock.now())
    store.close()
    result = run("report", db=store.path)
    assert result.returncode == 0, result
    lines = result.stdout.splitlines()
    assert not any(line.startswith("# Doctor") for line in lines)
    assert "<img" not in result.stdout
    assert "[x](javascript" not in result.stdout
    assert not any(line.startswith(("| a | b", "|---|---|---|\n")) for line in lines)
