"""What the app's workers report, as messages: a worker thread posts one (post_message is
thread-safe) and the App's `on_…` handler updates the screen on the app's own thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from textual.worker import Worker

    from talks_tui.index.corpus import Corpus
    from talks_tui.index.model import Matches, QueryError
    from talks_tui.index.quotes.listing import QuoteRow


class CorpusOpened(Message):
    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus


class QuotesListed(Message):
    def __init__(self, rows: list[QuoteRow]) -> None:
        super().__init__()
        self.rows = rows


class WorkProgress(Message):
    """Long work (indexing, finding quotations) has done `done` of `total` steps."""

    def __init__(self, done: int, total: int, step: str) -> None:
        super().__init__()
        self.done, self.total, self.step = done, total, step


class WorkFailed(Message):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class SearchFinished(Message):
    """A search ended: its matches (None for an empty query), or the error that stopped it."""

    def __init__(self, matches: Matches | None, error: QueryError | None = None) -> None:
        super().__init__()
        self.matches, self.error = matches, error


class SuggestionFound(Message):
    def __init__(self, worker: Worker, suggestion: str) -> None:
        super().__init__()
        self.worker, self.suggestion = worker, suggestion
