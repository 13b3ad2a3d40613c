"""The package is ready for an index: sdist and wheel build, `twine check --strict`
passes (the long description renders), the licence travels in both, and the metadata
carries classifiers, project URLs and the `web` extra."""

from __future__ import annotations

import email
import importlib.util
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _need(*modules: str) -> None:
    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (pip install -e '.[dev]')")


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory) -> tuple[Path, Path]:
    _need("build", "hatchling", "twine")
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--sdist", "--wheel",
         "--outdir", str(out), str(ROOT)],
        capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    (sdist,) = out.glob("*.tar.gz")
    (wheel,) = out.glob("*.whl")
    return sdist, wheel


def test_twine_check_strict_passes(artifacts):
    done = subprocess.run([sys.executable, "-m", "twine", "check", "--strict",
                           *map(str, artifacts)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("PASSED") == 2


def test_the_licence_is_in_the_sdist_and_the_wheel(artifacts):
    sdist, wheel = artifacts
    licence = (ROOT / "LICENSE").read_text()
    assert licence.startswith("MIT License")
    with tarfile.open(sdist) as tar:
        (member,) = [m for m in tar.getnames() if m.endswith("/LICENSE")]
        assert tar.extractfile(member).read().decode() == licence
    with zipfile.ZipFile(wheel) as whl:
        (member,) = [n for n in whl.namelist() if n.endswith(".dist-info/licenses/LICENSE")]
        assert whl.read(member).decode() == licence
        assert "neurocoach/neurocoach.tcss" in whl.namelist()


def test_the_wheel_metadata_is_complete(artifacts):
    _, wheel = artifacts
    with zipfile.ZipFile(wheel) as whl:
        (name,) = [n for n in whl.namelist() if n.endswith(".dist-info/METADATA")]
        meta = email.message_from_bytes(whl.read(name))
    assert meta["License-Expression"] == "MIT"
    assert meta["Description-Content-Type"] == "text/markdown"
    classifiers = meta.get_all("Classifier")
    assert "Environment :: Console" in classifiers
    assert "Operating System :: POSIX" in classifiers
    assert any(c.startswith("Topic :: ") for c in classifiers)
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL"))
    assert {"Homepage", "Source", "Issues"} <= set(urls)
    assert "web" in meta.get_all("Provides-Extra")
    assert any("textual-serve" in r and "extra == 'web'" in r
               for r in meta.get_all("Requires-Dist"))
    assert "pipx install" in meta.get_payload()
