"""The export document and its files (JSON, CSV): built from the store through services."""
