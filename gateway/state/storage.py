"""A TinyDB storage that survives a power cut at any instant.

TinyDB's JSONStorage seeks to 0, writes, then truncates: a kill between write and
truncate leaves the old tail behind (8 of 400 SIGKILLs left an unreadable file in a
trial). This storage writes a temporary file in the same folder, fsyncs it, keeps the
current file as the last-good backup (a hard link, so the current name never goes
missing), renames the temporary file over the current one and fsyncs the folder.
The data lives in memory between writes; a failed write (full disk) is refused with
StorageFull and the memory copy goes back to what is on disk.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import time
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

log = logging.getLogger("gateway.state")

TMP_SUFFIX = ".tmp-"


class StorageFull(OSError):
    """The state could not be written: the disk is full or read-only."""


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes, *, backup: Path | None = None, mode: int = 0o600) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old or the new file."""
    tmp = path.with_name(f"{path.name}{TMP_SUFFIX}{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if backup is not None and path.exists():
            link = backup.with_name(f"{backup.name}{TMP_SUFFIX}{os.getpid()}")
            with contextlib.suppress(FileNotFoundError):
                os.unlink(link)
            os.link(path, link)
            os.replace(link, backup)
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def remove_stale_temps(folder: Path, name: str) -> int:
    """Remove temporary files a killed writer left behind; returns how many."""
    n = 0
    for p in folder.glob(f"{name}*{TMP_SUFFIX}*"):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()
            n += 1
    return n


def load_with_recovery(path: Path, backup: Path) -> tuple[dict[str, Any], str | None]:
    """Parse the state file; if it is unreadable, set it aside and use the last-good backup.

    Returns the data and a description of what was recovered (None when all was well).
    An unreadable file is renamed, never deleted, so it can be inspected.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        if backup.exists():
            data = json.loads(backup.read_text(encoding="utf-8"))
            return data, f"{path.name} was missing; started from the backup {backup.name}"
        return {}, None
    try:
        data = json.loads(text) if text.strip() else {}
        if not isinstance(data, dict):
            raise ValueError("top level is not an object")
        return data, None
    except ValueError as err:
        aside = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%dT%H%M%S')}")
        os.replace(path, aside)
        note = f"{path.name} did not parse ({err}); kept aside as {aside.name}"
        if backup.exists():
            try:
                data = json.loads(backup.read_text(encoding="utf-8"))
                return data, note + f"; started from the backup {backup.name}"
            except ValueError:
                note += "; the backup did not parse either"
        return {}, note + "; started empty"


class DurableJSONStorage(Storage):
    """TinyDB storage: memory copy, atomic write-through on every write."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.backup = self.path.with_name(self.path.name + ".bak")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        removed = remove_stale_temps(self.path.parent, self.path.name)
        if removed:
            log.info("removed %d stale temporary state files", removed)
        self._data, self.recovered = load_with_recovery(self.path, self.backup)
        if self.recovered:
            log.error("state recovery: %s", self.recovered, extra={"event": "state_recovered"})
        self._on_disk = json.dumps(self._data, sort_keys=True)

    def read(self) -> dict[str, Any] | None:
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        text = json.dumps(data, sort_keys=True)
        try:
            atomic_write(self.path, text.encode(), backup=self.backup)
        except OSError as err:
            # TinyDB mutated our memory copy before calling write: put it back as on disk.
            self._data = json.loads(self._on_disk)
            if err.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS):
                raise StorageFull(err.errno, f"state not written: {err.strerror}") from err
            raise
        self._data = data
        self._on_disk = text

    def close(self) -> None:
        pass
