"""Which files make a corpus: the folders given, walked safely, and every entry left out named.

A folder is never entered twice (links that loop back, or a second link to a folder already
read, are noticed by the folder's device and inode), a file reached twice through links is read
once, and only regular files are kept: FIFOs, sockets and devices are reported, never opened.
One bad entry never stops the walk. Paths come back `storable` (see filenames), as strings with
each file's size and mtime from the walk's own stat, which the catalog compares with what it
holds: at 100,000 files, building a pathlib.Path for each (and a second stat later) took longer
than the whole walk.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path

from talks_tui.index.ingest.filenames import shown, storable
from talks_tui.index.ingest.formats import SUPPORTED_SUFFIXES, kind_of, suffix_of, unknown_format
from talks_tui.index.ingest.safe_read import kind_of as entry_kind
from talks_tui.index.model import Problem

# A browser's "Save page, complete" puts the page's images and scripts beside NAME.html in
# NAME_files/; they are part of the page, not articles.
_SAVED_PAGE_SUFFIXES = ("_files",)
_PAGE_SUFFIXES = (".html", ".htm", ".xhtml")


class UnknownFormat(ValueError):
    """A file named explicitly whose format talks-tui does not read: refused, not read as text."""


# A file of the corpus as the walk found it: (path, the folder given, size, mtime_ns), the paths
# storable strings. A plain tuple: a class of its own cost 0.1 s per 100,000 files to make.
Listed = tuple[str, str, int, int]


@dataclass
class Found:
    listed: list[Listed] = field(default_factory=list)  # every file, sorted within each folder given
    problems: list[Problem] = field(default_factory=list)  # every entry left out, and why

    @property
    def files(self) -> list[tuple[Path, Path]]:
        """(file, the folder given) as paths."""
        roots: dict[str, Path] = {}
        return [(Path(path), roots.get(root) or roots.setdefault(root, Path(root))) for path, root, _, _ in self.listed]


def find_files(paths: Sequence[Path]) -> Found:
    """Expand files and folders (recursively, sorted by relative path) into (file, root) pairs.

    Raises FileNotFoundError for a path that does not exist and UnknownFormat for a file named
    explicitly in a format talks-tui does not read; everything inside folders is reported instead."""
    found = Found()
    seen_files: set[str] = set()  # real paths: the same file named twice or reached by a link
    seen_dirs: set[tuple[int, int]] = set()
    for given in paths:
        path = Path(given).expanduser()
        try:
            st = os.stat(path)
        except FileNotFoundError:
            raise FileNotFoundError(f"No such file or folder: {shown(str(given))}") from None
        except OSError as e:
            found.problems.append(_skipped(path, f"cannot be read ({e.strerror or e})"))
            continue
        path = path.absolute()
        if stat.S_ISDIR(st.st_mode):
            if (st.st_dev, st.st_ino) in seen_dirs:
                continue  # named twice, or inside a folder already given
            seen_dirs.add((st.st_dev, st.st_ino))
            _walk(path, os.path.realpath(path), seen_dirs, seen_files, found)
        elif not stat.S_ISREG(st.st_mode):
            found.problems.append(_skipped(path, f"{entry_kind(st.st_mode)}, not a file; not read"))
        elif kind_of(path.name) is None:
            raise UnknownFormat(f"{shown(str(given))}: {unknown_format(path.name, listing=True)}")
        elif (real := os.path.realpath(path)) not in seen_files:
            seen_files.add(real)
            found.listed.append((storable(str(path)), storable(str(path.parent)), st.st_size, st.st_mtime_ns))
    return found


def _walk(root: Path, real_root: str, seen_dirs: set, seen_files: set[str], found: Found) -> None:
    root_text = storable(str(root))
    files: list[Listed] = []  # all under root, so sorted as their relative paths sort
    skipped: list[Problem] = []
    named_like_files: list[str] = []
    pending = [(str(root), real_root)]
    sep = os.sep
    while pending:
        folder, real_folder = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as e:
            skipped.append(_skipped(folder, f"folder cannot be read ({e.strerror or e}); its files are left out"))
            continue
        names = None  # the folder's names, made only if a folder in it may be a saved page's
        real_prefix = real_folder if real_folder.endswith(sep) else real_folder + sep  # as os.path.join
        for entry in entries:
            name = entry.name
            try:
                # The common case first, inline: a regular file (not a link) of a known format.
                # (Its suffix as os.path.splitext gives it, a name starting with a dot aside.)
                dot = name.rfind(".")
                if (
                    dot > 0
                    and name[0] != "."
                    and (name[dot:] in SUPPORTED_SUFFIXES or name[dot:].lower() in SUPPORTED_SUFFIXES)
                    and entry.is_file(follow_symlinks=False)
                ):
                    real_file = real_prefix + name
                    if real_file not in seen_files:
                        seen_files.add(real_file)
                        st = entry.stat(follow_symlinks=False)
                        files.append((entry.path, root_text, st.st_size, st.st_mtime_ns))
                        continue
                if names is None:
                    names = {e.name for e in entries}
                _entry(
                    entry,
                    real_folder,
                    names,
                    pending,
                    root_text,
                    files,
                    skipped,
                    named_like_files,
                    seen_dirs,
                    seen_files,
                )
            except OSError as e:  # a link loop (ELOOP), an entry gone meanwhile, no permission
                skipped.append(_skipped(entry.path, f"cannot be read ({e.strerror or e})"))
    files.sort(key=itemgetter(0))  # paths are unique
    for folder in named_like_files:  # a folder called "x.txt": say so if it gave no article
        inside = folder + os.sep
        if not any(path.startswith(inside) for path, _, _, _ in files):
            skipped.append(_skipped(folder, "a folder named like a file, with no articles in it"))
    if not "\0".join([f[0] for f in files]).isascii():  # names that are not UTF-8 may be among them
        files = [(storable(path), root, size, mtime) for path, root, size, mtime in files]
    found.listed += files
    found.problems += sorted(skipped, key=lambda p: p.path)


def _entry(
    entry, real_folder, names, pending, root_text, files, skipped, named_like_files, seen_dirs, seen_files
) -> None:
    name = entry.name
    if name.startswith("."):
        skipped.append(_skipped(entry.path, "hidden; not read"))
        return
    is_link = entry.is_symlink()
    if entry.is_dir():  # follows links
        st = entry.stat()
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            skipped.append(_skipped(entry.path, "a link to a folder already read (a loop); not read again"))
            return
        seen_dirs.add(key)
        if _is_saved_page_folder(name, names):
            skipped.append(_skipped(entry.path, "the images and scripts of a saved web page; not articles"))
            return
        if suffix_of(name) in SUPPORTED_SUFFIXES:
            named_like_files.append(entry.path)
        real_dir = os.path.realpath(entry.path) if is_link else os.path.join(real_folder, name)
        pending.append((entry.path, real_dir))
    elif entry.is_file():  # follows links
        if kind_of(name) is None:
            skipped.append(_skipped(entry.path, unknown_format(name)))
            return
        real_file = os.path.realpath(entry.path) if is_link else os.path.join(real_folder, name)
        if real_file in seen_files:
            skipped.append(_skipped(entry.path, "the same file as another in the corpus (a link); read once"))
            return
        seen_files.add(real_file)
        st = entry.stat()  # of the file a link leads to
        files.append((entry.path, root_text, st.st_size, st.st_mtime_ns))
    elif is_link and not os.path.exists(entry.path):
        skipped.append(_skipped(entry.path, "a link to nothing (broken); not read"))
    else:
        skipped.append(_skipped(entry.path, f"{entry_kind(entry.stat().st_mode)}, not a file; not read"))


def _is_saved_page_folder(name: str, names: set[str]) -> bool:
    for ending in _SAVED_PAGE_SUFFIXES:
        if name.endswith(ending):
            page = name[: -len(ending)]
            return any(page + suffix in names for suffix in _PAGE_SUFFIXES)
    return False


def _skipped(path: Path | str, message: str) -> Problem:
    return Problem(storable(str(path)), message, skipped=True)
