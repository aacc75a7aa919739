"""The simulator as a whole: the servers of one config on one plant and clock.

``Simulator`` starts the protocol servers (``modbus_server``, ``opcua_server``,
``mqtt_server``) a config asks for; ``gateway_sources`` gives the gateway source configs
that read them (the demo and the tests wire the two together).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from gateway.config.simulator import SimulatorConfig
from gateway.features import PLANT_FEATURES
from gateway.simulator.base import PlantServer, SimClock
from gateway.simulator.modbus_server import (
    SPEED_REGISTER,
    STOP_COIL,
    ModbusPlantServer,
    modbus_rtu_server,
)
from gateway.simulator.mqtt_server import MqttPlantPublisher
from gateway.simulator.opcua_server import OpcuaPlantServer, opcua_node_id
from gateway.simulator.plant import Cycle, FaultEvent, Plant, SensorShift

# What the simulated sets take as writes (docs/simulator.md), as the gateway maps them: a
# stop command that asks for a second confirmation, and a speed setpoint that only goes
# while the set runs.
STOP = {"confirm": True, "description": "1 stops the pump, 0 starts it"}
SPEED_LIMITS = {"min": 50.0, "max": 110.0, "step": 0.5}


def _speed(asset: str) -> dict[str, Any]:
    running = {"sensor_id": asset, "feature": "control.stop", "equals": 0}
    return {**SPEED_LIMITS, "interlocks": [running], "description": "% of nominal speed"}


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
        shifts=[
            SensorShift(s.asset, s.feature, s.start, s.duration, s.offset, s.gain)
            for s in cfg.shifts
        ],
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
            command_topic=m.command_topic,
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
        src["writable"] = [
            w
            for a in by_proto["mqtt"]
            for w in (
                {**STOP, "sensor_id": a, "feature": "control.stop"},
                {**_speed(a), "sensor_id": a, "feature": "control.speed_setpoint", "unit": "%"},
            )
        ]
        for w in src["writable"]:
            w["topic"] = m.command_topic.format(asset=w["sensor_id"])
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
                    # The same devices, read only: one source writes to a set.
                    "devices": [
                        {
                            **d,
                            "points": [
                                {k: v for k, v in p.items() if k != "writable"} for p in d["points"]
                            ],
                        }
                        for d in devices
                    ],
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
            ]
            + [p for a in by_proto["opcua"] for p in _opcua_controls(a)],
            "methods": [
                {
                    "name": f"{a}/SetSpeed",
                    "sensor_id": a,
                    "object": f"ns=2;s={a}.control",
                    "method": f"ns=2;s={a}.control.SetSpeed",
                    "arguments": [{"name": "speed", "type": "Double", "min": 50, "max": 110}],
                    "description": "sets the speed (% of nominal) through the drive's method",
                }
                for a in by_proto["opcua"]
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


def _opcua_controls(asset: str) -> list[dict[str, Any]]:
    return [
        {
            "sensor_id": asset,
            "feature": "control.stop",
            "node": f"ns=2;s={asset}.control.stop",
            "writable": STOP,
        },
        {
            "sensor_id": asset,
            "feature": "control.speed_setpoint",
            "node": f"ns=2;s={asset}.control.speed_setpoint",
            "unit": "%",
            "writable": _speed(asset),
        },
    ]


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
            ]
            + [
                {
                    "sensor_id": asset,
                    "feature": "control.stop",
                    "table": "coil",
                    "address": STOP_COIL,
                    "type": "bool",
                    "writable": STOP,
                },
                {
                    "sensor_id": asset,
                    "feature": "control.speed_setpoint",
                    "address": SPEED_REGISTER,
                    "type": "float32",
                    "order": "ABCD",
                    "unit": "%",
                    "writable": _speed(asset),
                },
            ],
        }
        for unit, asset in enumerate(assets, start=1)
    ]
