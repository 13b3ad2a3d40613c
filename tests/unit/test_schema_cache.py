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


def test_nothing_is_cached_through_a_planted_link_or_into_an_open_folder(tmp_path,
                                                                         monkeypatch):
    """The cache is written only into a real folder of the person's that nobody else can
    write in: a link planted at the cache folder (to a folder of someone else's) got the
    cached schema and script written through it."""
    import os

    from neurocoach.store import Store

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (tmp_path / "cache").mkdir()
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    theirs.chmod(0o777)
    (tmp_path / "cache" / "neurocoach").symlink_to(theirs)
    Store.open(tmp_path / "a.db").close()
    assert os.listdir(theirs) == []
    (tmp_path / "cache" / "neurocoach").unlink()
    (tmp_path / "cache" / "neurocoach").mkdir()
    (tmp_path / "cache" / "neurocoach").chmod(0o777)
    Store.open(tmp_path / "b.db").close()
    assert os.listdir(tmp_path / "cache" / "neurocoach") == []
    (tmp_path / "cache" / "neurocoach").chmod(0o700)       # the person's own: kept there
    Store.open(tmp_path / "c.db").close()
    assert os.listdir(tmp_path / "cache" / "neurocoach") != []
