"""Delivery against real receivers: aiosmtpd, local HTTP, Slack and Twilio at the transport.

Also the outbox's promises: retries of passing failures, permanent failures given up,
skipped channels, outages, expiry, bounded concurrency, and a SIGKILL with deliveries
pending (a worker in its own process).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import json
import logging
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest

from gateway.alerts import messages as m
from gateway.alerts.channels.base import DELIVERY_HEADER
from gateway.alerts.delivery import DeliveryWorker, Sender
from gateway.alerts.outbox import DeliveryLog, DeliveryQueue
from gateway.alerts.targets import Target
from gateway.config.alerts import AlertsConfig
from gateway.health import ComponentHealth
from tests.support.alerts import Captured, HttpReceiver, SmtpReceiver, capture_http, until
from tests.support.net import free_port

ROOT = Path(__file__).resolve().parent.parent

NOTICE = m.Notice(
    m.FAULT,
    m.fault_data(
        timestamp=1769955930.123,
        fault_type="pump_bearing_cage_defect",
        confidence=0.853,
        sensor_id="industrial_sensor_1",
        values={"motor_data.DE_temp": 46.39, "pump_data.DE_temp": 41.5},
    ),
    alert_id=7,
)

TWILIO_ENV = {
    "TWILIO_ACCOUNT_SID": "AC0123456789abcdef0123456789abcdef",
    "TWILIO_AUTH_TOKEN": "f00dfeedf00dfeed",
    "TWILIO_FROM_PHONE": "+15550100000",
}


def config(smtp_port: int | None = None, **delivery: Any) -> AlertsConfig:
    d = {"retry_initial": 0.1, "retry_max": 0.3, "attempt_timeout": 5.0, **delivery}
    # The receivers listen on loopback, which alerts.allow_private_targets refuses by default.
    tree: dict[str, Any] = {"delivery": d, "allow_private_targets": "all"}
    if smtp_port is not None:
        tree["smtp"] = {
            "host": "127.0.0.1",
            "port": smtp_port,
            "security": "insecure",
            "from_email": "alerts@plant.example",
        }
    return AlertsConfig.model_validate(tree)


@contextlib.asynccontextmanager
async def running(
    data: Path, cfg: AlertsConfig, environ: Mapping[str, str] | None = None
) -> AsyncIterator[tuple[DeliveryQueue, DeliveryWorker]]:
    outbox = DeliveryQueue(data, max_age=cfg.delivery.max_age)
    worker = DeliveryWorker(
        outbox, Sender(cfg, environ=environ or {}), cfg, ComponentHealth("alert-delivery", "sink")
    )
    task = asyncio.create_task(worker.run())
    try:
        yield outbox, worker
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        await worker.drain(5)
        worker.close()
        outbox.close()


async def deliver(
    outbox: DeliveryQueue,
    worker: DeliveryWorker,
    targets: list[Target],
    notice: m.Notice = NOTICE,
    event: str = "a1:opened",
) -> list[tuple[str, str]]:
    ids = await asyncio.to_thread(outbox.enqueue, event, notice.kind, notice, targets, alert="a1")
    worker.wake()
    return [await worker.wait_for(i, 30) for i in ids]


# -- email ------------------------------------------------------------------------------


async def test_email_reaches_a_real_smtp_server_with_starttls_and_login(tmp_path: Path) -> None:
    smtp = SmtpReceiver(tmp_path, login=("alerts@plant.example", "p@ss:w/rd %1"), starttls=True)
    smtp.start()
    try:
        cfg = AlertsConfig.model_validate(
            {
                "delivery": {"attempt_timeout": 5},
                "smtp": {
                    "host": "127.0.0.1",
                    "port": smtp.port,
                    "security": "starttls",
                    "verify_certificate": False,
                },  # a self-signed test certificate
            }
        )
        env = {
            "SMTP_USERNAME": "alerts@plant.example",
            "SMTP_PASSWORD": "p@ss:w/rd %1",
            "SMTP_FROM_EMAIL": "alerts@plant.example",
        }
        targets = [
            Target("email", "ops@plant.example", "u1"),
            Target("email", "boss@plant.example"),
        ]
        async with running(tmp_path, cfg, env) as (outbox, worker):
            outcomes = await deliver(outbox, worker, targets)
        assert [s for s, _ in outcomes] == ["sent", "sent"]
        mails = sorted(smtp.mails, key=lambda x: x.rcpt_tos[0])
        assert [x.rcpt_tos for x in mails] == [["boss@plant.example"], ["ops@plant.example"]]
        for mail in mails:
            assert mail.subject == "🚨 Fault Alert: pump_bearing_cage_defect"
            assert mail.mail_from == "alerts@plant.example"
            assert mail.message["From"] == "Aastreli <alerts@plant.example>"
            assert mail.message["To"] == mail.rcpt_tos[0]
            assert mail.message.get_content_type() == "multipart/alternative"
            assert mail.part("plain").strip() == m.email_text(NOTICE)
            assert mail.part("html").strip() == m.email_html(NOTICE)
            assert "Confidence: 85.3%" in mail.part("plain")
            assert re.fullmatch(r"a1:opened\|d\d+", str(mail.message[DELIVERY_HEADER]))
        assert len({x.message[DELIVERY_HEADER] for x in mails}) == 2
    finally:
        smtp.stop()


async def test_smtp_refusals_and_bad_addresses_are_given_up(tmp_path: Path) -> None:
    smtp = SmtpReceiver().start()
    smtp.reject.add("gone@plant.example")
    try:
        async with running(tmp_path, config(smtp.port)) as (outbox, worker):
            outcomes = await deliver(
                outbox,
                worker,
                [Target("email", "gone@plant.example"), Target("email", "not-an-address")],
            )
            rows = await asyncio.to_thread(outbox.for_event, "a1:opened")
        assert [s for s, _ in outcomes] == ["failed", "failed"]
        assert "SMTP 550" in outcomes[0][1]
        assert "not an email address" in outcomes[1][1]
        assert [r.attempts for r in rows] == [1, 1]
        assert smtp.mails == []
    finally:
        smtp.stop()


async def test_smtp_down_for_a_while_then_the_email_arrives_once(tmp_path: Path) -> None:
    port = free_port()
    smtp = SmtpReceiver(port=port)
    async with running(tmp_path, config(port)) as (outbox, worker):
        ids = await asyncio.to_thread(
            outbox.enqueue, "a1:opened", m.FAULT, NOTICE, [Target("email", "ops@plant.example")]
        )
        worker.wake()

        def attempts() -> int:
            d = outbox.get(ids[0])
            return d.attempts if d else 0

        await until(lambda: attempts() >= 3, what="three failed attempts while SMTP is down")
        row = outbox.get(ids[0])
        assert row is not None and row.state in ("pending", "sending")
        assert row.error is not None and "Connection error" in row.error
        smtp.start()
        try:
            state, _ = await worker.wait_for(ids[0], 20)
            await asyncio.sleep(0.5)  # would a second copy follow?
        finally:
            smtp.stop()
    assert state == "sent"
    assert len(smtp.mails) == 1
    assert smtp.mails[0].rcpt_tos == ["ops@plant.example"]


# -- webhook ----------------------------------------------------------------------------


async def test_webhook_receives_the_seeds_payload_field_by_field(tmp_path: Path) -> None:
    hook = HttpReceiver().start()
    try:
        async with running(tmp_path, config()) as (outbox, worker):
            outcomes = await deliver(
                outbox, worker, [Target("webhook", f"{hook.url}/api/hook?token=abc")]
            )
        assert outcomes == [("sent", "webhook: HTTP 200")]
        (req,) = hook.requests
        assert req.path == "/api/hook?token=abc"
        assert req.headers["Content-Type"] == "application/json"
        # An id to drop repeats by; never the URL (its token would go back to the receiver).
        assert re.fullmatch(r"a1:opened\|d\d+", req.headers[DELIVERY_HEADER])
        body = req.json()
        assert set(body) == {"alert_type", "fault_data", "message", "explanation"}
        assert body["alert_type"] == "fault_detected"
        fd = body["fault_data"]
        assert set(fd) == {
            "timestamp",
            "fault_type",
            "confidence",
            "sensor_id",
            "motor_temp",
            "pump_temp",
        }
        assert fd["timestamp"] == "2026-02-01T14:25:30.123Z"
        assert fd["fault_type"] == "pump_bearing_cage_defect"
        assert fd["confidence"] == 0.853
        assert fd["sensor_id"] == "industrial_sensor_1"
        assert fd["motor_temp"] == 46.39
        assert fd["pump_temp"] == 41.5
        assert body["message"] == m.email_text(NOTICE)
    finally:
        hook.stop()


async def test_passing_failures_are_retried_with_the_same_delivery_key(tmp_path: Path) -> None:
    hook = HttpReceiver(statuses=[503, 429, 500]).start()
    try:
        async with running(tmp_path, config()) as (outbox, worker):
            outcomes = await deliver(outbox, worker, [Target("webhook", f"{hook.url}/h")])
            (row,) = await asyncio.to_thread(outbox.for_event, "a1:opened")
        assert outcomes[0][0] == "sent"
        assert row.attempts == 4
        assert len(hook.requests) == 4
        assert len({r.headers[DELIVERY_HEADER] for r in hook.requests}) == 1
        times = [r.received for r in hook.requests]
        gaps = [b - a for a, b in itertools.pairwise(times)]
        assert all(g >= 0.07 for g in gaps)  # backoff (0.1 s +-20 %) between attempts
    finally:
        hook.stop()


async def test_webhook_4xx_and_bad_urls_are_permanent(tmp_path: Path) -> None:
    hook = HttpReceiver(statuses=[404]).start()
    try:
        async with running(tmp_path, config()) as (outbox, worker):
            outcomes = await deliver(
                outbox,
                worker,
                [
                    Target("webhook", f"{hook.url}/missing"),
                    Target("webhook", "ftp://x/y"),
                    Target("webhook", ""),
                ],
            )
        assert outcomes == [
            ("failed", "webhook: HTTP 404"),
            ("failed", "not an http(s) URL"),
            ("failed", "not an http(s) URL"),
        ]
        assert len(hook.requests) == 1
    finally:
        hook.stop()


async def test_undeliverable_is_given_up_after_max_age(tmp_path: Path) -> None:
    dead = f"http://127.0.0.1:{free_port()}/hook"
    async with running(tmp_path, config(max_age=1.0)) as (outbox, worker):
        t0 = time.monotonic()
        ((state, detail),) = await deliver(outbox, worker, [Target("webhook", dead)])
        elapsed = time.monotonic() - t0
        (row,) = await asyncio.to_thread(outbox.for_event, "a1:opened")
    assert state == "expired"
    assert detail.startswith(f"given up after {row.attempts} attempt(s): connection failed")
    assert row.attempts >= 3
    assert elapsed >= 0.9


async def test_apprise_url_target(tmp_path: Path) -> None:
    # Any Apprise URL works; json:// to a local server shows what was sent.
    hook = HttpReceiver().start()
    try:
        async with running(tmp_path, config()) as (outbox, worker):
            outcomes = await deliver(
                outbox, worker, [Target("apprise", f"json://127.0.0.1:{hook.port}/notify")]
            )
        assert outcomes[0][0] == "sent"
        body = hook.requests[0].json()
        assert hook.requests[0].path == "/notify"
        assert body["title"] == "🚨 Fault Alert: pump_bearing_cage_defect"
        assert body["message"] == m.email_text(NOTICE)
        assert body["type"] == "failure"
    finally:
        hook.stop()


async def test_bad_apprise_url_is_permanent(tmp_path: Path) -> None:
    async with running(tmp_path, config()) as (outbox, worker):
        outcomes = await deliver(outbox, worker, [Target("apprise", "nosuchscheme://x")])
    assert outcomes == [("failed", "not a valid Apprise URL")]


# -- Slack and Twilio at the transport layer --------------------------------------------

SLACK = "https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/abcdefghijklmnopqrstuvwx"


async def test_slack_blocks_through_apprise(tmp_path: Path) -> None:
    with capture_http(lambda c: (200, b"ok")) as seen:
        async with running(tmp_path, config()) as (outbox, worker):
            outcomes = await deliver(outbox, worker, [Target("slack", SLACK)])
    assert outcomes[0][0] == "sent"
    (req,) = seen
    assert (req.method, req.url) == ("POST", SLACK)
    assert req.headers["Content-Type"].startswith("application/json")
    att = json.loads(req.body)["attachments"][0]
    header, section, *_ = att["blocks"]
    assert header == {
        "type": "header",
        "text": {"type": "plain_text", "emoji": True, "text": "🚨 Aastreli Fault Detected"},
    }
    assert section["type"] == "section" and section["text"]["type"] == "mrkdwn"
    assert section["text"]["text"].split("\n")[:4] == [
        "*Fault Type:* pump_bearing_cage_defect",
        "*Confidence:* 85.3%",
        "*Sensor ID:* industrial_sensor_1",
        "*Timestamp:* 2026-02-01T14:25:30.123Z",
    ]
    assert "Please investigate immediately." in section["text"]["text"]
    assert att["color"].startswith("#")


async def test_slack_resolution_has_another_colour_and_404_is_permanent(tmp_path: Path) -> None:
    resolved = m.Notice(m.RESOLVED, NOTICE.fault_data, opened_at="2026-02-01T14:20:00.000Z")
    with capture_http(lambda c: (200, b"ok")) as seen:
        async with running(tmp_path, config()) as (outbox, worker):
            await deliver(outbox, worker, [Target("slack", SLACK)])
            await deliver(outbox, worker, [Target("slack", SLACK)], resolved, "a1:resolved")
    fault, ok = (json.loads(r.body)["attachments"][0] for r in seen)
    assert ok["blocks"][0]["text"]["text"] == "✅ Aastreli Fault Resolved"
    assert ok["color"] != fault["color"]
    with capture_http(lambda c: (404, b"channel_not_found")) as seen:
        async with running(tmp_path / "b", config()) as (outbox, worker):
            outcomes = await deliver(outbox, worker, [Target("slack", SLACK)])
    assert outcomes[0][0] == "failed" and "HTTP 404" in outcomes[0][1]
    assert len(seen) == 1


def _twilio_answer(c: Captured) -> tuple[int, bytes]:
    return 201, json.dumps({"sid": "SM123", "status": "queued"}).encode()


async def test_twilio_sms_request(tmp_path: Path) -> None:
    with capture_http(_twilio_answer) as seen:
        async with running(tmp_path, config(), TWILIO_ENV) as (outbox, worker):
            outcomes = await deliver(outbox, worker, [Target("sms", "+1 (555) 010-0199")])
    assert outcomes[0][0] == "sent"
    (req,) = seen
    sid = TWILIO_ENV["TWILIO_ACCOUNT_SID"]
    assert req.method == "POST"
    assert req.url == f"https://api.twilio.com/2010-04-01/Accounts/{sid}/Messages.json"
    form = {k: v[0] for k, v in parse_qs(req.body.decode()).items()}
    assert form == {"From": "+15550100000", "To": "+15550100199", "Body": m.sms_text(NOTICE)}
    basic = base64.b64decode(req.headers["Authorization"].removeprefix("Basic ")).decode()
    user, _, password = basic.partition(":")
    assert (user, password) == (sid, TWILIO_ENV["TWILIO_AUTH_TOKEN"])


async def test_twilio_errors_are_classified(tmp_path: Path) -> None:
    answers = iter(
        [
            (400, json.dumps({"code": 21211, "message": "Invalid 'To' number"})),
            (503, json.dumps({"code": 20503, "message": "Service unavailable"})),
            (201, json.dumps({"sid": "SM1"})),
        ]
    )

    def answer(c: Captured) -> tuple[int, bytes]:
        status, body = next(answers)
        return status, body.encode()

    with capture_http(answer) as seen:
        async with running(tmp_path, config(), TWILIO_ENV) as (outbox, worker):
            bad = await deliver(outbox, worker, [Target("sms", "+15550100001")], event="e1")
            later = await deliver(outbox, worker, [Target("sms", "+15550100002")], event="e2")
    assert bad[0][0] == "failed" and "Invalid 'To' number" in bad[0][1]
    assert later[0][0] == "sent"
    assert len(seen) == 3


async def test_bad_phone_number_never_reaches_twilio(tmp_path: Path) -> None:
    with capture_http(_twilio_answer) as seen:
        async with running(tmp_path, config(), TWILIO_ENV) as (outbox, worker):
            outcomes = await deliver(outbox, worker, [Target("sms", "call the boss")])
    assert outcomes[0][0] == "failed"
    assert seen == []


# -- no credentials, secrets ------------------------------------------------------------


async def test_without_credentials_deliveries_are_skipped_and_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="gateway.alerts")
    async with running(tmp_path, config()) as (outbox, worker):
        outcomes = await deliver(
            outbox, worker, [Target("email", "ops@plant.example"), Target("sms", "+15550100199")]
        )
    assert [s for s, _ in outcomes] == ["skipped", "skipped"]
    assert "SMTP_HOST" in outcomes[0][1] and "TWILIO_ACCOUNT_SID" in outcomes[1][1]
    text = caplog.text
    assert (
        "would have sent email to ops@plant.example: 🚨 Fault Alert: pump_bearing_cage_defect"
    ) in text
    assert "would have sent sms to +15550100199: 🚨 Fault: pump_bearing_cage_defect" in text


async def test_secrets_in_targets_never_reach_the_logs(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    hook = HttpReceiver(statuses=[500, 500, 404, 404]).start()
    try:
        async with running(tmp_path, config()) as (outbox, worker):
            outcomes = await deliver(
                outbox,
                worker,
                [
                    Target("webhook", f"{hook.url}/hooks/S3CRETPATHTOKEN"),
                    Target("apprise", f"json://admin:S3CRETPASSWORD@127.0.0.1:{hook.port}/x"),
                ],
            )
            shown = await asyncio.to_thread(DeliveryLog(tmp_path).deliveries, ["a1"])
    finally:
        hook.stop()
    assert {s for s, _ in outcomes} == {"failed"}
    assert "S3CRET" not in caplog.text
    # What the web UI's read model reads of the deliveries (gateway.read.alerts).
    assert len(shown) == 2 and "S3CRET" not in json.dumps(shown)
    assert "127.0.0.1" in caplog.text  # the masked form is there


# -- queue behaviour --------------------------------------------------------------------


async def test_concurrency_is_bounded_per_channel(tmp_path: Path) -> None:
    hook = HttpReceiver(delay=0.3).start()
    try:
        async with running(tmp_path, config(concurrency=4)) as (outbox, worker):
            targets = [Target("webhook", f"{hook.url}/{i}") for i in range(6)]
            outcomes = await deliver(outbox, worker, targets)
        assert [s for s, _ in outcomes] == ["sent"] * 6
        assert hook.max_inflight == 2  # half the slots; the others stay free for other channels
    finally:
        hook.stop()


async def test_a_hung_smtp_server_does_not_hold_up_webhooks(tmp_path: Path) -> None:
    tarpit = socket.socket()  # accepts connections, never greets: each attempt hangs
    tarpit.bind(("127.0.0.1", 0))
    tarpit.listen(64)
    hook = HttpReceiver().start()
    try:
        cfg = config(tarpit.getsockname()[1], concurrency=4, attempt_timeout=3)
        async with running(tmp_path, cfg) as (outbox, worker):
            emails = [Target("email", f"ops{i}@plant.example") for i in range(6)]
            await asyncio.to_thread(outbox.enqueue, "e1", m.FAULT, NOTICE, emails)
            worker.wake()
            await until(lambda: outbox.counts().get("sending", 0) == 2, what="2 emails hang")
            outcomes = await deliver(
                outbox, worker, [Target("webhook", f"{hook.url}/{i}") for i in range(5)], event="e2"
            )
            still = outbox.counts().get("sending", 0)
        assert [s for s, _ in outcomes] == ["sent"] * 5
        assert still == 2  # the webhooks went out while both email attempts still hung
    finally:
        hook.stop()
        tarpit.close()


def test_one_event_reaches_one_address_once(tmp_path: Path) -> None:
    outbox = DeliveryQueue(tmp_path)
    try:
        a = outbox.enqueue(
            "e1",
            m.FAULT,
            NOTICE,
            [Target("email", "Ops@x.org", "u1"), Target("email", "ops@x.org", "u2")],
        )
        b = outbox.enqueue("e1", m.FAULT, NOTICE, [Target("email", "ops@x.org", "u3")])
        c = outbox.enqueue("e2", m.FAULT, NOTICE, [Target("email", "ops@x.org", "u3")])
        assert (len(a), b, len(c)) == (1, [], 1)
        assert outbox.has_event("e1") and not outbox.has_event("e3")
        assert outbox.for_event("e1")[0].user == "u1"
    finally:
        outbox.close()


def test_an_interrupted_attempt_is_sent_again_after_restart(tmp_path: Path) -> None:
    outbox = DeliveryQueue(tmp_path)
    (i,) = outbox.enqueue("e1", m.FAULT, NOTICE, [Target("webhook", "http://x/")])
    assert outbox.claim(i) and not outbox.claim(i)
    outbox.close()
    again = DeliveryQueue(tmp_path)
    try:
        assert again.interrupted == 1
        d = again.get(i)
        assert d is not None and (d.state, d.attempts) == ("pending", 1)
        assert d.notice == NOTICE
    finally:
        again.close()


def test_finished_deliveries_are_pruned_after_keep_days(tmp_path: Path) -> None:
    outbox = DeliveryQueue(tmp_path, keep_days=1)
    try:
        now = time.time()
        ids = outbox.enqueue(
            "old",
            m.FAULT,
            NOTICE,
            [Target("webhook", "http://a/"), Target("webhook", "http://b/")],
            now=now,
        )
        outbox.claim(ids[0])
        outbox.finish(ids[0], "sent", now=now - 2 * 86400)
        assert outbox.prune(now) == 1
        assert [d.id for d in outbox.for_event("old")] == [ids[1]]  # pending is kept
    finally:
        outbox.close()


# -- a kill with deliveries pending -----------------------------------------------------


def _spawn_worker(data: Path, cfg: AlertsConfig) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.support.alerts", "worker", str(data), cfg.model_dump_json()],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


def _states(data: Path) -> dict[str, list[tuple[str, int]]]:
    db = sqlite3.connect(data / "alerts.sqlite3", timeout=10)
    try:
        rows = db.execute(
            "SELECT target_type, state, attempts FROM deliveries ORDER BY id"
        ).fetchall()
    finally:
        db.close()
    out: dict[str, list[tuple[str, int]]] = {}
    for kind, state, attempts in rows:
        out.setdefault(kind, []).append((state, attempts))
    return out


@pytest.mark.slow
def test_killed_with_deliveries_pending_they_arrive_after_restart_once(tmp_path: Path) -> None:
    n = 5
    smtp_port = free_port()
    hook = HttpReceiver().start()
    smtp = SmtpReceiver(port=smtp_port)
    cfg = config(smtp_port)
    outbox = DeliveryQueue(tmp_path)  # the gateway's side: events queued before any attempt
    for i in range(n):
        outbox.enqueue(
            f"alert{i}:opened",
            m.FAULT,
            NOTICE,
            [Target("webhook", f"{hook.url}/hook"), Target("email", "ops@plant.example")],
        )
    outbox.close()
    proc = _spawn_worker(tmp_path, cfg)
    try:
        # Webhooks go out; email waits for an SMTP server that is down.
        deadline = time.monotonic() + 30
        while True:
            s = _states(tmp_path)
            if all(st == "sent" for st, _ in s["webhook"]) and all(
                st == "pending" and a >= 1 for st, a in s["email"]
            ):
                break
            assert time.monotonic() < deadline, s
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        assert len(hook.requests) == n
        smtp.start()
        proc = _spawn_worker(tmp_path, cfg)
        smtp.wait(n, timeout=30)
        time.sleep(1.0)  # give a duplicate the chance to show up
        s = _states(tmp_path)
        assert [st for st, _ in s["email"]] == ["sent"] * n
        assert [st for st, _ in s["webhook"]] == ["sent"] * n
    finally:
        proc.kill()
        proc.wait(10)
        smtp.stop()
        hook.stop()
    assert len(smtp.mails) == n  # each pending email once
    assert len(hook.requests) == n  # no webhook sent again
    keys = [x.message[DELIVERY_HEADER] for x in smtp.mails]
    assert len(set(keys)) == n
