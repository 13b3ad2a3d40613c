"""Text from outside (notes, names, steps, plan notes, imported files) is data: never a
control code a terminal would obey, never markup. Pure: every layer may use it.

- on the way in, `control_problem` names a control character (the validators refuse it,
  naming the field) and `strip_controls` drops them (the store, the last line of defence);
- on the way out to a terminal, `terminal_safe` shows them as visible escapes (the shell
  commands), and the coach drops them from every cell it draws (tui/terminal_safe.py).
Markup is never parsed from such text: the coach shows it through `Content(text)`, which
takes it as typed.
"""

from __future__ import annotations

import re

_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
"""C0 (all but tab and newline), DEL, C1, and the bidirectional overrides that can make a
line read differently from what it holds."""

CONTROL = re.compile(f"[{_CONTROLS}]")
CONTROL_OR_NEWLINE = re.compile(f"[{_CONTROLS}\t\n]")


def control_problem(text: str, *, lines: bool = False) -> str | None:
    """Why `text` cannot be taken (a control character, or a line break where one line
    is wanted), in words; None when it can."""
    found = (CONTROL if lines else CONTROL_OR_NEWLINE).search(text)
    if found is None:
        return None
    return (f"must not hold control characters (found {ascii(found[0])[1:-1]} at "
            f"character {found.start() + 1})")


def strip_controls(text: str, *, lines: bool = False) -> str:
    """`text` without control characters (tabs and newlines kept when `lines`)."""
    return (CONTROL if lines else CONTROL_OR_NEWLINE).sub("", text)


def terminal_safe(text: str) -> str:
    """For a terminal: newlines and tabs kept, every other control character written as
    a visible escape (`\\x1b`), so that it is seen and never obeyed."""
    return CONTROL.sub(lambda m: ascii(m[0])[1:-1], text)


def one_line(message: str) -> str:
    """`neurocoach: ...` on one line, control characters shown, not obeyed (every refusal)."""
    line = "".join(c if c.isprintable() else repr(c)[1:-1] for c in message.replace("\n", " "))
    return f"neurocoach: {line}"
