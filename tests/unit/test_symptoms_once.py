"""The symptom list is written once (domain.names.SYMPTOMS, re-exported by domain.models): the store's columns, the
`checkin` options, the CSV columns, the export keys and the report's headers come from it."""

from __future__ import annotations

import re
from pathlib import Path

import neurocoach
from neurocoach.domain.models import SYMPTOMS

ROOT = Path(neurocoach.__file__).parent
COPY = re.compile(r"""["'](--)?numbness["'][\s\S]{0,120}?["'](--)?tingling["']"""
                  r"""[\s\S]{0,120}?["'](--)?burning["']""", re.IGNORECASE)
KEPT = {
    "domain/names.py": "the list itself",
    "store/migrations.py": "a migration is history: it creates the columns as they were then",
}


def test_no_module_writes_the_symptom_list_by_hand():
    copies = [str(path.relative_to(ROOT)) for path in sorted(ROOT.rglob("*.py"))
              if str(path.relative_to(ROOT)) not in KEPT and COPY.search(path.read_text())]
    assert copies == []


def test_what_is_derived_follows_the_list(store, clock):
    from neurocoach.cli.checkin import checkin
    from neurocoach.export.csv import CSV_COLUMNS
    from neurocoach.export.rows import CHECKIN_KEYS

    options = [p.name for p in checkin.params]
    assert options[:len(SYMPTOMS)] == list(SYMPTOMS)
    assert [c for c in CSV_COLUMNS["checkins"] if c in SYMPTOMS] == list(SYMPTOMS)
    assert set(SYMPTOMS) <= CHECKIN_KEYS
    assert set(SYMPTOMS) <= set(store.db["checkins"].columns_dict)
