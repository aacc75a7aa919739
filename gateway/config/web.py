"""Config model of the admin web UI and JSON API."""

from __future__ import annotations

import ipaddress
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator, model_validator

from gateway.config.base import StrictModel


class WebConfig(StrictModel):
    enabled: bool = True
    host: str = "0.0.0.0"
    port: int = Field(8080, ge=1, le=65535)
    threads: int = Field(4, ge=1, le=64)
    allow_registration: bool = Field(
        False, description="open self-registration (the seed's behaviour); new accounts are viewers"
    )
    https: Literal["auto", "always", "never"] = Field(
        "auto",
        description="Secure cookies with the __Host- prefix and HSTS: 'auto' per request "
        "(HTTPS seen directly or through trusted_proxy), 'always', or 'never'",
    )
    trusted_proxy: str | None = Field(
        None,
        description="addresses or networks of TLS-terminating proxies whose "
        "X-Forwarded-For/-Proto are believed, comma-separated (balena's public device URL "
        "comes from its VPN: '10.240.0.0/12, 100.64.0.0/10'; a local nginx: '127.0.0.1'); "
        "'*' trusts any peer",
    )
    max_connections: int = Field(
        200,
        ge=16,
        le=900,
        description="connections held at once; when full, the one waiting longest without "
        "a whole request, from the address holding most, is closed for a new one",
    )
    max_connections_per_address: int = Field(
        16, ge=2, le=900, description="connections one address may hold (not a trusted proxy)"
    )
    max_requests_per_address: int = Field(
        8,
        ge=2,
        le=64,
        description="requests of one address without a signed-in session queued or in "
        "service at once (static files aside); more get 429",
    )
    read_timeout: float = Field(
        10.0,
        gt=0,
        le=300,
        description="seconds a request's head may take, and a body may pause (bodies must "
        "also average 8 KiB/s)",
    )
    access_minutes: int = Field(5, ge=1, le=60, description="lifetime of a browser access token")
    idle_timeout_minutes: int = Field(30, ge=1, le=1440, description="browser session idle limit")
    session_hours: float = Field(12.0, gt=0, le=168, description="absolute browser session limit")
    api_token_minutes: int = Field(
        60, ge=1, le=1440, description="lifetime of a bearer token from POST /login"
    )
    login_free_failures: int = Field(
        5,
        ge=1,
        le=100,
        description="failed logins per account before delays start, counted per address "
        "too; the account's delay holds only addresses that failed on it",
    )
    login_free_failures_per_address: int = Field(
        20, ge=1, le=1000, description="failed logins per client address before delays start"
    )
    login_max_delay_seconds: int = Field(
        900, ge=1, le=86400, description="cap of the growing delay: never a permanent lockout"
    )
    hash_concurrency: int = Field(
        2, ge=1, le=16, description="password hashes computed at once (each takes 19 MiB)"
    )
    metrics_public: bool = Field(False, description="serve /metrics without authentication")
    metrics_token: str | None = Field(
        None, min_length=16, description="static bearer token a Prometheus scraper may use"
    )
    max_concurrent_requests: int = Field(
        1,
        ge=1,
        le=64,
        description="requests worked on at once; the rest wait their turn. Python runs one "
        "thread at a time, so more gain the UI nothing and take CPU time from ingestion",
    )
    cpu_share: float = Field(
        0.25,
        gt=0,
        le=1,
        description="most of the interpreter's time the UI may take under load (1 = no cap)",
    )
    max_upload_mb: int = Field(
        64,
        ge=1,
        le=1024,
        description="largest model package upload (POST /model/upload, for an admin's "
        "credentials only; checked on Content-Length before the body is read)",
    )
    max_request_kb: int = Field(
        2048,
        ge=64,
        le=65536,
        description="largest request body on every other route (and on the upload route "
        "without an admin's credentials); larger ones get 413 before the body is read",
    )

    @field_validator("trusted_proxy")
    @classmethod
    def _networks(cls, value: str | None) -> str | None:
        for item in proxy_networks(value):
            if item != "*":
                try:
                    ipaddress.ip_network(item, strict=False)
                except ValueError:
                    raise ValueError(f"{item!r} is not an address or network") from None
        return value

    timezone: str = Field(
        "auto",
        max_length=64,
        description="the zone the UI shows times in for users who chose none (an IANA name "
        "such as Europe/Berlin); auto: the operating system's ($TZ, /etc/localtime)",
    )
    display_session_days: float = Field(
        30.0,
        gt=0,
        le=366,
        description="a display link's screen stays signed in while it refreshes at least "
        "this often; revoking the link ends it at once",
    )

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, v: str) -> str:
        if v == "auto":
            return v
        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError) as err:
            raise ValueError(
                f"unknown time zone {v!r}: use an IANA name such as Europe/Berlin, or auto "
                "(is the tz database installed?)"
            ) from err
        return v

    @model_validator(mode="after")
    def _ordered_limits(self) -> WebConfig:
        if self.idle_timeout_minutes < self.access_minutes:
            raise ValueError("idle_timeout_minutes must be at least access_minutes")
        if self.session_hours * 60 < self.idle_timeout_minutes:
            raise ValueError("session_hours must be at least idle_timeout_minutes")
        return self


def proxy_networks(value: str | None) -> list[str]:
    """``web.trusted_proxy`` as a list of addresses or networks ('*' for any)."""
    return [item.strip() for item in (value or "").split(",") if item.strip()]
