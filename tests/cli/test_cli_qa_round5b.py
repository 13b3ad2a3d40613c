"""Found by QA (round 5, second pass): each test fails without its fix."""

from __future__ import annotations

import errno

import pytest
from click.testing import CliRunner

from neurocoach.cli import cli


@pytest.mark.parametrize("argv, name", [
    (["report", "--out"], "r.md"),
    (["plan", "export", "--out"], "p.toml"),
    (["export", "--format", "json", "--out"], "all.json"),
])
def test_a_file_that_cannot_be_written_is_named_as_typed(tmp_path, monkeypatch, argv, name):
    # "cannot write /x/.r.md.ujfupqa9.tmp: …" (a full disk, a read-only or virtual folder
    # such as /proc): the refusal named the private temp file, a name the person never
    # typed, instead of the file they asked for.
    from neurocoach.store import files

    db = tmp_path / "data" / "x.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db), "checkin", "--pain", "3"]).exit_code == 0

    def full(prefix, suffix, dir):
        raise OSError(errno.ENOSPC, "No space left on device", f"{dir}/{prefix}x1y2z3{suffix}")

    monkeypatch.setattr(files, "_mkstemp", full)
    out = tmp_path / name
    result = runner.invoke(cli, ["--db", str(db), *argv, str(out)])
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert line == (f"neurocoach: cannot write {out}: No space left on device; "
                    "nothing was written.")
    assert not out.exists()
