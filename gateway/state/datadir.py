"""The data folder: an exclusive lock for one gateway process, and the secrets file.

TinyDB and our SQLite writers are not safe across processes, so a second gateway on
the same folder fails fast with the other's pid. Secrets (JWT key, gateway id, the
one-time setup code) are generated on first start into ``secrets.json`` with mode
0600: the gateway never runs with a default secret.

The folder holds secrets throughout (Argon2 hashes, notification targets with their
passwords and the SMTP password in ``state.json``, tokens in the outboxes, the JWT key),
so it is private to the gateway's user whatever the umask it was started with:
:func:`secure_data_dir` runs at every start before anything is opened. It sets the
process umask to 077 (every file the gateway creates from then on, SQLite's ``-wal``
and ``-shm`` included, is 0600 and every folder 0700), and *warns and fixes* what an
older start or another umask left open: the folder becomes 0700 and every file and
folder in it loses its group and other permissions. It does not refuse to start: a
gateway that stops because of a mode nobody can see from the UI is worse than one that
fixes it and says so in the log.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import secrets
import stat
import uuid
from pathlib import Path
from typing import Any

from gateway.state.storage import atomic_write

SECRETS_FILE = "secrets.json"
PRIVATE_UMASK = 0o077

log = logging.getLogger("gateway.state")


def secure_data_dir(data_dir: Path) -> list[str]:
    """Make the data folder private (0700, files without group/other bits); umask 077.

    Returns what was changed (also logged as one warning).
    """
    os.umask(PRIVATE_UMASK)
    root = Path(data_dir)
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    fixed: list[str] = []

    def tighten(path: Path) -> None:
        st = path.lstat()
        if stat.S_ISLNK(st.st_mode):
            return
        want = 0o700 if path == root else stat.S_IMODE(st.st_mode) & ~0o077
        if stat.S_IMODE(st.st_mode) != want:
            os.chmod(path, want)
            fixed.append(f"{path.relative_to(root.parent)} {stat.S_IMODE(st.st_mode):o}->{want:o}")

    tighten(root)
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            try:
                tighten(Path(folder) / name)
            except FileNotFoundError:
                continue  # removed meanwhile (a temp file)
    if fixed:
        log.warning(
            "the data folder %s was readable by other users; fixed %d mode(s): %s",
            root,
            len(fixed),
            ", ".join(fixed[:10]) + (" ..." if len(fixed) > 10 else ""),
            extra={"event": "data_dir_permissions_fixed"},
        )
    return fixed


class DataDirBusy(Exception):
    """Another gateway process holds this data folder."""


class DataDirLock:
    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / ".lock"
        self._fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            other = os.pread(fd, 32, 0).decode(errors="replace").strip() or "unknown"
            os.close(fd)
            raise DataDirBusy(
                f"another gateway process (pid {other}) is using the data folder "
                f"{self.path.parent}; stop it first or give this one its own data_dir"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> DataDirLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def load_secrets(data_dir: Path) -> dict[str, Any]:
    """Read the secrets file, creating any missing secret; always mode 0600."""
    path = Path(data_dir) / SECRETS_FILE
    data: dict[str, Any] = {}
    if path.exists():
        data = json.loads(path.read_text(encoding="utf-8"))
    changed = False
    if "jwt_secret" not in data:
        data["jwt_secret"] = secrets.token_urlsafe(48)
        changed = True
    if "gateway_id" not in data:
        data["gateway_id"] = "gw-" + uuid.uuid4().hex[:12]
        changed = True
    if "setup_code" not in data:
        # Eight digits in two groups: typed from a console or a log on a phone.
        code = f"{secrets.randbelow(10**8):08d}"
        data["setup_code"] = f"{code[:4]}-{code[4:]}"
        changed = True
    if changed:
        Path(data_dir).mkdir(parents=True, exist_ok=True)
        atomic_write(path, json.dumps(data, indent=2).encode(), mode=0o600)
    os.chmod(path, 0o600)
    return data
