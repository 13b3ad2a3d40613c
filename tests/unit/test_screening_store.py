"""Issue 13 in the store: the screening answers, the clinician's plan stamp, the follow-up
after a stop and the self-tests; and the migration that adds them to an existing DB."""

from __future__ import annotations

import datetime as dt

from neurocoach.domain.models import Profile, Screening, Step
from neurocoach.store import Store
from tests.unit.test_migrations import _db_before


def test_m004_upgrades_a_db_with_data_and_its_people_count_as_not_asked(tmp_path):
    path = tmp_path / "old.db"
    conn = _db_before(path, "m003_profile_welcomed")
    conn.execute("INSERT INTO profile (id, birth_year, feet, days_per_week, rest_days,"
                 " restriction, updated_at, welcomed_at) VALUES (1, 1950, 'left', 4,"
                 " '[2, 5, 6]', 'none', '2026-01-05T09:00:00+00:00', '2026-01-05')")
    conn.execute("INSERT INTO sessions (day, started_at, finished_at, steps, stopped_reason)"
                 " VALUES ('2026-11-20', '2026-11-20T09:00:00', '2026-11-20T09:05:00', '[]',"
                 " 'chest')")
    conn.commit()
    conn.close()
    store = Store.open(path, stamp="t")
    try:
        cols = store.db["profile"].columns_dict
        assert {"screening", "clinician_plan_at"} <= set(cols)
        assert "follow_up" in store.db["sessions"].columns_dict
        assert "self_tests" in store.db.table_names()
        p = store.profile()
        assert (p.birth_year, p.feet, p.days_per_week) == (1950, "left", 4)
        assert p.screening == Screening()  # never asked
        assert p.screening.risk("sugar_meds")  # not asked counts as a possible risk
        assert store.welcomed()
        assert store.stop_to_follow_up(("chest",)) == (1, dt.date(2026, 11, 20), "chest")
    finally:
        store.close()


def test_screening_answers_round_trip_and_survive_other_profile_edits(store, clock):
    answers = Screening(sugar_meds="yes", eye_disease="no", dizzy_standing="unsure",
                        foot_history="no", fell="yes", walking_aid="no")
    store.save_profile(Profile(birth_year=1950, screening=answers), clock.now())
    assert store.profile().screening == answers
    assert not store.profile().screening.risk("eye_disease")
    store.mark_clinician_plan(clock.now())
    store.save_profile(Profile(birth_year=1951, screening=answers), clock.now())
    assert store.clinician_plan_at() == clock.now()  # a profile edit keeps the stamp


def test_a_garbled_screening_value_reads_as_not_asked(store, clock):
    store.save_profile(Profile(), clock.now())
    store.conn.execute("UPDATE profile SET screening = 'not json' WHERE id = 1")
    assert store.profile().screening == Screening()


def test_follow_up_is_recorded_once(store, clock):
    record = store.start_session(clock.today(), [Step("walking", minutes=10)], clock.now())
    store.finish_session(record.id, clock.now(), "breath")
    assert store.stop_to_follow_up(("chest", "breath")) == (record.id, clock.today(), "breath")
    store.record_follow_up(record.id, "checked")
    assert store.follow_up_of(record.id) == "checked"
    assert store.stop_to_follow_up(("chest", "breath")) is None


def test_self_tests_are_stored_by_kind(store, clock):
    store.record_self_test(clock.today(), "steadi", 3, clock.now())
    store.record_self_test(clock.today(), "chair_stand", 12, clock.now())
    assert store.self_tests("steadi") == [(clock.today(), "steadi", 3)]
    assert len(store.self_tests()) == 2
