"""Export and import of the person's whole data set (DESIGN.md export contract)."""

from __future__ import annotations


class Exchange:
    """Mixed into Store: expects `self.db` (sqlite_utils.Database) and `self.conn`."""
