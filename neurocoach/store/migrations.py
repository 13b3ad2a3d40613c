"""The schema, one migration at a time (sqlite-utils Migrations).

Never edit a migration that has shipped: add a new one, and a test that upgrades a DB
of the previous schema with data in it. Add its name to `MIGRATIONS` in migration_names.py too:
opening reads the applied names in plain SQL and imports this module (and sqlite-utils)
only when one is pending.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from neurocoach.store.migration_names import MIGRATION_SET

migrations = Migrations(MIGRATION_SET)


@migrations()
def m001_initial(db: Database) -> None:
    db["profile"].create(
        {
            "id": int,
            "birth_year": int,
            "feet": str,
            "days_per_week": int,
            "rest_days": str,  # JSON list of weekday numbers
            "restriction": str,
            "updated_at": str,
        },
        pk="id",
    )
    db["checkins"].create(
        {
            "day": str,
            "pain": int,
            "numbness": int,
            "tingling": int,
            "burning": int,
            "feet": str,
            "note": str,
            "recorded_at": str,
        },
        pk="day",
        not_null={"pain", "feet"},
    )
    db["sessions"].create(
        {
            "id": int,
            "day": str,
            "started_at": str,
            "finished_at": str,
            "steps": str,  # JSON: the planned steps, fixed when the session starts
            "stopped_reason": str,
        },
        pk="id",
        not_null={"day", "started_at", "steps"},
    )
    db["sessions"].create_index(["day"])
    db["entries"].create(
        {
            "id": int,
            "session_id": int,
            "step_index": int,
            "exercise_id": str,
            "side": str,
            "status": str,
            "reps": int,
            "seconds": int,
            "rating": int,
            "logged_at": str,
        },
        pk="id",
        foreign_keys=[("session_id", "sessions", "id")],
        not_null={"session_id", "step_index", "exercise_id", "status"},
    )
    db["entries"].create_index(["session_id", "step_index"], unique=True)
    db["entries"].create_index(["exercise_id"])
    db["balance_tests"].create(
        {"id": int, "day": str, "side": str, "seconds": float, "recorded_at": str},
        pk="id",
        not_null={"day", "side", "seconds"},
    )
    db["balance_tests"].create_index(["day"])


@migrations()
def m002_plans_levels_custom(db: Database) -> None:
    """The person's plan, a history of level changes, and their own exercises."""
    db["plan"].create(
        {"id": int, "target_minutes": int, "note": str, "updated_at": str},
        pk="id",
        not_null={"target_minutes"},
    )
    db["plan_exercises"].create(
        {
            "exercise_id": str,
            "position": int,
            "level": int,  # kept at this level by hand or by the plan; NULL: the coach's
            "dose": str,  # JSON: a fixed dose from the plan; NULL: the level's
            "note": str,
        },
        pk="exercise_id",
        not_null={"position"},
    )
    db["level_changes"].create(
        {
            "id": int,
            "exercise_id": str,
            "level": int,
            "day": str,
            "at": str,
            "cause": str,  # start | up | hard | flare | feet | manual | plan
            "reason": str,
        },
        pk="id",
        not_null={"exercise_id", "level", "day", "at", "cause", "reason"},
    )
    db["level_changes"].create_index(["exercise_id", "id"])
    db["custom_exercises"].create(
        {
            "id": str,
            "fields": str,  # JSON: the catalog's fields, read back through its checks
            "created_at": str,
            "updated_at": str,
            "archived_at": str,  # NULL while in use; archiving never deletes
        },
        pk="id",
        not_null={"fields", "created_at", "updated_at"},
    )


@migrations()
def m003_profile_welcomed(db: Database) -> None:
    """When the person finished the welcome (escape = defaults, or the profile form).

    A profile row does not mean the welcome was seen: a plan import writes the days
    into it. A DB that already has a profile row counts as welcomed (at its last profile
    save), so that people using neurocoach today are not asked again.
    """
    db["profile"].add_column("welcomed_at", str)
    db.execute("UPDATE profile SET welcomed_at = COALESCE(updated_at, '')")


@migrations()
def m004_i12_feet_and_balance(db: Database) -> None:
    """Issue 12: which foot a check-in's problem is on; 'sore' becomes a skin problem on
    both feet (the safe reading); the plan's leave for balance without holding on; and
    a person's own exercise that is standing but said no weight-bearing is weight-bearing
    (weight-bearing follows from the position)."""
    import json

    db["checkins"].add_column("foot", str)
    db.execute("UPDATE checkins SET feet = 'skin', foot = 'both' WHERE feet = 'sore'")
    db["plan"].add_column("balance_without_support", int, not_null_default=0)
    for exercise_id, text in list(db.execute("SELECT id, fields FROM custom_exercises")):
        try:
            fields = json.loads(text)
        except ValueError:
            continue
        if (isinstance(fields, dict) and fields.get("position") == "standing"
                and fields.get("weight_bearing") is not True):
            fields["weight_bearing"] = True
            db.execute("UPDATE custom_exercises SET fields = ? WHERE id = ?",
                       [json.dumps(fields), exercise_id])


@migrations()
def m004_i13_screening_self_tests(db: Database) -> None:
    """Issue 13: the health screening answers (JSON, NULL: never asked) and when a
    clinician's plan file was last imported, on the profile; the answer to "was it
    checked?" after a session stopped for a serious symptom; the STEADI and chair-stand
    self-tests."""
    db["profile"].add_column("screening", str)
    db["profile"].add_column("clinician_plan_at", str)
    db["sessions"].add_column("follow_up", str)  # "checked" | "not_yet", NULL: not asked
    db["self_tests"].create(
        {"id": int, "day": str, "kind": str, "result": int, "recorded_at": str},
        pk="id",
        not_null={"day", "kind", "result"},
    )
    db["self_tests"].create_index(["day"])


@migrations()
def m004_i18_profile_movement(db: Database) -> None:
    """Whether the exercise drawings move (1, the default) or stay still (0): `a` on the
    session and Library screens switches it; kept with the profile."""
    db["profile"].add_column("movement", int, not_null_default=1)


@migrations()
def m004_i17_progress_indexes(db: Database) -> None:
    """Progress's all-history figures from indexes, not a scan of every step ever logged:
    a covering index for the per-exercise tallies of done steps (count and sums of seconds
    and reps read from the index alone), and a partial one on the sessions of done steps
    (a session "has a step done": trained days, session count, the last session)."""
    db.execute("CREATE INDEX IF NOT EXISTS idx_entries_done_tally"
               " ON entries (status, exercise_id, seconds, reps)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_entries_done_session"
               " ON entries (session_id) WHERE status = 'done'")


@migrations()
def m005_i17_exercise_totals(db: Database) -> None:
    """Running totals of the done steps of each exercise (how many; how many with seconds
    logged and their sum; the same for reps), kept in the same transaction as every step
    logged, replaced, undone or imported: Progress's all-history tallies read one row per
    exercise however long the history (issue 17). Filled here from the steps so far."""
    db["exercise_totals"].create(
        {"exercise_id": str, "steps": int, "timed": int, "seconds": int, "counted": int,
         "reps": int},
        pk="exercise_id",
        not_null={"steps", "timed", "seconds", "counted", "reps"},
    )
    db.execute("INSERT INTO exercise_totals (exercise_id, steps, timed, seconds, counted,"
               " reps) SELECT exercise_id, count(*), count(seconds), coalesce(sum(seconds), 0),"
               " count(reps), coalesce(sum(reps), 0) FROM entries WHERE status = 'done'"
               " GROUP BY exercise_id")


@migrations()
def m006_i17_streak_checkpoint(db: Database) -> None:
    """Where the streak walk stood at the end of a month long past (one row): Progress's
    longest streak walks only the days since it, not every day of the history (issue 17).
    Valid for the first day and rest days it was walked with; a step logged in a session
    on or before it removes it (in the step's transaction). Empty here: made on first use."""
    db["streak_checkpoint"].create(
        {"id": int, "through": str, "start": str, "rest": str, "run": int, "lead": int,
         "trained": int, "best": int},
        pk="id",
        not_null={"through", "start", "rest", "run", "lead", "trained", "best"},
    )


@migrations()
def m007_i17_stopped_sessions_index(db: Database) -> None:
    """A partial index on the sessions stopped for a reason (a handful in decades): the
    follow-up question Today asks at each opening and at enter finds the latest of them
    without reading every session ever started (issue 17, thirty years of history)."""
    db.execute("CREATE INDEX IF NOT EXISTS idx_sessions_stopped"
               " ON sessions (started_at, id) WHERE stopped_reason IS NOT NULL")
