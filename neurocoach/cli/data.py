"""The person's data, out: export, import and the report for a clinician.

Registered on the `cli` group with add_command (neurocoach/cli/__init__.py). Like cli.py, nothing
heavy at module level: `status` loads this module at every login. Every file written goes
to a private temp file first (0600) and is renamed into place; every failure is one line
on stderr and exit status 2, with nothing half-written.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from neurocoach.paths import expand
from neurocoach.cli.common import Command, Ctx, dash_is_screen, fail, say
from neurocoach.cli.files import existing_store, make_folder, names_folder, out_path, write_private


# -- export ----------------------------------------------------------------------------
def _csv_folder(out: str) -> bool:
    """A folder if it is one, or if the path ends with a slash (created if missing)."""
    return expand(out).is_dir() or names_folder(out)


@click.command("export", cls=Command)
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), required=True,
              help="json: everything in one file; csv: one file per table into a folder.")
@click.option("--out", type=click.Path(), metavar="PATH", callback=dash_is_screen,
              help="A file, or a folder (CSV: one file per table; a path ending in / is "
                   "created). Default (or -): print to the screen (CSV: the steps table).")
@click.option("--force", is_flag=True, help="Replace files that already exist.")
@click.option("--pretty", is_flag=True,
              help="JSON indented for reading (default: compact, quicker to write and read).")
@click.pass_obj
def export(obj: Ctx, fmt: str, out: str | None, force: bool, pretty: bool) -> None:
    """Export all your data (JSON), or tables for a spreadsheet (CSV)."""
    from neurocoach.catalog import load_catalog
    from neurocoach.export.csv import csv_tables, csv_text
    from neurocoach.export.document import export_document
    from neurocoach.export.json import json_chunks

    folder = out is not None and _csv_folder(out)

    store = existing_store(obj, "export")
    doc = export_document(store, load_catalog(), obj.clock.now())
    store.close()
    if fmt == "json":
        chunks = json_chunks(doc, pretty)
        if out is None:
            for chunk in chunks:
                say(chunk, nl=False)
            return
        name = f"neurocoach-export-{obj.clock.today().isoformat()}.json"
        path = out_path(out, force, name)
        write_private({path: chunks})
        say(f"Exported everything to {path}.")
        return
    tables = csv_tables(doc)
    if out is None:
        say(csv_text("entries", tables["entries"]), nl=False)
        return
    if not folder:
        path = out_path(out, force, "entries.csv")
        write_private({path: csv_text("entries", tables["entries"])})
        say(f"Exported the steps table to {path}.")
        return
    out = expand(out)
    if not out.is_dir():
        make_folder(out)
    paths = {out_path(out / f"{table}.csv", force, ""): csv_text(table, rows)
             for table, rows in tables.items()}
    write_private(paths)
    from neurocoach.domain.words import count

    say(f"Exported {count(len(paths), 'table')} to {out} "
               f"({', '.join(p.name for p in paths)}).")


@click.command("import", cls=Command)
@click.argument("file", type=click.Path(path_type=Path), metavar="FILE.json")
@click.pass_obj
def import_(obj: Ctx, file: Path) -> None:
    """Restore a JSON export into an empty database."""
    import json

    from neurocoach.catalog import load_catalog
    from neurocoach.export.read import read_export
    from neurocoach.store import StoreError
    from neurocoach.store.files import EXPORT_FILE_MAX, NotReadable, read_regular

    if not file.exists():
        fail(f"{file} does not exist.")
    try:
        doc = json.loads(read_regular(file, EXPORT_FILE_MAX).decode("utf-8"))
    except NotReadable as exc:
        fail(f"{exc}; nothing was imported.")
    except RecursionError:
        fail(f"{file} nests its lists and objects too deeply to be an export; "
             "nothing was imported.")
    except OSError as exc:
        fail(f"cannot read {file}: {exc.strerror}.")
    except UnicodeDecodeError:
        fail(f"{file} is not a text file; nothing was imported.")
    except json.JSONDecodeError as exc:
        fail(f"{file} is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}); "
             "nothing was imported.")
    import gc

    # The document is only read from now on and holds no cycles: the collector need not
    # walk its hundreds of thousands of objects again at each collection while its rows
    # are checked and written (ten years: about 10 ms; issue 17).
    gc.freeze()
    try:
        rows = read_export(doc, load_catalog(), today=obj.clock.today())
    except StoreError as exc:
        fail(f"{file}: {exc}; nothing was imported.")
    store = obj.open_store()
    try:
        store.import_data(rows)
    except StoreError as exc:
        fail(str(exc))
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
    say(f"Imported {file} into {obj.db_path}: {', '.join(parts)}.")


# -- report ----------------------------------------------------------------------------
"""The endings `report --out` accepts, and whether each means HTML."""


class Days(click.ParamType):
    """A number of days, from 1 to 100 years' worth, with an error in plain words."""

    name = "DAYS"

    def convert(self, value, param, ctx):
        text = str(value).strip()
        if text.isdigit() and 1 <= int(text) <= 36_500:
            return int(text)
        self.fail(f"must be a whole number of days from 1 to 36500, not {value!r}", param, ctx)


@click.command(cls=Command)
@click.option("--out", type=click.Path(), metavar="PATH", callback=dash_is_screen,
              help="Write to a file: HTML when it ends in .html or .htm, Markdown when it "
                   "ends in .md, .markdown or .txt; a folder gets a dated .md file. "
                   "Default (or -): Markdown on the screen.")
@click.option("--days", type=Days(), default=90, show_default=True,
              help="How many days back the report covers.")
@click.option("--force", is_flag=True, help="Replace the file if it already exists.")
@click.pass_obj
def report(obj: Ctx, out: str | None, days: int, force: bool) -> None:
    """A summary for your clinician: adherence, symptoms, balance, feet, safety stops, plan."""
    from neurocoach.catalog import load_catalog
    from neurocoach.export.document import export_document
    from neurocoach.report.build import render
    from neurocoach.report.render import REPORT_ENDINGS
    from neurocoach.domain.words import count

    if out is not None and not (names_folder(out) or expand(out).is_dir()):
        ending = Path(out).suffix.lower()
        if ending not in REPORT_ENDINGS:
            fail(f"--out must end in .md, .markdown or .txt (Markdown) or .html or .htm "
                 f"(HTML), or name a folder; not {Path(out).name!r}. Nothing was written.")
    catalog = load_catalog()
    store = existing_store(obj, "report")
    today = obj.clock.today()
    # Only the period is read: a 90-day report costs the same after ten years.
    doc = export_document(store, catalog, obj.clock.now(), today - dt.timedelta(days=days - 1))
    store.close()
    if out is None:
        say(render(doc, catalog, today, days), nl=False)
        return
    path = out_path(out, force, f"neurocoach-report-{today.isoformat()}.md")
    as_html = REPORT_ENDINGS.get(path.suffix.lower(), False)
    write_private({path: render(doc, catalog, today, days, as_html=as_html)})
    period = "the last day" if days == 1 else f"the last {count(days, 'day')}"
    say(f"Wrote the report ({'HTML' if as_html else 'Markdown'}, {period}) to {path}.")
