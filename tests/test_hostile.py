"""A hostile folder, generated: binary files, every encoding, a huge one-line file, a deep tree,
link loops, a FIFO and a socket, odd file names (escape codes, markup, a leading dash, bytes
that are not UTF-8), markup and escape codes in titles, bodies, quotations, speakers and
outlets, runs of quote marks, YAML bombs and tags, broken HTML and JSON Lines.

Run against every CLI command and the app's panes: nothing crashes, nothing hangs past a bound,
no readable article is dropped, every entry left out is named, and no escape code reaches the
terminal."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS

from talks_tui.tui.app import TalksApp

pytestmark = pytest.mark.skipif(os.name != "posix", reason="FIFOs, sockets and byte file names")

SCRIPT = Path(sys.executable).with_name("talks-tui")
STORY = (
    'Officials met in Kuala Lumpur on Saturday. "We had very constructive talks," said Li Chenggang, '
    "adding that both sides would meet again."
)
ESC_NAME = "esc\x1b[2J\x1b]52;c;aGVsbG8=\x07.txt"
MARKUP_NAME = "[bold red]x[@click=app.quit].txt"
BYTES_NAME = b"bad\xff\xfename.txt"


def _article(title: str, extra: str = "") -> str:
    return f"{title}\n\n{STORY}\n\n{extra}\n"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, set[str]]:
    """The folder, and the names of the files in it that hold a readable article."""
    root = tmp_path_factory.mktemp("hostile")
    readable: set[str] = set()

    def write(name: str | bytes, content: str | bytes, *, reads: bool = True, encoding: str = "utf-8") -> None:
        data = content if isinstance(content, bytes) else content.encode(encoding)
        path = os.path.join(os.fsencode(root), name if isinstance(name, bytes) else os.fsencode(name))
        with open(path, "wb") as f:
            f.write(data)
        if reads:
            readable.add(os.fsdecode(name) if isinstance(name, bytes) else name)

    for seed in SEEDS.glob("*.txt"):
        write(seed.name, seed.read_bytes())
    write("binary.txt", bytes(range(256)) * 64, reads=False)
    write("empty.txt", b"", reads=False)
    text = _article("Talks resume in Malaysia — café, naïve, Пекин, 北京")
    for encoding in ("utf-16", "utf-32", "utf-8-sig", "cp1252", "latin-1", "koi8-r", "gb18030", "shift_jis"):
        sample = text if encoding not in ("cp1252", "latin-1") else _article("Talks resume in Malaysia, café, naïve")
        if encoding == "koi8-r":
            sample = _article("Переговоры в Куала-Лумпуре продолжаются") + "Пекин и Вашингтон договорились. " * 20
        if encoding in ("gb18030", "shift_jis"):
            sample = _article("貿易協議") + "北京と東京の貿易交渉は続いている。" * 20
        write(f"enc-{encoding}.txt", sample, encoding=encoding)
    write("one-line.txt", "Talks " + "and more talks " * 150_000)  # 2 MB, no line break at all
    deep = root
    for n in range(60):
        deep = deep / f"d{n}"
    deep.mkdir(parents=True)
    (deep / "deep.txt").write_text(_article("A story at the bottom of a deep tree"), encoding="utf-8")
    readable.add("deep.txt")
    os.symlink(".", root / "loop")
    os.symlink(root / "link-b", root / "link-a")
    os.symlink(root / "link-a", root / "link-b")
    os.symlink(root / "self.txt", root / "self.txt")
    os.symlink(root / "000_bc1bdba27e597c2f.txt", root / "second-name.txt")
    os.mkfifo(root / "fifo.txt")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(root / "socket.txt"))
    (root / "folder.txt").mkdir()
    write("-dash.txt", _article("A file whose name starts with a dash"))
    write(ESC_NAME, _article("A file whose name clears the screen"))
    write(MARKUP_NAME, _article("A file whose name is markup"))
    write(BYTES_NAME, _article("A file whose name is not UTF-8"))
    write("emoji-é😀.txt", _article("A file named with emoji"))
    write("newline\nname.txt", _article("A file whose name holds a line break"))
    write(
        "markup-everywhere.md",
        "---\ntitle: '[bold red]Boom[/] \x1b[31m'\noutlet: '[@click=app.quit]Evil Times[/]'\n---\n\n"
        '"[/] [@click=app.quit]\x1b]52;c;aGVsbG8=\x07 quoted," said [bold]Mallory[/] \x9b31m, the [red]minister[/].\n\n'
        f"{STORY}\n",
    )
    write("quote-runs.txt", _article("Quote marks", '"' * 5000 + "“”" * 3000 + "'\"" * 3000 + "«»„“" * 2000))
    write(
        "yaml-bomb.md",
        "---\n"
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
        "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
        "title: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
        "---\n\n" + _article("A YAML bomb in front matter"),
    )
    write("yaml-tag.md", '---\ntitle: !!python/object/apply:os.system ["echo pwned"]\n---\n\n' + _article("A tag"))
    write("broken.html", "<html><body>" + "<div><p>" * 3000 + f"<h1>Broken page</h1><p>{STORY}" + "<table><tr>" * 500)
    lines = [
        json.dumps({"title": "A good record", "body": STORY, "outlet": "[bold]Wire[/]"}),
        '{"title": "cut short", "body": "no end',
        "[" * 100_000,
        json.dumps(["not", "an", "object"]),
        "\x00\x01\x02 binary line",
        json.dumps({"title": "Another good record", "text": STORY + " Second."}),
    ]
    write("broken.jsonl", "\n".join(lines) + "\n")
    write("deep.json", "[" * 100_000 + "]" * 100_000, reads=False)
    write("notes.pdf", b"%PDF-1.4 not read", reads=False)
    (root / ".hidden.txt").write_text(_article("Hidden"), encoding="utf-8")
    yield root, readable
    server.close()


def cli(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    done = subprocess.run([str(SCRIPT), *args], capture_output=True, timeout=timeout)  # timeout: no hang
    assert b"Traceback" not in done.stderr, done.stderr.decode("utf-8", "replace")
    return done


def test_every_command_runs_without_a_traceback_or_an_escape_code(hostile, tmp_path):
    root, _ = hostile
    index = str(tmp_path / "index")
    for command in (
        ["index"],
        ["articles"],
        ["articles", "--json", "--full"],
        ["search", "talks"],
        ["search", "speaker:li", "--json"],
        ["quotes"],
        ["quotes", "--json"],
        ["speakers"],
        ["coverage"],
        ["compare", "Global Times", "CNA"],
    ):
        done = cli(*command, "--corpus", str(root), "--index-dir", index)
        assert done.returncode == 0, (command, done.stderr.decode("utf-8", "replace")[-2000:])
        # Nothing printed sends an escape code or a C1 control to the terminal.
        for stream in (done.stdout, done.stderr):
            assert b"\x1b" not in stream and b"\x07" not in stream, command
            assert not any(0x80 <= ord(c) <= 0x9F for c in stream.decode("utf-8", "replace")), command


def test_no_readable_article_is_dropped_and_every_entry_left_out_is_named(hostile, tmp_path):
    root, readable = hostile
    done = cli("articles", "--json", "--corpus", str(root), "--index-dir", str(tmp_path / "index"))
    articles = json.loads(done.stdout)
    files = {a["file"] for a in articles}
    assert readable <= files, readable - files
    assert sum(a["file"] == "broken.jsonl" for a in articles) == 2
    err = done.stderr.decode("utf-8")
    for name in (
        "binary.txt",
        "empty.txt",
        "fifo.txt",
        "socket.txt",
        "folder.txt",
        "loop",
        "link-a",
        "link-b",
        "self.txt",
        "second-name.txt",
        "notes.pdf",
        "deep.json",
        ".hidden.txt",
    ):
        assert f"/{name}:" in err, name
    # The name that is not UTF-8 comes back as the file system holds it.
    path = next(a["path"] for a in articles if a["file"].startswith("bad"))
    assert os.path.exists(path.encode("utf-8", "surrogateescape"))
    # Markup in metadata is kept as text.
    evil = next(a for a in articles if a["file"] == "markup-everywhere.md")
    assert evil["title"].startswith("[bold red]Boom[/]") and evil["outlet"] == "[@click=app.quit]Evil Times[/]"


def test_a_name_that_starts_with_a_dash_works_as_a_corpus_entry(hostile, tmp_path):
    root, _ = hostile
    done = subprocess.run(
        [str(SCRIPT), "articles", "--json", "--corpus=-dash.txt", "--index-dir", str(tmp_path / "index")],
        cwd=root,
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert [a["title"] for a in json.loads(done.stdout)] == ["A file whose name starts with a dash"]


async def test_the_app_panes_show_the_hostile_folder_without_crashing(hostile, tmp_path):
    root, readable = hostile
    app = TalksApp(paths=[root], index_dir=tmp_path / "app-index")
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(1500):
            if app.session.corpus is not None and app.session.quote_rows:
                break
            await pilot.pause(0.02)
        assert len(app.session.articles) >= len(readable)
        for key in ("G", "g", "j", "enter", "2", "j", "enter", "3", "]", "}", "d", "4", "j", "l", "1"):
            await pilot.press(key)
            await pilot.pause()
        app.action_show_problems()
        await pilot.pause()
        shown = str(app.screen.query_one("#problems").render())
        assert "fifo.txt" in shown and "\x1b" not in shown
        await pilot.press("escape")
        assert app.is_running
        assert "\x1b" not in app.export_screenshot()
