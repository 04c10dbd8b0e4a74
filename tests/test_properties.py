"""Any text at all: ingest and quotation extraction return, within a bound, on random text made
of quote marks, apostrophes, names, cues, markup and control characters."""

from __future__ import annotations

import pytest

hypothesis = pytest.importorskip("hypothesis")
st = hypothesis.strategies

from talks_tui.index.ingest.load import load_file  # noqa: E402
from talks_tui.index.ingest.outlets import OutletTable  # noqa: E402
from talks_tui.index.quotes.extract import extract_quotes  # noqa: E402

PIECES = ['"', "“", "”", "'", "‘", "’", "«", "»", "„", " said ", " He ", "Li Chenggang", "Bessent", ", ",
          ".", "\n", "\n\n", "[bold]", "[/]", "\x1b[2J", "\x9b", "told reporters", ":", "—"]  # fmt: skip
TABLE = OutletTable.load()


@hypothesis.settings(max_examples=120, deadline=5000)  # a per-article bound: 5 s, far above normal
@hypothesis.given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=30)), max_size=200))
def test_ingest_and_quotes_return_on_any_text(tmp_path_factory, pieces):
    folder = tmp_path_factory.mktemp("prop")
    path = folder / "random.txt"
    path.write_text("".join(pieces), encoding="utf-8", errors="surrogatepass")
    articles, problems = load_file(path, folder, TABLE)
    assert all("could not be read" not in p.message for p in problems)
    for article in articles:
        for quote in extract_quotes(article):
            where = article.title if quote.paragraph is None else article.paragraphs[quote.paragraph]
            assert 0 <= quote.start <= quote.end <= len(where or "")
