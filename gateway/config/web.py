"""Config model of the admin web UI and JSON API."""

from __future__ import annotations

from pydantic import Field

from gateway.config.base import StrictModel


class WebConfig(StrictModel):
    enabled: bool = True
    host: str = "0.0.0.0"
    port: int = Field(8080, ge=1, le=65535)
    threads: int = Field(4, ge=1, le=64)
    allow_registration: bool = False
