"""Finding an exercise by any name a person uses for it: its own, the article's, a
clinician's ("tandem walk"), in the plural or with a small typo ("balence").

Pure: no Textual, no SQL. Every word of the query must match a word of the exercise's
names, id, purpose or category: as the start or a part of it (so typing finds as you go),
by its stem ("stands" finds "stand", "biking" finds "bike"), or within one slip of the
keys for words of five letters or more.
"""

from __future__ import annotations

import functools
import re
import tomllib
from difflib import SequenceMatcher
from pathlib import Path

from neurocoach.catalog.model import Exercise

NAMES_PATH = Path(__file__).with_name("names.toml")
_WORD = re.compile(r"[^\W_]+")
_SUFFIXES = ("ing", "es", "s")
CLOSE_ENOUGH = 0.8
"""SequenceMatcher ratio for a typo: one wrong or missing letter in five or more."""


@functools.lru_cache(maxsize=1)
def other_names() -> dict[str, tuple[str, ...]]:
    """The packaged other names, by exercise id."""
    with NAMES_PATH.open("rb") as fh:
        data = tomllib.load(fh)
    return {key: tuple(value) for key, value in data.items()}


def words(text: str) -> list[str]:
    """Lower-case words, hyphens and apostrophes splitting them ("pick-ups": pick, ups)."""
    return _WORD.findall(text.casefold())


def stem(word: str) -> str:
    """A crude English stem: enough for plurals and "-ing" (stands, biking, raises)."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def word_matches(query: str, candidate: str) -> bool:
    if query in candidate:
        return True
    q, c = stem(query), stem(candidate)
    if len(q) >= 3 and c.startswith(q):
        return True
    return (len(query) >= 5 and abs(len(query) - len(candidate)) <= 2
            and SequenceMatcher(None, query, candidate).ratio() >= CLOSE_ENOUGH)


@functools.lru_cache(maxsize=512)
def _haystack(exercise: Exercise) -> frozenset[str]:
    names = other_names().get(exercise.id, ()) if not exercise.custom else ()
    text = " ".join([exercise.name, exercise.id, exercise.purpose, exercise.category, *names])
    return frozenset(words(text))


def matches(exercise: Exercise, query: str) -> bool:
    """True when every word of the query matches some word of the exercise (an empty
    query matches everything)."""
    haystack = _haystack(exercise)
    return all(any(word_matches(q, w) for w in haystack) for q in words(query))
