"""Unpack an uploaded package archive: regular files and folders only, private from the start.

tarfile's ``data`` filter still extracts links that stay inside the destination and
keeps each member's mode bits; a package needs neither. So members are written here
one by one: a symbolic or hard link, a device, a pipe or any other special member is
refused by name, as is an absolute path, a ``..`` or a name given twice. Every file is
created with ``O_EXCL | O_NOFOLLOW`` and mode 0600, every folder 0700, whatever the
archive says and whatever the umask. The sizes the archive announces are summed against
``limit`` before anything is written (a zip bomb stays an error, not a full disk).
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from typing import IO, Any

from gateway.model.contents import check_name
from gateway.model.errors import ModelError, PackageTooLarge

MAX_MEMBERS = 10_000
_ZIP_TYPE_SHIFT = 16  # a zip member made on Unix keeps st_mode in external_attr's high half


def unpack(archive: Path, dest: Path, limit: int) -> None:
    """Unpack ``archive`` (.zip, else a tar, compressed or not) into the new folder ``dest``."""
    dest.mkdir(mode=0o700)
    os.chmod(dest, 0o700)
    if archive.name.lower().endswith(".zip"):
        _unzip(archive, dest, limit)
    else:
        _untar(archive, dest, limit)


def _untar(archive: Path, dest: Path, limit: int) -> None:
    import tarfile  # only for uploads: not worth its memory in every running gateway

    try:
        with tarfile.open(archive) as tf:
            members = tf.getmembers()
            _check_sizes(len(members), sum(m.size for m in members if m.isreg()), limit)
            for m in members:
                if m.isdir():
                    _folder(dest, m.name)
                elif m.isreg():
                    f = tf.extractfile(m)
                    if f is None:
                        raise ModelError(f"{m.name}: unreadable member")
                    with f:
                        _write(dest, m.name, f, m.size)
                else:
                    raise ModelError(
                        f"{m.name}: {_tar_kind(m)} in the archive; a package holds only "
                        "regular files and folders"
                    )
    except (tarfile.TarError, EOFError, OSError) as err:
        raise ModelError(f"not a readable tar archive: {err}") from None


def _unzip(archive: Path, dest: Path, limit: int) -> None:
    try:
        with zipfile.ZipFile(archive) as zf:
            infos = zf.infolist()
            _check_sizes(len(infos), sum(i.file_size for i in infos), limit)
            for info in infos:
                kind = (info.external_attr >> _ZIP_TYPE_SHIFT) & 0o170000
                if info.is_dir():
                    _folder(dest, info.filename)
                elif kind in (0, 0o100000):
                    with zf.open(info) as f:
                        _write(dest, info.filename, f, info.file_size)
                else:
                    raise ModelError(
                        f"{info.filename}: a link or special file in the archive; a package "
                        "holds only regular files and folders"
                    )
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise ModelError(f"not a readable zip archive: {err}") from None


def _tar_kind(member: Any) -> str:
    if member.issym():
        return "a symbolic link"
    if member.islnk():
        return "a hard link"
    if member.ischr() or member.isblk():
        return "a device"
    if member.isfifo():
        return "a named pipe"
    return "a special member"


def _check_sizes(members: int, size: int, limit: int) -> None:
    if members > MAX_MEMBERS:
        raise ModelError(f"the archive holds {members} members (at most {MAX_MEMBERS})")
    if size > limit:
        raise PackageTooLarge("the package unpacks to more than the allowed size")


def _relative(name: str) -> str:
    rel = name.replace("\\", "/").strip("/")
    while rel.startswith("./"):
        rel = rel[2:]
    if rel in ("", "."):
        return ""
    check_name(rel)
    return rel


def _folder(dest: Path, name: str) -> Path:
    path = dest
    rel = _relative(name)
    for part in rel.split("/") if rel else ():
        path = path / part
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:
            if path.is_symlink() or not path.is_dir():
                raise ModelError(f"{name}: a name given twice in the archive") from None
    return path


def _write(dest: Path, name: str, src: IO[bytes], size: int) -> None:
    rel = _relative(name)
    if not rel:
        raise ModelError(f"{name!r}: a file without a name in the archive")
    parent = _folder(dest, rel.rpartition("/")[0]) if "/" in rel else dest
    path = parent / rel.rpartition("/")[2]
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except FileExistsError:
        raise ModelError(f"{name}: a name given twice in the archive") from None
    with os.fdopen(fd, "wb") as out:
        copied = _copy(src, out, size + 1)
    if copied > size:
        raise PackageTooLarge(f"{name}: holds more than the size the archive announced")


def _copy(src: IO[bytes], out: IO[bytes], cap: int) -> int:
    copied = 0
    while copied < cap:
        block = src.read(min(1 << 20, cap - copied))
        if not block:
            break
        out.write(block)
        copied += len(block)
    return copied
