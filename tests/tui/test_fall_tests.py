"""The STEADI 4-stage test (f) and the 30-second chair stand (c) on Progress: by keys, saved,
shown beside the single-leg stance, and in the report."""

from __future__ import annotations

from neurocoach.export.document import export_document
from neurocoach.domain.models import Checkin, Profile
from neurocoach.report.build import render
from neurocoach.tui.screens.progress import ProgressScreen
from neurocoach.tui.screens.progress_fall_tests import FallTestScreen


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def test_steadi_by_keys_saved_and_shown(make_app, store, clock):
    app = make_app(profile=Profile(birth_year=1963))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "f")
        assert isinstance(app.screen, FallTestScreen)
        assert "someone beside you" in text(app, "#fall-test-safety")
        await pilot.press("y", "y", "n")               # held stages 1 and 2, not the tandem
        assert "raised risk of falling" in text(app, "#fall-test-status")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        shown = text(app, "#fall-tests")
        assert "4-stage balance (STEADI)" in shown and "held 2 of 4" in shown
    assert store.self_tests() == [(clock.today(), "steadi", 2)]


async def test_chair_stand_typed_in_saved_with_its_norm(make_app, store, clock):
    app = make_app(profile=Profile(birth_year=1963))   # 63: men 14-19, women 12-17
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "c")
        await pilot.press("9", "9", "enter")            # 99 is not a count
        assert "0 to 60" in text(app, "#fall-test-status")
        await pilot.press("backspace", "backspace", "1", "3", "enter")
        await pilot.pause()
        shown = text(app, "#fall-tests")
        assert "13 stands in 30 s: at the low end" in shown and "women 12-17" in shown
    assert store.self_tests() == [(clock.today(), "chair_stand", 13)]
    report = render(export_document(store, app.catalog, clock.now()), app.catalog,
                    clock.today())
    assert "30-second chair stand, 2026-11-23: 13 stands in 30 s" in report
    assert "with a clinician or with someone beside the person" in report


async def test_not_on_a_sore_foot_day(make_app, store, clock):
    store.record_checkin(Checkin(clock.today(), pain=2, feet="sore"), clock.now())
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "f")
        assert "Not today" in text(app, "#fall-test-safety")
        await pilot.press("y", "enter")                  # nothing to answer or save
        assert isinstance(app.screen, FallTestScreen)
        await pilot.press("escape")
    assert store.self_tests() == []


async def test_the_report_lists_the_health_answers_and_a_follow_up(store, clock):
    import datetime as dt

    from neurocoach.catalog import load_catalog
    from neurocoach.domain.models import Screening, Step

    store.save_profile(Profile(screening=Screening(sugar_meds="yes", fell="no")), clock.now())
    day = clock.today() - dt.timedelta(days=2)
    at = dt.datetime.combine(day, dt.time(9), tzinfo=dt.timezone.utc)
    record = store.start_session(day, [Step("walking", minutes=10)], at)
    store.finish_session(record.id, at, "chest")
    store.record_follow_up(record.id, "checked")
    report = render(export_document(store, load_catalog(), clock.now()), load_catalog(),
                    clock.today())
    assert "tablets that can lower your blood sugar (a sulfonylurea such as gliclazide)? yes" \
        in report
    assert "Have you fallen in the last year? no" in report
    assert "retinopathy)? not asked" in report
    assert "Stopped on Sat 21 Nov 2026 for chest pain or pressure: checked since." in report


async def test_help_over_the_4_stage_test_and_the_follow_up_names_their_keys(make_app, store,
                                                                            clock):
    import datetime as dt

    from neurocoach.domain.models import Step
    from neurocoach.tui.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "f", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert "Held 10 s" in shown and "Not held" in shown
    day = clock.today() - dt.timedelta(days=1)
    record = store.start_session(day, [Step("walking", minutes=10)],
                                 dt.datetime.combine(day, dt.time(9), tzinfo=dt.timezone.utc))
    store.finish_session(record.id, clock.now(), "breath")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert "Yes, it was checked" in shown and "Not yet" in shown
