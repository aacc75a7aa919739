"""Config model of the plant simulator (``aastreli simulate`` and the demo)."""

from __future__ import annotations

from pydantic import Field

from gateway.config.base import StrictModel


class SimulatorConfig(StrictModel):
    seed: int = 42
    interval: float = Field(1.0, gt=0)
