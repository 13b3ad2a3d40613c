"""Counts and sentences as a person reads them. Pure (the standard library only): every layer
may use it."""

from __future__ import annotations

_SENTENCE_ENDS = (".", "!", "?", "…")
_CLOSING = "”\"'’)"


def count(n: int, word: str, plural: str | None = None) -> str:
    """'1 check-in', '2 check-ins', '1,204 steps': digits grouped as humanize.intcomma
    groups them (without importing humanize: `status` uses this at every login), the
    right plural."""
    return f"{n:,} {word if n == 1 else plural or word + 's'}"


def sentence(text: str) -> str:
    """`text` with one full stop at the end: none added when it already ends a sentence,
    also inside closing quotes ('note “Right foot first.”', not '…first.”.')."""
    if text.rstrip(_CLOSING).endswith(_SENTENCE_ENDS):
        return text
    return text + "."
