"""The HTML report's charts: inline SVG that parses, one series per symptom, the meaningful
change shaded, adherence bars, balance against the norm; the Markdown keeps its tables."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

from neurocoach.catalog import load_catalog
from neurocoach.domain.models import Checkin, Entry, Profile, Step
from neurocoach.domain.models import SYMPTOMS
from neurocoach.export.document import export_document
from neurocoach.report.build import render


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(9), dt.timezone.utc)


def _four_weeks(store, clock):
    """Pain 6 → 3 (meaningful), numbness steady, tingling 4 → 4, burning 4 → 5; training
    on weekdays of the last fortnight; two balance tests."""
    today = clock.today()
    store.save_profile(Profile(birth_year=1958), clock.now())
    for n in range(28):
        day = today - dt.timedelta(days=27 - n)
        late = n >= 14
        store.record_checkin(Checkin(day=day, pain=3 if late else 6, numbness=5, tingling=4,
                                     burning=5 if late else 4, feet="ok"), _at(day))
        if late and day.weekday() < 5:
            record = store.start_session(day, [Step("toe-stretch", "left", seconds=30)],
                                         _at(day))
            store.log_entry(record.id, Entry(0, "toe-stretch", "done", "left", seconds=30))
    store.record_balance_test(today - dt.timedelta(days=20), {"left": 10.0, "right": 12.0},
                              clock.now())
    store.record_balance_test(today - dt.timedelta(days=2), {"left": 20.0, "right": 30.0},
                              clock.now())


def _svgs(page: str) -> list[ET.Element]:
    return [ET.fromstring(svg) for svg in re.findall(r"<svg\b.*?</svg>", page, flags=re.S)]


def test_the_html_report_draws_its_charts_as_svg_that_parses(store, clock):
    _four_weeks(store, clock)
    catalog = load_catalog()
    page = render(export_document(store, catalog, clock.now()), catalog, clock.today(),
                  days=28, as_html=True)
    adherence, symptoms, balance = _svgs(page)
    series = symptoms.findall(".//polyline[@class='series']")
    assert [s.get("data-symptom") for s in series] == list(SYMPTOMS)
    assert all(s.get("points") for s in series)
    shaded = [g.get("data-symptom") for g in symptoms.findall("g")
              if g.find("rect[@class='meaningful']") is not None]
    assert shaded == ["pain"]                       # 6 → 3; burning 4 → 5 is not
    assert len(symptoms.findall(".//rect[@class='last-week']")) == 4
    assert len(symptoms.findall(".//line[@class='baseline']")) == 4
    assert len(adherence.findall("rect[@class='bar']")) >= 4
    assert adherence.find("line[@class='norm']") is not None
    assert len(balance.findall("polyline[@class='series']")) == 2
    assert balance.find("line[@class='norm']") is not None  # typical for 60–69
    assert "<figcaption>" in page


def test_the_markdown_report_keeps_tables_and_has_no_svg(store, clock):
    _four_weeks(store, clock)
    catalog = load_catalog()
    text = render(export_document(store, catalog, clock.now()), catalog, clock.today(), days=28)
    assert "<svg" not in text and "| Week of | Pain |" in text
