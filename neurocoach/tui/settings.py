"""A person's display settings, kept between runs in a small TOML file.

    theme = "textual-light"     # the theme chosen in the palette (ctrl+p, "Theme")
    motion = false              # false: nothing on screen moves (no animations)

    [keys]                      # your own keys, by binding id (see `neurocoach --help`)
    "session.done" = "enter,d"
    today = "f1,t"

The file lives in the platform's config folder (on Linux `~/.config/neurocoach/
config.toml`); NEUROCOACH_CONFIG names another. Settings are never health data, but the
file is still written private (0600, in a 0700 folder), whole or not at all.
A file that cannot be read is never overwritten: the app says why once and uses the
defaults for what it could not read.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ENV_CONFIG = "NEUROCOACH_CONFIG"
CONFIG_NAME = "config.toml"


def config_path() -> Path:
    """NEUROCOACH_CONFIG, else `config.toml` in the platform's config folder."""
    env = os.environ.get(ENV_CONFIG)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("neurocoach", appauthor=False)) / CONFIG_NAME


@dataclass
class Settings:
    theme: str | None = None
    """A Textual theme's name; None: the app's default."""
    motion: bool = True
    """False: no sliding or fading (the palette's "Animations")."""
    keys: dict[str, str] = field(default_factory=dict)
    """Binding id -> keys, comma-separated (Textual's keymap)."""
    problems: list[str] = field(default_factory=list)
    """What could not be read, in words (nothing is kept from those parts)."""
    writable: bool = True
    """False when the file is there but not readable as TOML: never overwrite it."""


def load(path: Path | None = None) -> Settings:
    path = path or config_path()
    settings = Settings()
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        return settings
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        settings.problems.append(f"{path} could not be read ({reason}); it is left as it is")
        settings.writable = False
        return settings
    theme = data.get("theme")
    if isinstance(theme, str) and theme.strip():
        settings.theme = theme.strip()
    elif theme is not None:
        settings.problems.append(f"{path}: 'theme' must be the name of a theme, in quotes")
    motion = data.get("motion")
    if isinstance(motion, bool):
        settings.motion = motion
    elif motion is not None:
        settings.problems.append(f"{path}: 'motion' must be true or false")
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        settings.problems.append(f"{path}: 'keys' must be a table of binding id = \"key\"")
        keys = {}
    for binding_id, value in keys.items():
        if isinstance(value, str) and value.strip():
            settings.keys[binding_id] = value.strip()
        else:
            settings.problems.append(f"{path}: keys.{binding_id} must be a key in quotes, "
                                     "such as \"f2\" or \"ctrl+d,d\"")
    return settings


def _string(text: str) -> str:
    """A TOML basic string (JSON's escaping is valid TOML for these)."""
    return json.dumps(text, ensure_ascii=True)


def render(settings: Settings) -> str:
    lines = ["# neurocoach settings: written when you change them in the app; you may edit",
             "# them (see the README, \"Your settings\").", ""]
    if settings.theme:
        lines.append(f"theme = {_string(settings.theme)}")
    lines.append(f"motion = {'true' if settings.motion else 'false'}")
    if settings.keys:
        lines += ["", "[keys]"]
        lines += [f"{_string(k)} = {_string(v)}" for k, v in sorted(settings.keys.items())]
    return "\n".join(lines) + "\n"


def save(settings: Settings, path: Path | None = None) -> None:
    """Write the settings (0600; the folder made 0700). Raises OSError; refuses (OSError)
    to replace a file that could not be read."""
    from neurocoach.store.files import write_private_text

    if not settings.writable:
        raise OSError("the settings file could not be read, so it is not replaced")
    path = path or config_path()
    missing = [f for f in (path.parent, *path.parent.parents) if not f.exists()]
    for folder in reversed(missing):  # every folder made here is private, not only the last
        folder.mkdir(mode=0o700)
    write_private_text(path, render(settings))
