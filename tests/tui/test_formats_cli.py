"""`--format json|csv|markdown` and `-o FILE` on every command, and the command line's habits.

Every format of every command round-trips: CSV read back with the csv module equals the JSON
rows, Markdown tables have the right columns and as many rows; text with `|`, newlines and quote
marks comes back intact.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest
from conftest import SEEDS
from mdtext import markup_in, plain_text, tables

from talks_tui.index.export.csvfile import cell, flat_row, unescape_formula
from talks_tui.tui.cli import main

# Each list command: its arguments, and the columns of its Markdown table.
LIST_COMMANDS = {
    "articles": (["articles"], ["outlet", "date", "title", "authors", "words", "file"]),
    "articles --full": (["articles", "--full"], ["outlet", "date", "title", "authors", "words", "file"]),
    "search": (["search", "tariffs"], ["rank", "title", "outlet", "date", "score", "snippets"]),
    "quotes": (["quotes"], ["speaker", "role", "quotation", "outlet", "date", "article"]),
    "speakers": (["speakers"], ["speaker", "quotations", "articles", "outlets", "roles"]),
}


@pytest.fixture(scope="module")
def seeds_index(tmp_path_factory):
    return ["--corpus", str(SEEDS), "--index-dir", str(tmp_path_factory.mktemp("seeds-index"))]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def read_csv(text: str) -> list[dict[str, str]]:
    assert "\r\n" in text  # RFC 4180 line ends
    return [{k: unescape_formula(v) for k, v in row.items()} for row in csv.DictReader(io.StringIO(text, newline=""))]


def as_cells(record: dict) -> dict[str, str]:
    """A JSON record as its CSV row would read back: every cell a string."""
    return {k: str(v) for k, v in flat_row(record).items()}


def formats(capsys, args: list[str]) -> tuple[object, str, str]:
    results = []
    for fmt in ("json", "csv", "markdown"):
        code, out, err = run(capsys, *args, "--format", fmt)
        assert code == 0, err
        results.append(out)
    return json.loads(results[0]), results[1], results[2]


@pytest.mark.parametrize("name", LIST_COMMANDS)
def test_every_list_command_round_trips_in_every_format(capsys, seeds_index, name):
    args, columns = LIST_COMMANDS[name]
    records, csv_text, markdown = formats(capsys, [*args, *seeds_index])
    assert records, name
    assert read_csv(csv_text) == [as_cells(r) for r in records]
    [(header, rows), *_] = tables(markdown)
    assert header == columns and len(rows) == len(records)
    # --json is --format json
    assert run(capsys, *args, "--json", *seeds_index)[1] == json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def test_quotes_csv_and_markdown_carry_the_text_and_its_citation(capsys, seeds_index):
    records, csv_text, markdown = formats(capsys, ["quotes", *seeds_index])
    rows = read_csv(csv_text)
    assert [r["text"] for r in rows] == [q["text"] for q in records]
    assert [r["citation"] for r in rows] == [q["citation"] for q in records]
    [(_, cells)] = tables(markdown)
    assert [c[2].removesuffix(" ≈") for c in cells] == [f"“{q['text']}”" for q in records]
    assert [(c[0], c[3]) for c in cells] == [(q["speaker"] or "—", q["outlet"]) for q in records]


def test_articles_full_csv_keeps_each_paragraph(capsys, seeds_index):
    records, csv_text, markdown = formats(capsys, ["articles", "--full", *seeds_index])
    rows = read_csv(csv_text)
    assert [r["paragraphs"].split("\n\n") for r in rows] == [a["paragraphs"] for a in records]
    text = plain_text(markdown)
    assert all(p in text for a in records for p in a["paragraphs"])


def test_coverage_has_a_column_per_outlet(capsys, seeds_index):
    data, csv_text, markdown = formats(capsys, ["coverage", "--limit", "8", *seeds_index])
    assert data["sample"] is None  # five articles: the topics are found in all of them
    rows = read_csv(csv_text)
    assert rows == [as_cells(t) for t in data["topics"]]
    assert list(rows[0]) == ["label", "query", "kind", *(f"counts.{o}" for o in data["outlets"]), "articles"]
    [(header, cells), *_] = tables(markdown)
    assert header == ["topic", "kind", *data["outlets"]]
    for topic, row in zip(data["topics"], cells, strict=True):
        assert row[0] == topic["label"]
        assert row[2:] == [str(topic["counts"][o] or "·") for o in data["outlets"]]


def test_compare_csv_has_a_row_for_every_pair_and_every_lone_sentence(capsys, seeds_index):
    data, csv_text, markdown = formats(capsys, ["compare", "cna", "scmp", *seeds_index])
    rows = read_csv(csv_text)
    assert len(rows) == len(data["pairs"]) + len(data["only_left"]) + len(data["only_right"])
    pairs = [r for r in rows if r["kind"] in ("same_wording", "same_fact")]
    assert [(r["left_text"], r["right_text"], r["kind"], r["similarity"]) for r in pairs] == [
        (p["left"]["text"], p["right"]["text"], p["kind"], str(p["similarity"])) for p in data["pairs"]
    ]
    assert [r["left_text"] for r in rows if r["kind"] == "only_left"] == [s["text"] for s in data["only_left"]]
    assert sorted(r["right_text"] for r in rows if r["kind"] == "only_right") == sorted(
        s["text"] for s in data["only_right"]
    )


def test_compare_markdown_is_a_report_with_every_part(capsys, seeds_index):
    data, _, markdown = formats(capsys, ["compare", "cna", "scmp", *seeds_index])
    text = plain_text(markdown)
    for heading in ("compared", "Summary", "Aligned sentences", "Only on the left (CNA)", "Quoted by both"):
        assert heading in text
    assert "Only on the right (South China Morning Post)" in text and "Figures that differ" in text
    [(header, rows), *_] = tables(markdown)
    assert header == ["", "left", "right"]
    assert rows[0] == ["title", data["left_article"]["title"], data["right_article"]["title"]]
    for pair in data["pairs"]:
        assert f"left: {pair['left']['text']}" in text and f"right: {pair['right']['text']}" in text
    assert all(f"{s['text']}" in text for s in data["only_left"] + data["only_right"])
    assert markup_in(markdown) <= {"em", "strong"}  # no article text turned into links or HTML


@pytest.fixture
def tricky_corpus(tmp_path):
    """An article whose quotation holds a table separator, quote marks, Markdown and a formula,
    and whose front matter gives its URL."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "pipes.txt").write_text(
        "---\n"
        "title: 'Pipes | and *stars* in a [title](x)'\n"
        "outlet: Example Times\n"
        "date: 2025-10-26\n"
        "url: https://example.com/news/pipes_(1)\n"
        "---\n\n"
        "Trade officials met on Sunday. \"=SUM(A1) | one 'pipe' and *stars* <b>here</b>,\" "
        "said Jane Doe, the trade minister.\n\n"
        'The talks continued into the night. "-5 per cent is [not] a #number," Jane Doe said.\n',
        encoding="utf-8",
    )
    return ["--corpus", str(corpus), "--index-dir", str(tmp_path / "index")]


def test_quotation_text_survives_every_format(capsys, tricky_corpus):
    records, csv_text, markdown = formats(capsys, ["quotes", *tricky_corpus])
    texts = [q["text"] for q in records]
    assert texts == ["=SUM(A1) | one 'pipe' and *stars* <b>here</b>,", "-5 per cent is [not] a #number,"]
    raw = list(csv.reader(io.StringIO(csv_text, newline="")))
    text_column = raw[0].index("text")
    assert [r[text_column] for r in raw[1:]] == ["'" + texts[0], "'" + texts[1]]  # no formula runs
    assert [r["text"] for r in read_csv(csv_text)] == texts
    [(_, cells)] = tables(markdown)
    assert [c[2] for c in cells] == [f"“{t}”" for t in texts]
    assert cells[0][5] == "Pipes | and *stars* in a [title](x)"
    assert markup_in(markdown) == {"link"}  # the title linked to its URL, and nothing else
    first = records[0]
    assert first["url"] == "https://example.com/news/pipes_(1)" and first["title"].startswith("Pipes |")
    assert first["citation"] == (
        "“=SUM(A1) | one 'pipe' and *stars* <b>here</b>,” Jane Doe, the trade minister, quoted by Example Times, "
        "26 Oct 2025, https://example.com/news/pipes_(1)"
    )


def test_output_file_takes_its_format_from_the_extension(capsys, seeds_index, tmp_path):
    for name, fmt in (("q.csv", "csv"), ("q.md", "markdown"), ("q.json", "json")):
        target = tmp_path / name
        code, out, err = run(capsys, "quotes", "--speaker", "bessent", "-o", str(target), *seeds_index)
        assert code == 0 and out == ""
        assert err.strip() == f"talks-tui: wrote 6 quotations to {target}"
        _, expected, _ = run(capsys, "quotes", "--speaker", "bessent", "--format", fmt, *seeds_index)
        assert target.read_bytes().decode("utf-8") == expected
    code, _, _ = run(capsys, "quotes", "--format", "csv", "-o", str(tmp_path / "q.txt"), *seeds_index)
    assert code == 0 and read_csv((tmp_path / "q.txt").read_bytes().decode("utf-8"))


def test_output_mistakes_are_one_line_and_a_status(capsys, seeds_index, tmp_path):
    code, out, err = run(capsys, "quotes", "-o", str(tmp_path / "q.txt"), *seeds_index)
    assert (code, out) == (2, "") and len(err.strip().splitlines()) == 1 and "--format" in err
    code, out, err = run(capsys, "quotes", "--json", "--format", "csv", *seeds_index)
    assert (code, out) == (2, "") and "two formats" in err
    code, out, err = run(capsys, "quotes", "-o", str(tmp_path / "missing" / "q.csv"), *seeds_index)
    assert (code, out) == (1, "") and err.strip().startswith("talks-tui: error: cannot write")
    assert not (tmp_path / "missing").exists()


def test_quotes_go_to_a_qdpx_project_and_nothing_else_does(capsys, seeds_index, tmp_path):
    target = tmp_path / "quotes.qdpx"
    code, out, err = run(capsys, "quotes", "--speaker", "bessent", "-o", str(target), *seeds_index)
    assert (code, out) == (0, "") and err.strip() == f"talks-tui: wrote 6 quotations in 3 articles to {target}"
    with zipfile.ZipFile(target) as archive:
        assert "project.qde" in archive.namelist() and len(archive.namelist()) == 4
    code, out, err = run(capsys, "quotes", "--format", "qdpx", *seeds_index)  # a zip on a terminal: no
    assert (code, out) == (2, "") and "-o FILE.qdpx" in err
    code, out, err = run(capsys, "articles", "-o", str(tmp_path / "a.qdpx"), *seeds_index)
    assert (code, out) == (2, "") and "not qdpx" in err


# -- habits --------------------------------------------------------------------------------------


def test_version(capsys):
    from importlib.metadata import version

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"talks-tui {version('talks-tui')}"


@pytest.mark.parametrize("command", ["articles", "search", "quotes", "speakers", "compare", "coverage", "index"])
def test_every_help_ends_with_examples(capsys, command):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    examples = out[out.rindex("examples:") :].splitlines()[1:]
    assert examples and all(line.strip().startswith("talks-tui ") for line in examples)
    if command != "index":
        assert "--format {json,csv,markdown" in out and "-o FILE" in out


def test_search_help_documents_the_quotation_fields(capsys):
    with pytest.raises(SystemExit):
        main(["search", "--help"])
    out = capsys.readouterr().out
    for field in ("speaker:bessent", "role:spokesperson", "quote:tough", "outlet:scmp", "date:[2025-10-25 to"):
        assert field in out


def test_one_article_is_not_articles(capsys, seeds_index):
    code, out, _ = run(capsys, "search", '"Section 301" outlet:caixin', *seeds_index)
    assert code == 0 and out.startswith("1 article matches")


@pytest.mark.parametrize("option", ["--outlet", "--speaker"])
def test_an_unknown_outlet_or_speaker_is_named_with_the_known_ones(capsys, seeds_index, option):
    code, out, err = run(capsys, "quotes", option, "Nobody Known", "--json", *seeds_index)
    kind = option.removeprefix("--")
    assert (code, out) == (2, "")
    assert err.startswith(f"talks-tui: error: no {kind} named 'Nobody Known' (known: ")
    assert ("South China Morning Post" if kind == "outlet" else "Li Chenggang") in err
    # A known outlet and a known speaker that share no quotation: an empty list, no error.
    code, out, err = run(capsys, "quotes", "--outlet", "cna", "--speaker", "li chenggang", "--json", *seeds_index)
    assert (code, json.loads(out), err) == (0, [], "")


@pytest.mark.parametrize("command", [["search", "tariffs"], ["coverage"]])
def test_limit_refuses_negatives(capsys, seeds_index, command):
    with pytest.raises(SystemExit) as done:
        main([*command, "--limit", "-1", *seeds_index])
    assert done.value.code == 2
    assert "must be 0 or more" in capsys.readouterr().err


def test_csv_cells_of_json_values():
    assert [cell(None), cell(True), cell(3), cell(["a", "b"]), cell("x")] == ["", "true", 3, "a; b", "x"]
