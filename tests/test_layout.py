"""The package layout: stages as subpackages, lower layers never importing higher ones, no cycle."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "s400lib"
# Lower number = lower layer. A module may import its own layer and lower ones only.
LAYERS = {"core": 0, "io": 1, "extract": 2, "link": 3, "compare": 4, "pipeline": 5, "evaluate": 6, "viz": 6, "cli": 7, "__main__": 8, "__init__": 8}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every s400lib module ``path`` imports, at module level or inside functions."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("s400lib"):
                found.add(target)
                found.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("s400lib"))
    modules = {_module_name(p) for p in PACKAGE.rglob("*.py")}
    return {t for t in found if t in modules and t != name}


def _layer(module: str) -> int:
    parts = module.split(".")
    return LAYERS[parts[1] if len(parts) > 1 else "__init__"]


def test_every_module_sits_in_a_known_layer():
    for path in PACKAGE.rglob("*.py"):
        name = _module_name(path)
        assert name == "s400lib" or name.split(".")[1] in LAYERS, f"{name}: not in a layer of {sorted(LAYERS)}"


def test_lower_layers_never_import_higher_ones():
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        name = _module_name(path)
        for target in _imports(path):
            if target != "s400lib" and _layer(target) > _layer(name):
                wrong.append(f"{name} -> {target}")
    assert wrong == []


def test_no_import_cycle():
    graph = {_module_name(p): {t for t in _imports(p) if t != "s400lib"} for p in PACKAGE.rglob("*.py")}
    state: dict[str, int] = {}
    cycles = []

    def visit(node, stack):
        state[node] = 1
        for nxt in graph.get(node, ()):
            if state.get(nxt) == 1:
                cycles.append(" -> ".join(stack[stack.index(nxt):] + [nxt]))
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycles == []


def test_the_checker_sees_a_known_import():
    """Guard against a checker that finds nothing: parse.py imports the corpus reader."""
    assert "s400lib.io.corpus" in _imports(PACKAGE / "pipeline" / "parse.py")
