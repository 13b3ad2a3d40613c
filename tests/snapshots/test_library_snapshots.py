"""The look of the Library and its help, pinned. Approve only after looking at the report."""

from __future__ import annotations


def _quiet(app):
    app.animation_level = "none"
    app.cursor_blink = False
    return app


def test_library_80x24(snap_compare, make_app):
    assert snap_compare(_quiet(make_app()), press=["l"], terminal_size=(80, 24))


def test_library_filtered_80x24(snap_compare, make_app):
    keys = ["l", "slash", *"marble", "enter"]
    assert snap_compare(_quiet(make_app()), press=keys, terminal_size=(80, 24))


def test_library_balance_80x24(snap_compare, make_app):
    assert snap_compare(_quiet(make_app()), press=["l", "f", "f", "f"], terminal_size=(80, 24))


def test_library_40x12(snap_compare, make_app):
    assert snap_compare(_quiet(make_app()), press=["l", "j"], terminal_size=(40, 12))


def test_help_on_library_80x24(snap_compare, make_app):
    assert snap_compare(_quiet(make_app()), press=["l", "question_mark"], terminal_size=(80, 24))
