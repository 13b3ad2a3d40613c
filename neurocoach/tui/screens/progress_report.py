"""The report for a clinician, from Progress: the same as `neurocoach report`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from neurocoach.report.render import REPORT_ENDINGS
from neurocoach.tui.screens.save_file import SaveFileScreen

REPORT_DAYS = 90


class ReportScreen(SaveFileScreen):
    """HTML when the name ends in .html (one file, nothing fetched), Markdown otherwise."""

    TITLE_TEXT = ("[b]A report for your clinician[/b] — the last 90 days on one page, "
                  "to print or send (a name ending in .md gives plain text)")
    SAVED = "Report written to"

    def file_name(self) -> str:
        return f"neurocoach-report-{self.app.clock.today().isoformat()}.html"

    def problem_with(self, path: Path) -> str | None:
        if path.suffix.lower() not in REPORT_ENDINGS:
            return (f"{path.name} does not end in .html (a web page to print) or .md "
                    "(plain text).")
        return None

    def text_for(self, path: Path) -> str:
        from neurocoach.export.document import export_document
        from neurocoach.report.build import render

        app, now = self.app, self.app.clock.now()
        doc = export_document(app.store, app.catalog, now,  # only the report's period
                              now.date() - dt.timedelta(days=REPORT_DAYS - 1))
        return render(doc, app.catalog, now.date(), REPORT_DAYS,
                      as_html=REPORT_ENDINGS[path.suffix.lower()])
