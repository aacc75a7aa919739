"""Config model of the plant simulator (``aastreli simulate`` and the demo)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from gateway.config.base import StrictModel
from gateway.features import PLANT_CLASSES, PLANT_FEATURES

Protocol = Literal["mqtt", "modbus", "opcua"]
_FAULTS = tuple(c for c in PLANT_CLASSES if c != "normal")


class SimAssetConfig(StrictModel):
    """One simulated pump-motor set and the protocol it is served by."""

    name: str = Field(min_length=1, pattern=r"^[A-Za-z0-9_.-]+$")
    protocol: Protocol


class FaultEntryConfig(StrictModel):
    """A scheduled fault, in seconds of simulator time since start."""

    asset: str
    fault: str
    start: float = Field(ge=0)
    duration: float = Field(gt=0)
    severity: float = Field(default=1.0, gt=0, le=1)

    @field_validator("fault")
    @classmethod
    def _known_fault(cls, v: str) -> str:
        if v not in _FAULTS:
            raise ValueError(f"unknown fault {v!r}; known: {', '.join(_FAULTS)}")
        return v


class ShiftEntryConfig(StrictModel):
    """A sensor reading wrong for a while: ``value * gain + offset`` (drift checks)."""

    asset: str
    feature: str
    start: float = Field(ge=0)
    duration: float = Field(gt=0)
    offset: float = 0.0
    gain: float = 1.0

    @field_validator("feature")
    @classmethod
    def _known_feature(cls, v: str) -> str:
        if v not in PLANT_FEATURES:
            raise ValueError(f"unknown feature {v!r}; known: {', '.join(PLANT_FEATURES)}")
        return v


class CycleConfig(StrictModel):
    """Demo mode: each asset alternates normal and one fault after another."""

    enabled: bool = True
    normal_s: float = Field(default=90.0, gt=0)
    fault_s: float = Field(default=60.0, gt=0)
    severity: float = Field(default=0.9, gt=0, le=1)


class SimModbusConfig(StrictModel):
    host: str = "127.0.0.1"
    port: int = Field(default=5020, ge=1, le=65535, description="502 needs root; 5020 does not")
    serial_port: str | None = Field(default=None, description="serve RTU on this tty as well")
    baudrate: int = Field(default=19200, gt=0)
    # Modbus RTU's default framing is 8E1, but Linux pseudo-terminals (socat pty pairs)
    # refuse parity with EINVAL: use "N" there.
    parity: Literal["N", "E", "O"] = "E"


class SimOpcuaConfig(StrictModel):
    host: str = "127.0.0.1"
    port: int = Field(default=4840, ge=1, le=65535)
    cert_file: str | None = Field(
        default=None, description="server certificate: enables Basic256Sha256"
    )
    key_file: str | None = None
    username: str | None = None
    password: str | None = None

    @model_validator(mode="after")
    def _pairs(self) -> SimOpcuaConfig:
        if (self.cert_file is None) != (self.key_file is None):
            raise ValueError("cert_file and key_file go together")
        if (self.username is None) != (self.password is None):
            raise ValueError("username and password go together")
        return self


class SimMqttConfig(StrictModel):
    host: str = "127.0.0.1"
    port: int = Field(default=1883, ge=1, le=65535)
    username: str | None = None
    password: str | None = None
    topic: str = Field(default="sensors/{asset}/data", description="'{asset}' is the sensor id")
    command_topic: str = Field(
        default="sensors/{asset}/set", description="where the simulated sets take writes"
    )
    qos: Literal[0, 1] = 0


def _default_assets() -> list[SimAssetConfig]:
    return [
        SimAssetConfig(name="industrial_sensor_1", protocol="mqtt"),
        SimAssetConfig(name="industrial_sensor_2", protocol="modbus"),
        SimAssetConfig(name="industrial_sensor_3", protocol="opcua"),
    ]


class SimulatorConfig(StrictModel):
    seed: int = 42
    interval: float = Field(default=1.0, gt=0, description="seconds between updates of each asset")
    assets: list[SimAssetConfig] = Field(default_factory=_default_assets, min_length=1)
    faults: list[FaultEntryConfig] = Field(default_factory=list)
    shifts: list[ShiftEntryConfig] = Field(default_factory=list)
    cycle: CycleConfig = CycleConfig()
    modbus: SimModbusConfig = SimModbusConfig()
    opcua: SimOpcuaConfig = SimOpcuaConfig()
    mqtt: SimMqttConfig = SimMqttConfig()

    @model_validator(mode="after")
    def _consistent(self) -> SimulatorConfig:
        names = [a.name for a in self.assets]
        if len(set(names)) != len(names):
            raise ValueError("asset names must be unique")
        named = [f.asset for f in self.faults] + [s.asset for s in self.shifts]
        unknown = sorted(set(named) - set(names))
        if unknown:
            raise ValueError(f"faults or shifts name unknown asset(s): {', '.join(unknown)}")
        modbus = [a for a in self.assets if a.protocol == "modbus"]
        if len(modbus) > 247:
            raise ValueError("Modbus serves at most 247 assets (one unit id each)")
        return self
