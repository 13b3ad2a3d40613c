"""Shared by the attack tests: running the real command, and planting things."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path


def run(*args, db=None, stdin: str | None = None, env=None,
        timeout: float = 60) -> subprocess.CompletedProcess:
    argv = [sys.executable, "-m", "neurocoach"]
    if db is not None:
        argv += ["--db", str(db)]
    return subprocess.run(argv + [str(a) for a in args], capture_output=True, text=True,
                          timeout=timeout, input=stdin, env=env,
                          stdin=subprocess.DEVNULL if stdin is None else None)


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def plant(folder: Path, names, victim: Path, kind: str) -> None:
    """At every name, a symlink to `victim` or a hard link of it (what someone sharing the
    folder could leave there before neurocoach writes)."""
    for name in names:
        spot = folder / name
        if os.path.lexists(spot):
            continue
        if kind == "symlink":
            spot.symlink_to(victim)
        else:
            os.link(victim, spot)


OTHER_USER = "nc-other"


def other_uid() -> int:
    """The uid of a second person on this computer, created (useradd) when missing: the CI
    runs as root, so it can; elsewhere the test is skipped, saying why."""
    import pwd
    import shutil

    import pytest

    try:
        return pwd.getpwnam(OTHER_USER).pw_uid
    except KeyError:
        pass
    if os.geteuid() != 0 or not shutil.which("useradd"):
        pytest.skip(f"needs a second user ({OTHER_USER}): run as root to have it created")
    subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                    OTHER_USER], check=True, capture_output=True)
    return pwd.getpwnam(OTHER_USER).pw_uid
