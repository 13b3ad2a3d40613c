"""The layer contract (DESIGN.md "Layers") as tests: import-linter's contracts in
pyproject.toml, no import cycle between modules, no module past 300 lines.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "neurocoach"
MAX_LINES = 300

LIBRARY_CONTRACTS = ("textual-only-in-tui", "no-textual-in-cli", "click-only-in-cli",
                     "sqlite-only-in-store")
"""Which library each layer may import: kept on this branch."""

STRUCTURE_CONTRACTS = ("layers", "no-cycles")
"""The layers point one way; no package's modules import each other round."""


def lint_imports(*contracts: str) -> subprocess.CompletedProcess:
    script = Path(sys.executable).with_name("lint-imports")
    command = str(script) if script.exists() else shutil.which("lint-imports")
    assert command, "lint-imports is not installed: pip install -e '.[dev]'"
    args = [command, "--no-cache", "--no-logo"]
    for contract in contracts:
        args += ["--contract", contract]
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_each_library_is_imported_only_by_its_layer():
    result = lint_imports(*LIBRARY_CONTRACTS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout


@pytest.mark.parametrize("contract", STRUCTURE_CONTRACTS)
def test_the_layers_point_one_way_without_cycles(contract):
    result = lint_imports(contract)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_contracts_are_all_checked():
    """Every contract in pyproject.toml is checked by one of the tests above."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    ids = {c["id"] for c in config["tool"]["importlinter"]["contracts"]}
    assert ids == set(LIBRARY_CONTRACTS) | set(STRUCTURE_CONTRACTS)


@functools.lru_cache(maxsize=1)
def module_cycles() -> list[list[str]]:
    """Groups of modules that import each other, round (Tarjan), imports under
    `if TYPE_CHECKING:` left out (they load nothing)."""
    graph = grimp.build_graph("neurocoach", exclude_type_checking_imports=True,
                              cache_dir=None)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []

    def strong(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on.add(module)
        for other in graph.find_modules_directly_imported_by(module):
            if other not in index:
                strong(other)
                low[module] = min(low[module], low[other])
            elif other in on:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while True:
                other = stack.pop()
                on.discard(other)
                group.append(other)
                if other == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for module in sorted(graph.modules):
        if module not in index:
            strong(module)
    return found


PACKAGES = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists())


@pytest.mark.parametrize("package", PACKAGES)
def test_no_import_cycle_between_modules(package):
    """Not even through a package's own __init__ (store <-> store.exchange was one)."""
    cycles = [c for c in module_cycles()
              if any(m == f"neurocoach.{package}" or m.startswith(f"neurocoach.{package}.")
                     for m in c)]
    assert cycles == []


def long_modules() -> dict[str, int]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            found[path.relative_to(ROOT).as_posix()] = lines
    return found


def test_no_module_is_past_300_lines():
    """A file past ~300 lines is usually two things: split it along the layers."""
    assert long_modules() == {}
