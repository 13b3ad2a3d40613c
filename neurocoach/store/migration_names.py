"""The names of this program's migrations, known without importing them.

Opening reads the applied names in plain SQL and compares them with these, so that
opening an up-to-date DB imports neither migrations.py nor sqlite-utils; migrations.py
and schema.py read them from here too (below all three: no cycle).
"""

from __future__ import annotations

MIGRATION_SET = "neurocoach"
MIGRATIONS = ("m001_initial", "m002_plans_levels_custom", "m003_profile_welcomed",
              "m004_i12_feet_and_balance", "m004_i13_screening_self_tests",
              "m004_i18_profile_movement", "m004_i17_progress_indexes",
              "m005_i17_exercise_totals", "m006_i17_streak_checkpoint",
              "m007_i17_stopped_sessions_index")
"""The names of the migrations in migrations.py, in order (a test keeps the two the
same). Known here, with the applied ones read in plain SQL, so that opening an up-to-date
DB imports neither migrations.py nor sqlite-utils (about 50 ms and 6 MiB at every launch)."""
