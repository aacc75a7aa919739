"""Config models of the source kinds (MQTT, Modbus TCP/RTU, OPC UA)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from gateway.config.base import StrictModel


class TlsConfig(StrictModel):
    ca_file: str | None = None
    cert_file: str | None = None
    key_file: str | None = None
    insecure_skip_verify: bool = False


class MqttSourceConfig(StrictModel):
    """A subscription to a plant MQTT broker."""

    kind: Literal["mqtt"] = "mqtt"
    name: str
    host: str = "127.0.0.1"
    port: int = Field(1883, ge=1, le=65535)
    client_id: str | None = None
    username: str | None = None
    password: str | None = None
    protocol: Literal["3.1.1", "5"] = "5"
    clean_session: bool = True
    keepalive: int = Field(30, ge=5)
    tls: TlsConfig | None = None
    topics: list[str] = Field(default_factory=lambda: ["sensors/#"], min_length=1)
    qos: Literal[0, 1] = 1
    payload: Literal["seed", "json", "number"] = "seed"
    max_payload_bytes: int = Field(65536, ge=64)


class ModbusPointConfig(StrictModel):
    """One register-mapped value of a Modbus device."""

    sensor_id: str
    feature: str
    table: Literal["holding", "input", "coil", "discrete"] = "holding"
    address: int = Field(ge=0, le=65535)
    type: Literal[
        "bool", "int16", "uint16", "int32", "uint32", "int64", "uint64",
        "float32", "float64", "string",
    ] = "float32"
    order: Literal["ABCD", "BADC", "CDAB", "DCBA"] = "ABCD"
    length: int | None = Field(None, ge=1, le=125, description="registers, for strings")
    scale: float = 1.0
    offset: float = 0.0
    unit: str | None = None


class ModbusDeviceConfig(StrictModel):
    name: str
    unit_id: int = Field(1, ge=0, le=255)
    poll_interval: float = Field(1.0, gt=0)
    timeout: float = Field(1.0, gt=0)
    retries: int = Field(1, ge=0, le=10)
    points: list[ModbusPointConfig] = Field(min_length=1)


class SerialConfig(StrictModel):
    port: str
    baudrate: int = 19200
    parity: Literal["N", "E", "O"] = "E"
    bytesize: Literal[7, 8] = 8
    stopbits: Literal[1, 2] = 1


class ModbusSourceConfig(StrictModel):
    """A Modbus TCP connection or an RTU serial bus, with the devices on it."""

    kind: Literal["modbus"] = "modbus"
    name: str
    transport: Literal["tcp", "rtu"] = "tcp"
    host: str | None = "127.0.0.1"
    port: int = Field(502, ge=1, le=65535)
    serial: SerialConfig | None = None
    max_registers: int = Field(125, ge=1, le=125)
    max_gap: int = Field(8, ge=0, le=100)
    devices: list[ModbusDeviceConfig] = Field(min_length=1)


class OpcuaPointConfig(StrictModel):
    sensor_id: str
    feature: str
    node: str = Field(description="NodeId string (ns=2;s=...) or browse path (0:Objects/2:Pump/...)")
    sampling_interval: float = Field(500.0, ge=0, description="ms")
    queue_size: int = Field(1, ge=1)
    deadband: float | None = Field(None, ge=0)


class OpcuaSecurityConfig(StrictModel):
    policy: Literal["None", "Basic256Sha256", "Aes128Sha256RsaOaep", "Aes256Sha256RsaPss"] = "None"
    mode: Literal["None", "Sign", "SignAndEncrypt"] = "None"
    client_cert: str | None = None
    client_key: str | None = None
    server_cert: str | None = None


class OpcuaSourceConfig(StrictModel):
    kind: Literal["opcua"] = "opcua"
    name: str
    url: str = "opc.tcp://127.0.0.1:4840"
    mode: Literal["subscribe", "poll"] = "subscribe"
    publishing_interval: float = Field(500.0, gt=0, description="ms")
    poll_interval: float = Field(1.0, gt=0)
    timeout: float = Field(4.0, gt=0)
    watchdog: float = Field(10.0, gt=0, description="seconds without data or keep-alive")
    username: str | None = None
    password: str | None = None
    security: OpcuaSecurityConfig = OpcuaSecurityConfig()
    points: list[OpcuaPointConfig] = Field(min_length=1)


SourceConfig = Annotated[
    MqttSourceConfig | ModbusSourceConfig | OpcuaSourceConfig, Field(discriminator="kind")
]
