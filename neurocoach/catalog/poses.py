"""The exercises' drawings as data: key poses (joint positions) read from poses.toml and
checked here, like the catalog itself. A person's own exercise borrows the nearest
built-in drawing, or a still neutral figure for its position. Pure: no Textual, no SQL."""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from neurocoach.catalog.model import Catalog, CatalogError, Exercise

POSES_PATH = Path(__file__).with_name("poses.toml")
JOINTS = ("head", "neck", "hip", "knee", "ankle", "toe", "knee_b", "ankle_b", "toe_b",
          "elbow", "hand", "elbow_b", "hand_b")
PROPS = ("chair", "wall", "support", "towel", "floor-towel", "ball", "marbles", "bike",
         "water")
BOX = 100.0
"""Joints lie in a BOX x BOX square: x from the left, y up from the floor."""
MAX_POSES = 6
NEAR_ENOUGH = 6
"""The score an own exercise needs to borrow a built-in drawing (see `nearest`): the same
position and category and a shared word at least."""

Pose = Mapping[str, tuple[float, float]]


@dataclass(frozen=True)
class Figure:
    """One exercise's drawing: the props around the figure and its key poses in order."""

    props: tuple[str, ...]
    poses: tuple[Pose, ...]
    exercise: str | None = None  # None for a neutral figure

    @property
    def moves(self) -> bool:
        return len(self.poses) > 1


@dataclass(frozen=True)
class Figures:
    by_exercise: Mapping[str, Figure]
    neutral: Mapping[str, Figure]

    def for_exercise(self, exercise: Exercise, catalog: Catalog | None = None) -> Figure:
        """The exercise's own drawing; for an own exercise the nearest built-in one, or
        the neutral figure of its position."""
        own = self.by_exercise.get(exercise.id)
        if own is not None and not exercise.custom:
            return own
        if catalog is not None:
            best = nearest(exercise, [ex for ex in catalog
                                      if not ex.custom and ex.id in self.by_exercise])
            if best is not None:
                return self.by_exercise[best.id]
        return self.neutral.get(exercise.position) or self.neutral["standing"]


_WORD = re.compile(r"[a-z]{4,}")


def _words(text: str) -> set[str]:
    return {w.rstrip("s") for w in _WORD.findall(text.lower())}


def nearest(exercise: Exercise, builtins: list[Exercise]) -> Exercise | None:
    """The built-in exercise most like this one: same position (3), same category (2),
    each shared word of the name (2) and of the equipment (1). None below NEAR_ENOUGH or
    in another position: a wrong picture is worse than a plain one."""
    name, kit = _words(exercise.name), _words(" ".join(exercise.equipment))
    best, best_score = None, 0
    for other in builtins:
        if other.position != exercise.position:
            continue
        score = 3 + 2 * (other.category == exercise.category)
        score += 2 * len(name & _words(other.name)) + len(kit & _words(" ".join(other.equipment)))
        if score > best_score:
            best, best_score = other, score
    return best if best_score >= NEAR_ENOUGH else None


def _point(value, where: str) -> tuple[float, float]:
    if (not isinstance(value, list) or len(value) != 2
            or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)):
        raise CatalogError(f"{where}: must be [x, y], two numbers")
    x, y = float(value[0]), float(value[1])
    if not (0 <= x <= BOX and 0 <= y <= BOX):
        raise CatalogError(f"{where}: [{value[0]}, {value[1]}] is outside the 0–100 box")
    return x, y


def _joints(table, where: str, complete: bool) -> dict[str, tuple[float, float]]:
    if not isinstance(table, dict):
        raise CatalogError(f"{where}: must be a table of joints")
    unknown = sorted(set(table) - set(JOINTS))
    if unknown:
        raise CatalogError(f"{where}: unknown joint {unknown[0]!r} "
                           f"(joints: {', '.join(JOINTS)})")
    missing = [j for j in JOINTS if j not in table]
    if complete and missing:
        raise CatalogError(f"{where}: joint {missing[0]!r} is missing")
    return {j: _point(v, f"{where}, joint {j!r}") for j, v in table.items()}


def _figure(table, bases: dict, where: str, exercise: str | None = None) -> Figure:
    if not isinstance(table, dict):
        raise CatalogError(f"{where}: must be a table")
    extra = sorted(set(table) - {"exercise", "base", "props", "pose", "view"})
    if extra:
        raise CatalogError(f"{where}: field {extra[0]!r} is not allowed")
    base = bases.get(table.get("base"))
    if base is None:
        raise CatalogError(f"{where}, field 'base': must be one of {', '.join(sorted(bases))}")
    props = table.get("props", [])
    if not isinstance(props, list) or any(p not in PROPS for p in props):
        raise CatalogError(f"{where}, field 'props': each must be one of {', '.join(PROPS)}")
    poses = table.get("pose", [{}])
    if not isinstance(poses, list) or not 1 <= len(poses) <= MAX_POSES:
        raise CatalogError(f"{where}, field 'pose': 1 to {MAX_POSES} poses")
    made = tuple(MappingProxyType({**base, **_joints(p, f"{where}, pose {n}", False)})
                 for n, p in enumerate(poses, 1))
    return Figure(props=tuple(props), poses=made, exercise=exercise)


def parse_figures(data: dict, label: str = "poses") -> Figures:
    extra = sorted(set(data) - {"base", "figure", "neutral"})
    if extra:
        raise CatalogError(f"{label}: top-level key {extra[0]!r} is not allowed")
    raw_bases = data.get("base")
    if not isinstance(raw_bases, dict) or not raw_bases:
        raise CatalogError(f"{label}: needs at least one [base.NAME] table")
    bases = {name: _joints(t, f"{label}: base {name!r}", True) for name, t in raw_bases.items()}
    figures: dict[str, Figure] = {}
    for n, table in enumerate(data.get("figure", []), 1):
        ex = table.get("exercise") if isinstance(table, dict) else None
        where = f"{label}: figure #{n}" + (f" ({ex})" if isinstance(ex, str) else "")
        if not isinstance(ex, str) or not ex:
            raise CatalogError(f"{where}, field 'exercise': must name an exercise id")
        if ex in figures:
            raise CatalogError(f"{where}, field 'exercise': {ex!r} has a drawing already")
        figures[ex] = _figure(table, bases, where, ex)
    neutral = {pos: _figure(t, bases, f"{label}: neutral {pos!r}")
               for pos, t in (data.get("neutral") or {}).items()}
    if "standing" not in neutral:
        raise CatalogError(f"{label}: needs a [neutral.standing] figure")
    return Figures(by_exercise=MappingProxyType(figures), neutral=MappingProxyType(neutral))


def check_against(figures: Figures, catalog: Catalog, label: str = "poses") -> None:
    """Every built-in exercise has a drawing, and every drawing an exercise."""
    for ex_id in figures.by_exercise:
        if ex_id not in catalog:
            raise CatalogError(f"{label}: figure for {ex_id!r}, which is not in the catalog")
    for ex in catalog:
        if not ex.custom and ex.id not in figures.by_exercise:
            raise CatalogError(f"{label}: exercise {ex.id!r} has no figure")


def load_figures_file(path: Path) -> Figures:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise CatalogError(f"{path.name}: cannot be read as TOML ({err})") from err
    return parse_figures(data, path.name)


@functools.lru_cache(maxsize=1)
def load_figures() -> Figures:
    """The packaged drawings (read once, then cached)."""
    return load_figures_file(POSES_PATH)
