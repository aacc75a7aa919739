"""Request body limits in waitress, over real sockets (issue #13, finding 3).

An unauthenticated 1 GB POST to /login and an anonymous 800 MB upload are answered 413
from their Content-Length alone: the test never sends the body, and waitress creates
no temporary file. Only an admin's upload may be larger than ``web.max_request_kb``.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import waitress.buffers
from waitress import create_server

from tests.support.net import free_port, wait_listening
from tests.support.web import WebEnv, web_env
from webui.app import server_options
from webui.bodylimit import install


@pytest.fixture
def served(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[WebEnv, int, list[int]]]:
    spooled: list[int] = []
    newfile = waitress.buffers.TempfileBasedBuffer.newfile

    def counting(self: Any) -> Any:
        spooled.append(1)
        return newfile(self)

    monkeypatch.setattr(waitress.buffers.TempfileBasedBuffer, "newfile", counting)
    gen = web_env(tmp_path, {"web": {"max_upload_mb": 8}})
    env = next(gen)
    port = free_port()
    server = create_server(
        env.app, host="127.0.0.1", port=port, threads=2, **server_options(env.facade.config.web)
    )
    install(server, env.app, env.facade.config.web)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    wait_listening(port)
    try:
        yield env, port, spooled
    finally:
        server.close()
        thread.join(5)
        next(gen, None)


def _head_only(
    port: int, path: str, length: int, headers: dict[str, str] | None = None
) -> tuple[str, float]:
    """Send a request head announcing ``length`` bytes, no body; the status line and time."""
    lines = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1", f"Content-Length: {length}"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    t0 = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        answer = s.recv(4096).decode(errors="replace")
    return answer.split("\r\n", 1)[0], time.monotonic() - t0


def test_oversized_bodies_are_refused_before_they_are_read(
    served: tuple[WebEnv, int, list[int]],
) -> None:
    env, port, spooled = served
    admin = env.headers("admin")
    viewer = env.headers("viewer")
    for path, length, headers in (
        ("/login", 1_000_000_000, {"Content-Type": "application/json"}),
        ("/model/upload", 800_000_000, {}),  # anonymous
        ("/model/upload", 800_000_000, {"Authorization": "Bearer not.a.token"}),
        ("/model/upload", 3 * 1024 * 1024, viewer),  # a viewer gets the small limit
        ("/model/upload", 800_000_000, admin),  # above max_upload_mb even for an admin
        ("/settings", 3 * 1024 * 1024, admin),  # other routes: max_request_kb
    ):
        status, took = _head_only(port, path, length, headers)
        assert " 413 " in status, (path, length, status)
        assert took < 5
    assert spooled == []


def test_an_admin_upload_may_be_larger(served: tuple[WebEnv, int, list[int]]) -> None:
    env, port, spooled = served
    blob = b"\0" * (3 * 1024 * 1024)  # above the 2 MiB of other routes
    r = requests.post(
        f"http://127.0.0.1:{port}/model/upload",
        files={"package": ("m.tar.gz", blob)},
        headers=env.headers("admin"),
        timeout=30,
    )
    assert r.status_code not in (413, 500) and r.status_code < 500, r.text
    assert spooled  # it was read (and spooled: waitress keeps 512 KiB in memory)
    # The same body to another route is refused.
    r = requests.post(
        f"http://127.0.0.1:{port}/settings", data=blob, headers=env.headers("admin"), timeout=30
    )
    assert r.status_code == 413


def test_a_chunked_body_is_cut_at_the_limit(served: tuple[WebEnv, int, list[int]]) -> None:
    _env, port, _spooled = served
    chunk = b"x" * 65536
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(
            b"POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
            b"Content-Type: application/json\r\n\r\n"
        )
        answer = b""
        try:
            for _ in range(64):  # 4 MiB, twice the limit
                s.sendall(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
        except OSError:
            pass  # the server closed the connection after its 413
        s.settimeout(5)
        try:
            answer = s.recv(4096)
        except OSError:
            pass
    assert b" 413 " in answer.split(b"\r\n", 1)[0]
