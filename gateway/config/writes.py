"""Config models of guarded writes: what a point allows, and the gateway-wide write switches."""

from __future__ import annotations

import math
from typing import Literal

from pydantic import Field, field_validator, model_validator

from gateway.config.base import StrictModel

WriteRole = Literal["operator", "admin"]


class InterlockConfig(StrictModel):
    """A condition on another value (any asset's reading) that must hold for a write.

    The other asset must be ``live`` (its value current) and its value must equal
    ``equals``, or lie within ``min``..``max``.
    """

    sensor_id: str = Field(min_length=1)
    feature: str = Field(min_length=1)
    equals: float | None = Field(None, allow_inf_nan=False)
    min: float | None = Field(None, allow_inf_nan=False)
    max: float | None = Field(None, allow_inf_nan=False)

    @model_validator(mode="after")
    def _condition(self) -> InterlockConfig:
        if self.equals is None and self.min is None and self.max is None:
            raise ValueError("an interlock needs equals, or min and/or max")
        if self.equals is not None and (self.min is not None or self.max is not None):
            raise ValueError("an interlock takes equals, or min/max, not both")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("interlock min is above its max")
        return self

    def describe(self) -> str:
        what = f"{self.sensor_id} {self.feature}"
        if self.equals is not None:
            return f"{what} = {self.equals:g}"
        if self.min is not None and self.max is not None:
            return f"{what} within {self.min:g}..{self.max:g}"
        if self.min is not None:
            return f"{what} >= {self.min:g}"
        return f"{what} <= {self.max:g}"


class VerifyConfig(StrictModel):
    """Read-back: the value is read again after the write until it matches or time is up."""

    timeout: float = Field(2.0, gt=0, le=60, description="seconds to see the written value")
    tolerance: float = Field(
        0.0,
        ge=0,
        allow_inf_nan=False,
        description="absolute difference accepted (besides float rounding)",
    )


class GuardConfig(StrictModel):
    """Who may write a target and when (every writable point and OPC UA method has these)."""

    role: WriteRole = Field("operator", description="the least role that may write it")
    confirm: bool = Field(
        False, description="a second confirmation is needed (the UI asks; the API sends confirm)"
    )
    min_interval: float = Field(
        1.0, ge=0, le=86400, description="seconds between two writes to it, whoever asks"
    )
    require_live: bool = Field(
        True, description="refuse unless its asset is live (fresh data, source up)"
    )
    interlocks: list[InterlockConfig] = Field(default_factory=list, max_length=8)
    description: str | None = Field(None, max_length=200, description="shown beside the control")


class WritableConfig(GuardConfig):
    """A point that may be written: its limits, and the guard (nothing is writable by default)."""

    name: str | None = Field(
        None,
        min_length=1,
        max_length=128,
        description="the name writes use; default '<sensor_id>/<feature>'",
    )
    min: float | None = Field(None, allow_inf_nan=False, description="lowest value accepted")
    max: float | None = Field(None, allow_inf_nan=False, description="highest value accepted")
    step: float | None = Field(
        None, gt=0, allow_inf_nan=False, description="values are min (or 0) plus a multiple of it"
    )
    allowed: list[float] | None = Field(
        None, min_length=1, max_length=64, description="the only values accepted"
    )
    verify: VerifyConfig | None = Field(
        default_factory=VerifyConfig, description="read-back after the write; null: none"
    )

    @field_validator("allowed")
    @classmethod
    def _finite(cls, v: list[float] | None) -> list[float] | None:
        if v is not None and not all(math.isfinite(x) for x in v):
            raise ValueError("allowed values must be finite numbers")
        return v

    @model_validator(mode="after")
    def _limits(self) -> WritableConfig:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("min is above max")
        if self.allowed is not None and (self.step is not None):
            raise ValueError("give allowed values or a step, not both")
        return self


class WritesConfig(StrictModel):
    """Gateway-wide switches of the write service (docs/writes.md)."""

    dry_run: bool = Field(
        False,
        description="check and audit every write, send none to a device (for commissioning)",
    )
    max_per_request: int = Field(32, ge=1, le=256, description="points in one write request")
    timeout: float = Field(
        10.0, gt=0, le=120, description="seconds a write may wait for its source and device"
    )
    audit_retention_days: float = Field(
        365.0, gt=0, description="days write records stay in the history database"
    )
