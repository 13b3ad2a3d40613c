"""Everything the person has, as the JSON export (the same file as `neurocoach export
--format json`): from the palette, and in a browser as a download."""

from __future__ import annotations

import json
from pathlib import Path

from neurocoach.tui.screens.save_file import SaveFileScreen


class ExportDataScreen(SaveFileScreen):
    TITLE_TEXT = ("[b]Export all your data[/b] — one JSON file that `neurocoach import` "
                  "reads back")
    SAVED = "Your data was exported to"

    def file_name(self) -> str:
        return f"neurocoach-export-{self.app.clock.today().isoformat()}.json"

    def problem_with(self, path: Path) -> str | None:
        if path.suffix.lower() != ".json":
            return f"{path.name} does not end in .json."
        return None

    def text_for(self, path: Path) -> str:
        from neurocoach.export.document import export_document

        app = self.app
        doc = export_document(app.store, app.builtin_catalog, app.clock.now())
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
