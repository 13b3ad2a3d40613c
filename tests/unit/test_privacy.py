"""Health data stays on the machine: no network code anywhere in the package."""

from __future__ import annotations

import ast
from pathlib import Path

import neurocoach

NETWORK_MODULES = {"socket", "ssl", "http", "urllib", "requests", "httpx", "aiohttp",
                   "smtplib", "ftplib", "telnetlib", "xmlrpc", "websockets"}


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
                          if n.split(".")[0] in NETWORK_MODULES]
    assert offenders == []
