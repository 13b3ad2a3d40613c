"""Where the shell commands write: a path or a folder checked before anything is written,
and files written whole and private (a 0600 temp file, then renamed into place).

Shared by export, report, backup and plan export; like cli.py, nothing heavy at import.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from neurocoach.paths import expand
from neurocoach.cli.common import Ctx, fail


def existing_store(obj: Ctx, what: str):
    """Open the DB, refusing (without creating anything) when there is none yet."""
    if not os.path.lexists(obj.db_path):
        fail(f"there is no neurocoach database at {obj.db_path} yet, so nothing to {what}.")
    return obj.open_store()


def names_folder(out: str | Path) -> bool:
    """True when --out ends in a slash: the person means a folder, existing or not."""
    return isinstance(out, str) and out.endswith(("/", os.sep))


def make_folder(folder: Path) -> None:
    """Create the folder --out named (0700: it will hold health data). Fails in one line."""
    parent = folder.parent
    if not parent.is_dir():
        fail(f"cannot create the folder {folder}: the folder {parent} does not exist.")
    try:
        folder.mkdir(mode=0o700)
    except OSError as exc:
        fail(f"cannot create the folder {folder}: {exc.strerror}.")


def out_path(out: str | Path, force: bool, default_name: str | Callable[[Path], str]) -> Path:
    """Where to write: a folder gets `default_name` inside it (or the name it gives for
    that folder, when it is a function of the folder). Fails unless writable.

    `out` as typed (a str) keeps its trailing slash: `--out reports/` always means a
    folder, created (0700) when it does not exist yet, never a file named `reports`.
    """
    folder = names_folder(out)
    out = expand(out)
    if folder and not os.path.lexists(out):
        make_folder(out)
    elif folder and not out.is_dir():
        fail(f"{out} is not a folder; --out ending in / names a folder.")
    if out.is_dir():
        out = out / (default_name if isinstance(default_name, str) else default_name(out))
    if out.is_dir():
        fail(f"{out} is a folder; give a file name with --out.")
    if os.path.lexists(out) and not force:
        fail(f"{out} already exists; add --force to replace it.")
    parent = out.parent
    if not parent.is_dir():
        fail(f"cannot write {out}: the folder {parent} does not exist.")
    if not os.access(parent, os.W_OK | os.X_OK):
        fail(f"cannot write {out}: no permission to write in {parent}.")
    from neurocoach.store.places import unsafe_to_write

    problem = unsafe_to_write(out)
    if problem:
        fail(problem)
    return out


def write_private(files: dict[Path, str | Iterable[str]]) -> None:
    """Write every file (0600) or none, through neurocoach.store.files' one private writer."""
    from neurocoach.store.files import write_private_files

    try:
        write_private_files(files)
    except OSError as exc:
        fail(f"cannot write {_typed(exc.filename, files)}: {exc.strerror or exc}; nothing "
             "was written.")


def _typed(failed: str | None, files) -> Path | str:
    """The file the person asked for, where the failure named its private temp file
    (`.name.xxxxxxxx.tmp` beside it): a name they never typed."""
    for path in map(Path, files):
        if failed is None:
            return path
        spot = Path(failed)
        if spot == path or (spot.parent == path.parent
                            and spot.name.startswith(f".{path.name[:60]}.")):
            return path
    return failed
