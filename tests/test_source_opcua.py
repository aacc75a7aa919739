"""OPC UA source against asyncua's own server: modes, node forms, security, quality, recovery."""

from __future__ import annotations

import asyncio
import contextlib
import os
import stat
import time
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from asyncua import ua
from asyncua.crypto import cert_gen
from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID

from gateway.config import ConfigError, load_config, parse_config
from gateway.config.sources import OpcuaSourceConfig
from gateway.health import ComponentHealth
from gateway.records import Reading
from gateway.sources.base import SourceError, build_source
from gateway.sources.opcua import OpcuaSource
from gateway.supervisor import supervise
from tests.support.net import free_port
from tests.support.opcua_server import PlantServer, ServerProcess
from tests.support.tcpproxy import TcpProxy

ROOT = Path(__file__).resolve().parents[1]
SERVER_URI = "urn:aastreli:test-plant-server"


# -- helpers ---------------------------------------------------------------------------


class Collector:
    """A counting emit that keeps every batch."""

    def __init__(self) -> None:
        self.batches: list[list[Reading]] = []
        self.readings: list[Reading] = []

    def __call__(self, batch: list[Reading]) -> None:
        self.batches.append(batch)
        self.readings.extend(batch)

    def values(self, sensor_id: str, feature: str) -> list[float]:
        return [
            r.values[feature]
            for r in self.readings
            if r.sensor_id == sensor_id and feature in r.values
        ]

    def bad(self, sensor_id: str, feature: str) -> list[Reading]:
        return [r for r in self.readings if r.sensor_id == sensor_id and feature in r.bad]

    async def wait(self, predicate: Callable[[], Any], within: float = 15.0) -> None:
        deadline = time.monotonic() + within
        while not predicate():
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"condition not met in {within} s; last readings: {self.readings[-5:]}"
                )
            await asyncio.sleep(0.05)


def make_config(port: int, points: list[dict[str, Any]], **kw: Any) -> OpcuaSourceConfig:
    base: dict[str, Any] = {
        "name": "plc",
        "url": f"opc.tcp://127.0.0.1:{port}/",
        "publishing_interval": 100,
        "timeout": 2.0,
        "watchdog": 4.0,
    }
    base.update(kw, points=points)
    return OpcuaSourceConfig.model_validate(base)


PUMP_POINTS: list[dict[str, Any]] = [
    {
        "sensor_id": "pump-1",
        "feature": "pump_data.flow",
        "node": "ns=2;s=Pump1.flow",
        "sampling_interval": 50,
    },
    {"sensor_id": "pump-1", "feature": "motor_data.DE_temp", "node": "0:Objects/2:Pump1/2:DE_temp"},
    {
        "sensor_id": "pump-2",
        "feature": "motor_data.current",
        "node": "nsu=urn:aastreli:test-plant;s=Pump2.current",
    },
]


@contextlib.asynccontextmanager
async def running(source: OpcuaSource) -> AsyncIterator[asyncio.Task[None]]:
    task = asyncio.create_task(source.run())
    try:
        yield task
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, SourceError):
            await task


@contextlib.asynccontextmanager
async def supervised(source: OpcuaSource) -> AsyncIterator[asyncio.Task[None]]:
    task = asyncio.create_task(supervise(source.run, source.health))
    try:
        yield task
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def new_source(cfg: OpcuaSourceConfig, tmp_path: Path) -> tuple[OpcuaSource, Collector]:
    out = Collector()
    health = ComponentHealth(cfg.name, "source", "opcua")
    return OpcuaSource(cfg, out, health, data_dir=tmp_path / "data"), out


# One event loop for the module's async tests, so one plant server (2-3 s to build its
# address space) serves every test that needs no special server; each test starts from
# the initial values.
module_loop = pytest.mark.asyncio(loop_scope="module")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def shared_plant() -> AsyncIterator[PlantServer]:
    server = await PlantServer(free_port()).start()
    yield server
    await server.stop()


@pytest_asyncio.fixture(loop_scope="module")
async def plant(shared_plant: PlantServer) -> PlantServer:
    await shared_plant.reset()
    return shared_plant


def write_app_cert(folder: Path, name: str, uri: str) -> tuple[Path, Path]:
    """A self-signed OPC UA application certificate (DER) and key (PEM), made here."""
    key = cert_gen.generate_private_key()
    cert = cert_gen.generate_self_signed_app_certificate(
        key,
        uri,
        {},
        [x509.UniformResourceIdentifier(uri), x509.DNSName("localhost")],
        extended=[ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH],
    )
    from cryptography.hazmat.primitives.serialization import Encoding

    cert_path, key_path = folder / f"{name}-cert.der", folder / f"{name}-key.pem"
    cert_path.write_bytes(cert.public_bytes(Encoding.DER))
    key_path.write_bytes(cert_gen.dump_private_key_as_pem(key))
    return cert_path, key_path


# -- config ----------------------------------------------------------------------------


@pytest.mark.parametrize("example", ["source-opcua.yaml", "source-opcua-secure.yaml"])
def test_example_configs_load(example: str) -> None:
    cfg = load_config(ROOT / "config" / "examples" / example, environ={})
    sources = [s for s in cfg.sources if s.kind == "opcua"]
    assert sources and all(s.points for s in sources)


@pytest.mark.parametrize(
    "mistake, key",
    [
        ({"node": "Pump1.flow"}, "points[0].node"),
        ({"security": {"policy": "Basic256Sha256"}}, "security"),
        ({"security": {"policy": "None", "mode": "None", "server_cert": "x.der"}}, "security"),
        ({"password": "secret"}, "sources[0]"),
        ({"url": "http://plc:4840"}, "url"),
    ],
)
def test_config_mistakes_are_named(mistake: dict[str, Any], key: str) -> None:
    source: dict[str, Any] = {
        "kind": "opcua",
        "name": "plc",
        "points": [{"sensor_id": "a", "feature": "f", "node": "ns=2;s=x"}],
    }
    for k, v in mistake.items():
        if k == "node":
            source["points"][0]["node"] = v
        else:
            source[k] = v
    with pytest.raises(ConfigError) as err:
        parse_config({"sources": [source]})
    assert any(key in path for path, _ in err.value.problems), err.value.problems


def test_duplicate_point_rejected() -> None:
    point = {"sensor_id": "a", "feature": "f", "node": "ns=2;s=x"}
    with pytest.raises(ConfigError, match="mapped twice"):
        parse_config({"sources": [{"kind": "opcua", "name": "plc", "points": [point, point]}]})


def test_build_source_by_kind(tmp_path: Path) -> None:
    cfg = make_config(4840, PUMP_POINTS)
    src = build_source(cfg, lambda b: None, ComponentHealth("plc", "source"), tmp_path)
    assert isinstance(src, OpcuaSource)


# -- subscriptions ---------------------------------------------------------------------


@module_loop
async def test_subscribe_nodeid_browse_path_and_namespace_uri(
    plant: PlantServer, tmp_path: Path
) -> None:
    points = [
        *PUMP_POINTS,
        {
            "sensor_id": "pump-1",
            "feature": "pump_data.NDE_temp",
            "node": "ns=2;s=Pump1.counter",
            "queue_size": 3,
            "deadband": 0.5,
            "sampling_interval": 250,
        },
    ]
    src, out = new_source(make_config(plant.port, points), tmp_path)
    async with running(src):
        # Initial values of every monitored item, as the server holds them.
        await out.wait(lambda: out.values("pump-2", "motor_data.current") == [17.25])
        await out.wait(lambda: out.values("pump-1", "motor_data.DE_temp") == [41.0])
        assert out.values("pump-1", "pump_data.flow") == [12.5]
        assert src.health.state == "up"
        await plant.write("Pump1.flow", 99.5)
        await out.wait(lambda: out.values("pump-1", "pump_data.flow")[-1:] == [99.5])
        last = [r for r in out.readings if "pump_data.flow" in r.values][-1]
        # A data change is a partial reading of its asset only.
        assert last.values == {"pump_data.flow": 99.5} and last.source == "plc"
    # What the server was asked for, per point.
    asked = {m.ItemToMonitor.NodeId.to_string(): m.RequestedParameters for m in plant.monitored}
    counter = asked["ns=2;s=Pump1.counter"]
    assert (counter.SamplingInterval, counter.QueueSize) == (250, 3)
    assert counter.Filter.DeadbandType == ua.DeadbandType.Absolute
    assert counter.Filter.DeadbandValue == 0.5
    assert asked["ns=2;s=Pump1.flow"].SamplingInterval == 50
    assert not isinstance(asked["ns=2;s=Pump1.flow"].Filter, ua.DataChangeFilter)
    extra = src.health.extra
    assert extra["monitored_items"] == 4 and extra["last_data_at"] is not None
    assert src.health.points >= 5 and src.health.sent == len(out.readings) >= 3
    assert src.health.received >= src.health.sent  # readings, bad-only ones included


@module_loop
async def test_deadband_holds_back_small_changes(plant: PlantServer, tmp_path: Path) -> None:
    points = [
        {
            "sensor_id": "pump-1",
            "feature": "pump_data.flow",
            "node": "ns=2;s=Pump1.flow",
            "deadband": 1.0,
            "sampling_interval": 0,
        }
    ]
    src, out = new_source(make_config(plant.port, points), tmp_path)
    async with running(src):
        await out.wait(lambda: out.values("pump-1", "pump_data.flow") == [12.5])
        await plant.write("Pump1.flow", 12.9)  # within the deadband
        await plant.write("Pump1.flow", 15.0)
        await out.wait(lambda: len(out.values("pump-1", "pump_data.flow")) >= 2)
        await asyncio.sleep(0.3)
    assert out.values("pump-1", "pump_data.flow") == [12.5, 15.0]


@module_loop
async def test_one_publish_response_is_one_batch(plant: PlantServer, tmp_path: Path) -> None:
    points = [
        {"sensor_id": "pump-1", "feature": f"f.{v}", "node": f"ns=2;s=Pump1.{v}"}
        for v in ("flow", "DE_temp", "current")
    ]
    points += [{"sensor_id": "pump-2", "feature": "f.flow", "node": "ns=2;s=Pump2.flow"}]
    src, out = new_source(make_config(plant.port, points, publishing_interval=500), tmp_path)
    async with running(src):
        await out.wait(lambda: len(out.readings) >= 2)
        first = out.batches[0]
        # All four initial values come in one publish response: one reading per asset.
        assert sorted(r.sensor_id for r in first) == ["pump-1", "pump-2"]
        assert len(next(r for r in first if r.sensor_id == "pump-1").values) == 3
        before = len(out.batches)
        await plant.write("Pump1.flow", 1.0)
        await plant.write("Pump1.current", 2.0)
        await plant.write("Pump2.flow", 3.0)
        await out.wait(lambda: out.values("pump-2", "f.flow")[-1:] == [3.0])
        await asyncio.sleep(0.6)
    later = [r for b in out.batches[before:] for r in b]
    assert {r.sensor_id: r.values for r in later} == {
        "pump-1": {"f.flow": 1.0, "f.current": 2.0},
        "pump-2": {"f.flow": 3.0},
    }


@module_loop
async def test_queued_values_are_all_delivered_in_order(plant: PlantServer, tmp_path: Path) -> None:
    points = [
        {
            "sensor_id": "pump-1",
            "feature": "pump_data.flow",
            "node": "ns=2;s=Pump1.flow",
            "queue_size": 10,
            "sampling_interval": 0,
        }
    ]
    src, out = new_source(make_config(plant.port, points, publishing_interval=1000), tmp_path)
    async with running(src):
        await out.wait(lambda: out.values("pump-1", "pump_data.flow") == [12.5])
        for v in (1.0, 2.0, 3.0):
            await plant.write("Pump1.flow", v)
        await out.wait(lambda: len(out.values("pump-1", "pump_data.flow")) >= 4)
    # Three values of one item in one publish response: three readings, none merged away.
    assert out.values("pump-1", "pump_data.flow") == [12.5, 1.0, 2.0, 3.0]


@module_loop
@pytest.mark.parametrize("mode", ["subscribe", "poll"])
async def test_bad_and_uncertain_status_mark_quality_bad(
    plant: PlantServer, tmp_path: Path, mode: str
) -> None:
    points = [
        {"sensor_id": "pump-1", "feature": "pump_data.flow", "node": "ns=2;s=Pump1.flow"},
        {"sensor_id": "pump-1", "feature": "motor_data.current", "node": "ns=2;s=Pump1.current"},
    ]
    src, out = new_source(make_config(plant.port, points, mode=mode, poll_interval=0.1), tmp_path)
    async with running(src):
        await out.wait(lambda: out.values("pump-1", "pump_data.flow"))
        await plant.write("Pump1.flow", 77.0, status=ua.StatusCodes.BadSensorFailure)
        await plant.write("Pump1.current", 5.0, status=ua.StatusCodes.UncertainLastUsableValue)
        await out.wait(
            lambda: out.bad("pump-1", "pump_data.flow") and out.bad("pump-1", "motor_data.current")
        )
        await plant.write("Pump1.flow", 13.0)
        await out.wait(lambda: out.values("pump-1", "pump_data.flow")[-1:] == [13.0])
    # The bad value never reaches the model, not even as NaN.
    assert 77.0 not in out.values("pump-1", "pump_data.flow")
    assert 5.0 not in out.values("pump-1", "motor_data.current")
    assert all(r.values.keys().isdisjoint(r.bad) for r in out.readings)
    assert src.health.malformed == 0


@module_loop
async def test_uncertain_accepted_when_configured(plant: PlantServer, tmp_path: Path) -> None:
    points = [
        {"sensor_id": "pump-1", "feature": "motor_data.current", "node": "ns=2;s=Pump1.current"}
    ]
    src, out = new_source(make_config(plant.port, points, accept_uncertain=True), tmp_path)
    async with running(src):
        await out.wait(lambda: out.values("pump-1", "motor_data.current"))
        await plant.write("Pump1.current", 5.0, status=ua.StatusCodes.UncertainLastUsableValue)
        await out.wait(lambda: out.values("pump-1", "motor_data.current")[-1:] == [5.0])


@module_loop
async def test_missing_and_non_numeric_points_are_reported(
    plant: PlantServer, tmp_path: Path
) -> None:
    points = [
        {"sensor_id": "pump-1", "feature": "pump_data.flow", "node": "ns=2;s=Pump1.flow"},
        {"sensor_id": "pump-1", "feature": "x.label", "node": "ns=2;s=Pump1.label"},
        {"sensor_id": "pump-1", "feature": "x.gone", "node": "ns=2;s=Pump1.nothing"},
        {"sensor_id": "pump-1", "feature": "x.path", "node": "0:Objects/2:Pump1/2:nothing"},
        {"sensor_id": "pump-1", "feature": "x.ns", "node": "nsu=urn:elsewhere;s=Pump1.flow"},
    ]
    src, out = new_source(make_config(plant.port, points), tmp_path)
    async with running(src):
        await out.wait(
            lambda: (
                out.values("pump-1", "pump_data.flow")
                and all(out.bad("pump-1", f) for f in ("x.label", "x.gone", "x.path", "x.ns"))
            )
        )
        assert src.health.state == "up"
    assert src.health.malformed == 1  # the string
    assert src.health.extra["unresolved"] == 3
    assert src.health.extra["monitored_items"] == 2
    assert "point(s) unusable" in (src.health.last_error or "")


@module_loop
async def test_no_usable_point_is_a_source_error(plant: PlantServer, tmp_path: Path) -> None:
    points = [{"sensor_id": "pump-1", "feature": "x", "node": "ns=2;s=Nowhere"}]
    src, out = new_source(make_config(plant.port, points), tmp_path)
    with pytest.raises(SourceError, match="none of the 1 points"):
        await asyncio.wait_for(src.run(), 20)
    assert out.bad("pump-1", "x")


# -- polling ---------------------------------------------------------------------------


@module_loop
async def test_poll_reads_every_node_in_one_request(plant: PlantServer, tmp_path: Path) -> None:
    points = [
        *PUMP_POINTS,
        {"sensor_id": "pump-2", "feature": "x.gone", "node": "ns=2;s=Pump2.nothing"},
    ]
    cfg = make_config(plant.port, points, mode="poll", poll_interval=0.1)
    src, out = new_source(cfg, tmp_path)
    async with running(src):
        await out.wait(lambda: src.health.extra["polls"] >= 5)
        await plant.write("Pump2.current", 3.25)
        await out.wait(lambda: out.values("pump-2", "motor_data.current")[-1:] == [3.25])
    plant_reads = [r for r in plant.reads if any("Pump" in n for n in r)]
    # The first poll asks for all four nodes; the missing one is dropped from later polls.
    assert len(plant_reads[0]) == 4
    assert all(len(r) == 3 for r in plant_reads[1:])
    assert len(plant_reads) == src.health.extra["polls"]
    one_poll = [r for r in out.readings if r.sensor_id == "pump-1"][-1]
    assert one_poll.values == {"pump_data.flow": 12.5, "motor_data.DE_temp": 41.0}
    extra = src.health.extra
    assert extra["poll_duration_ms"] is not None and extra["poll_duration_ms"] >= 0
    assert extra["poll_duration_max_ms"] >= extra["poll_duration_ms"]
    assert out.bad("pump-2", "x.gone") and extra["unresolved"] == 1


@module_loop
async def test_poll_counts_late_polls(plant: PlantServer, tmp_path: Path) -> None:
    points = PUMP_POINTS[:1]
    cfg = make_config(plant.port, points, mode="poll", poll_interval=0.05)
    src, out = new_source(cfg, tmp_path)
    async with running(src):
        await out.wait(lambda: src.health.extra["polls"] >= 3)
        assert src.health.extra["late_polls"] == 0
        # Block the loop (that serves the server as well) for several poll intervals.
        time.sleep(0.3)  # noqa: ASYNC251 - blocks the loop on purpose: the next polls are late
        await out.wait(lambda: src.health.extra["late_polls"] >= 1)


# -- security --------------------------------------------------------------------------


@module_loop
@pytest.mark.parametrize(
    "policy, mode, server_policy",
    [
        ("Basic256Sha256", "SignAndEncrypt", ua.SecurityPolicyType.Basic256Sha256_SignAndEncrypt),
        ("Aes128Sha256RsaOaep", "Sign", ua.SecurityPolicyType.Aes128Sha256RsaOaep_Sign),
        (
            "Aes256Sha256RsaPss",
            "SignAndEncrypt",
            ua.SecurityPolicyType.Aes256Sha256RsaPss_SignAndEncrypt,
        ),
    ],
)
async def test_secure_channel_with_username(
    tmp_path: Path, policy: str, mode: str, server_policy: ua.SecurityPolicyType
) -> None:
    server_cert, server_key = write_app_cert(tmp_path, "server", SERVER_URI)
    plant = await PlantServer(
        free_port(),
        cert=server_cert,
        key=server_key,
        policies=[server_policy],
        users={"operator": "s3cret"},
    ).start()
    try:
        security = {"policy": policy, "mode": mode, "server_cert": str(server_cert)}
        cfg = make_config(
            plant.port, PUMP_POINTS, username="operator", password="s3cret", security=security
        )
        src, out = new_source(cfg, tmp_path)
        async with running(src):
            await out.wait(lambda: out.values("pump-1", "pump_data.flow") == [12.5], within=30)
            await plant.write("Pump1.flow", 1.5)
            await out.wait(lambda: out.values("pump-1", "pump_data.flow")[-1:] == [1.5])
        # The client certificate was generated on first start, with a private key file.
        folder = tmp_path / "data" / "opcua" / "plc"
        cert = (folder / "client-cert.der").read_bytes()
        assert stat.S_IMODE(os.stat(folder / "client-key.pem").st_mode) == 0o600
        assert plant.client_certs and plant.client_certs[-1] == cert

        # A second start keeps the same certificate (the server trusted that one).
        src2, out2 = new_source(cfg, tmp_path)
        async with running(src2):
            await out2.wait(lambda: out2.values("pump-1", "pump_data.flow"), within=30)
        assert (folder / "client-cert.der").read_bytes() == cert
        assert plant.client_certs[-1] == cert
    finally:
        await plant.stop()


@module_loop
async def test_secure_refusals(tmp_path: Path) -> None:
    server_cert, server_key = write_app_cert(tmp_path, "server", SERVER_URI)
    other_cert, _ = write_app_cert(tmp_path, "other", SERVER_URI)
    client_cert, client_key = write_app_cert(tmp_path, "client", "urn:site:gateway-7")
    plant = await PlantServer(
        free_port(),
        cert=server_cert,
        key=server_key,
        users={"operator": "s3cret"},
        policies=[ua.SecurityPolicyType.Basic256Sha256_SignAndEncrypt],
    ).start()
    try:

        def cfg(password: str, pinned: Path) -> OpcuaSourceConfig:
            security = {
                "policy": "Basic256Sha256",
                "mode": "SignAndEncrypt",
                "server_cert": str(pinned),
                "client_cert": str(client_cert),
                "client_key": str(client_key),
            }
            return make_config(
                plant.port, PUMP_POINTS, username="operator", password=password, security=security
            )

        src, _ = new_source(cfg("wrong", server_cert), tmp_path)
        with pytest.raises(SourceError, match="cannot connect"):
            await asyncio.wait_for(src.run(), 20)
        src, _ = new_source(cfg("s3cret", other_cert), tmp_path)
        with pytest.raises(SourceError, match=r"other than security\.server_cert"):
            await asyncio.wait_for(src.run(), 20)
        # The given client certificate is used as is, and no other is generated.
        src, out = new_source(cfg("s3cret", server_cert), tmp_path)
        async with running(src):
            await out.wait(lambda: out.values("pump-1", "pump_data.flow"), within=30)
        assert plant.client_certs[-1] == client_cert.read_bytes()
        assert not (tmp_path / "data" / "opcua").exists()
    finally:
        await plant.stop()


# -- losing the link -------------------------------------------------------------------


@module_loop
async def test_silent_link_ends_the_run_and_marks_points_stale(
    plant: PlantServer, tmp_path: Path
) -> None:
    proxy = await TcpProxy("127.0.0.1", plant.port).start()
    try:
        cfg = make_config(proxy.port, PUMP_POINTS, timeout=1.0, watchdog=2.0)
        src, out = new_source(cfg, tmp_path)
        task = asyncio.create_task(src.run())
        await out.wait(lambda: out.values("pump-1", "pump_data.flow"))
        proxy.blackhole(True)
        started = time.monotonic()
        with pytest.raises(SourceError):
            await asyncio.wait_for(task, 20)
        # Found by the link probe or the watchdog, whichever came first: within a few
        # timeouts, not the TCP retransmission timeout of minutes.
        assert time.monotonic() - started < 10
        assert {r.sensor_id for r in out.readings if r.bad and not r.values} == {"pump-1", "pump-2"}
        stale = out.bad("pump-1", "pump_data.flow")[-1]
        assert set(stale.bad) == {"pump_data.flow", "motor_data.DE_temp"}
    finally:
        proxy.blackhole(False)
        await proxy.stop()


@module_loop
async def test_watchdog_catches_a_subscription_that_falls_silent(
    plant: PlantServer, tmp_path: Path
) -> None:
    cfg = make_config(plant.port, PUMP_POINTS, watchdog=1.0, publishing_interval=200)
    src, out = new_source(cfg, tmp_path)
    task = asyncio.create_task(src.run())
    await out.wait(lambda: src.health.extra["subscriptions"] == 1)
    # The server stops publishing for this subscription (as one that lost it would),
    # while the link itself stays healthy.
    await plant.server.iserver.subscription_service.delete_subscriptions(
        list(plant.server.iserver.subscription_service.subscriptions)
    )
    with pytest.raises(SourceError, match="no data and no keep-alive"):
        await asyncio.wait_for(task, 20)
    assert src.health.extra["watchdog_trips"] == 1


# -- recovery scenarios (a server process, the supervisor) -----------------------------


def cpu_seconds() -> float:
    t = os.times()
    return t.user + t.system


@pytest.fixture
def server_process(tmp_path: Path) -> Iterator[ServerProcess]:
    proc = ServerProcess(free_port(), tick=0.2, log_path=tmp_path / "server.log").start()
    yield proc
    proc.stop(kill=True)


# A restarted test server counts from here, so its values are told from the old one's.
RESTARTED = 100_000
COUNTER: list[dict[str, Any]] = [
    {"sensor_id": "pump-1", "feature": "x.counter", "node": "ns=2;s=Pump1.counter"},
    {"sensor_id": "pump-1", "feature": "pump_data.flow", "node": "0:Objects/2:Pump1/2:flow"},
]


@module_loop
@pytest.mark.slow
@pytest.mark.parametrize("mode", ["subscribe", "poll"])
async def test_server_down_20s_then_back(
    server_process: ServerProcess, tmp_path: Path, mode: str
) -> None:
    cfg = make_config(server_process.port, COUNTER, mode=mode, poll_interval=0.2)
    src, out = new_source(cfg, tmp_path)
    async with supervised(src):
        await out.wait(lambda: len(out.values("pump-1", "x.counter")) >= 3, within=30)
        server_process.stop()
        await out.wait(lambda: src.health.state == "down", within=15)
        assert out.bad("pump-1", "x.counter")  # stale while down
        reconnects, cpu, wall = src.health.reconnects, cpu_seconds(), time.monotonic()
        await asyncio.sleep(20)
        cpu, wall = cpu_seconds() - cpu, time.monotonic() - wall
        attempts = src.health.reconnects - reconnects
        down_since = src.health.since
        assert src.health.state == "down" and src.health.last_error
        server_process.start_count = RESTARTED
        server_process.start()
        await out.wait(lambda: max(out.values("pump-1", "x.counter")) >= RESTARTED, within=30)
        assert src.health.state == "up" and src.health.since > down_since
    # Down for 20 s: the backoff (scaled by 0.1 in tests, capped at 3 s) made a handful
    # of attempts, not a busy loop, and the process stayed nearly idle.
    assert 3 <= attempts <= 25, attempts
    assert cpu < 0.25 * wall, (cpu, wall)


async def _through_dropped_link(
    server_process: ServerProcess, tmp_path: Path, restart: bool
) -> None:
    proxy = await TcpProxy("127.0.0.1", server_process.port).start()
    try:
        cfg = make_config(proxy.port, COUNTER)
        src, out = new_source(cfg, tmp_path)
        async with supervised(src):
            await out.wait(lambda: len(out.values("pump-1", "x.counter")) >= 3, within=30)
            proxy.blackhole(True)
            await out.wait(lambda: src.health.state == "down", within=20)
            if restart:
                server_process.stop()
                server_process.start_count = RESTARTED
                server_process.start()
            cpu, wall = cpu_seconds(), time.monotonic()
            await asyncio.sleep(10)
            cpu, wall = cpu_seconds() - cpu, time.monotonic() - wall
            assert src.health.state == "down"
            last = out.values("pump-1", "x.counter")[-1]
            proxy.blackhole(False)
            expect = RESTARTED if restart else last + 2
            await out.wait(lambda: out.values("pump-1", "x.counter")[-1] >= expect, within=40)
            assert src.health.state == "up"
            assert src.health.reconnects >= 1
        assert cpu < 0.25 * wall, (cpu, wall)
    finally:
        await proxy.stop()


@module_loop
@pytest.mark.slow
async def test_silent_drop_then_back(server_process: ServerProcess, tmp_path: Path) -> None:
    await _through_dropped_link(server_process, tmp_path, restart=False)


@module_loop
@pytest.mark.slow
async def test_silent_drop_with_server_restart(
    server_process: ServerProcess, tmp_path: Path
) -> None:
    # The case where asyncua's own auto-reconnect reports "connected" and never delivers.
    await _through_dropped_link(server_process, tmp_path, restart=True)


def test_the_link_loss_filter_comes_with_a_source_not_with_the_import(tmp_path: Path) -> None:
    """Importing the module leaves asyncua's loggers alone; a source installs its filter
    once, however many sources there are."""
    import subprocess
    import sys

    code = (
        "import logging, gateway.sources.opcua as m; "
        "print(len(logging.getLogger('asyncua.client.ua_session.UaSession').filters))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"
    import logging

    from gateway.sources.opcua_session import _LinkLossFilter

    new_source(make_config(4840, PUMP_POINTS), tmp_path)
    new_source(make_config(4841, PUMP_POINTS), tmp_path)
    filters = logging.getLogger("asyncua.client.ua_session.UaSession").filters
    assert sum(isinstance(f, _LinkLossFilter) for f in filters) == 1
