"""OPC UA source: one subscription (or batched polling) per server, guarded by a freshness watchdog.

The adapter talks to asyncua's service layer directly: one subscription whose publish
responses arrive in ``_on_publish`` as they were sent, so a publish response becomes one
batch of partial Readings (one per asset) without per-value tasks or queues. Every run
is one session (``opcua_session``): it ends with SourceError when asyncua's link probe
fails, when the server reports the subscription gone, or when neither data nor
keep-alives arrived within ``watchdog`` seconds; the supervisor then reconnects with
capped backoff and the next run subscribes afresh.

Beside it: ``opcua_session`` (the connection), ``opcua_security`` (certificates),
``opcua_nodes`` (points to NodeIds), ``opcua_codec`` (values to Readings). While a run is
connected, ``session`` is its session and every point's ``nodeid`` is resolved for it
(``point_nodes``): what a module that must use the same connection needs.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gateway.assets import Expected
from gateway.config.sources import OpcuaSourceConfig
from gateway.health import ComponentHealth
from gateway.logs import RateLimited
from gateway.records import Reading
from gateway.sources.base import Emit, Source, SourceError
from gateway.sources.opcua_codec import Decoder, bad_readings
from gateway.sources.opcua_lib import ua
from gateway.sources.opcua_nodes import Point, chunks, points_of, resolve
from gateway.sources.opcua_session import (
    LINK_ERRORS,
    SESSION_TIMEOUT_MS,
    OpcuaSession,
    describe,
    quiet_link_loss,
)
from gateway.sources.opcua_write import OpcuaWriter

log = logging.getLogger("gateway.sources.opcua")

# The subscription's keep-alive comes at least this many times per watchdog period, so
# one late keep-alive on a loaded link does not trip the watchdog.
KEEPALIVES_PER_WATCHDOG = 3
# Read results that mean the node does not exist (a config mistake, not a device fault).
_NO_SUCH_NODE = frozenset(
    {
        ua.StatusCodes.BadNodeIdUnknown,
        ua.StatusCodes.BadNodeIdInvalid,
        ua.StatusCodes.BadAttributeIdInvalid,
    }
)


class OpcuaSource(Source):
    """Reads the configured points of one OPC UA server (``kind: opcua``)."""

    kind = "opcua"
    config: OpcuaSourceConfig

    def __init__(
        self, config: OpcuaSourceConfig, emit: Emit, health: ComponentHealth, *, data_dir: Path
    ) -> None:
        super().__init__(config, emit, health, data_dir=data_dir)
        quiet_link_loss()
        self._points = points_of(config.points)
        self._by_handle = {p.handle: p for p in self._points}
        assets: dict[str, list[str]] = {}
        for p in self._points:
            assets.setdefault(p.sensor_id, []).append(p.feature)
        self._assets = {sid: tuple(features) for sid, features in assets.items()}
        self._ratelog = RateLimited(log, 60.0)
        self._decoder = Decoder(config, health)
        # A write channel only when something is writable (docs/writes.md).
        self._writable = bool(config.methods) or any(p.writable for p in config.points)
        # The session of the run in progress; None between runs.
        self.session: OpcuaSession | None = None
        self._last_publish = 0.0  # time.monotonic() of the last publish response
        self._watchdog = config.watchdog
        self._stale = False  # the points were marked stale and no data came since
        self._silent = False  # the watchdog found the subscription silent
        self._warned: set[str] = set()
        health.protocol = health.protocol or "opcua"
        health.extra.update(
            mode=config.mode,
            subscriptions=0,
            monitored_items=0,
            unresolved=0,
            last_data_at=None,
            last_publish_at=None,
            watchdog_trips=0,
        )
        if config.mode == "poll":
            health.extra.update(
                polls=0, late_polls=0, poll_duration_ms=None, poll_duration_max_ms=None
            )

    def expectations(self) -> tuple[Expected, dict[str, Expected]]:
        """Every mapped asset, expected at the poll interval or, subscribed, at least once
        per keep-alive period (a publish response with no change confirms the values)."""
        cfg = self.config
        if cfg.mode == "poll":
            interval = cfg.poll_interval
        else:
            interval = _keepalive_count(cfg) * cfg.publishing_interval / 1000
        expected = Expected(interval, cfg.stale_after)
        return Expected(stale_after=cfg.stale_after), dict.fromkeys(self._assets, expected)

    def point_nodes(self) -> dict[tuple[str, str], ua.NodeId]:
        """(sensor id, feature) -> NodeId of every point resolved for the current session."""
        return {(p.sensor_id, p.feature): p.nodeid for p in self._points if p.nodeid is not None}

    # -- one connection --------------------------------------------------------------

    async def run(self) -> None:
        self._silent = False
        session = OpcuaSession(self.config, data_dir=self.data_dir, warn=self._warn_once)
        try:
            await session.open()
        except SourceError:
            self._mark_stale()
            raise
        self.session = session
        dead = False
        try:
            self._reject(await resolve(session, self._points))
            async with self.writes.serving(self._writer(session).execute, enabled=self._writable):
                if self.config.mode == "subscribe":
                    await self._subscribe(session)
                    self.health.up()
                    await self._watch(session)
                else:
                    await self._poll(session)
        except SourceError:
            self._mark_stale()
            raise
        except LINK_ERRORS as err:
            dead = isinstance(err, OSError | TimeoutError)
            self._mark_stale()
            raise SourceError(f"{self.config.url}: {describe(err)}") from err
        finally:
            self.session = None
            self.health.extra["subscriptions"] = 0
            # A link that is known dead is not asked to close the session: that request
            # would wait for its timeout. The server frees the session on its own.
            await session.close(dead or self._silent or session.lost.is_set())

    def _writer(self, session: OpcuaSession) -> OpcuaWriter:
        """Writes over this session (gateway.sources.opcua_write), to the nodes resolved here."""
        nodes = self.point_nodes()
        return OpcuaWriter(
            session,
            lambda config: nodes.get((config.sensor_id, config.feature)),
            where=self.config.url,
            timeout=self.config.timeout,
        )

    def _reject(self, failed: Sequence[tuple[Point, str]]) -> None:
        """Points the server does not have: bad quality, counted, logged; the rest run."""
        for p, why in failed:
            p.nodeid = None
            self._ratelog.warning(
                f"node:{p.handle}",
                "%s: point %s/%s (%s): %s",
                self.config.name,
                p.sensor_id,
                p.feature,
                p.config.node,
                why,
                component=self.config.name,
            )
        self.health.extra["unresolved"] = sum(1 for p in self._points if p.nodeid is None)
        if failed:
            self.health.error(
                f"{len(failed)} point(s) unusable, first: "
                f"{failed[0][0].config.node}: {failed[0][1]}"
            )
            self.deliver(bad_readings(self.config.name, [p for p, _ in failed], time.time()))
        if all(p.nodeid is None for p in self._points):
            raise SourceError(
                f"{self.config.url}: none of the {len(self._points)} points exists on the server"
            )

    # -- subscription ----------------------------------------------------------------

    async def _subscribe(self, session: OpcuaSession) -> None:
        cfg = self.config
        keepalive = _keepalive_count(cfg)
        params = ua.CreateSubscriptionParameters(
            RequestedPublishingInterval=cfg.publishing_interval,
            # The server deletes the subscription after this many publishing intervals
            # without a publish request: at least three keep-alives (the spec's minimum)
            # and about a session timeout.
            RequestedLifetimeCount=max(
                3 * keepalive, math.ceil(SESSION_TIMEOUT_MS / cfg.publishing_interval)
            ),
            RequestedMaxKeepAliveCount=keepalive,
            MaxNotificationsPerPublish=0,  # no limit
            PublishingEnabled=True,
            Priority=0,
        )
        self._last_publish = time.monotonic()
        services = session.services
        result = await services.create_subscription(
            params, lambda res: self._on_publish(session, res)
        )
        # A server may revise the interval and the keep-alive count; the watchdog must
        # not trip between two keep-alives it will actually send.
        keepalive_s = result.RevisedPublishingInterval * result.RevisedMaxKeepAliveCount / 1000
        self._watchdog = max(cfg.watchdog, 1.5 * keepalive_s + cfg.timeout)
        if self._watchdog > cfg.watchdog:
            self._warn_once(
                "revised",
                "%s: the server sends keep-alives every %.1f s; the "
                "watchdog waits %.1f s instead of %.1f s",
                cfg.name,
                keepalive_s,
                self._watchdog,
                cfg.watchdog,
            )
        points = [p for p in self._points if p.nodeid is not None]
        failed: list[tuple[Point, str]] = []
        for chunk in chunks(points, (await session.limits()).monitor):
            request = ua.CreateMonitoredItemsParameters(
                SubscriptionId=result.SubscriptionId,
                ItemsToCreate=[_monitored_item(p) for p in chunk],
                TimestampsToReturn=ua.TimestampsToReturn.Both,
            )
            results = await services.create_monitored_items(request)
            for p, res in zip(chunk, results, strict=True):
                if not res.StatusCode.is_good():
                    failed.append((p, f"cannot monitor ({res.StatusCode.name})"))
        self._reject(failed)
        self.health.extra.update(
            subscriptions=1,
            monitored_items=len(points) - len(failed),
            publishing_interval_ms=result.RevisedPublishingInterval,
            keepalive_s=round(keepalive_s, 3),
            watchdog_s=round(self._watchdog, 3),
        )

    def _on_publish(self, session: OpcuaSession, result: ua.PublishResult) -> None:
        """One publish response (data, keep-alive or status change) from asyncua's loop."""
        self._last_publish = time.monotonic()
        now = time.time()
        self.health.extra["last_publish_at"] = now
        if self.heartbeat is not None:
            # The subscription is alive: values it has not reported as changed still hold.
            self.heartbeat(self._assets)
        for notification in result.NotificationMessage.NotificationData or ():
            if isinstance(notification, ua.DataChangeNotification):
                readings = self._decoder.changes(notification.MonitoredItems, self._by_handle, now)
                if readings:
                    self._deliver(readings, now)
            elif isinstance(notification, ua.StatusChangeNotification):
                # The server ended the subscription (BadTimeout: its lifetime expired,
                # GoodSubscriptionTransferred: another session took it) or asyncua
                # reports the link lost (BadShutdown).
                session.link_lost(f"subscription ended: {notification.Status.name}")

    async def _watch(self, session: OpcuaSession) -> None:
        """Wait until the link is reported lost, or the subscription falls silent."""
        while True:
            remaining = self._last_publish + self._watchdog - time.monotonic()
            if remaining <= 0:
                self._silent = True
                self.health.extra["watchdog_trips"] += 1
                raise SourceError(
                    f"{self.config.url}: no data and no keep-alive for "
                    f"{self._watchdog:.1f} s; subscribing again"
                )
            try:
                async with asyncio.timeout(remaining):
                    await session.lost.wait()
            except TimeoutError:
                continue
            raise SourceError(f"{self.config.url}: {session.lost_reason}")

    # -- polling ---------------------------------------------------------------------

    async def _poll(self, session: OpcuaSession) -> None:
        """Read every node in one Read request per poll (split only at the server's limit).

        Polls keep a fixed rhythm; a poll that overran its slot skips the missed slots
        and counts as late, so a slow server never builds a backlog of reads.
        """
        interval = self.config.poll_interval
        per_call = (await session.limits()).read
        points = [p for p in self._points if p.nodeid is not None]
        extra = self.health.extra
        due = time.monotonic()
        first = True
        while True:
            started = time.monotonic()
            values = await self._read(session, points, per_call)
            took = time.monotonic() - started
            if first:
                # The first answer shows which nodes this server does not have; they are
                # reported like unresolved ones and left out of the next requests.
                first = False
                points, values = self._drop_missing(points, values)
            now = time.time()
            self._deliver(self._decoder.polled(points, values, now), now)
            self.health.up()
            extra["polls"] += 1
            extra["poll_duration_ms"] = round(took * 1000, 2)
            extra["poll_duration_max_ms"] = max(
                extra["poll_duration_max_ms"] or 0.0, extra["poll_duration_ms"]
            )
            due += interval
            late = time.monotonic() - due
            if late > 0:
                extra["late_polls"] += 1
                due += math.ceil(late / interval) * interval
            try:
                async with asyncio.timeout(due - time.monotonic()):
                    await session.lost.wait()
            except TimeoutError:
                continue
            raise SourceError(session.lost_reason)

    @staticmethod
    async def _read(
        session: OpcuaSession, points: Sequence[Point], per_call: int
    ) -> list[ua.DataValue]:
        values: list[ua.DataValue] = []
        for chunk in chunks(points, per_call):
            values += await session.services.read_attributes(
                [p.nodeid for p in chunk if p.nodeid is not None], ua.AttributeIds.Value
            )
        return values

    def _drop_missing(
        self, points: list[Point], values: list[ua.DataValue]
    ) -> tuple[list[Point], list[ua.DataValue]]:
        missing = [
            (p, f"cannot read ({dv.StatusCode.name})")
            for p, dv in zip(points, values, strict=True)
            if dv.StatusCode is not None and dv.StatusCode.value in _NO_SUCH_NODE
        ]
        if not missing:
            return points, values
        self._reject(missing)
        gone = {p.handle for p, _ in missing}
        keep = [i for i, p in enumerate(points) if p.handle not in gone]
        return [points[i] for i in keep], [values[i] for i in keep]

    # -- delivery --------------------------------------------------------------------

    def _deliver(self, readings: list[Reading], now: float) -> None:
        self._stale = False
        self.health.up()  # data may come before the last monitored item is created
        self.health.sent += len(readings)
        self.health.extra["last_data_at"] = now
        self.deliver(readings)

    def _mark_stale(self) -> None:
        """Once per outage: every point of this source is stale until data comes again."""
        if self._stale:
            return
        self._stale = True
        self.deliver(bad_readings(self.config.name, self._points, time.time()))

    def _warn_once(self, key: str, msg: str, *args: Any) -> None:
        if key not in self._warned:
            self._warned.add(key)
            log.warning(msg, *args, extra={"component": self.config.name})


def _keepalive_count(cfg: OpcuaSourceConfig) -> int:
    """Publishing intervals per keep-alive: several keep-alives fit in one watchdog period."""
    return max(1, int(cfg.watchdog * 1000 / KEEPALIVES_PER_WATCHDOG / cfg.publishing_interval))


def _monitored_item(point: Point) -> ua.MonitoredItemCreateRequest:
    cfg = point.config
    params = ua.MonitoringParameters(
        ClientHandle=point.handle,
        SamplingInterval=cfg.sampling_interval,
        QueueSize=cfg.queue_size,
        DiscardOldest=True,
    )
    if cfg.deadband is not None:
        params.Filter = ua.DataChangeFilter(
            Trigger=ua.DataChangeTrigger.StatusValue,
            DeadbandType=ua.DeadbandType.Absolute,
            DeadbandValue=cfg.deadband,
        )
    return ua.MonitoredItemCreateRequest(
        ItemToMonitor=ua.ReadValueId(NodeId=point.nodeid, AttributeId=ua.AttributeIds.Value),
        MonitoringMode=ua.MonitoringMode.Reporting,
        RequestedParameters=params,
    )
