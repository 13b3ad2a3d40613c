"""The report's sections rendered as Markdown, or as one self-contained printable HTML page."""

from __future__ import annotations

import html

from neurocoach.report.sections import Section, Table  # noqa: F401  (Table: used below)
from neurocoach.report.svg import Chart

REPORT_ENDINGS = {".md": False, ".markdown": False, ".txt": False, ".html": True, ".htm": True}
"""A report file's ending: True for HTML, False for Markdown."""


_MD_SPECIAL = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "\\|",
                             "[": "\\[", "]": "\\]", "`": "\\`", "\\": "\\\\",
                             "#": "\\#", "_": "\\_"})


def _md(text: str) -> str:
    """One line of Markdown that is only text: a note or a name cannot start a line (so no
    heading, list or table row of its own), open HTML, a link, an image or code. The
    report's own **bold** is kept."""
    return " ".join(str(text).split()).translate(_MD_SPECIAL)


def _cell(text: str) -> str:
    return _md(text)


def to_markdown(title: str, sections: list[Section]) -> str:
    out = [f"# {_md(title)}", ""]
    for section in sections:
        out += [f"## {_md(section.title)}", ""]
        for block in section.blocks:
            if isinstance(block, Chart):
                continue
            if isinstance(block, Table):
                out.append("| " + " | ".join(_md(h) for h in block.headers) + " |")
                out.append("|" + "---|" * len(block.headers))
                out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
            elif isinstance(block, list):
                out += [f"- {_md(item)}" for item in block]
            else:
                out.append(_md(block))
            out.append("")
    return "\n".join(out)


CSS = """
body { font: 11pt/1.45 Georgia, "Times New Roman", serif; color: #000; background: #fff;
       max-width: 48em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.5em; border-bottom: 2px solid #000; padding-bottom: .2em; }
h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #999; }
table { border-collapse: collapse; margin: .6em 0; width: 100%; }
th, td { border: 1px solid #999; padding: .2em .5em; text-align: left; vertical-align: top; }
th { background: #eee; }
strong { font-weight: bold; }
figure { margin: .8em 0; } figcaption { font-size: .9em; color: #333; }
svg { max-width: 100%; height: auto; }
@page { margin: 1.5cm; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; }
               tr { break-inside: avoid; } }
"""


def _inline(text: str) -> str:
    """Escape, then turn the Markdown **bold** used above into <strong>."""
    parts = html.escape(str(text)).split("**")
    return "".join(f"<strong>{p}</strong>" if i % 2 else p for i, p in enumerate(parts))


def to_html(title: str, sections: list[Section]) -> str:
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           f"<title>{html.escape(title)}</title>", f"<style>{CSS}</style>", "</head>", "<body>",
           f"<h1>{html.escape(title)}</h1>"]
    for section in sections:
        out.append(f"<h2>{html.escape(section.title)}</h2>")
        for block in section.blocks:
            if isinstance(block, Chart):  # built from numbers and fixed words only
                out.append(f"<figure>{block.svg}<figcaption>{html.escape(block.caption)}"
                           "</figcaption></figure>")
            elif isinstance(block, Table):
                out.append("<table><thead><tr>"
                           + "".join(f"<th>{html.escape(h)}</th>" for h in block.headers)
                           + "</tr></thead><tbody>")
                out += ["<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>"
                        for row in block.rows]
                out.append("</tbody></table>")
            elif isinstance(block, list):
                out.append("<ul>" + "".join(f"<li>{_inline(i)}</li>" for i in block) + "</ul>")
            else:
                out.append(f"<p>{_inline(block)}</p>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)
