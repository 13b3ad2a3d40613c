"""`neurocoach plan import | export`: good files, each kind of bad file, and the store after."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from neurocoach.cli import plan as cli_plan
from neurocoach.cli import cli
from neurocoach.store import Store

HERE = Path(__file__).parent
GOOD = """\
days_per_week = 3
rest_days = ["Tuesday", "Thursday", "Saturday", "Sunday"]
target_minutes = 20
note = "Stop the walking if the left heel hurts."

[[exercise]]
id = "towel-curls"
dose = { kind = "reps", reps = 8, sets = 2 }
note = "Right foot first."

[[exercise]]
id = "single-leg-stand"
level = 2

[[exercise]]
id = "sit-to-stand"

[[custom_exercise]]
id = "sit-to-stand"
name = "Sit to stand"
category = "strengthening"
purpose = "Stronger legs for getting up from a chair."
steps = ["Sit near the front of a firm chair.", "Stand up slowly, then sit down slowly."]
dose = { kind = "reps", reps = 10 }
per_side = false
position = "seated"
weight_bearing = false
needs_support = false
equipment = ["firm chair"]
safety = ["Use your hands on the armrests if you need to."]
easier = "Use your hands."
harder = "Fold your arms."
"""


def invoke(*args: str, stdin: str | None = None):
    return CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)


def snapshot(db_path) -> str:
    """Every row of the tables a plan import may touch."""
    store = Store.open(db_path)
    try:
        return json.dumps({t: list(store.db.query(f"SELECT * FROM {t}")) for t in
                           ("profile", "plan", "plan_exercises", "level_changes",
                            "custom_exercises")}, sort_keys=True)
    finally:
        store.close()


@pytest.fixture
def plan_file(tmp_path):
    def write(text: str, name: str = "plan.toml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path
    return write


def test_import_with_yes_applies_and_reports_the_changes(plan_file, db_path):
    result = invoke("plan", "import", str(plan_file(GOOD)), "--yes")
    assert result.exit_code == 0, result.output
    assert "New exercise of your own: Sit to stand" in result.stdout
    assert "Towel toe curls: the coach's levels → 2 sets of 8 each side every time." in result.stdout
    assert "Your plan is updated" in result.stdout
    store = Store.open(db_path)
    plan = store.saved_plan()
    assert plan.exercise_ids == ("towel-curls", "single-leg-stand", "sit-to-stand")
    assert (plan.days_per_week, plan.rest_days, plan.target_minutes) == (3, (1, 3, 5, 6), 20)
    assert store.profile().rest_days == (1, 3, 5, 6)
    assert store.level_states()["single-leg-stand"].level == 2
    assert store.level_states()["single-leg-stand"].cause == "plan"
    assert [e.id for e in store.custom_exercises()] == ["sit-to-stand"]
    store.close()


def test_without_a_terminal_and_without_yes_it_refuses(plan_file, db_path):
    before = snapshot(db_path)
    result = invoke("plan", "import", str(plan_file(GOOD)))
    assert result.exit_code == 2
    assert "add --yes" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Adds to your routine: Sit to stand." in result.stdout  # it shows what it would do
    assert snapshot(db_path) == before


def test_at_a_terminal_it_asks_first(plan_file, db_path, monkeypatch):
    monkeypatch.setattr(cli_plan, "can_ask", lambda: True)
    before = snapshot(db_path)
    result = invoke("plan", "import", str(plan_file(GOOD)), stdin="n\n")
    assert "Apply these changes?" in result.output and "Nothing changed." in result.output
    assert result.exit_code == 1
    assert snapshot(db_path) == before
    result = invoke("plan", "import", str(plan_file(GOOD)), stdin="y\n")
    assert result.exit_code == 0 and "Your plan is updated" in result.stdout
    assert snapshot(db_path) != before


BAD_FILES = {
    "toml syntax": ('days_per_week = 3\nrest_days = ["Monday" "Friday"]\n', "line 2"),
    "unknown top field": ('mood = "good"\n[[exercise]]\nid = "walking"\n', "field 'mood'"),
    "bad number": ('target_minutes = "lots"\n[[exercise]]\nid = "walking"\n',
                   "field 'target_minutes'"),
    "bad rest day": ('rest_days = ["Someday"]\n[[exercise]]\nid = "walking"\n', "'Someday'"),
    "empty exercise list": ("days_per_week = 3\nexercise = []\n", "lists no exercises"),
    "unknown exercise": ('[[exercise]]\nid = "moonwalk"\n', "'moonwalk' is not a built-in"),
    "bad level": ('[[exercise]]\nid = "walking"\nlevel = 0\n', "line 3: exercise 'walking', "
                                                               "field 'level'"),
    "bad dose": ('[[exercise]]\nid = "towel-curls"\ndose = { kind = "reps", reps = -1 }\n',
                 "field 'dose.reps'"),
    "bad custom field": (GOOD.replace('category = "strengthening"', 'category = "dancing"'),
                         "custom_exercise 'sit-to-stand', field 'category'"),
    "custom takes a built-in id": (GOOD.replace('"sit-to-stand"', '"walking"'), "built-in"),
    "standing but said no weight": (GOOD.replace('position = "seated"', 'position = "standing"'),
                                    "line 27: custom_exercise 'sit-to-stand', "
                                    "field 'weight_bearing': must be true"),
    "a standing stand-in": (GOOD.replace('position = "seated"\nweight_bearing = false',
                                         'position = "standing"\nweight_bearing = true\n'
                                         'alternative = "calf-stretch"'),
                            "field 'alternative': 'calf-stretch' must be seated or lying"),
    "eyes closed without leave": ('[[exercise]]\nid = "single-leg-stand"\nlevel = 5\n',
                                  "line 3: exercise 'single-leg-stand', field 'level': must be "
                                  "a whole number from 1 to 3"),
    "bad balance flag": ('balance_without_support = "yes"\n',
                         "line 1: field 'balance_without_support'"),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_a_bad_file_is_one_line_exit_2_and_nothing_changes(name, plan_file, db_path):
    invoke("plan", "import", str(plan_file(GOOD, "first.toml")), "--yes")
    before = snapshot(db_path)
    text, words = BAD_FILES[name]
    result = invoke("plan", "import", str(plan_file(text)), "--yes")
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("neurocoach: "), result.stderr
    assert words in lines[0]
    assert "Traceback" not in result.output
    assert snapshot(db_path) == before


def test_days_per_week_alone_keeps_the_exercises(plan_file, db_path):
    invoke("plan", "import", str(plan_file(GOOD, "first.toml")), "--yes")
    store = Store.open(db_path)
    before = store.saved_plan()
    store.close()
    result = invoke("plan", "import", str(plan_file("days_per_week = 5\n")), "--yes")
    assert result.exit_code == 0, result.output
    assert "Your plan is updated" in result.stdout
    store = Store.open(db_path)
    after = store.saved_plan()
    store.close()
    assert after.exercise_ids == before.exercise_ids and after.settings == before.settings
    assert after.days_per_week == 5 and len(after.rest_days) == 2


def test_unreadable_files(tmp_path, db_path):
    before = snapshot(db_path)
    missing = invoke("plan", "import", str(tmp_path / "nope.toml"), "--yes")
    assert missing.exit_code == 2 and "no such file" in missing.stderr
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"\xff\xfe\x00bad")
    result = invoke("plan", "import", str(binary), "--yes")
    assert result.exit_code == 2 and "not UTF-8" in result.stderr
    assert snapshot(db_path) == before


def test_round_trip_export_import_gives_the_identical_plan(plan_file, db_path, tmp_path):
    invoke("plan", "import", str(plan_file(GOOD)), "--yes")
    store = Store.open(db_path)
    plan, custom = store.saved_plan(), store.custom_exercises()
    store.close()
    exported = invoke("plan", "export").stdout
    out = tmp_path / "mine.toml"
    assert invoke("plan", "export", "--out", str(out)).exit_code == 0
    assert out.read_text() == exported
    assert (out.stat().st_mode & 0o777) == 0o600
    assert invoke("plan", "export", "--out", str(out)).exit_code == 2  # no silent overwrite
    again = invoke("plan", "import", str(out), "--yes")
    assert "nothing to change" in again.stdout

    # Into a fresh DB: the same plan and the same own exercises.
    other = tmp_path / "other.db"
    result = invoke("--db", str(other), "plan", "import", str(out), "--yes")
    assert result.exit_code == 0, result.output
    fresh = Store.open(other)
    assert fresh.saved_plan() == plan and fresh.custom_exercises() == custom
    fresh.close()
    assert invoke("--db", str(other), "plan", "export").stdout == exported


def test_export_of_the_default_plan_reads_back(db_path):
    text = invoke("plan", "export").stdout
    assert 'id = "calf-stretch"' in text and "days_per_week = 5" in text


def test_export_out_a_folder_writes_the_plan_inside_it(db_path, tmp_path):
    made = tmp_path / "for-the-clinic"
    result = invoke("plan", "export", "--out", f"{made}/")     # a folder that is not there yet
    assert result.exit_code == 0, result.output
    written = made / "neurocoach-plan.toml"
    assert 'id = "calf-stretch"' in written.read_text()
    assert (written.stat().st_mode & 0o777) == 0o600 and (made.stat().st_mode & 0o777) == 0o700
    assert str(written) in result.stdout                     # what was written: stdout
    again = invoke("plan", "export", "--out", str(made))        # an existing folder, no slash
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert invoke("plan", "export", "--out", str(made), "--force").exit_code == 0
    a_file = tmp_path / "plain.txt"
    a_file.write_text("mine")
    refused = invoke("plan", "export", "--out", f"{a_file}/")
    assert refused.exit_code == 2 and "is not a folder" in refused.stderr
    assert a_file.read_text() == "mine"


def test_export_into_a_read_only_folder_is_one_clear_line(db_path, tmp_path, read_only_folder):
    locked = tmp_path / "locked"
    locked.mkdir()
    read_only_folder(locked)
    result = invoke("plan", "export", "--out", str(locked / "plan.toml"))
    assert result.exit_code == 2 and "cannot write" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (locked / "plan.toml").exists()


def test_the_clinicians_leave_opens_the_no_hands_levels_one_level_a_day(plan_file, db_path):
    leave = ('balance_without_support = true\n[[exercise]]\nid = "single-leg-stand"\n'
             'level = 5\n')
    first = invoke("plan", "import", str(plan_file(leave)), "--yes")
    assert first.exit_code == 0, first.output
    assert "without holding on" in first.stdout
    store = Store.open(db_path)
    assert store.saved_plan().balance_without_support
    assert store.level_states()["single-leg-stand"].level == 5  # the clinician's start
    store.close()
    again = invoke("plan", "import", str(plan_file(leave.replace("level = 5", "level = 1"))),
                   "--yes")
    assert again.exit_code == 0
    third = invoke("plan", "import", str(plan_file(leave)), "--yes")
    assert third.exit_code == 0
    store = Store.open(db_path)
    assert store.level_states()["single-leg-stand"].level == 2  # from 1: one level a step
    store.close()
    out = invoke("plan", "export")
    assert "balance_without_support = true" in out.stdout
