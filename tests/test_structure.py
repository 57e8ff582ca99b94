"""Structure facts of the product package, read from its source (no import needed):

- nothing under ``dongli_desktop/`` reads a ``DONGLI_*`` environment variable (test and benchmark hooks live
  in ``tools/run_app.py`` and ``tools/probes/``; fault injection in ``tests/``), and it imports none of those;
- ``dongli_desktop/core/`` imports no Qt, pyqtgraph or numpy, not even lazily inside a function;
- the package's modules import each other without cycles (module-level imports; ``TYPE_CHECKING`` blocks
  are for the type checker only and lazy imports inside functions break no start-up order).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "dongli_desktop"
ENV_NAME = re.compile(r"DONGLI_[A-Z0-9_]+")
# Environment variables the product reads as real configuration (documented in README): none today.
PRODUCT_VARIABLES: frozenset[str] = frozenset()
QT_LIKE = ("PySide6", "shiboken6", "pyqtgraph", "numpy")
TEST_ONLY = ("tests", "tools", "bench")


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def environment_names(module: ast.Module) -> set[str]:
    """``DONGLI_*`` names in string constants that are not docstrings (an environment read names its variable)."""
    docstrings = {id(node.body[0].value) for node in ast.walk(module)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    return {match for node in ast.walk(module)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            for match in ENV_NAME.findall(node.value)}


def imported(module: ast.Module, name: str, top_level_only: bool) -> Iterator[str]:
    """Absolute names ``module`` (called ``name``) imports; with ``top_level_only``, those run at import time."""
    path = modules().get(name)
    package = name if path is not None and path.name == "__init__.py" else name.rpartition(".")[0]

    def visit(nodes: list[ast.stmt]) -> Iterator[str]:
        for node in nodes:
            if isinstance(node, ast.Import):
                yield from (alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                yield base
                yield from (f"{base}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.If) and top_level_only:
                if "TYPE_CHECKING" not in ast.unparse(node.test):
                    yield from visit(node.body)
                yield from visit(node.orelse)
            elif isinstance(node, (ast.Try, ast.With)) and top_level_only:
                for block in ("body", "orelse", "finalbody"):
                    yield from visit(getattr(node, block, []))
                for handler in getattr(node, "handlers", []):
                    yield from visit(handler.body)
            elif not top_level_only:
                yield from visit([child for child in ast.iter_child_nodes(node) if isinstance(child, ast.stmt)])

    yield from visit(module.body)


def import_graph() -> dict[str, set[str]]:
    """Module -> the package's modules it imports at import time."""
    known = modules()
    return {name: {other for other in imported(tree(path), name, top_level_only=True)
                   if other in known and other != name}
            for name, path in known.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


@pytest.mark.parametrize("name", sorted(modules()))
def test_the_product_reads_no_dongli_environment_hook(name):
    names = environment_names(tree(modules()[name])) - PRODUCT_VARIABLES
    assert names == set(), f"{name} names {sorted(names)}: a test hook belongs in tools/run_app.py or tests/"


@pytest.mark.parametrize("name", sorted(modules()))
def test_the_product_imports_no_test_or_bench_code(name):
    bad = {m for m in imported(tree(modules()[name]), name, top_level_only=False) if m.split(".")[0] in TEST_ONLY}
    assert bad == set()


@pytest.mark.parametrize("name", sorted(n for n in modules() if n.startswith("dongli_desktop.core")))
def test_the_core_imports_no_qt_even_lazily(name):
    bad = {m for m in imported(tree(modules()[name]), name, top_level_only=False) if m.split(".")[0] in QT_LIKE}
    assert bad == set()


def test_the_package_has_no_import_cycles():
    assert cycles(import_graph()) == []


def test_the_checks_see_what_they_look_for():
    """The checks would notice a hook, a Qt import and a cycle (so an empty answer above means something)."""
    hook = ast.parse('"""Reads DONGLI_DOC in its docstring only."""\nimport os\nos.environ.get("DONGLI_CRASH_AT")\n')
    assert environment_names(hook) == {"DONGLI_CRASH_AT"}
    lazy = ast.parse("def f():\n    from PySide6.QtCore import QTimer\n")
    assert "PySide6.QtCore" in set(imported(lazy, "dongli_desktop.core.x", top_level_only=False))
    assert "PySide6.QtCore" not in set(imported(lazy, "dongli_desktop.core.x", top_level_only=True))
    guarded = ast.parse("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import dongli_desktop.ui.app\n")
    assert "dongli_desktop.ui.app" not in set(imported(guarded, "dongli_desktop.core.x", top_level_only=True))
    relative = ast.parse("from . import errors\nfrom .paths import x\n")
    assert {"dongli_desktop.core.errors", "dongli_desktop.core.paths"} <= set(
        imported(relative, "dongli_desktop.core.content", top_level_only=True))
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
