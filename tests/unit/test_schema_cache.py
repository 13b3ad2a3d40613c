"""The derived schema is cached in the person's cache folder, named on Linux without
importing platformdirs (issue 17: `status` at every login); the folder is platformdirs'."""

from __future__ import annotations

import sys

import pytest
from platformdirs import user_cache_dir

from neurocoach.store.schema import cache_folder


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="worked out on Linux only")
@pytest.mark.parametrize("xdg, home", [
    (None, "/home/ann"),
    ("/var/tmp/ann-cache", "/home/ann"),
    ("", "/home/ann"),
    ("relative/cache", "/home/ann"),   # not absolute: ignored, as the XDG spec says
    ("/srv/cache/", "/home/ann/"),
])
def test_the_cache_folder_is_platformdirs_own(monkeypatch, xdg, home):
    monkeypatch.delenv("ANDROID_DATA", raising=False)
    monkeypatch.setenv("HOME", home)
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert cache_folder() == user_cache_dir("neurocoach", appauthor=False)
