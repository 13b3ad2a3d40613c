"""The report for a clinician, from Progress: the same as `neurocoach report`.

Reading 90 days and drawing the charts is the heaviest thing a key does, so the file is
made in a thread worker with its own store connection (a connection belongs to the thread
that opened it); the screen stays live and is told when it is written, or why not.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from textual import work
from textual.message import Message

from neurocoach.report.render import REPORT_ENDINGS
from neurocoach.tui.screens.save_file import SaveFileScreen

REPORT_DAYS = 90


def report_text(store, catalog, now: dt.datetime, as_html: bool) -> str:
    from neurocoach.export.document import export_document
    from neurocoach.report.build import render

    doc = export_document(store, catalog, now,  # only the report's period
                          now.date() - dt.timedelta(days=REPORT_DAYS - 1))
    return render(doc, catalog, now.date(), REPORT_DAYS, as_html=as_html)


class ReportScreen(SaveFileScreen):
    """HTML when the name ends in .html (one file, nothing fetched), Markdown otherwise."""

    TITLE_TEXT = ("[b]A report for your clinician[/b] — the last 90 days on one page, "
                  "to print or send (a name ending in .md gives plain text)")
    SAVED = "Report written to"

    @dataclass
    class Written(Message):
        """The worker is done: the file, and why it could not be written (or None)."""
        path: Path
        problem: str | None

    def file_name(self) -> str:
        return f"neurocoach-report-{self.app.clock.today().isoformat()}.html"

    def problem_with(self, path: Path) -> str | None:
        if path.suffix.lower() not in REPORT_ENDINGS:
            return (f"{path.name} does not end in .html (a web page to print) or .md "
                    "(plain text).")
        return None

    def text_for(self, path: Path) -> str:
        """The report from the App's own connection (a download in the browser)."""
        return report_text(self.app.store, self.app.catalog, self.app.clock.now(),
                           REPORT_ENDINGS[path.suffix.lower()])

    def write_file(self, path: Path) -> None:
        self.query_one("#save-message").update("Writing the report…")
        self.make_report(path, self.app.store, self.app.catalog, self.app.clock.now())

    @work(thread=True, exclusive=True, group="report")
    def make_report(self, path: Path, app_store, catalog, now: dt.datetime) -> None:
        from neurocoach.store import StoreError
        from neurocoach.store.files import write_private_text

        problem = None
        try:
            store = app_store.reopened()  # its own connection, on this thread
            try:
                text = report_text(store, catalog, now,
                                   REPORT_ENDINGS[path.suffix.lower()])
            finally:
                store.close()
            write_private_text(path, text)
        except OSError as err:
            problem = f"Cannot write {path} ({err.strerror or err})."
        except StoreError as err:
            problem = f"The report could not be made: {err}"
        self.post_message(self.Written(path, problem))

    def on_report_screen_written(self, message: Written) -> None:
        self.written(message.path, message.problem)
