from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def serve(tmp_path):
    """`neurocoach serve` on a free port of 127.0.0.1; yields its base URL."""
    pytest.importorskip("textual_serve", reason="needs the web extra (pip install -e '.[web]')")
    pytest.importorskip("aiohttp")
    started: list[subprocess.Popen] = []

    def start(db, *extra: str) -> str:
        port = free_port()
        proc = subprocess.Popen(
            [sys.executable, "-m", "neurocoach", "--db", str(db), "serve", "--port",
             str(port), *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy())
        started.append(proc)
        deadline = time.monotonic() + 60
        while True:  # wait for the server to accept connections (or to end)
            assert proc.poll() is None, proc.communicate()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return f"http://127.0.0.1:{port}"
            except OSError:
                assert time.monotonic() < deadline, "the server never listened"
                time.sleep(0.05)

    yield start
    for proc in started:
        proc.terminate()
        try:
            proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
