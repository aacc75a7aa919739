"""Receivers the alert tests (and bench/bench_alerts.py) deliver to.

- ``SmtpReceiver``: a real aiosmtpd server on a free port, optionally with STARTTLS and
  AUTH, that can be stopped and started again on the same port (an outage).
- ``HttpReceiver``: a real HTTP server on a free port recording every request, answering
  with a scripted list of statuses.
- ``capture_http``: Slack's and Twilio's servers are out of reach, so their requests are
  taken at requests' transport layer (``HTTPAdapter.send``) and answered there.
- ``python -m tests.support.alerts worker DATA_DIR CONFIG_JSON``: a delivery worker
  alone in a process, for the kill-and-restart test.
- ``python -m tests.support.alerts serve SMTP_PORT HTTP_PORT``: both receivers in a
  process of their own (for the benchmark), printing ``smtp|http <time> <sensor_id>``
  for each arrival.
"""

from __future__ import annotations

import asyncio
import contextlib
import email
import email.policy
import functools
import json
import ssl
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from unittest import mock

import requests
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from requests.adapters import HTTPAdapter

from tests.support import wait
from tests.support.net import free_port

# -- SMTP -------------------------------------------------------------------------------


@dataclass
class Mail:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage
    received: float

    @property
    def subject(self) -> str:
        return str(self.message["Subject"])

    def part(self, subtype: str) -> str:
        for p in self.message.walk():
            if p.get_content_type() == f"text/{subtype}":
                return str(p.get_content()).replace("\r\n", "\n")
        raise KeyError(subtype)


class _SmtpHandler:
    def __init__(self, owner: SmtpReceiver) -> None:
        self.owner = owner

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        if address in self.owner.reject:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        msg = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        assert isinstance(msg, EmailMessage)
        mail = Mail(envelope.mail_from, list(envelope.rcpt_tos), msg, time.time())
        with self.owner.lock:
            self.owner.mails.append(mail)
        self.owner.arrived.set()
        if self.owner.on_arrival is not None:
            self.owner.on_arrival(mail)
        return "250 OK"


class SmtpReceiver:
    def __init__(
        self,
        workdir: Path | None = None,
        *,
        port: int | None = None,
        login: tuple[str, str] | None = None,
        starttls: bool = False,
    ) -> None:
        self.port = port or free_port()
        self.login = login
        self.starttls = starttls
        self.workdir = workdir
        self.mails: list[Mail] = []
        self.reject: set[str] = set()
        self.lock = threading.Lock()
        self.arrived = threading.Event()
        self.on_arrival: Callable[[Mail], None] | None = None
        self._controller: Controller | None = None

    def _tls(self) -> ssl.SSLContext:
        assert self.workdir is not None, "STARTTLS needs a workdir for the certificate"
        cert, key = self.workdir / "smtp-cert.pem", self.workdir / "smtp-key.pem"
        if not cert.exists():
            subprocess.run(
                [
                    "openssl",
                    "req",
                    "-x509",
                    "-newkey",
                    "rsa:2048",
                    "-nodes",
                    "-keyout",
                    str(key),
                    "-out",
                    str(cert),
                    "-days",
                    "1",
                    "-subj",
                    "/CN=localhost",
                ],
                check=True,
                capture_output=True,
            )
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(cert, key)
        return ctx

    def _auth(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        ok = (
            isinstance(auth_data, LoginPassword)
            and self.login is not None
            and auth_data.login.decode() == self.login[0]
            and auth_data.password.decode() == self.login[1]
        )
        return AuthResult(success=ok)

    def start(self) -> SmtpReceiver:
        kwargs: dict[str, Any] = {}
        if self.starttls:
            kwargs.update(tls_context=self._tls(), require_starttls=True)
        if self.login:
            kwargs.update(
                authenticator=self._auth, auth_required=True, auth_require_tls=self.starttls
            )
        self._controller = Controller(
            _SmtpHandler(self), hostname="127.0.0.1", port=self.port, **kwargs
        )
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def wait(self, count: int, timeout: float = 20.0) -> list[Mail]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.mails) >= count:
                    return list(self.mails)
            time.sleep(0.02)
        raise TimeoutError(f"{len(self.mails)} of {count} mails arrived in {timeout} s")


# -- HTTP -------------------------------------------------------------------------------


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    received: float

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class HttpReceiver:
    """Answers each request with the next scripted status (200 once the script ran out)."""

    statuses: list[int] = field(default_factory=list)
    port: int = field(default_factory=free_port)
    delay: float = 0.0
    requests: list[Request] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.lock = threading.Lock()
        self.inflight = 0
        self.max_inflight = 0
        self.on_arrival: Callable[[Request], None] | None = None
        self._server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> HttpReceiver:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with owner.lock:
                    owner.inflight += 1
                    owner.max_inflight = max(owner.max_inflight, owner.inflight)
                if owner.delay:
                    time.sleep(owner.delay)
                req = Request("POST", self.path, dict(self.headers), body, time.time())
                with owner.lock:
                    owner.inflight -= 1
                    owner.requests.append(req)
                    status = owner.statuses.pop(0) if owner.statuses else 200
                if owner.on_arrival is not None:
                    owner.on_arrival(req)
                self.send_response(status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def wait(self, count: int, timeout: float = 20.0) -> list[Request]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.requests) >= count:
                    return list(self.requests)
            time.sleep(0.02)
        raise TimeoutError(f"{len(self.requests)} of {count} requests arrived in {timeout} s")


@dataclass
class Captured:
    method: str
    url: str
    headers: dict[str, str]
    body: bytes


@contextlib.contextmanager
def capture_http(
    answer: Callable[[Captured], tuple[int, bytes]], hosts: set[str] | None = None
) -> Iterator[list[Captured]]:
    """Take every request made through ``requests`` at the transport layer and answer it
    (only those to ``hosts`` when given; the others go out as usual)."""
    seen: list[Captured] = []
    lock = threading.Lock()
    original = HTTPAdapter.send

    def send(
        self: HTTPAdapter, request: requests.PreparedRequest, **kwargs: Any
    ) -> requests.Response:
        if hosts is not None and urllib.parse.urlsplit(str(request.url)).hostname not in hosts:
            return original(self, request, **kwargs)
        body = request.body or b""
        c = Captured(
            str(request.method),
            str(request.url),
            dict(request.headers),
            body.encode() if isinstance(body, str) else bytes(body),
        )
        with lock:
            seen.append(c)
        status, content = answer(c)
        r = requests.Response()
        r.status_code = status
        r._content = content
        r.url = str(request.url)
        r.request = request
        return r

    with mock.patch.object(HTTPAdapter, "send", send):
        yield seen


until = functools.partial(wait.until, within=20.0)


# -- a worker alone in a process --------------------------------------------------------


def _worker_main(data_dir: str, config_json: str) -> None:
    from gateway.alerts.delivery import DeliveryWorker, Sender
    from gateway.alerts.outbox import DeliveryQueue
    from gateway.config.alerts import AlertsConfig
    from gateway.health import ComponentHealth

    cfg = AlertsConfig.model_validate(json.loads(config_json))
    outbox = DeliveryQueue(Path(data_dir), max_age=cfg.delivery.max_age)
    worker = DeliveryWorker(outbox, Sender(cfg, environ={}), cfg, ComponentHealth("w", "sink"))
    print("ready", flush=True)
    asyncio.run(worker.run())


def _serve_main(smtp_port: int, http_port: int) -> None:
    out_lock = threading.Lock()

    def say(kind: str, ts: float, sensor: str) -> None:
        with out_lock:
            print(kind, repr(ts), sensor, flush=True)

    def mail(m: Mail) -> None:
        sensor = next(
            (
                line.split(": ", 1)[1]
                for line in m.part("plain").splitlines()
                if line.startswith("Sensor ID: ")
            ),
            "?",
        )
        say("smtp", m.received, sensor)

    smtp = SmtpReceiver(port=smtp_port)
    smtp.on_arrival = mail
    hook = HttpReceiver(port=http_port)
    hook.on_arrival = lambda r: say("http", r.received, r.json()["fault_data"]["sensor_id"])
    smtp.start()
    hook.start()
    print("ready", flush=True)
    sys.stdin.read()  # until the parent closes our stdin
    smtp.stop()
    hook.stop()


if __name__ == "__main__":
    if sys.argv[1] == "worker":
        _worker_main(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "serve":
        _serve_main(int(sys.argv[2]), int(sys.argv[3]))
