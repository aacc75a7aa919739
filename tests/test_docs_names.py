"""docs/architecture.md names only what exists: its paths, modules, classes and methods.

The page is where someone about to change the code starts, so a renamed module or class
must take the page with it. Every name in backquotes is checked that looks like one: a
path of the repository, a dotted ``gateway.``/``webui.`` name, a class (``CapWords``,
with ``[...]`` allowed) or ``Class.method``. Placeholders (``<kind>``), URLs, the data
folder's files and the standard library's names the page mentions are left out.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "architecture.md"
# Not the project's: asyncio's TaskGroup, gmqtt's and paho-mqtt's Client (the gmqtt
# seam's table), and the files a running gateway makes in its data folder.
OUTSIDE = frozenset({"TaskGroup", "Client"})
RUNTIME_PATHS = ("data/", "/")


def _definitions() -> tuple[set[str], set[str]]:
    """Names defined anywhere in gateway/ and webui/, and every ``Class.member``."""
    names: set[str] = set()
    members: set[str] = set()
    for package in ("gateway", "webui"):
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                    names.add(node.name)
                if isinstance(node, ast.ClassDef):
                    members.update(
                        f"{node.name}.{f.target.id}"
                        for f in node.body
                        if isinstance(f, ast.AnnAssign) and isinstance(f.target, ast.Name)
                    )
                    for item in ast.walk(node):
                        if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
                            members.add(f"{node.name}.{item.name}")
                        elif isinstance(item, ast.Attribute) and ast.unparse(item.value) == "self":
                            members.add(f"{node.name}.{item.attr}")
                elif isinstance(node, ast.Assign):
                    names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names, members


def _top_level(path: Path) -> set[str]:
    """What a module defines or imports at its top level."""
    out: set[str] = set()
    for node in ast.parse(path.read_text(), str(path)).body:
        if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            out.add(node.name)
        elif isinstance(node, ast.Assign):
            out.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.ImportFrom | ast.Import):
            out.update((a.asname or a.name).split(".")[0] for a in node.names)
    return out


def _module_path(dotted: str) -> tuple[Path | None, list[str]]:
    """The file of the longest module prefix of a dotted name, and the names after it."""
    parts = dotted.split(".")
    for i in range(len(parts), 0, -1):
        base = ROOT.joinpath(*parts[:i])
        for candidate in (base.with_suffix(".py"), base / "__init__.py"):
            if candidate.is_file():
                return candidate, parts[i:]
    return None, parts


def _problems(text: str) -> list[str]:
    names, members = _definitions()
    found = []
    for quoted in sorted(set(re.findall(r"`([^`\n]+)`", text))):
        name = quoted.split("(")[0].rstrip(".")
        if "<" in name or " " in name or name.split(".")[0] in OUTSIDE:
            continue
        if "/" in name:
            if not name.startswith(RUNTIME_PATHS) and not (ROOT / name).exists():
                found.append(f"no path {quoted}")
        elif name.startswith(("gateway.", "webui.")):
            path, rest = _module_path(name)
            if path is None:
                found.append(f"no module {quoted}")
            elif rest and rest[0] not in _top_level(path):
                found.append(f"no {rest[0]} in {path.relative_to(ROOT)}")
        elif re.fullmatch(r"[A-Z][A-Za-z0-9]+(\[[A-Za-z]+\])?", name):
            if name.split("[")[0] not in names:
                found.append(f"no class {quoted}")
        elif re.fullmatch(r"[A-Z][A-Za-z0-9]+\.[a-z_]+", name) and name not in members:
            found.append(f"no method {quoted}")
    return found


def test_architecture_names_only_what_exists() -> None:
    assert _problems(PAGE.read_text()) == []


def test_the_check_sees_a_name_that_went_away() -> None:
    text = (
        "`gateway/alerts/nothing.py`, `gateway.alerts.records.list_alerts`, "
        "`AlertSinkOld`, `Pipeline.explode`, `data/state.json`, `config/examples/<kind>.yaml`"
    )
    assert sorted(_problems(text)) == [
        "no class AlertSinkOld",
        "no list_alerts in gateway/alerts/records.py",
        "no method Pipeline.explode",
        "no path gateway/alerts/nothing.py",
    ]
