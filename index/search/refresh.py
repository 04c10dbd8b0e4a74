"""Bring the catalog and the full-text index in step with the files, re-reading only what changed.

A file whose size and mtime match the catalog is not opened; one whose content hash matches is
not re-read. New and changed files are read and analysed in worker processes while this process
writes the index; both stores commit once, the full-text index first.

The catalog also keeps a digest of the listing it was last brought in step with (every file's
path, size and mtime): when the walk gives the same digest, nothing changed and no file's row is
read. Any difference (a file added, removed, touched, resized) compares every file. A listing with
files left out for a reason that may pass (unreadable, empty) keeps no digest: they are tried
again on every open.
"""

from __future__ import annotations

import hashlib
import struct
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from talks_tui.index.ingest.outlets import OutletTable
from talks_tui.index.ingest.safe_read import Unreadable, file_sha1
from talks_tui.index.ingest.walk import Listed
from talks_tui.index.model import Article, Problem
from talks_tui.index.search.backend import SearchBackend
from talks_tui.index.search.catalog import Catalog, FileState
from talks_tui.index.search.documents import IndexDoc, analyse
from talks_tui.index.workers import Progress, map_in_workers

READING, WRITING = "Reading files", "Writing the index"


@dataclass(frozen=True)
class RefreshStats:
    files: int = 0
    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    articles: int = 0
    seconds: float = 0.0


@dataclass(frozen=True)
class _Read:
    """What a worker learnt about one file."""

    state: FileState
    same_content: bool  # hash matched the catalog: nothing to re-index
    articles: tuple[Article, ...] = ()
    docs: tuple[IndexDoc, ...] = ()


_outlets: OutletTable | None = None


def _use_outlets(outlets: OutletTable) -> None:
    """Worker set-up: the outlet table that names outlets."""
    global _outlets
    _outlets = outlets


def _outlet_terms(outlets: OutletTable, name: str | None) -> str:
    outlet = outlets.lookup(name) if name else None
    if outlet is None:
        return name or ""
    return " ".join([outlet.name, *outlet.aliases, *outlet.domains])


def load_file(path: Path, root: Path, outlets: OutletTable) -> tuple[list[Article], list[Problem]]:
    """ingest's load_file, imported on first use: opening an unchanged corpus reads no file, and
    the ingest rules cost a fifth of a second to import."""
    from talks_tui.index.ingest.load import load_file as load

    return load(path, root, outlets)


def _read_file(task: tuple[str, str, int, int, str | None]) -> _Read:
    """Read, clean and analyse one file."""
    path, root, size, mtime_ns, old_sha1 = task
    outlets = _outlets
    assert outlets is not None
    try:
        sha1 = file_sha1(path)  # streamed, and never from a FIFO or device put in the file's place
    except Unreadable as exc:
        problem = Problem(path, str(exc), skipped=True)
        return _Read(FileState(path, size, mtime_ns, "", (problem,)), False)
    if sha1 == old_sha1:
        return _Read(FileState(path, size, mtime_ns, sha1, ()), True)
    articles, problems = load_file(Path(path), Path(root), outlets)
    docs = tuple(
        analyse(a.id, a.title or "", a.body, a.outlet, _outlet_terms(outlets, a.outlet), a.authors, a.date)
        for a in articles
    )
    return _Read(FileState(path, size, mtime_ns, sha1, tuple(problems)), False, tuple(articles), docs)


LISTING = "listing"  # catalog meta: the digest of the listing the catalog is in step with


def listing_digest(files: Sequence[Listed]) -> str:
    """A digest of every file's path, size and mtime, in order (paths hold no NUL)."""
    digest = hashlib.sha1("\0".join([f[0] for f in files]).encode("utf-8", "surrogatepass"))
    digest.update(struct.pack(f"<{len(files)}q", *[f[2] for f in files]))
    digest.update(struct.pack(f"<{len(files)}q", *[f[3] for f in files]))
    return digest.hexdigest()


def refresh(
    catalog: Catalog,
    backend: SearchBackend,
    files: Sequence[Listed],
    outlets: OutletTable,
    progress: Progress | None,
) -> RefreshStats:
    """Bring the catalog and index in step with the files as the walk listed them (each once)."""
    started = time.perf_counter()
    digest = listing_digest(files)
    if catalog.get_meta(LISTING) == digest:
        return RefreshStats(
            len(files), unchanged=len(files), articles=catalog.article_count(), seconds=time.perf_counter() - started
        )
    listing: dict[str, Listed] = {}
    for f in files:
        listing.setdefault(f[0], f)
    known = catalog.file_stats()
    retry = catalog.files_to_retry()  # left out for a reason that may have passed: try again
    changed_paths = [path for path, f in listing.items() if path in retry or known.get(path) != (f[2], f[3])]
    unchanged = len(listing) - len(changed_paths)
    old_sha1 = catalog.sha1s([path for path in changed_paths if path in known])
    tasks = [(*listing[path], old_sha1.get(path)) for path in changed_paths]
    removed = [p for p in known if p not in listing]
    if not tasks and not removed:
        catalog.set_meta_if_writable(LISTING, digest)  # an index on a read-only disk is compared each time
        return RefreshStats(
            len(listing), unchanged=unchanged, articles=catalog.article_count(), seconds=time.perf_counter() - started
        )

    # Ids stay unique across files; those of files being re-read are free to be taken again.
    taken = catalog.all_ids() - set(catalog.ids_of([t[0] for t in tasks] + removed))
    added = changed = 0
    left_out = False  # a file could not be read: no digest, so that it is tried again
    writer = backend.writer()
    tx = catalog.transaction()
    try:
        for path in removed:
            writer.delete(catalog.ids_of([path]))
            tx.remove(path)
        reads = map_in_workers(
            _read_file,
            tasks,
            initializer=_use_outlets,
            initargs=(outlets,),
            progress=progress,
            step=READING,
        )
        for read in reads:
            path = read.state.path
            left_out = left_out or any(p.skipped for p in read.state.problems)
            if read.same_content:
                tx.touch(read.state)
                taken.update(catalog.ids_of([path]))
                unchanged += 1
                continue
            read = _unique_ids(read, taken)
            if path in known:
                writer.delete(catalog.ids_of([path]))
                changed += 1
            else:
                added += 1
            for doc in read.docs:
                writer.add(doc)
            tx.put(read.state, read.articles)
        if progress:
            progress(len(tasks), len(tasks), WRITING)
        tx.quotes_changed()
        tx.set_meta(LISTING, "" if left_out else digest)
        writer.commit()  # the full-text index first: a catalog that lags is caught on the next open
        tx.commit()
    except BaseException:
        writer.cancel()
        tx.rollback()
        raise
    return RefreshStats(
        files=len(listing),
        added=added,
        changed=changed,
        removed=len(removed),
        unchanged=unchanged,
        articles=catalog.article_count(),
        seconds=time.perf_counter() - started,
    )


def _unique_ids(read: _Read, taken: set[str]) -> _Read:
    """Two records claiming one id (a repeated url or JSON id) both stay: the later is renamed."""
    articles, docs, problems = [], [], list(read.state.problems)
    for article, doc in zip(read.articles, read.docs, strict=True):
        new_id, n = article.id, 1
        while new_id in taken:
            n += 1
            new_id = f"{article.id}-{n}"
        if new_id != article.id:
            problems.append(Problem(read.state.path, f"id {article.id} is used twice; this one is {new_id}"))
            article, doc = replace(article, id=new_id), replace(doc, id=new_id)
        taken.add(new_id)
        articles.append(article)
        docs.append(doc)
    state = replace(read.state, problems=tuple(problems))
    return replace(read, state=state, articles=tuple(articles), docs=tuple(docs))
