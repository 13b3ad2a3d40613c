"""A summary for a clinician: `build` lays out the sections from the export document and
services.report's figures, `render` writes them as Markdown or one HTML page."""
