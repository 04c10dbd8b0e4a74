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


def save_setting(table: str, key: str, value: str, path: Path | None = None) -> str | None:
    """Set `key = "value"` in a table of config.toml (or `path`), keeping the rest of the file
    as written (comments too): the line of that key replaced, or added at the table's end, or
    the table added. Returns a sentence for the user if the file cannot be written or read back."""
    path = path or config_dir() / CONFIG_FILE
    try:
        lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    except (OSError, UnicodeDecodeError) as exc:
        return f"{path}: cannot keep [{table}] {key} ({exc})"
    entry = f"{key} = {_toml_string(value)}"
    lines = _with_entry(lines, table, key, entry)
    text = "\n".join(lines) + "\n"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return f"{path}: cannot keep [{table}] {key}: the file does not read as TOML ({exc})"
    if data.get(table, {}).get(key) != value:
        return f"{path}: cannot keep [{table}] {key}: the file has it in a form this cannot change"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
    except OSError as exc:
        return f"{path}: cannot keep [{table}] {key} ({exc.strerror or exc})"
    return None


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if c >= " " else f"\\u{ord(c):04x}" for c in escaped) + '"'


def _with_entry(lines: list[str], table: str, key: str, entry: str) -> list[str]:
    """The lines with `entry` as the table's `key`: replacing its line, else last in the table."""
    header = f"[{table}]"
    current = None  # the table the line is in
    start = end = None  # the table's header line, and the line after its last entry
    for n, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("["):
            current = stripped.split("#")[0].strip()
            if current == header:
                start = end = n + 1
            continue
        if current == header:
            if stripped.split("=")[0].strip() == key and "=" in stripped:
                return [*lines[:n], entry, *lines[n + 1 :]]
            if stripped and not stripped.startswith("#"):
                end = n + 1
    if start is None:
        gap = [""] if lines and lines[-1].strip() else []
        return [*lines, *gap, header, entry]
    return [*lines[:end], entry, *lines[end:]]
