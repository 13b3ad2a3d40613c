"""Read-side queries for Progress and reports: aggregates computed in SQL."""

from __future__ import annotations


class ProgressQueries:
    """Mixed into Store: expects `self.db` (sqlite_utils.Database) and `self.conn`."""
