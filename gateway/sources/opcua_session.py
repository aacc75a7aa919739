"""One OPC UA session: connect (with security), the link-loss signal, the server's limits, close.

asyncua's own auto-reconnect is off: after a silent drop followed by a server restart it
reports "connected" while the subscription never delivers again
(shared/notes/libraries.md). A session is one connection; the source makes a new one
for every run, and the supervisor owns the retries.

What other modules of the source use (the OPC UA source, and whatever else must go
through the same connection, such as a write path):

- ``open()`` and ``close(dead)``; ``lost`` (an event set once the link is gone) and
  ``lost_reason``;
- ``services``: asyncua's service layer of this session (``read_attributes``,
  ``write_attributes``, ``call``, ``create_subscription`` ...), for requests in as few
  round trips as the server's ``limits`` allow;
- ``limits()``: the server's per-request limits, read once per session;
- ``namespaces()``: the server's namespace array, read once per session.

Library errors of a request are the ones in ``LINK_ERRORS``; :func:`describe` words them.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gateway.config.sources import OpcuaSourceConfig
from gateway.sources.base import SourceError
from gateway.sources.opcua_lib import Client, UaClient, ua
from gateway.sources.opcua_security import Security

# What asyncua raises when a link or a request fails: socket errors (ConnectionError is
# one), request timeouts, and UaError (bad service results, ServiceError, broken frames).
LINK_ERRORS = (OSError, TimeoutError, ua.UaError)

# The server drops a session this long after the client's last request. Ours is shorter
# than asyncua's hour so that the session and subscription of a cut link are freed within
# a minute on a small PLC, and long enough that a busy link never loses its session.
SESSION_TIMEOUT_MS = 60_000

Warn = Callable[..., None]  # (key, message, *args): a warning logged once per key


class _LinkLossFilter(logging.Filter):
    """asyncua's publish loop logs a traceback at ERROR each time the socket under it
    closes; the source reports that same loss once, in its health and through the
    supervisor, so the library's copy is dropped. Any other error still gets through."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not (isinstance(exc, OSError) and str(record.msg).startswith("Publish iteration"))


def quiet_link_loss() -> None:
    """Install the filter once, when an OPC UA source is made (not on import: a module
    that is only imported leaves other people's loggers alone)."""
    publish = logging.getLogger("asyncua.client.ua_session.UaSession")
    if not any(isinstance(f, _LinkLossFilter) for f in publish.filters):
        publish.addFilter(_LinkLossFilter())


@dataclass(frozen=True, slots=True)
class Limits:
    """A server's per-request limits (0: none, or not told)."""

    read: int = 0
    write: int = 0
    call: int = 0
    monitor: int = 0
    translate: int = 0


_LIMIT_IDS = {
    "read": ua.ObjectIds.Server_ServerCapabilities_OperationLimits_MaxNodesPerRead,
    "write": ua.ObjectIds.Server_ServerCapabilities_OperationLimits_MaxNodesPerWrite,
    "call": ua.ObjectIds.Server_ServerCapabilities_OperationLimits_MaxNodesPerMethodCall,
    "monitor": ua.ObjectIds.Server_ServerCapabilities_OperationLimits_MaxMonitoredItemsPerCall,
    "translate": (
        ua.ObjectIds.Server_ServerCapabilities_OperationLimits_MaxNodesPerTranslateBrowsePathsToNodeIds
    ),
}


def numeric(identifier: int) -> ua.NodeId:
    """A node of namespace 0 by its numeric id."""
    return ua.NodeId(ua.Int32(identifier))


def describe(err: BaseException) -> str:
    return str(err) or type(err).__name__


class OpcuaSession:
    """One connection to one server, from ``open()`` to ``close()``."""

    def __init__(self, config: OpcuaSourceConfig, *, data_dir: Path, warn: Warn) -> None:
        self.config = config
        self.lost = asyncio.Event()
        self.lost_reason = ""
        self._warn = warn
        self._security = Security(config, data_dir, warn)
        self._client: Client | None = None
        self._limits: Limits | None = None
        self._namespaces: list[str] | None = None

    @property
    def services(self) -> UaClient:
        """asyncua's service layer of this session (requests go out as they are built)."""
        if self._client is None:
            raise SourceError(f"{self.config.url}: no session")
        return self._client.uaclient

    async def open(self) -> None:
        """Connect, with the configured security; SourceError when the server refuses."""
        cfg = self.config
        # asyncua probes the server state this often (and with this timeout) to find a
        # link that died without closing its socket.
        probe = max(1.0, min(cfg.timeout, cfg.watchdog / 2))
        client = Client(cfg.url, timeout=cfg.timeout, watchdog_intervall=probe)
        client.session_timeout = SESSION_TIMEOUT_MS
        client.name = client.description = f"Aastreli gateway ({cfg.name})"
        client.application_uri = f"urn:{socket.gethostname()}:aastreli:gateway"
        client.product_uri = "urn:aastreli:gateway"
        self._credentials(client)
        client.connection_lost_callback = self._on_connection_lost
        try:
            if cfg.security.policy != "None":
                await self._security.apply(client)
            await client.connect()
        except LINK_ERRORS as err:
            client.disconnect_socket()
            raise SourceError(f"cannot connect to {cfg.url}: {describe(err)}") from err
        except asyncio.CancelledError:
            client.disconnect_socket()
            raise
        if cfg.security.policy != "None" and cfg.security.server_cert is None:
            self._security.keep_server_certificate(client)
        self._client = client

    def _credentials(self, client: Client) -> None:
        cfg = self.config
        if cfg.username is not None:
            client.set_user(cfg.username)
        if cfg.password is not None:
            client.set_password(cfg.password)
            if cfg.security.mode != "SignAndEncrypt":
                self._warn(
                    "plain-password",
                    "%s: the password of %s crosses the network "
                    "without encryption (security mode is %s)",
                    cfg.name,
                    cfg.url,
                    cfg.security.mode,
                )

    async def close(self, dead: bool) -> None:
        """Release the session; on a dead link drop the socket first so nothing waits."""
        client, self._client = self._client, None
        if client is None:
            return
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
        except LINK_ERRORS:
            client.disconnect_socket()

    async def _on_connection_lost(self, err: Exception) -> None:
        # Called by asyncua's connection supervisor when the socket closed or the
        # periodic server-state probe failed.
        self.link_lost(f"connection lost: {describe(err)}")

    def link_lost(self, reason: str) -> None:
        """Say the link is gone (the first reason stands)."""
        if not self.lost.is_set():
            self.lost_reason = reason
            self.lost.set()

    async def limits(self) -> Limits:
        """The server's per-request limits; a server that does not tell has none."""
        if self._limits is None:
            self._limits = await self._read_limits()
        return self._limits

    async def _read_limits(self) -> Limits:
        try:
            values = await self.services.read_attributes(
                [numeric(i) for i in _LIMIT_IDS.values()], ua.AttributeIds.Value
            )
        except ua.UaStatusCodeError:  # a server that refuses the request has no limits to tell
            return Limits()
        out: dict[str, Any] = {}
        for key, dv in zip(_LIMIT_IDS, values, strict=True):
            good = dv.StatusCode is None or dv.StatusCode.is_good()
            v = dv.Value.Value if good and dv.Value is not None else 0
            out[key] = int(v) if isinstance(v, int) and v > 0 else 0
        return Limits(**out)

    async def namespaces(self) -> list[str]:
        """The server's namespace array (its numbering may change when it restarts)."""
        if self._namespaces is None:
            if self._client is None:
                raise SourceError(f"{self.config.url}: no session")
            self._namespaces = await self._client.get_namespace_array()
        return self._namespaces
