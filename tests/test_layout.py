"""The folder layout reads as the data flow: stages never import back up, and no module imports itself in a circle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("pantau", "scrapers", "archives", "cleaning", "extraction", "warehouse", "orchestration", "devtools", "benchmarks")
STAGES = ("scrapers", "archives", "cleaning", "extraction", "warehouse")
# what every stage may use from pantau/: the shared settings and URL rules, nothing of the entry points
SHARED = frozenset({"pantau", "pantau.settings", "pantau.urls"})


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            found[_module_name(path)] = path
    return found


MODULES = _modules()


def imports_of(module: str, path: Path) -> set[str]:
    """Every module ``module`` imports, anywhere in the file (a lazy import inside a function counts too)."""
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            # ``from pkg import mod`` imports the submodule pkg.mod, not what pkg/__init__.py defines
            submodules = {f"{target}.{alias.name}" for alias in node.names} & MODULES.keys()
            found.update(submodules)
            if len(submodules) < len(node.names):
                found.add(target)
    return found


def _first_party(name: str) -> str | None:
    """The project module an import resolves to (``a.b.C`` → ``a.b``), or None for third-party imports."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


GRAPH = {m: {t for i in imports_of(m, p) if (t := _first_party(i)) and t != m} for m, p in MODULES.items()}


def test_the_import_walker_sees_relative_and_lazy_imports():
    assert "cleaning.page" in GRAPH["cleaning.articles"]
    assert "pantau.urls" in GRAPH["cleaning.page"]
    assert "devtools.sample_site" in GRAPH["pantau.cli"]  # imported inside a function
    assert "orchestration.resources" in GRAPH["orchestration.assets.dbt"]  # from ..resources import …


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.split(".")[0] in STAGES))
def test_a_stage_imports_no_entry_point_and_no_orchestration(module):
    upward = {
        t for t in GRAPH[module]
        if t.split(".")[0] in ("orchestration", "devtools", "benchmarks") or (t.startswith("pantau") and t not in SHARED)
    }
    assert not upward, f"{module} imports {sorted(upward)} (stages may use only {sorted(SHARED)} from pantau/)"


def test_shared_modules_import_no_stage_and_no_entry_point():
    for module in SHARED - {"pantau"}:
        assert not {t for t in GRAPH[module] if t not in SHARED}, module


def _cycle() -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(GRAPH[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(GRAPH):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycles_among_project_modules():
    cycle = _cycle()
    assert cycle is None, " → ".join(cycle or [])


def test_cycle_finder_finds_a_planted_cycle(monkeypatch):
    monkeypatch.setitem(GRAPH, "warehouse.db", GRAPH["warehouse.db"] | {"warehouse.load"})
    assert _cycle() is not None
