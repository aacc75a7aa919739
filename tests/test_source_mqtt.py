"""The MQTT source against a real mosquitto: payload modes, QoS, sessions, TLS, outages."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import ipaddress
import itertools
import json
import logging
import math
import os
import signal
import subprocess
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import gmqtt
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from hypothesis import given
from hypothesis import strategies as st

from gateway.config.sources import MqttSourceConfig
from gateway.health import ComponentHealth
from gateway.records import Reading
from gateway.sources.base import SourceError
from gateway.sources.mqtt import MqttSource
from gateway.supervisor import supervise
from tests.support.mosquitto import Mosquitto
from tests.support.tcpproxy import TcpProxy
from tests.support.wait import until

pytestmark = pytest.mark.timeout(90)

# mosquitto started as root drops to its own user, which cannot read files in pytest's
# private tmp folders (password file, certificates); keep root in that case.
AS_ROOT = "user root\n" if os.geteuid() == 0 else ""

SEED = {
    "sensor_id": "industrial_sensor_1",
    "timestamp": "2026-02-01T14:25:30.123Z",
    "motor_data": {"DE_temp": 61.5, "NDE_temp": 58.25, "current": 41.0},
    "pump_data": {"flow": 120.5, "suction_pressure": 1.25},
}


# -- helpers ---------------------------------------------------------------------------


class Collector:
    """The pipeline's side of ``emit``: keeps every batch."""

    def __init__(self) -> None:
        self.batches: list[list[Reading]] = []

    def __call__(self, batch: list[Reading]) -> None:
        self.batches.append(batch)

    @property
    def readings(self) -> list[Reading]:
        return [r for b in self.batches for r in b]


def make_source(
    tmp_path: Path, port: int, **kw: Any
) -> tuple[MqttSource, Collector, ComponentHealth]:
    cfg = MqttSourceConfig(name=kw.pop("name", "plant-mqtt"), port=port, **kw)
    out = Collector()
    health = ComponentHealth(cfg.name, "source")
    return MqttSource(cfg, out, health, data_dir=tmp_path / "data"), out, health


@contextlib.asynccontextmanager
async def running(source: MqttSource, health: ComponentHealth) -> AsyncIterator[None]:
    task = asyncio.create_task(supervise(source.run, health))
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


@contextlib.asynccontextmanager
async def publisher(port: int, version: int = gmqtt.constants.MQTTv50) -> AsyncIterator[Any]:
    client = gmqtt.Client(f"test-pub-{uuid.uuid4().hex[:8]}")
    await client.connect("127.0.0.1", port, version=version)
    try:
        yield client
    finally:
        await client.disconnect()


# -- payload modes -----------------------------------------------------------------------


@pytest.mark.parametrize("protocol", ["3.1.1", "5"])
async def test_seed_payload_over_wildcards_qos1(
    tmp_path: Path, mosquitto: Mosquitto, protocol: str
) -> None:
    source, out, health = make_source(
        tmp_path,
        mosquitto.port,
        protocol=protocol,
        qos=1,
        topics=["sensors/+/data", "plant/#"],
    )
    async with running(source, health):
        await until(lambda: health.state == "up", what="source up")
        async with publisher(mosquitto.port) as pub:
            pub.publish("sensors/pump-1/data", json.dumps(SEED), qos=1)
            pub.publish("plant/area-2/pump-7", json.dumps({**SEED, "sensor_id": "p7"}), qos=1)
            pub.publish("other/topic", json.dumps(SEED), qos=1)  # not subscribed
            await until(lambda: len(out.readings) >= 2, what="two readings")
            await asyncio.sleep(0.2)
    assert len(out.readings) == 2
    first, second = out.readings
    assert first.sensor_id == "industrial_sensor_1"
    assert second.sensor_id == "p7"
    expected_ts = dt.datetime(2026, 2, 1, 14, 25, 30, 123000, tzinfo=dt.UTC).timestamp()
    assert first.timestamp == pytest.approx(expected_ts)
    assert first.values == {
        "motor_data.DE_temp": 61.5,
        "motor_data.NDE_temp": 58.25,
        "motor_data.current": 41.0,
        "pump_data.flow": 120.5,
        "pump_data.suction_pressure": 1.25,
    }
    assert first.source == "plant-mqtt" and first.bad == ()
    assert abs(first.received - time.time()) < 10
    assert health.received == 2 and health.malformed == 0


async def test_seed_without_timestamp_uses_receive_time(
    tmp_path: Path, mosquitto: Mosquitto
) -> None:
    source, out, health = make_source(tmp_path, mosquitto.port, qos=0)
    payload = {k: v for k, v in SEED.items() if k != "timestamp"}
    payload["motor_data"] = {"DE_temp": 60.0, "current": float("nan")}
    async with running(source, health):
        await until(lambda: health.state == "up")
        async with publisher(mosquitto.port) as pub:
            before = time.time()
            pub.publish("sensors/x", json.dumps(payload), qos=0)  # NaN is valid in Python's JSON
            await until(lambda: len(out.readings) == 1)
    (r,) = out.readings
    assert before - 1 <= r.timestamp <= time.time()
    assert r.timestamp == r.received
    assert r.values["motor_data.DE_temp"] == 60.0
    assert "motor_data.current" not in r.values and r.bad == ("motor_data.current",)


async def test_json_payload_with_field_paths(tmp_path: Path, mosquitto: Mosquitto) -> None:
    source, out, health = make_source(
        tmp_path,
        mosquitto.port,
        payload="json",
        topics=["site/+/telemetry"],
        sensor_id_field="device.id",
        timestamp_field="ts",
        fields={
            "m.bearing.de": "motor_data.DE_temp",
            "m.amps": "motor_data.current",
            "p.flow": "pump_data.flow",
            "p.vib.0": "pump_data.DE_vib_rms",
        },
    )
    doc = {
        "device": {"id": "pump-3"},
        "ts": 1_767_225_600_000,  # epoch milliseconds
        "m": {"bearing": {"de": 55}, "amps": None},
        "p": {"flow": 99.5, "vib": [2.5, 3.0]},
    }
    batch = [
        {**doc, "device": {"id": "pump-4"}, "ts": "2026-01-01T00:00:01+01:00"},
        {**doc, "device": {"id": "pump-5"}},
    ]
    async with running(source, health):
        await until(lambda: health.state == "up")
        async with publisher(mosquitto.port) as pub:
            pub.publish("site/a/telemetry", json.dumps(doc), qos=1)
            pub.publish("site/b/telemetry", json.dumps(batch), qos=1)
            await until(lambda: len(out.readings) == 3)
    one, four, five = out.readings
    assert one.sensor_id == "pump-3"
    assert one.timestamp == 1_767_225_600.0
    assert one.values == {
        "motor_data.DE_temp": 55.0,
        "pump_data.flow": 99.5,
        "pump_data.DE_vib_rms": 2.5,
    }
    assert one.bad == ("motor_data.current",)  # null in a mapped field: a bad point
    assert four.sensor_id == "pump-4"
    assert four.timestamp == dt.datetime(2025, 12, 31, 23, 0, 1, tzinfo=dt.UTC).timestamp()
    assert five.sensor_id == "pump-5"


async def test_json_payload_asset_from_topic_level(tmp_path: Path, mosquitto: Mosquitto) -> None:
    source, out, health = make_source(
        tmp_path,
        mosquitto.port,
        payload="json",
        topics=["plant/#"],
        sensor_id_segment=-2,
        timestamp_field=None,
        fields={"t": "motor_data.DE_temp"},
    )
    async with running(source, health):
        await until(lambda: health.state == "up")
        async with publisher(mosquitto.port) as pub:
            pub.publish("plant/hall/pump-9/json", json.dumps({"t": 70, "timestamp": 5}), qos=1)
            await until(lambda: len(out.readings) == 1)
    (r,) = out.readings
    assert r.sensor_id == "pump-9"
    assert r.timestamp == r.received  # timestamp_field null: the payload's is ignored
    assert r.values == {"motor_data.DE_temp": 70.0}


async def test_number_payload_per_topic(tmp_path: Path, mosquitto: Mosquitto) -> None:
    source, out, health = make_source(
        tmp_path,
        mosquitto.port,
        payload="number",
        topics=["plant/+/+/+"],
        sensor_id_segment=1,
        point_segments=[2, 3],
    )
    async with running(source, health):
        await until(lambda: health.state == "up")
        async with publisher(mosquitto.port) as pub:
            pub.publish("plant/pump-1/motor_data/DE_temp", "63.5", qos=1)
            pub.publish("plant/pump-1/pump_data/flow", b" 118 ", qos=1)
            pub.publish("plant/pump-2/pump_data/flow", "nan", qos=1)
            await until(lambda: len(out.readings) == 3)
    a, b, c = out.readings
    assert (a.sensor_id, a.values) == ("pump-1", {"motor_data.DE_temp": 63.5})
    assert (b.sensor_id, b.values) == ("pump-1", {"pump_data.flow": 118.0})
    assert (c.sensor_id, c.values, c.bad) == ("pump-2", {}, ("pump_data.flow",))


async def test_number_payload_renamed_points(tmp_path: Path, mosquitto: Mosquitto) -> None:
    source, out, health = make_source(
        tmp_path,
        mosquitto.port,
        payload="number",
        topics=["scada/#"],
        sensor_id_segment=1,
        fields={"TT101": "motor_data.DE_temp", "FT201": "pump_data.flow"},
    )
    async with running(source, health):
        await until(lambda: health.state == "up")
        async with publisher(mosquitto.port) as pub:
            pub.publish("scada/pump-4/TT101", "64", qos=1)
            pub.publish("scada/pump-4/PT999", "1.0", qos=1)  # not in fields: malformed
            pub.publish("scada/pump-4/FT201", "120", qos=1)
            await until(lambda: len(out.readings) == 2 and health.malformed == 1)
    assert [r.values for r in out.readings] == [
        {"motor_data.DE_temp": 64.0},
        {"pump_data.flow": 120.0},
    ]


async def test_malformed_payloads_are_counted_logged_once_and_survived(
    tmp_path: Path, mosquitto: Mosquitto, caplog: pytest.LogCaptureFixture
) -> None:
    source, out, health = make_source(tmp_path, mosquitto.port, max_payload_bytes=1024)
    bad = [
        b"not json",
        b"[1, 2]",
        json.dumps({"motor_data": {"DE_temp": 1}}).encode(),
        json.dumps({**SEED, "timestamp": "yesterday"}).encode(),
        json.dumps({**SEED, "motor_data": {"DE_temp": "hot"}, "pump_data": {}}).encode(),
        b"\xff\xfe\x00",
        json.dumps({**SEED, "pad": "x" * 2000}).encode(),
        b"[" * 1000,  # nested past the JSON parsers' depth limits
    ]
    caplog.set_level(logging.WARNING, logger="gateway.sources.mqtt")
    async with running(source, health):
        await until(lambda: health.state == "up")
        async with publisher(mosquitto.port) as pub:
            for _ in range(20):
                for payload in bad:
                    pub.publish("sensors/broken-meter", payload, qos=1)
            pub.publish("sensors/good", json.dumps(SEED), qos=1)
            await until(lambda: len(out.readings) == 1, what="the good message after the bad")
        assert health.state == "up" and health.reconnects == 0
    assert health.malformed == 20 * len(bad)
    assert health.received == 1
    lines = [r.getMessage() for r in caplog.records if "malformed" in r.getMessage()]
    assert 1 <= len(lines) <= 2, lines  # rate-limited
    assert "sensors/broken-meter" in lines[0]


# -- sessions, credentials, TLS ------------------------------------------------------------


@pytest.mark.parametrize("protocol", ["3.1.1", "5"])
async def test_persistent_session_gets_messages_sent_while_away(
    tmp_path: Path, mosquitto: Mosquitto, protocol: str
) -> None:
    source, _, health = make_source(
        tmp_path, mosquitto.port, protocol=protocol, clean_session=False, qos=1
    )
    async with running(source, health):
        await until(lambda: health.state == "up")
    assert health.extra["session_present"] is False
    client_id = (tmp_path / "data" / "mqtt-plant-mqtt.client-id").read_text().strip()
    async with publisher(mosquitto.port) as pub:
        for i in range(5):
            pub.publish("sensors/p", json.dumps({**SEED, "sensor_id": f"s{i}"}), qos=1)
        await asyncio.sleep(0.3)
    # A new source object, as after a gateway restart: same id from the data folder.
    source2, out2, health2 = make_source(
        tmp_path, mosquitto.port, protocol=protocol, clean_session=False, qos=1
    )
    async with running(source2, health2):
        await until(lambda: len(out2.readings) == 5, what="queued messages")
    assert health2.extra["session_present"] is True
    assert [r.sensor_id for r in out2.readings] == [f"s{i}" for i in range(5)]
    assert (tmp_path / "data" / "mqtt-plant-mqtt.client-id").read_text().strip() == client_id


@pytest.mark.parametrize("protocol", ["3.1.1", "5"])
async def test_qos1_bursts_are_acknowledged_so_a_resumed_session_gets_nothing_again(
    tmp_path: Path, mosquitto: Mosquitto, protocol: str
) -> None:
    """PUBACKs go out in one write per read: every message of a burst must still be
    acknowledged, on both paths (plain PUBLISH, and MQTT 5 PUBLISH with properties that
    gmqtt parses itself), or the broker would hand them over again on resume."""
    source, out, health = make_source(
        tmp_path, mosquitto.port, protocol=protocol, clean_session=False, qos=1
    )
    n = 300
    async with running(source, health):
        await until(lambda: health.state == "up")
        async with publisher(mosquitto.port) as pub:
            for i in range(n):
                props = {"content_type": "application/json"} if i % 3 == 0 else {}
                pub.publish("sensors/p", json.dumps({**SEED, "sensor_id": f"s{i}"}), qos=1, **props)
            await until(lambda: len(out.readings) == n, within=10, what="the burst")
    assert [r.sensor_id for r in out.readings] == [f"s{i}" for i in range(n)]
    source2, out2, health2 = make_source(
        tmp_path, mosquitto.port, protocol=protocol, clean_session=False, qos=1
    )
    async with running(source2, health2):
        await until(lambda: health2.state == "up")
        await asyncio.sleep(0.5)
    assert health2.extra["session_present"] is True
    assert out2.readings == []  # nothing was left unacknowledged


async def test_clean_session_forgets(tmp_path: Path, mosquitto: Mosquitto) -> None:
    source, _, health = make_source(tmp_path, mosquitto.port, client_id="gw-clean", qos=1)
    async with running(source, health):
        await until(lambda: health.state == "up")
    async with publisher(mosquitto.port) as pub:
        pub.publish("sensors/p", json.dumps(SEED), qos=1)
        await asyncio.sleep(0.2)
    source2, out2, health2 = make_source(tmp_path, mosquitto.port, client_id="gw-clean", qos=1)
    async with running(source2, health2):
        await until(lambda: health2.state == "up")
        await asyncio.sleep(0.3)
    assert out2.readings == []


@pytest.fixture
def pwfile(tmp_path: Path) -> Path:
    path = tmp_path / "passwd"
    subprocess.run(["mosquitto_passwd", "-b", "-c", str(path), "gateway", "s3cret"], check=True)
    path.chmod(0o600)
    return path


async def test_username_password(tmp_path: Path, pwfile: Path) -> None:
    with Mosquitto(tmp_path / "broker", password_file=str(pwfile), extra=AS_ROOT) as broker:
        wrong, _, _ = make_source(tmp_path, broker.port, username="gateway", password="nope")
        with pytest.raises(SourceError, match=r"[Bb]ad user name or password|[Nn]ot author"):
            await wrong.run()
        source, out, health = make_source(
            tmp_path, broker.port, username="gateway", password="s3cret"
        )
        async with running(source, health):
            await until(lambda: health.state == "up")
            pub = gmqtt.Client("pub-auth")
            pub.set_auth_credentials("gateway", "s3cret")
            await pub.connect("127.0.0.1", broker.port)
            pub.publish("sensors/a", json.dumps(SEED), qos=1)
            await until(lambda: len(out.readings) == 1)
            await pub.disconnect()


def _cert(
    subject: str,
    key: ec.EllipticCurvePrivateKey,
    issuer: tuple[x509.Certificate, Any] | None,
    *,
    ca: bool = False,
    server: bool = False,
) -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)])
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(issuer[0].subject if issuer else name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if server:
        builder = builder.add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
    signer = issuer[1] if issuer else key
    return builder.sign(signer, hashes.SHA256())


def make_pki(folder: Path) -> dict[str, str]:
    """A CA, a server certificate for 127.0.0.1 and a client certificate, as PEM files."""
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, str] = {}

    def write(name: str, cert: x509.Certificate, key: ec.EllipticCurvePrivateKey) -> None:
        (folder / f"{name}.crt").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        (folder / f"{name}.key").write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        files[name] = str(folder / f"{name}.crt")
        files[f"{name}_key"] = str(folder / f"{name}.key")

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = _cert("Test plant CA", ca_key, None, ca=True)
    write("ca", ca, ca_key)
    for name, server in (("server", True), ("client", False)):
        key = ec.generate_private_key(ec.SECP256R1())
        write(name, _cert(f"test {name}", key, (ca, ca_key), server=server), key)
    other_key = ec.generate_private_key(ec.SECP256R1())
    write("other_ca", _cert("Someone else's CA", other_key, None, ca=True), other_key)
    return files


async def test_tls_with_ca_and_client_certificate(tmp_path: Path) -> None:
    pki = make_pki(tmp_path / "pki")
    tls = {
        "ca_file": pki["ca"],
        "cert_file": pki["server"],
        "key_file": pki["server_key"],
        "require_certificate": "true",
    }
    with Mosquitto(tmp_path / "broker", tls=tls, extra=AS_ROOT) as broker:
        assert broker.tls_port is not None
        # The broker's certificate is signed by a CA we do not trust: refused.
        untrusting, _, _ = make_source(
            tmp_path,
            broker.tls_port,
            tls={
                "ca_file": pki["other_ca"],
                "cert_file": pki["client"],
                "key_file": pki["client_key"],
            },
        )
        with pytest.raises(SourceError, match="certificate verify failed"):
            await untrusting.run()
        # No client certificate: the broker refuses the handshake.
        anonymous, _, _ = make_source(
            tmp_path, broker.tls_port, connect_timeout=3, tls={"ca_file": pki["ca"]}
        )
        with pytest.raises(SourceError):
            await anonymous.run()
        source, out, health = make_source(
            tmp_path,
            broker.tls_port,
            tls={"ca_file": pki["ca"], "cert_file": pki["client"], "key_file": pki["client_key"]},
        )
        async with running(source, health):
            await until(lambda: health.state == "up", what="TLS connection")
            async with publisher(broker.port) as pub:  # publishes on the plain listener
                pub.publish("sensors/tls", json.dumps(SEED), qos=1)
                await until(lambda: len(out.readings) == 1)
    assert out.readings[0].sensor_id == "industrial_sensor_1"


# -- outages ---------------------------------------------------------------------------------


def cpu_seconds() -> float:
    return time.process_time()


@pytest.mark.slow
async def test_broker_outage_of_20_s_recovers_without_restart(
    tmp_path: Path, mosquitto: Mosquitto
) -> None:
    source, out, health = make_source(tmp_path, mosquitto.port, keepalive=5)
    attempts: list[float] = []
    run = source.run

    async def counted_run() -> None:
        attempts.append(time.monotonic())
        await run()

    task = asyncio.create_task(supervise(counted_run, health))
    try:
        await until(lambda: health.state == "up")
        async with publisher(mosquitto.port) as pub:
            pub.publish("sensors/a", json.dumps(SEED), qos=1)
            await until(lambda: len(out.readings) == 1)
        mosquitto.stop()
        await until(lambda: health.state == "down", what="outage seen")
        assert any(w in (health.last_error or "") for w in ("lost the broker", "cannot connect"))
        down_since = health.since
        cpu0, wall0, n0 = cpu_seconds(), time.monotonic(), len(attempts)
        await asyncio.sleep(20)
        cpu = cpu_seconds() - cpu0
        wall = time.monotonic() - wall0
        tries = attempts[n0:]
        mosquitto.start()
        await until(lambda: health.state == "up", within=10, what="reconnected")
        async with publisher(mosquitto.port) as pub:
            pub.publish("sensors/a", json.dumps({**SEED, "sensor_id": "after"}), qos=1)
            await until(lambda: out.readings[-1].sensor_id == "after")
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    assert health.since > down_since  # the outage is in health: down since, up since
    assert health.reconnects >= len(tries)
    # Capped backoff (tests scale delays by 0.1: 0.05 s doubling up to 3 s), not a spin.
    gaps = [b - a for a, b in itertools.pairwise(tries)]
    assert 5 <= len(tries) <= 25, tries
    assert gaps[0] < gaps[2] < gaps[4]  # doubling (with +-20 % jitter)
    assert max(gaps) <= 3.0 * 1.2 + 0.5  # capped
    assert min(gaps[-3:]) >= 3.0 * 0.8 - 0.1  # and settled at the cap
    assert cpu / wall < 0.1, f"{cpu:.2f} s CPU in {wall:.1f} s while the broker was down"


async def test_short_silent_drop_keeps_the_session(tmp_path: Path, mosquitto: Mosquitto) -> None:
    """A cable pulled for 2 s (less than the keepalive): nothing is lost, nothing reconnects."""
    proxy = await TcpProxy("127.0.0.1", mosquitto.port).start()
    source, out, health = make_source(tmp_path, proxy.port, keepalive=5, qos=1)
    try:
        async with running(source, health):
            await until(lambda: health.state == "up")
            async with publisher(mosquitto.port) as pub:
                proxy.blackhole(True)
                for i in range(10):
                    pub.publish("sensors/a", json.dumps({**SEED, "sensor_id": f"s{i}"}), qos=1)
                await asyncio.sleep(2)
                assert out.readings == []
                proxy.blackhole(False)
                await until(lambda: len(out.readings) == 10, what="held messages")
            assert health.reconnects == 0 and health.state == "up"
    finally:
        await proxy.stop()


async def test_silent_drop_with_broker_restart(tmp_path: Path, mosquitto: Mosquitto) -> None:
    proxy = await TcpProxy("127.0.0.1", mosquitto.port).start()
    source, out, health = make_source(tmp_path, proxy.port, keepalive=5, connect_timeout=2)
    try:
        async with running(source, health):
            await until(lambda: health.state == "up")
            proxy.blackhole(True)
            mosquitto.stop()
            mosquitto.start()
            await asyncio.sleep(1)
            proxy.blackhole(False)
            # The old link meets the new broker's reset; the source reconnects by itself.
            await until(lambda: health.reconnects >= 1 and health.state == "up", within=10)
            async with publisher(mosquitto.port) as pub:
                pub.publish("sensors/a", json.dumps(SEED), qos=1)
                await until(lambda: len(out.readings) == 1)
    finally:
        await proxy.stop()


@pytest.mark.slow
async def test_long_silent_drop_detected_by_keepalive(tmp_path: Path, mosquitto: Mosquitto) -> None:
    """Pulled for longer than 1.5x keepalive: the source notices, retries, and comes back."""
    proxy = await TcpProxy("127.0.0.1", mosquitto.port).start()
    source, out, health = make_source(tmp_path, proxy.port, keepalive=5, connect_timeout=2)
    try:
        async with running(source, health):
            await until(lambda: health.state == "up")
            proxy.blackhole(True)
            cpu0, wall0 = cpu_seconds(), time.monotonic()
            await until(lambda: health.state == "down", within=15, what="keepalive timeout")
            # The last packet came at most half a keepalive (a ping) before the cut.
            assert time.monotonic() - wall0 >= 5 * 1.5 - 5 * 0.5 - 0.2
            assert "does not answer" in (health.last_error or "")
            await asyncio.sleep(3)  # attempts meet the dead link: CONNACK never comes
            assert "no answer from the broker" in (health.last_error or "")
            assert (cpu_seconds() - cpu0) / (time.monotonic() - wall0) < 0.1
            proxy.blackhole(False)
            await until(lambda: health.state == "up", within=10, what="back after the drop")
            async with publisher(mosquitto.port) as pub:
                pub.publish("sensors/a", json.dumps(SEED), qos=1)
                await until(lambda: len(out.readings) == 1)
    finally:
        await proxy.stop()


async def test_paused_broker_goes_down_within_1_5_keepalives(
    tmp_path: Path, mosquitto: Mosquitto
) -> None:
    """A broker process that is paused keeps its TCP connections open and answers
    nothing: down within keepalive x 1.5, and back once it runs again."""
    keepalive = 2
    source, out, health = make_source(tmp_path, mosquitto.port, keepalive=keepalive,
                                      connect_timeout=1)  # fmt: skip
    assert mosquitto.proc is not None
    try:
        async with running(source, health):
            await until(lambda: health.state == "up")
            async with publisher(mosquitto.port) as pub:
                pub.publish("sensors/a", json.dumps(SEED), qos=1)
                await until(lambda: len(out.readings) == 1)
            await asyncio.sleep(0.3)  # the publisher's disconnect reaches us before the pause
            mosquitto.proc.send_signal(signal.SIGSTOP)
            paused = time.monotonic()
            await until(lambda: health.state == "down", within=10, what="paused broker seen")
            took = time.monotonic() - paused
            assert took <= keepalive * 1.5 + 0.5, f"down after {took:.2f} s"
            assert "does not answer" in (health.last_error or "")
            mosquitto.proc.send_signal(signal.SIGCONT)
            await until(lambda: health.state == "up", within=15, what="back after SIGCONT")
            async with publisher(mosquitto.port) as pub:
                pub.publish("sensors/a", json.dumps({**SEED, "sensor_id": "after"}), qos=1)
                await until(lambda: out.readings[-1].sensor_id == "after")
    finally:
        mosquitto.proc.send_signal(signal.SIGCONT)


# -- mapping units (no broker) --------------------------------------------------------------


def test_timestamp_forms() -> None:
    from gateway.sources.payloads import PayloadError, parse_timestamp

    assert parse_timestamp(1_700_000_000) == 1_700_000_000.0
    assert parse_timestamp(1_700_000_000_123) == pytest.approx(1_700_000_000.123)
    assert parse_timestamp(1_700_000_000_123_456) == pytest.approx(1_700_000_000.123456)
    assert parse_timestamp("1700000000.5") == 1_700_000_000.5
    assert parse_timestamp("2023-11-14T22:13:20Z") == 1_700_000_000.0
    assert parse_timestamp("2023-11-14T22:13:20") == 1_700_000_000.0  # no zone: UTC
    assert parse_timestamp("2023-11-15T00:13:20+02:00") == 1_700_000_000.0
    for bad in ("soon", True, None, float("nan"), -5, [1]):
        with pytest.raises(PayloadError):
            parse_timestamp(bad)
    assert not math.isnan(parse_timestamp(0))


def test_config_rejects_bad_filters_and_modes() -> None:
    from pydantic import ValidationError

    for topics in (["a/#/b"], ["a/b+"], [""], ["a/#x"]):
        with pytest.raises(ValidationError):
            MqttSourceConfig(name="m", topics=topics)
    with pytest.raises(ValidationError, match="fields"):
        MqttSourceConfig(name="m", payload="json")
    with pytest.raises(ValidationError, match="sensor_id_segment"):
        MqttSourceConfig(name="m", payload="number")
    with pytest.raises(ValidationError, match="go together"):
        MqttSourceConfig(name="m", tls={"cert_file": "c.pem"})
    MqttSourceConfig(name="m", topics=["#", "a/+/b", "+/+", "a/b/#"])


_scalars = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-(2**53), 2**53),
    st.booleans(),
    st.none(),
    st.text(max_size=5),
)


@given(
    st.dictionaries(
        st.sampled_from(["motor_data", "pump_data", "meta", "x.y"]),
        st.one_of(st.dictionaries(st.text(min_size=1, max_size=8), _scalars, max_size=8), _scalars),
        max_size=4,
    )
)
def test_seed_mapping_matches_the_feature_map_flattening(groups: dict[str, Any]) -> None:
    """The source's one-pass seed mapping equals features.flatten_seed_payload (+ bad points)."""
    from gateway.features import flatten_seed_payload
    from gateway.sources.payloads import PayloadError, PayloadMapper

    doc = {"sensor_id": "s", **groups}
    mapper = PayloadMapper(MqttSourceConfig(name="m"))
    flat = flatten_seed_payload(doc)
    good = {k: v for k, v in flat.items() if math.isfinite(v)}
    bad = tuple(k for k, v in flat.items() if not math.isfinite(v))
    out: list[Reading] = []
    payload = json.dumps(doc).encode()  # NaN/Infinity as Python's json writes them
    if not flat:
        with pytest.raises(PayloadError):
            mapper.map("t", payload, 1.0, out)
        return
    mapper.map("t", payload, 1.0, out)
    assert out[0].values == good and out[0].bad == bad


def test_an_integer_beyond_a_double_is_a_bad_point() -> None:
    """JSON has integers of any size; one no double holds marks its point bad instead of
    failing the message (or the connection)."""
    from gateway.sources.payloads import PayloadMapper

    mapper = PayloadMapper(MqttSourceConfig(name="m"))
    out: list[Reading] = []
    payload = b'{"sensor_id": "s", "motor_data": {"current": 1' + b"0" * 400 + b', "DE_temp": 2}}'
    mapper.map("t", payload, 1.0, out)
    assert out[0].values == {"motor_data.DE_temp": 2.0}
    assert out[0].bad == ("motor_data.current",)
