"""The built-in exercise library: plain data in exercises.toml, loaded and checked here.

Pure: no Textual, no SQL. Any problem in a file is a CatalogError that names the file,
the exercise and the field, so a bad edit fails loudly at start-up, never mid-session.
"""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path

from neurocoach.catalog.custom import (
    FIELD_ORDER, error_field, exercise_field_errors, exercise_fields, with_custom,
)
from neurocoach.catalog.model import (
    CATEGORIES, DOSE_AMOUNT, DOSE_KINDS, DOSE_LIMITS, POSITIONS, Catalog, CatalogError, Dose,
    Exercise,
)
from neurocoach.catalog.validate import parse_dose, parse_exercise

__all__ = [
    "CATEGORIES", "DOSE_AMOUNT", "DOSE_KINDS", "DOSE_LIMITS", "FIELD_ORDER", "PACKAGED_PATH",
    "POSITIONS", "Catalog", "CatalogError", "Dose", "Exercise", "error_field",
    "exercise_field_errors", "exercise_fields", "load_catalog", "parse_dose", "parse_exercise",
    "with_custom",
]

PACKAGED_PATH = Path(__file__).with_name("exercises.toml")


def _load(path: Path, label: str) -> Catalog:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except OSError as err:
        raise CatalogError(f"{label}: cannot be read ({err.strerror or err})") from err
    except UnicodeDecodeError as err:
        raise CatalogError(f"{label}: is not UTF-8 text ({err.reason})") from err
    except tomllib.TOMLDecodeError as err:
        raise CatalogError(f"{label}: is not valid TOML: {err}") from err
    for key in data:
        if key != "exercise":
            raise CatalogError(f"{label}: top-level key {key!r} is not allowed; "
                               "each exercise goes in its own [[exercise]] table")
    tables = data.get("exercise")
    if not isinstance(tables, list) or not tables:
        raise CatalogError(f"{label}: has no [[exercise]] tables")
    where = f"{label}: exercise"
    return Catalog((parse_exercise(t, where=where, index=i) for i, t in enumerate(tables, 1)),
                   where=label)


@functools.lru_cache(maxsize=1)
def _packaged_catalog() -> Catalog:
    return _load(PACKAGED_PATH, PACKAGED_PATH.name)


def load_catalog(path: str | Path | None = None) -> Catalog:
    """Load and check a catalog file; None means the packaged one (read once, then cached)."""
    if path is None:
        return _packaged_catalog()
    return _load(Path(path), str(path))
