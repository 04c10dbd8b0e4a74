"""A corpus: the user's files, kept in step with its catalog and full-text index.

`open_corpus` brings the index up to date incrementally (unchanged files are not re-read: size and
mtime first, then the content hash), rebuilds a damaged or outdated index with a notice, and
serialises concurrent processes with a lock file. The returned `Corpus` answers listings,
articles and searches.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from multiprocessing import current_process, get_context
from pathlib import Path

import platformdirs
from filelock import FileLock, Timeout

from index import ingest
from index.catalog import Catalog, CatalogDamaged, CatalogTransaction, FileState
from index.ingest import discover_files, load_file
from index.model import Article, Hit, Problem, SearchResult
from index.outlets import OutletTable
from index.querytext import plain_words, replace_word
from index.quotelist import QuoteRow, outlet_matches, speaker_matches, text_matches
from index.quotes import Quote, extract_quotes
from index.snippets import make_snippets
from index.speakers import Speaker, group_variants, resolve_corpus, speaker_registry
from index.store import SCHEMA_VERSION, IndexDamaged, IndexDoc, Store, analyse
from index.terms import stem, word_spans

# Below this many files to read, a worker process costs more than it saves.
PARALLEL_THRESHOLD = 64
LOCK_TIMEOUT = 120.0

# progress(done, total, step): files read so far, then the final write as one more step
Progress = Callable[[int, int, str], None]
READING, WRITING = "Reading files", "Writing the index"


class IndexBusy(Exception):
    """Another process held the index lock for too long."""


def bundled_seeds_dir() -> Path:
    """The bundled corpus: inside the installed package, or at the top of a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "seeds", here.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the bundled seeds folder is missing from this installation")


def default_index_dir(paths: Sequence[Path]) -> Path:
    """One index per corpus (the set of paths given) in the user's cache folder."""
    resolved = sorted(str(p.resolve()) for p in paths)
    key = hashlib.sha1("\n".join(resolved).encode("utf-8")).hexdigest()[:12]
    name = "".join(c if c.isalnum() or c in "-_" else "_" for c in Path(resolved[0]).name)[:40] or "corpus"
    return Path(platformdirs.user_cache_dir("talks-tui")) / "indexes" / f"{name}-{key}"


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
    quotes: tuple[Quote, ...] = ()  # of all its articles, as found in each


_worker_outlets: OutletTable | None = None


def _init_worker(outlets_file: str | None) -> None:
    global _worker_outlets
    _worker_outlets = OutletTable.load(Path(outlets_file) if outlets_file else None)


def _outlet_terms(outlets: OutletTable, name: str | None) -> str:
    outlet = outlets.lookup(name) if name else None
    if outlet is None:
        return name or ""
    return " ".join([outlet.name, *outlet.aliases, *outlet.domains])


def _read_file(task: tuple[str, str, int, int, str | None]) -> _Read:
    """Read, clean and analyse one file (runs in a worker process for large builds)."""
    path, root, size, mtime_ns, old_sha1 = task
    outlets = _worker_outlets
    assert outlets is not None
    try:
        sha1 = hashlib.sha1(Path(path).read_bytes()).hexdigest()
    except OSError as exc:
        problem = Problem(path, f"cannot read: {exc.strerror or exc}", skipped=True)
        return _Read(FileState(path, size, mtime_ns, "", (problem,)), False)
    if sha1 == old_sha1:
        return _Read(FileState(path, size, mtime_ns, sha1, ()), True)
    articles, problems = load_file(Path(path), Path(root), outlets)
    docs, quotes = [], []
    for a in articles:
        found = extract_quotes(a)
        quotes += found
        docs.append(
            analyse(
                a.id,
                a.title or "",
                a.body,
                a.outlet,
                _outlet_terms(outlets, a.outlet),
                a.authors,
                a.date,
                speakers=[name for q in found for name in (q.speaker, *q.co_speakers) if name],
                roles=[q.role for q in found if q.role],
                quotes=[q.text for q in found],
            )
        )
    state = FileState(path, size, mtime_ns, sha1, tuple(problems))
    return _Read(state, False, tuple(articles), tuple(docs), tuple(quotes))


@dataclass
class Corpus:
    paths: tuple[Path, ...]
    index_dir: Path
    stats: RefreshStats
    notices: list[str] = field(default_factory=list)  # e.g. "the index was damaged and rebuilt"
    outlets_file: Path | None = None
    outlets: OutletTable | None = None
    _catalog: Catalog | None = None
    _store: Store | None = None

    # -- reading ---------------------------------------------------------------------------------

    @property
    def catalog(self) -> Catalog:
        assert self._catalog is not None
        return self._catalog

    def problems(self) -> list[Problem]:
        return self.catalog.problems()

    def articles(self) -> list[Article]:
        """Metadata of every article (paragraphs empty), in file order."""
        return self.catalog.articles()

    def article(self, article_id: str) -> Article | None:
        """One article with its paragraphs."""
        return self.catalog.articles_by_id([article_id], with_paragraphs=True).get(article_id)

    def quotes(self, speaker: str | None = None, outlet: str | None = None, grep: str | None = None) -> list[QuoteRow]:
        """Quotations in article order, filtered by speaker name, outlet name or alias, and text."""
        metas = {a.id: a for a in self.articles()}
        every = self.catalog.quotes()
        group_sizes = Counter(group for _, group in every)
        rows = []
        for quote, group in every:
            article = metas.get(quote.article_id)
            if article is None:
                continue
            if speaker and not speaker_matches(speaker, quote):
                continue
            if outlet and not outlet_matches(outlet, article.outlet, self._outlet_aliases(article.outlet)):
                continue
            if grep and not text_matches(grep, quote.text):
                continue
            rows.append(QuoteRow(quote, article, group, group_sizes[group] if group else 1))
        return rows

    def speakers(self) -> list[Speaker]:
        """Everyone quoted: roles seen, outlets quoting them, how often; most quoted first."""
        metas = {a.id: a for a in self.articles()}
        return speaker_registry((q for q, _ in self.catalog.quotes()), metas)

    def _outlet_aliases(self, name: str | None) -> tuple[str, ...]:
        outlet = self.outlets.lookup(name) if (name and self.outlets) else None
        return (*outlet.aliases, *outlet.domains) if outlet else ()

    def search(self, text: str, limit: int | None = 20, snippets: bool = True) -> SearchResult:
        """Ranked hits with snippets; QueryError for a query that cannot be parsed."""
        assert self._store is not None
        try:
            raw = self._store.search(text, limit)
        except IndexDamaged as exc:  # found broken only now: rebuild once, then answer
            self._rebuild(str(exc))
            raw = self._store.search(text, limit)
        ids = [article_id for article_id, _ in raw.ids]
        found = self.catalog.articles_by_id(ids, with_paragraphs=snippets)
        hits = []
        for article_id, score in raw.ids:
            article = found.get(article_id)
            if article is None:  # indexed by a newer refresh than our catalog read: skip
                continue
            shown = make_snippets(article.body, raw.terms) if snippets else ()
            hits.append(Hit(replace(article, paragraphs=()), score, shown))
        suggestion = None
        if raw.total == 0 and text.strip():
            suggestion = self._suggest(text)
        per_outlet = {(name or "unknown"): n for name, n in raw.per_outlet.items()}
        return SearchResult(text, tuple(hits), raw.total, per_outlet, suggestion)

    def _suggest(self, text: str) -> str | None:
        """'Did you mean': each unknown word replaced by the closest indexed word, if that finds hits."""
        assert self._store is not None
        store = self._store
        words = [w for w in plain_words(text) if not store.has_term(w)]
        if not words:
            return None
        suggestion = text
        for word in words:
            replacement = store.closest_term(word)
            if replacement is None:
                continue
            surface = self._surface_form(replacement) or replacement
            suggestion = replace_word(suggestion, word, surface)
        if suggestion == text:
            return None
        try:
            return suggestion if store.search(suggestion, limit=1).total else None
        except Exception:
            return None

    def _surface_form(self, term: str) -> str | None:
        """A word as written in the corpus for an index term ("negoti" -> "negotiations")."""
        assert self._store is not None
        article_id = self._store.example_article(term)
        article = self.article(article_id) if article_id else None
        if article is None:
            return None
        for word, _, _ in word_spans(f"{article.title or ''}\n{article.body}"):
            if stem(word) == term:
                return word
        return None

    def _rebuild(self, reason: str) -> None:
        fresh = open_corpus(self.paths, index_dir=self.index_dir, outlets_file=self.outlets_file, rebuild=True)
        self.close()
        self._catalog, self._store, self.stats = fresh._catalog, fresh._store, fresh.stats
        self.notices.append(f"Rebuilt the index in {self.index_dir}: it was damaged ({reason}).")

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
        if self._catalog is not None:
            self._catalog.close()


def open_corpus(
    paths: Sequence[Path] | None = None,
    *,
    index_dir: Path | None = None,
    outlets_file: Path | None = None,
    progress: Progress | None = None,
    rebuild: bool = False,
    lock_timeout: float = LOCK_TIMEOUT,
) -> Corpus:
    """Open the corpus made of `paths` (default: the bundled seeds), updating its index first.

    Raises FileNotFoundError for a missing path, ValueError for a bad outlets file, IndexBusy
    when another process keeps the index locked."""
    paths = tuple(Path(p) for p in (paths or [bundled_seeds_dir()]))
    files = discover_files(paths)  # raises FileNotFoundError before anything is touched
    outlets = OutletTable.load(outlets_file)
    index_dir = Path(index_dir) if index_dir else default_index_dir(paths)
    index_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(index_dir / "lock"))
    try:
        lock.acquire(timeout=lock_timeout)
    except Timeout as exc:
        raise IndexBusy(f"another talks-tui is updating the index in {index_dir}; try again shortly") from exc
    try:
        notices: list[str] = []
        catalog, store = _open_or_rebuild(index_dir, outlets, rebuild, notices)
        stats = _refresh(catalog, store, files, outlets, outlets_file, progress)
    finally:
        lock.release()
    return Corpus(paths, index_dir, stats, notices, outlets_file, outlets, catalog, store)


def _fingerprint(outlets: OutletTable) -> str:
    return f"schema={SCHEMA_VERSION} ingest={ingest.INGEST_VERSION} outlets={outlets.fingerprint}"


def _open_or_rebuild(index_dir: Path, outlets: OutletTable, rebuild: bool, notices: list[str]) -> tuple[Catalog, Store]:
    catalog_path, store_path = index_dir / "catalog.sqlite", index_dir / "whoosh"
    reason = "asked to rebuild" if rebuild else None
    catalog = store = None
    if reason is None:
        try:
            catalog = Catalog.open(catalog_path)
            stored = catalog.get_meta("fingerprint")
            if stored is None and not store_path.exists():
                reason = ""  # a new index: nothing to tell
            elif stored != _fingerprint(outlets):
                reason = "it was made by another version of talks-tui or another outlet table"
            else:
                store = Store.open(store_path)
                if store.doc_count() != catalog.article_count():
                    reason = "the index and the catalog disagree"
        except (CatalogDamaged, IndexDamaged) as exc:
            reason = f"it was damaged ({exc})"
    if reason is None and catalog is not None and store is not None:
        return catalog, store
    if catalog is not None:
        catalog.close()
    if reason:
        notices.append(f"Rebuilding the index in {index_dir}: {reason}.")
    catalog_path.unlink(missing_ok=True)
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{catalog_path}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(store_path, ignore_errors=True)
    catalog = Catalog.open(catalog_path)
    catalog.set_meta("fingerprint", _fingerprint(outlets))
    return catalog, Store.create(store_path)


def _refresh(
    catalog: Catalog,
    store: Store,
    files: list[tuple[Path, Path]],
    outlets: OutletTable,
    outlets_file: Path | None,
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
            st = os.stat(key)
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
            len(seen),
            unchanged=unchanged,
            articles=catalog.article_count(),
            seconds=time.perf_counter() - started,
        )

    # Ids stay unique across files; those of files being re-read are free to be taken again.
    taken = catalog.all_ids() - set(catalog.ids_of([t[0] for t in tasks] + removed))
    added = changed = 0
    writer = store.writer()
    tx = catalog.transaction()
    try:
        for path in removed:
            writer.delete(catalog.ids_of([path]))
            tx.remove(path)
        for read in _read_all(tasks, outlets, outlets_file, progress):
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
            tx.put(read.state, read.articles, read.quotes)
        if progress:
            progress(len(tasks), len(tasks), WRITING)
        _resolve_quotes(catalog, tx)
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


def _resolve_quotes(catalog: Catalog, tx: CatalogTransaction) -> None:
    """Speakers across the corpus ("Bessent" -> "Scott Bessent" named in another article) and
    groups of one statement quoted by several outlets: both depend on every article, so they are
    worked out again whenever any file changed (inside the open transaction, which sees them)."""
    quotes = [q for q, _ in catalog.quotes(resolved=False)]
    if not quotes:
        return
    articles = catalog.articles_by_id(sorted({q.article_id for q in quotes}), with_paragraphs=True)
    by_article: dict[str, list[Quote]] = {}
    for q in quotes:
        by_article.setdefault(q.article_id, []).append(q)
    resolved = [q for qs in resolve_corpus(by_article, articles).values() for q in qs]
    tx.resolve(resolved, group_variants(resolved, articles))


def _unique_ids(read: _Read, taken: set[str]) -> _Read:
    """Two records claiming one id (a repeated url or JSON id) both stay: the later is renamed."""
    articles, docs, problems = [], [], list(read.state.problems)
    renamed: dict[str, str] = {}
    for article, doc in zip(read.articles, read.docs, strict=True):
        new_id, n = article.id, 1
        while new_id in taken:
            n += 1
            new_id = f"{article.id}-{n}"
        if new_id != article.id:
            problems.append(Problem(read.state.path, f"id {article.id} is used twice; this one is {new_id}"))
            renamed[article.id] = new_id
            article, doc = replace(article, id=new_id), replace(doc, id=new_id)
        taken.add(new_id)
        articles.append(article)
        docs.append(doc)
    quotes = tuple(
        replace(q, id=f"{renamed[q.article_id]}:{q.id.rpartition(':')[2]}", article_id=renamed[q.article_id])
        if q.article_id in renamed
        else q
        for q in read.quotes
    )
    state = replace(read.state, problems=tuple(problems))
    return replace(read, state=state, articles=tuple(articles), docs=tuple(docs), quotes=quotes)


def _read_all(
    tasks: list[tuple[str, str, int, int, str | None]],
    outlets: OutletTable,
    outlets_file: Path | None,
    progress: Progress | None,
) -> Iterator[_Read]:
    """Read the files in order, in worker processes when there are many, reporting progress."""
    global _worker_outlets
    if progress:
        progress(0, len(tasks), READING)
    # A daemon process (a worker of some pool) may not start processes of its own.
    if len(tasks) < PARALLEL_THRESHOLD or current_process().daemon:
        _worker_outlets = outlets
        reads: Iterable[_Read] = map(_read_file, tasks)
        pool = None
    else:
        pool = ProcessPoolExecutor(
            max_workers=max(2, min(4, (os.cpu_count() or 2) - 1)),
            mp_context=get_context("spawn"),
            initializer=_init_worker,
            initargs=(str(outlets_file) if outlets_file else None,),
        )
        reads = pool.map(_read_file, tasks, chunksize=16)
    try:
        for done, read in enumerate(reads, 1):
            yield read
            if progress:
                progress(done, len(tasks), READING)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
