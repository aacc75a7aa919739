"""The cloud MQTT link: one connection to the cloud broker, each PUBACK with its reason code.

gmqtt 0.8.0 does two things a store-and-forward sender cannot live with, so the client
here is gateway.gmqtt_seam's ``PublisherClient``, which changes them:

- It reconnects on its own and, on a CONNACK without a session (``clean_session``),
  drops its in-flight QoS 1 messages silently. Here a lost link ends the connection,
  the supervisor makes a new client after its backoff, and the outbox (not the library)
  says what was not acknowledged and must be sent again.
- Its PUBACK handler ignores the MQTT 5 reason code, so a refusal (0x80 and above,
  such as 0x87 Not authorized from an ACL) looks like a delivery. The seam's handler
  reads the code and hands ``(mid, reason)`` to the caller. A 3.1.1 PUBACK has no
  code: it is always a success.

The client publishes a retained ``online`` on the status topic after CONNACK and
leaves a retained ``offline`` as its last will (and publishes it itself on a clean
stop, since a normal DISCONNECT discards the will).

Inbound messages (the command channel, Sparkplug DCMD) come through ``inbound``: each
names its topics, which the client subscribes after CONNACK, and takes the messages on
them; ``respond`` publishes an answer (QoS 1, with MQTT 5 correlation data). The window
of QoS 1 messages the sender may have in flight leaves room for their answers.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import ssl
from typing import Any, Protocol

from gmqtt import Message, Subscription
from gmqtt.mqtt.constants import MQTTv50, MQTTv311
from gmqtt.mqtt.handler import MQTTConnectError

from gateway.config.upstream import UpstreamConfig
from gateway.gmqtt_seam import PubackCallback, PublisherClient
from gateway.tls import client_context

log = logging.getLogger("gateway.upstream.client")


ONLINE = b"online"
OFFLINE = b"offline"


class Inbound(Protocol):
    """Takes the messages of its topics on the upstream connection (gateway.commands)."""

    reserve: int  # answers it may have in flight at once

    def topics(self) -> list[str]: ...

    def accepts(self, topic: str) -> bool: ...

    def on_message(
        self, link: Any, topic: str, payload: bytes, properties: dict[str, Any]
    ) -> None: ...


class UpstreamError(Exception):
    """The cloud broker cannot be reached, refused the connection, or the link was lost."""


def render(template: str, *, gateway_id: str, sensor_id: str = "") -> str:
    # MQTT topic levels: a sensor id holding '/', '+' or '#' would change the topic's
    # shape or be refused by the broker, so those characters become '_'.
    safe = sensor_id.replace("/", "_").replace("+", "_").replace("#", "_")
    return template.replace("{gateway_id}", gateway_id).replace("{sensor_id}", safe)


def ssl_context(config: UpstreamConfig) -> ssl.SSLContext | None:
    tls = config.tls
    if tls is None:
        return None
    try:
        return client_context(tls)
    except (OSError, ssl.SSLError) as err:
        raise UpstreamError(f"TLS files cannot be loaded: {err}") from err


class UpstreamClient:
    """One connection to the cloud broker; build a new one for each attempt.

    The constructor does no I/O. ``connect()`` raises UpstreamError; afterwards
    ``lost`` is set when the link goes. ``publish()`` returns the packet id of a QoS 1
    message (its PUBACK arrives through ``on_puback``), or None for QoS 0.
    """

    def __init__(
        self, config: UpstreamConfig, *, gateway_id: str, on_puback: PubackCallback
    ) -> None:
        self.config = config
        self.gateway_id = gateway_id
        self.client_id = render(config.client_id, gateway_id=gateway_id)
        self.status_topic = render(config.topics.status, gateway_id=gateway_id)
        self.lost = asyncio.Event()
        self._on_puback = on_puback
        self._client: PublisherClient | None = None
        self.window = config.max_inflight
        self.inbound: list[Inbound] = []  # set before connect() (gateway.commands)

    @property
    def address(self) -> str:
        scheme = "mqtts" if self.config.tls else "mqtt"
        return f"{scheme}://{self.config.host}:{self.config.port}"

    async def connect(self) -> None:
        cfg = self.config
        ctx = ssl_context(cfg)
        client = PublisherClient(
            self.client_id,
            on_puback=self._on_puback,
            before_connect=self.will,
            clean_session=True,
        )
        client.on_disconnect = self._on_disconnect
        if cfg.username is not None:
            client.set_auth_credentials(cfg.username, cfg.password)
        self._client = client
        version = MQTTv50 if cfg.protocol == "5" else MQTTv311
        try:
            async with asyncio.timeout(cfg.connect_timeout):
                await client.connect(
                    cfg.host, cfg.port, ssl=ctx or False, keepalive=cfg.keepalive, version=version
                )
        except TimeoutError as err:
            await self._abort()
            raise UpstreamError(
                f"{self.address}: no CONNACK within {cfg.connect_timeout:g} s"
            ) from err
        except MQTTConnectError as err:
            await self._abort()
            raise UpstreamError(f"{self.address} refused the connection: {err}") from err
        except (OSError, ssl.SSLError) as err:
            await self._abort()
            raise UpstreamError(f"{self.address}: {err.strerror or err}") from err
        except UpstreamError:
            await self._abort()  # will() could not prepare the CONNECT
            raise
        if self.lost.is_set():
            await self._abort()
            raise UpstreamError(f"{self.address} closed the connection after CONNACK")
        # MQTT 5 Receive Maximum: the broker accepts this many unacknowledged QoS 1
        # messages; gmqtt then hands out packet ids 1..max-1 only. One stays for the
        # status message.
        recv = client.connack_property("receive_maximum")
        if recv:
            reserve = sum(i.reserve for i in self.inbound)
            self.window = max(1, min(cfg.max_inflight, int(recv) - 2 - reserve))
        self.connected(client)
        self._listen(client)

    # Extension points for another upstream format (Sparkplug B: NDEATH as the will,
    # subscriptions to NCMD and STATE); the JSON format's status topic by default.

    def will(self) -> Message | None:
        """The last will of the CONNECT about to be written (the TCP link is up by then;
        a failed TCP connect never calls it). May raise UpstreamError."""
        return Message(self.status_topic, OFFLINE, qos=1, retain=True)

    def connected(self, client: Any) -> None:
        """Runs once after CONNACK, before the sender publishes anything."""
        client.publish(Message(self.status_topic, ONLINE, qos=1, retain=True))

    def farewell(self) -> Message | None:
        """Published on a clean stop (a normal DISCONNECT discards the will)."""
        return Message(self.status_topic, OFFLINE, qos=1, retain=True)

    def _listen(self, client: Any) -> None:
        """Subscribe the inbound topics and route their messages (others go on as before)."""
        if not self.inbound:
            return
        earlier = client.on_message

        def route(c: Any, topic: str, payload: bytes, qos: int, properties: Any) -> Any:
            for inbound in self.inbound:
                if inbound.accepts(topic):
                    inbound.on_message(self, topic, payload, properties or {})
                    return 0
            return earlier(c, topic, payload, qos, properties)

        client.on_message = route
        client.subscribe([Subscription(t, qos=1) for i in self.inbound for t in i.topics()])

    def respond(self, topic: str, payload: bytes, correlation: bytes | None = None) -> None:
        """Publish an answer on this connection (QoS 1); ConnectionError when it is gone."""
        client = self._client
        if client is None or self.lost.is_set():
            raise ConnectionError("the upstream connection is gone")
        props: dict[str, Any] = {}
        if correlation is not None and self.config.protocol == "5":
            props["correlation_data"] = correlation
        client.publish(Message(topic, payload, qos=1, **props))

    def disconnect_reason(self) -> int:
        """The DISCONNECT's reason code (MQTT 5; 3.1.1 has none): 0, normal disconnection."""
        return 0

    def _on_disconnect(self, client: Any, packet: Any, exc: Any = None) -> None:
        self.lost.set()

    def publish(self, topic: str, payload: bytes, qos: int) -> int | None:
        client = self._client
        if client is None or self.lost.is_set():
            raise UpstreamError("not connected")
        # Client.publish hides the packet id, and its in-flight copy is of no use (a new
        # client never replays it; the outbox resends).
        return client.publish_mid(Message(topic, payload, qos=qos))

    async def close(self, *, graceful: bool = True) -> None:
        """Say ``offline`` (a clean DISCONNECT discards the will) and disconnect."""
        client = self._client
        if client is None:
            return
        if graceful and not self.lost.is_set() and client.is_connected:
            bye = self.farewell()
            with contextlib.suppress(OSError, RuntimeError):
                if bye is not None:
                    client.publish(bye)
        await self._abort()

    async def _abort(self) -> None:
        client, self._client = self._client, None
        if client is None:
            return
        client.deactivate()
        with contextlib.suppress(OSError, RuntimeError, TimeoutError, ConnectionError):
            async with asyncio.timeout(2.0):
                await client.disconnect(reason_code=self.disconnect_reason())
