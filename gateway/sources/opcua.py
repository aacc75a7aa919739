"""OPC UA source: one subscription (or batched polling) per server, guarded by a freshness watchdog.

The adapter talks to asyncua's service layer (``client.uaclient``) directly: one
subscription whose publish responses arrive in ``_on_publish`` as they were sent, so a
publish response becomes one batch of partial Readings (one per asset) without per-value
tasks or queues. asyncua's own auto-reconnect is off: after a silent drop followed by a
server restart it reports "connected" while the subscription never delivers again
(shared/notes/libraries.md). Instead every run is one connection: it ends with
SourceError when asyncua's link probe fails, when the server reports the subscription
gone, or when neither data nor keep-alives arrived within ``watchdog`` seconds; the
supervisor then reconnects with capped backoff and the next run subscribes afresh.
"""

from __future__ import annotations

import asyncio
import logging
import math
import os
import re
import socket
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from asyncua import Client, ua
from asyncua.crypto import cert_gen, security_policies, uacrypto
from cryptography import x509

from gateway.assets import Expected
from gateway.config.sources import OpcuaPointConfig, OpcuaSourceConfig
from gateway.health import ComponentHealth
from gateway.logs import RateLimited
from gateway.records import Reading
from gateway.sources.base import Emit, Source, SourceError
from gateway.sources.opcua_write import OpcuaWriter

log = logging.getLogger("gateway.sources.opcua")

# What asyncua raises when a link or a request fails: socket errors (ConnectionError is
# one), request timeouts, and UaError (bad service results, ServiceError, broken frames).
_LINK_ERRORS = (OSError, TimeoutError, ua.UaError)

_POLICIES: dict[str, type[security_policies.SecurityPolicy]] = {
    "Basic256Sha256": security_policies.SecurityPolicyBasic256Sha256,
    "Aes128Sha256RsaOaep": security_policies.SecurityPolicyAes128Sha256RsaOaep,
    "Aes256Sha256RsaPss": security_policies.SecurityPolicyAes256Sha256RsaPss,
}
_MODES = {
    "Sign": ua.MessageSecurityMode.Sign,
    "SignAndEncrypt": ua.MessageSecurityMode.SignAndEncrypt,
}

# The server drops a session this long after the client's last request. Ours is shorter
# than asyncua's hour so that the session and subscription of a cut link are freed within
# a minute on a small PLC, and long enough that a busy link never loses its session.
SESSION_TIMEOUT_MS = 60_000
# The subscription's keep-alive comes at least this many times per watchdog period, so
# one late keep-alive on a loaded link does not trip the watchdog.
KEEPALIVES_PER_WATCHDOG = 3
# A source timestamp before 2000 comes from a device whose clock was never set.
_CLOCK_NOT_SET = 946_684_800.0
# Read results that mean the node does not exist (a config mistake, not a device fault).
_NO_SUCH_NODE = frozenset(
    {
        ua.StatusCodes.BadNodeIdUnknown,
        ua.StatusCodes.BadNodeIdInvalid,
        ua.StatusCodes.BadAttributeIdInvalid,
    }
)
# StatusCode severity lives in the top two bits: 00 good, 01 uncertain, 1x bad.
_SEVERITY_SHIFT = 30


class _LinkLossFilter(logging.Filter):
    """asyncua's publish loop logs a traceback at ERROR each time the socket under it
    closes; the source reports that same loss once, in its health and through the
    supervisor, so the library's copy is dropped. Any other error still gets through."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not (isinstance(exc, OSError) and str(record.msg).startswith("Publish iteration"))


def _quiet_link_loss() -> None:
    """Install the filter once, when an OPC UA source is made (not on import: a module
    that is only imported leaves other people's loggers alone)."""
    publish = logging.getLogger("asyncua.client.ua_session.UaSession")
    if not any(isinstance(f, _LinkLossFilter) for f in publish.filters):
        publish.addFilter(_LinkLossFilter())


@dataclass(slots=True)
class _Point:
    handle: int  # client handle of its monitored item: index in the config + 1
    sensor_id: str
    feature: str
    config: OpcuaPointConfig
    nodeid: ua.NodeId | None = None  # resolved at each connection


class OpcuaSource(Source):
    """Reads the configured points of one OPC UA server (``kind: opcua``)."""

    kind = "opcua"
    config: OpcuaSourceConfig

    def __init__(
        self, config: OpcuaSourceConfig, emit: Emit, health: ComponentHealth, *, data_dir: Path
    ) -> None:
        super().__init__(config, emit, health, data_dir=data_dir)
        _quiet_link_loss()
        self._points = [
            _Point(i + 1, p.sensor_id, p.feature, p) for i, p in enumerate(config.points)
        ]
        self._by_handle = {p.handle: p for p in self._points}
        assets: dict[str, list[str]] = {}
        for p in self._points:
            assets.setdefault(p.sensor_id, []).append(p.feature)
        self._assets = {sid: tuple(features) for sid, features in assets.items()}
        self._ratelog = RateLimited(log, 60.0)
        self._lost = asyncio.Event()
        self._lost_reason = ""
        self._last_publish = 0.0  # time.monotonic() of the last publish response
        self._watchdog = config.watchdog
        self._stale = False  # the points were marked stale and no data came since
        self._silent = False  # the watchdog found the subscription silent
        self._uncertain_ok = config.accept_uncertain
        self._ts_mode = config.timestamps
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

    # -- one connection --------------------------------------------------------------

    async def run(self) -> None:
        self._lost = asyncio.Event()
        self._lost_reason = ""
        self._silent = False
        try:
            client = await self._connect()
        except SourceError:
            self._mark_stale()
            raise
        dead = False
        try:
            limits = await self._operation_limits(client)
            await self._resolve(client, limits.get("translate", 0))
            writable = bool(self.config.methods) or any(p.writable for p in self.config.points)
            async with self.writes.serving(self._writer(client).execute, enabled=writable):
                if self.config.mode == "subscribe":
                    await self._subscribe(client, limits.get("monitor", 0))
                    self.health.up()
                    await self._watch()
                else:
                    await self._poll(client, limits.get("read", 0))
        except SourceError:
            self._mark_stale()
            raise
        except _LINK_ERRORS as err:
            dead = isinstance(err, OSError | TimeoutError)
            self._mark_stale()
            raise SourceError(f"{self.config.url}: {_describe(err)}") from err
        finally:
            self.health.extra["subscriptions"] = 0
            # A link that is known dead is not asked to close the session: that request
            # would wait for its timeout. The server frees the session on its own.
            await self._close(client, dead or self._silent or self._lost.is_set())

    async def _connect(self) -> Client:
        cfg = self.config
        # asyncua probes the server state this often (and with this timeout) to find a
        # link that died without closing its socket.
        probe = max(1.0, min(cfg.timeout, cfg.watchdog / 2))
        client = Client(cfg.url, timeout=cfg.timeout, watchdog_intervall=probe)
        client.session_timeout = SESSION_TIMEOUT_MS
        client.name = client.description = f"Aastreli gateway ({cfg.name})"
        client.application_uri = f"urn:{socket.gethostname()}:aastreli:gateway"
        client.product_uri = "urn:aastreli:gateway"
        if cfg.username is not None:
            client.set_user(cfg.username)
        if cfg.password is not None:
            client.set_password(cfg.password)
            if cfg.security.mode != "SignAndEncrypt":
                self._warn_once(
                    "plain-password",
                    "%s: the password of %s crosses the network "
                    "without encryption (security mode is %s)",
                    cfg.name,
                    cfg.url,
                    cfg.security.mode,
                )
        client.connection_lost_callback = self._on_connection_lost
        try:
            if cfg.security.policy != "None":
                await self._set_security(client)
            await client.connect()
        except _LINK_ERRORS as err:
            client.disconnect_socket()
            raise SourceError(f"cannot connect to {cfg.url}: {_describe(err)}") from err
        except asyncio.CancelledError:
            client.disconnect_socket()
            raise
        if cfg.security.policy != "None" and cfg.security.server_cert is None:
            self._keep_server_certificate(client)
        return client

    async def _close(self, client: Client, dead: bool) -> None:
        """Release the session; on a dead link drop the socket first so nothing waits."""
        if dead:
            # asyncua may already have marked the client disconnected (its probe failed)
            # while the socket is still open; close the socket itself, else the
            # CloseSession below would wait its full timeout on the dead link.
            protocol = client.uaclient.protocol
            if protocol is not None and not protocol.is_closed:
                protocol.disconnect_socket()
            client.disconnect_socket()
            await asyncio.sleep(0)  # let the transport report the close to asyncua
        try:
            async with asyncio.timeout(self.config.timeout):
                await client.disconnect()
        except _LINK_ERRORS:
            client.disconnect_socket()

    def _writer(self, client: Client) -> OpcuaWriter:
        """Writes over this session (gateway.sources.opcua_write), to the nodes resolved here."""
        by_name = {(p.sensor_id, p.feature): p for p in self._points}

        def node(config: OpcuaPointConfig) -> ua.NodeId | None:
            point = by_name.get((config.sensor_id, config.feature))
            return point.nodeid if point is not None else None

        return OpcuaWriter(client, node, where=self.config.url, timeout=self.config.timeout)

    async def _on_connection_lost(self, err: Exception) -> None:
        # Called by asyncua's connection supervisor when the socket closed or the
        # periodic server-state probe failed.
        self._link_lost(f"connection lost: {_describe(err)}")

    def _link_lost(self, reason: str) -> None:
        if not self._lost.is_set():
            self._lost_reason = reason
            self._lost.set()

    # -- security --------------------------------------------------------------------

    async def _set_security(self, client: Client) -> None:
        sec = self.config.security
        if sec.client_cert is not None and sec.client_key is not None:
            cert_path, key_path = Path(sec.client_cert), Path(sec.client_key)
            # The server checks that the application URI of the session matches the one
            # in the certificate, so a certificate made elsewhere dictates ours.
            uri = _certificate_uri(_load_certificate(cert_path))
            if uri:
                client.application_uri = uri
        else:
            cert_path, key_path = await self._own_certificate(client)
        server_cert = await self._server_certificate(client)
        cert = uacrypto.der_from_x509(_load_certificate(cert_path))
        key = _read(key_path, "private key")
        try:
            await client.set_security(
                _POLICIES[sec.policy],
                uacrypto.CertProperties(cert, "der"),
                uacrypto.CertProperties(
                    key, "pem" if _is_pem(key) else "der", sec.client_key_password
                ),
                server_certificate=uacrypto.CertProperties(server_cert, "der"),
                mode=_MODES[sec.mode],
            )
        except (ValueError, TypeError) as err:  # cryptography: unreadable or locked key
            raise SourceError(f"cannot use the private key {key_path}: {err}") from err

    async def _server_certificate(self, client: Client) -> bytes:
        """The server's certificate for the configured policy and mode, checked against
        the pinned one.

        GetEndpoints needs no security, so a wrong pin or a missing endpoint gets a clear
        error here instead of a secure channel the server cannot decrypt (a timeout).
        """
        sec = self.config.security
        endpoints = await client.connect_and_get_server_endpoints()
        uri, mode = _POLICIES[sec.policy].URI, _MODES[sec.mode]
        for ep in endpoints:
            if ep.SecurityPolicyUri == uri and ep.SecurityMode == mode and ep.ServerCertificate:
                offered = _first_certificate(ep.ServerCertificate)
                break
        else:
            offers = sorted(
                {
                    f"{e.SecurityPolicyUri.rpartition('#')[2]}/{e.SecurityMode.name}"
                    for e in endpoints
                }
            )
            raise SourceError(
                f"{self.config.url} offers no {sec.policy}/{sec.mode} endpoint "
                f"(it offers {', '.join(offers)})"
            )
        if sec.server_cert is not None:
            pinned = uacrypto.der_from_x509(_load_certificate(Path(sec.server_cert)))
            if pinned != offered:
                raise SourceError(
                    f"{self.config.url} presents a certificate other than "
                    f"security.server_cert ({sec.server_cert}); refusing it"
                )
        return offered

    async def _own_certificate(self, client: Client) -> tuple[Path, Path]:
        """The gateway's client certificate, generated on first start into the data folder.

        The key is written once with mode 0600; the self-signed certificate is
        regenerated when it expires or no longer matches the host name. The server's
        administrator trusts ``client-cert.der`` once (copy it into the server's
        trusted folder, or accept it in the server's UI).
        """
        folder = self.data_dir / "opcua" / _safe_name(self.config.name)
        folder.mkdir(parents=True, exist_ok=True)
        key, cert = folder / "client-key.pem", folder / "client-cert.der"
        if not key.is_file():
            pem = cert_gen.dump_private_key_as_pem(cert_gen.generate_private_key())
            _write_private(key, pem)
        before = cert.stat().st_mtime_ns if cert.is_file() else None
        await client.setup_self_signed_certificate(
            key, cert, subject_attrs={"organizationName": "Aastreli gateway"}
        )
        if before is None or cert.stat().st_mtime_ns != before:
            log.info(
                "%s: generated the OPC UA client certificate %s; the server must trust it",
                self.config.name,
                cert,
                extra={"component": self.config.name},
            )
        return cert, key

    def _keep_server_certificate(self, client: Client) -> None:
        """Without a configured server certificate, any certificate the server presents is
        accepted (the link is encrypted but the server not authenticated). Keep a copy so
        the engineer can check its fingerprint and pin it with ``security.server_cert``."""
        der = client.security_policy.peer_certificate
        if not der:
            return
        path = self.data_dir / "opcua" / _safe_name(self.config.name) / "server-cert-seen.der"
        if not path.is_file() or path.read_bytes() != der:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(der)
        self._warn_once(
            "unpinned",
            "%s: server certificate of %s is not pinned "
            "(set security.server_cert); the one it presented is in %s",
            self.config.name,
            self.config.url,
            path,
        )

    # -- nodes -----------------------------------------------------------------------

    async def _operation_limits(self, client: Client) -> dict[str, int]:
        """The server's per-request limits (0: none); a server without them gets 0."""
        limits = ua.ObjectIds
        ids = {
            "read": limits.Server_ServerCapabilities_OperationLimits_MaxNodesPerRead,
            "monitor": limits.Server_ServerCapabilities_OperationLimits_MaxMonitoredItemsPerCall,
            "translate": (
                limits.Server_ServerCapabilities_OperationLimits_MaxNodesPerTranslateBrowsePathsToNodeIds
            ),
        }
        try:
            values = await client.uaclient.read_attributes(
                [_numeric(i) for i in ids.values()], ua.AttributeIds.Value
            )
        except ua.UaStatusCodeError:  # a server that refuses the request has no limits to tell
            return {}
        out = {}
        for key, dv in zip(ids, values, strict=True):
            good = dv.StatusCode is None or dv.StatusCode.is_good()
            v = dv.Value.Value if good and dv.Value is not None else 0
            out[key] = int(v) if isinstance(v, int) and v > 0 else 0
        return out

    async def _resolve(self, client: Client, per_call: int) -> None:
        """Turn every point's node into a NodeId of this server session.

        Namespace URIs (``nsu=``) and browse paths are resolved again on every
        connection: a restarted server may number its namespaces or nodes differently.
        """
        namespaces: list[str] | None = None
        paths: list[_Point] = []
        failed: list[tuple[_Point, str]] = []
        for p in self._points:
            p.nodeid = None
            text = p.config.node
            if _is_browse_path(text):
                paths.append(p)
                continue
            nodeid = ua.NodeId.from_string(text)
            uri = getattr(nodeid, "NamespaceUri", None)
            if uri:
                if namespaces is None:
                    namespaces = await client.get_namespace_array()
                if uri not in namespaces:
                    failed.append((p, f"namespace {uri} is unknown to the server"))
                    continue
                nodeid = ua.NodeId(
                    nodeid.Identifier, ua.Int16(namespaces.index(uri)), nodeid.NodeIdType
                )
            p.nodeid = nodeid
        for chunk in _chunks(paths, per_call):
            results = await client.uaclient.translate_browsepaths_to_nodeids(
                [_browse_path(p.config.node) for p in chunk]
            )
            for p, res in zip(chunk, results, strict=True):
                if res.StatusCode.is_good() and res.Targets:
                    p.nodeid = res.Targets[0].TargetId
                else:
                    failed.append((p, f"browse path not found ({res.StatusCode.name})"))
        self._reject(failed)

    def _reject(self, failed: Sequence[tuple[_Point, str]]) -> None:
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
            self._emit_bad([p for p, _ in failed])
        if all(p.nodeid is None for p in self._points):
            raise SourceError(
                f"{self.config.url}: none of the {len(self._points)} points exists on the server"
            )

    # -- subscription ----------------------------------------------------------------

    async def _subscribe(self, client: Client, per_call: int) -> None:
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
        result = await client.uaclient.create_subscription(params, self._on_publish)
        sub_id = result.SubscriptionId
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
        failed: list[tuple[_Point, str]] = []
        for chunk in _chunks(points, per_call):
            request = ua.CreateMonitoredItemsParameters(
                SubscriptionId=sub_id,
                ItemsToCreate=[_monitored_item(p) for p in chunk],
                TimestampsToReturn=ua.TimestampsToReturn.Both,
            )
            results = await client.uaclient.create_monitored_items(request)
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

    def _on_publish(self, result: ua.PublishResult) -> None:
        """One publish response (data, keep-alive or status change) from asyncua's loop."""
        self._last_publish = time.monotonic()
        now = time.time()
        self.health.extra["last_publish_at"] = now
        if self.heartbeat is not None:
            # The subscription is alive: values it has not reported as changed still hold.
            self.heartbeat(self._assets)
        for notification in result.NotificationMessage.NotificationData or ():
            if isinstance(notification, ua.DataChangeNotification):
                self._on_data(notification.MonitoredItems, now)
            elif isinstance(notification, ua.StatusChangeNotification):
                # The server ended the subscription (BadTimeout: its lifetime expired,
                # GoodSubscriptionTransferred: another session took it) or asyncua
                # reports the link lost (BadShutdown).
                self._link_lost(f"subscription ended: {notification.Status.name}")

    def _on_data(self, items: Iterable[ua.MonitoredItemNotification], now: float) -> None:
        """Data changes of one publish response to one partial Reading per asset.

        A monitored item with a queue can report several values in one response; a
        feature seen twice for an asset starts a new Reading so no value is lost.
        """
        pending: dict[str, tuple[dict[str, float], list[str], list[float]]] = {}
        out: list[Reading] = []
        name = self.config.name
        for item in items:
            point = self._by_handle.get(item.ClientHandle)
            if point is None:
                continue
            dv = item.Value
            value = self._value(point, dv)
            ts = self._timestamp(dv, now)
            part = pending.get(point.sensor_id)
            if part is None or point.feature in part[0] or point.feature in part[1]:
                if part is not None:
                    out.append(
                        Reading(point.sensor_id, part[2][0], part[0], name, tuple(part[1]), now)
                    )
                part = pending[point.sensor_id] = ({}, [], [ts])
            if value is None:
                part[1].append(point.feature)
            else:
                part[0][point.feature] = value
            if ts > part[2][0]:
                part[2][0] = ts
        for sid, (values, bad, ts_box) in pending.items():
            out.append(Reading(sid, ts_box[0], values, name, tuple(bad), now))
        if out:
            self._deliver(out, now)

    # -- polling ---------------------------------------------------------------------

    async def _poll(self, client: Client, per_call: int) -> None:
        """Read every node in one Read request per poll (split only at the server's limit).

        Polls keep a fixed rhythm; a poll that overran its slot skips the missed slots
        and counts as late, so a slow server never builds a backlog of reads.
        """
        interval = self.config.poll_interval
        points = [p for p in self._points if p.nodeid is not None]
        chunks = list(_chunks(points, per_call))
        extra = self.health.extra
        due = time.monotonic()
        first = True
        while True:
            started = time.monotonic()
            values: list[ua.DataValue] = []
            for chunk in chunks:
                values += await client.uaclient.read_attributes(
                    [p.nodeid for p in chunk if p.nodeid is not None], ua.AttributeIds.Value
                )
            took = time.monotonic() - started
            if first:
                # The first answer shows which nodes this server does not have; they are
                # reported like unresolved ones and left out of the next requests.
                first = False
                missing = [
                    (p, f"cannot read ({dv.StatusCode.name})")
                    for p, dv in zip(points, values, strict=True)
                    if dv.StatusCode is not None and dv.StatusCode.value in _NO_SUCH_NODE
                ]
                if missing:
                    self._reject(missing)
                    gone = {p.handle for p, _ in missing}
                    keep = [i for i, p in enumerate(points) if p.handle not in gone]
                    points = [points[i] for i in keep]
                    values = [values[i] for i in keep]
                    chunks = list(_chunks(points, per_call))
            self._emit_polled(points, values)
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
                    await self._lost.wait()
            except TimeoutError:
                continue
            raise SourceError(self._lost_reason)

    def _emit_polled(self, points: Sequence[_Point], values: Sequence[ua.DataValue]) -> None:
        now = time.time()
        assets: dict[str, tuple[dict[str, float], list[str], list[float]]] = {}
        for point, dv in zip(points, values, strict=True):
            part = assets.get(point.sensor_id)
            if part is None:
                part = assets[point.sensor_id] = ({}, [], [0.0])
            value = self._value(point, dv)
            if value is None:
                part[1].append(point.feature)
            else:
                part[0][point.feature] = value
                part[2][0] = max(part[2][0], self._timestamp(dv, now))
        name = self.config.name
        out = [
            Reading(sid, ts_box[0] or now, vals, name, tuple(bad), now)
            for sid, (vals, bad, ts_box) in assets.items()
        ]
        self._deliver(out, now)

    # -- values ----------------------------------------------------------------------

    def _value(self, point: _Point, dv: ua.DataValue) -> float | None:
        """The point's value as a float, or None when its status or type makes it unusable."""
        status = dv.StatusCode
        severity = (status.value >> _SEVERITY_SHIFT) if status is not None else 0
        if severity > 1 or (severity == 1 and not self._uncertain_ok):
            return None
        raw = dv.Value.Value if dv.Value is not None else None
        if isinstance(raw, int | float):  # bool is an int: 1.0 / 0.0
            value = float(raw)
            if math.isfinite(value):
                return value
        self.health.malformed += 1
        self._ratelog.warning(
            f"type:{point.handle}",
            "%s: point %s/%s (%s) is not a finite number: %.60r",
            self.config.name,
            point.sensor_id,
            point.feature,
            point.config.node,
            raw,
            component=self.config.name,
        )
        return None

    def _timestamp(self, dv: ua.DataValue, now: float) -> float:
        if self._ts_mode == "gateway":
            return now
        for stamp in (
            dv.SourceTimestamp if self._ts_mode == "source" else None,
            dv.ServerTimestamp,
        ):
            if stamp is not None:
                ts = stamp.timestamp()
                if ts > _CLOCK_NOT_SET:
                    return ts
        return now

    def _deliver(self, readings: list[Reading], now: float) -> None:
        self._stale = False
        self.health.up()  # data may come before the last monitored item is created
        self.health.sent += len(readings)
        self.health.extra["last_data_at"] = now
        self.deliver(readings)

    def _emit_bad(self, points: Iterable[_Point]) -> None:
        now = time.time()
        bad: dict[str, list[str]] = {}
        for p in points:
            bad.setdefault(p.sensor_id, []).append(p.feature)
        self.deliver(
            [Reading(sid, now, {}, self.config.name, tuple(f), now) for sid, f in bad.items()]
        )

    def _mark_stale(self) -> None:
        """Once per outage: every point of this source is stale until data comes again."""
        if self._stale:
            return
        self._stale = True
        now = time.time()
        self.deliver(
            [
                Reading(sid, now, {}, self.config.name, features, now)
                for sid, features in self._assets.items()
            ]
        )

    # -- watchdog --------------------------------------------------------------------

    async def _watch(self) -> None:
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
                    await self._lost.wait()
            except TimeoutError:
                continue
            raise SourceError(f"{self.config.url}: {self._lost_reason}")

    def _warn_once(self, key: str, msg: str, *args: Any) -> None:
        if key not in self._warned:
            self._warned.add(key)
            log.warning(msg, *args, extra={"component": self.config.name})


def _keepalive_count(cfg: OpcuaSourceConfig) -> int:
    """Publishing intervals per keep-alive: several keep-alives fit in one watchdog period."""
    return max(1, int(cfg.watchdog * 1000 / KEEPALIVES_PER_WATCHDOG / cfg.publishing_interval))


def _monitored_item(point: _Point) -> ua.MonitoredItemCreateRequest:
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


def _is_browse_path(node: str) -> bool:
    return not re.match(r"^(ns=\d+;|nsu=[^;]+;)?[isgb]=", node)


def _browse_path(text: str) -> ua.BrowsePath:
    """``0:Objects/2:Pump1/2:Flow`` from the Root folder, following hierarchical references."""
    elements = []
    for part in text.strip("/").split("/"):
        ns, _, name = part.partition(":")
        elements.append(
            ua.RelativePathElement(
                ReferenceTypeId=_numeric(ua.ObjectIds.HierarchicalReferences),
                # asyncua annotates these as its Boolean class; the encoder takes a bool.
                IsInverse=False,  # type: ignore[arg-type]
                IncludeSubtypes=True,  # type: ignore[arg-type]
                TargetName=ua.QualifiedName(name, int(ns)),
            )
        )
    return ua.BrowsePath(
        StartingNode=_numeric(ua.ObjectIds.RootFolder),
        RelativePath=ua.RelativePath(Elements=elements),
    )


def _numeric(identifier: int) -> ua.NodeId:
    return ua.NodeId(ua.Int32(identifier))


def _chunks(items: Sequence[_Point], size: int) -> Iterable[Sequence[_Point]]:
    if not items:
        return
    size = size or len(items)
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _first_certificate(der: bytes) -> bytes:
    """A server may send its certificate chain; the first DER SEQUENCE is its own."""
    if len(der) > 4 and der[0] == 0x30 and der[1] == 0x82:
        return der[: int.from_bytes(der[2:4], "big") + 4]
    return der


def _read(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise SourceError(f"cannot read the {what} {path}: {err.strerror}") from err


def _is_pem(data: bytes) -> bool:
    return data.lstrip().startswith(b"-----BEGIN")


def _load_certificate(path: Path) -> x509.Certificate:
    """A certificate file in PEM or DER, whatever its name says."""
    data = _read(path, "certificate")
    try:
        if _is_pem(data):
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except ValueError as err:
        raise SourceError(f"{path} is not a certificate (PEM or DER): {err}") from err


def _certificate_uri(cert: x509.Certificate) -> str | None:
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName)
    except x509.ExtensionNotFound:
        return None
    uris = san.value.get_values_for_type(x509.UniformResourceIdentifier)
    return uris[0] if uris else None


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def _safe_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", name) or "opcua"


def _describe(err: BaseException) -> str:
    return str(err) or type(err).__name__
