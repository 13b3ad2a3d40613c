"""Plain types and constants every layer passes (below all of them): no I/O, no Textual, no SQL."""
