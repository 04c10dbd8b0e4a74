"""Bring the catalog and the full-text index in step with the files, re-reading only what changed.

A file whose size and mtime match the catalog is not opened; one whose content hash matches is
not re-read. New and changed files are read and analysed in worker processes while this process
writes the index; both stores commit once, the full-text index first.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, replace
from pathlib import Path

from talks_tui.index.ingest.filenames import real
from talks_tui.index.ingest.load import load_file
from talks_tui.index.ingest.outlets import OutletTable
from talks_tui.index.ingest.safe_read import Unreadable, file_sha1
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


def refresh(
    catalog: Catalog,
    backend: SearchBackend,
    files: list[tuple[Path, Path]],
    outlets: OutletTable,
    progress: Progress | None,
) -> RefreshStats:
    started = time.perf_counter()
    known = catalog.files()
    tasks, unchanged = [], 0
    seen: set[str] = set()
    for path, root in files:
        key = str(path)  # absolute already: resolving 10,000 paths would cost a reopen 0.2 s
        if key in seen:
            continue
        seen.add(key)
        try:
            st = os.stat(real(key))  # keys are storable: a name that is not UTF-8 has stand-ins
            size, mtime = st.st_size, st.st_mtime_ns
        except OSError:
            size, mtime = -1, -1
        old = known.get(key)
        retry = old is not None and any(p.skipped for p in old.problems)  # it may be readable now
        if old is not None and not retry and (old.size, old.mtime_ns) == (size, mtime):
            unchanged += 1
            continue
        tasks.append((key, str(root), size, mtime, old.sha1 if old else None))
    removed = [p for p in known if p not in seen]
    if not tasks and not removed:
        return RefreshStats(
            len(seen), unchanged=unchanged, articles=catalog.article_count(), seconds=time.perf_counter() - started
        )

    # Ids stay unique across files; those of files being re-read are free to be taken again.
    taken = catalog.all_ids() - set(catalog.ids_of([t[0] for t in tasks] + removed))
    added = changed = 0
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
        writer.commit()  # the full-text index first: a catalog that lags is caught on the next open
        tx.commit()
    except BaseException:
        writer.cancel()
        tx.rollback()
        raise
    return RefreshStats(
        files=len(seen),
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
