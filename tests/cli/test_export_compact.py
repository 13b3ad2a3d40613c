"""`export --format json` writes compact JSON by default (C encoder, in pieces), indented
with --pretty; both read back to the same document, and import takes either."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

from neurocoach.catalog import load_catalog
from neurocoach.cli_data import ROWS_PER_CHUNK, json_chunks
from neurocoach.history import generate_history
from neurocoach.store import Store

TODAY = dt.date.today()


def run(*args, db) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "neurocoach", "--db", str(db), *map(str, args)],
                          capture_output=True, text=True, timeout=60)


def test_compact_by_default_pretty_on_request_same_document(tmp_path):
    db = tmp_path / "data" / "neurocoach.db"
    store = Store.open(db)
    generate_history(store, load_catalog(), TODAY - dt.timedelta(days=1), 30, seed=3)
    store.close()
    compact = run("export", "--format", "json", db=db).stdout
    pretty = run("export", "--format", "json", "--pretty", db=db).stdout
    assert compact.count("\n") == 1 and compact.endswith("}\n")
    assert '"format":"neurocoach-export"' in compact
    assert pretty.startswith('{\n  "format": "neurocoach-export"')
    a, b = json.loads(compact), json.loads(pretty)
    a.pop("exported_at"), b.pop("exported_at")
    assert a == b and len(a["sessions"]) > 0
    out = tmp_path / "out.json"
    assert run("export", "--format", "json", "--out", out, db=db).returncode == 0
    assert json.loads(out.read_text())["checkins"] == a["checkins"]
    again = tmp_path / "again.db"
    done = run("import", out, db=again)
    assert done.returncode == 0, done.stderr
    assert json.loads(run("export", "--format", "json", db=again).stdout)["sessions"] == \
        a["sessions"]


def test_long_tables_are_written_in_pieces_that_join_to_the_whole():
    doc = {"format": "x", "none": None, "empty": [], "rows": [{"n": i, "é": "ü"}
                                                               for i in range(4 * ROWS_PER_CHUNK + 3)]}
    pieces = list(json_chunks(doc))
    assert len(pieces) > 6                      # not one string: table rows come in batches
    assert max(map(len, pieces)) < len("".join(pieces)) / 2
    assert json.loads("".join(pieces)) == doc
    assert "".join(pieces) == json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"
