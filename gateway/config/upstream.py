"""Config model of the upstream MQTT forwarder and its outbox."""

from __future__ import annotations

from pydantic import Field

from gateway.config.base import StrictModel


class UpstreamConfig(StrictModel):
    enabled: bool = False
    host: str = "127.0.0.1"
    port: int = Field(1883, ge=1, le=65535)
