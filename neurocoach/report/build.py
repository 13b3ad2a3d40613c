"""The report for a clinician, built from the export document (so it shows exactly what an
export carries) as plain sections, rendered by report.render to Markdown or one HTML page.
No Textual, no SQL.
"""

from __future__ import annotations

import datetime as dt
from statistics import mean

import humanize

from neurocoach import __version__
from neurocoach.coach.norms import compare_stance
from neurocoach.coach.plan import Plan
from neurocoach.coach.progression import level_of, levels_for
from neurocoach.coach.routine import rest_weekdays
from neurocoach.coach.safety import STOP_REASONS
from neurocoach.coach.screening import stop_label
from neurocoach.coach.change import METHOD
from neurocoach.export.document import plan_from, with_own
from neurocoach.domain.models import SYMPTOMS, WEEKDAYS, Profile
from neurocoach.report.health import with_fall_tests as _with_fall_tests
from neurocoach.report.health import with_health as _with_health
from neurocoach.report.render import to_html, to_markdown
from neurocoach.report.sections import Section, Table, day_words
from neurocoach.report.svg import adherence_chart, balance_chart, symptom_chart
from neurocoach.services import report as report_figures
from neurocoach.services.adherence import training_rest_days
from neurocoach.domain.words import about_minutes, count, duration, join_words, seconds_held

FEET_WORDS = {"ok": "looked, fine", "skin": "a skin problem (blister, cut, wound, red spot)",
              "hot": "warm, red or swollen", "unchecked": "not looked"}


def _days(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _share(done: int, planned: int) -> str:
    return "–" if not planned else f"{min(100, round(100 * done / planned))} %"


def build_report(doc: dict, catalog, today: dt.date, days: int = 90) -> tuple[str, list[Section]]:
    """The report's title and sections for the `days` up to `today`."""
    start = today - dt.timedelta(days=max(1, days) - 1)
    known = [_days(r["date"]) for key in ("checkins", "sessions", "balance_tests")
             for r in doc[key]]
    in_period = [d for d in known if start <= d <= today]
    if in_period:
        start = max(start, min(in_period))
    checkins = [c for c in doc["checkins"] if start <= _days(c["date"]) <= today]
    sessions = [s for s in doc["sessions"] if start <= _days(s["date"]) <= today]
    tests = [b for b in doc["balance_tests"] if start <= _days(b["date"]) <= today]
    p = doc.get("profile") or {}
    profile = Profile(birth_year=p.get("birth_year"), feet=p.get("feet", "both"),
                      days_per_week=p.get("days_per_week", 5),
                      rest_days=tuple(p.get("rest_days", (2, 6))),
                      restriction=p.get("restriction", "none"))
    catalog, archived = with_own(catalog, doc)
    plan = plan_from(doc, catalog, profile).without(archived)
    levels = {c["exercise_id"]: c for c in doc.get("level_changes", [])}  # the latest wins
    changes = [c for c in doc.get("level_changes", []) if start <= _days(c["date"]) <= today]
    span = (today - start).days + 1
    sections = [
        _with_health(_period(start, today, span, profile,
                             bool(known) or doc.get("records_before", False)), p, sessions),
        _adherence(sessions, plan, catalog, start, today),
        _symptoms(checkins, today, doc["checkins"]),
        _with_fall_tests(_balance(tests, profile, today), doc, start, today, profile),
        _feet(checkins, span),
        _stops(sessions),
        _plan(plan, catalog, profile, levels, changes),
        _notes(checkins),
    ]
    title = f"neurocoach report: {day_words(start)} to {day_words(today)}"
    return title, sections


def _period(start, today, span, profile: Profile, any_data: bool) -> Section:
    age = profile.age(today)
    # The plan's rest days (the profile's, with any the plan adds): those the adherence
    # table counts, Today rests on and the streak keeps.
    rest = [WEEKDAYS[d] for d in sorted(training_rest_days(profile))] or ["none"]
    facts = [
        f"From {day_words(start)} to {day_words(today)}: "
        f"{_span_words(span)}.",
        [f"Age: {age} (born {profile.birth_year})" if age is not None else "Age: not given",
         f"Feet with neuropathy: {profile.feet}",
         f"Training days a week: {profile.days_per_week}; rest days: {join_words(rest)}",
         "Limit from a clinician: " + ("no weight-bearing exercise"
                                       if profile.restriction == "no_weight_bearing" else "none")],
        f"Prepared on {day_words(today)} by neurocoach {__version__} from the person's own "
        "records. neurocoach supports exercise; it does not diagnose or treat.",
    ]
    if not any_data:
        facts.insert(1, "No check-ins, sessions or balance tests are recorded yet.")
    return Section("Period covered", facts)


def _span_words(span: int) -> str:
    """'a day', '5 days', 'a month (30 days)': humanize's words, the exact count if they round."""
    words, exact = humanize.naturaldelta(dt.timedelta(days=span)), count(span, "day")
    return words if words in (exact, "a day") else f"{words} ({exact})"


def _adherence(sessions, plan: Plan, catalog, start, today) -> Section:
    figures = report_figures.adherence(sessions, plan, catalog, start, today)
    rows = [[day_words(w.monday), str(w.planned), str(w.done), _share(w.done, w.planned),
             str(w.bonus) if w.bonus else ""] for w in figures.weeks]
    weeks = [(w.monday, w.planned, w.done) for w in figures.weeks]
    extra = figures.bonus
    blocks = [
        f"Trained on {figures.done} of {count(figures.planned, 'planned day')} "
        f"({_share(figures.done, figures.planned)})"
        + (f", plus {count(extra, 'rest day')}" if extra else "") + ". "
        "Exercise studies in diabetic neuropathy counted more than 70 % of planned sessions "
        "as good adherence.",
        adherence_chart(weeks),
        Table(["Week of", "Planned days", "Days trained", "Share", "Also on rest days"], rows),
        f"Steps done: {humanize.intcomma(figures.steps_done)}; "
        f"skipped: {humanize.intcomma(figures.steps_skipped)}. "
        "How the steps felt: " + (", ".join(f"{n} {w}" for w, n in figures.ratings.items() if n)
                                   or "none rated") + ". "
        f"Time exercising: {duration(figures.seconds)}.",
    ]
    return Section("Adherence", blocks)


def _average(checkins, symptom, first, last) -> float | None:
    values = [c[symptom] for c in checkins if first <= _days(c["date"]) <= last
              and c[symptom] is not None]
    return mean(values) if values else None


def _symptoms(checkins, today, all_checkins) -> Section:
    if not checkins:
        return Section("Symptoms", ["No check-ins in this period."])
    start = min(_days(c["date"]) for c in checkins)
    lines = []
    changes = report_figures.symptom_changes(all_checkins, today)
    for symptom, change in changes.items():
        if change is None:
            lines.append(f"{symptom.capitalize()}: not enough scores to compare yet (7 days "
                         "of scores at the start and 3 in the last week, 3 weeks apart).")
            continue
        percent = "" if change.percent is None else f", {change.percent:+.0f} %"
        verdict = f"**{change.verdict}**" if change.meaningful else change.verdict
        lines.append(
            f"{symptom.capitalize()}: {change.baseline:.1f} ({day_words(change.baseline_days[0])}"
            f" – {day_words(change.baseline_days[1])}) → {change.recent:.1f} (last 7 days): "
            f"{change.points:+.1f} points{percent} — {verdict}; {change.label}.")
    rows = []
    monday = start - dt.timedelta(days=start.weekday())
    while monday <= today:
        sunday = monday + dt.timedelta(days=6)
        in_week = sum(monday <= _days(c["date"]) <= sunday for c in checkins)
        if in_week:
            rows.append([day_words(monday)]
                        + [_number(_average(checkins, s, monday, sunday)) for s in SYMPTOMS]
                        + [str(in_week)])
        monday += dt.timedelta(days=7)
    worst = max(checkins, key=lambda c: (c["pain"], c["date"]))
    return Section("Symptoms", [
        f"Scores are 0 (none) to 10 (worst). {METHOD}",
        lines,
        symptom_chart(checkins, start, today, changes),
        Table(["Week of", *(s.capitalize() for s in SYMPTOMS), "Check-ins"], rows),
        f"Highest pain: {worst['pain']} on {day_words(_days(worst['date']))}.",
    ])


def _balance(tests, profile: Profile, today) -> Section:
    norm = compare_stance(0.0, profile.age(today))
    about = (f"Typical for age {norm.band}: about {norm.typical:.0f} s "
             "(Springer et al. 2007, eyes open, best of 3)." if norm.typical
             else "No typical time to compare with: "
                  + ("age not given." if norm.band is None else f"none for age {norm.band}."))
    if not tests:
        return Section("Balance", ["Single-leg stand, eyes open, next to a sturdy support. "
                                   "No balance tests in this period.", about])
    best: dict[dt.date, dict[str, float]] = {}
    for t in tests:
        day = best.setdefault(_days(t["date"]), {})
        day[t["side"]] = max(day.get(t["side"], 0.0), t["seconds"])
    rows = [[day_words(d), *(seconds_held(v[side]) if side in v else "–"
                             for side in ("left", "right"))]
            for d, v in sorted(best.items())]
    lines = []
    for side in ("left", "right"):
        times = [(d, v[side]) for d, v in sorted(best.items()) if side in v]
        if not times:
            continue
        (_, first), (_, last) = times[0], times[-1]
        line = (f"{side.capitalize()}: {seconds_held(first)} at first, {seconds_held(last)} "
                "at the latest test")
        if norm.typical:
            line += f": {compare_stance(last, profile.age(today)).verdict}"
        lines.append(line + ".")
    return Section("Balance", ["Single-leg stand, eyes open, next to a sturdy support; "
                               "the best time of the day for each side.", about, lines,
                               balance_chart(best, norm.typical),
                               Table(["Date", "Left", "Right"], rows)])


def _feet(checkins, span) -> Section:
    counts = {state: sum(c["feet"] == state for c in checkins) for state in FEET_WORDS}
    missing = span - len(checkins)
    lines = [f"{FEET_WORDS[s].capitalize()}: {count(n, 'day')}" for s, n in counts.items()]
    lines.append(f"No check-in: {count(missing, 'day')}")
    sore = [[day_words(_days(c["date"])), f"{FEET_WORDS[c['feet']]}, {c.get('foot') or 'both'}",
             c["note"] or ""] for c in checkins if c["feet"] in ("skin", "hot")]
    blocks = ["The daily look at both feet, soles too.", lines]
    blocks.append(Table(["Day with a foot problem", "What, which foot", "Note"], sore) if sore
                  else "No day with a skin problem or a warm, red, swollen foot.")
    return Section("Foot checks", blocks)


def _stops(sessions) -> Section:
    stops = [s for s in sessions if s.get("stopped_reason")]
    if not stops:
        return Section("Safety stops", ["No session was stopped for a symptom."])
    rows = []
    for s in stops:
        reason = STOP_REASONS.get(s["stopped_reason"])
        done = sum(e["status"] == "done" for e in s["entries"])
        rows.append([day_words(_days(s["date"])),
                     reason.label if reason else stop_label(s["stopped_reason"]),
                     f"{done} of {len(s.get('steps') or s['entries'])}"])
    return Section("Safety stops", [
        f"Sessions stopped with the stop key for a symptom: {len(stops)}.",
        Table(["Date", "Reason", "Steps done before stopping"], rows)])


def _dose_words(plan: Plan, exercise, level: dict | None) -> str:
    settings = plan.settings_for(exercise.id)
    if settings.dose is not None:
        return settings.dose.describe(exercise.per_side) + " (set by the plan)"
    number = settings.level or (level or {}).get("level")
    if number is None:
        return "no level yet; usual dose " + exercise.dose.describe(exercise.per_side)
    return level_of(levels_for(exercise, unsupported=plan.balance_without_support),
                    number).describe(exercise.per_side)


def _plan(plan: Plan, catalog, profile: Profile, levels: dict, changes: list) -> Section:
    rest = [WEEKDAYS[d] for d in sorted(rest_weekdays(plan))] or ["none"]
    rows = []
    for ex_id in plan.exercise_ids:
        note = plan.settings_for(ex_id).note
        if ex_id in catalog:
            ex = catalog.get(ex_id)
            name = ex.name + (" (their own exercise)" if ex.custom else "")
            rows.append([name, ex.category, _dose_words(plan, ex, levels.get(ex_id)), note])
        else:
            rows.append([ex_id, "", "", note])
    blocks = [f"{count(plan.days_per_week, 'training day')} a week, rest on {join_words(rest)}; "
              f"each session aims at {about_minutes(plan.target_minutes)} (the plan's target), "
              "drawn in turn from these exercises:",
              Table(["Exercise", "Kind", "Level and dose now", "Note"], rows)]
    if plan.note:
        blocks.append(f"Note on the plan: {plan.note}")
    if profile.restriction == "no_weight_bearing":
        blocks.append("Weight-bearing exercises are swapped for seated ones, as asked.")
    if changes:
        blocks.append("Level changes in this period (the coach's, or set by hand or a plan):")
        blocks.append(Table(["Date", "Exercise", "Level", "Why"], [
            [day_words(_days(c["date"])),
             catalog.get(c["exercise_id"]).name if c["exercise_id"] in catalog
             else c["exercise_id"], str(c["level"]), c["reason"]] for c in changes]))
    return Section("Current plan", blocks)


def _notes(checkins) -> Section:
    rows = [[day_words(_days(c["date"])), c["note"]] for c in checkins if c["note"]]
    return Section("Notes", [Table(["Date", "Note"], rows)] if rows
                   else ["No notes in this period."])


def render(doc: dict, catalog, today: dt.date, days: int = 90, *, as_html: bool = False) -> str:
    """The report on `doc` for the `days` up to `today`, as Markdown or one HTML page."""
    title, sections = build_report(doc, catalog, today, days)
    return to_html(title, sections) if as_html else to_markdown(title, sections)
