"""`report` reads only its period: the same report as from the whole history, without
reading the years before it."""

from __future__ import annotations

import datetime as dt

import pytest

from neurocoach.catalog import load_catalog
from neurocoach.export.document import export_document
from neurocoach.services.demo import generate_history
from neurocoach.report.build import render
from neurocoach.store import Store

END = dt.date(2026, 11, 22)
NOW = dt.datetime(2026, 11, 23, 9, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module")
def years(tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "neurocoach.db"
    store = Store.open(path)
    generate_history(store, load_catalog(), END, 2 * 365, seed=11)
    store.close()
    return path


@pytest.mark.parametrize("days", [1, 30, 90, 400, 36_500])
def test_the_period_alone_gives_the_same_report_as_all_history(years, days):
    catalog, today = load_catalog(), NOW.date()
    store = Store.open(years)
    try:
        whole = export_document(store, catalog, NOW)
        since = today - dt.timedelta(days=days - 1)
        statements: list[str] = []
        store.conn.set_trace_callback(statements.append)
        period = export_document(store, catalog, NOW, since)
        store.conn.set_trace_callback(None)
    finally:
        store.close()
    for text in (True, False):
        assert render(period, catalog, today, days, as_html=text) == \
            render(whole, catalog, today, days, as_html=text)
    first = min(s["date"] for s in whole["sessions"])
    if since.isoformat() > first:
        assert len(period["sessions"]) < len(whole["sessions"])
        assert all(s["date"] >= since.isoformat() for s in period["sessions"])
        # every check-in stays: the meaningful change compares the period with before it
        assert period["checkins"] == whole["checkins"]
    reads = [s for s in statements if "FROM entries" in s or "FROM sessions" in s]
    assert reads and all("day >= " in s or "LIMIT 1" in s for s in reads), reads


def test_nothing_in_the_period_but_records_before_it_is_not_called_no_records(years):
    catalog = load_catalog()
    later = NOW + dt.timedelta(days=400)
    store = Store.open(years)
    try:
        doc = export_document(store, catalog, later, later.date() - dt.timedelta(days=29))
    finally:
        store.close()
    text = render(doc, catalog, later.date(), 30)
    assert "recorded yet" not in text
    assert doc["sessions"] == [] and doc["records_before"] is True
