"""The exercise drawings: pose data, the braille canvas and the figure renderer."""

from __future__ import annotations

import dataclasses
import tomllib

import pytest

from neurocoach.tui.drawing.braille import Canvas
from neurocoach.catalog import CatalogError, load_catalog, with_custom
from neurocoach.catalog.poses import (
    JOINTS, POSES_PATH, Figure, check_against, load_figures, parse_figures,
)
from neurocoach.tui.drawing.figure import MIN_HEIGHT, MIN_WIDTH, draw


def test_one_dot_a_cell_is_the_braille_character_unicode_gives_it():
    canvas = Canvas(2, 1)
    canvas.set(0, 0)                      # dot 1 of the first cell
    canvas.set(3, 3)                      # dot 8 of the second cell
    assert canvas.rows() == ["\u2801\u2880"]
    canvas.line(0, 0, 0, 3)               # the first cell's left column: dots 1, 2, 3, 7
    assert canvas.rows()[0][0] == "\u2847"


def test_a_known_pose_gives_a_known_set_of_dots():
    # Everything at the bottom-left corner but the neck and head at the top-left: on a
    # 6 x 3 cell canvas (12 x 12 dots, scale 0.11) that is the floor along the bottom row,
    # the spine up the left column, and the head, too small for a ring, as one dot.
    pose = dict.fromkeys(JOINTS, (0.0, 0.0)) | {"neck": (0.0, 100.0), "head": (0.0, 100.0)}
    canvas = draw(Figure(props=(), poses=(pose,)), 0, 6, 3)
    floor = {(x, 11) for x in range(12)}
    spine = {(0, y) for y in range(12)}
    assert canvas.dots == floor | spine | {(1, 1)}
    assert canvas.dropped == 0


def test_every_figure_stays_inside_its_box_at_every_size():
    figures = load_figures()
    every = [*figures.by_exercise.values(), *figures.neutral.values()]
    for figure in every:
        for n in range(len(figure.poses)):
            for width in range(MIN_WIDTH, 41, 3):
                for height in range(MIN_HEIGHT, 17):
                    canvas = draw(figure, n, width, height)
                    assert canvas.dropped == 0, (figure.exercise, n, width, height)
                    rows = canvas.rows()
                    assert len(rows) == height and {len(r) for r in rows} == {width}
                    assert canvas.dots  # something is drawn at every size


def test_every_built_in_exercise_has_a_drawing_and_most_of_them_move():
    figures = load_figures()
    catalog = load_catalog()
    check_against(figures, catalog)
    assert {ex.id for ex in catalog} == set(figures.by_exercise)
    assert all(f.moves for f in figures.by_exercise.values())


def test_plain_ascii_rendering_has_no_braille():
    figure = load_figures().by_exercise["calf-stretch"]
    text = draw(figure, 1, 20, 8).text(ascii=True)
    assert text.isascii() and text.strip()
    assert "|" in text  # the wall


def _data():
    with POSES_PATH.open("rb") as fh:
        return tomllib.load(fh)


@pytest.mark.parametrize("change, words", [
    (lambda d: d["figure"][0]["pose"][0].update(elbw=[1, 2]), "unknown joint 'elbw'"),
    (lambda d: d["figure"][0]["pose"][0].update(hand=[120, 2]), "outside the 0–100 box"),
    (lambda d: d["figure"][0]["pose"][0].update(hand="up"), "must be [x, y]"),
    (lambda d: d["figure"][0].update(props=["sofa"]), "field 'props'"),
    (lambda d: d["figure"][0].update(base="kneeling"), "field 'base'"),
    (lambda d: d["figure"][1].update(exercise=d["figure"][0]["exercise"]), "has a drawing"),
    (lambda d: d["base"]["seated"].pop("toe"), "joint 'toe' is missing"),
])
def test_a_bad_pose_file_says_what_and_where(change, words):
    data = _data()
    change(data)
    with pytest.raises(CatalogError, match=None) as err:
        parse_figures(data, "poses.toml")
    assert words in str(err.value) and str(err.value).startswith("poses.toml: ")


def test_a_drawing_for_an_exercise_not_in_the_catalog_is_refused():
    data = _data()
    data["figure"][0]["exercise"] = "moonwalk"
    figures = parse_figures(data)
    with pytest.raises(CatalogError, match="moonwalk"):
        check_against(figures, load_catalog())


def _own(**fields):
    base = load_catalog().get("toe-stretch")
    return dataclasses.replace(base, custom=True, **fields)


def test_an_own_exercise_borrows_the_nearest_built_in_drawing():
    catalog = load_catalog()
    figures = load_figures()
    towel = _own(id="my-towel-pull", name="Towel stretch for the calf",
                 equipment=("chair", "towel"))
    assert figures.for_exercise(towel, with_custom(catalog, [])) is \
        figures.by_exercise["seated-calf-stretch"]


def test_an_own_exercise_unlike_any_gets_the_neutral_figure_of_its_position():
    catalog = load_catalog()
    figures = load_figures()
    lying = _own(id="bridges", name="Bridges", position="lying", category="strengthening",
                 equipment=("mat",), weight_bearing=False)
    assert figures.for_exercise(lying, catalog) is figures.neutral["lying"]
    odd = _own(id="hums", name="Humming", position="standing", category="cardio",
               equipment=())
    assert figures.for_exercise(odd, catalog) is figures.neutral["standing"]
    assert not figures.neutral["standing"].moves
