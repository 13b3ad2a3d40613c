"""The plan model, the plan file (read, write, every error), the words of a change, the store."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from neurocoach.catalog import Dose, exercise_field_errors, exercise_fields, load_catalog, with_custom
from neurocoach.coach.plan import ExerciseSettings, Plan, default_plan, describe_changes
from neurocoach.coach.plan_file import PlanFileError, parse_plan
from neurocoach.coach.plan_render import render_plan
from neurocoach.coach.progression import LevelState
from neurocoach.domain.models import Entry, Profile, Step
from neurocoach.store import Store
from neurocoach.store.migrations import migrations

CATALOG = load_catalog()
PLAN = default_plan(CATALOG, Profile())

SIT_TO_STAND = """
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

CLINICIAN = """\
# From the physiotherapist, 3 March
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
id = "walking"

[[exercise]]
id = "sit-to-stand"
""" + SIT_TO_STAND


def test_plan_compares_equal_in_one_form():
    a = Plan(("walking", "toe-stretch", "walking"), rest_days=(6, 2),
             settings=(("toe-stretch", ExerciseSettings()), ("gone", ExerciseSettings(level=2))))
    assert a == Plan(("walking", "toe-stretch"), rest_days=(2, 6))
    b = a.with_settings("walking", ExerciseSettings(level=2)).with_exercise("walking", False)
    assert b.exercise_ids == ("toe-stretch",) and b.settings == ()


def test_clinicians_file_reads_into_a_plan():
    result = parse_plan(CLINICIAN, "rivera.toml", CATALOG, PLAN)
    plan = result.plan
    assert plan.exercise_ids == ("towel-curls", "single-leg-stand", "walking", "sit-to-stand")
    assert (plan.days_per_week, plan.rest_days, plan.target_minutes) == (3, (1, 3, 5, 6), 20)
    assert plan.settings_for("towel-curls") == ExerciseSettings(
        dose=Dose("reps", 2, 8), note="Right foot first.")
    assert plan.settings_for("single-leg-stand").level == 2
    assert [e.id for e in result.custom] == ["sit-to-stand"] and result.custom[0].custom


def test_missing_keys_keep_the_current_values():
    current = Plan(PLAN.exercise_ids, 4, (0, 2, 4), 25, "keep me")
    plan = parse_plan('[[exercise]]\nid = "walking"\n', "p.toml", CATALOG, current).plan
    assert (plan.days_per_week, plan.rest_days, plan.target_minutes, plan.note) == (
        4, (0, 2, 4), 25, "keep me")
    only_days = parse_plan('days_per_week = 6\n[[exercise]]\nid = "walking"\n', "p.toml",
                           CATALOG, current).plan
    assert only_days.rest_days == (6,)


def test_round_trip_gives_the_same_plan():
    imported = parse_plan(CLINICIAN, "rivera.toml", CATALOG, PLAN)
    catalog = with_custom(CATALOG, imported.custom)
    text = render_plan(imported.plan, catalog)
    again = parse_plan(text, "export.toml", catalog, PLAN)
    assert again.plan == imported.plan
    assert again.custom == imported.custom
    assert render_plan(again.plan, catalog) == text


BAD = [
    ("days_per_week = 3\nrest_days = [\n", "line 2", "not valid TOML"),
    ("days_per_week = 3\nrest_days = [1 2]\n", "line 2", "not valid TOML"),
    ('colour = "blue"\n[[exercise]]\nid = "walking"\n', "line 1", "field 'colour'"),
    ('version = 2\n[[exercise]]\nid = "walking"\n', "line 1", "field 'version'"),
    ('days_per_week = 9\n[[exercise]]\nid = "walking"\n', "line 1", "field 'days_per_week'"),
    ('rest_days = ["Caturday"]\n[[exercise]]\nid = "walking"\n', "line 1", "'Caturday'"),
    ('days_per_week = 4\nrest_days = ["Sunday"]\n[[exercise]]\nid = "walking"\n', "line 2",
     "leaves 6 training days"),
    ('target_minutes = 500\n[[exercise]]\nid = "walking"\n', "line 1", "target_minutes"),
    ("days_per_week = 3\nexercise = []\n", "line 2", "field 'exercise': lists no exercises"),
    ('exercise = "walking"\n', "line 1", "field 'exercise': must be [[exercise]] tables"),
    ('[[exercise]]\nid = "walking"\n\n[[exercise]]\nid = "moonwalk"\n', "line 5",
     "'moonwalk' is not a built-in exercise"),
    ('[[exercise]]\nid = "walking"\n[[exercise]]\nid = "walking"\n', "line 4", "listed twice"),
    ('[[exercise]]\nid = "walking"\nlevel = 12\n', "line 3", "field 'level'"),
    ('[[exercise]]\nid = "walking"\ndose = { kind = "reps", reps = 5 }\n', "line 3",
     "field 'dose.kind': must be 'minutes'"),
    ('[[exercise]]\nid = "walking"\ndose = { kind = "minutes", minutes = 0 }\n', "line 3",
     "field 'dose.minutes'"),
    ('[[exercise]]\nid = "walking"\nname = "Walk"\n', "line 3", "[[custom_exercise]]"),
    ('[[exercise]]\nid = "walking"\n' + SIT_TO_STAND.replace('name = "Sit to stand"',
                                                             'name = ""'),
     "line 6", "custom_exercise 'sit-to-stand', field 'name'"),
    ('[[exercise]]\nid = "walking"\n' + SIT_TO_STAND.replace('"sit-to-stand"', '"walking"'),
     "line 5", "is a built-in exercise"),
    ('[[exercise]]\nid = "walking"\n' + SIT_TO_STAND.replace(
        "weight_bearing = false", "weight_bearing = true\nalternative = \"walking\""),
     "line 14", "field 'alternative'"),
]


@pytest.mark.parametrize("text,line,words", BAD)
def test_a_bad_file_names_the_line_and_the_field(text, line, words):
    with pytest.raises(PlanFileError) as caught:
        parse_plan(text, "bad.toml", CATALOG, PLAN)
    message = str(caught.value)
    assert message.startswith("bad.toml")
    assert "\n" not in message
    assert words in message
    if line:
        assert line in message


def test_a_file_without_exercise_tables_keeps_the_current_exercises():
    current = parse_plan(CLINICIAN, "rivera.toml", CATALOG, PLAN).plan
    result = parse_plan("days_per_week = 3\n", "days.toml", CATALOG, current)
    assert result.plan.exercise_ids == current.exercise_ids
    assert result.plan.settings == current.settings
    assert (result.plan.target_minutes, result.plan.note) == (current.target_minutes,
                                                              current.note)
    assert result.plan.days_per_week == 3
    assert len(result.plan.rest_days) == 4  # the usual rest days for 3 days a week
    assert result.custom == ()


def test_changes_in_words():
    result = parse_plan(CLINICIAN, "rivera.toml", CATALOG, PLAN)
    catalog = with_custom(CATALOG, result.custom)
    lines = describe_changes(PLAN, result.plan, catalog, new_exercises=result.custom)
    text = "\n".join(lines)
    assert "New exercise of your own: Sit to stand" in text
    assert "Training days: 5 days a week, resting on Wednesday and Sunday → 3 days a week" in text
    assert "Session length: about 15 → 20 minutes." in text
    assert "Takes out of your routine: Calf stretch at a wall" in text
    assert "Adds to your routine: Sit to stand." in text
    assert "Towel toe curls: the coach's levels → 2 sets of 8 each side every time." in text
    assert "Towel toe curls: note “Right foot first.”" in lines  # one full stop, not “…”.
    assert "Stand on one leg: the coach's levels → kept at level 2." in text
    assert describe_changes(result.plan, result.plan, catalog) == []


def test_custom_exercise_fields_are_checked_one_by_one():
    data = exercise_fields(CATALOG.get("toe-stretch")) | {"id": "my-stretch"}
    assert exercise_field_errors(data, CATALOG) == {}
    bad = data | {"name": "", "steps": ["only one"], "dose": {"kind": "hold", "seconds": 0}}
    errors = exercise_field_errors(bad, CATALOG)
    assert set(errors) == {"name", "steps", "dose"}
    assert exercise_field_errors(data | {"id": "toe-stretch"}, CATALOG)["id"].startswith(
        "is a built-in exercise")


# -- the store -------------------------------------------------------------------------------
NOW = dt.datetime(2026, 11, 23, 9, tzinfo=dt.timezone.utc)


def test_store_saves_the_plan_and_the_profile_days(store):
    assert store.saved_plan() is None
    plan = Plan(("walking", "towel-curls"), 4, (0, 3, 5), 20, "note",
                (("towel-curls", ExerciseSettings(level=2, dose=Dose("reps", 2, 8), note="n")),))
    store.save_plan(plan, NOW)
    assert store.saved_plan() == plan
    assert store.profile().rest_days == (0, 3, 5) and store.profile().days_per_week == 4


def test_store_keeps_level_history_and_custom_exercises(store):
    states = [LevelState("walking", n, NOW.date(), NOW, "up", f"level {n}") for n in (1, 2)]
    store.record_levels(states)
    assert store.level_states()["walking"].level == 2
    assert [s.level for s in store.level_history("walking")] == [1, 2]
    custom = parse_plan(CLINICIAN, "p.toml", CATALOG, PLAN).custom[0]
    store.save_custom_exercise(custom, NOW)
    store.save_plan(Plan(("walking", custom.id)), NOW)
    store.archive_custom_exercise(custom.id, NOW, plan=store.saved_plan())
    assert store.custom_exercises() == [custom]
    assert store.archived_exercise_ids() == {custom.id}
    assert store.saved_plan().exercise_ids == ("walking",)
    store.restore_custom_exercise(custom.id)
    assert store.archived_exercise_ids() == set()


def test_outcomes_group_sides_and_keep_the_hardest_rating(store):
    steps = [Step("calf-stretch", "left", seconds=15, sets=2),
             Step("calf-stretch", "right", seconds=15, sets=2), Step("walking", minutes=10)]
    record = store.start_session(NOW.date(), steps, NOW)
    store.log_entry(record.id, Entry(0, "calf-stretch", "done", "left", seconds=15, rating=1))
    store.log_entry(record.id, Entry(1, "calf-stretch", "done", "right", seconds=15, rating=3))
    store.log_entry(record.id, Entry(2, "walking", "skipped"))
    found = store.exercise_outcomes(["calf-stretch", "walking"], NOW.date())
    [calf] = found["calf-stretch"]
    assert calf.done and calf.rating == 3 and calf.planned == Dose("hold", 2, seconds=15)
    assert not found["walking"][0].done


def test_apply_plan_is_all_or_nothing(store, monkeypatch):
    result = parse_plan(CLINICIAN, "p.toml", CATALOG, PLAN)
    bad = LevelState("walking", 1, NOW.date(), NOW, "plan", None)  # reason is NOT NULL
    with pytest.raises(sqlite3.IntegrityError):
        store.apply_plan(result.plan, result.custom, NOW, [bad])
    assert store.saved_plan() is None and store.custom_exercises() == []
    store.apply_plan(result.plan, result.custom, NOW)
    assert store.saved_plan() == result.plan.with_schedule(store.profile())


def test_m002_upgrades_a_db_with_data(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    import sqlite_utils

    db = sqlite_utils.Database(conn)
    first = migrations._migrations[0]
    from sqlite_utils.migrations import Migrations

    only_first = Migrations(migrations.name)
    only_first._migrations = [first]
    only_first.apply(db)
    conn.execute("INSERT INTO checkins (day, pain, feet) VALUES ('2026-11-20', 3, 'ok')")
    conn.commit()
    conn.close()
    store = Store.open(path, stamp="t")
    try:
        assert store.checkin_for(dt.date(2026, 11, 20)).pain == 3
        assert {"plan", "plan_exercises", "level_changes", "custom_exercises"} <= set(
            store.db.table_names())
        assert store.saved_plan() is None and store.level_states() == {}
    finally:
        store.close()


def test_the_readme_example_plan_file_is_valid():
    from pathlib import Path

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    block = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    result = parse_plan(block, "README.md", CATALOG, PLAN)
    assert result.plan.exercise_ids == ("towel-curls", "single-leg-stand", "sit-to-stand")
    assert result.plan.settings_for("single-leg-stand").level == 2
    # Standing up from a chair loads the feet: on a sore-feet day it makes way for a seated
    # stand-in, like every weight-bearing exercise.
    (sit_to_stand,) = result.custom
    assert sit_to_stand.weight_bearing and sit_to_stand.position == "standing"
    assert sit_to_stand.alternative == "seated-heel-toe-raises"
    stand_in = CATALOG.get(sit_to_stand.alternative)
    assert stand_in.position == "seated" and not stand_in.weight_bearing
    from neurocoach.coach.routine import todays_routine
    from neurocoach.domain.models import Checkin

    catalog = with_custom(CATALOG, result.custom)
    start = dt.date(2026, 11, 23)
    resting = Profile(restriction="no_weight_bearing")
    routines = [todays_routine(result.plan, catalog, resting, start + dt.timedelta(days=n),
                               Checkin(start + dt.timedelta(days=n), pain=2, feet="ok"), 2.0)
                for n in range(7)]
    done = {item.exercise_id for r in routines for item in r.items}
    assert "sit-to-stand" not in done and "seated-heel-toe-raises" in done
    # On a skin-problem day the stand-in goes too: heel lifts press the sole on the floor.
    routines = [todays_routine(result.plan, catalog, Profile(), start + dt.timedelta(days=n),
                               Checkin(start + dt.timedelta(days=n), pain=2, feet="sore"), 2.0)
                for n in range(7)]
    done = {item.exercise_id for r in routines for item in r.items}
    assert not done & {"sit-to-stand", "seated-heel-toe-raises"}


def outcomes_by_decoding_steps(store, exercise_ids, since):
    """exercise_outcomes as first written: every entry since `since`, each session's
    steps decoded in Python. The reference for the SQL version."""
    import json

    from neurocoach.coach.progression import Outcome
    from neurocoach.store.plans import _logged, _planned

    wanted = set(exercise_ids)
    rows = store.conn.execute(
        "SELECT s.id, s.day, s.started_at, s.steps, e.step_index, e.exercise_id, e.status,"
        " e.rating, e.reps, e.seconds FROM sessions s JOIN entries e ON e.session_id = s.id"
        " WHERE s.day >= ? ORDER BY s.started_at, s.id, e.step_index", [since.isoformat()])
    grouped, steps_of = {}, {}
    for sid, day, started, steps, index, ex_id, status, rating, reps, seconds in rows:
        if ex_id not in wanted:
            continue
        group = grouped.setdefault((sid, ex_id), {
            "day": day, "started": started, "done": False, "rating": None, "planned": None,
            "logged": []})
        group["logged"].append((status, reps, seconds))
        group["done"] |= status == "done"
        if rating is not None:
            group["rating"] = max(group["rating"] or 0, rating)
        if group["planned"] is None:
            plan = steps_of.setdefault(sid, json.loads(steps))
            group["planned"] = _planned(plan[index]) if index < len(plan) else None
    result = {}
    for (_, ex_id), g in grouped.items():
        result.setdefault(ex_id, []).append(Outcome(
            day=dt.date.fromisoformat(g["day"]), started_at=dt.datetime.fromisoformat(g["started"]),
            done=g["done"], rating=g["rating"], planned=g["planned"],
            logged=_logged(g["planned"], g["logged"])))
    return result


def test_outcomes_from_sql_match_decoding_the_steps_on_generated_history(store):
    from neurocoach.services.demo import generate_history

    end = NOW.date()
    generate_history(store, CATALOG, end, 400, 2026)
    ids = [e.id for e in CATALOG.exercises]
    for wanted, since in ((ids, end - dt.timedelta(days=120)), (ids[:5], end - dt.timedelta(days=400)),
                          (["walking", "no-such-exercise"], end - dt.timedelta(days=30))):
        found = store.exercise_outcomes(wanted, since)
        assert found == outcomes_by_decoding_steps(store, wanted, since)
    assert store.exercise_outcomes([], end) == {}
    assert any(o.planned for outcomes in found.values() for o in outcomes)
