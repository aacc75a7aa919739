"""balenaOS integration: device facts from the supervisor API and the update lock.

Both are inert off balena: ``device_facts()`` returns None without the supervisor's
variables, and ``update_lock()`` does nothing when the lock folder is not mounted.

The supervisor mounts a per-service folder at ``/tmp/balena`` (mode 1777, so the
gateway's non-root user can create files in it). A file ``updates.lock`` there, created
exclusively (O_CREAT|O_EXCL, "lockfile semantics"), stops the supervisor from killing the
service for an update or rebooting for a config change; the supervisor itself creates
the same file before it stops a service, which is why the file is never taken over while
someone else may own it. An exclusive ``flock`` on the file additionally holds off host
OS update reboots. Locks live in a tmpfs and vanish on reboot; a lock left behind by a
previous run of this gateway (a crash, a SIGKILL) is recognised by its marker and removed.
"""

from __future__ import annotations

import fcntl
import logging
import os
import re
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    import requests

log = logging.getLogger("gateway.balena")

DEFAULT_LOCK_PATH = "/tmp/balena/updates.lock"
SUPERVISOR_TIMEOUT = 2.0  # seconds per request: the system page waits for the answer

# Fields of the supervisor's GET /v1/device answer shown on the system page.
_DEVICE_FIELDS = (
    "status",
    "commit",
    "os_version",
    "supervisor_version",
    "ip_address",
    "mac_address",
    "update_pending",
    "update_downloaded",
    "update_failed",
    "download_progress",
)
# Variables the supervisor sets in every service container.
_ENV_FACTS = {
    "uuid": "BALENA_DEVICE_UUID",
    "device_type": "BALENA_DEVICE_TYPE",
    "device_arch": "BALENA_DEVICE_ARCH",
    "fleet": "BALENA_APP_NAME",
    "service": "BALENA_SERVICE_NAME",
    "host_os_version": "BALENA_HOST_OS_VERSION",
}
_MAX_TEXT = 200  # a fact longer than this is cut: it is shown, never parsed

_last_problem: str | None = None
_problem_lock = threading.Lock()


def _report(problem: str | None) -> None:
    """Log a supervisor API problem once, and once when it goes away (not per page view)."""
    global _last_problem
    with _problem_lock:
        if problem == _last_problem:
            return
        previous, _last_problem = _last_problem, problem
    if problem is not None:
        log.warning("balena supervisor API: %s; device facts are not shown", problem)
    elif previous is not None:
        log.info("balena supervisor API answers again")


def _clean(value: Any) -> str | int | float | bool | None:
    if value is None or isinstance(value, bool | int | float):
        return value
    return str(value)[:_MAX_TEXT]


class _ApiProblem(Exception):
    """The supervisor answered, but not what its API promises."""


def _get_json(session: requests.Session, url: str, key: str, timeout: float) -> Any:
    # The key goes in a header, not in ?apikey=, so it never lands in a proxy or access log.
    resp = session.get(url, headers={"Authorization": f"Bearer {key}"}, timeout=timeout)
    path = urlsplit(url).path
    if resp.status_code != 200:
        raise _ApiProblem(f"{path} answered HTTP {resp.status_code}")
    try:
        return resp.json()
    except ValueError as err:
        raise _ApiProblem(f"{path} answered something that is not JSON") from err


def device_facts(
    environ: Mapping[str, str] | None = None, *, timeout: float = SUPERVISOR_TIMEOUT
) -> dict[str, Any] | None:
    """What balena knows about this device, or None when not on balena or unreachable.

    Reads ``BALENA_SUPERVISOR_ADDRESS`` and ``BALENA_SUPERVISOR_API_KEY`` (present only
    with the ``io.balena.features.supervisor-api`` label) and asks ``/v1/device`` and
    ``/v2/device/name``; the device name is optional, the device state is not.
    """
    env = os.environ if environ is None else environ
    address = env.get("BALENA_SUPERVISOR_ADDRESS", "").rstrip("/")
    key = env.get("BALENA_SUPERVISOR_API_KEY", "")
    if not address or not key:
        return None
    # Loaded here, on balena only: requests and its helpers hold about 5 MB that a
    # gateway elsewhere never needs (the update lock, the other half of this module,
    # runs on every state write).
    import requests

    facts: dict[str, Any] = {k: _clean(env[v]) for k, v in _ENV_FACTS.items() if env.get(v)}
    with requests.Session() as session:
        session.trust_env = False  # the supervisor is on the device: never through a proxy
        try:
            device = _get_json(session, f"{address}/v1/device", key, timeout)
            if not isinstance(device, dict):
                raise _ApiProblem("/v1/device did not answer a JSON object")
            facts.update({k: _clean(device[k]) for k in _DEVICE_FIELDS if k in device})
        except requests.RequestException as err:
            _report(f"{address} unreachable ({type(err).__name__})")
            return None
        except _ApiProblem as err:
            _report(str(err))
            return None
        try:
            named = _get_json(session, f"{address}/v2/device/name", key, timeout)
            if isinstance(named, dict) and named.get("deviceName"):
                facts["device_name"] = _clean(named["deviceName"])
        except (requests.RequestException, _ApiProblem):
            pass  # older supervisors lack the endpoint; the name is not essential
    if "device_name" not in facts and env.get("BALENA_DEVICE_NAME_AT_INIT"):
        facts["device_name"] = _clean(env["BALENA_DEVICE_NAME_AT_INIT"])
    _report(None)
    return facts


class UpdateLockError(Exception):
    """The update lock could not be taken: held by the supervisor (an update is being
    applied) or by another live process for longer than the timeout, or not writable."""


_MARKER = re.compile(r"^aastreli pid=(\d+)$")


@dataclass
class _Held:
    mutex: threading.Lock
    count: int = 0
    fd: int = -1
    ident: tuple[int, int] = (0, 0)


_held: dict[str, _Held] = {}
_held_lock = threading.Lock()


def lock_path(environ: Mapping[str, str] | None = None) -> Path:
    """The lock file: ``BALENA_APP_LOCK_PATH`` when the supervisor sets it, else the default."""
    env = os.environ if environ is None else environ
    return Path(env.get("BALENA_APP_LOCK_PATH") or DEFAULT_LOCK_PATH)


def _left_by_dead_run(path: Path) -> bool:
    """True when the file is this gateway's marker from a process that no longer runs."""
    try:
        text = path.read_text(encoding="ascii", errors="replace").strip()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    m = _MARKER.match(text)
    if m is None:
        return False  # the supervisor's or another program's: never ours to remove
    pid = int(m.group(1))
    if pid == os.getpid():
        # Our own pid while this process holds no lock: a previous run in this container
        # (containers reuse low pids). No other live process can have this pid.
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _create(path: Path, timeout: float, poll: float) -> int:
    deadline = time.monotonic() + timeout
    while True:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o644)
        except FileExistsError:
            if _left_by_dead_run(path):
                log.warning("removing an update lock left by a previous run: %s", path)
                try:
                    path.unlink()
                except FileNotFoundError:
                    pass
                except OSError as err:
                    raise UpdateLockError(f"{path}: cannot remove a stale lock: {err}") from err
                continue
            if time.monotonic() >= deadline:
                raise UpdateLockError(
                    f"{path}: held by someone else (the supervisor applying an update?) "
                    f"for {timeout:g} s"
                ) from None
            time.sleep(poll)
            continue
        except OSError as err:
            raise UpdateLockError(f"{path}: cannot create the update lock: {err}") from err
        try:
            os.write(fd, f"aastreli pid={os.getpid()}\n".encode())
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError as err:
            os.close(fd)
            path.unlink(missing_ok=True)
            raise UpdateLockError(f"{path}: cannot hold the update lock: {err}") from err
        return fd


def _release(path: Path, held: _Held) -> None:
    # Unlink only the file this process created: with SUPERVISOR_OVERRIDE_LOCK the
    # supervisor deletes the lock and may create its own at the same path.
    try:
        st = os.stat(path)
        if (st.st_dev, st.st_ino) == held.ident:
            path.unlink()
    except FileNotFoundError:
        pass
    except OSError as err:
        log.warning("cannot remove the update lock %s: %s", path, err)
    os.close(held.fd)  # closing also drops the flock
    held.fd = -1


@contextmanager
def update_lock(
    path: str | os.PathLike[str] | None = None,
    *,
    timeout: float = 10.0,
    poll: float = 0.1,
) -> Iterator[bool]:
    """Hold balena's update lock for the block; yields whether a lock file is held.

    A no-op (yields False) when the lock folder does not exist, that is off balena.
    Re-entrant and shared within the process: nested or concurrent holders in several
    threads keep one lock file, removed when the last one leaves. Waits up to ``timeout``
    seconds for a lock held by someone else, then raises UpdateLockError. It may block
    that long, so call it from a worker thread (``asyncio.to_thread``) in async code.
    """
    lock = Path(path) if path is not None else lock_path()
    if not lock.parent.is_dir():
        yield False
        return
    key = str(lock)
    with _held_lock:
        held = _held.setdefault(key, _Held(threading.Lock()))
    with held.mutex:
        if held.count == 0:
            held.fd = _create(lock, timeout, poll)
            st = os.fstat(held.fd)
            held.ident = (st.st_dev, st.st_ino)
        held.count += 1
    try:
        yield True
    finally:
        with held.mutex:
            held.count -= 1
            if held.count == 0:
                _release(lock, held)


@contextmanager
def state_write_guard() -> Iterator[None]:
    """balena's update lock around a state write (the store's ``write_guard``).

    The write itself is atomic (temp file, rename), so if the lock cannot be had in time
    (the supervisor holds it to apply an update) the write goes ahead without it rather
    than losing the change.
    """
    try:
        lock = update_lock()
        lock.__enter__()
    except UpdateLockError as err:
        log.warning("balena update lock not taken: %s", err)
        yield
        return
    try:
        yield
    finally:
        lock.__exit__(None, None, None)
