"""The shape of the package, checked from its source: no import cycles (imports inside functions
and the plug-in strings ``"module:attribute"`` included), no import by string but the plug-in
loader's, and the engine and the toolkit never import each other."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "course"
#: the one module allowed to import by string: it loads the plug-in strings this test reads
PLUGIN_LOADER = "course.plugins"
PLUGIN_STRING = re.compile(r"^(course(?:\.\w+)+):\w+$")
STRING_IMPORTERS = ("import_module", "__import__")


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
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                # a plug-in string "course.x.y:Name" (a kind's widget or view) is an import
                # made later
                found = PLUGIN_STRING.match(node.value)
                names = [found.group(1)] if found and ":" in node.value else []
            elif _string_import(node):  # import_module("course.x.y"): one made now
                arg = node.args[0] if node.args else None
                names = [arg.value] if isinstance(arg, ast.Constant) and isinstance(
                    arg.value, str) else []
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


def string_imports(root: Path = ROOT) -> list[str]:
    """Every ``importlib.import_module(...)`` or ``__import__(...)`` call outside the plug-in
    loader, as ``"module:line"``: an import the graph may not see."""
    found = []
    for path in sorted(root.rglob("*.py")):
        module = _module_name(path, root)
        if module == PLUGIN_LOADER:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if _string_import(node):
                found.append(f"{module}:{node.lineno}")
    return found


def _string_import(node) -> bool:
    """True for a call of ``importlib.import_module`` or ``__import__``."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    return (func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")) \
        in STRING_IMPORTERS


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


def _package(tmp_path, modules: dict[str, str]) -> Path:
    """A throwaway ``course`` package with sub-package ``a``: module name -> source."""
    pkg = tmp_path / "course"
    (pkg / "a").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "a" / "__init__.py").write_text("")
    for name, source in modules.items():
        (pkg / "a" / f"{name}.py").write_text(source)
    return pkg


def test_the_cycle_finder_finds_a_cycle(tmp_path):
    pkg = _package(tmp_path, {"x": "from course.a import y\n",
                              "y": "def f():\n    from .z import g\n",
                              "z": "import course.a.x\n"})
    assert find_cycle(import_graph(pkg)) == ["course.a.x", "course.a.y", "course.a.z",
                                             "course.a.x"]


def test_nothing_imports_by_string_but_the_plug_in_loader():
    assert string_imports() == []


def test_an_import_by_string_is_found_and_followed(tmp_path):
    pkg = _package(tmp_path, {
        "x": "import importlib\n\ndef f():\n    return importlib.import_module('course.a.y')\n",
        "y": "import course.a.x\n"})
    assert string_imports(pkg) == ["course.a.x:4"]
    assert find_cycle(import_graph(pkg)) == ["course.a.x", "course.a.y", "course.a.x"]


def test_a_cycle_through_a_plug_in_string_is_found(tmp_path):
    """The loop kinds.reply -> (its widget, by name) widgets.writing -> kinds.reply, once hidden."""
    pkg = _package(tmp_path, {"reply": "class Reply:\n    widget_class = 'course.a.view:W'\n",
                              "view": "from course.a.reply import Reply\n"})
    assert find_cycle(import_graph(pkg)) == ["course.a.reply", "course.a.view", "course.a.reply"]
    assert string_imports(pkg) == []  # a plug-in string is not an import by string


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
