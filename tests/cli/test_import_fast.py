"""A plain `neurocoach [--db PATH] import FILE` restores without click (neurocoach/__main__.py,
export/importing.py; issue 17: an import of ten years within 1.5x of `json.load` +
`executemany`), with the same line and the same refusals as the click command."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from neurocoach.__main__ import plain_import
from neurocoach.catalog import load_catalog
from neurocoach.services.demo import generate_history
from neurocoach.store import Store
from tests.cli.helpers import CLICK, PLAIN



def run(code: str, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True,
                          text=True, timeout=60, stdin=subprocess.DEVNULL)


@pytest.fixture
def exported(db_path, tmp_path):
    store = Store.open(db_path)
    generate_history(store, load_catalog(), dt.date.today() - dt.timedelta(days=1), 30, seed=7)
    store.close()
    out = tmp_path / "all.json"
    done = run(CLICK, "--db", db_path, "export", "--format", "json", "--out", out)
    assert done.returncode == 0, done.stderr
    return out


def test_a_plain_import_says_what_click_says_without_loading_click(exported, tmp_path):
    plain = run(PLAIN, "--db", tmp_path / "plain.db", "import", exported)
    full = run(CLICK, "--db", tmp_path / "full.db", "import", exported)
    assert plain.returncode == full.returncode == 0, plain.stderr
    assert plain.stderr == full.stderr == ""
    said, loaded = plain.stdout.splitlines()
    assert said == full.stdout.strip().replace("full.db", "plain.db")
    assert said.startswith(f"Imported {exported} into {tmp_path / 'plain.db'}: a profile, ")
    assert loaded == "CLICK False"
    for db in ("plain.db", "full.db"):  # the same rows
        store = Store.open(tmp_path / db)
        assert store.data_counts()["entries"] > 0
        store.close()
    assert Store.open(tmp_path / "plain.db").data_counts() == \
        Store.open(tmp_path / "full.db").data_counts()
    # --db after the command, as click takes it
    after = run(PLAIN, "import", exported, f"--db={tmp_path / 'after.db'}")
    assert after.returncode == 0 and after.stdout.splitlines()[-1] == "CLICK False"


def test_a_plain_import_refuses_in_clicks_words(exported, tmp_path):
    doc = json.loads(exported.read_text())
    doc["checkins"][0]["pain"] = 11
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    notes = tmp_path / "notes.db"
    notes.write_text("not a database")
    used = tmp_path / "used.db"
    assert run(CLICK, "--db", used, "import", exported).returncode == 0
    for argv in (["--db", tmp_path / "a.db", "import", bad],
                 ["--db", tmp_path / "a.db", "import", tmp_path / "absent.json"],
                 ["--db", notes, "import", exported],
                 ["--db", used, "import", exported],
                 ["--db", tmp_path / "no" / "such" / "x.db", "import", bad]):
        plain, full = run(PLAIN, *argv), run(CLICK, *argv)
        assert (plain.returncode, plain.stderr) == (full.returncode, full.stderr), argv
        assert plain.returncode == 2 and len(plain.stderr.splitlines()) == 1, plain.stderr
        assert plain.stdout == "CLICK False\n"
    assert not (tmp_path / "a.db").exists()
    assert notes.read_text() == "not a database"


@pytest.mark.parametrize("argv, plain", [
    (["import", "a.json"], (True, None, "a.json")),
    (["--db", "x.db", "import", "a.json"], (True, "x.db", "a.json")),
    (["import", "a.json", "--db=x.db"], (True, "x.db", "a.json")),
    (["import", "--db", "x.db", "a.json"], (True, "x.db", "a.json")),
    (["import"], (False, None, None)),
    (["import", "a.json", "b.json"], (False, None, None)),
    (["import", "--help"], (False, None, None)),
    (["import", "-"], (False, None, None)),
    (["a.json", "import"], (False, None, None)),
    (["--db", "x.db", "--db", "y.db", "import", "a.json"], (False, None, None)),
    (["export", "--format", "json"], (False, None, None)),
    (["status"], (False, None, None)),
])
def test_only_a_plain_import_takes_the_short_path(argv, plain, monkeypatch):
    monkeypatch.delenv("_NEUROCOACH_COMPLETE", raising=False)
    assert plain_import(argv) == plain
