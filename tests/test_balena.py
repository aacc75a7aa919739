"""balena integration: device facts from a local stand-in supervisor API, and the update lock."""

from __future__ import annotations

import fcntl
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from gateway import balena

API_KEY = "k3y-for-tests"
DEVICE = {
    "api_port": 48484,
    "ip_address": "192.168.1.23 10.114.104.2",
    "os_version": "balenaOS 6.5.1",
    "supervisor_version": "17.0.3",
    "update_pending": False,
    "update_failed": False,
    "update_downloaded": False,
    "commit": "4f0a9d1c",
    "status": "Idle",
    "download_progress": None,
    "mac_address": "DC:A6:32:00:11:22",
    "not_shown": "internal",
}


class SupervisorStandIn:
    """The supervisor's HTTP API on a loopback port: what it answers is set per test."""

    def __init__(self) -> None:
        self.device: Any = DEVICE
        self.device_status = 200
        self.name_status = 200
        self.raw_device: bytes | None = None
        self.requests: list[tuple[str, str | None]] = []
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                stand_in.requests.append((self.path, self.headers.get("Authorization")))
                if self.headers.get("Authorization") != f"Bearer {API_KEY}":
                    self._answer(401, b"Unauthorized")
                elif self.path == "/v1/device":
                    body = stand_in.raw_device or json.dumps(stand_in.device).encode()
                    self._answer(stand_in.device_status, body)
                elif self.path == "/v2/device/name":
                    name = json.dumps({"status": "success", "deviceName": "pump-house-3"})
                    self._answer(stand_in.name_status, name.encode())
                else:
                    self._answer(404, b"Not Found")

            def _answer(self, status: int, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.address = f"http://127.0.0.1:{self.server.server_address[1]}"

    def env(self, **extra: str) -> dict[str, str]:
        return {
            "BALENA_SUPERVISOR_ADDRESS": self.address,
            "BALENA_SUPERVISOR_API_KEY": API_KEY,
            "BALENA_DEVICE_UUID": "c0ffee0123456789",
            "BALENA_DEVICE_TYPE": "raspberrypi4-64",
            "BALENA_APP_NAME": "aastreli-gateways",
            **extra,
        }

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def supervisor() -> Iterator[SupervisorStandIn]:
    api = SupervisorStandIn()
    yield api
    api.close()


def test_facts_merge_api_answer_and_variables(supervisor: SupervisorStandIn) -> None:
    facts = balena.device_facts(supervisor.env())
    assert facts is not None
    assert facts["uuid"] == "c0ffee0123456789"
    assert facts["device_type"] == "raspberrypi4-64"
    assert facts["fleet"] == "aastreli-gateways"
    assert facts["os_version"] == "balenaOS 6.5.1"
    assert facts["status"] == "Idle"
    assert facts["update_pending"] is False
    assert facts["download_progress"] is None
    assert facts["device_name"] == "pump-house-3"
    assert "not_shown" not in facts and "api_port" not in facts


def test_the_status_page_and_the_system_api_show_the_device(
    supervisor: SupervisorStandIn, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/deploy-balena.md: "The system page shows the balena facts"."""
    from tests.support.web import WebEnv

    web = WebEnv(tmp_path)
    try:
        c = web.browser("viewer")
        page = c.get("/ui/status").get_data(as_text=True)
        assert 'id="device"' not in page  # off balena: no card, no request
        assert c.get("/system", headers=web.headers("viewer")).json["device"] is None
        for k, v in supervisor.env().items():
            monkeypatch.setenv(k, v)
        page = c.get("/ui/status").get_data(as_text=True)
        assert 'id="device"' in page
        for shown in ("pump-house-3", "balenaOS 6.5.1", "17.0.3", "4f0a9d1c", "192.168.1.23"):
            assert shown in page
        assert API_KEY not in page
        device = c.get("/system", headers=web.headers("viewer")).json["device"]
        assert device["device_name"] == "pump-house-3" and device["update_pending"] is False
    finally:
        if web.facade.history is not None:
            web.facade.history.close()
        web.facade.store.close()


def test_key_travels_in_a_header_not_the_url(supervisor: SupervisorStandIn) -> None:
    balena.device_facts(supervisor.env())
    assert supervisor.requests
    for path, auth in supervisor.requests:
        assert "apikey" not in path
        assert auth == f"Bearer {API_KEY}"


def test_not_on_balena_means_no_facts(supervisor: SupervisorStandIn) -> None:
    assert balena.device_facts({}) is None
    assert balena.device_facts({"BALENA_SUPERVISOR_ADDRESS": supervisor.address}) is None
    assert supervisor.requests == []


def test_wrong_key_gives_no_facts(supervisor: SupervisorStandIn) -> None:
    env = supervisor.env(BALENA_SUPERVISOR_API_KEY="wrong")
    assert balena.device_facts(env) is None


@pytest.mark.parametrize("body", [b"<html>busy</html>", b"[1, 2]"])
def test_malformed_answer_gives_no_facts(
    supervisor: SupervisorStandIn, body: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    supervisor.raw_device = body
    assert balena.device_facts(supervisor.env()) is None
    assert any("supervisor API" in r.getMessage() for r in caplog.records)


def test_server_error_gives_no_facts(supervisor: SupervisorStandIn) -> None:
    supervisor.device_status = 503
    assert balena.device_facts(supervisor.env()) is None


def test_missing_name_endpoint_keeps_the_other_facts(supervisor: SupervisorStandIn) -> None:
    supervisor.name_status = 404
    facts = balena.device_facts(supervisor.env(BALENA_DEVICE_NAME_AT_INIT="first-name"))
    assert facts is not None
    assert facts["device_name"] == "first-name"
    assert facts["commit"] == "4f0a9d1c"


def test_long_values_are_cut(supervisor: SupervisorStandIn) -> None:
    supervisor.device = {**DEVICE, "status": "x" * 10_000}
    facts = balena.device_facts(supervisor.env())
    assert facts is not None and len(facts["status"]) == 200


def test_silent_supervisor_times_out() -> None:
    # Accepts connections (the kernel's backlog) but never answers.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        env = {
            "BALENA_SUPERVISOR_ADDRESS": f"http://127.0.0.1:{silent.getsockname()[1]}",
            "BALENA_SUPERVISOR_API_KEY": API_KEY,
        }
        started = time.monotonic()
        assert balena.device_facts(env, timeout=0.3) is None
        assert time.monotonic() - started < 10  # bounded by the timeout, not hung


def test_unreachable_supervisor_is_logged_once(caplog: pytest.LogCaptureFixture) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed once the block ends: nothing listens there
    env = {
        "BALENA_SUPERVISOR_ADDRESS": f"http://127.0.0.1:{port}",
        "BALENA_SUPERVISOR_API_KEY": "k",
    }
    balena._report(None)
    caplog.set_level("WARNING", logger="gateway.balena")
    for _ in range(3):
        assert balena.device_facts(env, timeout=0.5) is None
    warnings = [r for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1


# ---- the update lock ------------------------------------------------------------------


@pytest.fixture
def lock_file(tmp_path: Path) -> Path:
    folder = tmp_path / "balena"
    folder.mkdir()
    return folder / "updates.lock"


def _flock_free(path: Path) -> bool:
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)
    return True


def test_lock_file_exists_only_inside_the_block(lock_file: Path) -> None:
    with balena.update_lock(lock_file) as held:
        assert held is True
        assert lock_file.read_text() == f"aastreli pid={os.getpid()}\n"
        assert not _flock_free(lock_file)  # host OS updates are held off too
    assert not lock_file.exists()


def test_lock_is_released_when_the_block_raises(lock_file: Path) -> None:
    with pytest.raises(RuntimeError), balena.update_lock(lock_file):
        raise RuntimeError("model swap failed")
    assert not lock_file.exists()


def test_no_lock_folder_is_a_no_op(tmp_path: Path) -> None:
    path = tmp_path / "absent" / "updates.lock"
    with balena.update_lock(path) as held:
        assert held is False
    assert not path.parent.exists()


def test_default_path_follows_the_supervisor_variable(tmp_path: Path) -> None:
    assert balena.lock_path({}) == Path("/tmp/balena/updates.lock")
    custom = str(tmp_path / "x.lock")
    assert balena.lock_path({"BALENA_APP_LOCK_PATH": custom}) == Path(custom)


def test_nested_and_concurrent_holders_share_one_file(lock_file: Path) -> None:
    inside = threading.Event()
    leave = threading.Event()

    def other_holder() -> None:
        with balena.update_lock(lock_file):
            inside.set()
            leave.wait(10)

    with balena.update_lock(lock_file):
        with balena.update_lock(lock_file):
            assert lock_file.exists()
        assert lock_file.exists()  # the outer block still holds it
        worker = threading.Thread(target=other_holder)
        worker.start()
        assert inside.wait(10)
    assert lock_file.exists()  # the thread still holds it
    leave.set()
    worker.join(10)
    assert not lock_file.exists()


def test_supervisor_lock_is_waited_for_then_refused(lock_file: Path) -> None:
    lock_file.write_text("")  # the supervisor's lock: an empty file
    with pytest.raises(balena.UpdateLockError, match="held by someone else"):
        with balena.update_lock(lock_file, timeout=0.3, poll=0.05):
            pass
    assert lock_file.exists()  # never removed: not ours


def test_lock_is_taken_once_the_supervisor_releases_it(lock_file: Path) -> None:
    lock_file.write_text("")
    timer = threading.Timer(0.2, lock_file.unlink)
    timer.start()
    with balena.update_lock(lock_file, timeout=10, poll=0.02) as held:
        assert held and lock_file.read_text().startswith("aastreli pid=")
    timer.join()
    assert not lock_file.exists()


def test_lock_left_by_a_killed_run_is_taken_over(lock_file: Path) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    lock_file.write_text(f"aastreli pid={dead.stdout.strip()}\n")
    with balena.update_lock(lock_file, timeout=0.5):
        assert lock_file.read_text() == f"aastreli pid={os.getpid()}\n"
    assert not lock_file.exists()


def test_lock_of_a_previous_run_with_our_pid_is_taken_over(lock_file: Path) -> None:
    lock_file.write_text(f"aastreli pid={os.getpid()}\n")
    with balena.update_lock(lock_file, timeout=0.5) as held:
        assert held
    assert not lock_file.exists()


def test_live_gateway_process_lock_is_respected(lock_file: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        lock_file.write_text(f"aastreli pid={holder.pid}\n")
        with pytest.raises(balena.UpdateLockError):
            with balena.update_lock(lock_file, timeout=0.2, poll=0.05):
                pass
        assert lock_file.exists()
    finally:
        holder.kill()
        holder.wait()


def test_override_replaced_lock_is_not_removed(lock_file: Path) -> None:
    # SUPERVISOR_OVERRIDE_LOCK: the supervisor deletes our file and takes its own.
    with balena.update_lock(lock_file):
        lock_file.unlink()
        lock_file.write_text("")
    assert lock_file.exists()
    assert lock_file.read_text() == ""


def test_uncreatable_lock_is_a_clear_error(lock_file: Path) -> None:
    # A name the file system refuses (ENAMETOOLONG): the same path as EACCES for a non-root
    # user, but it fails as root too, which is how CI runs.
    bad = lock_file.parent / ("x" * 300)
    with pytest.raises(balena.UpdateLockError, match="cannot create"):
        with balena.update_lock(bad):
            pass
