"""No import cycles among the gateway's and the web UI's modules, and the web UI reaches
the gateway only through its facade.

Every module under ``gateway/`` and ``webui/`` is parsed (not imported) and every
``import``/``from ... import`` it contains is collected, including those inside
functions, because a function-level import that closes a cycle is still a cycle: it
only moves the failure from start-up to the first call. Imports under ``if
TYPE_CHECKING:`` never run, but a cycle through them is still two modules that each
need the other to be understood: they count too (in a test of their own).
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("gateway", "webui")
# What webui/ may import from gateway/: the facade module, which re-exports the few
# typed entry points the web UI and its CLI need (config, store, errors, model checks).
WEBUI_MAY_IMPORT = frozenset({"gateway.facade"})


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@functools.cache
def _modules() -> dict[str, Path]:
    out = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            out[_module_name(path)] = path
    return out


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(module: str, path: Path, known: dict[str, Path], *, types: bool = False) -> set[str]:
    """The project modules ``module`` imports anywhere (under TYPE_CHECKING too with
    ``types``)."""
    tree = ast.parse(path.read_text(), str(path))
    is_package = path.name == "__init__.py"
    found: set[str] = set()

    def resolve(name: str) -> str | None:
        # ``from a.b import c``: c may be a module (a.b.c) or a name in a.b.
        while name and name not in known:
            name = name.rpartition(".")[0]
        return name or None

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node) and not types:
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                if (hit := resolve(alias.name)) is not None:
                    found.add(hit)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                pkg = module if is_package else module.rpartition(".")[0]
                for _ in range(node.level - 1):
                    pkg = pkg.rpartition(".")[0]
                base = f"{pkg}.{base}" if base else pkg
            for alias in node.names:
                if (hit := resolve(f"{base}.{alias.name}")) is not None:
                    found.add(hit)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    found.discard(module)
    # A package's __init__ runs before its submodules, but importing a submodule
    # is not importing the package's names: keep the edge only to the module itself.
    return found


def _graph(*, types: bool = False) -> dict[str, set[str]]:
    known = _modules()
    return {m: _imports(m, p, known, types=types) for m, p in known.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                connect(w)
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
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return out


def test_no_import_cycles() -> None:
    assert _cycles(_graph()) == []


def test_no_import_cycles_through_type_only_imports() -> None:
    assert _cycles(_graph(types=True)) == []


def test_the_checker_sees_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_webui_imports_only_the_facade_from_gateway() -> None:
    graph = _graph()
    bad = {
        (m, dep)
        for m, deps in graph.items()
        if m.startswith("webui")
        for dep in deps
        if dep.startswith("gateway") and dep not in WEBUI_MAY_IMPORT and dep != "gateway"
    }
    assert sorted(bad) == []


# -- the web UI reads through read models ------------------------------------------------
#
# A web UI module may not import a storage class (a class of the modules below, other than
# an exception; sqlite3 and tinydb themselves), may not reach the facade's storage
# attributes (the GatewayFacade arguments typed with a storage class), and may not name a
# table of the state store (a string the gateway gives a Store method as its table: a
# call of ``<...>store.<method>`` with the table first).

STORAGE_MODULES = (
    "gateway.state.store",
    "gateway.state.storage",
    "gateway.state.history",
    "gateway.state.writelog",
    "gateway.alerts.outbox",
    "gateway.upstream.outbox",
)
STORAGE_LIBRARIES = frozenset({"sqlite3", "tinydb"})


@functools.cache
def _tree(module: str) -> ast.Module:
    path = _modules()[module]
    return ast.parse(path.read_text(), str(path))


def _storage_classes() -> set[str]:
    out = set()
    for module in STORAGE_MODULES:
        for node in _tree(module).body:
            if isinstance(node, ast.ClassDef):
                bases = {ast.unparse(b) for b in node.bases}
                if not any(b.endswith(("Exception", "Error")) for b in bases):
                    out.add(node.name)
    return out


def _store_methods() -> set[str]:
    store = next(
        n
        for n in _tree("gateway.state.store").body
        if isinstance(n, ast.ClassDef) and n.name == "Store"
    )
    return {
        n.name for n in store.body if isinstance(n, ast.FunctionDef) and not n.name.startswith("_")
    }


def _constants(tree: ast.Module) -> dict[str, str]:
    return {
        t.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
        for t in node.targets
        if isinstance(t, ast.Name)
    }


def _is_store_method(node: ast.expr, methods: set[str]) -> bool:
    """``store.find``, ``self.store.insert``...: a method of a Store, called or passed."""
    return (
        isinstance(node, ast.Attribute)
        and node.attr in methods
        and ast.unparse(node.value).lower().endswith("store")
    )


def _table_args(tree: ast.AST, methods: set[str], constants: dict[str, str]) -> list[str]:
    """The tables named in ``tree``: the first argument of a Store-method call, or the
    argument after a Store method handed to another call (``to_thread(store.find, T)``)."""
    out = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        args: list[ast.expr] = []
        if _is_store_method(node.func, methods):
            args = node.args[:1]
        for i, arg in enumerate(node.args[:-1]):
            if _is_store_method(arg, methods):
                args.append(node.args[i + 1])
        for arg in args:
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                out.append(arg.value)
            elif isinstance(arg, ast.Name) and arg.id in constants:
                out.append(constants[arg.id])
    return out


def _known_constants(module: str, tree: ast.Module) -> dict[str, str]:
    """A module's string constants, with those it imports from the project's modules."""
    known = _constants(tree)
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module in _modules():
            theirs = _constants(_tree(node.module))
            for a in node.names:
                if a.name in theirs:
                    known[a.asname or a.name] = theirs[a.name]
    return known


def _tables() -> set[str]:
    methods = _store_methods() - {"audit", "close", "get_meta", "put_meta"}
    tables = {"meta", "kv"}
    for module in _modules():
        if module.startswith("gateway"):
            tree = _tree(module)
            tables.update(_table_args(tree, methods, _known_constants(module, tree)))
    return tables


def _facade_storage_attributes(storage: set[str]) -> set[str]:
    facade = next(
        n
        for n in _tree("gateway.facade").body
        if isinstance(n, ast.ClassDef) and n.name == "GatewayFacade"
    )
    init = next(n for n in facade.body if isinstance(n, ast.FunctionDef) and n.name == "__init__")
    return {
        a.arg
        for a in init.args.kwonlyargs
        if a.annotation is not None and storage & set(ast.unparse(a.annotation).split())
    }


def _storage_leaks(source: str, rules: tuple[set[str], set[str], set[str], set[str]]) -> list[str]:
    """What a web UI module's source does that only the gateway's read models may do."""
    storage, attributes, tables, methods = rules
    tree = ast.parse(source)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            modules = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
            )
            for m in modules:
                if m.split(".")[0] in STORAGE_LIBRARIES or m in STORAGE_MODULES:
                    found.append(f"imports {m}")
            if isinstance(node, ast.ImportFrom):
                found += [f"imports {a.name}" for a in node.names if a.name in storage]
        elif isinstance(node, ast.Attribute) and node.attr in attributes:
            found.append(f"reads .{node.attr}")
    found += [
        f"names table {t!r}" for t in _table_args(tree, methods, _constants(tree)) if t in tables
    ]
    found += [
        f"names table {v!r} ({k})"
        for k, v in _constants(tree).items()
        if v in tables and k.isupper()
    ]
    return found


def _rules() -> tuple[set[str], set[str], set[str], set[str]]:
    storage = _storage_classes()
    return storage, _facade_storage_attributes(storage), _tables(), _store_methods()


def test_the_checker_knows_the_storage() -> None:
    storage, attributes, tables, _ = _rules()
    assert {"Store", "History", "DeliveryQueue", "DeliveryLog", "Outbox"} <= storage
    assert {"store", "history"} <= attributes
    assert {"alerts", "users", "settings", "audit", "feedback", "display_links"} <= tables
    assert {"login_attempts", "revoked_sessions", "model_history"} <= tables


def test_the_facade_re_exports_no_storage_class() -> None:
    exported = set()
    for node in _tree("gateway.facade").body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            exported = {e.value for e in node.value.elts}  # type: ignore[attr-defined]
    assert exported and not exported & _storage_classes()


def test_webui_reads_state_only_through_read_models() -> None:
    rules = _rules()
    leaks = {
        module: found
        for module, path in _modules().items()
        if module.startswith("webui") and (found := _storage_leaks(path.read_text(), rules))
    }
    assert leaks == {}


def test_the_checker_sees_a_table_or_a_storage_class_in_the_web_ui() -> None:
    rules = _rules()
    assert _storage_leaks("from gateway.facade import Store", rules) == ["imports Store"]
    assert _storage_leaks("import sqlite3", rules) == ["imports sqlite3"]
    assert _storage_leaks("x = services().facade.history.query()", rules) == ["reads .history"]
    assert _storage_leaks("x = store.find('alerts', limit=5)", rules) == ["names table 'alerts'"]
    assert _storage_leaks("T = 'users'\nx = store.get(T, email=e)", rules) == [
        "names table 'users'",
        "names table 'users' (T)",
    ]
    assert _storage_leaks("x = page('alerts')\ny = render('settings.html')", rules) == []
