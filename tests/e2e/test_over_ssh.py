"""The same app over real SSH: a throw-away sshd on 127.0.0.1, keys in a temp dir."""

from __future__ import annotations

import getpass
import os
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from neurocoach.store import Store
from tests.e2e.terminal import NEUROCOACH, onboarded

SSHD = shutil.which("sshd") or ("/usr/sbin/sshd" if os.path.exists("/usr/sbin/sshd") else None)
SSH = shutil.which("ssh")
KEYGEN = shutil.which("ssh-keygen")

pytestmark = pytest.mark.skipif(
    not (SSHD and SSH and KEYGEN),
    reason="openssh-server/ssh not installed (CI installs them: apt-get install openssh-server)",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def sshd(tmp_path):
    home = tmp_path / "ssh"
    home.mkdir(mode=0o700)
    for name in ("host_key", "user_key"):
        subprocess.run([KEYGEN, "-q", "-t", "ed25519", "-N", "", "-f", str(home / name)],
                       check=True)
    auth = home / "authorized_keys"
    shutil.copy(home / "user_key.pub", auth)
    auth.chmod(0o600)
    port = free_port()
    config = home / "sshd_config"
    config.write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {home / 'host_key'}\n"
        f"AuthorizedKeysFile {auth}\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n"
        "PubkeyAuthentication yes\nPermitRootLogin prohibit-password\nStrictModes no\n"
        f"PidFile {home / 'sshd.pid'}\nUsePAM no\nPermitUserEnvironment no\n"
        "AcceptEnv LANG LC_* NEUROCOACH_DB\n"
    )
    Path("/run/sshd").mkdir(exist_ok=True) if os.geteuid() == 0 else None
    proc = subprocess.Popen([SSHD, "-D", "-e", "-f", str(config)], stderr=subprocess.PIPE)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                break
        if proc.poll() is not None:
            pytest.skip(f"sshd would not start here: {proc.stderr.read().decode()[-300:]}")
        time.sleep(0.1)
    yield {"port": port, "key": home / "user_key", "home": home}
    proc.terminate()
    proc.wait(timeout=10)


def ssh_command(sshd, remote: str) -> list[str]:
    return [SSH, "-tt", "-p", str(sshd["port"]), "-i", str(sshd["key"]),
            "-o", "StrictHostKeyChecking=no", "-o", f"UserKnownHostsFile={sshd['home']}/known",
            "-o", "LogLevel=ERROR", f"{getpass.getuser()}@127.0.0.1", remote]


def test_first_run_checkin_and_a_whole_session_over_ssh(terminals, tmp_path, sshd):
    db = tmp_path / "ssh.db"
    remote = f"TERM=xterm-256color {NEUROCOACH} --db {db}"
    term = terminals(ssh_command(sshd, remote), env={"TERM": "xterm-256color"})
    term.wait_for("Welcome to neurocoach", timeout=30)
    term.keys("Escape")                                  # the defaults, over the link
    term.wait_for("enter to start")
    term.keys("c", "4", "Enter", "Enter", "Enter", "Enter", "1", "Enter", "Enter")
    term.wait_for("pain 4/10")
    term.keys("Enter")
    screen = term.wait_for("Step 1 of")
    total = int(re.search(r"Step 1 of (\d+)", screen).group(1))
    term.keys("Enter", "2", "s")
    term.wait_for("Step 3 of")
    term.keys("Escape")                                  # leave mid-session…
    term.wait_for("enter resumes at step 3")
    term.keys("Enter")                                   # …and come back to the place
    for step in range(3, total + 1):
        term.wait_for(f"Step {step} of {total}")
        term.keys("Enter")
    screen = term.wait_for("Session finished")
    assert f"Done: {total - 1} of {total} steps" in screen and "Skipped: 1" in screen
    term.keys("Enter", "p")
    screen = term.wait_for("Adherence")
    assert "Streak" in screen
    term.keys("q")
    term.wait_for("__EXIT__")
    store = Store.open(db)
    record = store.latest_session()
    assert record.finished_at is not None and record.entries[0].rating == 2
    statuses = [record.entries[i].status for i in range(total)]
    assert statuses == ["done", "skipped"] + ["done"] * (total - 2)
    assert store.checkin_for(record.day).pain == 4
    assert store.has_profile()


def test_dropped_ssh_connection_keeps_every_step(terminals, tmp_path, sshd):
    db = tmp_path / "drop.db"
    onboarded(db)
    remote = f"TERM=xterm-256color {NEUROCOACH} --db {db}"
    term = terminals(ssh_command(sshd, remote), env={"TERM": "xterm-256color"})
    term.wait_for("enter to start", timeout=30)
    term.keys("Enter")
    term.wait_for("Step 1 of")
    term.keys("Enter", "Enter", "Enter")
    term.wait_for("Step 4 of")
    term.close()                                         # the laptop lid closes
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        busy = subprocess.run(["pgrep", "-f", f"--db {db}"], capture_output=True).stdout
        if not busy:
            break
        time.sleep(0.2)
    assert sorted(Store.open(db).latest_session().entries) == [0, 1, 2]
