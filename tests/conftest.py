"""Shared fixtures: every test gets its own DB and a fake clock; the real data dir is never touched."""

from __future__ import annotations

import datetime as dt

import pytest

from neurocoach.clock import FakeClock
from neurocoach.store import Store


@pytest.fixture(autouse=True)
def _private_data(tmp_path, monkeypatch):
    """Point NEUROCOACH_DB, NEUROCOACH_CONFIG and the platform data/config dirs into
    tmp_path."""
    monkeypatch.setenv("NEUROCOACH_DB", str(tmp_path / "data" / "neurocoach.db"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("NEUROCOACH_CONFIG", str(tmp_path / "config" / "config.toml"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def read_only_folder(tmp_path):
    """Make a folder nothing can be written in, even by root (who ignores its mode bits):
    `lock(folder)` uses chmod 0500, or as root the immutable attribute (chattr +i); the
    test is skipped, saying why, where neither works."""
    import os
    import shutil
    import subprocess

    locked = []

    def lock(folder):
        if os.geteuid() != 0:
            folder.chmod(0o500)
        else:
            chattr = shutil.which("chattr")
            done = chattr and subprocess.run([chattr, "+i", str(folder)],
                                             capture_output=True).returncode == 0
            if not done:
                pytest.skip("running as root, and this filesystem has no immutable "
                            "attribute (chattr +i) to make a folder read-only")
        locked.append(folder)
        return folder

    yield lock
    for folder in locked:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
        else:
            folder.chmod(0o700)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "data" / "neurocoach.db"


@pytest.fixture
def clock():
    # A Monday morning.
    return FakeClock(dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc))


@pytest.fixture
def store(db_path):
    s = Store.open(db_path)
    yield s
    s.close()


@pytest.fixture
def make_app(store, clock):
    """Build the App on the test DB and fake clock; `onboarded=False` keeps the first run."""
    from neurocoach.domain.models import Profile
    from neurocoach.tui.app import NeurocoachApp

    def factory(onboarded: bool = True, profile: Profile | None = None):
        if onboarded:
            store.save_profile(profile or Profile(), clock.now())
        app = NeurocoachApp(store=store, clock=clock)
        app.animation_level = "none"
        return app

    return factory
