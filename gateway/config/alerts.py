"""Config model of the alert rules and their delivery."""

from __future__ import annotations

from pydantic import Field

from gateway.config.base import StrictModel


class AlertsConfig(StrictModel):
    enabled: bool = True
    min_confidence: float = Field(0.6, ge=0, le=1)
