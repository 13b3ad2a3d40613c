"""A month of check-ins with pain falling 7 → 3: Progress, the report and the export call
it a meaningful improvement, with the same numbers (one function, coach.change)."""

from __future__ import annotations

import datetime as dt

from neurocoach.export.document import export_document
from neurocoach.domain.models import Checkin
from neurocoach.report.build import render


def pain_falls_from_7_to_3(store, clock) -> None:
    today = clock.today()
    for i in range(30):                       # 30 days: 7 for the first week, 3 for the last
        pain = 7 if i < 7 else 3 if i >= 23 else 5
        store.record_checkin(Checkin(today - dt.timedelta(days=29 - i), pain=pain,
                                     tingling=4, feet="ok"), clock.now())


async def test_progress_and_the_report_call_it_meaningful_with_the_same_numbers(
        make_app, store, clock):
    pain_falls_from_7_to_3(store, clock)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        symptoms = str(app.screen.query_one("#symptoms").render())
    pain = next(line for line in symptoms.splitlines() if line.startswith("Pain"))
    assert "−4.0 (−57 %) meaningful" in pain
    tingling = next(line for line in symptoms.splitlines() if line.startswith("Tingling"))
    assert "meaningful" not in tingling
    assert "validated for pain" in symptoms and "same threshold" in symptoms

    doc = export_document(store, app.catalog, clock.now())
    report = render(doc, app.catalog, clock.today())
    assert ("Pain: 7.0 (Sun 25 Oct 2026 – Sat 31 Oct 2026) → 3.0 (last 7 days): -4.0 points, "
            "-57 % — **meaningful improvement**; validated for pain.") in report
    assert "Tingling: 4.0" in report and "no meaningful change; the same threshold" in report
    exported = doc["symptom_changes"]["pain"]
    assert (exported["baseline"], exported["recent"], exported["points"], exported["percent"],
            exported["verdict"]) == (7.0, 3.0, -4.0, -57, "meaningful improvement")
