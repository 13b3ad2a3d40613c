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
    """`neurocoach serve` on a free port of 127.0.0.1; `start(db)` gives the address it
    prints (with its key)."""
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
        while True:  # the address it prints, with its key, once it listens
            line = proc.stdout.readline()
            assert line or proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the server never said where it listens"
            if "?key=" in line:
                address = line.split("open ", 1)[1].split()[0]
                assert address.startswith(f"http://127.0.0.1:{port}/?key=")
                break
        while True:  # said just before it binds: wait until it accepts connections
            assert proc.poll() is None, proc.communicate()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return address
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
