"""Building a package's library: CC and CFLAGS honoured, rebuilt only when needed, clear errors."""

from __future__ import annotations

import json
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from gateway.features import PLANT_FEATURES
from gateway.model import ModelError, load_model
from gateway.model.build import ensure_built
from gateway.model.package import host_machine, read_manifest, sha256_file, verify_golden
from tests.support.model import golden, max_diff

pytest_plugins = ["tests.support.model"]  # the shared model fixtures


@pytest.fixture(autouse=True)
def _quick_builds(monkeypatch: pytest.MonkeyPatch) -> None:
    # These tests are about what gets built and when, not how fast it runs: -O0 compiles
    # the package in a fraction of the time -O1 takes.
    monkeypatch.setenv("CFLAGS", "-O0")


def _wrapper(tmp_path: Path) -> tuple[Path, Path]:
    """A compiler that logs its arguments, then runs gcc: proves which CC was used."""
    log = tmp_path / "cc.log"
    cc = tmp_path / "logging-cc"
    cc.write_text(f'#!/bin/sh\necho "$@" >> {log}\nexec gcc "$@"\n')
    cc.chmod(cc.stat().st_mode | stat.S_IXUSR)
    return cc, log


def test_builds_from_clean_with_cc_and_cflags_from_the_environment(
    package_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.rmtree(package_copy / "lib")
    cc, log = _wrapper(tmp_path)
    monkeypatch.setenv("CC", str(cc))
    monkeypatch.setenv("CFLAGS", "-O0 -g0")
    library = ensure_built(package_copy)
    assert library == package_copy / "lib" / host_machine() / "libmodel.so"
    calls = [c for c in log.read_text().splitlines() if c not in ("-dumpmachine", "--version")]
    sources = [n for n in read_manifest(package_copy)["source"]["files"] if n.endswith(".c")]
    assert len([c for c in calls if " -c " in f" {c} "]) == len(sources)
    assert all("-O0 -g0" in c for c in calls)
    assert any("-shared" in c and c.endswith("-lm") for c in calls)
    record = json.loads((library.parent / "build.json").read_text())
    assert record["library_sha256"] == sha256_file(library)
    assert record["source_sha256"] == read_manifest(package_copy)["source"]["sha256"]
    assert record["cflags"][-2:] == ["-O0", "-g0"] and record["cc"] == str(cc)
    model = load_model(package_copy, feature_names=PLANT_FEATURES, fallback="refuse")
    assert verify_golden(model, package_copy) <= 1e-5


def test_cc_argument_wins_over_the_environment(
    package_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.rmtree(package_copy / "lib")
    cc, log = _wrapper(tmp_path)
    monkeypatch.setenv("CC", "no-such-compiler")
    ensure_built(package_copy, cc=str(cc))
    assert log.read_text()


def test_up_to_date_library_is_not_rebuilt(package_copy: Path, tmp_path: Path) -> None:
    library = package_copy / "lib" / host_machine() / "libmodel.so"
    before = (library.stat().st_ino, library.stat().st_mtime_ns)
    cc, log = _wrapper(tmp_path)
    assert ensure_built(package_copy, cc=str(cc)) == library
    assert (library.stat().st_ino, library.stat().st_mtime_ns) == before
    assert log.read_text().split() == ["-dumpmachine"]  # asked for its target, nothing built


def test_changed_library_is_rebuilt_by_replacing_the_file(package_copy: Path) -> None:
    library = package_copy / "lib" / host_machine() / "libmodel.so"
    with open(library, "ab") as f:
        f.write(b"junk")
    inode = library.stat().st_ino
    ensure_built(package_copy)
    # Replaced, never rewritten in place: a process that has the old one mapped survives.
    assert library.stat().st_ino != inode
    load_model(package_copy, feature_names=PLANT_FEATURES, fallback="refuse")


def test_force_rebuilds(package_copy: Path, tmp_path: Path) -> None:
    cc, log = _wrapper(tmp_path)
    ensure_built(package_copy, cc=str(cc), force=True)
    assert "-shared" in log.read_text()


def test_refuses_to_build_changed_source(package_copy: Path) -> None:
    shutil.rmtree(package_copy / "lib")
    (package_copy / "src" / "main.c").write_text("int predict;\n")
    with pytest.raises(ModelError, match=r"src/main\.c differs from the checksum"):
        ensure_built(package_copy)
    assert not (package_copy / "lib" / host_machine() / "libmodel.so").exists()


def test_missing_compiler_is_a_clear_error(package_copy: Path) -> None:
    with pytest.raises(ModelError, match="no C compiler: 'no-such-cc' was not found"):
        ensure_built(package_copy, cc="no-such-cc", force=True)


def test_compiler_failure_shows_its_message(
    package_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CFLAGS", "-fno-such-flag")
    with pytest.raises(ModelError, match=r"(?s)compiling .*failed.*-fno-such-flag"):
        ensure_built(package_copy, force=True)
    monkeypatch.delenv("CFLAGS")
    # The working library was left alone.
    load_model(package_copy, feature_names=PLANT_FEATURES, fallback="refuse")
    assert not list((package_copy / "lib" / host_machine()).glob(".build-*"))


def test_package_makefile_builds_a_working_library(package_copy: Path) -> None:
    """The Makefile balena and Buildroot use gives the same predictions."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    src = package_copy / "src"
    subprocess.run(
        ["make", "-s", "-C", str(src), "CC=gcc", "CFLAGS=-O0", "-j2"], check=True, timeout=300
    )
    import ctypes

    lib = ctypes.CDLL(str(src / "libmodel.so"))
    lib.aastreli_predict_rows.argtypes = (ctypes.c_void_p, ctypes.c_int64, ctypes.c_void_p)
    data = golden(package_copy)
    rows = data["rows"][:40]
    flat = (ctypes.c_double * (20 * len(rows)))(
        *[float("nan") if v is None else v for r in rows for v in r]
    )
    out = (ctypes.c_float * (9 * len(rows)))()
    assert lib.aastreli_predict_rows(flat, len(rows), out) == 0
    got = [list(out[i * 9 : (i + 1) * 9]) for i in range(len(rows))]
    assert max_diff(got, data["probabilities"][:40]) <= 1e-5
