"""The shape of the package, checked from its source: no import cycles (imports inside functions
included), and the engine and the toolkit never import each other."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "course"


def _module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _resolve(module: str, node: ast.ImportFrom, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def import_graph(root: Path = ROOT) -> dict[str, set[str]]:
    """module -> the course modules it imports anywhere in its source (functions too)."""
    files = {_module_name(p, root): p for p in root.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for module, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        targets: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = _resolve(module, node, path.name == "__init__.py")
                # `from course.exercises import progress` imports the submodule
                names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in files else base
                         for alias in node.names]
            else:
                continue
            for name in names:
                # the deepest course module the name points at
                while name and name not in files:
                    name = name.rpartition(".")[0]
                if name and name != module:
                    targets.add(name)
        graph[module] = targets
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a list of modules (first == last), or None."""
    WHITE, GREY, BLACK = 0, 1, 2
    colour = dict.fromkeys(graph, WHITE)
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        colour[node] = GREY
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if colour.get(nxt) == GREY:
                return stack[stack.index(nxt):] + [nxt]
            if colour.get(nxt) == WHITE:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        colour[node] = BLACK
        return None

    for node in sorted(graph):
        if colour[node] == WHITE:
            found = visit(node)
            if found:
                return found
    return None


def test_the_package_has_no_import_cycle():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_the_cycle_finder_finds_a_cycle(tmp_path):
    pkg = tmp_path / "course"
    (pkg / "a").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "a" / "__init__.py").write_text("")
    (pkg / "a" / "x.py").write_text("from course.a import y\n")
    (pkg / "a" / "y.py").write_text("def f():\n    from .z import g\n")
    (pkg / "a" / "z.py").write_text("import course.a.x\n")
    assert find_cycle(import_graph(pkg)) == ["course.a.x", "course.a.y", "course.a.z",
                                             "course.a.x"]


@pytest.mark.parametrize("source, forbidden", [("course.crm", "course.exercises"),
                                               ("course.exercises", "course.crm")])
def test_engine_and_toolkit_never_import_each_other(source, forbidden):
    bad = sorted(f"{m} -> {t}" for m, ts in import_graph().items() if m.startswith(source)
                 for t in ts if t == forbidden or t.startswith(forbidden + "."))
    assert bad == []


def test_only_paths_names_the_course_environment_variables():
    """Every CRM_COURSE_* variable is read (or set for a child process) through course.paths."""
    named = []
    for path in ROOT.rglob("*.py"):
        if path.name == "paths.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and node.value.startswith("CRM_COURSE_") and node.value.isupper()):
                named.append(f"{_module_name(path)}: {node.value}")
    assert named == []
