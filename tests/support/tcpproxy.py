"""A TCP proxy on a free loopback port that forwards, or goes silent like a pulled cable.

Usage (in a test's event loop)::

    proxy = TcpProxy("127.0.0.1", server_port)
    await proxy.start()            # listens on proxy.port
    proxy.blackhole(True)          # the cable is pulled
    ...                            # restart the server meanwhile, if the test wants
    proxy.blackhole(False)         # plugged back in
    await proxy.stop()

While blackholed nothing moves in either direction and nobody is told: the proxy stops
reading both sides and holds what it already read, as TCP would hold unacknowledged
segments for retransmission. New connections are accepted (the kernel completes the
handshake) but not forwarded until the cable is back, so a client's protocol-level
handshake times out just as it would on a dead link. When the cable is back, held bytes
are delivered; a server side that closed meanwhile (a server restart) closes the client
side too, as the client's retransmission would meet a reset.
"""

from __future__ import annotations

import asyncio
import contextlib

from tests.support.net import free_port


class _Side(asyncio.Protocol):
    """One end of a proxied connection; ``peer`` is the other end."""

    def __init__(self, proxy: TcpProxy, *, is_client: bool) -> None:
        self.proxy = proxy
        self.is_client = is_client
        self.transport: asyncio.Transport | None = None
        self.peer: _Side | None = None
        self.held: list[bytes] = []  # read but not yet forwarded
        self.eof = False  # this side closed; tell the peer when the cable is in
        self.closed = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        self.proxy._sides.add(self)
        if self.proxy.blackholed:
            transport.pause_reading()

    def data_received(self, data: bytes) -> None:
        if self.proxy.blackholed or self.peer is None or self.peer.transport is None:
            self.held.append(data)
            if self.proxy.blackholed and self.transport is not None:
                self.transport.pause_reading()
            return
        self.peer.transport.write(data)

    def eof_received(self) -> bool | None:
        self.eof = True
        self.proxy._deliver(self)
        return None

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self.eof = True
        self.proxy._sides.discard(self)
        self.proxy._deliver(self)

    def flush(self) -> None:
        """Forward what was held, and a close, to the peer (the cable is in)."""
        peer = self.peer
        if peer is None or peer.transport is None:
            return
        if self.held:
            peer.transport.write(b"".join(self.held))
            self.held.clear()
        if self.eof and not peer.closed:
            peer.transport.close()


class TcpProxy:
    """Forwards ``127.0.0.1:port`` to ``target_host:target_port``; see the module doc."""

    def __init__(self, target_host: str, target_port: int, *, port: int | None = None) -> None:
        self.target_host = target_host
        self.target_port = target_port
        self.port = port or free_port()
        self.blackholed = False
        self.accepted = 0  # client connections accepted, for tests that count attempts
        self._server: asyncio.base_events.Server | None = None
        self._sides: set[_Side] = set()
        self._waiting: list[_Side] = []  # clients accepted while blackholed
        self._tasks: set[asyncio.Task[None]] = set()

    async def start(self) -> TcpProxy:
        loop = asyncio.get_running_loop()
        self._server = await loop.create_server(
            self._accept, "127.0.0.1", self.port, reuse_address=True
        )
        return self

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        for task in list(self._tasks):
            task.cancel()
        for side in list(self._sides):
            if side.transport is not None:
                side.transport.abort()
        self._sides.clear()
        self._waiting.clear()
        await asyncio.sleep(0)

    @property
    def connections(self) -> int:
        """Open client connections (forwarded, or held while blackholed)."""
        return sum(1 for s in self._sides if s.is_client and not s.closed)

    def blackhole(self, on: bool) -> None:
        """Pull the cable (True) or plug it back in (False)."""
        if on == self.blackholed:
            return
        self.blackholed = on
        if on:
            for side in self._sides:
                if side.transport is not None:
                    side.transport.pause_reading()
            return
        for side in list(self._sides):
            if side.transport is not None and not side.closed:
                side.transport.resume_reading()
        for side in list(self._sides) + [s for s in self._waiting if s.closed]:
            side.flush()
        waiting, self._waiting = self._waiting, []
        for client in waiting:
            if not client.closed:
                self._dial(client)

    # -- internals -------------------------------------------------------------------

    def _accept(self) -> _Side:
        client = _Side(self, is_client=True)
        self.accepted += 1
        if self.blackholed:
            self._waiting.append(client)
        else:
            # connection_made has not run yet: dial once the transport exists.
            asyncio.get_running_loop().call_soon(self._dial, client)
        return client

    def _dial(self, client: _Side) -> None:
        task = asyncio.get_running_loop().create_task(self._connect(client))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _connect(self, client: _Side) -> None:
        loop = asyncio.get_running_loop()
        server = _Side(self, is_client=False)
        try:
            await loop.create_connection(lambda: server, self.target_host, self.target_port)
        except OSError:
            # Nothing listens behind the proxy: the client sees its connection reset.
            if client.transport is not None:
                client.transport.abort()
            return
        if client.closed:
            if server.transport is not None:
                server.transport.close()
            return
        client.peer, server.peer = server, client
        if not self.blackholed:
            client.flush()

    def _deliver(self, side: _Side) -> None:
        if not self.blackholed:
            side.flush()


async def _selftest() -> None:  # pragma: no cover - manual check: python -m tests.support.tcpproxy
    async def echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while data := await reader.read(100):
            writer.write(data)
        writer.close()

    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    proxy = await TcpProxy("127.0.0.1", port).start()
    reader, writer = await asyncio.open_connection("127.0.0.1", proxy.port)
    writer.write(b"one")
    print(await reader.read(100))
    proxy.blackhole(True)
    writer.write(b"two")
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(0.5):
            print("during blackhole:", await reader.read(100))
    proxy.blackhole(False)
    print(await reader.read(100))
    writer.close()
    await asyncio.sleep(0.1)
    await proxy.stop()
    server.close()
    await server.wait_closed()


if __name__ == "__main__":  # pragma: no cover
    asyncio.run(_selftest())
