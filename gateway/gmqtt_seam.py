"""gmqtt's private API, all of it in one place: the clients the MQTT source and the upstream use.

gmqtt has no public way to do four things the gateway needs, so this module reaches
into its internals, and nothing else in the gateway does:

- **No reconnect of its own.** gmqtt schedules ``reconnect()`` when a link drops and
  keeps dialling with its own delay; here it does nothing, so the gateway's supervisor
  is the one retry policy (and the upstream's outbox, not gmqtt's in-flight copy, says
  what must be sent again: gmqtt drops that copy on a CONNACK without a session).
- **Acknowledgements kept** (``SubscriberClient``, the MQTT source): the PUBACK/PUBREC
  owed for each PUBLISH is kept as bytes instead of written, so the source writes a
  burst's acknowledgements in one go once its readings are on disk. A PUBLISH without
  properties is parsed here directly (gmqtt builds struct formats and a properties dict
  per message); anything else takes gmqtt's own path, whose acknowledgements are kept
  the same way. The packets are also cut out of each network read here (``_Framer``):
  gmqtt copies every read through a stream reader and a task, and hands each packet
  through four calls, a logger call and two clock reads before it is parsed.
- **PUBACK reason codes** (``PublisherClient``, the upstream): gmqtt ignores the MQTT 5
  reason code, so a refusal (0x80 and above) would look like a delivery; the handler
  here hands ``(packet id, reason)`` to a callback. ``publish_mid`` returns the packet
  id that ``Client.publish`` hides.
- **A hook before CONNECT** (``PublisherClient.before_connect``): called once the TCP
  (and TLS) connection is up, just before the CONNECT packet is written, to give the
  will of that CONNECT. Sparkplug B takes its next ``bdSeq`` there: one per CONNECT
  packet actually sent, none for a TCP connect that failed.

Plus handles on the connection (raw writes, the socket, the time of the last packet
in, a half-close, an abort).

Every private name used here is checked at import against what it must be (a method
with these parameters, an attribute the constructor sets, the order in which
``Client.connect`` uses them). A gmqtt that differs fails the gateway's start with a
``GmqttSeamError`` naming the installed version and each difference, instead of
silently sending PUBACKs before the disk has the data. The version the gateway is
tested with is ``TESTED_VERSION`` (pinned in constraints.txt).
"""

from __future__ import annotations

import asyncio
import contextlib
import dis
import inspect
import socket
import struct
import time
from collections.abc import Callable
from typing import Any

import gmqtt
from gmqtt.mqtt.connection import MQTTConnection
from gmqtt.mqtt.constants import MQTTv50
from gmqtt.mqtt.handler import MqttPackageHandler
from gmqtt.mqtt.package import Package
from gmqtt.mqtt.protocol import BaseMQTTProtocol
from gmqtt.mqtt.utils import ConnectionState, IdGenerator

from gateway.errors import StartupError

TESTED_VERSION = "0.8.0"
VERSION: str = getattr(gmqtt, "__version__", "unknown")

PubackCallback = Callable[[int, int], None]
WillHook = Callable[[], "gmqtt.Message | None"]

_ACK = struct.Struct("!BBH")  # fixed header, remaining length 2, packet id
_PUBACK, _PUBREC = 0x40, 0x50
_TCP_QUICKACK: int | None = getattr(socket, "TCP_QUICKACK", None)


class GmqttSeamError(StartupError):
    """The installed gmqtt lacks a private name the gateway uses, or has it in another shape."""


# -- the checks ---------------------------------------------------------------------------


def _params(func: Any) -> tuple[str, ...]:
    return tuple(inspect.signature(func).parameters)


def _set_in_init(cls: type) -> set[str]:
    """Attribute names the constructors of ``cls`` and its bases assign on ``self``."""
    names: set[str] = set()
    for klass in cls.__mro__:
        init = klass.__dict__.get("__init__")
        if inspect.isfunction(init):
            names |= {i.argval for i in dis.get_instructions(init) if i.opname == "STORE_ATTR"}
    return names


def _attrs_in_order(func: Any) -> list[str]:
    """The attribute names ``func`` reads, in bytecode order."""
    return [
        i.argval for i in dis.get_instructions(func) if i.opname in ("LOAD_ATTR", "LOAD_METHOD")
    ]


# owner, method name, its parameters as gmqtt 0.8.0 has them
_METHODS: tuple[tuple[type, str, tuple[str, ...]], ...] = (
    (MqttPackageHandler, "_handle_publish_packet", ("self", "cmd", "raw_packet")),
    (MqttPackageHandler, "_handle_puback_packet", ("self", "cmd", "packet")),
    (MqttPackageHandler, "_send_puback", ("self", "mid", "reason_code")),
    (MqttPackageHandler, "_send_pubrec", ("self", "mid", "reason_code")),
    (MqttPackageHandler, "_remove_message_from_queue", ("self", "mid")),
    (IdGenerator, "free_id", ("self", "id")),
    (
        gmqtt.Client,
        "_create_connection",
        ("self", "host", "port", "ssl", "clean_session", "keepalive"),
    ),
    (gmqtt.Client, "reconnect", ("self", "delay")),
    (MQTTConnection, "send_package", ("self", "package")),
    (MQTTConnection, "put_package", ("self", "pkg")),
    (MQTTConnection, "publish", ("self", "message")),
    (MQTTConnection, "send_disconnect", ("self", "reason_code", "properties")),
    (MQTTConnection, "close", ("self",)),
    (MQTTConnection, "is_closing", ("self",)),
)
# owner, attributes its constructor sets
_ATTRIBUTES: tuple[tuple[type, tuple[str, ...]], ...] = (
    (
        MqttPackageHandler,
        (
            "_optimistic_acknowledgement",
            "_connection_state",
            "_connack_properties",
            "_connection",
            "id_generator",
        ),
    ),
    (gmqtt.Client, ("_package_handler", "_connection", "_is_active", "_will_message")),
    (MQTTConnection, ("_transport", "_protocol", "_last_data_in", "_handler")),
    (Package, ("cmd", "data")),
)


def check() -> list[str]:
    """What differs from the gmqtt this module was written for (empty: nothing)."""
    problems: list[str] = []
    for owner, name, expected in _METHODS:
        func = getattr(owner, name, None)
        if not callable(func):
            problems.append(f"{owner.__name__}.{name} is missing")
        elif _params(func) != expected:
            problems.append(
                f"{owner.__name__}.{name}{_params(func)} is not {name}{expected}".replace("'", "")
            )
    for owner, attrs in _ATTRIBUTES:
        missing = sorted(set(attrs) - _set_in_init(owner))
        if missing:
            problems.append(f"{owner.__name__}() no longer sets {', '.join(missing)}")
    if not isinstance(getattr(BaseMQTTProtocol, "closed", None), property):
        problems.append("BaseMQTTProtocol.closed is not a property")
    if not isinstance(getattr(MqttPackageHandler, "current_connection", None), property):
        problems.append("MqttPackageHandler.current_connection is not a property")
    if not hasattr(ConnectionState, "protocol_version"):
        problems.append("ConnectionState has no protocol_version")
    # before_connect relies on connect() opening the TCP connection first and reading
    # the will afterwards, for the CONNECT packet.
    order = _attrs_in_order(gmqtt.Client.connect)
    if not (
        "_create_connection" in order
        and "_will_message" in order
        and order.index("_create_connection") < order.index("_will_message")
    ):
        problems.append("Client.connect no longer reads _will_message after _create_connection")
    return problems


def require() -> None:
    """Raise GmqttSeamError unless the installed gmqtt has every name this module uses."""
    problems = check()
    if problems:
        raise GmqttSeamError(
            f"gmqtt {VERSION} is installed, but the gateway needs the private API of gmqtt "
            f"{TESTED_VERSION} (constraints.txt): "
            + "; ".join(problems)
            + f". Install gmqtt=={TESTED_VERSION}."
        )


require()


# -- the packet handlers -----------------------------------------------------------------


class _AckKeepingHandler(MqttPackageHandler):  # type: ignore[misc]
    """A lean PUBLISH path; acknowledgements collected in ``acks``, not written."""

    acks: list[bytes]

    def _send_puback(self, mid: int, reason_code: int = 0) -> None:
        if reason_code:
            super()._send_puback(mid, reason_code=reason_code)
            return
        # Without a reason code or properties an acknowledgement is the same 4 bytes in
        # 3.1.1 and 5.
        self.acks.append(_ACK.pack(_PUBACK, 2, mid))

    def _send_pubrec(self, mid: int, reason_code: int = 0) -> None:
        if reason_code:
            super()._send_pubrec(mid, reason_code=reason_code)
            return
        self.acks.append(_ACK.pack(_PUBREC, 2, mid))

    def _handle_publish_packet(self, cmd: int, raw_packet: bytes) -> None:
        qos = (cmd & 0x06) >> 1
        if not self._optimistic_acknowledgement:
            super()._handle_publish_packet(cmd, raw_packet)
            return
        try:
            end = 2 + ((raw_packet[0] << 8) | raw_packet[1])
            topic = raw_packet[2:end].decode()
            mid = 0
            if qos:
                mid = (raw_packet[end] << 8) | raw_packet[end + 1]
                end += 2
            if self._connection_state.protocol_version >= MQTTv50:
                if raw_packet[end] != 0:  # properties (a topic alias...): gmqtt parses them
                    super()._handle_publish_packet(cmd, raw_packet)
                    return
                end += 1
        except (IndexError, UnicodeDecodeError):
            super()._handle_publish_packet(cmd, raw_packet)  # it logs what is wrong
            return
        if not topic:
            super()._handle_publish_packet(cmd, raw_packet)
            return
        self.on_message(topic, raw_packet[end:], qos, {"dup": (cmd & 0x08) >> 3, "retain": cmd & 1})
        if qos:
            self.acks.append(_ACK.pack(_PUBACK if qos == 1 else _PUBREC, 2, mid))


class _PubackReasonHandler(MqttPackageHandler):  # type: ignore[misc]
    """PUBACK reason codes passed on (MQTT 5 §3.4.2.1)."""

    on_puback: PubackCallback

    def _handle_puback_packet(self, cmd: int, packet: bytes) -> None:
        (mid,) = struct.unpack_from("!H", packet)
        # Remaining length 2 means success with no properties (MQTT 5 §3.4.2.1).
        reason = packet[2] if len(packet) > 2 else 0
        self.id_generator.free_id(mid)
        self._remove_message_from_queue(mid)
        self.on_puback(mid, reason)


# -- the clients --------------------------------------------------------------------------


class _Client(gmqtt.Client):  # type: ignore[misc]
    """gmqtt's client without its reconnect loop, with handles on its connection."""

    _handler_class: type[MqttPackageHandler] = MqttPackageHandler

    def __init__(self, client_id: str, **kwargs: Any) -> None:
        super().__init__(client_id, **kwargs)
        # gmqtt builds its handler inside Client.__init__ and offers no way to choose its
        # class; the subclasses add methods and one attribute, no state of their own
        # that gmqtt would not set up.
        self._package_handler.__class__ = self._handler_class

    async def reconnect(self, delay: bool = False) -> None:
        """Never reconnect inside gmqtt: a fresh connection comes from the supervisor."""
        return None

    @property
    def has_connection(self) -> bool:
        return self._connection is not None

    def link_is_open(self) -> bool:
        conn = self._connection
        return conn is not None and not conn.is_closing()

    def last_data_in(self) -> float:
        """``time.monotonic()`` of the last packet from the broker (0 before a connection)."""
        conn = self._connection
        return float(conn._last_data_in) if conn is not None else 0.0

    def send_raw(self, data: bytes) -> bool:
        """Write packets as they are; False when the link is gone (nothing written)."""
        conn = self._connection
        if conn is None or conn.is_closing():
            return False
        conn.send_package(data)
        return True

    def socket(self) -> Any:
        """The connection's socket (asyncio's TransportSocket: setsockopt and the like)."""
        conn = self._connection
        transport = getattr(conn, "_transport", None)
        return transport.get_extra_info("socket") if transport is not None else None

    def quick_ack(self) -> None:
        """Have the kernel acknowledge what was read at the TCP level now (Linux only)."""
        sock = self.socket()
        if sock is not None and _TCP_QUICKACK is not None:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, _TCP_QUICKACK, 1)

    async def close_link(self, timeout: float) -> None:
        """DISCONNECT and close a live link; close a dead one without it; abort on a timeout."""
        conn = self._connection
        if conn is None:
            return
        try:
            async with asyncio.timeout(timeout):
                if self.is_connected:
                    await _half_close(conn)
                    await self.disconnect()
                else:
                    await conn.close()
        except (TimeoutError, OSError):
            self.abort()

    def abort(self) -> None:
        transport = getattr(self._connection, "_transport", None)
        if transport is not None:
            transport.abort()

    def deactivate(self) -> None:
        """From now on a lost link is final for gmqtt too (no reconnect of its own)."""
        self._is_active = False


class _Framer:
    """The packets of each network read, cut out at once (a protocol's ``data_received``).

    A PUBLISH goes straight to the handler's lean parse; any other packet takes gmqtt's
    way in (``put_package``). A remaining length over four bytes is a broken stream: the
    connection is aborted, as gmqtt stops reading it. What follows a packet cut short
    waits for the next read.
    """

    __slots__ = ("_buf", "_conn")

    def __init__(self, connection: MQTTConnection) -> None:
        self._conn = connection
        self._buf = b""

    def __call__(self, data: bytes) -> None:
        conn = self._conn
        conn._last_data_in = time.monotonic()
        handler = conn._handler
        buf = self._buf + data if self._buf else data
        end, size = 0, len(buf)
        while size - end >= 2:
            start = end + 1
            length, shift = 0, 0
            while True:
                if start >= size:
                    self._buf = buf[end:]
                    return  # the length itself is cut short
                byte = buf[start]
                start += 1
                length |= (byte & 0x7F) << shift
                if not byte & 0x80:
                    break
                shift += 7
                if shift > 21:
                    conn._transport.abort()
                    self._buf = b""
                    return
            if start + length > size:
                break
            cmd = buf[end]
            body = buf[start : start + length]
            end = start + length
            if cmd & 0xF0 == 0x30 and handler.current_connection is conn:
                handler._handle_publish_packet(cmd, body)
            else:
                conn.put_package(Package(cmd, body))
        self._buf = buf[end:]


class SubscriberClient(_Client):
    """The MQTT source's client: acknowledgements kept, taken with ``take_acks()``."""

    _handler_class = _AckKeepingHandler

    def __init__(self, client_id: str, **kwargs: Any) -> None:
        super().__init__(client_id, **kwargs)
        self._package_handler.acks = []

    async def _create_connection(self, *args: Any, **kwargs: Any) -> Any:
        connection = await super()._create_connection(*args, **kwargs)
        # Before the CONNECT is written: every packet of this connection comes this way.
        connection._protocol.data_received = _Framer(connection)
        return connection

    def hold_reading(self) -> None:
        """Stop reading the socket (TCP pushes back on the broker) until
        ``release_reading``; the broker's silence meanwhile is ours, not its own."""
        transport = getattr(self._connection, "_transport", None)
        if transport is not None and transport.is_reading():
            transport.pause_reading()

    def release_reading(self) -> None:
        conn = self._connection
        transport = getattr(conn, "_transport", None)
        if transport is not None and not transport.is_closing() and not transport.is_reading():
            conn._last_data_in = time.monotonic()
            transport.resume_reading()

    def reading_held(self) -> bool:
        transport = getattr(self._connection, "_transport", None)
        return transport is not None and not transport.is_closing() and not transport.is_reading()

    def last_data_in(self) -> float:
        """``time.monotonic()`` of the last packet from the broker, or now while the
        socket is not read on purpose (``hold_reading``)."""
        return time.monotonic() if self.reading_held() else super().last_data_in()

    def take_acks(self) -> list[bytes]:
        """The PUBACK/PUBREC packets owed since the last call (empty when none)."""
        handler = self._package_handler
        acks: list[bytes] = handler.acks
        if acks:
            handler.acks = []
        return acks


class PublisherClient(_Client):
    """The upstream's client: PUBACK reasons to ``on_puback``; the will chosen at each CONNECT."""

    _handler_class = _PubackReasonHandler

    def __init__(
        self,
        client_id: str,
        *,
        on_puback: PubackCallback,
        before_connect: WillHook | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(client_id, **kwargs)
        self._package_handler.on_puback = on_puback
        self.before_connect = before_connect

    async def _create_connection(self, *args: Any, **kwargs: Any) -> Any:
        connection = await super()._create_connection(*args, **kwargs)
        # The TCP connection is up; connect() writes the CONNECT with this will next,
        # in the same step of the loop (nothing is awaited in between).
        if self.before_connect is not None:
            try:
                self._will_message = self.before_connect()
            except BaseException:
                # No CONNECT goes out: close the TCP link that was opened for it.
                self._connection = connection
                self.abort()
                raise
        return connection

    def publish_mid(self, message: gmqtt.Message) -> int | None:
        """Publish and return the packet id (None for QoS 0). Not kept for a resend: a new
        client never replays it, the caller's outbox does."""
        mid, _ = self._connection.publish(message)
        return mid  # type: ignore[no-any-return]

    def connack_property(self, name: str) -> Any:
        """A property of the CONNACK (MQTT 5), its first value; None when absent."""
        values = self._package_handler._connack_properties.get(name)
        return values[0] if values else None


async def _half_close(conn: Any) -> None:
    """DISCONNECT, then our end of the stream, then wait for the broker to close its end.

    Closing the socket at once, as gmqtt does, resets the connection if the broker's
    last packets (PUBRELs answering our last PUBRECs, new messages) arrived unread, and
    the broker then drops our last acknowledgements and the DISCONNECT unread. Reading
    on until the broker closes avoids that. (TLS cannot half-close: closed as before.)
    """
    transport = conn._transport
    if transport is None or not transport.can_write_eof():
        return
    conn.send_disconnect()
    transport.write_eof()
    await asyncio.wait({conn._protocol.closed}, timeout=1.0)
