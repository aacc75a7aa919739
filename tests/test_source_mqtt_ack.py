"""Acknowledgement after commit, against a real mosquitto: the broker keeps each message
until the pipeline's watermark says its reading is stored, and the gateway picks the
right store to wait for."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import gmqtt
import pytest

from gateway.commits import CommitMarks, Watermark
from gateway.config import parse_config
from gateway.config.sources import MqttSourceConfig
from gateway.health import ComponentHealth
from gateway.records import Reading
from gateway.runtime import Gateway
from gateway.sources.mqtt import MqttSource
from gateway.supervisor import supervise
from tests.support.mosquitto import Mosquitto
from tests.support.wait import until

pytestmark = pytest.mark.timeout(90)


def seed(n: int) -> bytes:
    return json.dumps(
        {"sensor_id": "pump_1", "motor_data": {"DE_temp": float(n)}, "test": {"n": n}}
    ).encode()


class Tickets:
    """The pipeline's side of ``emit``: numbers readings as ``Pipeline.submit`` does."""

    def __init__(self) -> None:
        self.readings: list[Reading] = []

    def __call__(self, batch: list[Reading]) -> int:
        self.readings += batch
        return len(self.readings)

    @property
    def numbers(self) -> list[int]:
        return [int(r.values["test.n"]) for r in self.readings]


def make_source(
    tmp_path: Path, port: int, watermark: Watermark | None, **kw: Any
) -> tuple[MqttSource, Tickets, ComponentHealth]:
    cfg = MqttSourceConfig(name="plant", port=port, timestamp_field=None, **kw)
    out = Tickets()
    health = ComponentHealth(cfg.name, "source")
    source = MqttSource(cfg, out, health, data_dir=tmp_path / "data")
    source.commits = watermark
    return source, out, health


@contextlib.asynccontextmanager
async def running(source: MqttSource, health: ComponentHealth) -> AsyncIterator[None]:
    task = asyncio.create_task(supervise(source.run, health))
    try:
        await until(lambda: health.state == "up", 10, "source up")
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def gone(broker: Mosquitto, client_id: str) -> None:
    """Until the broker has read the client's last packets and its DISCONNECT: a new
    connection of the same id before that would make it drop the old one unread."""
    await until(
        lambda: f"Client {client_id} disconnected" in broker.log_path.read_text(),
        10,
        f"{client_id} disconnected at the broker",
    )


@contextlib.asynccontextmanager
async def publisher(port: int) -> AsyncIterator[Any]:
    client = gmqtt.Client(f"test-pub-{uuid.uuid4().hex[:8]}")
    await client.connect("127.0.0.1", port, version=gmqtt.constants.MQTTv50)
    try:
        yield client
    finally:
        await client.disconnect()


@pytest.mark.parametrize("qos", [1, 2])
async def test_the_broker_waits_for_the_commit(
    tmp_path: Path, mosquitto: Mosquitto, qos: int
) -> None:
    """With a receive maximum of 10, the broker sends 10 messages and then waits: their
    PUBACKs (PUBRECs at QoS 2) go out only when the watermark passes their ticket."""
    watermark = Watermark()
    source, out, health = make_source(
        tmp_path,
        mosquitto.port,
        watermark,
        qos=qos,
        receive_maximum=10,
        clean_session=False,
        client_id="ack-test",
    )
    async with running(source, health), publisher(mosquitto.port) as pub:
        for n in range(1, 36):
            pub.publish("sensors/p1", seed(n), qos=qos)
        await until(lambda: len(out.readings) >= 10, 10, "the first ten")
        await asyncio.sleep(0.5)
        assert len(out.readings) == 10  # nothing acknowledged: the broker holds the rest
        assert health.extra["acks_owed"] == 10
        watermark.advance(10)  # the ten are stored: their acknowledgements free the window
        await until(lambda: len(out.readings) > 10, 10, "more")
        # (mosquitto 2.0 refills its window generously once acknowledgements come.)
        assert health.extra["acks_owed"] > 0
        while len(out.readings) < 35:
            watermark.advance(len(out.readings))
            await asyncio.sleep(0.05)
        watermark.advance(len(out.readings))
        await until(lambda: health.extra["acks_owed"] == 0, 5, "every acknowledgement sent")
    assert out.numbers == list(range(1, 36))
    # A new connection of the same session gets nothing again: all were acknowledged.
    await gone(mosquitto, "ack-test")
    again, out2, h2 = make_source(
        tmp_path, mosquitto.port, Watermark(), qos=qos, clean_session=False, client_id="ack-test"
    )
    async with running(again, h2):
        await asyncio.sleep(0.5)
    assert out2.readings == []


async def test_the_source_keeps_the_window_the_broker_does_not(
    tmp_path: Path, mosquitto: Mosquitto
) -> None:
    """mosquitto 2.0 holds only the first window to the receive maximum: once PUBACKs come
    back it sends 10x more each round (docs/sources.md). The source stops reading the
    socket while ``receive_maximum`` acknowledgements are owed, so what waits for the
    disk stays within the window plus one network read (256 KiB: 32 of these 8-KB
    messages), and nothing is lost or repeated."""
    watermark = Watermark()
    source, out, health = make_source(
        tmp_path, mosquitto.port, watermark, receive_maximum=10, client_id="hold-test"
    )
    pad = "x" * 8192
    total, most = 600, 0
    async with running(source, health), publisher(mosquitto.port) as pub:
        for n in range(1, total + 1):
            pub.publish("sensors/p1", seed(n)[:-1] + f', "pad": "{pad}"}}'.encode(), qos=1)
        while len(out.readings) < total:
            await until(
                lambda: health.extra.get("acks_owed", 0) >= 10 or len(out.readings) == total,
                20,
                "a window",
            )
            await asyncio.sleep(0.2)  # what the broker sends beyond it arrives meanwhile
            most = max(most, health.extra["acks_owed"])
            watermark.advance(len(out.readings))  # acknowledged: the next window comes
    assert out.numbers == list(range(1, total + 1))
    assert 10 <= most <= 10 + 33


async def test_what_was_not_stored_comes_again_on_the_next_connection(
    tmp_path: Path, mosquitto: Mosquitto
) -> None:
    """The link ends before the commit: the acknowledgements are never sent (not on the
    next connection either: packet ids are per connection), and the broker sends the
    messages again."""
    watermark = Watermark()
    source, out, health = make_source(
        tmp_path, mosquitto.port, watermark, clean_session=False, client_id="ack-lost"
    )
    async with running(source, health), publisher(mosquitto.port) as pub:
        for n in range(1, 6):
            pub.publish("sensors/p1", seed(n), qos=1)
        await until(lambda: len(out.readings) == 5, 10, "five readings")
    # Stopped after a short grace wait for the commit that never came.
    again, out2, h2 = make_source(
        tmp_path, mosquitto.port, Watermark(), clean_session=False, client_id="ack-lost"
    )
    async with running(again, h2):
        await until(lambda: len(out2.readings) == 5, 10, "the five again")
    assert out2.numbers == [1, 2, 3, 4, 5]


async def test_a_stopping_source_sends_what_commits_during_its_grace(
    tmp_path: Path, mosquitto: Mosquitto
) -> None:
    """A graceful stop stops reading, waits for the store, then acknowledges: no repeat."""
    watermark = Watermark()
    source, out, health = make_source(
        tmp_path, mosquitto.port, watermark, clean_session=False, client_id="ack-grace"
    )
    task = asyncio.create_task(supervise(source.run, health))
    await until(lambda: health.state == "up", 10, "source up")
    async with publisher(mosquitto.port) as pub:
        for n in range(1, 4):
            pub.publish("sensors/p1", seed(n), qos=1)
        await until(lambda: len(out.readings) == 3, 10, "three readings")
    task.cancel()
    await asyncio.sleep(0.2)
    watermark.advance(3)  # the pipeline drains and the store commits during the stop
    with contextlib.suppress(asyncio.CancelledError):
        await task
    await gone(mosquitto, "ack-grace")
    again, out2, h2 = make_source(
        tmp_path, mosquitto.port, Watermark(), clean_session=False, client_id="ack-grace"
    )
    async with running(again, h2):
        await asyncio.sleep(0.5)
    assert out2.readings == []


async def test_malformed_messages_are_acknowledged_and_counted(
    tmp_path: Path, mosquitto: Mosquitto
) -> None:
    watermark = Watermark()
    source, out, health = make_source(
        tmp_path, mosquitto.port, watermark, clean_session=False, client_id="ack-bad"
    )
    async with running(source, health), publisher(mosquitto.port) as pub:
        pub.publish("sensors/p1", b"{not json", qos=1)
        pub.publish("sensors/p1", b"[]", qos=1)
        await until(lambda: health.malformed == 2, 10, "two malformed")
        await until(lambda: health.extra.get("acks_owed", 0) == 0, 5, "acknowledged")
    assert out.readings == []
    await gone(mosquitto, "ack-bad")
    again, _, h2 = make_source(
        tmp_path, mosquitto.port, Watermark(), clean_session=False, client_id="ack-bad"
    )
    async with running(again, h2):
        await asyncio.sleep(0.5)
    assert h2.malformed == 0  # not sent again


def test_marks_release_tickets_in_queue_order() -> None:
    wm = Watermark()
    seen: list[int] = []
    wm.listen(seen.append)
    marks = CommitMarks(wm)
    marks.offered(3, 3)  # readings 1-3 queued
    marks.offered(0, 5)  # readings 4-5 dropped by a full queue: done with the 3 before
    marks.offered(2, 7)
    assert wm.upto == 0
    marks.done(2)
    assert wm.upto == 0
    marks.done(1)
    assert wm.upto == 5
    marks.done(2)
    assert seen == [5, 7]


def _tree(tmp_path: Path, *, upstream: bool, history: bool) -> dict[str, Any]:
    return {
        "gateway": {"data_dir": str(tmp_path / "data"), "log_format": "text"},
        "web": {"enabled": False},
        "model": {"package": None},
        "history": {"enabled": history},
        "upstream": {"enabled": upstream, "port": 1},
        "sources": [{"kind": "mqtt", "name": "plant", "port": 1, "qos": 1}],
    }


@pytest.mark.parametrize(
    ("upstream", "history", "point"),
    [(True, True, "upstream"), (False, True, "history"), (False, False, None)],
)
async def test_the_gateway_waits_for_its_first_durable_copy(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, upstream: bool, history: bool, point: Any
) -> None:
    gw = Gateway(parse_config(_tree(tmp_path, upstream=upstream, history=history)))
    caplog.set_level(logging.INFO, logger="gateway.runtime")
    task = asyncio.create_task(gw.run(install_signals=False))
    try:
        await until(gw.ready.is_set, 20, "gateway ready")
        marked = [s.name for s in gw.sinks if s.marks is not None]
        assert marked == ([point] if point else [])
        assert gw.sources[0].commits is gw.pipeline.commits  # type: ignore[union-attr]
        if point == "history":
            sink: Any = gw.sinks[0]
            # synchronous=FULL (2): each commit syncs the log before MQTT acknowledges.
            assert sink.history._writer.execute("PRAGMA synchronous").fetchone()[0] == 2
            assert sink.commit_interval <= 0.05
        if point is None:
            assert "acknowledged on receipt" in caplog.text
        else:
            assert "acknowledged once stored" in caplog.text
    finally:
        gw.request_stop()
        await asyncio.wait_for(task, 30)
