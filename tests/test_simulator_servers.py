"""The simulator's servers, read by real clients: pymodbus (TCP and RTU over a socat pty),
asyncua (plain and Basic256Sha256 with a user), gmqtt through a real mosquitto."""

from __future__ import annotations

import asyncio
import functools
import itertools
import json
import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from asyncua import Client as OpcuaClient
from asyncua import ua
from gmqtt import Client as MqttClient
from gmqtt.mqtt.constants import MQTTv311
from pymodbus.client import AsyncModbusSerialClient, AsyncModbusTcpClient

from gateway.config import parse_config
from gateway.config.simulator import SimulatorConfig
from gateway.config.sources import ModbusSourceConfig, MqttSourceConfig, OpcuaSourceConfig
from gateway.features import MOTOR_POINTS, PLANT_FEATURES, PUMP_POINTS, flatten_seed_payload
from gateway.simulator.base import SimClock, SimulatorError
from gateway.simulator.cli import run_simulator
from gateway.simulator.modbus_server import ModbusPlantServer, modbus_rtu_server
from gateway.simulator.mqtt_server import MqttPlantPublisher
from gateway.simulator.opcua_server import OPCUA_NAMESPACE, OpcuaPlantServer
from gateway.simulator.orchestrator import Simulator, gateway_sources
from gateway.simulator.plant import Plant, parse_fault
from tests.support.mosquitto import Mosquitto
from tests.support.net import free_port, wait_listening
from tests.support.wait import until

ASSET_MB = "industrial_sensor_2"
ASSET_UA = "industrial_sensor_3"
ASSET_MQ = "industrial_sensor_1"
ROOT = Path(__file__).resolve().parents[1]


def decode(registers: list[int]) -> dict[str, float]:
    values = struct.unpack(
        f">{len(PLANT_FEATURES)}f", struct.pack(f">{len(registers)}H", *registers)
    )
    return dict(zip(PLANT_FEATURES, values, strict=True))


def assert_close(got: dict[str, float], want: dict[str, float]) -> None:
    assert set(got) == set(want)
    for k, v in want.items():
        assert got[k] == pytest.approx(v, rel=1e-6, abs=1e-6), k  # float32 rounding


def port_is_closed(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) != 0


wait_for = functools.partial(until, within=10.0)


# --------------------------------------------------------------------------- Modbus


async def read_modbus(client: Any, unit: int, *, table: str = "holding") -> dict[str, float]:
    read = client.read_holding_registers if table == "holding" else client.read_input_registers
    rr = await read(0, count=2 * len(PLANT_FEATURES), device_id=unit)
    assert not rr.isError(), rr
    return decode(rr.registers)


async def test_modbus_tcp_serves_every_feature_as_float32_abcd() -> None:
    plant = Plant(seed=3, schedule=[parse_fault(f"{ASSET_MB}:imbalance@0+1000")])
    port = free_port()
    server = ModbusPlantServer(plant, [ASSET_MB, ASSET_UA], port=port, interval=0.2)
    async with server:
        assert server.unit_ids == {ASSET_MB: 1, ASSET_UA: 2}
        client = AsyncModbusTcpClient("127.0.0.1", port=port, timeout=2, retries=1)
        await client.connect()
        try:
            got = await read_modbus(client, 1)
            # Each value matches the plant at some tick; find it from the server's clock.
            assert_close(got, server.last[ASSET_MB])
            assert server.last_label[ASSET_MB] == "imbalance"
            assert_close(await read_modbus(client, 1, table="input"), server.last[ASSET_MB])
            assert_close(await read_modbus(client, 2), server.last[ASSET_UA])
            # A single feature at its documented address: pump flow is feature 19 -> 38.
            i = PLANT_FEATURES.index("pump_data.flow")
            rr = await client.read_holding_registers(2 * i, count=2, device_id=1)
            (flow,) = struct.unpack(">f", struct.pack(">2H", *rr.registers))
            assert flow == pytest.approx(server.last[ASSET_MB]["pump_data.flow"], rel=1e-6)
            # The plant's map is read-only; the speed setpoint (40-41) ends the holding
            # table, and the input table ends at register 39.
            assert (await client.write_register(0, 1, device_id=1)).isError()
            assert not (await client.read_holding_registers(38, count=4, device_id=1)).isError()
            assert (await client.read_holding_registers(40, count=4, device_id=1)).isError()
            assert (await client.read_input_registers(38, count=4, device_id=1)).isError()
            # Values follow the plant tick by tick.
            first = server.updates
            await wait_for(lambda: server.updates >= first + 4)
            later = await read_modbus(client, 1)
            assert later != got
            assert_close(later, server.last[ASSET_MB])
        finally:
            client.close()


async def test_modbus_values_are_the_plants_at_the_tick() -> None:
    plant = Plant(seed=9)
    clock = SimClock(0.5)
    port = free_port()
    async with ModbusPlantServer(plant, [ASSET_MB], port=port, clock=clock):
        client = AsyncModbusTcpClient("127.0.0.1", port=port, timeout=2, retries=1)
        await client.connect()
        try:
            tick = clock.tick()
            got = await read_modbus(client, 1)
        finally:
            client.close()
    # The read happened during `tick` (or the update for the next one had landed).
    candidates = [plant.sample(ASSET_MB, clock.sim_time(k)) for k in (tick - 1, tick, tick + 1)]
    assert any(
        all(got[k] == pytest.approx(c[k], rel=1e-6, abs=1e-6) for k in PLANT_FEATURES)
        for c in candidates
    )


async def test_modbus_server_stops_and_restarts_on_the_same_port() -> None:
    port = free_port()
    server = ModbusPlantServer(Plant(), [ASSET_MB], port=port, interval=0.2)
    await server.start()
    await server.stop()
    assert port_is_closed(port)
    await server.stop()  # twice is harmless
    await server.start()
    try:
        client = AsyncModbusTcpClient("127.0.0.1", port=port, timeout=2, retries=1)
        await client.connect()
        try:
            assert_close(await read_modbus(client, 1), server.last[ASSET_MB])
        finally:
            client.close()
    finally:
        await server.stop()


async def test_modbus_port_taken_is_a_clear_error() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        server = ModbusPlantServer(Plant(), [ASSET_MB], port=port)
        with pytest.raises(SimulatorError, match=f"cannot listen on 127.0.0.1:{port}"):
            await server.start()
        assert not server.running


@pytest.fixture
def pty_pair(tmp_path: Path) -> Iterator[tuple[str, str]]:
    socat = shutil.which("socat")
    if socat is None:
        pytest.skip("socat is not installed")
    a, b = tmp_path / "ttyA", tmp_path / "ttyB"
    proc = subprocess.Popen(
        [socat, f"pty,raw,echo=0,link={a}", f"pty,raw,echo=0,link={b}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 5
        while not (a.exists() and b.exists()):
            if time.monotonic() > deadline:
                raise TimeoutError("socat did not create the pty pair")
            time.sleep(0.02)
        yield str(a), str(b)
    finally:
        proc.terminate()
        proc.wait(5)


async def test_modbus_rtu_over_a_pty_pair(pty_pair: tuple[str, str]) -> None:
    server_end, client_end = pty_pair
    # Linux ptys refuse parity bits (EINVAL), so both ends use 8N1 here.
    server = modbus_rtu_server(Plant(), [ASSET_MB, ASSET_UA], server_end, parity="N", interval=0.2)
    async with server:
        client = AsyncModbusSerialClient(
            client_end, baudrate=19200, parity="N", timeout=2, retries=1
        )
        assert await client.connect()
        try:
            assert_close(await read_modbus(client, 1), server.last[ASSET_MB])
            assert_close(await read_modbus(client, 2), server.last[ASSET_UA])
        finally:
            client.close()


async def test_modbus_rtu_bad_port_is_a_clear_error(tmp_path: Path) -> None:
    server = modbus_rtu_server(Plant(), [ASSET_MB], str(tmp_path / "no-such-tty"))
    with pytest.raises(SimulatorError, match="no-such-tty"):
        await server.start()


# --------------------------------------------------------------------------- OPC UA


async def test_opcua_serves_plant_objects_as_doubles() -> None:
    port = free_port()
    server = OpcuaPlantServer(Plant(seed=2), [ASSET_UA, ASSET_MB], port=port, interval=0.2)
    async with server:
        async with OpcuaClient(server.url, timeout=5) as client:
            ns = await client.get_namespace_index(OPCUA_NAMESPACE)
            assert ns == 2
            for asset in (ASSET_UA, ASSET_MB):
                nodes = [client.get_node(f"ns=2;s={asset}.{f}") for f in PLANT_FEATURES]
                values = await client.read_values(nodes)
                assert_close(dict(zip(PLANT_FEATURES, values, strict=True)), server.last[asset])
            # The browse path Objects/Plant/<asset>/<group>/<point> reaches the same node.
            node = await client.nodes.objects.get_child(
                ["2:Plant", f"2:{ASSET_UA}", "2:pump_data", "2:suction_pressure"]
            )
            assert node.nodeid.to_string() == f"ns=2;s={ASSET_UA}.pump_data.suction_pressure"
            assert await node.read_data_type_as_variant_type() == ua.VariantType.Double
            groups = await (
                await client.nodes.objects.get_child(["2:Plant", f"2:{ASSET_UA}"])
            ).get_children()
            names = sorted([(await g.read_browse_name()).Name for g in groups])
            assert names == ["control", "motor_data", "pump_data"]
            # Values move with the ticks and carry a source timestamp.
            first = await node.read_data_value()
            await wait_for(lambda: server.updates >= 6)
            await asyncio.sleep(0.3)
            second = await node.read_data_value()
            assert first.Value is not None and second.Value is not None
            assert second.Value.Value != first.Value.Value
            assert first.SourceTimestamp is not None and second.SourceTimestamp is not None
            assert second.SourceTimestamp > first.SourceTimestamp
            # Read-only: a client cannot change the plant.
            with pytest.raises(ua.UaStatusCodeError):
                await node.write_value(ua.Variant(1.0, ua.VariantType.Double))


async def _certificate(tmp_path: Path, name: str, uri: str, server: bool) -> tuple[str, str]:
    from asyncua.crypto.cert_gen import setup_self_signed_certificate
    from cryptography.x509.oid import ExtendedKeyUsageOID

    key, cert = tmp_path / f"{name}-key.pem", tmp_path / f"{name}-cert.der"
    usage = ExtendedKeyUsageOID.SERVER_AUTH if server else ExtendedKeyUsageOID.CLIENT_AUTH
    await setup_self_signed_certificate(key, cert, uri, "localhost", [usage], {"commonName": name})
    return str(cert), str(key)


async def test_opcua_security_sign_and_encrypt_with_a_user(tmp_path: Path) -> None:
    server_cert, server_key = await _certificate(
        tmp_path, "server", "urn:aastreli:simulator:server", server=True
    )
    client_cert, client_key = await _certificate(
        tmp_path, "client", "urn:aastreli:test", server=False
    )
    port = free_port()
    server = OpcuaPlantServer(
        Plant(),
        [ASSET_UA],
        port=port,
        interval=0.5,
        cert_file=server_cert,
        key_file=server_key,
        username="operator",
        password="s3cret",
    )
    security = f"Basic256Sha256,SignAndEncrypt,{client_cert},{client_key},{server_cert}"
    async with server:
        client = OpcuaClient(server.url, timeout=5)
        client.application_uri = "urn:aastreli:test"
        endpoints = await client.connect_and_get_server_endpoints()
        assert {(e.SecurityPolicyUri.rsplit("#", 1)[1], e.SecurityMode) for e in endpoints} == {
            ("Basic256Sha256", ua.MessageSecurityMode.SignAndEncrypt)
        }
        client = OpcuaClient(server.url, timeout=5)
        client.application_uri = "urn:aastreli:test"
        await client.set_security_string(security)
        client.set_user("operator")
        client.set_password("s3cret")
        async with client:
            value = await client.get_node(f"ns=2;s={ASSET_UA}.motor_data.current").read_value()
            assert 15 < value < 50  # amperes: a real reading through the secure channel
        for user, password in (("operator", "wrong"), (None, None)):
            client = OpcuaClient(server.url, timeout=5)
            client.application_uri = "urn:aastreli:test"
            await client.set_security_string(security)
            if user is not None and password is not None:
                client.set_user(user)
                client.set_password(password)
            with pytest.raises(ua.UaStatusCodeError):
                await client.connect()
            client.disconnect_socket()
        plain = OpcuaClient(server.url, timeout=5)
        with pytest.raises((ua.UaError, OSError, TimeoutError)):
            await plain.connect()  # no None endpoint
        plain.disconnect_socket()


async def test_opcua_stop_frees_the_port() -> None:
    port = free_port()
    server = OpcuaPlantServer(Plant(), [ASSET_UA], port=port, interval=0.5)
    await server.start()
    await server.stop()
    assert port_is_closed(port)


# --------------------------------------------------------------------------- MQTT


class Subscriber:
    """A gmqtt subscriber collecting (topic, payload) pairs."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, dict[str, Any]]] = []
        self.client = MqttClient(f"test-sub-{os.getpid()}-{time.monotonic_ns()}")
        self.client.on_message = self._on_message

    def _on_message(self, client: Any, topic: str, payload: bytes, qos: int, props: Any) -> int:
        self.messages.append((topic, json.loads(payload)))
        return 0

    async def start(self, port: int, topic: str = "sensors/+/data") -> None:
        await self.client.connect("127.0.0.1", port, version=MQTTv311)
        self.client.subscribe(topic, qos=1)
        await asyncio.sleep(0.2)  # SUBACK

    async def stop(self) -> None:
        await self.client.disconnect()


@pytest.fixture
async def subscriber(mosquitto: Mosquitto) -> AsyncIterator[Subscriber]:
    sub = Subscriber()
    await sub.start(mosquitto.port)
    yield sub
    await sub.stop()


async def test_mqtt_publishes_the_seed_payload_shape(
    mosquitto: Mosquitto, subscriber: Subscriber
) -> None:
    publisher = MqttPlantPublisher(
        Plant(), [ASSET_MQ, ASSET_MB], port=mosquitto.port, interval=0.2, qos=1
    )
    async with publisher:
        await asyncio.wait_for(publisher.connected.wait(), 10)
        await wait_for(lambda: len(subscriber.messages) >= 6)
    topics = {t for t, _ in subscriber.messages}
    assert topics == {f"sensors/{ASSET_MQ}/data", f"sensors/{ASSET_MB}/data"}
    for topic, body in subscriber.messages:
        assert set(body) == {"sensor_id", "timestamp", "motor_data", "pump_data"}
        assert topic == f"sensors/{body['sensor_id']}/data"
        assert tuple(body["motor_data"]) == MOTOR_POINTS
        assert tuple(body["pump_data"]) == PUMP_POINTS
        assert set(flatten_seed_payload(body)) == set(PLANT_FEATURES)
        assert body["timestamp"].endswith("Z")
        stamp = datetime.strptime(body["timestamp"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
        assert abs(stamp.timestamp() - time.time()) < 30
    # One message per asset per tick, timestamps a tick apart.
    stamps = sorted(
        datetime.strptime(b["timestamp"], "%Y-%m-%dT%H:%M:%S.%fZ").timestamp()
        for _, b in subscriber.messages
        if b["sensor_id"] == ASSET_MQ
    )
    gaps = {round(b - a, 1) for a, b in itertools.pairwise(stamps)}
    assert gaps <= {0.2, 0.4, 0.6}  # a late tick is skipped, never duplicated
    assert publisher.published >= 6 and publisher.skipped == 0


async def test_mqtt_topic_template(mosquitto: Mosquitto) -> None:
    sub = Subscriber()
    await sub.start(mosquitto.port, "plant/#")
    try:
        async with MqttPlantPublisher(
            Plant(), [ASSET_MQ], port=mosquitto.port, interval=0.2, topic="plant/{asset}/telemetry"
        ):
            await wait_for(lambda: len(sub.messages) >= 1)
    finally:
        await sub.stop()
    assert sub.messages[0][0] == f"plant/{ASSET_MQ}/telemetry"
    with pytest.raises(ValueError, match="asset"):
        MqttPlantPublisher(Plant(), [ASSET_MQ], topic="plant/data")


async def test_mqtt_waits_for_a_late_broker_and_survives_an_outage(tmp_path: Path) -> None:
    broker = Mosquitto(tmp_path / "late")
    publisher = MqttPlantPublisher(Plant(), [ASSET_MQ], port=broker.port, interval=0.2, retry=0.2)
    await publisher.start()  # no broker yet: starts anyway and skips ticks
    try:
        await wait_for(lambda: publisher.skipped >= 2)
        broker.start()
        sub = Subscriber()
        await sub.start(broker.port)
        await asyncio.wait_for(publisher.connected.wait(), 10)
        await wait_for(lambda: len(sub.messages) >= 2)
        await sub.stop()
        # Outage: the broker goes away and comes back on the same port.
        broker.stop()
        await wait_for(lambda: not publisher.connected.is_set())
        broker.start()
        sub = Subscriber()
        await sub.start(broker.port)
        await wait_for(lambda: len(sub.messages) >= 2, within=20)
        await sub.stop()
    finally:
        await publisher.stop()
        broker.stop()


# --------------------------------------------------------------------------- wiring


def _sim_config(**extra: Any) -> SimulatorConfig:
    tree: dict[str, Any] = {
        "interval": 0.2,
        "modbus": {"port": free_port()},
        "opcua": {"port": free_port()},
        "mqtt": {"port": free_port()},
    }
    tree.update(extra)
    return SimulatorConfig.model_validate(tree)


def test_gateway_sources_are_valid_gateway_config() -> None:
    cfg = _sim_config(mqtt={"port": 1884, "qos": 1, "topic": "plant/{asset}/data"})
    sources = gateway_sources(cfg, rtu_port="/dev/ttyUSB0")
    gw = parse_config({"sources": sources}, "<simulator>")
    by_name = {s.name: s for s in gw.sources}
    assert set(by_name) == {
        "simulator-mqtt",
        "simulator-modbus",
        "simulator-modbus-rtu",
        "simulator-opcua",
    }
    mqtt = by_name["simulator-mqtt"]
    assert isinstance(mqtt, MqttSourceConfig)
    assert (mqtt.port, mqtt.topics, mqtt.payload, mqtt.qos) == (1884, ["plant/+/data"], "seed", 1)
    modbus, rtu = by_name["simulator-modbus"], by_name["simulator-modbus-rtu"]
    assert isinstance(modbus, ModbusSourceConfig) and isinstance(rtu, ModbusSourceConfig)
    assert modbus.port == cfg.modbus.port
    (device,) = modbus.devices
    assert (device.name, device.unit_id) == (ASSET_MB, 1)
    assert [(p.feature, p.address, p.type, p.order) for p in device.points] == [
        (f, 2 * i, "float32", "ABCD") for i, f in enumerate(PLANT_FEATURES)
    ] + [("control.stop", 0, "bool", "ABCD"), ("control.speed_setpoint", 40, "float32", "ABCD")]
    # The stop coil and the speed setpoint are writable (docs/simulator.md), over TCP only:
    # one source writes to a set; the RTU source reads the same map.
    assert [p.feature for p in device.points if p.writable is not None] == [
        "control.stop",
        "control.speed_setpoint",
    ]
    assert rtu.serial is not None and rtu.serial.port == "/dev/ttyUSB0"
    assert [p.model_copy(update={"writable": None}) for p in device.points] == list(
        rtu.devices[0].points
    )
    opcua = by_name["simulator-opcua"]
    assert isinstance(opcua, OpcuaSourceConfig)
    assert opcua.url == f"opc.tcp://127.0.0.1:{cfg.opcua.port}/"
    assert {(p.sensor_id, p.feature, p.node) for p in opcua.points} == {
        (ASSET_UA, f, f"ns=2;s={ASSET_UA}.{f}")
        for f in (*PLANT_FEATURES, "control.stop", "control.speed_setpoint")
    }
    assert [m.name for m in opcua.methods] == [f"{ASSET_UA}/SetSpeed"]
    assert [s["kind"] for s in gateway_sources(cfg, protocols=["opcua"])] == ["opcua"]
    assert gateway_sources(cfg, modbus_port=1502)[1]["port"] == 1502


async def test_run_simulator_serves_all_three_and_stops(mosquitto: Mosquitto) -> None:
    cfg = _sim_config(mqtt={"port": mosquitto.port})
    stop = asyncio.Event()
    seen: list[Simulator] = []
    sub = Subscriber()
    await sub.start(mosquitto.port)
    task = asyncio.create_task(run_simulator(cfg, stop, on_started=seen.append))
    try:
        await wait_for(lambda: bool(seen), within=30)
        (sim,) = seen
        assert set(sim.servers) == {"mqtt", "modbus", "opcua"}
        client = AsyncModbusTcpClient("127.0.0.1", port=cfg.modbus.port, timeout=2, retries=1)
        await client.connect()
        values = await read_modbus(client, 1)
        client.close()
        assert_close(values, sim.servers["modbus"].last[ASSET_MB])
        async with OpcuaClient(f"opc.tcp://127.0.0.1:{cfg.opcua.port}/", timeout=5) as oc:
            flow = await oc.get_node(f"ns=2;s={ASSET_UA}.pump_data.flow").read_value()
            assert 50 < flow < 150
        await wait_for(lambda: any(b["sensor_id"] == ASSET_MQ for _, b in sub.messages))
    finally:
        stop.set()
        await asyncio.wait_for(task, 15)
        await sub.stop()
    assert port_is_closed(cfg.modbus.port) and port_is_closed(cfg.opcua.port)


async def test_simulator_start_failure_leaves_nothing_running() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        cfg = _sim_config(opcua={"port": busy.getsockname()[1]})
        sim = Simulator(cfg, protocols=["modbus", "opcua"])
        with pytest.raises(SimulatorError, match="OPC UA"):
            await sim.start()
        assert not any(s.running for s in sim.servers.values())
        assert port_is_closed(cfg.modbus.port)


def test_simulate_command_serves_modbus_until_sigterm(tmp_path: Path) -> None:
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gateway.simulator.cli",
            "--protocols",
            "modbus",
            "--modbus-port",
            str(port),
            "--interval",
            "0.5",
            "--seed",
            "4",
            "--fault",
            f"{ASSET_MB}:cavitation@0+600",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_listening(port, timeout=30)

        async def read() -> dict[str, float]:
            client = AsyncModbusTcpClient("127.0.0.1", port=port, timeout=2, retries=1)
            await client.connect()
            try:
                return await read_modbus(client, 1)
            finally:
                client.close()

        values = asyncio.run(read())
        # Another process, same seed and schedule: the values are this plant's at some tick.
        plant = Plant(seed=4, schedule=[parse_fault(f"{ASSET_MB}:cavitation@0+600")])
        ticks = [plant.sample(ASSET_MB, k * 0.5) for k in range(240)]
        assert any(
            all(values[f] == pytest.approx(c[f], rel=1e-6, abs=1e-6) for f in PLANT_FEATURES)
            for c in ticks
        )
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=15)
    assert proc.returncode == 0, err
    assert f"Modbus TCP  127.0.0.1:{port}  unit 1 = {ASSET_MB}" in out
    assert "fault cavitation on industrial_sensor_2 from 0 s for 600 s" in out
