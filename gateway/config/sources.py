"""Config models of the source kinds (MQTT, Modbus TCP/RTU, OPC UA)."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from gateway.config.base import StrictModel
from gateway.config.writes import GuardConfig, WritableConfig


class TlsConfig(StrictModel):
    """TLS towards a broker: the CA that signed its certificate, and ours if it asks for one."""

    ca_file: str | None = Field(None, description="PEM; the system's CAs when unset")
    cert_file: str | None = Field(None, description="client certificate (PEM)")
    key_file: str | None = Field(None, description="client private key (PEM, unencrypted)")
    insecure_skip_verify: bool = Field(
        False, description="accept any server certificate: for a bench, never for a plant"
    )

    @model_validator(mode="after")
    def _pair(self) -> TlsConfig:
        if (self.cert_file is None) != (self.key_file is None):
            raise ValueError("cert_file and key_file go together")
        return self


def _check_topic_filter(topic: str) -> str:
    """MQTT topic filter rules: '+' fills a whole level, '#' only as the whole last level."""
    if not topic or "\x00" in topic:
        raise ValueError("a topic filter must be non-empty text")
    levels = topic.split("/")
    for i, level in enumerate(levels):
        if "#" in level and (level != "#" or i != len(levels) - 1):
            raise ValueError(f"{topic!r}: '#' must be the whole last level")
        if "+" in level and level != "+":
            raise ValueError(f"{topic!r}: '+' must fill a whole level")
    return topic


class MqttWritableConfig(WritableConfig):
    """A value a device takes by MQTT: a message published to its topic (QoS 1).

    Its current value (and the read-back) is the feature of the asset's readings.
    ``payload: json`` sends ``{"sensor_id", "point", "value", "request_id", "timestamp"}``;
    ``plain`` sends the number as text.
    """

    sensor_id: str = Field(min_length=1)
    feature: str = Field(min_length=1)
    topic: str = Field(min_length=1, description="topic the device listens on")
    unit: str | None = None
    payload: Literal["json", "plain"] = "json"
    retain: bool = False

    @field_validator("topic")
    @classmethod
    def _publish_topic(cls, v: str) -> str:
        if "#" in v or "+" in v or v.startswith("$") or "\x00" in v:
            raise ValueError("a topic to publish to holds no wildcard and does not start with $")
        return v


class MqttSourceConfig(StrictModel):
    """A subscription to a plant MQTT broker, and how its payloads map to readings.

    Payload modes: ``seed`` (the seed's JSON: sensor_id, timestamp, motor_data{...},
    pump_data{...}), ``json`` (any JSON object; ``fields`` maps field paths to feature
    names), ``number`` (a plain number per topic; asset and point from topic levels).
    """

    kind: Literal["mqtt"] = "mqtt"
    name: str = Field(min_length=1)
    host: str = "127.0.0.1"
    port: int = Field(1883, ge=1, le=65535)
    client_id: str | None = Field(
        None,
        description="unset: random per connection, or kept in the data folder for a "
        "persistent session",
    )
    username: str | None = None
    password: str | None = None
    protocol: Literal["3.1.1", "5"] = "5"
    clean_session: bool = True
    session_expiry: int = Field(
        86400,
        ge=0,
        le=0xFFFFFFFF,
        description="MQTT 5, clean_session false: seconds the broker keeps the session",
    )
    keepalive: int = Field(
        30,
        ge=1,
        le=65535,
        description="seconds; a PINGREQ after 0.5x without a packet from the broker, the "
        "link is given up after 1.5x (a paused broker keeps TCP open)",
    )
    connect_timeout: float = Field(10.0, gt=0, description="seconds to get the broker's CONNACK")
    tls: TlsConfig | None = None
    topics: list[str] = Field(default_factory=lambda: ["sensors/#"], min_length=1)
    qos: Literal[0, 1, 2] = 1
    ack: Literal["stored", "received"] = Field(
        "stored",
        description="QoS 1/2: acknowledge a message once its reading is stored on "
        "the gateway (the upstream outbox, else the history), or as soon as it is received",
    )
    receive_maximum: int = Field(
        2000,
        ge=1,
        le=65535,
        description="messages that may wait for their acknowledgements: sent to an MQTT 5 "
        "broker, and kept by the source, which stops reading while this many are owed "
        "(see docs/sources.md)",
    )
    payload: Literal["seed", "json", "number"] = "seed"
    max_payload_bytes: int = Field(65536, ge=64)
    sensor_id_field: str = Field(
        "sensor_id", min_length=1, description="seed/json: field path of the asset id"
    )
    sensor_id_segment: int | None = Field(
        None,
        description="topic level (0 first, -1 last) holding the asset id; "
        "overrides sensor_id_field; required for payload number",
    )
    timestamp_field: str | None = Field(
        "timestamp",
        description="field path of the timestamp (ISO-8601 or epoch s/ms/us); null: receive time",
    )
    fields: dict[str, str] = Field(
        default_factory=dict,
        description="json: field path -> feature name; number: point name -> feature name",
    )
    point_segments: list[int] = Field(
        default_factory=lambda: [-1],
        min_length=1,
        description="number: topic levels joined with '.' into the point name",
    )
    stale_after: float | None = Field(
        None,
        gt=0,
        description="seconds without a fresh reading before an asset of this source is "
        "stale; null: derived (assets.stale_factor x the median gap between its readings)",
    )
    writable: list[MqttWritableConfig] = Field(
        default_factory=list,
        max_length=256,
        description="values devices take by MQTT (docs/writes.md); none by default",
    )

    @field_validator("topics")
    @classmethod
    def _topic_filters(cls, topics: list[str]) -> list[str]:
        return [_check_topic_filter(t) for t in topics]

    @model_validator(mode="after")
    def _consistent(self) -> MqttSourceConfig:
        if self.password is not None and self.username is None:
            raise ValueError("password is set without username")
        if self.payload == "json" and not self.fields:
            raise ValueError("payload json needs fields (field path -> feature name)")
        if self.payload == "number" and self.sensor_id_segment is None:
            raise ValueError(
                "payload number needs sensor_id_segment (the topic level of the asset)"
            )
        if any(not k or not v for k, v in self.fields.items()):
            raise ValueError("fields: empty field path or feature name")
        return self


# Registers (16 bit) each Modbus value type occupies; a string's length is configured.
MODBUS_TYPE_REGISTERS: dict[str, int] = {
    "bool": 1,
    "int16": 1,
    "uint16": 1,
    "int32": 2,
    "uint32": 2,
    "float32": 2,
    "int64": 4,
    "uint64": 4,
    "float64": 4,
}


class ModbusPointConfig(StrictModel):
    """One register-mapped value of a Modbus device.

    ``address`` is the protocol address, counted from 0 in its table: holding register
    "40001" is ``table: holding, address: 0``. ``order`` names the bytes of the value as
    they arrive, A the most significant: ABCD big-endian (the Modbus default), CDAB
    word-swapped, BADC byte-swapped, DCBA little-endian. value = raw * scale + offset.
    """

    sensor_id: str = Field(min_length=1)
    feature: str = Field(min_length=1)
    table: Literal["holding", "input", "coil", "discrete"] = "holding"
    address: int = Field(ge=0, le=65535)
    type: Literal[
        "bool",
        "int16",
        "uint16",
        "int32",
        "uint32",
        "int64",
        "uint64",
        "float32",
        "float64",
        "string",
    ] = "float32"
    order: Literal["ABCD", "BADC", "CDAB", "DCBA"] = "ABCD"
    length: int | None = Field(None, ge=1, le=125, description="registers, for strings")
    scale: float = 1.0
    offset: float = 0.0
    unit: str | None = None
    writable: WritableConfig | None = Field(
        None, description="holding registers and coils only; not writable when unset"
    )

    @model_validator(mode="after")
    def _consistent(self) -> ModbusPointConfig:
        if self.table in ("coil", "discrete") and self.type != "bool":
            raise ValueError("coils and discrete inputs are single bits: type must be bool")
        if self.type == "string" and self.length is None:
            raise ValueError("a string point needs length (in registers)")
        if self.type != "string" and self.length is not None:
            raise ValueError("length is only for string points")
        if self.address + self.registers > 65536:
            raise ValueError("the value runs past register 65535")
        if self.writable is not None:
            if self.table not in ("holding", "coil"):
                raise ValueError(
                    f"a {self.table} point is read-only: writable needs holding or coil"
                )
            if self.type == "string":
                raise ValueError("string points cannot be written")
            if self.scale == 0:
                raise ValueError("a writable point needs a non-zero scale")
        return self

    @property
    def registers(self) -> int:
        """Registers (or bits, for coils and discrete inputs) the value occupies."""
        if self.table in ("coil", "discrete"):
            return 1
        return self.length if self.length is not None else MODBUS_TYPE_REGISTERS[self.type]


class ModbusDeviceConfig(StrictModel):
    """One device (unit id) on the connection or bus, polled on its own schedule."""

    name: str = Field(min_length=1)
    unit_id: int = Field(1, ge=0, le=255)
    poll_interval: float = Field(1.0, gt=0)
    timeout: float = Field(1.0, gt=0, description="seconds to wait for each answer")
    retries: int = Field(1, ge=0, le=10)
    backoff_max: float = Field(
        30.0, gt=0, description="seconds between attempts at most while the device is silent"
    )
    max_registers: int | None = Field(
        None, ge=1, le=125, description="overrides the source's, for a device with a lower limit"
    )
    max_gap: int | None = Field(None, ge=0, le=100, description="overrides the source's")
    stale_after: float | None = Field(
        None,
        gt=0,
        description="seconds without a fresh reading before this device's assets are "
        "stale; null: the source's, else derived (assets.stale_factor x poll_interval)",
    )
    points: list[ModbusPointConfig] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_points(self) -> ModbusDeviceConfig:
        seen: set[tuple[str, str]] = set()
        for p in self.points:
            if (p.sensor_id, p.feature) in seen:
                raise ValueError(f"point {p.sensor_id}/{p.feature} is mapped twice")
            seen.add((p.sensor_id, p.feature))
        return self


class SerialConfig(StrictModel):
    """An RS-485/RS-232 line: a device path, or a pyserial URL (rfc2217://, socket://)."""

    port: str = Field(min_length=1)
    baudrate: int = Field(19200, gt=0)
    parity: Literal["N", "E", "O"] = "E"
    bytesize: Literal[7, 8] = 8
    stopbits: Literal[1, 2] = 1
    flush_after_timeout: float = Field(
        0.1,
        gt=0,
        le=5.0,
        description="seconds of quiet after a timeout before the next request; a late "
        "answer that arrives meanwhile is thrown away",
    )


class ModbusSourceConfig(StrictModel):
    """A Modbus TCP connection or an RTU serial bus, with the devices on it."""

    kind: Literal["modbus"] = "modbus"
    name: str = Field(min_length=1)
    transport: Literal["tcp", "rtu"] = "tcp"
    host: str | None = "127.0.0.1"
    port: int = Field(502, ge=1, le=65535)
    serial: SerialConfig | None = None
    connect_timeout: float = Field(3.0, gt=0)
    max_registers: int = Field(125, ge=1, le=125)
    max_gap: int = Field(8, ge=0, le=100)
    link_down_after: int = Field(
        3,
        ge=1,
        description="failed polls in a row of every device before the link is "
        "reopened (a silent cable, a restarted server)",
    )
    stale_after: float | None = Field(
        None,
        gt=0,
        description="seconds without a fresh reading before an asset is stale; null: "
        "derived (assets.stale_factor x its device's poll_interval)",
    )
    devices: list[ModbusDeviceConfig] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> ModbusSourceConfig:
        if self.transport == "tcp" and not self.host:
            raise ValueError("transport tcp needs host")
        if self.transport == "rtu" and self.serial is None:
            raise ValueError("transport rtu needs serial (port, baudrate, ...)")
        names = [d.name for d in self.devices]
        if len(set(names)) != len(names):
            raise ValueError("device names must be unique")
        units = [d.unit_id for d in self.devices]
        if len(set(units)) != len(units):
            raise ValueError("two devices share a unit_id on the same connection")
        if self.transport == "rtu" and any(not 1 <= u <= 247 for u in units):
            raise ValueError("RTU unit ids are 1-247 (0 is broadcast, which never answers)")
        for d in self.devices:
            limit = d.max_registers or self.max_registers
            for p in d.points:
                if p.registers > limit:
                    raise ValueError(
                        f"device {d.name}: {p.feature} needs {p.registers} registers, "
                        f"more than max_registers {limit}"
                    )
        return self


# A NodeId string (ns=2;s=Pump1.Flow, i=2258, or nsu=<namespace URI>;s=... which survives a
# server that renumbers its namespaces), or a browse path from the Root folder with the
# namespace index before each browse name (0:Objects/2:Pump1/2:Flow).
_OPCUA_NODEID = re.compile(r"^(ns=\d+;|nsu=[^;]+;)?[isgb]=.+$")
_OPCUA_BROWSE_PATH = re.compile(r"^/?\d+:[^/]+(/\d+:[^/]+)*$")


class OpcuaPointConfig(StrictModel):
    """One OPC UA variable, mapped to an asset (sensor_id) and a model feature."""

    sensor_id: str = Field(min_length=1)
    feature: str = Field(min_length=1)
    node: str = Field(
        description="NodeId string (ns=2;s=...) or browse path (0:Objects/2:Pump/...)"
    )
    sampling_interval: float = Field(500.0, ge=0, description="ms; 0 asks for the server's fastest")
    queue_size: int = Field(1, ge=1, le=10_000)
    deadband: float | None = Field(None, ge=0, description="absolute, in the value's own unit")
    unit: str | None = None
    writable: WritableConfig | None = Field(
        None, description="written with the node's own data type; not writable when unset"
    )

    @field_validator("node")
    @classmethod
    def _node_syntax(cls, node: str) -> str:
        return _check_node(node)


def _check_node(node: str) -> str:
    node = node.strip()
    if not (_OPCUA_NODEID.match(node) or _OPCUA_BROWSE_PATH.match(node)):
        raise ValueError(
            "expected a NodeId (ns=2;s=Pump1.Flow, nsu=urn:plc;i=5) "
            "or a browse path (0:Objects/2:Pump1/2:Flow)"
        )
    return node


class OpcuaArgumentConfig(StrictModel):
    """One input argument of a method: its OPC UA type and, for numbers, its limits."""

    name: str = Field(min_length=1, max_length=64)
    type: Literal[
        "Boolean",
        "SByte",
        "Byte",
        "Int16",
        "UInt16",
        "Int32",
        "UInt32",
        "Int64",
        "UInt64",
        "Float",
        "Double",
        "String",
    ]
    min: float | None = Field(None, allow_inf_nan=False)
    max: float | None = Field(None, allow_inf_nan=False)
    max_length: int = Field(256, ge=1, le=4096, description="String arguments: characters")

    @model_validator(mode="after")
    def _limits(self) -> OpcuaArgumentConfig:
        if (self.min is not None or self.max is not None) and self.type in ("Boolean", "String"):
            raise ValueError(f"min/max do not apply to a {self.type} argument")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("min is above max")
        return self


class OpcuaMethodConfig(GuardConfig):
    """A method of the server the gateway may call, with typed arguments (docs/writes.md)."""

    name: str = Field(min_length=1, max_length=128, description="the name writes use")
    sensor_id: str = Field(min_length=1, description="the asset it acts on")
    object: str = Field(description="the object that owns the method (NodeId or browse path)")
    method: str = Field(description="the method's node (NodeId or browse path)")
    arguments: list[OpcuaArgumentConfig] = Field(default_factory=list, max_length=16)

    @field_validator("object", "method")
    @classmethod
    def _nodes(cls, node: str) -> str:
        return _check_node(node)


class OpcuaSecurityConfig(StrictModel):
    policy: Literal["None", "Basic256Sha256", "Aes128Sha256RsaOaep", "Aes256Sha256RsaPss"] = "None"
    mode: Literal["None", "Sign", "SignAndEncrypt"] = "None"
    client_cert: str | None = Field(
        None, description="DER or PEM; generated into the data folder when unset"
    )
    client_key: str | None = None
    client_key_password: str | None = None
    server_cert: str | None = Field(None, description="the only server certificate accepted")

    @model_validator(mode="after")
    def _consistent(self) -> OpcuaSecurityConfig:
        if (self.policy == "None") != (self.mode == "None"):
            raise ValueError("policy and mode must both be None, or both be set")
        if (self.client_cert is None) != (self.client_key is None):
            raise ValueError("client_cert and client_key go together")
        if self.policy == "None" and (self.client_cert or self.server_cert):
            raise ValueError("certificates are set but policy is None")
        return self


class OpcuaSourceConfig(StrictModel):
    """An OPC UA server, read through one subscription or by polling."""

    kind: Literal["opcua"] = "opcua"
    name: str
    url: str = Field("opc.tcp://127.0.0.1:4840", pattern=r"^opc\.tcp://")
    mode: Literal["subscribe", "poll"] = "subscribe"
    publishing_interval: float = Field(500.0, gt=0, description="ms")
    poll_interval: float = Field(1.0, gt=0)
    timeout: float = Field(4.0, gt=0)
    watchdog: float = Field(10.0, gt=0, description="seconds without data or keep-alive")
    username: str | None = None
    password: str | None = None
    accept_uncertain: bool = Field(False, description="use values with an Uncertain status")
    timestamps: Literal["source", "server", "gateway"] = "source"
    stale_after: float | None = Field(
        None,
        gt=0,
        description="seconds without a fresh reading before an asset is stale; null: "
        "derived (assets.stale_factor x poll_interval, or x the subscription's keep-alive "
        "period)",
    )
    security: OpcuaSecurityConfig = OpcuaSecurityConfig()
    points: list[OpcuaPointConfig] = Field(min_length=1)
    methods: list[OpcuaMethodConfig] = Field(
        default_factory=list, max_length=64, description="methods the gateway may call"
    )

    @model_validator(mode="after")
    def _consistent(self) -> OpcuaSourceConfig:
        if self.password is not None and self.username is None:
            raise ValueError("password is set without username")
        if self.mode == "subscribe" and self.watchdog * 1000 < 2 * self.publishing_interval:
            raise ValueError("watchdog must be at least two publishing intervals")
        seen: set[tuple[str, str]] = set()
        for p in self.points:
            if (p.sensor_id, p.feature) in seen:
                raise ValueError(f"point {p.sensor_id}/{p.feature} is mapped twice")
            seen.add((p.sensor_id, p.feature))
        return self


SourceConfig = Annotated[
    MqttSourceConfig | ModbusSourceConfig | OpcuaSourceConfig, Field(discriminator="kind")
]
