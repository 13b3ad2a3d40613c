"""`--help` stands in for a manual page, completion works as documented, and the README
lists exactly the binding ids a person can remap."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def run(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "neurocoach", *args], capture_output=True,
                          text=True, timeout=60, env={**os.environ, **env})


def test_help_is_the_manual():
    out = run("--help").stdout
    for part in ("Files:", "NEUROCOACH_DB", "NEUROCOACH_CONFIG", "NO_COLOR", "Exit status",
                 "_NEUROCOACH_COMPLETE=bash_source", "serve", "[keys]"):
        assert part in out, part
    assert max(map(len, out.splitlines())) <= 80


def test_shell_completion_as_documented():
    script = run(_NEUROCOACH_COMPLETE="bash_source")
    assert script.returncode == 0 and "complete -o nosort -F" in script.stdout
    words = run(_NEUROCOACH_COMPLETE="bash_complete", COMP_WORDS="neurocoach se",
                COMP_CWORD="1").stdout
    assert "plain,serve" in words.splitlines()


def test_the_readme_lists_every_binding_id_that_can_be_remapped():
    from neurocoach.tui.app import binding_ids

    ids = binding_ids()
    text = README.read_text()
    section = text[text.index("The binding ids:"):text.index("The footer and `?` show")]
    listed = set(re.findall(r"`([a-z.-]+)`", section))
    # Only moving about (j/k, the arrow keys in a form) and the balance test's own help,
    # close and cancel are left out of the list: they are there to remap all the same.
    unlisted = {i for i in ids - listed
                if not re.search(r"\.(up|down|next-field|previous-field|help|close|cancel)$",
                                 i)}
    assert not unlisted, unlisted
    assert listed <= ids, listed - ids
