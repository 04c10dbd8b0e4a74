"""Coverage never fails: on every corpus of tests/data, on hostile text (sums of money, lone
currency signs, non-Latin scripts, empty articles, markup, escape codes) and on random text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from talks_tui.index.coverage.topics import Coverage, find_coverage
from talks_tui.index.ingest.load import load_file
from talks_tui.index.ingest.outlets import OutletTable
from talks_tui.index.model import Article

DATA = Path(__file__).resolve().parents[2] / "data"

HOSTILE = [
    "Jewels worth €88m ($102M), or $103 Million, were taken. ($1 = 0.8575 euro)",
    "USD 5bn, 5 billion yuan, £3.2bn, US$1.2bn, HK$5, Rs. 500, RM5, ₹100 crore, ₩3tn, 88m euros, 5 pounds",
    "$ € £ ¥ ₹ ₩ $$ €€ $. $, ($) [$] US$ HK$ USD EUR 1$ 5€ 1,2,3 1.2.3 10:30 24/7 10-15% $10-$15bn",
    "99999999999999999999999999999 999,999,999,999,999.999 bn 0.0000001% -5% +3 %",
    "中国和美国在吉隆坡举行会谈，达成初步共识。人民币 50 亿元。",
    "Россия и Китай подписали соглашение на 5 млрд рублей. Москва, 10 ноября.",
    "قالت الحكومة إن المحادثات كانت بناءة في 10 نوفمبر",
    "भारत ने ₹500 करोड़ की घोषणा की। 東京 ¥1,000 한국 ₩3,000 ελληνικά",
    "Emoji 🇺🇸🇨🇳 👍🏽 and combining e\u0301 and zero\u200bwidth and ligature ﬁnance and ß STRASSE",
    "[bold red]Fake[/] [/ [@click=app.quit]click[/] [link=http://x]x[/link] \\[escaped] ]]][[[",
    "\x1b[2J\x1b[31mRed\x1b[0m \x07 bell \x9b31m C1 \x00 nul \x7f del \r carriage \t tab",
    "Nov. 10 November 10 10 November 10th November May 5 Sept. 31 Oct 99 31 February",
    "'s 's ’s O'Brien's U.S.'s A.B.C. a.m. p.m. - – — -- & && &amp; Berg & Lund",
    "…" * 50 + "." * 200 + "-" * 200,
    " ".join(["Norvik Bank"] * 300),
    "",
    " ",
    "\n\n",
]


def _article(n: int, title: str, *paragraphs: str, outlet: str | None = None) -> Article:
    return Article(
        id=f"h{n}", file=f"h{n}.txt", path=f"/tmp/h{n}.txt", title=title, outlet=outlet, date=None,
        paragraphs=paragraphs,
    )  # fmt: skip


def _well_formed(coverage: Coverage, articles: list[Article]) -> None:
    ids = {a.id for a in articles}
    for topic in coverage.topics:
        assert topic.label and set(topic.counts) <= set(coverage.outlets)
        assert set(topic.articles) <= ids and all(n > 0 for n in topic.counts.values())


@pytest.mark.parametrize("corpus", ["devset", "devset2", "devset3", "holdout"])
def test_coverage_runs_on_every_corpus_of_the_test_data(corpus):
    root = DATA / corpus / "articles"
    table = OutletTable.load()
    articles = [a for path in sorted(root.iterdir()) for a in load_file(path, root, table)[0]]
    assert len(articles) >= 30
    for limit in (24, 200):
        coverage = find_coverage(articles, limit=limit)
        assert len(coverage.topics) >= min(limit, 150)  # enough text for a full matrix
        _well_formed(coverage, articles)


def test_coverage_runs_on_hostile_text():
    one_each = [_article(n, text, text, outlet=f"Outlet {n % 3}") for n, text in enumerate(HOSTILE)]
    all_in_one = [_article(100 + n, HOSTILE[n], *HOSTILE, outlet=None) for n in range(3)]
    empty = [_article(200 + n, "", outlet="") for n in range(3)]
    for articles in (one_each, all_in_one, empty, one_each + all_in_one + empty, one_each[:1], all_in_one[:2]):
        for limit in (1, 24, 500):
            _well_formed(find_coverage(articles, limit=limit), articles)
    topics = find_coverage(all_in_one, limit=500).topics
    euros = [t for t in topics if "€88m" in t.query]  # "€88m" and "88m euros": one sum
    assert len(euros) == 1 and '"88m euros"' in euros[0].query, [t.query for t in topics]
    assert not any(t.label[:2].lower() == "oc" and "99" in t.label for t in topics)  # "Oct 99" is no day


def test_coverage_returns_on_random_text():
    hypothesis = pytest.importorskip("hypothesis")
    st = hypothesis.strategies
    pieces = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=40))

    @hypothesis.settings(max_examples=80, deadline=5000)
    @hypothesis.given(st.lists(st.lists(pieces, max_size=8), min_size=1, max_size=5))
    def run(texts):
        articles = [_article(n, "", " ".join(p), outlet=f"O{n % 2}") for n, p in enumerate(texts)]
        _well_formed(find_coverage(articles), articles)

    run()


def test_the_coverage_command_on_hostile_files(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n, text in enumerate(HOSTILE):
        (folder / f"hostile-{n}.txt").write_text(f"Headline {n}: {text[:60]}\n\n{text}\n\n{HOSTILE[0]}\n", "utf-8")
    (folder / "empty.txt").write_text("", "utf-8")
    command = [sys.executable, "-m", "talks_tui.tui.cli", "coverage", "--corpus", str(folder)]
    command += ["--index-dir", str(tmp_path / "index")]
    for extra in ([], ["--format", "json"], ["--format", "markdown"], ["--format", "csv"]):
        done = subprocess.run([*command, *extra], capture_output=True, timeout=300)
        assert done.returncode == 0 and b"Traceback" not in done.stderr, done.stderr.decode("utf-8", "replace")
        assert b"\x1b" not in done.stdout
    topics = json.loads(subprocess.run([*command, "--json"], capture_output=True, check=True).stdout)["topics"]
    assert any("€88m" in t["query"] for t in topics), [t["query"] for t in topics]
