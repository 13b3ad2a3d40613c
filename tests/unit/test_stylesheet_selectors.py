"""Every id and class the stylesheet (neurocoach.tcss) names is one the code sets: a rule
for a widget that no longer exists is dead weight that every screen still parses."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SETTERS = {"add_class", "remove_class", "set_class", "toggle_class", "set_classes"}
TEXTUAL_CLASSES = {"-textual-compact"}
"""Classes Textual itself gives its widgets, which the stylesheet may style."""


def selectors() -> tuple[set[str], set[str]]:
    """(ids, classes) named in the stylesheet's selectors (not in its values: #fff)."""
    text = re.sub(r"/\*.*?\*/", "", (ROOT / "neurocoach.tcss").read_text(), flags=re.S)
    heads = re.sub(r"\{[^{}]*\}", "\n", text)
    ids = set(re.findall(r"#([A-Za-z_][\w-]*)", heads))
    classes = set(re.findall(r"\.(-{0,2}[A-Za-z_][\w-]*)", heads))
    return ids, classes


def _strings(node: ast.AST) -> list[str]:
    """The text of a string, or of an f-string's fixed start (as a prefix ending in '*')."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.split()
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0],
                                                                        ast.Constant):
        return [str(node.values[0].value).split()[-1] + "*"]
    if isinstance(node, (ast.Tuple, ast.List)):
        return [s for item in node.elts for s in _strings(item)]
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    return []


def set_in_code() -> tuple[set[str], set[str]]:
    """(ids, classes) the code gives widgets: id=..., classes=..., add_class(...) and the
    like, and the breakpoint classes of screens."""
    ids, classes = set(), set(TEXTUAL_CLASSES)
    for path in (ROOT / "neurocoach").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg == "id":
                ids.update(_strings(node.value))
            elif isinstance(node, ast.keyword) and node.arg == "classes":
                classes.update(_strings(node.value))
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                  and node.func.attr in SETTERS):
                for arg in node.args:
                    classes.update(_strings(arg))
            elif isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id.endswith("_BREAKPOINTS")
                    for t in node.targets):
                classes.update(_strings(node.value))
    return ids, classes


def _named(name: str, names: set[str]) -> bool:
    return name in names or any(n.endswith("*") and name.startswith(n[:-1]) for n in names)


def test_every_id_in_the_stylesheet_is_set_by_the_code():
    ids, _ = selectors()
    code_ids, _ = set_in_code()
    assert {i for i in ids if not _named(i, code_ids)} == set()


def test_every_class_in_the_stylesheet_is_set_by_the_code():
    _, classes = selectors()
    _, code_classes = set_in_code()
    assert {c for c in classes if not _named(c, code_classes)} == set()
