"""The command line as scripts and people use it: JSON contracts, tables, exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EVAL, SEEDS

from talks_tui.index.model import ATTRIBUTIONS
from talks_tui.tui.cli import main

SCRIPT = Path(sys.executable).with_name("talks-tui")


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def seeds_args(tmp_path):
    return ["--corpus", str(SEEDS), "--index-dir", str(tmp_path / "index")]


def test_installed_script_lists_the_bundled_articles_from_any_folder(tmp_path):
    """After `pip install .`, with no corpus given, the five bundled articles are listed."""
    assert SCRIPT.exists(), "the talks-tui console script is not installed next to this Python"
    done = subprocess.run(
        [str(SCRIPT), "articles", "--json"], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    articles = json.loads(done.stdout)
    assert len(articles) == 5
    assert {a["file"] for a in articles} == {p.name for p in SEEDS.glob("*.txt")}


def test_articles_json_fields(capsys, seeds_args):
    code, out, _ = run_cli(capsys, "articles", "--json", *seeds_args)
    assert code == 0
    articles = json.loads(out)
    for a in articles:
        assert {"file", "id", "outlet", "title", "date", "authors", "word_count"} <= set(a)
        assert "paragraphs" not in a
        assert isinstance(a["authors"], list) and a["word_count"] > 0
    code, out, _ = run_cli(capsys, "articles", "--json", "--full", *seeds_args)
    full = json.loads(out)
    assert all(a["paragraphs"] and sum(len(p.split()) for p in a["paragraphs"]) == a["word_count"] for a in full)


needs_eval = pytest.mark.skipif(not (EVAL / "score.py").exists(), reason="../shared/eval is not beside this checkout")


def score(capsys, tmp_path, command: str, seeds_args: list[str], *thresholds: str) -> subprocess.CompletedProcess:
    """Run the evaluation's scorer on `talks-tui COMMAND --json` for the seeds."""
    code, out, _ = run_cli(capsys, command, "--json", *seeds_args)
    assert code == 0
    output = tmp_path / f"{command}.json"
    output.write_text(out, encoding="utf-8")
    gold = ["--gold", str(EVAL / "seeds_gold.json"), f"--{command}", str(output)]
    return subprocess.run([sys.executable, str(EVAL / "score.py"), *gold, *thresholds], capture_output=True, text=True)


@needs_eval
def test_metadata_scores_perfectly_on_the_seeds(capsys, seeds_args, tmp_path):
    done = score(capsys, tmp_path, "articles", seeds_args, "--min-metadata", "1.0")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "metadata=1.000" in done.stdout


def test_articles_table_for_people(capsys, seeds_args):
    code, out, _ = run_cli(capsys, "articles", *seeds_args)
    assert code == 0
    assert "5 articles" in out and "Global Times" in out and "Türkiye Today" in out and "Ralph Jennings" in out


def test_search_json(capsys, seeds_args):
    code, out, _ = run_cli(capsys, "search", "rare earths", "--json", *seeds_args)
    assert code == 0
    hits = json.loads(out)
    assert hits
    for hit in hits:
        assert {"file", "id", "outlet", "title", "date", "score", "snippets"} <= set(hit)
        for snippet in hit["snippets"]:
            assert isinstance(snippet["text"], str)
            for start, end in snippet["spans"]:
                assert snippet["text"][start:end].lower() in ("rare", "earth", "earths")
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)


def test_search_table_shows_counts_and_suggestion(capsys, seeds_args):
    code, out, _ = run_cli(capsys, "search", "soybeans", *seeds_args)
    assert code == 0 and "articles match" in out
    code, out, _ = run_cli(capsys, "search", "tarrifs", *seeds_args)
    assert code == 0 and "Did you mean" in out


def test_unparseable_query_exits_2_with_one_line(capsys, seeds_args):
    code, out, err = run_cli(capsys, "search", '"rare earth', *seeds_args)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "quote" in err


def test_missing_path_exits_2_with_one_line(capsys, tmp_path):
    code, out, err = run_cli(capsys, "articles", "--corpus", str(tmp_path / "missing"))
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "missing" in err
    assert main([str(tmp_path / "missing")]) == 2  # the app too, before any screen opens


def test_index_command_reports_incremental_work(capsys, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    args = ["--corpus", str(corpus), "--index-dir", str(tmp_path / "index"), "--json"]
    code, out, _ = run_cli(capsys, "index", *args)
    assert code == 0 and json.loads(out)["added"] == 5
    (corpus / "002_226ded49a171c2f9.txt").unlink()
    code, out, _ = run_cli(capsys, "index", *args)
    stats = json.loads(out)
    assert (stats["removed"], stats["unchanged"], stats["articles"]) == (1, 4, 4)
    code, out, _ = run_cli(capsys, "index", "--rebuild", *args)
    assert json.loads(out)["added"] == 4


def test_problems_go_to_stderr_and_json_stays_clean(capsys, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    code, out, err = run_cli(capsys, "articles", "--json", "--corpus", str(corpus), "--index-dir", str(tmp_path / "i"))
    assert code == 0 and len(json.loads(out)) == 5
    assert "broken.txt" in err and "skipped" in err


def test_markup_in_articles_prints_literally(capsys, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "m.txt").write_text("Tariffs [bold]rise[/] again [link=http://x]here[/link]\n\nBody on tariffs [/].\n")
    code, out, _ = run_cli(capsys, "articles", "--corpus", str(corpus), "--index-dir", str(tmp_path / "i"))
    assert code == 0 and "[bold]rise[/]" in out
    code, out, _ = run_cli(capsys, "search", "tariffs", "--corpus", str(corpus), "--index-dir", str(tmp_path / "i"))
    assert code == 0 and "[/]" in out


QUOTE_FIELDS = {
    "file", "id", "article_id", "outlet", "date", "text", "speaker", "role", "cue", "partial",
    "paragraph", "start", "end", "group",
}  # fmt: skip


@needs_eval
def test_quotes_score_on_the_seeds(capsys, seeds_args, tmp_path):
    thresholds = ["--min-quote-precision", "0.97", "--min-quote-recall", "0.97", "--min-attribution", "0.95"]
    done = score(capsys, tmp_path, "quotes", seeds_args, *thresholds)
    assert done.returncode == 0, done.stdout + done.stderr


def test_quotes_json_fields(capsys, seeds_args):
    code, out, _ = run_cli(capsys, "quotes", "--json", *seeds_args)
    quotes = json.loads(out)
    assert code == 0 and quotes
    for q in quotes:
        assert set(q) >= QUOTE_FIELDS
        assert isinstance(q["partial"], bool) and q["end"] > q["start"]
        assert q["id"].startswith(q["article_id"] + ":")
        # how the speaker was found, and how sure that is
        assert q["attribution"] in ATTRIBUTIONS and q["confidence"] == ATTRIBUTIONS[q["attribution"]].confidence
        assert (q["speaker"] is None) == (q["attribution"] == "none")
    found = {q["attribution"] for q in quotes}
    assert {"same-sentence", "pronoun", "headline"} <= found


def test_quotes_filters_on_the_command_line(capsys, seeds_args):
    code, out, _ = run_cli(capsys, "quotes", "--json", "--speaker", "bessent", "--outlet", "scmp", *seeds_args)
    quotes = json.loads(out)
    assert code == 0 and quotes
    assert {(q["speaker"], q["outlet"]) for q in quotes} == {("Scott Bessent", "South China Morning Post")}
    code, out, _ = run_cli(capsys, "quotes", "--json", "--grep", "firm", *seeds_args)
    assert {q["text"] for q in json.loads(out)} == {"firm"}


def test_quotes_table_is_grouped_by_speaker(capsys, seeds_args):
    code, out, _ = run_cli(capsys, "quotes", *seeds_args)
    assert code == 0
    assert out.index("Li Chenggang") < out.index("Scott Bessent")  # most quoted first
    assert "“tough”" in out and "≈" in out


def test_speakers_json(capsys, seeds_args):
    code, out, _ = run_cli(capsys, "speakers", "--json", *seeds_args)
    speakers = json.loads(out)
    assert code == 0
    li = next(s for s in speakers if s["name"] == "Li Chenggang")
    assert set(li["outlets"]) == {"Global Times", "Caixin Global", "Türkiye Today"} and li["quote_count"] >= 7


def test_an_unknown_outlet_has_one_name_in_every_table(capsys, tmp_path):
    """An article whose outlet is not known is "unknown outlet" in every table, as in the app,
    never "?" in one place and "unknown" in another."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "plain.txt").write_text(
        "Harbour dredging to resume in spring\n\n"
        "Dredging of the harbour will resume in the spring, the port authority said on Monday.\n\n"
        '"We expect the channel to be open by June," said Maria Lopez, the authority\'s director.\n',
        encoding="utf-8",
    )
    args = ["--corpus", str(corpus), "--index-dir", str(tmp_path / "index")]
    for command in (["articles"], ["search", "dredging"], ["quotes"]):
        code, out, _ = run_cli(capsys, *command, *args)
        assert code == 0, command
        assert "unknown outlet" in out, command
        assert "?" not in out.replace("Did you mean?", ""), command
        assert "unknown:" not in out and "unknown " not in out.replace("unknown outlet", ""), command
