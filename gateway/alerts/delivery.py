"""Delivery: send queued notices through Apprise (email, SMS, Slack, any Apprise URL) or HTTP.

``Sender.send`` makes one attempt and classifies the outcome:

- ``sent``;
- ``retry``: a failure that can pass (refused connection, timeout, SMTP 4xx, HTTP 5xx,
  408 and 429), retried with doubling delays up to ``max_age``;
- ``failed``: a failure that will not pass (a bad address, SMTP 5xx, HTTP 4xx), given
  up at once with the reason;
- ``skipped``: the channel has no credentials (no SMTP server, no Twilio account); the
  gateway logs what it would have sent, as the seed did, and carries on.

Apprise answers only success or failure, so the reason is read from the log lines it
captures for the call (``error=404``, SMTP's ``(550, ...)``); that needs the ``apprise``
logger at DEBUG, which is why it gets its own handler that passes only warnings on.

Webhooks are posted with ``requests``, not Apprise: Apprise's ``json://`` wraps the
body in its own envelope (version, title, message, type) and its extra fields are
strings only, so it cannot send the seed's payload with its nested ``fault_data``.

Apprise and requests are imported at the first attempt that needs them, not with this
module: together they hold about 10 MB of the gateway's memory, and a gateway with no
notification targets (the fresh demo, most plants before setup) never sends anything.

``DeliveryWorker`` runs off the ingest path in its own task: it takes due rows from the
outbox and runs each attempt (claim, send, record) in its own small thread pool, so a
dead SMTP server holds at most ``concurrency`` threads and never the event loop or the
loop's default executor that other components share.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import re
import sys
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from email.utils import formataddr
from typing import Any

from gateway import __version__
from gateway.alerts import messages
from gateway.alerts.masking import scrub_text, secret_parts
from gateway.alerts.messages import Notice
from gateway.alerts.outbox import EXPIRED, FAILED, PENDING, SENT, SKIPPED, Delivery, Outbox
from gateway.alerts.targets import Target, is_email, phone
from gateway.config.alerts import AlertsConfig
from gateway.health import ComponentHealth
from gateway.logs import RateLimited

log = logging.getLogger("gateway.alerts")
_limited = RateLimited(log, interval=60.0)

SENT_, RETRY, FAILED_, SKIPPED_ = "sent", "retry", "failed", "skipped"

DELIVERY_HEADER = "X-Aastreli-Delivery"

# Apprise's NotifyType value (its colour and icon) for each kind of notice.
_NOTIFY_TYPES = {
    messages.FAULT: "failure",
    messages.REPEAT: "failure",
    messages.RESOLVED: "success",
    messages.TEST: "info",
}


class _NotLoaded(Exception):
    """Stands for AppriseException while Apprise is not imported: nothing can raise it."""


def _apprise_error() -> type[Exception]:
    module = sys.modules.get("apprise.exception")
    if module is None:
        return _NotLoaded
    error: type[Exception] = module.AppriseException
    return error


@dataclass(frozen=True, slots=True)
class Outcome:
    status: str  # sent, retry, failed, skipped
    detail: str = ""


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


def _setup_apprise_logging() -> None:
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


def http_status_outcome(status: int, what: str) -> Outcome:
    if 200 <= status < 300:
        return Outcome(SENT_, f"{what}: HTTP {status}")
    if status in (408, 425, 429) or status >= 500:
        return Outcome(RETRY, f"{what}: HTTP {status}")
    return Outcome(FAILED_, f"{what}: HTTP {status}")


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


# -- the sender -------------------------------------------------------------------------


class Sender:
    """One attempt at one delivery; blocking (runs in a worker thread)."""

    def __init__(self, config: AlertsConfig, environ: Mapping[str, str] | None = None) -> None:
        _setup_apprise_logging()
        self.smtp = config.smtp.resolve(environ)
        self.twilio = config.twilio.resolve(environ)
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

    def send(self, target: Target, notice: Notice, key: str = "") -> Outcome:
        handler = getattr(self, f"_send_{target.type}", None)
        if handler is None:
            return Outcome(FAILED_, f"unknown target type {target.type!r}")
        try:
            result: Outcome = handler(target, notice, key)
        except _apprise_error() as err:
            result = Outcome(FAILED_, f"Apprise refused the target: {err}")
        if result.detail and target.type not in ("email", "sms"):
            # A detail may quote the URL it failed on: it goes to logs, records, answers.
            detail = scrub_text(result.detail, secret_parts(target.address))
            if detail != result.detail:
                result = Outcome(result.status, detail)
        return result

    # Each channel ------------------------------------------------------------------

    def _send_email(self, target: Target, notice: Notice, key: str) -> Outcome:
        if not is_email(target.address):
            return Outcome(FAILED_, f"not an email address: {target.address!r}")
        s = self.smtp
        missing = s.missing()
        if missing:
            return self._skip(target, missing, messages.email_subject(notice))
        assert s.host is not None
        sender = s.from_email or s.username or ""
        plugin = self._plugin(
            {
                "schema": "mailto" if s.security == "insecure" else "mailtos",
                "host": sender.rsplit("@", 1)[1],
                "port": s.port,
                "smtp_host": s.host,
                "user": s.username,
                "password": s.password,
                "from_addr": formataddr((s.from_name, sender)),
                "targets": [target.address],
                "secure_mode": s.security,
                "verify": s.verify_certificate,
                "headers": {DELIVERY_HEADER: key} if key else {},
            }
        )
        if plugin is None:
            return Outcome(FAILED_, "Apprise could not build the email settings")
        return self._notify(
            plugin, messages.email_html(notice), messages.email_subject(notice), "html", notice
        )

    def _send_sms(self, target: Target, notice: Notice, key: str) -> Outcome:
        number = phone(target.address)
        if number is None:
            return Outcome(FAILED_, f"not a phone number: {target.address!r}")
        t = self.twilio
        missing = t.missing()
        if missing:
            return self._skip(target, missing, messages.sms_text(notice))
        plugin = self._plugin(
            {
                "schema": "twilio",
                "account_sid": t.account_sid,
                "auth_token": t.auth_token,
                "source": t.from_phone,
                "targets": [number],
            }
        )
        # Twilio's plugin texts its own number when it dropped every target as invalid.
        if plugin is None or len(getattr(plugin, "targets", ())) != 1:
            return Outcome(FAILED_, "Twilio settings or the number were refused by Apprise")
        return self._notify(plugin, messages.sms_text(notice), "", "text", notice)

    def _send_slack(self, target: Target, notice: Notice, key: str) -> Outcome:
        plugin: Any = self._plugin(target.address) if target.address else None
        if plugin is None or plugin.service_name != "Slack":
            return Outcome(
                FAILED_, "not a Slack webhook URL (https://hooks.slack.com/services/...)"
            )
        # Block Kit: a header with the title, a mrkdwn section, the colour of the kind.
        plugin.use_blocks = True
        plugin.include_image = False
        return self._notify(
            plugin,
            messages.slack_markdown(notice),
            messages.slack_title(notice),
            "markdown",
            notice,
        )

    def _send_apprise(self, target: Target, notice: Notice, key: str) -> Outcome:
        plugin = self._plugin(target.address) if target.address else None
        if plugin is None:
            return Outcome(FAILED_, "not a valid Apprise URL")
        return self._notify(
            plugin, messages.email_text(notice), messages.email_subject(notice), "text", notice
        )

    def _send_webhook(self, target: Target, notice: Notice, key: str) -> Outcome:
        import requests

        url = target.address
        if not re.match(r"^https?://[^/\s]+", url):
            return Outcome(FAILED_, "not an http(s) URL")
        headers = {"Content-Type": "application/json", "User-Agent": f"Aastreli/{__version__}"}
        if key:
            headers[DELIVERY_HEADER] = key
        body = json.dumps(messages.webhook_payload(notice), ensure_ascii=False).encode()
        try:
            # No redirects: a 301/302 would turn the POST into a GET without the payload.
            r = requests.post(
                url,
                data=body,
                headers=headers,
                allow_redirects=False,
                timeout=(self.timeout, self.timeout),
            )
        except (
            requests.exceptions.InvalidURL,
            requests.exceptions.MissingSchema,
            requests.exceptions.InvalidSchema,
        ) as err:
            return Outcome(FAILED_, f"bad webhook URL: {type(err).__name__}")
        except requests.Timeout:
            return Outcome(RETRY, f"no answer within {self.timeout:g} s")
        except requests.RequestException as err:
            return Outcome(RETRY, f"connection failed: {type(err).__name__}")
        return http_status_outcome(r.status_code, "webhook")

    # Helpers -----------------------------------------------------------------------

    def _plugin(self, spec: str | dict[str, Any]) -> Any:
        import apprise

        return apprise.Apprise.instantiate(spec, asset=self.asset)

    def _notify(self, plugin: Any, body: str, title: str, fmt: str, notice: Notice) -> Outcome:
        """Send through Apprise; ``fmt`` is a NotifyFormat value (html, text, markdown)."""
        import apprise

        # Every socket operation, and the call as a whole, is bounded by the attempt timeout.
        plugin.socket_connect_timeout = self.timeout
        plugin.socket_read_timeout = self.timeout
        ap = apprise.Apprise(asset=self.asset)
        ap.add(plugin)
        result = ap.notify(
            body=body,
            title=title,
            body_format=apprise.NotifyFormat(fmt),
            notify_type=apprise.NotifyType(_NOTIFY_TYPES[notice.kind]),
            timeout=self.timeout,
            log_level=logging.DEBUG,
        )
        return classify(result, self.timeout)

    def _skip(self, target: Target, reason: str, summary: str) -> Outcome:
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


# -- the worker -------------------------------------------------------------------------


def delivery_id(d: Delivery) -> str:
    """The ``X-Aastreli-Delivery`` value: event id and outbox row, no address."""
    return f"{d.event_id}|d{d.id}"


FinalListener = Callable[[Delivery, str, str], None]


class DeliveryWorker:
    """Sends what is due in the outbox, ``concurrency`` at a time, retrying with backoff."""

    def __init__(
        self,
        outbox: Outbox,
        sender: Sender,
        config: AlertsConfig,
        health: ComponentHealth,
        *,
        on_final: FinalListener | None = None,
    ) -> None:
        self.outbox = outbox
        self.sender = sender
        self.cfg = config.delivery
        self.health = health
        self.on_final = on_final
        self._executor = ThreadPoolExecutor(
            self.cfg.concurrency, thread_name_prefix="alert-delivery"
        )
        # Queue reads get their own thread: hung attempts must not hold them up.
        self._db = ThreadPoolExecutor(1, thread_name_prefix="alert-outbox")
        # A dead SMTP server may hold at most this many slots; the rest serve other channels.
        self.type_limit = max(1, self.cfg.concurrency // 2)
        self._inflight: dict[int, asyncio.Future[tuple[Delivery, str, str] | None]] = {}
        self._types: dict[int, str] = {}
        self._waiters: dict[int, list[asyncio.Future[tuple[str, str]]]] = {}
        self._wake = asyncio.Event()
        self._last_prune = 0.0

    def wake(self) -> None:
        self._wake.set()

    def retry_delay(self, attempts: int) -> float:
        base = min(self.cfg.retry_max, self.cfg.retry_initial * 2 ** max(0, attempts - 1))
        return base * random.uniform(0.8, 1.2)

    async def wait_for(self, delivery_id: int, limit: float) -> tuple[str, str]:
        """Wait for a delivery's final state; returns (state, detail)."""
        fut: asyncio.Future[tuple[str, str]] = asyncio.get_running_loop().create_future()
        self._waiters.setdefault(delivery_id, []).append(fut)
        d = await asyncio.to_thread(self.outbox.get, delivery_id)
        if d is not None and d.state not in (PENDING, "sending"):
            self._resolve_waiters(d.id, d.state, d.error or "")
        self.wake()
        return await asyncio.wait_for(fut, limit)

    def _resolve_waiters(self, delivery_id: int, state: str, detail: str) -> None:
        for fut in self._waiters.pop(delivery_id, []):
            if not fut.done():
                fut.set_result((state, detail))

    # One attempt, in a delivery thread ---------------------------------------------

    def _attempt(self, d: Delivery) -> tuple[Delivery, str, str] | None:
        if not self.outbox.claim(d.id):
            return None
        t0 = time.monotonic()
        # The receiver gets an id to drop a repeat by, never the target's URL (it may hold a
        # password or a token): the event and the outbox row, stable across retries.
        outcome = self.sender.send(d.target, d.notice, delivery_id(d))
        state = {SENT_: SENT, RETRY: PENDING, FAILED_: FAILED, SKIPPED_: SKIPPED}[outcome.status]
        state, error = self.outbox.finish(
            d.id, state, outcome.detail or None, retry_in=self.retry_delay(d.attempts + 1)
        )
        detail = error or ""
        extra = {
            "event": "alert_delivery",
            "target": d.shown,
            "delivery": d.id,
            "attempt": d.attempts + 1,
            "state": state,
            "seconds": round(time.monotonic() - t0, 3),
        }
        if state == SENT:
            log.info("alert %s delivered by %s to %s", d.kind, d.target_type, d.shown, extra=extra)
        elif state == PENDING:
            _limited.warning(
                f"retry:{d.target_key}",
                "alert delivery to %s failed, will retry: %s",
                d.shown,
                detail,
                **extra,
            )
        elif state == FAILED:
            log.error("alert delivery to %s failed for good: %s", d.shown, detail, extra=extra)
        elif state == EXPIRED:
            log.error("alert delivery to %s: %s", d.shown, detail, extra=extra)
        return d, state, detail

    def _done(self, d: Delivery, state: str, detail: str) -> None:
        if state == PENDING:
            self.health.error(f"{d.shown}: {detail}")
            return
        if state == SENT:
            self.health.sent += 1
        elif state in (FAILED, EXPIRED):
            self.health.dropped += 1
            self.health.error(f"{d.shown}: {detail}")
        counter = f"deliveries_{state}"
        self.health.extra[counter] = self.health.extra.get(counter, 0) + 1
        self._resolve_waiters(d.id, state, detail)
        if self.on_final is not None:
            self.on_final(d, state, detail)

    # The loop ----------------------------------------------------------------------

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        self.health.up()
        while True:
            self._wake.clear()
            await self._start_due(loop)
            await self._maybe_prune(loop)
            if self._collect():
                continue
            await self._sleep(loop)

    def _busy_types(self) -> list[str]:
        counts: dict[str, int] = {}
        for kind in self._types.values():
            counts[kind] = counts.get(kind, 0) + 1
        return [k for k, n in counts.items() if n >= self.type_limit]

    async def _start_due(self, loop: asyncio.AbstractEventLoop) -> None:
        free = self.cfg.concurrency - len(self._inflight)
        if free <= 0:
            return
        rows = await loop.run_in_executor(
            self._db, self.outbox.due, time.time(), free, list(self._inflight), self._busy_types()
        )
        for d in rows:
            if len(self._inflight) >= self.cfg.concurrency:
                break
            if d.target_type in self._busy_types():
                continue
            self._types[d.id] = d.target_type
            self._inflight[d.id] = loop.run_in_executor(self._executor, self._attempt, d)

    def _collect(self) -> bool:
        finished = [i for i, f in self._inflight.items() if f.done()]
        for i in finished:
            self._types.pop(i, None)
            res = self._inflight.pop(i).result()  # a bug in a sender surfaces to the supervisor
            if res is not None:
                self._done(*res)
        return bool(finished)

    async def _sleep(self, loop: asyncio.AbstractEventLoop) -> None:
        # Wake for: new rows (wake()), an attempt that finished, or the next retry due
        # among the channels that have a free slot.
        delay = 5.0
        if len(self._inflight) < self.cfg.concurrency:
            nxt = await loop.run_in_executor(self._db, self.outbox.next_due, self._busy_types())
            if nxt is not None:
                delay = min(delay, max(0.0, nxt - time.time()))
        if self._wake.is_set():
            return
        woken: asyncio.Future[Any] = asyncio.ensure_future(self._wake.wait())
        waits: list[asyncio.Future[Any]] = [woken, *self._inflight.values()]
        try:
            await asyncio.wait(waits, timeout=max(delay, 0.01), return_when=asyncio.FIRST_COMPLETED)
        finally:
            woken.cancel()

    async def _maybe_prune(self, loop: asyncio.AbstractEventLoop) -> None:
        now = time.time()
        if now - self._last_prune < 3600:
            return
        self._last_prune = now
        await loop.run_in_executor(self._db, self.outbox.prune)

    async def drain(self, limit: float) -> None:
        """Let attempts in flight finish and be recorded (at shutdown)."""
        if self._inflight:
            await asyncio.wait(list(self._inflight.values()), timeout=limit)
        self._collect()

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._db.shutdown(wait=False, cancel_futures=True)
