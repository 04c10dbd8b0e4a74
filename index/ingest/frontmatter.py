"""Front matter: YAML between "---" lines or TOML between "+++" lines at the very top of a file.

Its title, outlet, date, authors/author, url and id override what ingest detects. Front matter
that cannot be parsed is reported and removed, and the rest of the file still loads.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field

from talks_tui.index.ingest.metadata import Declared

_OPENERS = {"---": ("yaml", ("---", "...")), "+++": ("toml", ("+++",))}
_MAX_LINES = 200  # a "---" rule far down a story is not the end of front matter


@dataclass(frozen=True)
class FrontMatter:
    declared: Declared
    body: str  # the text after the front matter (all of it when there was none)
    warnings: tuple[str, ...] = field(default=())


def split_front_matter(text: str) -> FrontMatter:
    """Separate and parse front matter; text is already cleaned (LF line ends, no BOM)."""
    first, _, rest = text.partition("\n")
    opener = _OPENERS.get(first.strip())
    if opener is None:
        return FrontMatter(Declared(), text)
    syntax, closers = opener
    lines = rest.split("\n")
    end = next((i for i, line in enumerate(lines[:_MAX_LINES]) if line.strip() in closers), None)
    if end is None:
        return FrontMatter(Declared(), text)  # an opening rule with no closing one: just text
    source = "\n".join(lines[:end])
    body = "\n".join(lines[end + 1 :])
    data, error = _parse(source, syntax)
    if error:
        return FrontMatter(Declared(), body, (error,))
    declared, warnings = Declared.from_mapping(data)
    return FrontMatter(declared, body, tuple(f"front matter: {w}" for w in warnings))


def _parse(source: str, syntax: str) -> tuple[dict, str | None]:
    if syntax == "toml":
        try:
            return {k.lower(): v for k, v in tomllib.loads(source).items()}, None
        except tomllib.TOMLDecodeError as e:
            return {}, f"front matter is not valid TOML ({e}); ignored"
    import yaml  # only files with YAML front matter pay for the import

    try:
        data = yaml.safe_load(source)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(e, "problem", None) or type(e).__name__
        return {}, f"front matter is not valid YAML ({problem}{where}); ignored"
    if data is None:
        return {}, None
    if not isinstance(data, dict):
        return {}, "front matter is not a set of key: value pairs; ignored"
    return {str(k).lower(): v for k, v in data.items()}, None
