"""Every shell command with any arguments: never a traceback, a sane exit status, one line
when it refuses, and the DB still sound afterwards."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from neurocoach.domain.models import Checkin, Profile
from neurocoach.store import Store, StoreError
from tests.faults.test_fuzz_input import WORDS, valid_rows

COMMANDS = {
    "status": [],
    "export": ["--format", "json", "csv", "xml", "--out", "--force"],
    "import": ["--bogus"],
    "report": ["--out", "--days", "--force"],
    "backup": ["--out", "--force"],
    "restore": ["--yes", "-y"],
    "plan import": ["--yes"],
    "plan export": ["--out", "--force"],
    "remind": ["--at", "--systemd", "--via"],   # not --install: it would change the real crontab
}
PLACES = ["out.json", "out.html", "out.md", "out.pdf", "new-folder/", "folder", "folder/x.csv",
          "export.json", "broken.json", "notes.txt", "plan.toml", "bad-plan.toml",
          "copy.bak", "missing.json", "nc.db", "", "/", "folder/../out.md"]


def seed(folder: Path) -> Path:
    """A DB with a check-in, and the files a person might hand a command."""
    db = folder / "nc.db"
    store = Store.open(db)
    now = dt.datetime(2026, 11, 23, 9, tzinfo=dt.timezone.utc)
    store.save_profile(Profile(), now)
    store.record_checkin(Checkin(day=now.date(), pain=3, feet="ok"), now)
    store.close()
    from neurocoach.catalog import load_catalog
    from neurocoach.export.document import export_document

    import json

    store = Store.open(db)
    (folder / "export.json").write_text(json.dumps(export_document(store, load_catalog(), now)))
    store.close()
    shutil.copy(db, folder / "copy.bak")
    (folder / "broken.json").write_text('{"format": "neurocoach-export", "version": 1, ')
    (folder / "notes.txt").write_text("not a database\n")
    (folder / "plan.toml").write_text('[[exercise]]\nid = "walking"\n')
    (folder / "bad-plan.toml").write_text('[[exercise]]\nid = "walking"\nlevel = 99\n')
    (folder / "folder").mkdir()
    return db


@st.composite
def calls(draw):
    """A command, then a few pieces: one of its own options with a value after it, or a
    lone word or path (a stray value, a missing file, a positional argument)."""
    command = draw(st.sampled_from(sorted(COMMANDS)))
    value = st.one_of(st.sampled_from(PLACES), WORDS)
    own = COMMANDS[command]
    piece = st.one_of(st.tuples(st.sampled_from(own), value), st.tuples(value)) if own \
        else st.tuples(value)
    return command, [word for part in draw(st.lists(piece, max_size=4)) for word in part]


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(call=calls())
def test_any_command_with_any_arguments_is_refused_cleanly_or_works(call, monkeypatch, capsys):
    from neurocoach.cli import main

    command, args = call
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = seed(folder)
        monkeypatch.chdir(folder)                        # a relative path stays in here
        monkeypatch.setattr(sys, "stdin", open(os.devnull))
        argv = ["neurocoach", "--db", str(db), *command.split(), *args]
        monkeypatch.setattr(sys, "argv", argv)
        with pytest.raises(SystemExit) as exit_:
            main()
            raise SystemExit(0)
        sys.stdin.close()
        err = capsys.readouterr().err
        assert "Traceback" not in err, (argv, err)
        assert exit_.value.code in (0, 1, 2, None), (argv, err)
        if exit_.value.code == 2:
            assert len(err.strip().splitlines()) == 1, (argv, err)
        try:
            store = Store.open(db)
        except StoreError as refused:                    # only a restore of a bad file…
            pytest.fail(f"{argv} left a DB that will not open: {refused}")
        valid_rows(store)
        store.close()
