"""The full-screen interface (Textual). Imported only when the TUI starts."""
