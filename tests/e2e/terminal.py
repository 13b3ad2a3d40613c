"""Drive the installed `neurocoach` in a real pty through tmux, and read its screen."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

TMUX = shutil.which("tmux")
NEUROCOACH = str(Path(sys.executable).parent / "neurocoach")


class Terminal:
    """One tmux session running one command; `screen()` is what a person would see."""

    def __init__(self, command: list[str], *, width: int = 80, height: int = 24,
                 env: dict[str, str] | None = None) -> None:
        self.name = f"nc-{uuid.uuid4().hex[:8]}"
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in (env or {}).items())
        line = f"env {exports} {shlex.join(command)}; echo __EXIT__ $?; sleep 600"
        subprocess.run(
            [TMUX, "-f", "/dev/null", "new-session", "-d", "-s", self.name, "-x", str(width),
             "-y", str(height), line],
            check=True,
        )
        subprocess.run([TMUX, "set-option", "-t", self.name, "escape-time", "0"], check=False)

    def keys(self, *keys: str, delay: float = 0.15) -> None:
        for key in keys:
            subprocess.run([TMUX, "send-keys", "-t", self.name, key], check=True)
            time.sleep(delay)

    def screen(self) -> str:
        out = subprocess.run([TMUX, "capture-pane", "-p", "-t", self.name],
                             capture_output=True, text=True, check=True)
        return out.stdout

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")
            time.sleep(0.1)

    def app_pid(self) -> int:
        """The neurocoach process in the pane (a child of the pane's shell)."""
        pane = subprocess.run([TMUX, "list-panes", "-t", self.name, "-F", "#{pane_pid}"],
                              capture_output=True, text=True, check=True).stdout.split()[0]
        out = subprocess.run(["pgrep", "-P", pane], capture_output=True, text=True).stdout.split()
        for pid in out:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
            if b"neurocoach" in cmd:
                return int(pid)
        raise AssertionError("neurocoach is not running in the pane")

    def close(self) -> None:
        subprocess.run([TMUX, "kill-session", "-t", self.name], check=False,
                       capture_output=True)


def neurocoach(*args: str) -> list[str]:
    return [NEUROCOACH, *args]


def env_for(db: Path) -> dict[str, str]:
    return {"NEUROCOACH_DB": str(db), "TERM": "xterm-256color", "HOME": os.environ["HOME"]}
