"""A person's display choices are kept: the theme chosen in the palette, movement on or
off, and their own keys (Textual's keymap, by binding id) — in a small TOML file that
NEUROCOACH_CONFIG can move, and that tests never read from the real config folder."""

from __future__ import annotations

import stat

from neurocoach.tui import settings
from neurocoach.tui.settings import Settings, config_path


def test_tests_never_touch_the_real_config_folder(tmp_path):
    assert str(config_path()).startswith(str(tmp_path))


def test_settings_round_trip_through_the_file(tmp_path, monkeypatch):
    path = tmp_path / "elsewhere" / "deeper" / "mine.toml"
    monkeypatch.setenv("NEUROCOACH_CONFIG", str(path))
    chosen = Settings(theme="nord", motion=False,
                      keys={"session.done": "enter,d", "today": "f1", 'odd "id"': "x"})
    settings.save(chosen)
    assert config_path() == path
    back = settings.load()
    assert (back.theme, back.motion, back.keys, back.problems) == (
        "nord", False, chosen.keys, [])
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.parent.parent.stat().st_mode) == 0o700


def test_a_bad_file_is_said_and_never_overwritten(tmp_path, monkeypatch):
    path = tmp_path / "config.toml"
    path.write_text("theme = \n")
    monkeypatch.setenv("NEUROCOACH_CONFIG", str(path))
    back = settings.load()
    assert back.theme is None and not back.writable
    assert "could not be read" in back.problems[0]
    try:
        settings.save(back)
    except OSError:
        pass
    assert path.read_text() == "theme = \n"


def test_wrong_values_are_named_and_the_rest_is_kept(tmp_path, monkeypatch):
    path = tmp_path / "config.toml"
    path.write_text('theme = 3\nmotion = "no"\n[keys]\ntoday = "f1"\nquit = 5\n')
    monkeypatch.setenv("NEUROCOACH_CONFIG", str(path))
    back = settings.load()
    assert back.keys == {"today": "f1"}
    assert back.theme is None and back.motion is True
    text = " ".join(back.problems)
    assert "'theme'" in text and "'motion'" in text and "keys.quit" in text


async def test_the_theme_chosen_is_kept_for_the_next_run(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "nord"  # what the palette's "Theme" command does
        await pilot.pause()
    assert settings.load().theme == "nord"
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_movement_off_is_kept(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.toggle_motion()
        await pilot.pause()
    assert settings.load().motion is False
    from neurocoach.tui.app import NeurocoachApp

    fresh = NeurocoachApp(store=app.store, clock=app.clock)
    assert fresh.animation_level == "none"


async def test_keys_remapped_by_binding_id(make_app, tmp_path):
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text('[keys]\n"progress" = "f3"\n"today.checkin" = "k,c"\n')
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")  # help lists the person's keys, not the defaults
        await pilot.pause()
        listed = " ".join(str(w.render()) for w in app.screen.query("*")
                          if hasattr(w, "render") and w.is_mounted)
        assert "f3" in listed
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        assert type(app.screen).__name__ == "CheckinScreen"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        assert app.current_mode == "progress"
        await pilot.press("p")  # no longer Progress's key
        await pilot.pause()
        assert app.current_mode == "progress"


async def test_an_unknown_theme_is_said_not_used(make_app):
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text('theme = "no-such-theme"\n')
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = " ".join(str(n.message) for n in app._notifications)
        assert "no theme called 'no-such-theme'" in shown
    assert config_path().read_text() == 'theme = "no-such-theme"\n'


async def test_the_palette_turns_animations_off_and_it_is_kept(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"animations")
        from textual.command import CommandList

        found = app.screen.query_one(CommandList)
        for _ in range(200):  # the palette searches in the background: wait for the hit
            if found.option_count and "Animations" in str(found.get_option_at_index(0).prompt):
                break
            await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    assert settings.load().motion is False


async def test_an_unknown_binding_id_is_named(make_app):
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text('[keys]\n"sesion.done" = "d"\ntoday = "f1"\n')
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = " ".join(str(n.message) for n in app._notifications)
        assert "keys.sesion.done: no key has that id" in shown
        assert "keys.today" not in shown
