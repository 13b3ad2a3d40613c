"""Drive the installed `neurocoach` in a real pty through tmux, and read its screen.

Each Terminal runs its own tmux server on a private socket, so no other tmux on the
machine (a person's, another test run's) can lend it its options or window sizes.
"""

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
        # The command starts only once the pane has the size asked for (stty reads the
        # pty), so the app never measures a pane tmux has not finished sizing.
        wait = (f"n=0; while [ \"$(stty size)\" != '{height} {width}' ] && [ $n -lt 100 ];"
                f" do sleep 0.05; n=$((n+1)); done;")
        line = f"{wait} env {exports} {shlex.join(command)}; echo __EXIT__ $?; sleep 600"
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", self.name, "-x", str(width),
                  "-y", str(height), line)
        self.tmux("set-option", "-t", self.name, "escape-time", "0", check=False)

    def tmux(self, *args: str, check: bool = True) -> str:
        # os.environ, passed whole: the process's own environment can also hold COLUMNS
        # and LINES that readline (imported by pytest through pdb) set behind os.environ's
        # back, and tmux would hand them to every pane.
        out = subprocess.run([TMUX, "-L", self.name, *args], capture_output=True, text=True,
                             check=check, env=dict(os.environ))
        return out.stdout

    def keys(self, *keys: str, delay: float = 0.15) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", self.name, key)
            time.sleep(delay)

    def burst(self, *keys: str) -> None:
        """Every key in one tmux command, so they reach the pty in one write: what a fast
        typist or a laggy SSH link delivers."""
        self.tmux("send-keys", "-t", self.name, *keys)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def pane_size(self) -> tuple[int, int]:
        width, height = self.tmux("display-message", "-p", "-t", self.name,
                                  "#{pane_width} #{pane_height}").split()
        return int(width), int(height)

    def resize(self, width: int, height: int, timeout: float = 10.0) -> None:
        """Resize the window as a person dragging the terminal would, and wait until
        tmux has given the pane (and so the app, by SIGWINCH) the new size."""
        self.tmux("resize-window", "-t", self.name, "-x", str(width), "-y", str(height))
        deadline = time.monotonic() + timeout
        while self.pane_size() != (width, height):
            if time.monotonic() > deadline:
                raise AssertionError(f"tmux never resized the pane to {width}x{height}")
            time.sleep(0.05)

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}\n"
                                     f"{self._diagnosis()}")
            time.sleep(0.1)

    def _diagnosis(self) -> str:
        """What the pane and the app's pty say about the size, to tell a lost resize from
        a drawing fault."""
        try:
            width, height = self.pane_size()
            pid = self.app_pid()
            tty = os.readlink(f"/proc/{pid}/fd/1")
            with open(tty) as handle:
                pty = os.get_terminal_size(handle.fileno())
            return (f"(tmux pane {width}x{height}; the app's pty {tty} is "
                    f"{pty.columns}x{pty.lines})")
        except Exception as error:  # a diagnosis must never hide the failure itself
            return f"(no size diagnosis: {error})"

    def app_pid(self) -> int:
        """The neurocoach process in the pane (a child of the pane's shell)."""
        pane = self.tmux("list-panes", "-t", self.name, "-F", "#{pane_pid}").split()[0]
        out = subprocess.run(["pgrep", "-P", pane], capture_output=True, text=True).stdout.split()
        for pid in out:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
            if b"neurocoach" in cmd:
                return int(pid)
        raise AssertionError("neurocoach is not running in the pane")

    def close(self) -> None:
        # This terminal's own server only: other tmux servers on the machine are untouched.
        self.tmux("kill-server", check=False)


def neurocoach(*args: str) -> list[str]:
    return [NEUROCOACH, *args]


def env_for(db: Path) -> dict[str, str]:
    return {"NEUROCOACH_DB": str(db), "TERM": "xterm-256color", "HOME": os.environ["HOME"]}


def onboarded(db: Path) -> None:
    """A DB past the first run (a default profile), so the app opens on Today."""
    import datetime as dt

    from neurocoach.domain.models import Profile
    from neurocoach.store import Store

    store = Store.open(db)
    store.save_profile(Profile(), dt.datetime.now().astimezone())
    store.close()


def session_started(terminals, db: Path, env: dict[str, str] | None = None) -> "Terminal":
    """The installed app on an onboarded `db`, with today's session started at step 1."""
    onboarded(db)
    term = terminals(neurocoach(), env=env_for(db) | (env or {}))
    term.wait_for("enter to start")
    term.keys("Enter")
    term.wait_for("Step 1 of")
    return term
