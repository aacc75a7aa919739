"""Compile a package's C into ``lib/<machine>/libmodel.so`` for this machine or a cross target.

``ensure_built`` is what ``aastreli model build`` (and so ``make run``/``make test``, the
balena image and the Buildroot package) calls: it checks the package folder against its
manifest's list of files (gateway.model.contents), compiles only when the library is
missing or does not match, and records what it built in a sidecar (``build.json``).

The compiler never sees the package folder: it runs in a private temporary folder that
holds only the C files and headers the manifest lists, each copied and checked against
its sha256 (:func:`private_copy`), with no include folder from the environment. The
library and its record then replace the old ones in ``lib/<machine>/`` by renames.

The translation units are compiled in parallel, one compiler process per core: TL2cgen's
``parallel_comp`` splits the trees into files so that gcc's memory and time stay bounded
(one multi-megabyte file at -O3 takes gcc many minutes and gigabytes).
"""

from __future__ import annotations

import datetime
import fcntl
import hashlib
import json
import os
import re
import shlex
import shutil
import stat
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from gateway import __version__
from gateway.model.contents import check_files, open_regular
from gateway.model.errors import ModelError
from gateway.model.package import (
    LIB_DIR,
    LIB_NAME,
    SRC_DIR,
    normalise_machine,
    read_manifest,
    sha256_file,
    sidecar_path,
    verify_library,
    verify_source,
)

DEFAULT_CFLAGS = ("-O1",)  # measured: as fast as -O2/-O3 on generated trees, compiles much faster
# -std=c99: TL2cgen emits C99; -fPIC for a shared object. -ffast-math must never be used:
# it lets the compiler drop the isnan() that marks missing values and reorder sums.
BASE_CFLAGS = ("-std=c99", "-fPIC")
# What of a package's source reaches the compiler: the C files and headers its manifest
# lists, by plain names (no precompiled header, whatever its name, can be one of them).
COMPILED = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*\.[ch]")
# Variables through which gcc would search more folders for headers: not passed on, so
# the private copy and the system's own folders are all it reads.
INCLUDE_PATH_ENV = frozenset({"CPATH", "C_INCLUDE_PATH", "CPLUS_INCLUDE_PATH", "OBJC_INCLUDE_PATH"})


def compiler_command(cc: str | None = None) -> list[str]:
    """The compiler as an argv prefix: ``cc`` argument, else ``$CC``, else ``cc``."""
    spec = cc or os.environ.get("CC") or "cc"
    argv = shlex.split(spec)
    if not argv or shutil.which(argv[0]) is None:
        raise ModelError(
            f"no C compiler: {spec!r} was not found; install gcc (or set CC to a cross compiler)"
        )
    return argv


def compiler_target(cc: Sequence[str]) -> str:
    """The architecture the compiler builds for, as a ``lib/`` folder name."""
    try:
        out = subprocess.run(
            [*cc, "-dumpmachine"], capture_output=True, text=True, check=True, timeout=30
        ).stdout
    except (OSError, subprocess.SubprocessError) as err:
        raise ModelError(f"cannot ask {shlex.join(cc)} for its target: {err}") from err
    return normalise_machine(out.strip().split("-", 1)[0])


def compiler_version(cc: Sequence[str]) -> str:
    try:
        out = subprocess.run(
            [*cc, "--version"], capture_output=True, text=True, check=False, timeout=30
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return out.splitlines()[0].strip() if out else "unknown"


# Flags a package's manifest may ask for: optimisation, debug info and the target CPU.
# Anything else (-fplugin=, -B, -wrapper, @file, -o, -D, -include, -specs=...) would let a
# package run programs or read files at build time, so it never reaches the compiler.
# CFLAGS from the environment is the operator's choice and is not filtered.
ALLOWED_CFLAGS = re.compile(
    r"-O[0-3sz]?|-g|-pipe|-march=[\w.+-]{1,40}|-mtune=[\w.+-]{1,40}|-mcpu=[\w.+-]{1,40}"
    r"|-mfpu=[\w.+-]{1,40}|-mfloat-abi=(?:hard|soft|softfp)"
)


def manifest_cflags(manifest: dict[str, Any]) -> list[str]:
    """The manifest's ``build.cflags``, refused (ModelError) unless every one is allowed."""
    build = manifest.get("build") or {}
    flags = build.get("cflags", list(DEFAULT_CFLAGS)) if isinstance(build, dict) else None
    if not isinstance(flags, list) or not all(isinstance(f, str) for f in flags):
        raise ModelError(f"{manifest.get('name')}: build.cflags must be a list of strings")
    refused = [f for f in flags if not ALLOWED_CFLAGS.fullmatch(f)]
    if refused:
        raise ModelError(
            f"{manifest.get('name')}: build.cflags {refused} are not allowed in a package "
            "(only -O*, -g, -pipe, -march/-mtune/-mcpu/-mfpu/-mfloat-abi); set CFLAGS in the "
            "environment to build with other flags"
        )
    return flags


def _cflags(manifest: dict[str, Any]) -> list[str]:
    env = os.environ.get("CFLAGS")
    if env is not None and env.strip():
        return shlex.split(env)
    return manifest_cflags(manifest)


@contextmanager
def build_lock(lib_dir: Path, *, exclusive: bool) -> Iterator[None]:
    """A file lock so two processes (tests, ``make run``) never build over each other.

    On a read-only package (a firmware image) there is nothing to build and no lock file
    can be made; readers then go ahead without it.
    """
    try:
        lib_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(lib_dir / ".lock", os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        if exclusive:
            raise
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)


def _current(library: Path, source_sha256: str) -> bool:
    if not library.is_file():
        return False
    try:
        verify_library(library, source_sha256)
    except ModelError:
        return False
    return True


def ensure_built(
    package_dir: Path,
    cc: str | None = None,
    *,
    force: bool = False,
    jobs: int | None = None,
) -> Path:
    """The package's library for the compiler's target, compiled if missing or mismatched.

    Honours ``CC`` and ``CFLAGS`` (``cc`` wins over ``CC``). Raises ModelError when the
    source does not match the manifest or the compiler fails.
    """
    return build_library(package_dir, cc, force=force, jobs=jobs)[0]


def build_library(
    package_dir: Path,
    cc: str | None = None,
    *,
    force: bool = False,
    jobs: int | None = None,
) -> tuple[Path, bool]:
    """``ensure_built``, also telling whether it compiled (True) or found it up to date."""
    package_dir = Path(package_dir)
    manifest = read_manifest(package_dir)
    check_files(package_dir, manifest, built=True, complete=False)
    source_sha256 = verify_source(package_dir, manifest)
    argv = compiler_command(cc)
    machine = compiler_target(argv)
    lib_dir = package_dir / LIB_DIR / machine
    library = lib_dir / LIB_NAME
    if not force and _current(library, source_sha256):
        return library, False
    try:
        with build_lock(lib_dir, exclusive=True):
            if not force and _current(library, source_sha256):
                return library, False  # another process built it while we waited
            _build(package_dir, manifest, argv, machine, library, source_sha256, jobs)
    except OSError as err:
        raise ModelError(f"{lib_dir}: cannot build here: {err}") from err
    return library, True


def _build(
    package_dir: Path,
    manifest: dict[str, Any],
    cc: list[str],
    machine: str,
    library: Path,
    source_sha256: str,
    jobs: int | None,
) -> None:
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="aastreli-build-") as work_dir:
        work = Path(work_dir)
        names = private_copy(package_dir, manifest, work)
        sources = [n for n in names if n.endswith(".c")]
        # Largest first, so the long translation units start early and the cores stay busy.
        sources.sort(key=lambda n: (work / n).stat().st_size, reverse=True)
        cflags = _cflags(manifest)
        ldflags = shlex.split(os.environ.get("LDFLAGS", ""))
        env = {k: v for k, v in os.environ.items() if k not in INCLUDE_PATH_ENV}

        def compile_one(name: str) -> None:
            obj = Path(name).stem + ".o"
            _run([*cc, *BASE_CFLAGS, *cflags, "-c", name, "-o", obj], name, work, env)

        with ThreadPoolExecutor(max_workers=jobs or os.cpu_count() or 1) as pool:
            list(pool.map(compile_one, sources))
        objects = [Path(n).stem + ".o" for n in sources]
        _run(
            [*cc, *cflags, *ldflags, "-shared", "-o", LIB_NAME, *objects, "-lm"], "link", work, env
        )
        built = work / LIB_NAME
        record = {
            "library": LIB_NAME,
            "library_sha256": sha256_file(built),
            "library_bytes": built.stat().st_size,
            "source_sha256": source_sha256,
            "compiled": sources,
            "package": manifest["name"],
            "machine": machine,
            "builder": f"aastreli {__version__}",
            "cc": shlex.join(cc),
            "cc_version": compiler_version(cc),
            "cflags": [*BASE_CFLAGS, *cflags],
            "seconds": round(time.monotonic() - started, 2),
            "built_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        }
        # Replace, never rewrite in place: a running gateway has the old library mapped,
        # and overwriting a mapped shared object crashes that process.
        _install(built.read_bytes(), library, 0o755)
        _install((json.dumps(record, indent=2) + "\n").encode(), sidecar_path(library), 0o644)


def private_copy(package_dir: Path, manifest: dict[str, Any], dest: Path) -> list[str]:
    """Copy the C files and headers the manifest lists into ``dest``; their names.

    The compiler then runs in ``dest``, which holds nothing else: a file the package
    folder holds beside the listed ones (a precompiled ``header.h.gch``, which gcc would
    prefer to ``header.h``; a stray ``.c``) never reaches it. Each file's sha256 is checked
    on the bytes copied, so a file changed after the source was verified is refused.
    """
    source = manifest["source"]
    src_dir = Path(package_dir) / source.get("dir", SRC_DIR)
    names = []
    for name, digest in sorted(source["files"].items()):
        if not COMPILED.fullmatch(name):
            continue  # the Makefile, TL2cgen's recipe.json: not the compiler's business
        with open_regular(src_dir / name) as f:
            data = f.read()
        if hashlib.sha256(data).hexdigest() != digest:
            raise ModelError(
                f"{package_dir}: {name} changed after the source was verified; not compiled"
            )
        fd = os.open(dest / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        names.append(name)
    if not any(n.endswith(".c") for n in names):
        raise ModelError(f"{package_dir}: the manifest lists no C file to compile")
    return names


def _install(data: bytes, path: Path, mode: int) -> None:
    """Write ``path`` whole by a rename of a new file in the same folder."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        # No more open than its folder: private under the data folder, readable in a checkout.
        os.chmod(tmp, mode & stat.S_IMODE(os.stat(path.parent).st_mode))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _run(argv: list[str], what: str, cwd: Path, env: dict[str, str]) -> None:
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, check=False, cwd=cwd, env=env)
    except OSError as err:
        raise ModelError(f"cannot run the compiler ({argv[0]}): {err}") from err
    if proc.returncode != 0:
        tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-15:])
        raise ModelError(f"compiling {what} failed ({shlex.join(argv[:3])} ...):\n{tail}")


def read_build_record(package_dir: Path, machine: str) -> dict[str, Any] | None:
    """The sidecar of the library built for ``machine``, or None when there is none."""
    path = sidecar_path(Path(package_dir) / LIB_DIR / machine / LIB_NAME)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None
