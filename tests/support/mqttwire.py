"""A TCP proxy that reads the MQTT packets a client sends to its broker, for tests of the wire.

``WireTap(broker_port, port=...)`` listens on ``port`` (a free one by default) in a
thread of its own and forwards every connection to the broker, both ways, untouched.
On the way it parses what the client writes (MQTT 3.1.1 and 5) into ``Packet``s:

- CONNECT: protocol level, the will's topic, payload, QoS and retain flag;
- PUBLISH: topic, QoS, retain, payload;
- DISCONNECT: its reason code (MQTT 5; None in 3.1.1, which has none);
- anything else: its type only.

Each packet records its connection's number and the wall-clock time it was read, so
a test can order what the client did against what it published. ``cut()`` pulls the
cable (open connections are aborted, new ones refused: nothing listens) and ``plug()``
puts it back on the same port. The parser is this
file's own (MQTT 5 §2-3), independent of the gateway's MQTT library.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from dataclasses import dataclass
from typing import Any

from tests.support.net import free_port

CONNECT, PUBLISH, DISCONNECT = 1, 3, 14


@dataclass
class Packet:
    conn: int  # the connection's number, from 1, in order of acceptance
    kind: int  # the MQTT control packet type
    at: float  # time.time() when it was read
    version: int = 0  # protocol level of the connection (4: 3.1.1, 5: 5)
    topic: str = ""
    qos: int = 0
    retain: bool = False
    payload: bytes = b""
    reason: int | None = None  # DISCONNECT (MQTT 5)
    will_topic: str = ""  # CONNECT
    will_payload: bytes = b""
    will_qos: int = 0
    will_retain: bool = False
    has_will: bool = False


def _varint(data: bytes, i: int) -> tuple[int, int]:
    value, shift = 0, 0
    while True:
        b = data[i]
        i += 1
        value |= (b & 0x7F) << shift
        if not b & 0x80:
            return value, i
        shift += 7


def _string(data: bytes, i: int) -> tuple[bytes, int]:
    n = (data[i] << 8) | data[i + 1]
    return data[i + 2 : i + 2 + n], i + 2 + n


def parse(conn: int, version: int, head: int, body: bytes) -> Packet:
    kind, flags = head >> 4, head & 0x0F
    p = Packet(conn, kind, time.time(), version)
    if kind == CONNECT:
        _, i = _string(body, 0)  # "MQTT"
        p.version = body[i]
        cflags = body[i + 1]
        i += 4  # level, flags, keep alive
        if p.version >= 5:
            n, i = _varint(body, i)
            i += n
        _, i = _string(body, i)  # client id
        p.has_will = bool(cflags & 0x04)
        if p.has_will:
            if p.version >= 5:
                n, i = _varint(body, i)
                i += n
            topic, i = _string(body, i)
            p.will_payload, i = _string(body, i)
            p.will_topic = topic.decode()
            p.will_qos = (cflags >> 3) & 3
            p.will_retain = bool(cflags & 0x20)
    elif kind == PUBLISH:
        p.qos, p.retain = (flags >> 1) & 3, bool(flags & 1)
        topic, i = _string(body, 0)
        p.topic = topic.decode()
        if p.qos:
            i += 2
        if version >= 5:
            n, i = _varint(body, i)
            i += n
        p.payload = body[i:]
    elif kind == DISCONNECT and version >= 5:
        p.reason = body[0] if body else 0
    return p


class _Reader:
    """Splits one client's byte stream into packets."""

    def __init__(self, tap: WireTap, conn: int) -> None:
        self.tap, self.conn, self.buf, self.version = tap, conn, b"", 0

    def feed(self, data: bytes) -> None:
        self.buf += data
        while len(self.buf) >= 2:
            try:
                length, start = _varint(self.buf, 1)
            except IndexError:
                return  # the length itself is not complete yet
            if len(self.buf) < start + length:
                return
            packet = parse(self.conn, self.version, self.buf[0], self.buf[start : start + length])
            self.buf = self.buf[start + length :]
            if packet.kind == CONNECT:
                self.version = packet.version
            self.tap.record(packet)


class WireTap:
    def __init__(self, broker_port: int, *, port: int | None = None) -> None:
        self.broker_port = broker_port
        self.port = port or free_port()
        self.packets: list[Packet] = []
        self.accepted: list[float] = []  # time of each client connection
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._ready = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> WireTap:
        self._thread = threading.Thread(target=asyncio.run, args=(self._main(),), daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise TimeoutError("wire tap did not start")
        return self

    def stop(self) -> None:
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        if self._thread is not None:
            self._thread.join(10)

    def cut(self) -> None:
        self._call(self._cut())

    def plug(self) -> None:
        self._call(self._listen())

    def _call(self, coro: Any) -> None:
        assert self._loop is not None
        asyncio.run_coroutine_threadsafe(coro, self._loop).result(10)

    def record(self, packet: Packet) -> None:
        with self._lock:
            self.packets.append(packet)

    def snapshot(self, kind: int | None = None) -> list[Packet]:
        with self._lock:
            return [p for p in self.packets if kind is None or p.kind == kind]

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        await self._listen()
        self._ready.set()
        await self._stop.wait()
        await self._cut()

    async def _listen(self) -> None:
        self._server = await asyncio.start_server(self._client, "127.0.0.1", self.port)

    async def _cut(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.close()
        for w in list(self._writers):
            w.transport.abort()
        self._writers.clear()

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with self._lock:
            self.accepted.append(time.time())
            conn = len(self.accepted)
        try:
            up_r, up_w = await asyncio.open_connection("127.0.0.1", self.broker_port)
        except OSError:
            writer.close()
            return
        parser = _Reader(self, conn)
        self._writers |= {writer, up_w}

        async def pump(src: asyncio.StreamReader, dst: asyncio.StreamWriter, tap: bool) -> None:
            with contextlib.suppress(OSError):
                while data := await src.read(65536):
                    if tap:
                        parser.feed(data)
                    dst.write(data)
                    await dst.drain()
            with contextlib.suppress(OSError):
                dst.close()

        await asyncio.gather(pump(reader, up_w, True), pump(up_r, writer, False))
