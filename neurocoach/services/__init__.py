"""Each use case once (today, check-in, plan, progress, status, export, report, demo): takes
the store, the catalog and the clock, returns domain data. No Textual, no click."""
