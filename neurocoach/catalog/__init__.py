"""The built-in exercise library: plain data in exercises.toml, loaded and checked here.

Pure: no Textual, no SQL. Any problem in a file is a CatalogError that names the file,
the exercise and the field, so a bad edit fails loudly at start-up, never mid-session.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Iterable, Iterator

CATEGORIES = ("stretching", "strengthening", "balance", "cardio")
POSITIONS = ("seated", "standing", "lying", "water")
DOSE_KINDS = ("reps", "hold", "minutes")
DOSE_LIMITS = {"sets": 10, "reps": 100, "seconds": 3600, "minutes": 180}
DOSE_AMOUNT = {"reps": "reps", "hold": "seconds", "minutes": "minutes"}  # kind -> its number
PACKAGED_PATH = Path(__file__).with_name("exercises.toml")
_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_NAME_MAX, _TEXT_MAX = 60, 300
_STEPS = (2, 6)
_UNSET = object()


class CatalogError(ValueError):
    """A catalog, custom exercise or plan file that cannot be used, and why."""


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _duration(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return _count(rest, "second")
    return _count(minutes, "minute") + (f" {_count(rest, 'second')}" if rest else "")


@dataclass(frozen=True)
class Dose:
    kind: str  # "reps" | "hold" | "minutes"
    sets: int = 1
    reps: int | None = None
    seconds: int | None = None
    minutes: int | None = None

    def describe(self, per_side: bool = False) -> str:
        """Plain words: "2 sets of 10", "hold 30 seconds, 2 times", "10 minutes"."""
        if self.kind == "reps":
            if self.reps is None:
                text = _count(self.sets, "set")
            else:
                text = f"{self.sets} sets of {self.reps}" if self.sets > 1 else f"{self.reps} times"
        else:
            if self.kind == "hold":  # a minute or more is a timed task, not a "hold"
                secs = self.seconds or 0
                text = _duration(secs) if secs >= 60 else f"hold {_duration(secs)}"
            else:
                text = _count(self.minutes or 0, "minute")
            if self.sets > 1:
                text += f", {self.sets} times"
        return text + (" each side" if per_side else "")

    def estimated_seconds(self, per_side: bool = False) -> int:
        """Rough time including rests: 3 s a rep + 20 s between sets; holds + 10 s between."""
        sets = max(self.sets, 1)
        if self.kind == "reps":
            total = (self.reps or 0) * 3 * sets + 20 * (sets - 1)
        elif self.kind == "hold":
            total = (self.seconds or 0) * sets + 10 * (sets - 1)
        else:
            total = (self.minutes or 0) * 60 * sets
        return total * 2 if per_side else total


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    category: str
    purpose: str
    steps: tuple[str, ...]
    dose: Dose
    per_side: bool
    position: str
    weight_bearing: bool
    needs_support: bool
    equipment: tuple[str, ...]
    safety: tuple[str, ...]
    easier: str
    harder: str
    alternative: str | None = None
    custom: bool = False  # True for a person's own exercises

    @property
    def sides(self) -> tuple[str | None, ...]:
        return ("left", "right") if self.per_side else (None,)

    @property
    def needs_alternative(self) -> bool:
        """Weight-bearing or in water: needs a seated stand-in for days with a sore foot."""
        return self.weight_bearing or self.position == "water"


_FIELDS = tuple(f.name for f in fields(Exercise) if f.name != "custom")  # the TOML keys


class _Check:
    """Reads one exercise table; every failure names where, which exercise and the field."""

    def __init__(self, data: dict, where: str, label: str) -> None:
        self.data, self.where, self.label = data, where, label

    def fail(self, field: str, problem: str) -> CatalogError:
        return CatalogError(f"{self.where} {self.label}, field '{field}': {problem}")

    def get(self, field: str, table: dict | None = None, prefix: str = "") -> Any:
        table = self.data if table is None else table
        if field not in table:
            raise self.fail(prefix + field, "is missing")
        return table[field]

    def text(self, field: str, value: Any = _UNSET, limit: int = _TEXT_MAX) -> str:
        value = self.get(field) if value is _UNSET else value
        if not isinstance(value, str) or not value.strip():
            raise self.fail(field, f"must be some text, not {_show(value)}")
        if len(value) > limit:
            raise self.fail(field, f"must be at most {limit} characters (it has {len(value)})")
        return value.strip()

    def choice(self, field: str, choices: tuple[str, ...]) -> str:
        value = self.get(field)
        if value not in choices:
            raise self.fail(field, f"must be one of {', '.join(choices)}, not {_show(value)}")
        return value

    def flag(self, field: str) -> bool:
        value = self.get(field)
        if not isinstance(value, bool):
            raise self.fail(field, f"must be true or false, not {_show(value)}")
        return value

    def texts(self, field: str, low: int, high: int) -> tuple[str, ...]:
        value = self.get(field)
        if not isinstance(value, list):
            raise self.fail(field, f"must be a list of texts, not {_show(value)}")
        if not low <= len(value) <= high:
            raise self.fail(field, f"must have {low} to {high} items (it has {len(value)})")
        return tuple(self.text(f"{field}[{i}]", item) for i, item in enumerate(value, 1))

    def ident(self, field: str, value: Any) -> str:
        if not isinstance(value, str) or not _ID.fullmatch(value):
            raise self.fail(field, f"must be a kebab-case id like 'calf-stretch', "
                                   f"not {_show(value)}")
        return value

    def dose(self) -> Dose:
        table = self.get("dose")
        if not isinstance(table, dict):
            raise self.fail("dose", "must be a table like { kind = \"reps\", reps = 10, sets = 2 }, "
                                    f"not {_show(table)}")
        kind = self.get("kind", table, "dose.")
        if kind not in DOSE_KINDS:
            raise self.fail("dose.kind", f"must be one of {', '.join(DOSE_KINDS)}, "
                                         f"not {_show(kind)}")
        amount = DOSE_AMOUNT[kind]
        for key in table:
            if key not in ("kind", "sets", amount):
                raise self.fail(f"dose.{key}", f"is not used when kind is {kind!r} (use {amount!r})")
        numbers = {"sets": table.get("sets", 1), amount: self.get(amount, table, "dose.")}
        for key, value in numbers.items():
            whole = isinstance(value, int) and not isinstance(value, bool)
            if not whole or not 1 <= value <= DOSE_LIMITS[key]:
                raise self.fail(f"dose.{key}", f"must be a whole number from 1 to "
                                               f"{DOSE_LIMITS[key]}, not {_show(value)}")
        return Dose(kind=kind, **numbers)


def parse_exercise(data: dict, *, where: str = "exercise", index: int | None = None,
                   custom: bool = False) -> Exercise:
    """Check one exercise table and build it. `where` starts every error message
    (e.g. "exercises.toml: exercise"); `index` names the table when its id is unusable."""
    fallback = f"#{index}" if index is not None else "(no id)"
    if not isinstance(data, dict):
        raise CatalogError(f"{where} {fallback}: must be a table of fields, not {_show(data)}")
    raw_id = data.get("id")
    label = repr(raw_id) if isinstance(raw_id, str) and _ID.fullmatch(raw_id) else fallback
    c = _Check(data, where, label)
    ex_id = c.ident("id", c.get("id"))
    for key in data:
        if key not in _FIELDS:
            raise c.fail(key, f"is not a known field (known: {', '.join(_FIELDS)})")
    alternative = data.get("alternative")
    exercise = Exercise(
        id=ex_id, name=c.text("name", limit=_NAME_MAX), category=c.choice("category", CATEGORIES),
        purpose=c.text("purpose"), steps=c.texts("steps", *_STEPS), dose=c.dose(),
        per_side=c.flag("per_side"), position=c.choice("position", POSITIONS),
        weight_bearing=c.flag("weight_bearing"), needs_support=c.flag("needs_support"),
        equipment=c.texts("equipment", 0, 10), safety=c.texts("safety", 1, 8),
        easier=c.text("easier"), harder=c.text("harder"),
        alternative=None if alternative is None else c.ident("alternative", alternative),
        custom=custom,
    )
    if exercise.alternative is None and exercise.needs_alternative:
        raise c.fail("alternative", "is missing: a weight-bearing or water exercise needs the id "
                                    "of a seated, non-weight-bearing stand-in")
    if exercise.alternative == ex_id:
        raise c.fail("alternative", "must name a different exercise, not itself")
    standing_balance = exercise.category == "balance" and exercise.position == "standing"
    if standing_balance and not exercise.needs_support:
        raise c.fail("needs_support", "must be true: standing balance work is done next to "
                                      "a sturdy support")
    return exercise


class Catalog:
    """Exercises by id. Building one checks the links between them."""

    def __init__(self, exercises, *, where: str = "catalog") -> None:
        self.exercises: tuple[Exercise, ...] = tuple(exercises)
        self._by_id: dict[str, Exercise] = {}
        for n, ex in enumerate(self.exercises, 1):
            if ex.id in self._by_id:
                raise CatalogError(f"{where}: exercise {ex.id!r}, field 'id': is used twice "
                                   f"(the second time in exercise #{n})")
            self._by_id[ex.id] = ex
        for ex in self.exercises:
            if ex.alternative is None:
                continue
            alt = self._by_id.get(ex.alternative)
            problem = (f"names {ex.alternative!r}, which is not in the catalog" if alt is None
                       else f"{alt.id!r} must be seated and non-weight-bearing (not in water)"
                       if alt.needs_alternative else None)
            if problem:
                raise CatalogError(f"{where}: exercise {ex.id!r}, field 'alternative': {problem}")

    def get(self, exercise_id: str) -> Exercise:
        return self._by_id[exercise_id]  # KeyError if unknown

    def __contains__(self, exercise_id: object) -> bool:
        return exercise_id in self._by_id

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self.exercises)

    def __len__(self) -> int:
        return len(self.exercises)

    def by_category(self) -> dict[str, list[Exercise]]:
        """Every category, in CATEGORIES order, with its exercises in file order."""
        return {cat: [ex for ex in self.exercises if ex.category == cat] for cat in CATEGORIES}


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


# -- a person's own exercises ---------------------------------------------------------------
FIELD_ORDER = _FIELDS
"""The fields of an exercise table, in the catalog's order (forms and plan files use it)."""

_TEMPLATE = {
    "id": "template", "name": "Template", "category": "stretching", "purpose": "A purpose.",
    "steps": ["One.", "Two."], "dose": {"kind": "reps", "reps": 5}, "per_side": False,
    "position": "seated", "weight_bearing": False, "needs_support": False, "equipment": [],
    "safety": ["Take care."], "easier": "Less.", "harder": "More.",
}


def error_field(error: CatalogError) -> tuple[str | None, str]:
    """(top-level field, problem) from a parse error: 'dose.reps' and 'steps[2]' give
    'dose' and 'steps'; the problem keeps the full field name when it was nested."""
    text = str(error)
    found = re.search(r", field '([^']+)': (.*)$", text, re.S)
    if not found:
        return None, text
    full, problem = found.groups()
    top = re.split(r"[.\[]", full, maxsplit=1)[0]
    return top, problem if full == top else f"{full} {problem}"


def exercise_field_errors(data: dict, catalog: Catalog | None = None, *,
                          editing: str | None = None) -> dict[str, str]:
    """Every problem of one exercise table at once, field by field, for a form.

    Each field is checked on its own (within a known-good exercise), then the rules that
    join fields, then the links to `catalog` (its alternative; its id not already taken,
    unless it is the exercise being edited). {} means the exercise can be saved.
    """
    errors: dict[str, str] = {}
    for field in _FIELDS:
        trial = dict(_TEMPLATE)
        if field in data:
            trial[field] = data[field]
        elif field != "alternative":
            trial.pop(field)
        try:
            parse_exercise(trial, where="exercise", custom=True)
        except CatalogError as err:
            top, problem = error_field(err)
            if top == field:
                errors[field] = problem
    if errors:
        return errors
    try:
        exercise = parse_exercise(data, where="exercise", custom=True)
    except CatalogError as err:
        top, problem = error_field(err)
        return {top or "id": problem}
    if catalog is not None:
        if exercise.id in catalog and exercise.id != editing:
            taken = catalog.get(exercise.id)
            errors["id"] = (f"is already used by “{taken.name}”; choose another id"
                            if taken.custom else
                            f"is a built-in exercise (“{taken.name}”); choose another id")
        others = [e for e in catalog if e.id not in (exercise.id, editing)]
        try:
            Catalog([*others, exercise], where="exercise")
        except CatalogError as err:
            top, problem = error_field(err)
            errors.setdefault(top or "id", problem)
    return errors


def parse_dose(value: Any, *, where: str, label: str) -> Dose:
    """Check a dose table on its own (e.g. a plan's dose for one exercise)."""
    return _Check({"dose": value}, where, label).dose()


def exercise_fields(exercise: Exercise) -> dict[str, Any]:
    """An exercise back as a table of catalog fields (what parse_exercise reads)."""
    dose = exercise.dose
    table: dict[str, Any] = {"kind": dose.kind}
    if dose.sets != 1:
        table["sets"] = dose.sets
    table[DOSE_AMOUNT[dose.kind]] = getattr(dose, DOSE_AMOUNT[dose.kind])
    data: dict[str, Any] = {
        "id": exercise.id, "name": exercise.name, "category": exercise.category,
        "purpose": exercise.purpose, "steps": list(exercise.steps), "dose": table,
        "per_side": exercise.per_side, "position": exercise.position,
        "weight_bearing": exercise.weight_bearing, "needs_support": exercise.needs_support,
        "equipment": list(exercise.equipment), "safety": list(exercise.safety),
        "easier": exercise.easier, "harder": exercise.harder,
    }
    if exercise.alternative is not None:
        data["alternative"] = exercise.alternative
    return data


def with_custom(catalog: Catalog, custom: Iterable[Exercise]) -> Catalog:
    """The built-in catalog and a person's own exercises in one. A custom exercise whose id
    a later catalog took for a built-in one is left out (the built-in wins), and so is one
    whose stand-in is gone, so that a change to the catalog can never stop the app."""
    merged = list(catalog)
    taken = {e.id for e in merged}
    extra = [e for e in custom if e.id not in taken]
    while True:
        ids = taken | {e.id for e in extra}
        usable = [e for e in extra if e.alternative is None or e.alternative in ids]
        if len(usable) == len(extra):
            break
        extra = usable
    try:
        return Catalog([*merged, *extra], where="your exercises")
    except CatalogError:
        return Catalog([*merged, *(e for e in extra if e.alternative is None)],
                       where="your exercises")
