"""What the channels that send through Apprise share: its logger, one call, its outcome.

Apprise answers only success or failure, so the reason is read from the log lines it
captures for the call (``error=404``, SMTP's ``(550, ...)``); that needs the ``apprise``
logger at DEBUG, which is why it gets its own handler that passes only warnings on.
"""

from __future__ import annotations

import logging
import re
import sys
from typing import Any

from gateway.alerts import messages
from gateway.alerts.channels.base import (
    FAILED_,
    RETRY,
    SENT_,
    Channel,
    Outcome,
    http_status_outcome,
)
from gateway.alerts.messages import Notice

# Apprise's NotifyType value (its colour and icon) for each kind of notice.
_NOTIFY_TYPES = {
    messages.FAULT: "failure",
    messages.REPEAT: "failure",
    messages.RESOLVED: "success",
    messages.TEST: "info",
    messages.DATA_LOSS: "warning",
    messages.DATA_RESTORED: "success",
}


class _NotLoaded(Exception):
    """Stands for AppriseException while Apprise is not imported: nothing can raise it."""


def apprise_error() -> type[Exception]:
    module = sys.modules.get("apprise.exception")
    if module is None:
        return _NotLoaded
    error: type[Exception] = module.AppriseException
    return error


# -- Apprise's logger -------------------------------------------------------------------


class _PassWarnings(logging.Handler):
    """Hands Apprise's warnings to our logging; its debug lines stay in its captures."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        target = logging.getLogger("gateway.alerts.apprise")
        if target.isEnabledFor(record.levelno):
            target.handle(record)


_apprise_logging_ready = False


def setup_apprise_logging() -> None:
    # Apprise captures into a call's result only what its logger lets through; the SMTP
    # reply codes and the HTTP statuses that tell a passing failure from a permanent one
    # are logged at DEBUG.
    global _apprise_logging_ready
    if _apprise_logging_ready:
        return
    lg = logging.getLogger("apprise")
    lg.setLevel(logging.DEBUG)
    lg.propagate = False
    lg.addHandler(_PassWarnings())
    # urllib3 logs each request line (method and path) at DEBUG; webhook and Slack URLs
    # carry their token in the path, so those lines must not reach a debug log.
    logging.getLogger("urllib3.connectionpool").setLevel(logging.INFO)
    _apprise_logging_ready = True


# -- classification ---------------------------------------------------------------------

_SMTP_CODE = re.compile(r"\((\d{3}), b['\"]")
_HTTP_CODE = re.compile(r"error=(\d+)")


def classify(result: Any, timeout: float) -> Outcome:
    """An Apprise result as an outcome, with the reason its captured log lines give."""
    import apprise

    if bool(result):
        return Outcome(SENT_)
    if result.status == apprise.AppriseResultStatus.TIMEOUT:
        return Outcome(RETRY, f"no answer within {timeout:g} s")
    lines = [(e.level, e.message) for e in result.logs()]
    warning = next((m for lvl, m in lines if lvl in ("WARNING", "ERROR")), "delivery failed")
    for _lvl, msg in lines:
        m = _SMTP_CODE.search(msg)
        if m:
            code = int(m.group(1))
            # SMTP: 4xx is "try again later", 5xx is a refusal that will not change.
            return Outcome(FAILED_ if code >= 500 else RETRY, f"{warning} (SMTP {code})")
        m = _HTTP_CODE.search(msg)
        if m:
            code = int(m.group(1))
            # Twilio puts its own error code here instead of the HTTP status: 20xxx codes
            # mirror the HTTP status (20429 is 429, 20503 is 503); others (21211 invalid
            # 'To' number, 21608 unverified number...) reject the request for good.
            if 20000 <= code < 30000:
                code = code - 20000 if 20400 <= code < 20600 else 400
            return http_status_outcome(code, warning)
    return Outcome(RETRY, warning)


# -- the channels' base -----------------------------------------------------------------


class AppriseChannel(Channel):
    """A channel that builds an Apprise plugin for its target and sends through it."""

    def plugin(self, spec: str | dict[str, Any]) -> Any:
        import apprise

        return apprise.Apprise.instantiate(spec, asset=self.shared.asset)

    def notify(self, plugin: Any, body: str, title: str, fmt: str, notice: Notice) -> Outcome:
        """Send through Apprise; ``fmt`` is a NotifyFormat value (html, text, markdown)."""
        import apprise

        timeout = self.shared.timeout
        # Every socket operation, and the call as a whole, is bounded by the attempt timeout.
        plugin.socket_connect_timeout = timeout
        plugin.socket_read_timeout = timeout
        ap = apprise.Apprise(asset=self.shared.asset)
        ap.add(plugin)
        result = ap.notify(
            body=body,
            title=title,
            body_format=apprise.NotifyFormat(fmt),
            notify_type=apprise.NotifyType(_NOTIFY_TYPES[notice.kind]),
            timeout=timeout,
            log_level=logging.DEBUG,
        )
        return classify(result, timeout)
