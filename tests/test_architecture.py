"""The import graph keeps the layout DESIGN promises: dependencies run one way, nothing imports in a circle.

Every import counts, also one inside a function: a circle hidden in a function is still a circle.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("config", "core", "portal", "socialekaart", "meldingen", "klachten")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, module: str, modules: set[str]) -> set[str]:
    """The project modules this file imports: `from a import b` is a.b when that is a module, else a."""
    tree = ast.parse(path.read_text(), filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(filter(None, [*anchor, base]))
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                found.add(submodule if submodule in modules else base)
    return {name for name in found if name in modules and name != module}


def _graph() -> dict[str, set[str]]:
    files = {
        _module_name(path): path
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts
    }
    return {module: _imports(path, module, set(files)) for module, path in files.items()}


GRAPH = _graph()


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, result = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return result


def _edges_from(package: str):
    for module, targets in GRAPH.items():
        if module == package or module.startswith(package + "."):
            for target in targets:
                yield module, target


def _in(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def test_the_graph_sees_the_projects_modules():
    assert "meldingen.wizard" in GRAPH and "core.page_cache" in GRAPH
    assert "meldingen.backoffice.routing" in GRAPH
    assert "socialekaart.public" in GRAPH["meldingen.backoffice.routing"]


def test_no_module_imports_itself_in_a_circle():
    assert _cycles(GRAPH) == []


@pytest.mark.parametrize("package", ["core", "portal", "socialekaart", "meldingen", "klachten"])
def test_no_app_imports_the_project_package(package):
    assert [edge for edge in _edges_from(package) if _in(edge[1], "config")] == []


@pytest.mark.parametrize("package", ["core", "socialekaart", "meldingen", "klachten"])
def test_nothing_but_the_project_imports_the_pages_app(package):
    assert [edge for edge in _edges_from(package) if _in(edge[1], "portal")] == []


def test_core_imports_none_of_the_apps():
    apps = ("portal", "socialekaart", "meldingen", "klachten")
    assert [edge for edge in _edges_from("core") if any(_in(edge[1], app) for app in apps)] == []


def test_the_sociale_kaart_imports_neither_other_app():
    others = ("meldingen", "klachten")
    assert [edge for edge in _edges_from("socialekaart") if any(_in(edge[1], app) for app in others)] == []


def test_the_klachten_ask_the_sociale_kaart_only_through_its_public_interface_and_know_no_melding():
    edges = list(_edges_from("klachten"))
    assert [edge for edge in edges if _in(edge[1], "socialekaart") and edge[1] != "socialekaart.public"] == []
    assert [edge for edge in edges if _in(edge[1], "meldingen")] == []


def test_only_the_project_knows_the_klachten():
    for package in ("core", "portal", "socialekaart", "meldingen"):
        assert [edge for edge in _edges_from(package) if _in(edge[1], "klachten")] == []


def test_the_melding_asks_the_sociale_kaart_only_through_its_public_interface():
    edges = [edge for edge in _edges_from("meldingen") if _in(edge[1], "socialekaart")]
    assert [edge for edge in edges if edge[1] != "socialekaart.public"] == []


def test_a_circle_is_found_when_there_is_one():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
