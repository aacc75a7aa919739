"""Config model of the alert rules and their delivery (SMTP, Twilio, retries)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from pydantic import Field, model_validator

from gateway.config.base import StrictModel


class DebounceConfig(StrictModel):
    """A fault opens only when ``k`` of the last ``n`` predictions for the asset name it."""

    k: int = Field(3, ge=1, description="agreeing predictions needed")
    n: int = Field(5, ge=1, le=1000, description="predictions looked at")

    @model_validator(mode="after")
    def _k_le_n(self) -> DebounceConfig:
        if self.k > self.n:
            raise ValueError(f"k ({self.k}) cannot be larger than n ({self.n})")
        return self


class DeliveryConfig(StrictModel):
    """The durable delivery queue: retries of passing failures, bounded in time and threads."""

    attempt_timeout: float = Field(10.0, gt=0, le=120, description="seconds one attempt may take")
    retry_initial: float = Field(10.0, gt=0, description="seconds before the first retry")
    retry_max: float = Field(600.0, gt=0, description="cap of the doubling retry delay")
    max_age: float = Field(
        86400.0, gt=0, description="seconds after which an undelivered message is given up"
    )
    concurrency: int = Field(4, ge=1, le=32, description="deliveries sent at once (threads)")
    keep_days: float = Field(7.0, gt=0, description="days finished deliveries stay on record")


SmtpSecurity = Literal["starttls", "ssl", "insecure"]


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    """SMTP settings after the seed's environment variables filled what the file left out."""

    host: str | None
    port: int
    username: str | None
    password: str | None
    from_email: str | None
    security: SmtpSecurity
    verify_certificate: bool
    from_name: str

    def missing(self) -> str | None:
        """Why email cannot be sent, or None when it can."""
        if not self.host:
            return "SMTP is not configured (SMTP_HOST / alerts.smtp.host)"
        if bool(self.username) != bool(self.password):
            return "SMTP_USERNAME and SMTP_PASSWORD must be given together"
        sender = self.from_email or self.username
        if not sender or "@" not in sender:
            return "no sender address (SMTP_FROM_EMAIL / alerts.smtp.from_email)"
        return None


class SmtpConfig(StrictModel):
    """Email server; unset keys fall back to the seed's SMTP_* environment variables."""

    host: str | None = Field(None, description="falls back to $SMTP_HOST")
    port: int | None = Field(None, ge=1, le=65535, description="falls back to $SMTP_PORT, then 587")
    username: str | None = Field(None, description="falls back to $SMTP_USERNAME")
    password: str | None = Field(None, description="falls back to $SMTP_PASSWORD")
    from_email: str | None = Field(
        None, description="falls back to $SMTP_FROM_EMAIL, then the username"
    )
    from_name: str = "Aastreli"
    security: SmtpSecurity = Field(
        "starttls", description="starttls (the seed's, port 587), ssl (465) or insecure (25)"
    )
    verify_certificate: bool = True

    def resolve(self, environ: Mapping[str, str] | None = None) -> SmtpSettings:
        env = os.environ if environ is None else environ
        port = self.port
        if port is None:
            raw = env.get("SMTP_PORT", "").strip()
            default = {"ssl": 465, "insecure": 25}.get(self.security, 587)
            port = int(raw) if raw.isdigit() else default
        return SmtpSettings(
            host=self.host or env.get("SMTP_HOST") or None,
            port=port,
            username=self.username or env.get("SMTP_USERNAME") or None,
            password=self.password or env.get("SMTP_PASSWORD") or None,
            from_email=self.from_email or env.get("SMTP_FROM_EMAIL") or None,
            security=self.security,
            verify_certificate=self.verify_certificate,
            from_name=self.from_name,
        )


@dataclass(frozen=True, slots=True)
class TwilioSettings:
    account_sid: str | None
    auth_token: str | None
    from_phone: str | None

    def missing(self) -> str | None:
        if not (self.account_sid and self.auth_token and self.from_phone):
            return (
                "Twilio is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, "
                "TWILIO_FROM_PHONE / alerts.twilio)"
            )
        return None


class TwilioConfig(StrictModel):
    """SMS through Twilio; unset keys fall back to the seed's TWILIO_* environment variables."""

    account_sid: str | None = Field(None, description="falls back to $TWILIO_ACCOUNT_SID")
    auth_token: str | None = Field(None, description="falls back to $TWILIO_AUTH_TOKEN")
    from_phone: str | None = Field(None, description="falls back to $TWILIO_FROM_PHONE")

    def resolve(self, environ: Mapping[str, str] | None = None) -> TwilioSettings:
        env = os.environ if environ is None else environ
        return TwilioSettings(
            account_sid=self.account_sid or env.get("TWILIO_ACCOUNT_SID") or None,
            auth_token=self.auth_token or env.get("TWILIO_AUTH_TOKEN") or None,
            from_phone=self.from_phone or env.get("TWILIO_FROM_PHONE") or None,
        )


class DataLossConfig(StrictModel):
    """Alerts when data stops: an asset stale, a source down (gateway.alerts.dataloss)."""

    enabled: bool = True
    stale_delay: float = Field(
        60.0,
        ge=0,
        description="seconds an asset stays stale (or without any reading since the start, "
        "past its stale_after) before an 'asset stale' alert opens",
    )
    down_delay: float = Field(
        60.0, ge=0, description="seconds a source stays down before a 'source down' alert opens"
    )


Severity = Literal["critical", "major", "warning", "info"]
# The plant model's faults that stop a pump soon, and those that wear it slowly.
_BASE_SEVERITY: dict[str, Severity] = {
    "motor_overheating": "critical",
    "cavitation": "critical",
    "misalignment": "warning",
    "imbalance": "warning",
}


class SeverityConfig(StrictModel):
    """How bad an alert is (gateway.alerts.severity): a fault's class gives a base, its
    confidence moves it one step; data loss and drift have one severity each."""

    default: Severity = Field("major", description="a fault class not listed in 'faults'")
    faults: dict[str, Severity] = Field(
        default_factory=lambda: dict(_BASE_SEVERITY),
        description="a fault class's base severity",
    )
    confident: float = Field(
        0.9, ge=0, le=1, description="at or above this confidence a fault is one step worse"
    )
    unsure: float = Field(
        0.7, ge=0, le=1, description="below this confidence a fault is one step milder"
    )
    data_loss: Severity = Field("major", description="an 'asset stale' or 'source down' alert")
    drift: Severity = Field("info", description="a model-drift alert")

    @model_validator(mode="after")
    def _ordered(self) -> SeverityConfig:
        if self.unsure > self.confident:
            raise ValueError(f"unsure ({self.unsure}) cannot be above confident ({self.confident})")
        return self


class AlertsConfig(StrictModel):
    enabled: bool = True
    min_confidence: float = Field(
        0.6, ge=0, le=1, description="a fault counts only above this confidence (the seed's 0.6)"
    )
    debounce: DebounceConfig = DebounceConfig()
    repeat_interval: float | None = Field(
        3600.0,
        gt=0,
        description="seconds before an open, unacknowledged alert notifies again; "
        "null never repeats",
    )
    resolve_after: float = Field(
        300.0, ge=0, description="seconds of normal predictions that resolve an alert"
    )
    settings_refresh: float = Field(
        5.0, gt=0, le=300, description="seconds users' notification settings are cached"
    )
    data_loss: DataLossConfig = DataLossConfig()
    severity: SeverityConfig = SeverityConfig()
    delivery: DeliveryConfig = DeliveryConfig()
    smtp: SmtpConfig = SmtpConfig()
    twilio: TwilioConfig = TwilioConfig()
    allow_private_targets: Literal["lan", "public", "all"] = Field(
        "lan",
        description="where webhook, Slack and Apprise targets may connect: 'lan' refuses "
        "loopback, link-local (169.254.x.x, the cloud metadata address), multicast and "
        "reserved addresses and allows the plant's private ranges; 'public' allows public "
        "addresses only; 'all' checks nothing. Email and SMS use the configured servers",
    )
