"""Serve the simulated plant over Modbus TCP/RTU (pymodbus), OPC UA (asyncua) and MQTT (gmqtt).

Each server is started and stopped on its own (``await s.start()`` / ``await s.stop()``,
or ``async with``), so tests can take one protocol down for an outage. All servers of a
simulator share one ``SimClock``: at the k-th tick the simulator time is exactly
``k * interval`` seconds, so a value depends only on (seed, asset, k) and every protocol
shows the same plant.

Layouts (also in docs/simulator.md):

- Modbus: one unit id per asset (1, 2, ... in the order of the served assets). Feature i
  of PLANT_FEATURES is a float32, big-endian word and byte order (ABCD), in the two
  registers at address 2*i; 40 registers from 0 to 39. The device uses one shared block,
  so holding (FC3) and input (FC4) reads return the same registers; writes are refused.
- OPC UA: namespace ``urn:aastreli:simulator`` (index 2 on this server), objects
  ``Objects/Plant/<asset>/<group>/<point>`` of type Double, node ids
  ``ns=2;s=<asset>.<group>.<point>`` (e.g. ``ns=2;s=industrial_sensor_3.motor_data.DE_temp``).
- MQTT: topic ``sensors/<asset>/data`` (template configurable), payload
  ``{"sensor_id", "timestamp" (ISO-8601 UTC, ms, Z), "motor_data": {...}, "pump_data": {...}}``.
"""

from __future__ import annotations

import abc
import asyncio
import contextlib
import functools
import hmac
import json
import logging
import struct
import time
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from gateway.config.simulator import SimulatorConfig
from gateway.features import PLANT_FEATURES
from gateway.simulator.plant import Cycle, FaultEvent, Plant, nest

log = logging.getLogger(__name__)

OPCUA_NAMESPACE = "urn:aastreli:simulator"
OPCUA_APP_URI = "urn:aastreli:simulator:server"
# 2 registers per float32 feature, feature i at 2*i.
MODBUS_REGISTERS = 2 * len(PLANT_FEATURES)


class SimulatorError(Exception):
    """A simulator server could not start (port taken, bad serial port, bad certificate)."""


class SimClock:
    """Simulator time shared by the servers: 0 at creation, ticking every ``interval`` s."""

    def __init__(self, interval: float = 1.0) -> None:
        if interval <= 0:
            raise ValueError("interval must be > 0")
        self.interval = interval
        self._mono0 = time.monotonic()
        self._wall0 = time.time()

    def tick(self) -> int:
        """The number of the current tick."""
        return int((time.monotonic() - self._mono0) / self.interval)

    def sim_time(self, tick: int) -> float:
        return tick * self.interval

    def wall_time(self, tick: int) -> float:
        """Seconds since the epoch at which ``tick`` began."""
        return self._wall0 + tick * self.interval

    def until(self, tick: int) -> float:
        """Seconds from now to the start of ``tick`` (0 if it has begun)."""
        return max(0.0, self._mono0 + tick * self.interval - time.monotonic())


def iso_utc(ts: float) -> str:
    """``2026-02-01T14:25:30.123Z``: the seed's timestamp format."""
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def float_registers(values: Sequence[float]) -> list[int]:
    """float32 values to registers, big-endian words and bytes (ABCD)."""
    raw = struct.pack(f">{len(values)}f", *values)
    return list(struct.unpack(f">{2 * len(values)}H", raw))


class PlantServer(abc.ABC):
    """One protocol's view of the plant; refreshes its assets' values every tick."""

    protocol = ""

    def __init__(
        self,
        plant: Plant,
        assets: Sequence[str],
        *,
        clock: SimClock | None = None,
        interval: float = 1.0,
    ) -> None:
        if not assets:
            raise ValueError("a plant server needs at least one asset")
        unknown = [a for a in assets if a not in plant.assets]
        if unknown:
            raise ValueError(f"assets not in the plant: {', '.join(unknown)}")
        self.plant = plant
        self.assets: tuple[str, ...] = tuple(assets)
        self.clock = clock or SimClock(interval)
        self.updates = 0  # asset values refreshed
        self.last: dict[str, dict[str, float]] = {}
        self.last_label: dict[str, str] = {}
        self._task: asyncio.Task[None] | None = None

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    async def start(self) -> None:
        if self.running:
            return
        tick = self.clock.tick()
        self._refresh_values(tick)
        await self._open()
        await self._push(tick)
        self._task = asyncio.create_task(self._loop(tick + 1), name=f"simulator-{self.protocol}")
        self._task.add_done_callback(self._on_loop_done)
        log.info("simulator %s serving %s", self.protocol, ", ".join(self.assets))

    def _on_loop_done(self, task: asyncio.Task[None]) -> None:
        # The update loop only ends by cancellation; anything else is a bug worth a
        # traceback (the server keeps serving its last values).
        if not task.cancelled() and task.exception() is not None:
            log.error(
                "simulator %s: update loop failed",
                self.protocol,
                exc_info=task.exception(),
            )

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await self._close()

    async def __aenter__(self) -> PlantServer:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def _loop(self, tick: int) -> None:
        while True:
            await asyncio.sleep(self.clock.until(tick))
            # After a stall (a suspended laptop, a slow Pi) skip to the current tick
            # instead of replaying every missed one.
            tick = max(tick, self.clock.tick())
            self._refresh_values(tick)
            await self._push(tick)
            tick += 1

    def _refresh_values(self, tick: int) -> None:
        t = self.clock.sim_time(tick)
        for asset in self.assets:
            self.last[asset] = self.plant.sample(asset, t)
            self.last_label[asset] = self.plant.label(asset, t)
            self.updates += 1

    @abc.abstractmethod
    async def _open(self) -> None:
        """Bind/connect; raise SimulatorError on failure."""

    @abc.abstractmethod
    async def _push(self, tick: int) -> None:
        """Make ``self.last`` visible to clients."""

    @abc.abstractmethod
    async def _close(self) -> None:
        """Release sockets and ports; safe to call twice."""


# --------------------------------------------------------------------------- Modbus


class _ModbusPlantBase(PlantServer):
    protocol = "modbus"

    def __init__(
        self,
        plant: Plant,
        assets: Sequence[str],
        *,
        clock: SimClock | None = None,
        interval: float = 1.0,
        first_unit: int = 1,
    ) -> None:
        super().__init__(plant, assets, clock=clock, interval=interval)
        if not 1 <= first_unit <= 248 - len(self.assets):
            raise ValueError("unit ids must stay within 1..247")
        # Unit id 0 is the broadcast address (and pymodbus's "any device"): never used.
        self.unit_ids = {a: first_unit + i for i, a in enumerate(self.assets)}
        self._registers = {a: [0] * MODBUS_REGISTERS for a in self.assets}
        self._server: Any = None

    def _devices(self) -> list[Any]:
        from pymodbus.simulator import DataType, SimData, SimDevice

        return [
            SimDevice(
                id=self.unit_ids[a],
                simdata=[
                    SimData(
                        0,
                        count=MODBUS_REGISTERS,
                        values=0,
                        datatype=DataType.REGISTERS,
                        readonly=True,
                    )
                ],
                action=functools.partial(self._on_access, a),
            )
            for a in self.assets
        ]

    async def _on_access(
        self,
        asset: str,
        function_code: int,
        start_address: int,
        address: int,
        count: int,
        registers: list[int],
        set_values: list[int] | list[bool] | None,
    ) -> None:
        # pymodbus hands the device's live register list to this hook before answering;
        # copying the latest tick in here means the update loop never touches pymodbus's
        # internals. The list has one extra (invalid) register at the end: left alone.
        registers[:MODBUS_REGISTERS] = self._registers[asset]

    async def _push(self, tick: int) -> None:
        for asset in self.assets:
            values = self.last[asset]
            self._registers[asset] = float_registers([values[n] for n in PLANT_FEATURES])

    async def _close(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            await server.shutdown()


class ModbusPlantServer(_ModbusPlantBase):
    """Modbus TCP server (pymodbus's own), one unit id per asset."""

    def __init__(
        self,
        plant: Plant,
        assets: Sequence[str],
        *,
        host: str = "127.0.0.1",
        port: int = 5020,
        clock: SimClock | None = None,
        interval: float = 1.0,
        first_unit: int = 1,
    ) -> None:
        super().__init__(plant, assets, clock=clock, interval=interval, first_unit=first_unit)
        self.host = host
        self.port = port

    async def _open(self) -> None:
        from pymodbus.server import ModbusTcpServer

        server = ModbusTcpServer(self._devices(), address=(self.host, self.port))
        try:
            await server.serve_forever(background=True)
        except (RuntimeError, OSError) as err:
            server.close()
            raise SimulatorError(
                f"Modbus TCP server cannot listen on {self.host}:{self.port}: {err}"
            ) from err
        self._server = server


class ModbusRtuPlantServer(_ModbusPlantBase):
    """Modbus RTU server on a serial port (a USB adapter, or one end of a socat pty pair)."""

    def __init__(
        self,
        plant: Plant,
        assets: Sequence[str],
        *,
        port: str,
        baudrate: int = 19200,
        parity: str = "E",
        bytesize: int = 8,
        stopbits: int = 1,
        clock: SimClock | None = None,
        interval: float = 1.0,
        first_unit: int = 1,
    ) -> None:
        super().__init__(plant, assets, clock=clock, interval=interval, first_unit=first_unit)
        self.port = port
        self.baudrate, self.parity, self.bytesize, self.stopbits = (
            baudrate,
            parity,
            bytesize,
            stopbits,
        )

    async def _open(self) -> None:
        from pymodbus.server import ModbusSerialServer

        server = ModbusSerialServer(
            self._devices(),
            port=self.port,
            baudrate=self.baudrate,
            parity=self.parity,
            bytesize=self.bytesize,
            stopbits=self.stopbits,
        )
        try:
            await server.serve_forever(background=True)
        except (RuntimeError, OSError) as err:
            server.close()
            raise SimulatorError(f"Modbus RTU server cannot open {self.port}: {err}") from err
        self._server = server


def modbus_rtu_server(
    plant: Plant, assets: Sequence[str], port: str, **kwargs: Any
) -> ModbusRtuPlantServer:
    """An RTU server for ``assets`` on the serial device ``port`` (not started)."""
    return ModbusRtuPlantServer(plant, assets, port=port, **kwargs)


# --------------------------------------------------------------------------- OPC UA


def opcua_node_id(asset: str, feature: str, ns: int = 2) -> str:
    """``ns=2;s=industrial_sensor_3.motor_data.DE_temp``."""
    return f"ns={ns};s={asset}.{feature}"


class _PasswordUsers:
    """asyncua user manager accepting one username/password pair."""

    def __init__(self, username: str, password: str) -> None:
        self._username = username.encode()
        self._password = password.encode()

    def get_user(
        self,
        iserver: Any,
        username: str | None = None,
        password: str | None = None,
        certificate: Any = None,
    ) -> Any:
        from asyncua.crypto.permission_rules import User, UserRole

        if username is None or password is None:
            return None
        ok = hmac.compare_digest(username.encode(), self._username) & hmac.compare_digest(
            password.encode(), self._password
        )
        return User(role=UserRole.User, name=username) if ok else None


class OpcuaPlantServer(PlantServer):
    """OPC UA server (asyncua's own) with one Double variable per asset point.

    With ``cert_file``/``key_file`` it offers only Basic256Sha256 SignAndEncrypt; with
    ``username``/``password`` it refuses anonymous sessions.
    """

    protocol = "opcua"

    def __init__(
        self,
        plant: Plant,
        assets: Sequence[str],
        *,
        host: str = "127.0.0.1",
        port: int = 4840,
        clock: SimClock | None = None,
        interval: float = 1.0,
        cert_file: str | None = None,
        key_file: str | None = None,
        username: str | None = None,
        password: str | None = None,
    ) -> None:
        super().__init__(plant, assets, clock=clock, interval=interval)
        if (cert_file is None) != (key_file is None):
            raise ValueError("cert_file and key_file go together")
        if (username is None) != (password is None):
            raise ValueError("username and password go together")
        self.host = host
        self.port = port
        self.cert_file = cert_file
        self.key_file = key_file
        self.username = username
        self.password = password
        self.namespace_index = 2
        self._server: Any = None
        self._nodes: dict[str, list[Any]] = {}

    @property
    def url(self) -> str:
        return f"opc.tcp://{self.host}:{self.port}/"

    async def _open(self) -> None:
        from asyncua import Server, ua

        users = (
            _PasswordUsers(self.username, self.password)
            if self.username is not None and self.password is not None
            else None
        )
        server = Server(user_manager=users)  # type: ignore[arg-type]
        await server.init()
        server.set_endpoint(self.url)
        server.set_server_name("Aastreli plant simulator")
        await server.set_application_uri(OPCUA_APP_URI)
        if self.cert_file and self.key_file:
            try:
                await server.load_certificate(self.cert_file)
                await server.load_private_key(self.key_file)
            except (OSError, ValueError) as err:
                raise SimulatorError(f"OPC UA certificate or key unusable: {err}") from err
            server.set_security_policy([ua.SecurityPolicyType.Basic256Sha256_SignAndEncrypt])
        else:
            server.set_security_policy([ua.SecurityPolicyType.NoSecurity])
        if users is not None:
            server.set_identity_tokens([ua.UserNameIdentityToken])
        self.namespace_index = idx = await server.register_namespace(OPCUA_NAMESPACE)
        plant_obj = await server.nodes.objects.add_object(
            ua.NodeId.from_string(f"ns={idx};s=Plant"), f"{idx}:Plant"
        )
        self._nodes = {}
        for asset in self.assets:
            asset_obj = await plant_obj.add_object(
                ua.NodeId.from_string(f"ns={idx};s={asset}"), f"{idx}:{asset}"
            )
            groups: dict[str, Any] = {}
            nodes = []
            values = self.last[asset]
            for feature in PLANT_FEATURES:
                group, _, point = feature.partition(".")
                if group not in groups:
                    groups[group] = await asset_obj.add_object(
                        ua.NodeId.from_string(f"ns={idx};s={asset}.{group}"), f"{idx}:{group}"
                    )
                var = await groups[group].add_variable(
                    ua.NodeId.from_string(opcua_node_id(asset, feature, idx)),
                    f"{idx}:{point}",
                    ua.Variant(values[feature], ua.VariantType.Double),
                )
                nodes.append(var.nodeid)
            self._nodes[asset] = nodes
        try:
            await server.start()  # stops its internal server itself when binding fails
        except OSError as err:
            raise SimulatorError(f"OPC UA server cannot listen on {self.url}: {err}") from err
        self._server = server

    async def _push(self, tick: int) -> None:
        from asyncua import ua

        server = self._server
        if server is None:
            return
        stamp = ua.DateTime.fromtimestamp(self.clock.wall_time(tick), UTC)
        for asset in self.assets:
            values = self.last[asset]
            for nodeid, feature in zip(self._nodes[asset], PLANT_FEATURES, strict=True):
                dv = ua.DataValue(
                    ua.Variant(values[feature], ua.VariantType.Double),
                    SourceTimestamp=stamp,
                    ServerTimestamp=stamp,
                )
                await server.write_attribute_value(nodeid, dv)

    async def _close(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            await server.stop()


# --------------------------------------------------------------------------- MQTT


class MqttPlantPublisher(PlantServer):
    """Publishes each asset's reading in the seed's payload shape every tick.

    ``start()`` does not wait for the broker: the publisher keeps trying to connect
    (every ``retry`` seconds) and skips ticks while it is disconnected (``skipped``), as a
    field device would. Once connected, gmqtt itself reconnects after a drop.
    """

    protocol = "mqtt"

    def __init__(
        self,
        plant: Plant,
        assets: Sequence[str],
        *,
        host: str = "127.0.0.1",
        port: int = 1883,
        clock: SimClock | None = None,
        interval: float = 1.0,
        topic: str = "sensors/{asset}/data",
        qos: int = 0,
        username: str | None = None,
        password: str | None = None,
        client_id: str | None = None,
        retry: float = 2.0,
    ) -> None:
        super().__init__(plant, assets, clock=clock, interval=interval)
        if "{asset}" not in topic:
            raise ValueError("the topic template must contain '{asset}'")
        self.host = host
        self.port = port
        self.topic = topic
        self.qos = qos
        self.username = username
        self.password = password
        self.client_id = client_id or f"aastreli-sim-{int(time.time() * 1000) % 10**9}"
        self.retry = retry
        self.published = 0
        self.skipped = 0
        self.connected = asyncio.Event()
        self._client: Any = None
        self._connector: asyncio.Task[None] | None = None
        self._closing = False
        self._warned = False

    def topic_for(self, asset: str) -> str:
        return self.topic.format(asset=asset)

    def payload(self, asset: str, tick: int) -> bytes:
        body: dict[str, Any] = {
            "sensor_id": asset,
            "timestamp": iso_utc(self.clock.wall_time(tick)),
        }
        body.update(nest(self.last[asset]))
        return json.dumps(body, separators=(",", ":")).encode()

    async def _open(self) -> None:
        self._closing = False
        self._warned = False
        # One attempt inline, so that with a live broker the first tick is published;
        # without one, start() returns and a task keeps trying.
        if not await self._try_connect():
            self._connector = asyncio.create_task(
                self._connect_loop(), name="simulator-mqtt-connect"
            )

    async def _connect_loop(self) -> None:
        while not self._closing:
            await asyncio.sleep(self.retry)
            if await self._try_connect():
                return

    async def _try_connect(self) -> bool:
        from gmqtt import Client
        from gmqtt.mqtt.constants import MQTTv311
        from gmqtt.mqtt.handler import MQTTError

        client = Client(self.client_id)
        client.set_config({"reconnect_delay": self.retry})
        client.on_connect = lambda *_: self.connected.set()
        client.on_disconnect = lambda *_: self.connected.clear()
        if self.username is not None:
            client.set_auth_credentials(self.username, self.password)
        try:
            await asyncio.wait_for(
                client.connect(self.host, self.port, keepalive=30, version=MQTTv311),
                timeout=10,
            )
        except (OSError, TimeoutError, MQTTError) as err:
            # A dead port is an OSError, a refusal (bad credentials) gmqtt's MQTTError;
            # either way a field device keeps retrying. The failed client must not
            # reconnect behind our back.
            client.stop_reconnect()
            with contextlib.suppress(OSError, TimeoutError):
                await asyncio.wait_for(client.disconnect(), timeout=2)
            if not self._warned:
                log.warning(
                    "simulator MQTT: broker %s:%s unreachable (%s), retrying every %g s",
                    self.host,
                    self.port,
                    err,
                    self.retry,
                )
                self._warned = True
            return False
        self._client = client
        self.connected.set()
        log.info("simulator MQTT connected to %s:%s", self.host, self.port)
        return True

    async def _push(self, tick: int) -> None:
        client = self._client
        if client is None or not client.is_connected:
            self.skipped += len(self.assets)
            return
        for asset in self.assets:
            client.publish(self.topic_for(asset), self.payload(asset, tick), qos=self.qos)
            self.published += 1

    async def _close(self) -> None:
        self._closing = True
        connector, self._connector = self._connector, None
        if connector is not None:
            connector.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await connector
        client, self._client = self._client, None
        self.connected.clear()
        if client is not None:
            # The broker may be gone already: the socket then closes without a DISCONNECT.
            with contextlib.suppress(OSError, TimeoutError):
                await asyncio.wait_for(client.disconnect(), timeout=5)


# --------------------------------------------------------------------------- wiring


def build_plant(
    cfg: SimulatorConfig, extra: Iterable[FaultEvent] = (), *, cycle: bool | None = None
) -> Plant:
    """The plant of a config, with ``extra`` scheduled faults (from the CLI).

    ``cycle`` overrides ``cfg.cycle.enabled`` when given.
    """
    schedule = [
        FaultEvent(
            asset=f.asset, start=f.start, duration=f.duration, fault=f.fault, severity=f.severity
        )
        for f in cfg.faults
    ] + list(extra)
    use_cycle = cfg.cycle.enabled if cycle is None else cycle
    return Plant(
        seed=cfg.seed,
        assets=[a.name for a in cfg.assets],
        schedule=schedule,
        cycle=Cycle(
            normal_s=cfg.cycle.normal_s, fault_s=cfg.cycle.fault_s, severity=cfg.cycle.severity
        )
        if use_cycle
        else None,
    )


def assets_by_protocol(cfg: SimulatorConfig) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for a in cfg.assets:
        out.setdefault(a.protocol, []).append(a.name)
    return out


class Simulator:
    """The servers of one config sharing a plant and a clock."""

    def __init__(
        self,
        cfg: SimulatorConfig,
        *,
        plant: Plant | None = None,
        protocols: Iterable[str] | None = None,
    ) -> None:
        self.cfg = cfg
        self.plant = plant or build_plant(cfg)
        self.clock = SimClock(cfg.interval)
        wanted = set(protocols) if protocols is not None else {"mqtt", "modbus", "opcua"}
        self.servers: dict[str, PlantServer] = {}
        by_proto = assets_by_protocol(cfg)
        # OPC UA last: asyncua builds its standard address space for about 2 s of CPU
        # (measured on the 2-core dev VM) while Modbus and MQTT are up in milliseconds.
        for proto in ("modbus", "mqtt", "opcua"):
            if proto in wanted and proto in by_proto:
                self.servers[proto] = self._server(proto, by_proto[proto])
        if cfg.modbus.serial_port and "modbus" in wanted and "modbus" in self.servers:
            self.servers["modbus-rtu"] = modbus_rtu_server(
                self.plant,
                assets_by_protocol(cfg)["modbus"],
                cfg.modbus.serial_port,
                baudrate=cfg.modbus.baudrate,
                parity=cfg.modbus.parity,
                clock=self.clock,
            )

    def _server(self, proto: str, assets: list[str]) -> PlantServer:
        c = self.cfg
        if proto == "modbus":
            return ModbusPlantServer(
                self.plant, assets, host=c.modbus.host, port=c.modbus.port, clock=self.clock
            )
        if proto == "opcua":
            o = c.opcua
            return OpcuaPlantServer(
                self.plant,
                assets,
                host=o.host,
                port=o.port,
                clock=self.clock,
                cert_file=o.cert_file,
                key_file=o.key_file,
                username=o.username,
                password=o.password,
            )
        m = c.mqtt
        return MqttPlantPublisher(
            self.plant,
            assets,
            host=m.host,
            port=m.port,
            clock=self.clock,
            topic=m.topic,
            qos=m.qos,
            username=m.username,
            password=m.password,
        )

    async def start(self) -> None:
        started: list[PlantServer] = []
        try:
            for server in self.servers.values():
                await server.start()
                started.append(server)
        except BaseException:
            for server in reversed(started):
                await server.stop()
            raise

    async def stop(self) -> None:
        for server in reversed(list(self.servers.values())):
            await server.stop()

    async def __aenter__(self) -> Simulator:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()


def gateway_sources(
    cfg: SimulatorConfig,
    *,
    modbus_port: int | None = None,
    opcua_port: int | None = None,
    mqtt_host: str | None = None,
    mqtt_port: int | None = None,
    rtu_port: str | None = None,
    protocols: Iterable[str] | None = None,
) -> list[dict[str, Any]]:
    """Gateway source configs (dicts for ``gateway.config.sources``) that read this plant.

    Ports default to the config's. ``rtu_port`` adds an RTU source on that serial device
    (the gateway's end of the pty pair the simulator serves).
    """
    wanted = set(protocols) if protocols is not None else {"mqtt", "modbus", "opcua"}
    by_proto = assets_by_protocol(cfg)
    out: list[dict[str, Any]] = []
    if "mqtt" in wanted and "mqtt" in by_proto:
        m = cfg.mqtt
        src: dict[str, Any] = {
            "kind": "mqtt",
            "name": "simulator-mqtt",
            "host": mqtt_host or m.host,
            "port": mqtt_port or m.port,
            "topics": [m.topic.format(asset="+")],
            "qos": m.qos,
            "payload": "seed",
            # The demo's embedded broker (amqtt) speaks MQTT 3.1.1 only.
            "protocol": "3.1.1",
        }
        if m.username is not None:
            src["username"], src["password"] = m.username, m.password
        out.append(src)
    if "modbus" in wanted and "modbus" in by_proto:
        devices = _modbus_devices(by_proto["modbus"], cfg.interval)
        out.append(
            {
                "kind": "modbus",
                "name": "simulator-modbus",
                "transport": "tcp",
                "host": cfg.modbus.host,
                "port": modbus_port or cfg.modbus.port,
                "devices": devices,
            }
        )
        if rtu_port is not None:
            out.append(
                {
                    "kind": "modbus",
                    "name": "simulator-modbus-rtu",
                    "transport": "rtu",
                    "host": None,
                    "serial": {
                        "port": rtu_port,
                        "baudrate": cfg.modbus.baudrate,
                        "parity": cfg.modbus.parity,
                    },
                    "devices": devices,
                }
            )
    if "opcua" in wanted and "opcua" in by_proto:
        o = cfg.opcua
        src = {
            "kind": "opcua",
            "name": "simulator-opcua",
            "url": f"opc.tcp://{o.host}:{opcua_port or o.port}/",
            "points": [
                {"sensor_id": a, "feature": f, "node": opcua_node_id(a, f)}
                for a in by_proto["opcua"]
                for f in PLANT_FEATURES
            ],
        }
        if o.username is not None:
            src["username"], src["password"] = o.username, o.password
        if o.cert_file is not None:
            src["security"] = {
                "policy": "Basic256Sha256",
                "mode": "SignAndEncrypt",
                "server_cert": o.cert_file,
            }
        out.append(src)
    return out


def _modbus_devices(assets: Sequence[str], interval: float) -> list[dict[str, Any]]:
    return [
        {
            "name": asset,
            "unit_id": unit,
            "poll_interval": interval,
            "points": [
                {
                    "sensor_id": asset,
                    "feature": f,
                    "address": 2 * i,
                    "type": "float32",
                    "order": "ABCD",
                }
                for i, f in enumerate(PLANT_FEATURES)
            ],
        }
        for unit, asset in enumerate(assets, start=1)
    ]
