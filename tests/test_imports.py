"""No import cycles in src/plancompiler, imports inside functions included; no rule imports another.

Every ``import`` and ``from ... import`` statement of every module is read from its syntax tree
(wherever it stands: module level, function, ``if TYPE_CHECKING``), so a cycle hidden in a
function-level import is found too. ``from . import x`` counts as an edge to the submodule ``x``
when that is a module, else to the package. The implicit import of a parent package is not an
edge (every module would otherwise depend on ``plancompiler/__init__.py``).
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "plancompiler"
# Edges owned by branches being merged in the same round; each entry must name the issue and be
# removed when its branch lands (test_pending_edges_still_exist fails then, as a reminder).


def modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = ("plancompiler",) + path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def import_graph() -> dict[str, set[str]]:
    mods = modules()
    graph: dict[str, set[str]] = {}
    for name, path in mods.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        edges: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                targets = [f"{target}.{a.name}" if f"{target}.{a.name}" in mods else target for a in node.names]
            else:
                continue
            for target in targets:
                while target and target not in mods and "." in target:  # import a.b.c of a module a.b
                    target = target.rsplit(".", 1)[0]
                if target in mods and target != name:
                    edges.add(target)
        graph[name] = edges
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
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


def test_the_graph_sees_function_level_imports():
    """The walker itself: entry imports cli inside a function, and that edge must be in the graph."""
    graph = import_graph()
    assert "plancompiler.cli" in graph["plancompiler.entry"]
    assert "plancompiler.commands.validate" in graph["plancompiler.entry"]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles():
    found = cycles(import_graph())
    assert not found, "import cycles: " + "; ".join(" <-> ".join(c) for c in found)


def test_no_rule_imports_another_rule():
    graph = import_graph()

    def shared(module: str) -> bool:  # the registry and the helpers rules share (_base, _wet)
        return module == "plancompiler.rules" or module.startswith("plancompiler.rules._")

    offenders = sorted((m, t) for m, ts in graph.items() if m.startswith("plancompiler.rules.") and not shared(m)
                       for t in ts if t.startswith("plancompiler.rules") and not shared(t))
    assert not offenders, offenders


def test_cli_and_entry_are_not_a_cycle_and_click_is_not_patched_on_import():
    graph = import_graph()
    assert "plancompiler.entry" not in graph["plancompiler.cli"]
    tree = ast.parse((PACKAGE / "cli.py").read_text("utf-8"))
    top_level_calls = [n for n in tree.body if isinstance(n, ast.Expr) and isinstance(n.value, ast.Call)]
    assert not top_level_calls, "cli.py calls something at import time"


def test_click_texts_are_dutch_when_the_cli_runs_not_when_it_is_imported():
    import subprocess
    import sys

    code = ("import click.formatting as f\n"
            "import plancompiler.cli as c\n"
            "print(f._('Usage:'))\n"
            "from click.testing import CliRunner\n"
            "print(CliRunner().invoke(c.cli, ['--help']).output.splitlines()[0])\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[0] == "Usage:"
    assert out.splitlines()[1].startswith("Gebruik:")
