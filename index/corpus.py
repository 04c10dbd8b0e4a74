"""A corpus: the user's files, kept in step with its catalog and full-text index.

`open_corpus` brings the index up to date incrementally (see refresh), rebuilds a damaged or
outdated index with a notice, and serialises concurrent processes with a lock file. The returned
`Corpus` answers listings, articles, searches and quotations.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs
from filelock import FileLock, Timeout

from talks_tui.index import versions
from talks_tui.index.ingest.outlets import OutletTable
from talks_tui.index.ingest.walk import Listed, find_files
from talks_tui.index.model import Article, Matches, Problem, SearchResult
from talks_tui.index.quotes.listing import QuoteFilter, QuoteRow, filter_rows
from talks_tui.index.search.backend import Counts, Ranked, RawResult, SearchBackend
from talks_tui.index.search.catalog import Catalog, CatalogDamaged
from talks_tui.index.search.embedded import EmbeddedBackend
from talks_tui.index.search.querytext import plain_words, replace_word, uses_quote_fields
from talks_tui.index.search.quotehits import text_terms
from talks_tui.index.search.quoteindex import LAYOUT as QUOTE_INDEX_LAYOUT
from talks_tui.index.search.refresh import RefreshStats, refresh
from talks_tui.index.search.store import SCHEMA_VERSION, IndexDamaged, Store
from talks_tui.index.terms import stem, word_spans
from talks_tui.index.workers import Progress

if TYPE_CHECKING:  # imported where used: listing and search need none of these
    from talks_tui.index.compare.align import Alignment
    from talks_tui.index.coverage.topics import Coverage
    from talks_tui.index.model import Quote
    from talks_tui.index.quotes.speakers import Speaker

LOCK_TIMEOUT = 120.0
# Catalog meta: the backend holds the current quotations, in the layout it has now (quoteindex.LAYOUT).
_QUOTES_INDEXED = "quotes_indexed"
INDEXING = "Indexing quotations"


def _reported(quotes: Iterable[tuple[Quote, str | None]], total: int, progress: Progress | None) -> Iterator[Quote]:
    """The quotations of (quotation, group) pairs, telling `progress` every thousand."""
    for done, (quote, _) in enumerate(quotes, 1):
        yield quote
        if progress and (done % 1000 == 0 or done == total):
            progress(done, total, INDEXING)


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


@contextmanager
def _index_lock(index_dir: Path, timeout: float) -> Iterator[None]:
    lock = FileLock(str(index_dir / "lock"))
    try:
        lock.acquire(timeout=timeout)
    except Timeout as exc:
        raise IndexBusy(f"another talks-tui is updating the index in {index_dir}; try again shortly") from exc
    try:
        yield
    finally:
        lock.release()


@dataclass
class Corpus:
    paths: tuple[Path, ...]
    index_dir: Path
    stats: RefreshStats
    notices: list[str] = field(default_factory=list)  # e.g. "the index was damaged and rebuilt"
    outlets_file: Path | None = None
    outlets: OutletTable | None = None
    _catalog: Catalog | None = None
    _backend: SearchBackend | None = None
    left_out: list[Problem] = field(default_factory=list)  # entries of the folders not read, and why
    temporary: bool = False  # the cache folder could not be used: an index for this session only

    @property
    def catalog(self) -> Catalog:
        assert self._catalog is not None
        return self._catalog

    @property
    def backend(self) -> SearchBackend:
        assert self._backend is not None
        return self._backend

    def problems(self) -> list[Problem]:
        """Every file or folder entry the user must hear about: left out by the walk, or by reading."""
        return [*self.left_out, *self.catalog.problems()]

    def articles(self) -> list[Article]:
        """Metadata of every article (paragraphs empty), in file order."""
        return self.catalog.articles()

    def article(self, article_id: str) -> Article | None:
        """One article with its paragraphs."""
        return self.catalog.articles_by_id([article_id], with_paragraphs=True).get(article_id)

    # -- quotations ------------------------------------------------------------------------------

    def quotes_pending(self) -> bool:
        """Whether quotations must be found (or indexed) first (see quotework): worth a progress bar."""
        return self.catalog.quotes_pending() or self.catalog.get_meta(_QUOTES_INDEXED) != QUOTE_INDEX_LAYOUT

    def update_quotes(self, progress: Progress | None = None) -> None:
        """Find the quotations not found yet, resolve speakers and groups across the corpus, and
        index them in the search backend (a batch that streams from the catalog)."""
        if self.catalog.quotes_pending():
            from talks_tui.index.quotes.on_demand import update_quotes  # the quotation rules: only when needed

            with _index_lock(self.index_dir, LOCK_TIMEOUT):
                self.catalog.set_meta(_QUOTES_INDEXED, "0")  # stale until indexed again, even after a crash
                update_quotes(self.catalog, progress)
        if self.catalog.get_meta(_QUOTES_INDEXED) != QUOTE_INDEX_LAYOUT:
            with _index_lock(self.index_dir, LOCK_TIMEOUT):
                quotes = _reported(self.catalog.iter_quotes(), self.catalog.quote_count(), progress)
                self.backend.index_quotes(quotes)
                self.catalog.set_meta(_QUOTES_INDEXED, QUOTE_INDEX_LAYOUT)

    def quotes(self, speaker: str | None = None, outlet: str | None = None, grep: str | None = None) -> list[QuoteRow]:
        """Quotations in article order, filtered by speaker name, outlet name or alias, and text."""
        wanted = QuoteFilter(speaker=speaker, outlet=outlet, text=grep)
        if not speaker:
            return filter_rows(self.quote_rows(), wanted)
        self.update_quotes()  # a speaker's quotations come from the backend's index, not from all
        found = self.backend.quotes_by_speaker(speaker)
        metas = self.catalog.articles_by_id(sorted({q.article_id for q, _ in found}))
        sizes = self.catalog.group_sizes({group for _, group in found if group})
        return filter_rows(self._rows(found, metas, sizes), wanted)

    def quote_rows(self) -> list[QuoteRow]:
        """Every quotation in article order, with its article, variant group and outlet aliases."""
        self.update_quotes()
        metas = {a.id: a for a in self.articles()}
        every = self.catalog.quotes()
        return self._rows(every, metas, Counter(group for _, group in every))

    def _rows(self, quotes: list[tuple[Quote, str | None]], metas: dict[str, Article], sizes) -> list[QuoteRow]:
        aliases = {outlet: self.outlet_aliases(outlet) for outlet in {a.outlet for a in metas.values()}}
        return [
            QuoteRow(quote, article, group, sizes.get(group, 1) if group else 1, aliases[article.outlet])
            for quote, group in quotes
            if (article := metas.get(quote.article_id)) is not None
        ]

    def speakers(self) -> list[Speaker]:
        """Everyone quoted: roles seen, outlets quoting them, how often; most quoted first."""
        from talks_tui.index.quotes.speakers import speaker_registry

        self.update_quotes()
        metas = {a.id: a for a in self.articles()}
        return speaker_registry((q for q, _ in self.catalog.quotes()), metas)

    def article_quotes(self, article_ids: Sequence[str]) -> list[tuple[Quote, str | None]]:
        """The (quotation, variant group) pairs of these articles, in article order."""
        self.update_quotes()
        return self.catalog.quotes(article_ids=article_ids)

    # -- comparison ------------------------------------------------------------------------------

    def pick_article(self, spec: str) -> Article:
        """The article an id, file name, outlet or part of a title names (ArticleNotFound if none)."""
        from talks_tui.index.compare.comparison import pick_article

        return pick_article(self, spec)

    def compare(self, left: Article, right: Article) -> Alignment:
        """Sentence alignment of two articles, with their quotations in common."""
        from talks_tui.index.compare.comparison import compare_articles

        return compare_articles(self, left, right)

    def coverage(self, limit: int = 24, sample_size: int | None = None) -> Coverage:
        """Outlets by the story's topics, found from the articles themselves: in a corpus of more
        than `sample_size` articles (default: coverage.topics.SAMPLE_SIZE), from an even sample
        of them, and counted in all through the index."""
        from talks_tui.index.coverage import topics

        listed = self.articles()
        sample = topics.even_sample(listed, sample_size or topics.SAMPLE_SIZE)
        ids = [a.id for a in sample]
        texts = self.catalog.articles_by_id(ids, with_paragraphs=True)
        found = topics.find_coverage([texts[i] for i in ids if i in texts], limit=limit)
        if len(sample) == len(listed):
            return found
        del texts  # the sample's paragraphs: the counting needs only the index
        return topics.counted_in(replace(found, sample=len(sample)), listed, self.backend.mentions)

    def article_count(self) -> int:
        return self._backend.doc_count() if self._backend else 0

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        """How many articles use each (stemmed) term."""
        return self._backend.document_frequencies(terms) if self._backend else {}

    def outlet_aliases(self, name: str | None) -> tuple[str, ...]:
        outlet = self.outlets.lookup(name) if (name and self.outlets) else None
        return (*outlet.aliases, *outlet.domains) if outlet else ()

    # -- search ----------------------------------------------------------------------------------

    def search(self, text: str, limit: int | None = 20, snippets: bool = True) -> SearchResult:
        """Ranked hits with snippets; QueryError for a query that cannot be parsed."""
        raw = self._raw_search(text, limit)
        hits = self.backend.hits(raw, snippets)
        suggestion = None
        if raw.total == 0 and text.strip():
            suggestion = self.suggest(text)
        per_outlet = {(name or "unknown"): n for name, n in raw.per_outlet.items()}
        return SearchResult(text, tuple(hits), raw.total, per_outlet, suggestion)

    def counts(self, text: str) -> Counts:
        """How many articles a query matches, per outlet and per date."""
        if uses_quote_fields(text):
            self.update_quotes()
        return self.backend.counts(text)

    def match(self, text: str, suggest: bool = True) -> Matches:
        """Every matching article id, best first, with counts: for a list filtered as one types.
        `suggest=False` leaves out "did you mean" (see `suggest`), which takes longer."""
        raw = self._raw_search(text, None)
        ranked = raw.ids if isinstance(raw.ids, Ranked) else Ranked.of(raw.ids)
        return Matches(
            query=text,
            ids=ranked.article_ids,
            scores=ranked.scores,
            occurrences=raw.matches,
            total=raw.total,
            per_outlet={(name or "unknown"): n for name, n in raw.per_outlet.items()},
            terms=text_terms(text, raw.terms, raw.quote_parts),
            suggestion=self.suggest(text) if suggest and raw.total == 0 and text.strip() else None,
            quote_parts=raw.quote_parts,
        )

    def _raw_search(self, text: str, limit: int | None) -> RawResult:
        if uses_quote_fields(text):  # speaker:, role: and quote: search the quotations
            self.update_quotes()
        try:
            return self.backend.search(text, limit)
        except IndexDamaged as exc:  # found broken only now: rebuild once, then answer
            self._rebuild(str(exc))
            return self.backend.search(text, limit)

    def suggest(self, text: str) -> str | None:
        """'Did you mean': each unknown word replaced by the closest indexed word, if that finds hits."""
        store = self.backend
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
        article_id = self.backend.example_article(term)
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
        self._catalog, self._backend, self.stats = fresh._catalog, fresh._backend, fresh.stats
        self.left_out = fresh.left_out
        self.notices.append(f"Rebuilt the index in {self.index_dir}: it was damaged ({reason}).")

    def close(self) -> None:
        if self._backend is not None:
            self._backend.close()
        if self._catalog is not None:
            self._catalog.close()
        if self.temporary:
            shutil.rmtree(self.index_dir, ignore_errors=True)


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

    Raises FileNotFoundError for a missing path, ValueError for a bad outlets file or a file named
    in a format talks-tui does not read (walk.UnknownFormat), IndexBusy
    when another process keeps the index locked."""
    paths = tuple(Path(p) for p in (paths or [bundled_seeds_dir()]))
    found = find_files(paths)  # raises FileNotFoundError, UnknownFormat before anything is touched
    outlets = OutletTable.load(outlets_file)
    index_dir = Path(index_dir) if index_dir else default_index_dir(paths)
    try:
        corpus = _open_in(index_dir, paths, outlets, outlets_file, found.listed, progress, rebuild, lock_timeout)
    except (OSError, sqlite3.Error) as exc:
        # A cache folder that is read-only, full or not a folder: the articles still open, with an
        # index kept for this session only. (An OSError here too goes to the caller.)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        temporary = Path(tempfile.mkdtemp(prefix="talks-tui-index-"))
        corpus = _open_in(temporary, paths, outlets, outlets_file, found.listed, progress, False, lock_timeout)
        corpus.temporary = True
        corpus.notices.insert(
            0, f"Cannot keep the index in {index_dir} ({reason}); using a temporary one for this session."
        )
    corpus.left_out = found.problems
    return corpus


def _open_in(
    index_dir: Path,
    paths: tuple[Path, ...],
    outlets: OutletTable,
    outlets_file: Path | None,
    files: list[Listed],
    progress: Progress | None,
    rebuild: bool,
    lock_timeout: float,
) -> Corpus:
    index_dir.mkdir(parents=True, exist_ok=True)
    with _index_lock(index_dir, lock_timeout):
        notices: list[str] = []
        catalog, store = _open_or_rebuild(index_dir, outlets, rebuild, notices)
        backend = EmbeddedBackend(catalog, store)
        try:
            stats = refresh(catalog, backend, files, outlets, progress)
        except sqlite3.DatabaseError as exc:
            backend.close()
            catalog.close()
            if not catalog.damaged:
                raise
            # Damage the open did not check for (see catalog): rebuilt, and said so.
            catalog, store = _open_or_rebuild(index_dir, outlets, True, [])
            notices.append(f"Rebuilding the index in {index_dir}: it was damaged ({exc}).")
            backend = EmbeddedBackend(catalog, store)
            try:
                stats = refresh(catalog, backend, files, outlets, progress)
            except BaseException:
                backend.close()
                catalog.close()
                raise
        except BaseException:
            backend.close()
            catalog.close()
            raise
    return Corpus(paths, index_dir, stats, notices, outlets_file, outlets, catalog, backend)


def _fingerprint(outlets: OutletTable) -> str:
    stored = f"schema={SCHEMA_VERSION} ingest={versions.INGEST_VERSION} quotes={versions.QUOTES_VERSION}"
    return f"{stored} outlets={outlets.fingerprint}"


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
        except sqlite3.DatabaseError as exc:  # damage found by a read, not by a check (see catalog)
            if catalog is None or not catalog.damaged:
                raise
            reason = f"it was damaged ({exc})"
    if reason is None and catalog is not None and store is not None:
        return catalog, store
    if catalog is not None:
        catalog.close()
    if reason:
        notices.append(f"Rebuilding the index in {index_dir}: {reason}.")
    catalog_path.unlink(missing_ok=True)
    for suffix in ("-wal", "-shm", "-journal", ".checked"):
        Path(f"{catalog_path}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(store_path, ignore_errors=True)
    catalog = Catalog.open(catalog_path)
    catalog.set_meta("fingerprint", _fingerprint(outlets))
    return catalog, Store.create(store_path)
