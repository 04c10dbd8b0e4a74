"""The user's settings: the folder (XDG: `$XDG_CONFIG_HOME/talks-tui`, by default
`~/.config/talks-tui`) and `config.toml` in it, read once per run.

A settings file that cannot be read never stops the program: its problems are returned as
sentences for the caller to show, and the defaults stand.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

CONFIG_FILE = "config.toml"
OUTLETS_FILE = "outlets.toml"


def config_dir() -> Path:
    from platformdirs import user_config_path  # honours XDG_CONFIG_HOME

    return user_config_path("talks-tui", appauthor=False)


@dataclass(frozen=True)
class Settings:
    """What config.toml says, by table: `[keys]` (a keymap: binding id -> keys), `[app]`."""

    keys: dict[str, str] = field(default_factory=dict)
    app: dict[str, object] = field(default_factory=dict)
    path: Path | None = None
    problems: tuple[str, ...] = ()


def read_settings(path: Path | None = None) -> Settings:
    """config.toml (or `path`); a missing file is no problem, a broken one is reported."""
    path = path or config_dir() / CONFIG_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings(path=path)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Settings(path=path, problems=(f"{path}: cannot read the settings ({exc}); using the defaults",))
    problems: list[str] = []
    keys: dict[str, str] = {}
    raw_keys = data.get("keys", {})
    if not isinstance(raw_keys, dict):
        problems.append(f"{path}: [keys] must be a table of binding ids and keys")
        raw_keys = {}
    for binding_id, value in raw_keys.items():
        if isinstance(value, str) and value.strip():
            keys[binding_id] = value.strip()
        else:
            problems.append(f'{path}: keys.{binding_id} must be a string such as "j,down"')
    app = data.get("app", {})
    if not isinstance(app, dict):
        problems.append(f"{path}: [app] must be a table")
        app = {}
    return Settings(keys=keys, app=app, path=path, problems=tuple(problems))


def user_outlets_file() -> Path | None:
    """outlets.toml in the settings folder, if the user keeps one there."""
    path = config_dir() / OUTLETS_FILE
    return path if path.is_file() else None
