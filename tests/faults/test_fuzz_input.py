"""Bad input of every kind: never a traceback, never a bad row."""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from neurocoach.clock import FakeClock
from neurocoach.models import Profile
from neurocoach.store import Store

WORDS = st.one_of(
    st.integers(-20, 30).map(str), st.sampled_from(["", " ", "ten", "3.5", "1e3", "٣", "0x5",
                                                     "--pain", "ok", "sore", "unchecked"]),
    st.text(max_size=12),
)
OPTIONS = ["--pain", "--numbness", "--tingling", "--burning", "--feet", "--note", "--date",
           "--bogus"]


def valid_rows(store: Store) -> None:
    for c in store.checkins_between(dt.date.min, dt.date.max):
        assert 0 <= c.pain <= 10
        for v in (c.numbness, c.tingling, c.burning):
            assert v is None or 0 <= v <= 10
        assert c.feet in ("ok", "sore", "unchecked")
        assert len(c.note) <= 500


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(args=st.lists(st.one_of(st.sampled_from(OPTIONS), WORDS), max_size=8))
def test_checkin_cli_never_tracebacks(args, monkeypatch, capsys):
    from neurocoach.cli import main

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "f.db"
        monkeypatch.setattr(sys, "argv", ["neurocoach", "--db", str(db), "checkin", *args])
        with pytest.raises(SystemExit) as exit_:
            main()
            raise SystemExit(0)
        err = capsys.readouterr().err
        assert "Traceback" not in err
        assert exit_.value.code in (0, 2, None), (args, err)
        if exit_.value.code == 2:
            assert len(err.strip().splitlines()) == 1, err
        if db.exists():
            valid_rows(Store.open(db))


KEYS = st.lists(st.sampled_from(list("0123456789") + ["left", "right", "up", "down", "enter",
                                                      "tab", "x", "a", "space", "backspace"]),
                max_size=14)


@settings(max_examples=12, deadline=None)
@given(keys=KEYS)
def test_checkin_form_by_any_keys_never_saves_a_bad_row(keys):
    from neurocoach.tui.app import NeurocoachApp

    async def drive(store, clock):
        app = NeurocoachApp(store=store, clock=clock)
        app.animation_level = "none"
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("c", *keys, "ctrl+s")
            await pilot.pause()

    with tempfile.TemporaryDirectory() as tmp:
        clock = FakeClock(dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc))
        store = Store.open(Path(tmp) / "f.db")
        store.save_profile(Profile(), clock.now())
        asyncio.run(drive(store, clock))
        valid_rows(store)
        store.close()
