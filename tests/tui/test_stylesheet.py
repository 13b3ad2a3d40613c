"""The App's stylesheet keeps its parses when nothing they depend on changed."""

from __future__ import annotations

from textual.css.stylesheet import Stylesheet

from neurocoach.tui.stylesheet import KeptParsesStylesheet

CSS = "Static { background: $accent; } #one { color: $text; }"


def sheets(variables):
    made = []
    for cls in (Stylesheet, KeptParsesStylesheet):
        sheet = cls(variables=dict(variables))
        sheet.add_source(CSS, read_from=("test.tcss", ""))
        sheet.parse()
        made.append(sheet)
    return made


def describe(sheet) -> list[tuple]:
    return [(str(rule.selector_set), rule.styles.css_lines) for rule in sheet.rules]


def test_same_variables_and_sources_keep_the_rules():
    _, kept = sheets({"accent": "red", "text": "white"})
    rules = kept.rules
    kept.set_variables({"accent": "red", "text": "white"})
    kept.reparse()
    assert kept.rules is rules


def test_new_variables_or_sources_parse_again_as_textual_does():
    textual, kept = sheets({"accent": "red", "text": "white"})
    for sheet in (textual, kept):
        sheet.set_variables({"accent": "blue", "text": "black"})
        sheet.reparse()
    assert describe(kept) == describe(textual)
    assert ("background: #0000FF;" in describe(kept)[0][1])
    for sheet in (textual, kept):
        sheet.add_source("Label { color: $accent; }", read_from=("more.tcss", ""))
        sheet.reparse()
    assert describe(kept) == describe(textual) and len(kept.rules) == 3


async def test_a_theme_change_still_restyles_the_app(make_app):
    app = make_app()
    assert isinstance(app.stylesheet, KeptParsesStylesheet)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        before = app.screen.styles.background
        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        await pilot.pause()
        assert app.screen.styles.background != before
