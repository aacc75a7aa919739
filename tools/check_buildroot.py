#!/usr/bin/env python3
"""Check the BR2_EXTERNAL tree under buildroot/ against Buildroot's coding conventions.

Our own reading of the rules Buildroot's ``utils/check-package`` and its manual apply to
packages, written so that CI needs no Buildroot checkout:

- ``external.desc`` names the tree (``name: AASTRELI``) and ``external.mk`` includes
  every package's ``.mk``; ``Config.in`` sources every package, in alphabetical order;
- ``.mk`` files: the 80-hash header, every variable prefixed by the package's name,
  tabs in recipes and continuation lines, one space before a backslash, ``$()`` not
  ``${}``, no ``ifdef``, no default values restated, the infrastructure ``$(eval ...)``
  last; ``_LICENSE`` and ``_LICENSE_FILES`` set (the files present in a local site);
  rsync exclusions of a local source anchored at its top (``/data``: a bare ``data``
  also drops ``webui/data``); no variable Buildroot expands when it evaluates a
  package (``_VERSION``, ``_SITE``...) built from one that a ``.mk`` included later
  defines (``external.mk`` includes them sorted by path);
- ``Config.in`` files: the package's own symbol, attributes indented with one tab in
  the order type, default, depends on, select, help; help text within 62 columns; a
  ``python-package`` depends on ``BR2_PACKAGE_PYTHON3`` (Buildroot's own python
  packages sit inside ``if BR2_PACKAGE_PYTHON3``; an external tree's do not);
- ``.hash`` files: three fields separated by two spaces, a known hash type of the right
  length; a sha256 for the downloaded archive and for every license file;
- init scripts ``S<NN><daemon>``: ``DAEMON`` without a path matching the file name,
  ``PIDFILE="/var/run/$DAEMON.pid"``, tab indentation, not executable in the tree;
- defconfigs force hash checks and name only files that exist in this tree;
- every text file: no trailing whitespace, no consecutive empty lines, a final newline.

Prints ``path:line: problem`` for each finding; exits 1 when there is any.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import sys
from collections.abc import Iterator
from pathlib import Path

HASH_LENGTHS = {"md5": 32, "sha1": 40, "sha224": 56, "sha256": 64, "sha384": 96, "sha512": 128}
# Variables a package may set that are not its own (Buildroot's list of exceptions).
ALLOWED_FOREIGN = re.compile(
    r"^(TARGET_FINALIZE_HOOKS|PACKAGES_PERMISSIONS_TABLE|BR_NO_CHECK_HASH_FOR)$"
)
INFRA_EVAL = re.compile(r"^\$\(eval \$\((host-)?([a-z0-9-]+-package|generic-package)\)\)$")
CONDITIONAL = re.compile(r"^\s*(ifeq|ifneq|ifdef|ifndef|else|endif)\b")
USELESS_DEFAULTS = re.compile(
    r"_(INSTALL_IMAGES\s*=\s*NO|REDISTRIBUTE\s*=\s*YES|INSTALL_STAGING\s*=\s*NO"
    r"|INSTALL_TARGET\s*=\s*YES|AUTORECONF\s*=\s*NO|LIBTOOL_PATCH\s*=\s*YES)\s*$"
)
# Buildroot expands these when it evaluates a package ($(eval $(...-package))), so
# what they use must be defined by then.
EVAL_TIME = re.compile(
    r"_(VERSION|SITE|SITE_METHOD|SOURCE|SUBDIR|LICENSE|LICENSE_FILES|DEPENDENCIES)$"
)
# Files of a model package, which only the gateway's `model export` installs.
MODEL_FILES = {"manifest.json", "manifest.sig", "golden.json", "libmodel.so", "build.json"}
# Names an rsync exclusion may leave unanchored: meant at every depth.
EXCLUDED_EVERYWHERE = {"__pycache__"}
CONFIG_ORDER = {
    "bool": 1,
    "prompt": 1,
    "string": 1,
    "int": 1,
    "default": 2,
    "depends": 3,
    "select": 4,
    "help": 5,
}
CONFIG_UNINDENTED = {
    "choice",
    "comment",
    "config",
    "endchoice",
    "endif",
    "endmenu",
    "if",
    "menu",
    "menuconfig",
    "source",
}


class Report:
    def __init__(self, top: Path) -> None:
        self.top = top
        self.problems: list[str] = []

    def add(self, path: Path, line: int, message: str) -> None:
        self.problems.append(f"{path.relative_to(self.top)}:{line}: {message}")


def lines_of(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)


def check_text(report: Report, path: Path) -> None:
    lines = lines_of(path)
    previous_empty = False
    for n, raw in enumerate(lines, 1):
        text = raw.rstrip("\n")
        if text != text.rstrip():
            report.add(path, n, "line contains trailing whitespace")
        empty = text.strip() == ""
        if empty and previous_empty:
            report.add(path, n, "consecutive empty lines")
        previous_empty = empty
    if lines and not lines[-1].endswith("\n"):
        report.add(path, len(lines), "missing newline at end of file")
    if lines and lines[-1].strip() == "":
        report.add(path, len(lines), "empty line at end of file")


def package_prefix(pkg: str) -> str:
    return pkg.replace("-", "_").upper()


def mk_assignments(lines: list[str]) -> Iterator[tuple[int, str, str, str]]:
    """(line, variable, operator, value) of each top-level assignment or define."""
    in_define = False
    for n, raw in enumerate(lines, 1):
        text = raw.rstrip("\n")
        m = re.match(r"^define\s+([A-Za-z0-9_]+)", text)
        if m:
            in_define = True
            yield n, m.group(1), "define", ""
            continue
        if re.match(r"^\s*endef\b", text):
            in_define = False
            continue
        if in_define:
            continue
        m = re.match(r"^([A-Za-z0-9_]+)\s*([+:?]?=)\s*(.*)$", text)
        if m:
            yield n, m.group(1), m.group(2), m.group(3)


def mk_joined(lines: list[str]) -> list[tuple[int, str, str, str]]:
    """Like ``mk_assignments``, with a value continued by backslashes joined into one."""
    out: list[tuple[int, str, str, str]] = []
    in_define = False
    pending: tuple[int, str, str, list[str]] | None = None
    for n, raw in enumerate(lines, 1):
        text = raw.rstrip("\n")
        if pending is not None:
            pending[3].append(text.removesuffix("\\").strip())
        elif re.match(r"^define\s", text):
            in_define = True
        elif re.match(r"^\s*endef\b", text):
            in_define = False
        elif not in_define:
            m = re.match(r"^([A-Za-z0-9_]+)\s*([+:?]?=)\s*(.*)$", text)
            if m:
                pending = (n, m.group(1), m.group(2), [m.group(3).removesuffix("\\").strip()])
        if pending is not None and not text.endswith("\\"):
            start, var, op, parts = pending
            out.append((start, var, op, " ".join(p for p in parts if p)))
            pending = None
    return out


def rsync_exclusions(path: Path, variable: str) -> list[str]:
    """The patterns of ``--exclude`` options in a ``.mk`` variable (shell-unquoted)."""
    for _, var, _, value in mk_joined(lines_of(path)):
        if var == variable:
            words = shlex.split(value)
            patterns = []
            for i, word in enumerate(words):
                if word == "--exclude" and i + 1 < len(words):
                    patterns.append(words[i + 1])
                elif word.startswith("--exclude="):
                    patterns.append(word.split("=", 1)[1])
            return patterns
    return []


def check_rsync_exclusions(report: Report, path: Path, prefix: str) -> None:
    variable = f"{prefix}_OVERRIDE_SRCDIR_RSYNC_EXCLUSIONS"
    line = next((n for n, var, _, _ in mk_joined(lines_of(path)) if var == variable), 0)
    for pattern in rsync_exclusions(path, variable):
        if pattern.startswith("/") or pattern.rstrip("/") in EXCLUDED_EVERYWHERE:
            continue
        if any(c in pattern for c in "*?[") and "/" not in pattern.rstrip("/"):
            continue  # a file name pattern such as '*.o': meant at every depth
        report.add(
            path,
            line,
            f"rsync exclusion {pattern!r} is not anchored: it drops every {pattern!r} "
            f"at any depth of the source, not only at its top; write '/{pattern}'",
        )


def check_mk(report: Report, path: Path, pkg: str) -> dict[str, str]:
    lines = lines_of(path)
    prefix = package_prefix(pkg)
    header = ["#" * 80, "#", f"# {pkg}", "#", "#" * 80, ""]
    for i, want in enumerate(header):
        got = lines[i].rstrip("\n") if i < len(lines) else ""
        if got != want:
            report.add(path, i + 1, f"package header: expected {want!r}")
            break
    values: dict[str, str] = {}
    for n, var, op, value in mk_assignments(lines):
        bare = var[5:] if var.startswith("HOST_") else var
        if not (bare == prefix or bare.startswith(prefix + "_")) and not ALLOWED_FOREIGN.match(var):
            report.add(path, n, f"variable {var} not prefixed by {prefix}_")
        if op == "=":
            values.setdefault(var, value)
        if USELESS_DEFAULTS.search(f"{var}{op}{value}"):
            report.add(path, n, f"{var}: useless default value")
    in_define = continuation = target = False
    for n, raw in enumerate(lines, 1):
        text = raw.rstrip("\n")
        if re.match(r"^ifn?def\b", text.strip()):
            report.add(path, n, "use ifeq ($(SYMBOL),y) instead of ifdef/ifndef")
        if re.match(r"^[^#].*[^$]\$\{\w+\}", text):
            report.add(path, n, "use $() to delimit variables, not ${}")
        if re.match(r"^.*(  |\t ?)\\$", text):
            report.add(path, n, "use only one space before backslash")
        if re.match(r"^define\s", text):
            in_define = True
            continuation = False
            continue
        if re.match(r"^\s*endef\b", text):
            in_define = False
            continue
        expect_tab = (in_define or continuation or target) and not (
            not continuation and CONDITIONAL.match(text)
        )
        continuation = bool(re.match(r"^[^#].*\\$", text))
        if re.match(r"^[^# \t]+:\s", text):
            target = True
            continue
        if text.strip() == "":
            target = False
            continue
        if in_define and text.lstrip().startswith("#"):
            continue
        if expect_tab and not text.startswith("\t"):
            report.add(path, n, "expected indent with tabs")
        elif not expect_tab and text.startswith((" ", "\t")):
            report.add(path, n, "unexpected indentation")
    last = [t.strip() for t in lines if t.strip()]
    if not last or not INFRA_EVAL.match(last[-1]):
        report.add(path, len(lines), "the last line must be $(eval $(<infrastructure>-package))")
    if any(
        re.fullmatch(rf"{prefix}_SOURCE = {pkg}-\$\({prefix}_VERSION\)\.tar\.gz", t) for t in last
    ):
        report.add(path, 0, f"{prefix}_SOURCE restates the default value")
    return values


def config_depends(lines: list[str], symbol: str) -> list[str]:
    """The ``depends on`` expressions of one ``config`` entry."""
    depends: list[str] = []
    inside = False
    for raw in lines:
        text = raw.rstrip("\n")
        word = text.split()[0] if text.strip() else ""
        if word in CONFIG_UNINDENTED:
            inside = text.strip() == f"config {symbol}"
            continue
        if inside and word == "depends":
            depends.append(text.split("#", 1)[0].strip()[len("depends on") :].strip())
    return depends


def check_config(report: Report, path: Path, pkg: str, python: bool = False) -> None:
    lines = lines_of(path)
    symbol = f"BR2_PACKAGE_{package_prefix(pkg)}"
    if not any(re.match(rf"^config {symbol}\s*$", t) for t in lines):
        report.add(path, 1, f"no 'config {symbol}' entry")
    elif python and not any(
        re.search(r"(^|&&\s*|\(\s*)BR2_PACKAGE_PYTHON3\b(?!_)", d)
        for d in config_depends(lines, symbol)
    ):
        report.add(
            path,
            1,
            f"{symbol} is a python-package: it needs 'depends on BR2_PACKAGE_PYTHON3' "
            "(outside Buildroot's own python menu nothing adds it)",
        )
    state = 0
    in_help = False
    first_help_line = False
    for n, raw in enumerate(lines, 1):
        text = raw.rstrip("\n")
        if text.strip() == "" or text.strip().startswith("#"):
            continue
        word = text.split()[0]
        if in_help:
            if text.startswith("\t  "):
                limit = r"^\t  \S.{0,61}$" if first_help_line else r"^\t  .{0,62}$"
                first_help_line = False
                if not re.match(limit, text) and not re.match(r"^\t  (https?|git)://\S*$", text):
                    report.add(path, n, "help text: <tab><2 spaces><62 chars>")
                continue
            in_help = False
        if word in CONFIG_UNINDENTED:
            if text != text.lstrip():
                report.add(path, n, "should not be indented")
            state = 0
            continue
        if word in CONFIG_ORDER:
            if not text.startswith("\t" + word):
                report.add(path, n, "should be indented with one tab")
            if CONFIG_ORDER[word] < state:
                report.add(path, n, "attributes order: type, default, depends on, select, help")
            state = CONFIG_ORDER[word]
        if re.match(r"^\tdefault n\s*(#.*)?$", text):
            report.add(path, n, "boolean symbols default to 'n', so 'default n' is redundant")
        if text.strip() == "help":
            in_help = True
            first_help_line = True


def check_hash(report: Report, path: Path, needed: list[str]) -> None:
    seen: set[str] = set()
    for n, raw in enumerate(lines_of(path), 1):
        text = raw.rstrip("\n")
        if text.strip() == "" or text.startswith("#"):
            continue
        fields = text.split()
        if len(fields) != 3:
            report.add(path, n, "expected three fields: <type>  <hash>  <file>")
            continue
        kind, digest, name = fields
        if kind not in HASH_LENGTHS:
            report.add(path, n, f"unexpected type of hash {kind!r}")
        elif not re.fullmatch(f"[0-9a-fA-F]{{{HASH_LENGTHS[kind]}}}", digest):
            report.add(path, n, f"hash size does not match type: {HASH_LENGTHS[kind]} hex digits")
        if text != f"{kind}  {digest}  {name}":
            report.add(path, n, "separate the fields with two spaces")
        if kind == "sha256":
            seen.add(name)
    for name in needed:
        if name not in seen:
            report.add(path, 0, f"no sha256 for {name}")


def check_init_script(report: Report, path: Path) -> None:
    daemon = None
    for n, raw in enumerate(lines_of(path), 1):
        text = raw.rstrip("\n")
        if re.match(r"^[\t]* ", text.rstrip()):
            report.add(path, n, "should be indented with tabs")
        m = re.match(r"""^DAEMON=["']?([^"']*)["']?$""", text)
        if m:
            if daemon is not None:
                report.add(path, n, "DAEMON variable redefined")
            daemon = m.group(1)
            if "/" in daemon:
                report.add(path, n, "do not include a path in DAEMON")
                daemon = os.path.basename(daemon)
        m = re.match(r"""^PIDFILE=["']?([^"']*)["']?$""", text)
        if m and not re.fullmatch(r"/var/run/(\$DAEMON|\$\{DAEMON\})\.pid", m.group(1)):
            report.add(path, n, 'incorrect PIDFILE value, expected "/var/run/$DAEMON.pid"')
    if daemon is None:
        report.add(path, 0, "DAEMON variable not defined")
    elif not re.fullmatch(rf"S\d\d{re.escape(daemon)}", path.name):
        report.add(path, 0, f"file name should be S<number><number>{daemon}")
    if os.access(path, os.X_OK):
        report.add(
            path,
            0,
            "init scripts are not executable in the tree: install them with "
            "'$(INSTALL) -D -m 0755'",
        )


def check_package(report: Report, pkg_dir: Path) -> None:
    pkg = pkg_dir.name
    config, mk, hashes = pkg_dir / "Config.in", pkg_dir / f"{pkg}.mk", pkg_dir / f"{pkg}.hash"
    for required in (config, mk):
        if not required.is_file():
            report.add(pkg_dir, 0, f"missing {required.name}")
    python = mk.is_file() and "$(eval $(python-package))" in mk.read_text(encoding="utf-8")
    if config.is_file():
        check_config(report, config, pkg, python=python)
    values = check_mk(report, mk, pkg) if mk.is_file() else {}
    prefix = package_prefix(pkg)
    local = values.get(f"{prefix}_SITE_METHOD") == "local"
    if mk.is_file():
        for suffix in ("_LICENSE", "_LICENSE_FILES"):
            if f"{prefix}{suffix}" not in values:
                report.add(mk, 0, f"{prefix}{suffix} is not set")
    if local and mk.is_file():
        check_rsync_exclusions(report, mk, prefix)
        site = values.get(f"{prefix}_SITE", "")
        resolved = site.replace("$(BR2_EXTERNAL_AASTRELI_PATH)", str(pkg_dir.parent.parent))
        hooks = f"{prefix}_POST_RSYNC_HOOKS" in mk.read_text(encoding="utf-8")
        if "$(" not in resolved and not hooks:
            for name in values.get(f"{prefix}_LICENSE_FILES", "").split():
                if not (Path(resolved) / name).is_file():
                    report.add(mk, 0, f"{prefix}_LICENSE_FILES names {name}, not in {site}")
    if not local:
        if not hashes.is_file():
            report.add(pkg_dir, 0, f"missing {hashes.name} for a downloaded package")
        else:
            version = values.get(f"{prefix}_VERSION", "")
            source = values.get(f"{prefix}_SOURCE", "").replace(f"$({prefix}_VERSION)", version)
            needed = [source] if source else []
            needed += values.get(f"{prefix}_LICENSE_FILES", "").split()
            check_hash(report, hashes, needed)
    if mk.is_file():
        check_model_install(report, mk, prefix)
    for script in pkg_dir.glob("S[0-9][0-9]*"):
        check_init_script(report, script)


def define_body(path: Path, name: str) -> tuple[int, list[str]]:
    """The first line number and the lines (continuations joined) of ``define NAME``."""
    start, body, inside, pending = 0, [], False, ""
    for n, raw in enumerate(lines_of(path), 1):
        text = raw.rstrip("\n")
        if re.match(rf"^define\s+{name}\s*$", text):
            start, inside = n, True
        elif inside and re.match(r"^\s*endef\b", text):
            break
        elif inside:
            pending += text.removesuffix("\\").strip() + " "
            if not text.endswith("\\"):
                body.append(pending.strip())
                pending = ""
    return start, body


def install_rules(path: Path, prefix: str) -> list[tuple[str, str]]:
    """(source, destination) of each ``$(INSTALL) ... SRC DEST`` in the package's
    ``_INSTALL_TARGET_CMDS``, unexpanded."""
    _, body = define_body(path, f"{prefix}_INSTALL_TARGET_CMDS")
    rules = []
    for line in body:
        words = line.split()
        if words and words[0] == "$(INSTALL)" and len(words) >= 3:
            rules.append((words[-2], words[-1]))
    return rules


def check_model_install(report: Report, path: Path, prefix: str) -> None:
    """A model package is installed by the gateway's own ``model export``: it copies the
    manifest with its signature and exactly the listed files, which the gateway checks
    at start (an unlisted or missing file, or no manifest.sig, is refused). Installing a
    package's files one by one is reported."""
    rules = install_rules(path, prefix)
    by_hand = [dest for _, dest in rules if Path(dest).name in MODEL_FILES]
    if by_hand:
        line, _ = define_body(path, f"{prefix}_INSTALL_TARGET_CMDS")
        report.add(
            path,
            line,
            f"installs a model package's {Path(by_hand[0]).name} by hand: use the gateway's "
            "`model export`, which copies the signed manifest, its signature and exactly "
            "the listed files",
        )


def check_external(report: Report, top: Path) -> list[str]:
    desc = top / "external.desc"
    name = None
    if not desc.is_file():
        report.add(top, 0, "missing external.desc")
    else:
        for n, raw in enumerate(lines_of(desc), 1):
            m = re.match(r"^name:\s*(\S+)\s*$", raw)
            if m:
                name = m.group(1)
                if not re.fullmatch(r"[A-Za-z0-9_]+", name):
                    report.add(desc, n, "name: only ASCII letters, digits and underscores")
        if name is None:
            report.add(desc, 1, "no 'name:' line")
        if not any(raw.startswith("desc:") for raw in lines_of(desc)):
            report.add(desc, 1, "no 'desc:' line")
    name = name or "AASTRELI"
    mk = top / "external.mk"
    include = f"include $(sort $(wildcard $(BR2_EXTERNAL_{name}_PATH)/package/*/*.mk))"
    if not mk.is_file() or include not in mk.read_text(encoding="utf-8"):
        report.add(mk, 1, f"external.mk must contain: {include}")
    config = top / "Config.in"
    packages = sorted(p.name for p in (top / "package").iterdir() if p.is_dir())
    sourced: list[str] = []
    if config.is_file():
        for n, raw in enumerate(lines_of(config), 1):
            m = re.match(
                r'^(\s*)source\s+"\$BR2_EXTERNAL_(\w+)_PATH/package/([^/]+)/Config.in"', raw
            )
            if not m:
                continue
            if m.group(1):
                report.add(config, n, "source lines are not indented")
            if m.group(2) != name:
                report.add(config, n, f"sources from BR2_EXTERNAL_{m.group(2)}_PATH, not {name}")
            sourced.append(m.group(3))
        for pkg in packages:
            if pkg not in sourced:
                report.add(config, 0, f"package {pkg} is not sourced")
        for pkg in sourced:
            if pkg not in packages:
                report.add(config, 0, f"sources a package that does not exist: {pkg}")
        order = [p.replace("_", ".") for p in sourced]
        if order != sorted(order):
            report.add(config, 0, "packages are not alphabetically ordered")
    else:
        report.add(top, 0, "missing Config.in")
    return packages


def check_defconfig(report: Report, top: Path, path: Path, name: str) -> None:
    text = path.read_text(encoding="utf-8")
    if "BR2_DOWNLOAD_FORCE_CHECK_HASHES=y\n" not in text:
        report.add(path, 0, "missing BR2_DOWNLOAD_FORCE_CHECK_HASHES=y")
    for n, raw in enumerate(text.splitlines(), 1):
        for ref in re.findall(rf"\$\(BR2_EXTERNAL_{name}_PATH\)/([^\s\"]+)", raw):
            if not (top / ref).exists():
                report.add(path, n, f"names {ref}, which is not in this tree")


def check_include_order(report: Report, top: Path) -> None:
    """external.mk includes package/*/*.mk sorted by path: a variable that Buildroot
    expands at $(eval) time must not use one that a later file defines."""
    files = sorted((p for p in (top / "package").glob("*/*.mk")), key=lambda p: str(p).encode())
    defined_in: dict[str, int] = {}
    for i, mk in enumerate(files):
        for _, var, _, _ in mk_assignments(lines_of(mk)):
            defined_in.setdefault(var, i)
    for i, mk in enumerate(files):
        for n, var, _, value in mk_joined(lines_of(mk)):
            if not EVAL_TIME.search(var):
                continue
            for used in re.findall(r"\$\(([A-Z0-9_]+)\)", value):
                if defined_in.get(used, -1) > i:
                    later = files[defined_in[used]].name
                    report.add(
                        mk,
                        n,
                        f"{var} uses $({used}), which {later} defines but is included "
                        f"after {mk.name}: it is empty when Buildroot evaluates {var}",
                    )


def check_tree(top: Path) -> list[str]:
    report = Report(top.parent)
    packages = check_external(report, top)
    for pkg in packages:
        check_package(report, top / "package" / pkg)
    check_include_order(report, top)
    for defconfig in sorted((top / "configs").glob("*_defconfig")):
        check_defconfig(report, top, defconfig, "AASTRELI")
    for path in sorted(p for p in top.rglob("*") if p.is_file()):
        check_text(report, path)
        if path.suffix == ".sh" and not os.access(path, os.X_OK):
            report.add(path, 0, "scripts run by Buildroot must be executable")
    return report.problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tree", nargs="?", default=str(Path(__file__).parent.parent / "buildroot"))
    args = parser.parse_args(argv)
    problems = check_tree(Path(args.tree).resolve())
    for p in problems:
        print(p)
    sys.stdout.flush()
    print(f"{len(problems)} problem(s) in {args.tree}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
