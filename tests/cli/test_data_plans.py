"""The plan, the person's own exercises and their levels go out and come back whole."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
import sys

import pytest

from neurocoach.catalog import Dose, exercise_fields, load_catalog, parse_exercise
from neurocoach.coach.plan import ExerciseSettings, default_plan
from neurocoach.coach.progression import LevelState
from neurocoach.domain.models import Checkin, Entry, Profile, Step
from neurocoach.export.document import export_document
from neurocoach.report.build import render
from neurocoach.store import Store


def run(*args, db=None) -> subprocess.CompletedProcess:
    argv = [sys.executable, "-m", "neurocoach"]
    if db is not None:
        argv += ["--db", str(db)]
    return subprocess.run(argv + [str(a) for a in args], capture_output=True, text=True,
                          timeout=60)


def own(ex_id: str, name: str, like: str = "toe-stretch"):
    fields = exercise_fields(load_catalog().get(like)) | {"id": ex_id, "name": name}
    return parse_exercise(fields, custom=True)


@pytest.fixture
def planned(store, clock):
    """A saved plan with a pinned level, a fixed dose and notes; two own exercises (one
    archived); level changes; a session on the own exercise."""
    now = clock.now()
    store.save_profile(Profile(birth_year=1950, rest_days=(2, 6)), now)
    store.save_custom_exercise(own("chair-toe-taps", "Chair toe taps"), now)
    store.save_custom_exercise(own("old-thing", "Old thing"), now)
    store.archive_custom_exercise("old-thing", now + dt.timedelta(minutes=1))
    base = default_plan(load_catalog(), store.profile())
    plan = dataclasses.replace(
        base, exercise_ids=(*base.exercise_ids, "chair-toe-taps"), target_minutes=20,
        note="From Dr Lee: keep going, three times a week at least.",
        settings=(("single-leg-stand", ExerciseSettings(level=2)),
                  ("chair-toe-taps", ExerciseSettings(dose=Dose("reps", 2, 12),
                                                      note="Slowly, both feet flat."))))
    store.save_plan(plan, now)
    day = clock.today() - dt.timedelta(days=3)
    store.record_levels([
        LevelState("towel-curls", 1, day - dt.timedelta(days=20), now, "start", "A first level."),
        LevelState("towel-curls", 3, day, now, "up", "Felt right three sessions running."),
    ])
    record = store.start_session(day, [Step("chair-toe-taps", reps=12, sets=2)], now)
    store.log_entry(record.id, Entry(0, "chair-toe-taps", "done", reps=12, rating=2,
                                     logged_at=now.isoformat()))
    store.finish_session(record.id, now)
    store.record_checkin(Checkin(day=day, pain=3, feet="ok"), now)
    return store


def test_everything_of_the_plan_is_exported(planned, clock):
    doc = export_document(planned, load_catalog(), clock.now())
    plan = doc["plan"]
    assert plan["target_minutes"] == 20 and plan["note"].startswith("From Dr Lee")
    assert plan["exercise_ids"][-1] == "chair-toe-taps"
    assert plan["settings"] == {
        "single-leg-stand": {"level": 2, "dose": None, "note": ""},
        "chair-toe-taps": {"level": None, "dose": {"kind": "reps", "sets": 2, "reps": 12},
                           "note": "Slowly, both feet flat."}}
    mine = [e for e in doc["exercises"] if e.get("custom")]
    assert [(e["id"], e["name"], e["category"], bool(e["archived_at"])) for e in mine] == [
        ("chair-toe-taps", "Chair toe taps", "stretching", False),
        ("old-thing", "Old thing", "stretching", True)]
    assert mine[0]["fields"]["steps"] == list(load_catalog().get("toe-stretch").steps)
    assert [(c["exercise_id"], c["level"], c["cause"]) for c in doc["level_changes"]] == [
        ("towel-curls", 1, "start"), ("towel-curls", 3, "up")]


def test_round_trip_keeps_plan_own_exercises_and_levels(planned, tmp_path):
    path = planned.path
    planned.close()
    out = tmp_path / "all.json"
    assert run("export", "--format", "json", "--out", out, db=path).returncode == 0
    fresh = tmp_path / "fresh.db"
    result = run("import", out, db=fresh)
    assert result.returncode == 0, result.stderr
    assert "a plan" in result.stdout and "2 own exercises" in result.stdout
    again = json.loads(run("export", "--format", "json", db=fresh).stdout)
    first = json.loads(out.read_text())
    again.pop("exported_at"), first.pop("exported_at")
    assert again == first
    a, b = Store.open(path), Store.open(fresh)
    assert b.saved_plan() == a.saved_plan()
    assert b.custom_exercises() == a.custom_exercises()
    assert b.archived_exercise_ids() == {"old-thing"}
    assert b.level_history("towel-curls") == a.level_history("towel-curls")
    a.close(), b.close()


def test_a_default_plan_is_not_saved_on_import(tmp_path, clock):
    store = Store.open(tmp_path / "a.db")
    store.save_profile(Profile(), clock.now())
    out = tmp_path / "a.json"
    out.write_text(json.dumps(export_document(store, load_catalog(), clock.now())))
    store.close()
    assert run("import", out, db=tmp_path / "b.db").returncode == 0
    imported = Store.open(tmp_path / "b.db")
    assert imported.saved_plan() is None  # still follows the default
    imported.close()


def _custom(doc):
    return next(e for e in doc["exercises"] if e.get("custom"))


BAD = {
    "own-field": (lambda d: _custom(d)["fields"].update(position="floating"),
                  ["exercises[", "position", "floating"]),
    "own-id": (lambda d: _custom(d)["fields"].update(id="other-id"), ["fields", "other-id"]),
    "builtin-fields": (lambda d: d["exercises"][0].update(fields={}), ["fields", "custom"]),
    "plan-dose": (lambda d: d["plan"]["settings"]["chair-toe-taps"].update(
        dose={"kind": "reps", "reps": 0}), ["dose.reps", "1 to 100"]),
    "plan-unknown": (lambda d: d["plan"]["exercise_ids"].append("nope"),
                     ["plan", "exercise_ids", "nope"]),
    "plan-minutes": (lambda d: d["plan"].update(target_minutes=500),
                     ["target_minutes", "5 to 120"]),
    "plan-settings": (lambda d: d["plan"]["settings"].update(walkingg={"level": 1}),
                      ["settings", "walkingg"]),
    "level-cause": (lambda d: d["level_changes"][0].update(cause="whim"), ["level_changes[0]",
                                                                          "cause", "whim"]),
}


@pytest.mark.parametrize("name", list(BAD))
def test_bad_plan_parts_are_refused(planned, clock, tmp_path, name):
    change, words = BAD[name]
    doc = export_document(planned, load_catalog(), clock.now())
    change(doc)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    result = run("import", bad, db=tmp_path / "t.db")
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1, result
    for word in words:
        assert word in result.stderr, result.stderr
    assert not (tmp_path / "t.db").exists()


def test_report_shows_levels_own_exercises_and_plan_notes(planned, clock):
    doc = export_document(planned, load_catalog(), clock.now())
    text = render(doc, load_catalog(), clock.today(), days=30)
    # The plan's target, said as one (round 5: "about 20 minutes a session" read as the
    # estimate of a session, which Today and the plan screen give).
    assert "each session aims at about 20 minutes (the plan's target)" in text
    assert "about 20 minutes a session" not in text
    assert "| Chair toe taps (their own exercise) | stretching | 2 sets of 12 each side (set by " \
           "the plan) | Slowly, both feet flat. |" in text
    assert "Level 2 of 3: hold on with one hand" in text  # the pinned balance level
    assert "| Towel toe curls | strengthening | Level 3 of " in text
    assert "Note on the plan: From Dr Lee" in text
    assert "Level changes in this period" in text and "Felt right three sessions running." in text
    assert "| Ankle circles | strengthening | no level yet; usual dose 10 times each side |" in text
    assert "Old thing" not in text  # archived: not in the current plan


def test_csv_plan_and_levels(planned, tmp_path):
    import csv

    path = planned.path
    planned.close()
    folder = tmp_path / "t"
    assert run("export", "--format", "csv", "--out", f"{folder}/", db=path).returncode == 0

    def table(name):
        with open(folder / f"{name}.csv", newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(fh))

    plan = {r["exercise_id"]: r for r in table("plan")}
    assert plan["chair-toe-taps"]["dose"] == "kind=reps sets=2 reps=12"
    assert plan["single-leg-stand"]["level"] == "2"
    assert [(r["exercise_id"], r["level"], r["cause"]) for r in table("level_changes")] == [
        ("towel-curls", "1", "start"), ("towel-curls", "3", "up")]
    mine = [r for r in table("exercises") if r["custom"] == "yes"]
    assert [(r["id"], bool(r["archived_at"])) for r in mine] == [("chair-toe-taps", False),
                                                                  ("old-thing", True)]
