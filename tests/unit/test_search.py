"""Finding exercises by the names people use (catalog.search)."""

from __future__ import annotations

import pytest

from neurocoach.catalog import load_catalog
from neurocoach.catalog.search import matches, other_names


def found(query: str) -> list[str]:
    return [e.id for e in load_catalog() if matches(e, query)]


@pytest.mark.parametrize(("query", "exercise_id"), [
    ("plantar fascia stretch", "plantar-roll"),      # the article's names
    ("single-leg stands", "single-leg-stand"),
    ("stationary biking", "stationary-bike"),
    ("water aerobics", "water-aerobics"),
    ("Heel-to-Toe Walk", "heel-to-toe-walk"),
    ("toe curls", "towel-curls"),
    ("tandem walk", "heel-to-toe-walk"),             # clinicians' names
    ("calf raise", "seated-heel-toe-raises"),
    ("heel raise", "seated-heel-toe-raises"),
    ("marbles", "marble-pickups"),                   # plurals and small typos
    ("marbel", "marble-pickups"),
    ("ankle circle", "ankle-circles"),
    ("stretchs", "calf-stretch"),
    ("plantar-roll", "plantar-roll"),                # the id itself
    ("cal", "calf-stretch"),                         # while still typing
])
def test_every_name_finds_its_exercise(query, exercise_id):
    assert exercise_id in found(query)


def test_narrow_queries_stay_narrow():
    assert found("tandem walk") == ["heel-to-toe-walk"]
    assert found("water aerobics") == ["water-aerobics"]
    assert found("xyzzy") == []
    assert len(found("")) == len(list(load_catalog()))


def test_other_names_belong_to_real_exercises():
    ids = {e.id for e in load_catalog()}
    assert set(other_names()) <= ids
    assert all(names for names in other_names().values())
