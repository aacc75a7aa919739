"""What every alert channel is: one attempt at one target type, its outcome, the registry.

A channel's ``send`` makes one blocking attempt (it runs in a delivery thread) and
classifies the outcome:

- ``sent``;
- ``retry``: a failure that can pass (refused connection, timeout, SMTP 4xx, HTTP 5xx,
  408 and 429), retried with doubling delays up to ``max_age``;
- ``failed``: a failure that will not pass (a bad address, SMTP 5xx, HTTP 4xx), given
  up at once with the reason;
- ``skipped``: the channel has no credentials (no SMTP server, no Twilio account); the
  gateway logs what it would have sent, as the seed did, and carries on.

``_KINDS`` names the class of each target type; its module is imported at the first
delivery of that type. Apprise and requests are imported by the channels only when they
send, not with these modules: together they hold about 10 MB of the gateway's memory, and
a gateway with no notification targets (the fresh demo, most plants before setup) never
sends anything.
"""

from __future__ import annotations

import abc
import importlib
import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from gateway.alerts.messages import Notice
from gateway.alerts.targets import Target
from gateway.config.alerts import AlertsConfig
from gateway.logs import REDACTOR, RateLimited

log = logging.getLogger("gateway.alerts")
_limited = RateLimited(log, interval=60.0)

SENT_, RETRY, FAILED_, SKIPPED_ = "sent", "retry", "failed", "skipped"

DELIVERY_HEADER = "X-Aastreli-Delivery"


@dataclass(frozen=True, slots=True)
class Outcome:
    status: str  # sent, retry, failed, skipped
    detail: str = ""


def http_status_outcome(status: int, what: str) -> Outcome:
    if 200 <= status < 300:
        return Outcome(SENT_, f"{what}: HTTP {status}")
    if status in (408, 425, 429) or status >= 500:
        return Outcome(RETRY, f"{what}: HTTP {status}")
    return Outcome(FAILED_, f"{what}: HTTP {status}")


class Shared:
    """What the channels of one sender share: credentials, the attempt timeout, Apprise's asset."""

    def __init__(self, config: AlertsConfig, environ: Mapping[str, str] | None = None) -> None:
        self.smtp = config.smtp.resolve(environ)
        self.twilio = config.twilio.resolve(environ)
        # Apprise logs the settings it cannot use, credentials included: none reaches a log.
        REDACTOR.add(
            [
                self.smtp.password,
                self.smtp.username,
                self.twilio.account_sid,
                self.twilio.auth_token,
            ]
        )
        self.timeout = config.delivery.attempt_timeout
        self._asset: Any = None
        self._asset_lock = threading.Lock()

    @property
    def asset(self) -> Any:
        """Apprise's asset (our name, no persistent storage), made at the first use."""
        with self._asset_lock:
            if self._asset is None:
                import apprise

                self._asset = apprise.AppriseAsset(
                    app_id="Aastreli",
                    app_desc="Aastreli Edge Gateway",
                    app_url="https://github.com/aastreli",
                    storage_mode="memory",
                )
            return self._asset


class Channel(abc.ABC):
    """One attempt at one delivery of a target type; blocking (runs in a delivery thread)."""

    # False when the address is shown as it is (an email address, a phone number); True
    # when it may hold a secret (a URL's password or token), so a failure's detail that
    # quotes it is scrubbed before it is logged or stored.
    secret_address: ClassVar[bool] = True
    # True when the channel connects where the target's address says (a URL a user
    # typed): those connections are checked against alerts.allow_private_targets
    # (gateway.alerts.egress). False when it goes to the operator's configured server.
    user_destination: ClassVar[bool] = True

    def __init__(self, shared: Shared) -> None:
        self.shared = shared

    @abc.abstractmethod
    def send(self, target: Target, notice: Notice, key: str) -> Outcome:
        """One attempt; ``key`` is the ``X-Aastreli-Delivery`` value (an id, no address)."""

    def skip(self, target: Target, reason: str, summary: str) -> Outcome:
        _limited.warning(
            f"skip:{target.type}",
            "%s not sent: %s",
            target.type,
            reason,
            event="alert_delivery_skipped",
        )
        log.info(
            "would have sent %s to %s: %s",
            target.type,
            target.shown,
            summary,
            extra={"event": "alert_delivery_skipped", "target": target.shown},
        )
        return Outcome(SKIPPED_, reason)


# The channel of each target type (gateway.alerts.targets.TYPES), imported when first used.
_KINDS = {
    "email": "gateway.alerts.channels.email:EmailChannel",
    "sms": "gateway.alerts.channels.sms:SmsChannel",
    "webhook": "gateway.alerts.channels.webhook:WebhookChannel",
    "slack": "gateway.alerts.channels.slack:SlackChannel",
    "apprise": "gateway.alerts.channels.apprise_url:AppriseUrlChannel",
}


def channel_class(kind: str) -> type[Channel] | None:
    """The channel class for a target type; None for a type without one."""
    spec = _KINDS.get(kind)
    if spec is None:
        return None
    module, _, cls = spec.partition(":")
    factory: type[Channel] = getattr(importlib.import_module(module), cls)
    return factory
