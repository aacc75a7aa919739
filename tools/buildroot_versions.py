#!/usr/bin/env python3
"""The Python package versions of the Buildroot release the firmware is built with.

Buildroot pins one version of every Python package it has (``package/python-*/*.mk``);
the firmware gets those, not constraints.txt's. This tool keeps a small table of them,
``buildroot/python-versions.txt``, extracted from a Buildroot tree, and uses it to test
the gateway with exactly the firmware's versions (tools/py314.sh --buildroot):

  generate --buildroot DIR   evaluate the tree's package/*.mk files with Buildroot's own
                             make (``printvars``, after loading each of our defconfigs)
                             and write the table, with the tree's commit
  constraints                print pip constraints: the firmware's packages at the table's
                             versions, every other line of constraints.txt unchanged
  check                      in the environment under test (its python): every firmware
                             package installed at the table's version, every runtime
                             dependency of the gateway present on the firmware; prints the
                             table (package, Buildroot's version, ours, installed)

Without --buildroot, generate clones the release branch once into the cache folder
(``$XDG_CACHE_HOME/aastreli/buildroot-BRANCH``, a developer's machine with internet).
``generate`` and ``constraints`` need only the standard library and make; ``check`` runs
in the environment under test. Buildroot's files are never copied: only names, versions
and the commit they came from.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

TOP = Path(__file__).resolve().parent.parent
EXTERNAL = TOP / "buildroot"
TABLE = EXTERNAL / "python-versions.txt"
CONSTRAINTS = TOP / "constraints.txt"
PYPROJECT = TOP / "pyproject.toml"
BRANCH = "2026.05.x"
UPSTREAM = "https://gitlab.com/buildroot.org/buildroot.git"
# An sdist or archive name: distribution, dash, a version starting with a digit.
ARCHIVE = re.compile(r"^(?P<name>.+?)-(?P<version>\d[^-]*?)\.(tar\.gz|tar\.bz2|tar\.xz|tgz|zip)$")
PYPI_HOSTS = ("files.pythonhosted.org", "pypi.python.org", "pypi.org")


def normalize(name: str) -> str:
    """PEP 503's normalised distribution name."""
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass(frozen=True)
class Row:
    """One Python package of the tree: PyPI name, version, where it comes from."""

    dist: str  # the PyPI distribution, normalised; the Buildroot name when not from PyPI
    version: str
    package: str  # Buildroot's package name, python-...
    tree: str  # "buildroot" or "external" (ours)
    firmware: bool  # selected by our defconfigs

    def line(self) -> str:
        return f"{self.dist} {self.version} {self.package} {self.tree} {'y' if self.firmware else '-'}"


# ---- generate ---------------------------------------------------------------------


def _make(buildroot: Path, out: Path, *args: str) -> str:
    cmd = ["make", "-s", "-C", str(buildroot), f"O={out}", f"BR2_EXTERNAL={EXTERNAL}", *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}")
    return proc.stdout


def _packages(buildroot: Path) -> dict[str, str]:
    """python-* package name → tree, ours after Buildroot's (an external one wins)."""
    found = {p.name: "buildroot" for p in sorted((buildroot / "package").glob("python-*"))}
    found.update({p.name: "external" for p in sorted((EXTERNAL / "package").glob("python-*"))})
    return found


def _archive(site: str, source: str) -> tuple[str, str] | None:
    """(distribution, version) from a PyPI download, or None when it is not one."""
    if not any(host in site for host in PYPI_HOSTS):
        return None
    # Rust packages name their vendored tarball themselves and give the sdist in SITE.
    name = site.split("?")[0].rsplit("/", 1)[-1] if "buildroot-path=filename" in site else source
    m = ARCHIVE.match(name)
    return (normalize(m["name"]), m["version"]) if m else None


def _rows(buildroot: Path, out_base: Path) -> tuple[list[Row], str]:
    packages = _packages(buildroot)
    selected: set[str] = set()
    values: dict[str, str] = {}
    configs = sorted((EXTERNAL / "configs").glob("*_defconfig"))
    for n, defconfig in enumerate(configs):
        out = out_base / f"o{n}"
        _make(buildroot, out, defconfig.name)
        config = (out / ".config").read_text()
        selected |= set(re.findall(r"^BR2_PACKAGE_(PYTHON_\w+)=y$", config, re.M))
        if n == 0:
            printed = _make(buildroot, out, "printvars", "VARS=PYTHON3_VERSION PYTHON_%")
            values = dict(line.split("=", 1) for line in printed.splitlines() if "=" in line)
    rows = []
    for package, tree in packages.items():
        var = package.upper().replace("-", "_")
        version = values.get(f"{var}_VERSION", "")
        site = values.get(f"{var}_SITE", "")
        found = _archive(site, values.get(f"{var}_SOURCE", ""))
        dist, version = found or (package.removeprefix("python-"), version.removeprefix("v"))
        if not version:
            continue  # a virtual or host-only package: nothing installs on the target
        rows.append(Row(dist, version, package, tree, var in selected))
    return rows, values.get("PYTHON3_VERSION", "?")


def _commit(buildroot: Path) -> str:
    proc = subprocess.run(
        ["git", "-C", str(buildroot), "log", "-1", "--format=%H %cs"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    return proc.stdout.strip() or "unknown (not a git checkout)"


def _clone(branch: str) -> Path:
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "aastreli"
    tree = cache / f"buildroot-{branch}"
    if not (tree / "Makefile").is_file():
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["git", "clone", "-q", "--depth", "1", "-b", branch, UPSTREAM, str(tree)], check=True
        )
    return tree


def generate(buildroot: Path | None, branch: str, output: Path) -> None:
    tree = buildroot or _clone(branch)
    with tempfile.TemporaryDirectory() as tmp:
        rows, python = _rows(tree, Path(tmp))
    head = [
        "# The Python packages of Buildroot and of this external tree, as Buildroot's make",
        "# evaluates their .mk files. Generated by tools/buildroot_versions.py; do not edit.",
        f"# buildroot: {branch} {_commit(tree)}",
        f"# python3: {python}",
        "# columns: pypi-name version buildroot-package tree(buildroot|external) "
        "firmware(y: selected by buildroot/configs/*_defconfig)",
    ]
    output.write_text("\n".join(head + [r.line() for r in rows]) + "\n")
    print(f"{output}: {len(rows)} packages, {sum(r.firmware for r in rows)} on the firmware")


# ---- read the table ---------------------------------------------------------------


def read_table(path: Path = TABLE) -> tuple[list[Row], dict[str, str]]:
    rows, header = [], {}
    for line in path.read_text().splitlines():
        if line.startswith("#"):
            key, _, value = line[1:].strip().partition(": ")
            header[key] = value
        elif line.strip():
            dist, version, package, tree, firmware = line.split()
            rows.append(Row(dist, version, package, tree, firmware == "y"))
    return rows, header


def firmware_versions(rows: list[Row]) -> dict[str, Row]:
    return {r.dist: r for r in rows if r.firmware}


def ours() -> dict[str, str]:
    """constraints.txt: normalised name → version (markers dropped)."""
    pins = {}
    for line in CONSTRAINTS.read_text().splitlines():
        spec = line.split(";")[0].strip()
        if "==" in spec:
            name, version = spec.split("==")
            pins[normalize(name)] = version.strip()
    return pins


def constraints() -> str:
    """The firmware's packages at Buildroot's versions, constraints.txt for the rest."""
    firmware = firmware_versions(read_table()[0])
    lines = [f"{r.dist}=={r.version}" for r in firmware.values()]
    for line in CONSTRAINTS.read_text().splitlines():
        name = re.split(r"[=<>!~; ]", line.strip(), maxsplit=1)[0]
        if name and normalize(name) not in firmware:
            lines.append(line)
    return "\n".join(lines) + "\n"


# ---- check ------------------------------------------------------------------------


def _runtime_closure() -> set[str]:
    """The gateway's runtime dependencies and theirs, as installed here: from the
    installed gateway's metadata (a wheel install), else from pyproject.toml."""
    from importlib import metadata

    try:
        from packaging.requirements import Requirement
    except ImportError:  # a bare venv (the installed firmware's): pip's own copy
        from pip._vendor.packaging.requirements import Requirement

    try:
        specs = [s for s in metadata.requires("aastreli-gateway") or [] if "extra ==" not in s]
    except metadata.PackageNotFoundError:
        import tomllib

        specs = tomllib.loads(PYPROJECT.read_text())["project"]["dependencies"]
    todo = [Requirement(s) for s in specs]
    seen: set[str] = set()
    while todo:
        req = todo.pop()
        name = normalize(req.name)
        if name in seen:
            continue
        seen.add(name)
        extras = req.extras or {""}
        for spec in metadata.requires(req.name) or []:
            dep = Requirement(spec)
            if dep.marker is None or any(dep.marker.evaluate({"extra": e}) for e in extras):
                todo.append(dep)
    return seen


def check() -> int:
    from importlib import metadata

    rows, header = read_table()
    firmware = firmware_versions(rows)
    pins = ours()
    closure = _runtime_closure()
    problems = []
    print(f"Buildroot {header.get('buildroot', '?')}, its python3 {header.get('python3', '?')}")
    print(f"{'package':24} {'Buildroot':>12} {'ours':>12} {'installed':>12}  note")
    for dist in sorted(closure):
        try:
            installed = metadata.version(dist)
        except metadata.PackageNotFoundError:
            installed = "-"
        row = firmware.get(dist)
        if row is None:
            note = "NOT ON THE FIRMWARE"
            problems.append(f"{dist}: a runtime dependency no firmware package provides")
        else:
            note = "our external tree" if row.tree == "external" else ""
            if installed != row.version:
                problems.append(f"{dist}: installed {installed}, the firmware has {row.version}")
                note = "VERSION DIFFERS"
        buildroot = row.version if row else "-"
        print(f"{dist:24} {buildroot:>12} {pins.get(dist, '-'):>12} {installed:>12}  {note}")
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return 1 if problems else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="write the table from a Buildroot tree")
    gen.add_argument("--buildroot", type=Path, help="a Buildroot checkout (default: clone)")
    gen.add_argument("--branch", default=BRANCH, help=f"release branch (default {BRANCH})")
    gen.add_argument("--output", type=Path, default=TABLE)
    sub.add_parser("constraints", help="print pip constraints with the firmware's versions")
    sub.add_parser("check", help="compare this environment with the firmware's versions")
    args = ap.parse_args()
    if args.command == "generate":
        generate(args.buildroot, args.branch, args.output)
        return 0
    if args.command == "constraints":
        sys.stdout.write(constraints())
        return 0
    return check()


if __name__ == "__main__":
    sys.exit(main())
