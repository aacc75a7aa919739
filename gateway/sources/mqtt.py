"""The MQTT source: a gmqtt subscription whose messages become Readings, in batches.

One ``run()`` is one broker connection: connect (TLS, credentials, MQTT 3.1.1 or 5, clean
or persistent session), subscribe, then hand what arrives to the pipeline until the link
drops, which raises SourceError; the supervisor reconnects with its backoff. gmqtt's own
reconnect loop is switched off so that there is exactly one retry policy.

Speed: gmqtt calls ``on_message`` synchronously for every packet it parses out of a read
(a 64 KiB read holds a few hundred plant messages). The handler maps the payload and
appends to a list; one ``call_soon`` per burst hands the whole list to ``emit``. No
per-message await, task or lock.

gmqtt's packet handler does two costly things per message on the hot path: it writes
each PUBACK to the socket on its own (one ``send`` system call per message) and it
builds struct formats, a properties dict and a coroutine check for every PUBLISH.
``SubscriberClient`` (gateway.gmqtt_seam, the one module that touches gmqtt's private
API) parses a PUBLISH without properties directly and keeps the acknowledgements
(PUBACK, or PUBREC for QoS 2) it owes instead of writing them; the source takes them
per burst (``take_acks``) and writes them with ``send_raw``.

Acknowledgement after commit (``ack: stored``, the default): the acknowledgements of a
burst wait, as one packet of bytes, for the pipeline's watermark (gateway.commits) to
pass the ticket of the burst's readings, that is until the upstream outbox (else the
history) has committed them to disk; then they go out in one write. Until then the
broker keeps each message and sends it again on the next connection of a persistent
session (``clean_session: false``), so a crash or power cut loses nothing the broker
held; a few readings may arrive twice. A malformed message is acknowledged with the
burst it came in (it will never become valid). MQTT 5's receive maximum asks the broker
to bound how many messages wait so; mosquitto 2.0 holds only the first window to it
(docs/sources.md), so the source stops reading the socket while ``receive_maximum``
acknowledgements are owed. ``ack: received`` acknowledges at once (the broker then
forgets a message the gateway still holds only in memory).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import ssl
import time
from collections import deque
from pathlib import Path
from typing import Any

import gmqtt
from gmqtt.mqtt.constants import MQTTv50, MQTTv311

from gateway.config.sources import MqttSourceConfig
from gateway.gmqtt_seam import SubscriberClient
from gateway.health import ComponentHealth
from gateway.logs import RateLimited
from gateway.records import Reading
from gateway.sources import mqtt_write
from gateway.sources.base import Emit, Source, SourceError
from gateway.sources.mqtt_keepalive import watch_broker
from gateway.sources.payloads import PayloadError, PayloadMapper
from gateway.tls import client_context
from gateway.writes.ops import OpResult, WriteOp

log = logging.getLogger("gateway.sources.mqtt")

# Seconds to send DISCONNECT and close; a link that is silently dead would otherwise keep
# the close waiting for its write buffer to drain.
_CLOSE_TIMEOUT = 2.0


# Seconds a stopping source waits for the readings it took to be stored, so that their
# acknowledgements go out before it disconnects (else the broker sends them again).
_ACK_GRACE = 2.0


class MqttSource(Source):
    kind = "mqtt"

    def __init__(
        self, config: MqttSourceConfig, emit: Emit, health: ComponentHealth, *, data_dir: Path
    ) -> None:
        super().__init__(config, emit, health, data_dir=data_dir)
        self.config: MqttSourceConfig = config
        self._mapper = PayloadMapper(config)
        self._pending: list[Reading] = []
        self._flush_scheduled = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self._link: SubscriberClient | None = None  # the current connection
        self._ticket = 0  # the pipeline's ticket of this source's last readings
        # Acknowledgements waiting for their readings to be stored: (ticket, packets, count).
        self._owed: deque[tuple[int, bytes, int]] = deque()
        self._owed_count = 0
        self._listening = False
        self._pressed = False  # listening to the gateway's backpressure
        self._stopping = False
        # A broken publisher can send thousands of bad messages a second: one line per
        # 10 s, carrying the count of those left out.
        self._malformed_log = RateLimited(log, 10.0)

    # -- the link ------------------------------------------------------------------

    async def run(self) -> None:
        cfg = self.config
        loop = self._loop = asyncio.get_running_loop()
        lost: asyncio.Future[str] = loop.create_future()
        suback: asyncio.Future[tuple[int, ...]] = loop.create_future()

        def on_disconnect(_client: Any, _packet: Any, exc: object = None) -> None:
            if not lost.done():
                lost.set_result(str(exc) if exc else "connection closed")

        def on_subscribe(_client: Any, _mid: int, granted: tuple[int, ...], _props: Any) -> None:
            if not suback.done():
                suback.set_result(tuple(granted))

        def on_connect(_client: Any, session_present: int, _rc: int, _props: Any) -> None:
            self.health.extra["session_present"] = bool(session_present)

        client = self._client()
        self._stopping = False
        self._link = client
        if self.config.ack == "stored" and self.commits is not None and not self._listening:
            self.commits.listen(self._on_commit)
            self._listening = True
        if self.pressure is not None and not self._pressed:
            self.pressure.listen(self._on_pressure)
            self._pressed = True
        client.on_message = self._on_message
        client.on_disconnect = on_disconnect
        client.on_subscribe = on_subscribe
        client.on_connect = on_connect
        where = f"{cfg.host}:{cfg.port}"
        silent = False
        try:
            granted = await self._establish(client, suback, lost, where)
            refused = [t for t, code in zip(cfg.topics, granted, strict=False) if code >= 0x80]
            if refused:
                raise SourceError(f"the broker refused the subscription to {', '.join(refused)}")
            self.health.up()
            self.health.extra["connected_at"] = time.time()
            if self.pressure is not None and self.pressure.holding:
                client.hold_reading()
            async with self.writes.serving(self._writer(client), enabled=bool(cfg.writable)):
                reason, silent = await self._until_lost(client, lost)
            raise SourceError(f"lost the broker at {where}: {reason}")
        finally:
            self._flush()
            if not silent and (not lost.done() or lost.cancelled()):
                await self._settle(client)  # stopping (a cancel), not a lost link
            # What is still owed belongs to this connection: the broker sends those
            # messages again on the next one (packet ids are per connection).
            self._owed.clear()
            self._owed_count = 0
            self._link = None
            await self._close(client, dead=silent)

    def _writer(self, client: SubscriberClient) -> Any:
        """Writes as messages on this connection (gateway.sources.mqtt_write)."""

        async def write(ops: list[WriteOp]) -> list[OpResult]:
            return mqtt_write.execute(client, ops)

        return write

    async def _until_lost(
        self, client: SubscriberClient, lost: asyncio.Future[str]
    ) -> tuple[str, bool]:
        """Wait for the end of the link: the broker closed it, or it stopped answering
        (a paused broker keeps the TCP connection open; gateway.sources.mqtt_keepalive).
        Returns the reason and whether the broker went silent."""
        watch = asyncio.ensure_future(
            watch_broker(client.last_data_in, client.send_raw, self.config.keepalive)
        )
        try:
            await asyncio.wait({lost, watch}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            if not watch.done():
                watch.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await watch
        if lost.done():
            return lost.result(), False
        self.health.extra["broker_silent"] = self.health.extra.get("broker_silent", 0) + 1
        return watch.result(), True

    async def _settle(self, client: SubscriberClient) -> None:
        """Stopping on a live link: take no new message, then wait a little for what was
        taken to be stored so that its acknowledgements go out (else the broker sends it
        again). The socket is still read meanwhile: closing it with unread data would
        make the kernel reset the connection, and the broker would lose our last
        acknowledgements with it."""
        self._stopping = True  # new messages are neither mapped nor acknowledged
        client.release_reading()
        deadline = time.monotonic() + _ACK_GRACE
        while self._owed and time.monotonic() < deadline:
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.sleep(0.02)

    async def _establish(
        self,
        client: SubscriberClient,
        suback: asyncio.Future[tuple[int, ...]],
        lost: asyncio.Future[str],
        where: str,
    ) -> tuple[int, ...]:
        """Connect and subscribe; the granted QoS per topic (0x80 and above: refused)."""
        cfg = self.config

        async def setup() -> tuple[int, ...]:
            await client.connect(
                cfg.host,
                cfg.port,
                ssl=self._ssl_context(),
                keepalive=cfg.keepalive,
                version=MQTTv50 if cfg.protocol == "5" else MQTTv311,
            )
            client.subscribe([gmqtt.Subscription(t, qos=cfg.qos) for t in cfg.topics])
            return await suback

        task = asyncio.ensure_future(setup())
        try:
            async with asyncio.timeout(cfg.connect_timeout):
                waiters: set[asyncio.Future[Any]] = {task, lost}
                await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
                if not task.done():
                    # The broker closed the link during the handshake; a refusal's reason
                    # (bad password...) reaches connect() just after, so give it a moment.
                    await asyncio.wait({task}, timeout=0.2)
            if not task.done():
                raise SourceError(f"the broker at {where} closed the connection: {lost.result()}")
            return task.result()
        except TimeoutError as err:
            raise SourceError(
                f"no answer from the broker at {where} in {cfg.connect_timeout:g} s"
            ) from err
        except (OSError, gmqtt.MQTTConnectError) as err:
            raise SourceError(f"cannot connect to the broker at {where}: {err}") from err
        finally:
            if not task.done():
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError, OSError, gmqtt.MQTTConnectError):
                    await task

    def _client(self) -> SubscriberClient:
        cfg = self.config
        kwargs: dict[str, Any] = {}
        if cfg.protocol == "5" and not cfg.clean_session:
            # MQTT 5 ends a session when the connection closes unless told otherwise.
            kwargs["session_expiry_interval"] = cfg.session_expiry
        if cfg.protocol == "5":
            kwargs["receive_maximum"] = cfg.receive_maximum
        client = SubscriberClient(
            self._client_id(),
            clean_session=cfg.clean_session,
            logger=logging.getLogger("gmqtt"),
            **kwargs,
        )
        if cfg.username is not None:
            client.set_auth_credentials(cfg.username, cfg.password)
        return client

    def _client_id(self) -> str:
        """The configured id; else, for a persistent session, one kept in the data folder."""
        cfg = self.config
        if cfg.client_id:
            return cfg.client_id
        if cfg.clean_session:
            return f"aastreli-{secrets.token_hex(6)}"
        # A persistent session is found again by client id, so it must survive restarts.
        path = self.data_dir / f"mqtt-{cfg.name}.client-id"
        try:
            kept = path.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            kept = ""
        if kept:
            return kept
        kept = f"aastreli-{secrets.token_hex(6)}"
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(kept + "\n", encoding="ascii")
        except OSError as err:
            log.warning(
                "cannot keep the MQTT client id in %s (%s): the persistent session "
                "will not survive a restart",
                path,
                err,
            )
        return kept

    def _ssl_context(self) -> ssl.SSLContext | bool:
        tls = self.config.tls
        if tls is None:
            return False
        try:
            return client_context(tls)
        except (OSError, ssl.SSLError) as err:
            raise SourceError(f"TLS files of source {self.config.name}: {err}") from err

    async def _close(self, client: SubscriberClient, *, dead: bool = False) -> None:
        # A broker that stopped answering is not waited for at all: the link is aborted.
        if dead:
            client.abort()
        else:
            await client.close_link(_CLOSE_TIMEOUT)
        client.on_message = _ignore

    # -- messages ------------------------------------------------------------------

    def _on_message(self, _client: Any, topic: str, payload: bytes, _qos: int, _props: Any) -> None:
        if self._stopping:
            return  # its acknowledgement is never sent: the broker sends it again
        try:
            self._mapper.map(topic, payload, time.time(), self._pending)
        except PayloadError as err:
            self.health.malformed += 1
            self._malformed_log.warning(
                "malformed",
                "source %s: malformed message on %r: %s",
                self.config.name,
                topic,
                err,
                topic=topic,
            )
        if not self._flush_scheduled:
            self._flush_scheduled = True
            assert self._loop is not None
            self._loop.call_soon(self._flush)

    def _flush(self) -> None:
        """Hands a burst's readings to the pipeline; its acknowledgements wait for them
        to be stored (or go at once when nothing waits for the disk)."""
        self._flush_scheduled = False
        batch = self._pending
        if batch:
            self._pending = []
            self._ticket = self.deliver(batch) or 0
        link = self._link
        acks = link.take_acks() if link is not None else None
        if not acks:
            return
        commits = self.commits if self._listening else None
        if commits is None or (self._ticket <= commits.upto and not self._owed):
            self._send_acks(b"".join(acks))
            return
        self._owed.append((self._ticket, b"".join(acks), len(acks)))
        self._owed_count += len(acks)
        self.health.extra["acks_owed"] = self._owed_count
        if self._owed_count >= self.config.receive_maximum and link is not None:
            # The broker's window, kept by us: mosquitto 2.0 holds only its first window
            # to the receive maximum, and what it sends beyond waits in memory for the disk.
            link.hold_reading()
        # Our PUBACKs used to carry the TCP acknowledgement of each read; now they wait
        # for the disk, and the kernel's delayed ACK (up to 40 ms) held the broker's next
        # small write back under Nagle's algorithm (mosquitto does not set TCP_NODELAY):
        # +12 ms median latency. So the kernel acknowledges the read at once.
        if link is not None:
            link.quick_ack()

    def _on_commit(self, upto: int) -> None:
        owed = self._owed
        if not owed or owed[0][0] > upto:
            return
        packets = []
        while owed and owed[0][0] <= upto:
            _, packet, count = owed.popleft()
            packets.append(packet)
            self._owed_count -= count
        self.health.extra["acks_owed"] = self._owed_count
        self._send_acks(b"".join(packets))
        self._go_on()

    def _on_pressure(self, hold: bool) -> None:
        """The gateway's backpressure (gateway.pressure): a queue is too deep, or no
        longer is. Held, the socket is not read; the broker keeps what it would send."""
        if hold:
            # A stopping source reads on (closing a socket with unread data resets it).
            if self._link is not None and not self._stopping:
                self._link.hold_reading()
        else:
            self._go_on()

    def _go_on(self) -> None:
        """Read the socket again unless the window is full or the gateway holds."""
        if (
            self._link is not None
            and self._owed_count < self.config.receive_maximum
            and (self.pressure is None or not self.pressure.holding)
        ):
            self._link.release_reading()

    def _send_acks(self, packets: bytes) -> None:
        # A link that is gone takes nothing: the broker sends unacknowledged messages again.
        if self._link is not None:
            self._link.send_raw(packets)


def _ignore(*_args: Any) -> None:
    """Messages still parsed from a closing connection's buffer go nowhere."""
    return None
