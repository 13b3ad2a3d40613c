"""`neurocoach import FILE.json`, without click: the click command (cli/data.py) and the
short path in neurocoach/__main__.py both call `import_file` (issue 17: an import of ten
years within 1.5x of `json.load` + `executemany`; click and the other commands' modules
are about 20 ms of it). The caller says the summary line, or the refusal (one line, exit
status 2), and opens the store its own way (its warnings said first).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path


class NotImported(Exception):
    """Why nothing was imported, in one line for the person."""


def import_file(file: Path, open_store: Callable[[], object], today: dt.date,
                db_path: Path) -> str:
    """Check every row of `file`, then write them all into the (empty) store that
    `open_store` gives; the summary line. Raises NotImported, with nothing written."""
    import json

    from neurocoach.store.files import EXPORT_FILE_MAX, NotReadable, read_regular

    if not file.exists():
        raise NotImported(f"{file} does not exist.")
    try:
        doc = json.loads(read_regular(file, EXPORT_FILE_MAX).decode("utf-8"))
    except NotReadable as exc:
        raise NotImported(f"{exc}; nothing was imported.") from None
    except RecursionError:
        raise NotImported(f"{file} nests its lists and objects too deeply to be an export; "
                          "nothing was imported.") from None
    except OSError as exc:
        raise NotImported(f"cannot read {file}: {exc.strerror}.") from None
    except UnicodeDecodeError:
        raise NotImported(f"{file} is not a text file; nothing was imported.") from None
    except json.JSONDecodeError as exc:
        raise NotImported(f"{file} is not valid JSON ({exc.msg} at line {exc.lineno}, column "
                          f"{exc.colno}); nothing was imported.") from None
    import gc

    # The document is only read from now on and holds no cycles: the collector need not
    # walk its hundreds of thousands of objects again at each collection while its rows
    # are checked and written (ten years: about 10 ms; issue 17).
    gc.freeze()
    from neurocoach.catalog import load_catalog
    from neurocoach.export.read import read_export
    from neurocoach.store import StoreError

    try:
        rows = read_export(doc, load_catalog(), today=today)
    except StoreError as exc:
        raise NotImported(f"{file}: {exc}; nothing was imported.") from None
    store = open_store()
    try:
        store.import_data(rows)
    except StoreError as exc:
        raise NotImported(str(exc)) from None
    finally:
        store.close()
    from neurocoach.domain.words import count

    parts = [*(["a profile"] if rows.profile else []), *(["a plan"] if rows.plan else []),
             *([count(len(rows.custom), "own exercise")] if rows.custom else []),
             count(len(rows.checkins), "check-in"),
             f"{count(len(rows.sessions), 'session')} ({count(len(rows.entries), 'step')})",
             # a test is a day's, of one foot or both, as Progress and the report count
             count(len({day for day, *_ in rows.balance_tests}), "balance test"),
             *([count(len(rows.v2.self_tests), "fall-risk self-test")]
               if rows.v2 is not None and rows.v2.self_tests else []),
             *([count(len(rows.level_changes), "level change")] if rows.level_changes else [])]
    return f"Imported {file} into {db_path}: {', '.join(parts)}."
