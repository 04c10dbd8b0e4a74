"""Import hygiene of the installed package: no import cycles, Textual kept out of `index`, and one
distinctive top-level name.

Every import counts, wherever it stands: at the top of a module, inside a function (a lazy
import for speed) or under `TYPE_CHECKING`. A cycle hidden in a function is still a cycle of
ideas, and it turns into an ImportError the day someone moves the import up.
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import talks_tui.index
import talks_tui.tui

ROOT_NAME = "talks_tui"


PACKAGES = (talks_tui.index, talks_tui.tui)


def _modules() -> dict[str, Path]:
    """Dotted name -> file, for every module of the package (installed, or editable from the
    repository's `index/` and `tui/`)."""
    found: dict[str, Path] = {}
    for package in PACKAGES:
        top = Path(next(iter(package.__path__)))
        for path in sorted(top.rglob("*.py")):
            parts = (*package.__name__.split("."), *path.relative_to(top).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    return found


def _imported(path: Path, name: str, modules: dict[str, Path]) -> set[str]:
    """The package's modules that `name` (at `path`) imports, anywhere in its body."""
    is_package = path.name == "__init__.py"
    package = name if is_package else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                targets.add(sub if sub in modules else base)
    return {t for t in targets if t in modules and t != name}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imported(path, name, modules) for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_cycle_finder_finds_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_every_import_is_seen_lazy_and_type_checking_ones_too(tmp_path):
    source = tmp_path / "m.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from talks_tui.index.model import Article\n"
        "def f():\n    from talks_tui.index import terms\n    import talks_tui.index.sentences\n"
    )
    found = _imported(source, "talks_tui.index.x", _modules())
    assert found == {"talks_tui.index.model", "talks_tui.index.terms", "talks_tui.index.sentences"}


def test_no_import_cycles():
    assert _cycles(_graph()) == []


def test_index_never_imports_textual():
    modules = _modules()
    offenders = []
    for name, path in modules.items():
        if not name.startswith(f"{ROOT_NAME}.index"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{name}: {n}" for n in names if n == "textual" or n.startswith("textual.")]
    assert offenders == []


def test_index_never_imports_the_app():
    graph = _graph()
    reach = [f"{a} -> {b}" for a, bs in graph.items() if a.startswith(f"{ROOT_NAME}.index") for b in bs]
    assert [r for r in reach if f"-> {ROOT_NAME}.tui" in r] == []


def test_the_stages_are_folders_with_a_docstring_naming_their_entry_point():
    for stage in ("ingest", "quotes", "search", "compare", "coverage"):
        spec = importlib.util.find_spec(f"{ROOT_NAME}.index.{stage}")
        assert spec is not None and spec.submodule_search_locations, stage
        init = Path(spec.origin).read_text(encoding="utf-8")
        tree = ast.parse(init)
        assert ast.get_docstring(tree), stage
        assert "Entry point" in ast.get_docstring(tree), stage
        # Docstring only: an __init__ that imports its modules would make every module of the
        # stage import all the others.
        assert all(isinstance(n, ast.Expr) for n in tree.body), stage


def test_installed_under_one_distinctive_name():
    assert all(p.__name__.startswith(f"{ROOT_NAME}.") for p in PACKAGES)
    ours = {Path(next(iter(p.__path__))) for p in PACKAGES}
    for bare in ("index", "tui"):
        spec = importlib.util.find_spec(bare)
        # Another distribution may own a top-level `index`; ours must not be it.
        assert (
            spec is None
            or not spec.submodule_search_locations
            or ours.isdisjoint(Path(p) for p in spec.submodule_search_locations)
        ), bare
