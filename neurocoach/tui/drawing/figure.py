"""Draws an exercise's figure (catalog.poses) on a braille canvas of any size: the 100 x 100
pose box is scaled to fit, floor at the bottom, centred across. Pure: no Textual."""

from __future__ import annotations

from neurocoach.tui.drawing.braille import Canvas, polyline
from neurocoach.catalog.poses import BOX, Figure, Pose

MIN_WIDTH, MIN_HEIGHT = 6, 3
"""Below this many cells a figure is a smudge: callers hide it instead."""
HEAD_RADIUS = 6.0
BONES = (("neck", "hip"), ("hip", "knee"), ("knee", "ankle"), ("ankle", "toe"),
         ("hip", "knee_b"), ("knee_b", "ankle_b"), ("ankle_b", "toe_b"),
         ("neck", "elbow"), ("elbow", "hand"), ("neck", "elbow_b"), ("elbow_b", "hand_b"))
# Each prop as lines in the pose box (x, y up from the floor): fixed furniture.
FURNITURE = {
    "chair": [[(12, 80), (12, 0)], [(12, 45), (44, 45), (44, 0)]],
    "wall": [[(92, 0), (92, 100)]],
    "support": [[(78, 55), (98, 55)], [(92, 55), (92, 0)]],
    "bike": [[(30, 50), (40, 50)], [(36, 50), (54, 18), (74, 66)], [(70, 66), (78, 66)],
             [(36, 50), (30, 14), (54, 18)]],
    "water": [[(0, 62), (8, 65), (16, 62), (24, 65), (32, 62), (40, 65), (48, 62), (56, 65),
               (64, 62), (72, 65), (80, 62), (88, 65), (96, 62), (100, 63)]],
    "marbles": [[(84, 0), (84, 8)], [(84, 1), (96, 1)], [(96, 0), (96, 8)]],  # the bowl
}


class Projection:
    """Pose-box coordinates to canvas dots: one scale both ways (braille dots are about
    square), the floor on the bottom row, centred across."""

    def __init__(self, canvas: Canvas) -> None:
        self.scale = max(0.0, min(canvas.dot_width - 1, canvas.dot_height - 1) / BOX)
        self.left = (canvas.dot_width - 1 - BOX * self.scale) / 2
        self.bottom = canvas.dot_height - 1

    def __call__(self, point: tuple[float, float]) -> tuple[float, float]:
        x, y = point
        return self.left + x * self.scale, self.bottom - y * self.scale


def draw(figure: Figure, pose_index: int, width: int, height: int) -> Canvas:
    """The figure in `pose_index` (wrapping round) on a `width` x `height` cell canvas.
    Every dot is inside the canvas: the box is scaled to fit, never cropped."""
    canvas = Canvas(width, height)
    if not figure.poses or not width or not height:
        return canvas
    pose = figure.poses[pose_index % len(figure.poses)]
    at = Projection(canvas)
    canvas.line(*at((0, 0)), *at((BOX, 0)))  # the floor
    for prop in figure.props:
        _prop(canvas, at, prop, pose)
    for a, b in BONES:
        canvas.line(*at(pose[a]), *at(pose[b]))
    cx, cy = at(pose["head"])
    radius = HEAD_RADIUS * at.scale
    # The head sits inside the box even when the pose puts it near an edge.
    cx = min(max(cx, radius), canvas.dot_width - 1 - radius)
    cy = min(max(cy, radius), canvas.dot_height - 1 - radius)
    canvas.circle(cx, cy, radius)
    return canvas


def _prop(canvas: Canvas, at: Projection, prop: str, pose: Pose) -> None:
    for points in FURNITURE.get(prop, []):
        polyline(canvas, [at(p) for p in points])
    if prop == "towel":  # held in the hand, looped round the toes
        canvas.line(*at(pose["hand"]), *at(pose["toe"]))
    elif prop == "floor-towel":
        x = pose["ankle"][0]
        canvas.line(*at((max(0, x - 6), 1)), *at((min(BOX, x + 22), 1)))
        canvas.line(*at((min(BOX, x + 14), 3)), *at((min(BOX, x + 22), 1)))
    elif prop == "ball":  # under the sole, between heel and toes
        (ax, ay), (tx, ty) = pose["ankle"], pose["toe"]
        r = max(1.0, min(ay, ty) / 2)
        cx, cy = at(((ax + tx) / 2, r))
        canvas.circle(cx, cy, r * at.scale)
    elif prop == "marbles":
        for x in (66, 72, 78):
            canvas.set(*at((x, 1)))
            canvas.set(*at((x, 2)))
