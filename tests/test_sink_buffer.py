"""The sinks' durable buffer (gateway.sinks.buffer) with a user that is not MQTT: an HTTP sink.

``HttpSink`` below is a whole sink built by composition, as a new kind (InfluxDB over
HTTP, say) would be: its queue is the gateway's ``QueuedSink``; ``handle()`` appends each
batch to a ``DurableBuffer`` (one entry per asset, JSON lines of readings, the key its
URL path) before the readings leave the queue; a supervised sender posts the entries in
order to a real local HTTP server, and only a 2xx answer is an acknowledgement
(``Acknowledged`` deletes them in batches). A refusal (5xx) keeps the entry; a restart
on the same file sends what was not acknowledged, in order.
"""

from __future__ import annotations

import asyncio
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import orjson
import pytest

from gateway import supervisor
from gateway.health import ComponentHealth
from gateway.records import Reading, Scored
from gateway.sinks.base import QueuedSink
from gateway.sinks.buffer import Acknowledged, DurableBuffer, Entry
from tests.support.wait import until


class Refused(Exception):
    """The HTTP server did not answer 2xx."""


def post(url: str, body: bytes) -> int:
    req = urllib.request.Request(url, data=body, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=5) as resp:
            return int(resp.status)
    except urllib.error.HTTPError as err:
        return int(err.code)


class HttpSink(QueuedSink[Scored]):
    name = "http"

    def __init__(self, base_url: str, data_dir: Path) -> None:
        super().__init__(ComponentHealth("http", "sink"), max_queue=10_000)
        self.base_url = base_url
        self.buffer = DurableBuffer(data_dir / "http-buffer.sqlite3", max_bytes=1 << 20)
        self.acked = Acknowledged(self.buffer, every_s=0.05, every_n=64)
        self.sender_health = ComponentHealth("http-sender", "task")
        self._wake = asyncio.Event()
        self._sender: asyncio.Task[None] | None = None

    async def start(self) -> None:
        if self._sender is None:
            self._sender = self.supervised("sender", self.send, self.sender_health)

    async def close(self) -> None:
        if self._sender is not None:
            self._sender.cancel()
            await asyncio.gather(self._sender, return_exceptions=True)
        self.buffer.close()

    async def handle(self, batch: list[Scored]) -> None:
        by_asset: dict[str, list[bytes]] = {}
        for s in batch:
            r = s.reading
            line = orjson.dumps({"sensor_id": r.sensor_id, "ts": r.timestamp, **r.values})
            by_asset.setdefault(r.sensor_id, []).append(line)
        entries = [
            Entry(sid, f"/ingest/{sid}", b"\n".join(lines), len(lines))
            for sid, lines in by_asset.items()
        ]
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self.buffer.executor, self.buffer.append, entries)
        self._wake.set()

    async def send(self) -> None:
        """Post entries in id order; a 2xx acknowledges one. Anything else ends the run
        (the supervisor starts it again after its backoff, from the first entry kept)."""
        self.sender_health.up()
        cursor = 0
        while True:
            rows = self.buffer.read_after(cursor, upto=self.buffer.max_id, limit=64)
            for row in rows:
                cursor = row.id
                if row.id in self.acked:
                    continue
                status = await asyncio.to_thread(post, self.base_url + row.key, row.payload)
                if not 200 <= status < 300:
                    await self.acked.flush()
                    raise Refused(f"HTTP {status} for entry {row.id}")
                self.acked.add(row.id)
            if rows:
                continue
            await self.acked.flush()
            self._wake.clear()
            await asyncio.wait({asyncio.ensure_future(self._wake.wait())}, timeout=0.05)


class Server:
    """A local HTTP server that records each POST (path, body) and answers ``status``."""

    def __init__(self) -> None:
        self.status = 200
        self.received: list[tuple[str, bytes]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if outer.status < 300:
                    outer.received.append((self.path, body))
                self.send_response(outer.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                return None

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def readings(self, sid: str) -> list[float]:
        return [
            orjson.loads(line)["n"]
            for path, body in self.received
            if path == f"/ingest/{sid}"
            for line in body.split(b"\n")
        ]


@pytest.fixture
def server() -> Iterator[Server]:
    s = Server()
    yield s
    s.httpd.shutdown()
    s.httpd.server_close()


@pytest.fixture(autouse=True)
def fast_backoff() -> Iterator[None]:
    supervisor.set_testing(0.05)
    yield
    supervisor.set_testing(1.0)


def scored(sid: str, n: int) -> Scored:
    return Scored(Reading(sid, 1000.0 + n, {"n": float(n)}), None)


async def test_entries_wait_for_a_2xx_and_survive_a_restart(server: Server, tmp_path: Path) -> None:
    server.status = 503  # the endpoint refuses everything for now
    sink = HttpSink(server.url, tmp_path)
    task = asyncio.create_task(sink.run())
    for n in range(1, 31):
        sink.offer([scored("pump_1", n), scored("pump_2", n)])
        await asyncio.sleep(0)
    await until(lambda: sink.buffer.readings == 60, 30)  # all in the buffer, none delivered
    await until(lambda: sink.sender_health.reconnects >= 2, 30)  # refused, tried again
    assert server.received == [] and sink.buffer.messages >= 2
    # A stop (as a kill would be: nothing more is sent), then a new sink on the same file.
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    await sink.close()
    server.status = 200
    again = HttpSink(server.url, tmp_path)
    assert again.buffer.readings == 60  # what was not acknowledged is still there
    task = asyncio.create_task(again.run())
    try:
        for n in range(31, 41):
            again.offer([scored("pump_1", n)])
        await until(lambda: len(server.readings("pump_1")) >= 40, 30)
        await until(lambda: again.buffer.readings == 0, 30)  # all acknowledged, deleted
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        await again.close()
    # In order per asset, each reading once: entries of a stream were posted in id order.
    assert server.readings("pump_1") == [float(n) for n in range(1, 41)]
    assert server.readings("pump_2") == [float(n) for n in range(1, 31)]
    # The buffer numbered each stream's entries, across the restart.
    reopened = DurableBuffer(tmp_path / "http-buffer.sqlite3", max_bytes=1 << 20)
    try:
        assert reopened.seq("pump_1") >= 2 and reopened.messages == 0
    finally:
        reopened.close()


async def test_a_refusal_keeps_the_entry_and_later_ones_wait_behind_it(
    server: Server, tmp_path: Path
) -> None:
    sink = HttpSink(server.url, tmp_path)
    task = asyncio.create_task(sink.run())
    try:
        sink.offer([scored("pump_1", 1)])
        await until(lambda: server.readings("pump_1") == [1.0], 30)
        await until(lambda: sink.buffer.messages == 0, 30)
        server.status = 500
        sink.offer([scored("pump_1", 2)])
        await until(lambda: sink.sender_health.state == "down", 30)
        sink.offer([scored("pump_1", 3)])
        await until(lambda: sink.buffer.readings == 2, 30)
        assert server.readings("pump_1") == [1.0]
        server.status = 204
        await until(lambda: sink.buffer.readings == 0, 30)
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        await sink.close()
    assert server.readings("pump_1") == [1.0, 2.0, 3.0]
