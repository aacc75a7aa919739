"""Delivery: the worker that sends what the outbox holds, and the sender that picks a channel.

``Sender.send`` makes one attempt at one delivery through the channel of its target's
type (``gateway.alerts.channels``: email, SMS, Slack and any Apprise URL through
Apprise, webhooks with ``requests``) and returns its outcome: ``sent``, ``retry``,
``failed`` or ``skipped`` (``gateway.alerts.channels.base``). A channel's module, and
Apprise or requests with it, is imported at the first attempt that needs it, not with
this module: a gateway with no notification targets never sends anything.

``DeliveryWorker`` runs off the ingest path in its own task: it takes due rows from the
outbox and runs each attempt (claim, send, record) in its own small thread pool, so a
dead SMTP server holds at most ``concurrency`` threads and never the event loop or the
loop's default executor that other components share.
"""

from __future__ import annotations

import asyncio
import logging
import random
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from gateway.alerts.channels.base import (
    FAILED_,
    RETRY,
    SENT_,
    SKIPPED_,
    Channel,
    Outcome,
    Shared,
    channel_class,
)
from gateway.alerts.channels.via_apprise import apprise_error, setup_apprise_logging
from gateway.alerts.egress import guarded
from gateway.alerts.messages import Notice
from gateway.alerts.outbox import EXPIRED, FAILED, PENDING, SENT, SKIPPED, Delivery, DeliveryQueue
from gateway.alerts.targets import Target
from gateway.config.alerts import AlertsConfig
from gateway.health import ComponentHealth
from gateway.logs import REDACTOR, RateLimited
from gateway.masking import scrub_text, secret_parts

log = logging.getLogger("gateway.alerts")
_limited = RateLimited(log, interval=60.0)


# -- the sender -------------------------------------------------------------------------


class Sender:
    """One attempt at one delivery; blocking (runs in a worker thread)."""

    def __init__(self, config: AlertsConfig, environ: Mapping[str, str] | None = None) -> None:
        setup_apprise_logging()
        self.shared = Shared(config, environ)
        self.policy = config.allow_private_targets
        self._channels: dict[str, Channel] = {}
        self._channels_lock = threading.Lock()

    def channel(self, kind: str) -> Channel | None:
        """The channel of a target type, made (and its module imported) at its first use."""
        with self._channels_lock:
            channel = self._channels.get(kind)
            if channel is None:
                factory = channel_class(kind)
                if factory is None:
                    return None
                channel = self._channels[kind] = factory(self.shared)
            return channel

    def send(self, target: Target, notice: Notice, key: str = "") -> Outcome:
        channel = self.channel(target.type)
        if channel is None:
            return Outcome(FAILED_, f"unknown target type {target.type!r}")
        if channel.secret_address:
            # Whatever a library logs about this URL while sending, no log line carries it.
            REDACTOR.add([target.address])
        policy = self.policy if channel.user_destination else "all"
        with guarded(policy) as guard:
            try:
                result = channel.send(target, notice, key)
            except apprise_error() as err:
                result = Outcome(FAILED_, f"Apprise refused the target: {err}")
        if guard.refused is not None:
            result = Outcome(FAILED_, f"{target.type}: not sent: {guard.refused}")
        if result.detail:
            # A detail may quote the URL it failed on, or the settings a library could not
            # use: it goes to logs, records, answers.
            detail = REDACTOR.redact(result.detail)
            if channel.secret_address:
                detail = scrub_text(detail, secret_parts(target.address))
            if detail != result.detail:
                result = Outcome(result.status, detail)
        return result


# -- the worker -------------------------------------------------------------------------


def delivery_id(d: Delivery) -> str:
    """The ``X-Aastreli-Delivery`` value: event id and outbox row, no address."""
    return f"{d.event_id}|d{d.id}"


FinalListener = Callable[[Delivery, str, str], None]


class DeliveryWorker:
    """Sends what is due in the outbox, ``concurrency`` at a time, retrying with backoff."""

    def __init__(
        self,
        outbox: DeliveryQueue,
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
        async with asyncio.timeout(limit):
            return await fut

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
