"""The export document as JSON text (`neurocoach export --format json`)."""

from __future__ import annotations

import json
from collections.abc import Iterator

ROWS_PER_CHUNK = 500
"""Rows of a table encoded at a time by a compact JSON export."""



def json_chunks(doc: dict, pretty: bool = False) -> Iterator[str]:
    """The export as JSON text, in pieces. Compact by default, through the C encoder a few
    hundred rows at a time (the whole file is never one string in memory); `pretty`:
    indented, as one piece (Python's slower encoder)."""
    if pretty:
        yield json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
        return
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    yield "{"
    for n, (key, value) in enumerate(doc.items()):
        yield ("," if n else "") + encode(key) + ":"
        if not isinstance(value, list):
            yield encode(value)
            continue
        yield "["
        for start in range(0, len(value), ROWS_PER_CHUNK):
            yield ("," if start else "") + ",".join(map(encode, value[start:start + ROWS_PER_CHUNK]))
        yield "]"
    yield "}\n"
