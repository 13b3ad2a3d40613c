"""The adherence calendar's text: whole month names only, at every width and start."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from neurocoach.coach.stats import DONE
from neurocoach.tui.widgets.calendar import calendar_markup

MONTHS = {f"{dt.date(2026, m, 1):%b}" for m in range(1, 13)}


@settings(max_examples=40, deadline=None)
@given(first=st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)),
       weeks=st.integers(1, 26), shown=st.integers(1, 40))
def test_month_labels_are_whole_or_absent(first, weeks, shown):
    first_monday = first - dt.timedelta(days=first.weekday())
    header = calendar_markup({first_monday: DONE}, first_monday, weeks, first_monday,
                             shown).splitlines()[0]
    columns = min(weeks, shown)
    assert set(header.split()) <= MONTHS, header           # never "De" for December
    assert len(header) <= 4 + 2 * columns - 1              # within the calendar's width


def test_december_in_the_last_column_is_named_whole():
    # 30 Nov 2026 is a Monday; its week holds 1 Dec, the last column of a 3-week calendar.
    first_monday = dt.date(2026, 11, 16)
    header = calendar_markup({}, first_monday, 3, dt.date(2026, 11, 30)).splitlines()[0]
    assert header.split()[-1] == "Dec"
