"""A summary for a clinician: `build` gathers the figures, `render` writes Markdown or HTML."""
