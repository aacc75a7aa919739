"""Secrets in notification targets never leave the gateway (issue #13, finding 2).

A real gateway run with an Apprise ``json://`` target carrying a ``+X-Api-Key`` header
and a webhook with a password, a path token and a query token: every log line of the
run (DEBUG and up), every API answer, the audit trail and the delivery header the
receiver got are searched for each secret.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.support.net import free_port
from tests.support.web import RunningGateway

PASSWORD = "granite pump hums 5"
SECRETS = ("HDRSECRET4242xyz", "PWSECRET777abc", "PATHSECRET31337", "QSECRET999qq")


class Receiver:
    def __init__(self) -> None:
        got = self.got = []  # type: list[dict[str, Any]]

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                got.append({"path": self.path, "headers": dict(self.headers)})
                self.send_response(200)
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args: Any) -> None:
                pass

        self.port = free_port()
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def gateway(tmp_path: Path) -> Iterator[RunningGateway]:
    gw = RunningGateway(tmp_path / "data", assets=1).start()
    yield gw
    gw.stop()


class Collect(logging.Handler):
    """What the gateway's log receives: every record that reaches the root logger."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_no_answer_log_or_header_carries_a_target_secret(gateway: RunningGateway) -> None:
    root = logging.getLogger()
    collect, old_level = Collect(), root.level
    root.addHandler(collect)
    root.setLevel(logging.DEBUG)
    try:
        _run(gateway, collect)
    finally:
        root.removeHandler(collect)
        root.setLevel(old_level)


def _run(gateway: RunningGateway, caplog: Collect) -> None:
    url = gateway.url
    answers: list[str] = []

    def call(method: str, path: str, **kw: Any) -> requests.Response:
        r = requests.request(method, url + path, timeout=60, **kw)
        answers.append(f"{method} {path} {r.status_code} {dict(r.headers)} {r.text}")
        return r

    r = call(
        "POST",
        "/setup",
        json={
            "setup_code": gateway.setup_code,
            "email": "admin@plant.example",
            "username": "admin",
            "password": PASSWORD,
        },
    )
    assert r.status_code == 201, r.text
    r = call("POST", "/login", json={"email": "admin@plant.example", "password": PASSWORD})
    h = {"Authorization": f"Bearer {r.json()['access_token']}"}
    rx = Receiver()
    try:
        apprise_url = f"json://127.0.0.1:{rx.port}/a?+X-Api-Key={SECRETS[0]}"
        hook_url = (
            f"http://hook:{SECRETS[1]}@127.0.0.1:{rx.port}/wh/{SECRETS[2]}?token={SECRETS[3]}"
        )
        body = {
            "enableNotifications": True,
            "faultActions": [
                {"id": "j1", "type": "apprise", "enabled": True, "config": {"url": apprise_url}},
                {"id": "w1", "type": "webhook", "enabled": True, "config": {"url": hook_url}},
            ],
        }
        assert call("POST", "/settings", headers=h, json=body).status_code == 200
        call("GET", "/settings", headers=h)
        for target in (
            {"id": "j1"},
            {"id": "w1"},
            {"type": "apprise", "config": {"url": apprise_url}},
        ):
            r = call("POST", "/test-notification", headers=h, json=target)
            assert r.status_code == 200 and r.json()["success"] is True, r.text
        # A target that fails, quoting its URL in the error.
        dead = f"json://127.0.0.1:{free_port()}/x?+X-Api-Key={SECRETS[0]}"
        r = call(
            "POST",
            "/test-notification",
            headers=h,
            json={"type": "apprise", "config": {"url": dead}},
        )
        assert r.status_code == 200 and r.json()["success"] is False
        for path in ("/audit", "/alerts", "/system", "/sources", "/dashboard", "/metrics", "/me"):
            call("GET", path, headers=h)
    finally:
        rx.close()
    # The receiver got the secrets it needs (header, path) but the delivery id carries none.
    assert len(rx.got) == 3
    assert any(g["headers"].get("X-Api-Key") == SECRETS[0] for g in rx.got)
    for g in rx.got:
        delivery = g["headers"].get("X-Aastreli-Delivery", "")
        assert not any(s in delivery for s in SECRETS) and "127.0.0.1" not in delivery
    audit = json.dumps(gateway.gateway.facade.store.find("audit"))
    assert "X-Api-Key=********" in "\n".join(answers)  # the masked form is what is shown
    for secret in SECRETS:
        leaks = [
            f"{rec.name} {rec.levelname} {rec.getMessage()}"
            for rec in caplog.records
            if secret in f"{rec.getMessage()} {rec.__dict__}"
        ]
        assert not leaks, leaks
        assert secret not in audit, secret
        for answer in answers:
            assert secret not in answer, (secret, answer[:300])
