"""The upstream sink against a real mosquitto as the cloud broker.

Payload shape and batching, alerts, MQTT 3.1.1 and 5, TLS with a client certificate,
username/password, a broker restart, a PUBACK refusal (ACL, MQTT 5), the overflow
policy with a tiny budget, and the status topic's birth and last will.
"""

from __future__ import annotations

import asyncio
import functools
import json
import signal
import subprocess
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from gateway.config.upstream import UpstreamConfig
from gateway.events import EventHub
from gateway.features import PLANT_FEATURES
from gateway.health import HealthRegistry
from gateway.records import Prediction, Reading, Scored
from gateway.upstream.sink import UpstreamSink
from tests.support import wait
from tests.support.mosquitto import Mosquitto
from tests.support.upstream import (
    MOSQUITTO_SUB,
    Collector,
    GatewayProcess,
    keep_root,
    make_certs,
    persistent_broker_extra,
    streams,
    write_gateway_config,
)

GW = "gw-test"
PROBS = (0.9, 0.02, 0.02, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01)


def scored(asset: str, n: int, label: str = "normal") -> Scored:
    values = {f: round(n * 0.01 + i, 3) for i, f in enumerate(PLANT_FEATURES)}
    values["test.n"] = float(n)
    now = time.time()
    return Scored(
        Reading(asset, now, values, source="test", received=now),
        Prediction(label, 0.9, PROBS, "pump_motor"),
    )


class Running:
    """An UpstreamSink running on the test's loop, with its health."""

    def __init__(self, data_dir: Path, events: EventHub | None = None, **cfg: Any) -> None:
        self.health = HealthRegistry()
        self.config = UpstreamConfig(enabled=True, **cfg)
        self.sink = UpstreamSink(
            self.config,
            gateway_id=GW,
            data_dir=data_dir,
            health=self.health.register("upstream", "sink", "mqtt"),
            link_health=self.health.register("upstream-link", "sink", "mqtt"),
            events=events,
        )
        self.task: asyncio.Task[None] | None = None

    @property
    def link(self) -> Any:
        return self.health.get("upstream-link")

    async def __aenter__(self) -> Running:
        self.task = asyncio.create_task(self.sink.run())
        await until(lambda: self.sink.forwarder is not None)
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self.task is not None
        self.task.cancel()
        await asyncio.gather(self.task, return_exceptions=True)


until = functools.partial(wait.until, within=20.0)


@pytest.fixture
def collector(mosquitto: Mosquitto) -> Iterator[Collector]:
    c = Collector(mosquitto.port).start()
    yield c
    c.stop()


@pytest.fixture
async def persistent(tmp_path: Path) -> AsyncIterator[Mosquitto]:
    """A broker that keeps the collector's session and queue across a restart."""
    work = tmp_path / "cloud"
    broker = Mosquitto(work, extra=persistent_broker_extra(work)).start()
    yield broker
    broker.stop()


def telemetry(c: Collector) -> list[dict[str, Any]]:
    return [m for _, m in c.json(f"aastreli/{GW}/telemetry/")]


@pytest.mark.parametrize("protocol", ["3.1.1", "5"])
async def test_readings_arrive_in_the_seed_shape_batched_per_asset(
    tmp_path: Path, mosquitto: Mosquitto, collector: Collector, protocol: str
) -> None:
    async with Running(
        tmp_path, port=mosquitto.port, protocol=protocol, batch_max_readings=7, probabilities=True
    ) as run:
        for n in range(1, 41):
            run.sink.offer([scored("pump_1", n), scored("pump_2", n)])
            if n % 10 == 0:
                await asyncio.sleep(0.01)
        await until(lambda: sum(len(m["readings"]) for m in telemetry(collector)) == 80)
        assert run.sink.outbox is not None
        await until(lambda: run.sink.outbox.messages == 0)
        assert run.link.sent == len(telemetry(collector))
        assert run.sink.depth == 0

    topics = {t for t, _ in collector.snapshot() if "/telemetry/" in t}
    assert topics == {f"aastreli/{GW}/telemetry/pump_1", f"aastreli/{GW}/telemetry/pump_2"}
    for asset in ("pump_1", "pump_2"):
        msgs = [m for m in telemetry(collector) if m["sensor_id"] == asset]
        assert [m["seq"] for m in msgs] == list(range(1, len(msgs) + 1))
        assert all(1 <= len(m["readings"]) <= 7 for m in msgs)
        assert len(msgs) >= 6  # 40 readings, at most 7 a message
        readings = [r for m in msgs for r in m["readings"]]
        assert [r["pump_data"]["flow"] for r in readings] == [
            round(n * 0.01 + 19, 3) for n in range(1, 41)
        ]
        r = readings[0]
        assert r["sensor_id"] == asset and r["timestamp"].endswith("Z")
        assert set(r["motor_data"]) == {
            f.split(".")[1] for f in PLANT_FEATURES if f.startswith("motor_data.")
        }
        assert r["prediction"] == {
            "label": "normal",
            "confidence": 0.9,
            "probabilities": list(PROBS),
        }
        assert msgs[0]["gateway_id"] == GW and len(msgs[0]["id"]) == 32
    assert len({m["id"] for m in telemetry(collector)}) == len(telemetry(collector))
    # The status topic: the birth message, and the clean stop's "offline".
    status = [p for t, p in collector.snapshot() if t == f"aastreli/{GW}/status"]
    assert status == [b"online", b"offline"]


async def test_message_size_limit_splits_messages(
    tmp_path: Path, mosquitto: Mosquitto, collector: Collector
) -> None:
    async with Running(tmp_path, port=mosquitto.port, batch_max_bytes=2048) as run:
        run.sink.offer([scored("pump_1", n) for n in range(50)])
        await until(lambda: sum(len(m["readings"]) for m in telemetry(collector)) == 50)
    sizes = [len(p) for t, p in collector.snapshot() if "/telemetry/" in t]
    assert len(sizes) >= 10 and max(sizes) <= 2048 + 100  # id and seq are added after


async def test_alert_events_go_to_the_alerts_topic(
    tmp_path: Path, mosquitto: Mosquitto, collector: Collector
) -> None:
    hub = EventHub()
    async with Running(tmp_path, events=hub, port=mosquitto.port):
        alert = {"id": 7, "sensor_id": "pump_1", "fault": "cavitation", "confidence": 0.93}
        hub.publish("alert.opened", alert)
        hub.publish("alert.resolved", {**alert, "resolved_at": 1.0})
        hub.publish("model.changed", {"name": "x"})  # not an alert: ignored
        await until(lambda: len(collector.json(f"aastreli/{GW}/alerts/")) == 2)
    got = collector.json(f"aastreli/{GW}/alerts/")
    assert {t for t, _ in got} == {f"aastreli/{GW}/alerts/pump_1"}
    assert [(m["event"], m["seq"], m["alert"]["fault"]) for _, m in got] == [
        ("opened", 1, "cavitation"),
        ("resolved", 2, "cavitation"),
    ]


async def test_broker_restart_loses_nothing_and_keeps_order(
    tmp_path: Path, persistent: Mosquitto
) -> None:
    collector = Collector(persistent.port).start()
    try:
        async with Running(tmp_path, port=persistent.port, linger_ms=5) as run:
            n = 0
            for phase in range(3):
                for _ in range(60):
                    n += 1
                    run.sink.offer([scored("pump_1", n), scored("pump_2", n)])
                    await asyncio.sleep(0.01)
                if phase == 0:
                    persistent.stop()
                    await until(lambda: run.link.state == "down", what="link down")
                elif phase == 1:
                    assert run.sink.outbox is not None and run.sink.outbox.messages > 0
                    persistent.start()
            assert run.sink.outbox is not None
            await until(lambda: run.sink.outbox.messages == 0, what="outbox drained")

            await until(
                lambda: sum(len(m["readings"]) for m in telemetry(collector)) >= 2 * n,
                what="all readings at the collector",
            )
        order, dups, seen = streams(collector.snapshot_dup(), f"aastreli/{GW}/telemetry/")
        for asset, seqs in order.items():
            assert seqs == list(range(1, len(seqs) + 1)), f"{asset} out of order or with a gap"
            values = [r["test"]["n"] for s in seqs for r in json.loads(seen[asset][s])["readings"]]
            assert values == [float(i) for i in range(1, n + 1)]
        assert dups <= run.link.extra["resent_total"]
    finally:
        collector.stop()


async def test_tiny_budget_drops_the_oldest_counts_them_and_delivers_the_newest(
    tmp_path: Path, persistent: Mosquitto
) -> None:
    collector = Collector(persistent.port).start()
    persistent.stop()  # the link is down from the start: everything goes to the outbox
    try:
        async with Running(tmp_path, port=persistent.port, max_mb=0.02, linger_ms=0) as run:
            for n in range(1, 201):
                run.sink.offer([scored("pump_1", n)])
                await asyncio.sleep(0.002)
            await until(lambda: run.sink.health.sent == 200)
            ob = run.sink.outbox
            assert ob is not None
            assert ob.bytes <= ob.max_bytes
            dropped_msgs, dropped_readings = ob.dropped_messages, ob.dropped_readings
            assert dropped_msgs > 0 and run.link.dropped == dropped_msgs
            assert run.sink.health.dropped == dropped_readings
            kept = ob.readings
            assert kept + dropped_readings == 200
            persistent.start()
            await until(lambda: ob.messages == 0, what="outbox drained")
            await until(lambda: sum(len(m["readings"]) for m in telemetry(collector)) == kept)
        msgs = telemetry(collector)
        seqs = [m["seq"] for m in msgs]
        # The newest arrive, contiguous up to the last; the gap before them is the drop.
        assert seqs == list(range(seqs[0], seqs[-1] + 1)) and seqs[0] == dropped_msgs + 1
        ns = [r["test"]["n"] for m in msgs for r in m["readings"]]
        assert ns == [float(i) for i in range(201 - kept, 201)]
    finally:
        collector.stop()


async def test_mqtt5_puback_refusal_is_not_a_delivery(tmp_path: Path) -> None:
    acl = tmp_path / "acl"
    # Anonymous clients (lines before any "user"): pump_2's telemetry is not allowed.
    acl.write_text(
        f"topic readwrite collector/#\ntopic write aastreli/{GW}/status\n"
        f"topic write aastreli/{GW}/telemetry/pump_1\ntopic read #\n"
    )
    acl.chmod(0o644)
    broker = Mosquitto(tmp_path / "cloud", extra=keep_root() + f"acl_file {acl}\n").start()
    collector = Collector(broker.port).start()
    try:
        async with Running(tmp_path, port=broker.port, protocol="5", retry_refused_s=0.5) as run:
            run.sink.offer([scored("pump_1", 1), scored("pump_2", 1)])
            fw, ob = run.sink.forwarder, run.sink.outbox
            assert fw is not None and ob is not None
            await until(lambda: fw.refused >= 1)
            await until(lambda: len(telemetry(collector)) == 1)
            assert telemetry(collector)[0]["sensor_id"] == "pump_1"
            await until(lambda: ob.messages == 1)  # pump_1's is deleted, pump_2's is kept
            assert run.link.errors >= 1 and "0x87" in (run.link.last_error or "")
            assert run.link.sent == 1
            # The ACL is lifted (SIGHUP reloads it): the kept message goes on its next try.
            acl.write_text("topic readwrite #\n")
            assert broker.proc is not None
            broker.proc.send_signal(signal.SIGHUP)
            await until(lambda: ob.messages == 0, what="refused message delivered")
            await until(lambda: len(telemetry(collector)) == 2)
        assert {m["sensor_id"] for m in telemetry(collector)} == {"pump_1", "pump_2"}
    finally:
        collector.stop()
        broker.stop()


async def test_tls_with_a_client_certificate(tmp_path: Path) -> None:
    certs = make_certs(tmp_path / "certs")
    broker = Mosquitto(
        tmp_path / "cloud",
        tls={
            "ca_file": certs["ca_file"],
            "cert_file": certs["server_cert"],
            "key_file": certs["server_key"],
            "require_certificate": "true",
        },
        extra=keep_root(),
    ).start()
    collector = Collector(broker.port).start()
    try:
        tls = {
            "ca_file": certs["ca_file"],
            "cert_file": certs["client_cert"],
            "key_file": certs["client_key"],
        }
        async with Running(tmp_path / "a", host="127.0.0.1", port=broker.tls_port, tls=tls) as run:
            run.sink.offer([scored("pump_1", 1)])
            await until(lambda: len(telemetry(collector)) == 1)
            assert run.link.state == "up"
        # Without the client certificate the broker refuses the handshake.
        async with Running(
            tmp_path / "b", port=broker.tls_port, tls={"ca_file": certs["ca_file"]}
        ) as run:
            await until(lambda: run.link.errors >= 1)
            assert run.link.state != "up"
        # A broker whose certificate the CA did not sign is not trusted.
        other = make_certs(tmp_path / "other")
        async with Running(
            tmp_path / "c",
            port=broker.tls_port,
            tls={
                "ca_file": other["ca_file"],
                "cert_file": other["client_cert"],
                "key_file": other["client_key"],
            },
        ) as run:
            await until(lambda: run.link.errors >= 1)
            assert "certificate" in (run.link.last_error or "").lower()
    finally:
        collector.stop()
        broker.stop()


async def test_username_and_password(tmp_path: Path) -> None:
    pw = tmp_path / "passwd"
    pw.write_text("")
    # A short setup step before the loop has anything else to do.
    subprocess.run(["mosquitto_passwd", "-b", str(pw), "gateway", "s3cret"], check=True)  # noqa: ASYNC221
    pw.chmod(0o644)
    broker = Mosquitto(tmp_path / "cloud", password_file=str(pw), extra=keep_root()).start()
    try:
        async with Running(
            tmp_path / "a", port=broker.port, username="gateway", password="wrong"
        ) as run:
            await until(lambda: run.link.errors >= 1)
            assert "refused" in (run.link.last_error or "")
        async with Running(
            tmp_path / "b", port=broker.port, username="gateway", password="s3cret"
        ) as run:
            await until(lambda: run.link.state == "up")
            run.sink.offer([scored("pump_1", 1)])
            assert run.sink.outbox is not None
            await until(lambda: run.link.sent == 1)
    finally:
        broker.stop()


def retained_status(port: int) -> bytes:
    out = subprocess.run(
        [
            MOSQUITTO_SUB,
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
            "-t",
            f"aastreli/{GW}/status",
            "-C",
            "1",
            "-W",
            "5",
        ],
        capture_output=True,
        check=False,
    )
    return out.stdout.strip()


def test_the_last_will_says_offline_when_the_gateway_dies(
    tmp_path: Path, mosquitto: Mosquitto
) -> None:
    cfg = write_gateway_config(
        tmp_path / "gw.yaml", tmp_path / "data", {"port": mosquitto.port, "keepalive": 5}
    )
    gw = GatewayProcess(cfg, rate=30, assets=1, run=1, log=tmp_path / "gw.log").start()
    try:
        deadline = time.monotonic() + 20
        while retained_status(mosquitto.port) != b"online" and time.monotonic() < deadline:
            time.sleep(0.2)
        assert retained_status(mosquitto.port) == b"online"
        gw.kill()
        # The broker sees the socket close and publishes the will, retained.
        deadline = time.monotonic() + 20
        while retained_status(mosquitto.port) != b"offline" and time.monotonic() < deadline:
            time.sleep(0.2)
        assert retained_status(mosquitto.port) == b"offline"
    finally:
        if gw.proc and gw.proc.poll() is None:
            gw.kill()
