"""Health data stays on the machine: no network code anywhere in the package."""

from __future__ import annotations

import ast
from pathlib import Path

import neurocoach

NETWORK_MODULES = {"socket", "ssl", "http", "urllib", "requests", "httpx", "aiohttp",
                   "smtplib", "ftplib", "telnetlib", "xmlrpc", "websockets", "textual_serve"}
SERVER = "tui/web.py"
"""`neurocoach serve` (the web extra): it listens, for the person's own browser, and is
imported by that command alone; it never connects out."""


def _rel(path: Path) -> str:
    return path.relative_to(Path(neurocoach.__file__).parent).as_posix()


def test_no_module_imports_network_code():
    offenders = []
    for path in Path(neurocoach.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names
                          if n.split(".")[0] in NETWORK_MODULES and _rel(path) != SERVER]
    assert offenders == []


def test_only_the_serve_command_loads_the_server_and_it_never_connects_out():
    root = Path(neurocoach.__file__).parent
    importers = [_rel(p) for p in root.rglob("*.py")
                 if "neurocoach.tui.web" in p.read_text() and _rel(p) != SERVER]
    assert importers == ["cli/serve.py"]
    server = (root / SERVER).read_text()
    for outward in ("ClientSession", "create_connection", "urlopen", "open_connection"):
        assert outward not in server
