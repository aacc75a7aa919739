"""The table of the firmware's Python package versions (buildroot/python-versions.txt)."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

TOP = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TOP / "tools"))
try:
    import buildroot_versions as bv
finally:
    sys.path.pop(0)

ROWS, HEADER = bv.read_table()
FIRMWARE = bv.firmware_versions(ROWS)


def test_table_names_the_release_and_the_commit_it_came_from() -> None:
    branch, commit, _date = HEADER["buildroot"].split()
    assert branch == bv.BRANCH and re.fullmatch(r"[0-9a-f]{40}", commit)
    assert HEADER["python3"].startswith("3.14.")


def test_table_has_our_overrides_at_their_mk_versions() -> None:
    ours = {r.package: r for r in ROWS if r.tree == "external"}
    for mk in sorted((TOP / "buildroot/package").glob("python-*/*.mk")):
        var = mk.parent.name.upper().replace("-", "_")
        version = re.search(rf"^{var}_VERSION = (\S+)$", mk.read_text(), re.M)
        assert version, mk
        row = ours.get(mk.parent.name)
        assert row is not None, f"{mk.parent.name}: not in the table; run the generator"
        assert row.version == version[1] and row.firmware, row


def test_every_python_package_the_gateway_selects_is_on_the_firmware() -> None:
    config = (TOP / "buildroot/package/aastreli/Config.in").read_text()
    selected = set(re.findall(r"select BR2_PACKAGE_(PYTHON_\w+)", config))
    selected = {s for s in selected if not s.startswith("PYTHON3_")}
    on_firmware = {r.package.upper().replace("-", "_") for r in ROWS if r.firmware}
    assert selected and selected <= on_firmware, selected - on_firmware


def test_one_firmware_version_per_distribution() -> None:
    firmware = [r.dist for r in ROWS if r.firmware]
    assert len(firmware) == len(set(firmware))
    # Buildroot's own copies of what our tree overrides are not on the firmware.
    for dist in ("pymodbus", "asyncua", "protobuf"):
        assert FIRMWARE[dist].tree == "external"


def test_the_firmware_versions_satisfy_the_gateway_requirements() -> None:
    # The same check pip makes when tools/py314.sh --buildroot installs them, here in
    # the main suite: a requirement the firmware's version misses (protobuf>=7.35.1 of
    # the generated Sparkplug module against Buildroot's 7.34.1) fails at once.
    deps = tomllib.loads((TOP / "pyproject.toml").read_text())["project"]["dependencies"]
    for spec in deps:
        req = Requirement(spec)
        row = FIRMWARE.get(bv.normalize(req.name))
        assert row is not None, f"{req.name}: no firmware package provides it"
        assert req.specifier.contains(row.version, prereleases=True), (spec, row)


def test_constraints_pin_the_firmware_versions_and_keep_the_rest() -> None:
    lines = bv.constraints().splitlines()
    names = [bv.normalize(re.split(r"[=<>!~; ]", line, maxsplit=1)[0]) for line in lines]
    assert len(names) == len(set(names))
    for row in FIRMWARE.values():
        assert f"{row.dist}=={row.version}" in lines
    assert "pytest==" in bv.CONSTRAINTS.read_text() and any(x.startswith("pytest==") for x in lines)
