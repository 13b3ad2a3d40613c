"""The TUI's short forms of the services: the App holds one store, one catalog and one
clock, and screens hand them over through these (services themselves never see the App)."""

from __future__ import annotations

from collections.abc import Iterable

from neurocoach.catalog import with_custom
from neurocoach.coach.plan import Plan
from neurocoach.services import plan as plan_service
from neurocoach.services.levels import LevelInputs, LevelView, level_views as _level_views
from neurocoach.services.today import TodayView, today_view


def refresh_catalog(app) -> None:
    """Rebuild the app's catalog after the person's own exercises changed."""
    base = getattr(app, "builtin_catalog", None) or app.catalog
    app.catalog = with_custom(base, app.store.custom_exercises())


def person_plan(app) -> Plan:
    """The saved plan (or the default one), without archived exercises (services.plan)."""
    return plan_service.person_plan(app.store, app.catalog)


def level_views(app, plan: Plan, ids: Iterable[str] | None = None,
                read: LevelInputs | None = None) -> dict[str, LevelView]:
    """Levels in words for the session, the Library and the plan editor (nothing stored);
    `read`: what Today's enter decided from, handed on to the session it opens."""
    return _level_views(app.store, app.catalog, plan, app.clock.today(), ids, read)


def load_today(app, read: LevelInputs | None = None) -> TodayView:
    return today_view(app.store, app.catalog, app.clock.now(), app.write, read)
