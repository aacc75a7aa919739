"""A package's files: the signed list of every one of them, and the walk that refuses the rest.

A format-2 manifest carries ``files``: the sha256 of every file of the package by its
path inside the package folder (``"src/tu0.c"``, ``"golden.json"``). Two things are left
out by rule, and only these:

- ``manifest.json`` and ``manifest.sig``: the signed text itself and its signature;
- ``lib/``: what each machine builds for itself (``lib/<machine>/libmodel.so``, its
  ``build.json`` record and the build's ``.lock``). An upload never brings one.

:func:`check_files` is what makes a signature cover the whole package: walking the folder
without following links, it refuses a symbolic link, a hard link, a device, a pipe or
socket anywhere, a file the list does not name (a precompiled ``header.h.gch`` beside
the signed ``header.h``, a ``lib`` folder in an upload), and a listed file whose bytes
differ. Each file is opened with ``O_NOFOLLOW`` and checked again on its descriptor, so
a file swapped for a link between the walk and the read is refused too.

This module imports nothing heavy: the device and the image builds use it.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from gateway.model.errors import ModelError

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
LIB_DIR = "lib"
SRC_DIR = "src"
# What a build leaves in lib/<machine>/ (gateway.model.build).
BUILD_OUTPUTS = frozenset({"libmodel.so", "build.json", ".lock"})
_UNLISTED = frozenset({MANIFEST, SIGNATURE})
# One path component: no leading dot (hidden files are never part of a package), no
# separators, no spaces or control characters, nothing a shell or a Makefile reads twice.
_COMPONENT = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.+-]{0,127}")
_MAX_FILES = 10_000


@dataclass(frozen=True)
class Checked:
    """What :func:`check_files` found: listed files present, and built files beside them."""

    listed: int
    absent: tuple[str, ...]
    built: tuple[str, ...]


def check_name(rel: str) -> None:
    """Refuse a package path that is not plain: absolute, ``..``, hidden, odd characters."""
    parts = rel.split("/")
    if not rel or len(parts) > 8 or not all(_COMPONENT.fullmatch(p) for p in parts):
        raise ModelError(f"package path {rel[:80]!r} is not a plain relative path")


def _refuse(package_dir: Path, rel: str, what: str) -> ModelError:
    return ModelError(f"{package_dir}: {rel}: {what}; a package holds only regular files")


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def walk(package_dir: Path) -> list[str]:
    """Every regular file under the folder (relative paths); ModelError for anything else.

    Links are never followed: a symbolic link is refused wherever it is (``lib`` pointing
    at a folder of prepared libraries included), and so is a file with more than one
    name (a hard link makes the same bytes reachable from outside the package).
    """
    package_dir = Path(package_dir)
    try:
        top = os.lstat(package_dir)
    except OSError as err:
        raise ModelError(f"{package_dir}: {err.strerror or err}") from err
    if not stat.S_ISDIR(top.st_mode):
        raise ModelError(f"{package_dir}: not a folder (a package is a folder of files)")
    found: list[str] = []
    pending = [""]
    while pending:
        rel_dir = pending.pop()
        with os.scandir(package_dir / rel_dir if rel_dir else package_dir) as entries:
            for entry in entries:
                rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
                st = entry.stat(follow_symlinks=False)
                if stat.S_ISDIR(st.st_mode):
                    pending.append(rel)
                elif not stat.S_ISREG(st.st_mode):
                    raise _refuse(package_dir, rel, _kind(st.st_mode))
                elif st.st_nlink != 1:
                    raise _refuse(package_dir, rel, "a hard link (the file has other names)")
                else:
                    found.append(rel)
                if len(found) > _MAX_FILES:
                    raise ModelError(f"{package_dir}: more than {_MAX_FILES} files")
    return sorted(found)


def open_regular(path: Path) -> BinaryIO:
    """A regular file with one name, opened without following a link (ModelError else):
    checked on the descriptor, so a file swapped for a link after a check is refused."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError as err:
        raise ModelError(f"{path}: cannot open it as a regular file: {err.strerror}") from err
    f = os.fdopen(fd, "rb")
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode) or st.st_nlink != 1:
        f.close()
        raise ModelError(f"{path}: not a regular file with one name")
    return f


def hash_file(path: Path) -> str:
    """sha256 of a regular file opened by :func:`open_regular`."""
    digest = hashlib.sha256()
    with open_regular(path) as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _built(rel: str) -> bool:
    """A file a build leaves under lib/: lib/<machine>/(libmodel.so|build.json|.lock)."""
    parts = rel.split("/")
    return (
        len(parts) == 3
        and parts[0] == LIB_DIR
        and bool(_COMPONENT.fullmatch(parts[1]))
        and parts[2] in BUILD_OUTPUTS
    )


def file_list(package_dir: Path) -> dict[str, str]:
    """The ``files`` a manifest lists for this folder as it is: every file but the rule's."""
    out: dict[str, str] = {}
    for rel in walk(package_dir):
        if rel in _UNLISTED or rel.split("/", 1)[0] == LIB_DIR:
            continue
        check_name(rel)
        out[rel] = hash_file(Path(package_dir) / rel)
    return out


def listed_files(manifest: dict[str, Any], where: str) -> dict[str, str]:
    """The manifest's ``files``, checked: plain paths, none excluded by rule, sha256 values."""
    files = manifest.get("files")
    if not isinstance(files, dict) or not files:
        raise ModelError(f"{where}: the manifest lists no files")
    for rel, digest in files.items():
        check_name(rel)
        if rel in _UNLISTED or rel.split("/", 1)[0] == LIB_DIR:
            raise ModelError(f"{where}: the manifest lists {rel}, which is never part of a list")
        if not (isinstance(digest, str) and re.fullmatch(r"[0-9a-f]{64}", digest)):
            raise ModelError(f"{where}: the manifest's checksum of {rel} is not a sha256")
    return files


def check_files(
    package_dir: Path,
    manifest: dict[str, Any],
    *,
    built: bool,
    complete: bool,
) -> Checked:
    """The package folder against its (signed) list; ModelError at the first difference.

    ``built``: files under ``lib/`` a build leaves are allowed (a package on a device);
    an upload passes False, so a library that came with it is refused as unlisted.
    ``complete``: every listed file must be there (an upload, a package being signed).
    Otherwise the whole ``src/`` folder and the model file may be absent (a package as
    the images install it: its library was built from the verified source by the image
    build), but never a part of ``src/``, and never the golden file.
    """
    package_dir = Path(package_dir)
    files = listed_files(manifest, str(package_dir))
    found = walk(package_dir)
    built_files = []
    for rel in found:
        if rel in _UNLISTED:
            continue
        if rel not in files:
            if built and _built(rel):
                built_files.append(rel)
                continue
            raise _refuse(package_dir, rel, "a file the signed manifest does not list")
        if hash_file(package_dir / rel) != files[rel]:
            raise ModelError(
                f"{package_dir}: {rel} differs from the checksum the manifest lists: the "
                "package is not the one that was signed"
            )
    absent = sorted(set(files) - set(found))
    if absent and complete:
        raise ModelError(f"{package_dir}: listed files are missing: {', '.join(absent[:5])}")
    _check_absent(package_dir, manifest, files, absent)
    return Checked(len(files) - len(absent), tuple(absent), tuple(built_files))


def _check_absent(
    package_dir: Path, manifest: dict[str, Any], files: dict[str, str], absent: list[str]
) -> None:
    """Only a package without its source may lack files: all of src/, the model file."""
    src = manifest.get("source", {}).get("dir", SRC_DIR) + "/"
    sources = {rel for rel in files if rel.startswith(src)}
    optional = sources | {manifest.get("model_file", "")}
    stray = [rel for rel in absent if rel not in optional]
    if stray:
        raise ModelError(f"{package_dir}: listed files are missing: {', '.join(stray[:5])}")
    missing_sources = sources.intersection(absent)
    if missing_sources and missing_sources != sources:
        names = ", ".join(sorted(missing_sources)[:5])
        raise ModelError(
            f"{package_dir}: part of the source is missing ({names}): a package carries all "
            "of its source or none of it"
        )


def export(
    package_dir: Path, manifest: dict[str, Any], dest: Path, *, with_source: bool
) -> list[str]:
    """Copy a checked package as an image installs it into ``dest``; the paths copied.

    The manifest, its signature, every listed file (without ``src/`` and the model file
    unless ``with_source``) and each built library with its record: nothing else, so the
    copy passes :func:`check_files` on the device. ``dest`` is replaced when it holds a
    package already (a reinstall); any other non-empty folder is refused.
    """
    package_dir, dest = Path(package_dir), Path(dest)
    found = check_files(package_dir, manifest, built=True, complete=with_source)
    src = manifest["source"].get("dir", SRC_DIR) + "/"
    skip = set() if with_source else {manifest["model_file"]}
    names = [MANIFEST, *([SIGNATURE] if (package_dir / SIGNATURE).is_file() else [])]
    names += [
        rel
        for rel in listed_files(manifest, str(package_dir))
        if rel not in found.absent and rel not in skip and (with_source or not rel.startswith(src))
    ]
    names += [rel for rel in found.built if not rel.endswith("/.lock")]
    if dest.exists() and any(dest.iterdir()):
        if not (dest / MANIFEST).is_file():
            raise ModelError(f"{dest}: not empty and not a model package; not replacing it")
        shutil.rmtree(dest)
    for rel in names:
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o755)
        with open(target, "wb") as out, open_regular(package_dir / rel) as f:
            out.write(f.read())
        os.chmod(target, 0o755 if rel.endswith(".so") else 0o644)
    return names
