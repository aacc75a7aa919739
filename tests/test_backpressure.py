"""Backpressure (gateway.pressure): a queue past its high mark holds the MQTT sources, a
real mosquitto keeps the messages meanwhile, and nothing is lost; a sink that is down
never holds them."""

from __future__ import annotations

import asyncio
import contextlib
import json
from pathlib import Path

import pytest

from gateway.config.sources import MqttSourceConfig
from gateway.health import ComponentHealth
from gateway.pressure import Pressure
from gateway.queue import BoundedQueue
from gateway.records import Reading
from gateway.sources.mqtt import MqttSource
from gateway.supervisor import supervise
from tests.support.mosquitto import Mosquitto
from tests.support.wait import until

pytestmark = pytest.mark.timeout(90)


def watched(pressure: Pressure, name: str) -> BoundedQueue[int]:
    health = ComponentHealth(name, "sink")
    health.up()
    queue: BoundedQueue[int] = BoundedQueue(1000, health)
    queue.pressure = pressure
    pressure.watch(queue)
    return queue


def test_a_deep_queue_holds_until_every_queue_is_down_to_half() -> None:
    pressure = Pressure(10, ComponentHealth("pipeline", "stage"))
    heard: list[bool] = []
    pressure.listen(heard.append)
    a, b = watched(pressure, "history"), watched(pressure, "alerts")
    a.extend(list(range(10)))
    assert heard == [] and not pressure.holding  # at the mark, not past it
    a.extend([10])
    b.extend(list(range(20)))
    assert heard == [True] and pressure.holding  # told once, for both
    a.done(6)  # 5 left: half of the mark, but the alerts' queue is still deep
    assert heard == [True]
    b.take(9)  # 11 left: above half
    assert heard == [True]
    b.done(1)  # 10 left
    assert heard == [True]
    b.done(5)
    assert heard == [True, False] and not pressure.holding
    assert pressure.health.extra["holds"] == 1


def test_a_queue_whose_sink_is_down_never_holds() -> None:
    pressure = Pressure(10, ComponentHealth("pipeline", "stage"))
    heard: list[bool] = []
    pressure.listen(heard.append)
    q = watched(pressure, "history")
    q.extend(list(range(50)))
    assert heard == [True]
    # Its writes fail and are retried after a backoff: the queue grows, and alerts and
    # upstream must go on; the watchdog's review lets go of it.
    q.health.down("disk I/O error")
    pressure.review()
    assert heard == [True, False]
    q.extend(list(range(50)))
    pressure.review()
    assert heard == [True, False] and not pressure.holding
    q.health.up()  # its writes work again: its depth holds the sources until it drains
    pressure.review()
    assert heard == [True, False, True]
    q.done(95)
    assert heard == [True, False, True, False]


def test_no_mark_never_holds() -> None:
    pressure = Pressure(0, ComponentHealth("pipeline", "stage"))
    q = watched(pressure, "history")
    q.extend(list(range(500)))
    pressure.review()
    assert not pressure.holding


async def test_a_deep_queue_holds_a_real_broker_back_and_loses_nothing(
    tmp_path: Path, mosquitto: Mosquitto
) -> None:
    """A sink that does not keep up: the source stops reading while its queue is past the
    mark, the broker keeps the rest (QoS 1), and every message arrives once, in order."""
    import gmqtt

    health = ComponentHealth("pipeline", "stage")
    pressure = Pressure(100, health)
    sink = watched(pressure, "history")

    def emit(batch: list[Reading]) -> int:
        sink.extend([int(r.values["test.n"]) for r in batch])
        return 0

    cfg = MqttSourceConfig(name="plant", port=mosquitto.port, timestamp_field=None, qos=1)
    src_health = ComponentHealth("plant", "source")
    source = MqttSource(cfg, emit, src_health, data_dir=tmp_path)
    source.pressure = pressure
    task = asyncio.create_task(supervise(source.run, src_health))
    pub = gmqtt.Client("test-pressure-pub")
    total = 2000
    try:
        await until(lambda: src_health.state == "up", 10, "source up")
        await pub.connect("127.0.0.1", mosquitto.port)
        pad = "x" * 1500  # one network read (256 KiB) holds about 170 of these
        for n in range(total):
            body = {"sensor_id": "p1", "motor_data": {"DE_temp": 1.0}, "test": {"n": n}}
            pub.publish("sensors/p1", json.dumps({**body, "pad": pad}), qos=1)
        await until(lambda: pressure.holding, 10, "the sources held")
        await asyncio.sleep(0.5)
        held_at = len(sink)
        assert 100 < held_at < 100 + 400, held_at  # the mark plus what one read brought
        await asyncio.sleep(0.5)
        assert len(sink) == held_at  # held: the broker keeps the rest
        taken: list[int] = []
        while len(taken) < total:
            await until(lambda: len(sink) > 0, 10, f"more after {len(taken)}")
            n = min(len(sink), 60)
            taken += sink.peek(n)
            sink.done(n)
            assert len(sink) < 100 + 400
            await asyncio.sleep(0.01)
        assert taken == list(range(total))
        assert health.extra["holds"] >= 2
        assert src_health.malformed == 0
    finally:
        with contextlib.suppress(Exception):
            await pub.disconnect()
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def test_a_slow_history_holds_the_gateway_intake_and_stores_every_reading(
    tmp_path: Path, mosquitto: Mosquitto, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The outbox is the commit point, so the acknowledgement window does not wait for the
    history; a history slower than the flood holds the source back instead of growing its
    queue, and every reading reaches it."""
    import time

    import gmqtt

    from gateway.config import parse_config
    from gateway.runtime import Gateway
    from gateway.state.history import History

    write = History.write

    def slow_write(self: History, batch: list[object], states: list[object] = []) -> None:  # noqa: B006
        time.sleep(0.05)  # a slow SD card
        write(self, batch, states)  # type: ignore[arg-type]

    monkeypatch.setattr(History, "write", slow_write)
    cfg = parse_config(
        {
            "gateway": {"data_dir": str(tmp_path / "data")},
            "model": {"package": None},
            "web": {"enabled": False},
            "alerts": {"enabled": False},
            "pipeline": {"hold_sources_above": 300},
            "upstream": {"enabled": True, "host": "127.0.0.1", "port": mosquitto.port},
            "sources": [{"kind": "mqtt", "name": "plant", "port": mosquitto.port, "qos": 1}],
        }
    )
    gw = Gateway(cfg)
    task = asyncio.create_task(gw.run(install_signals=False))
    pub = gmqtt.Client("test-pressure-flood")
    total = 10_000
    try:
        await until(gw.ready.is_set, 20, "gateway ready")
        await until(lambda: gw.health.get("plant").state == "up", 20, "source up")
        history = gw.sink("history")
        assert gw.pressure is not None and history is not None
        await pub.connect("127.0.0.1", mosquitto.port)
        pad = "x" * 1000  # one network read (256 KiB) holds about 250 of these
        for n in range(total):
            body = {"sensor_id": "pump_1", "motor_data": {"DE_temp": 60.0 + n % 7}, "pad": pad}
            pub.publish("sensors/pump_1", json.dumps(body), qos=1)
        deepest = 0
        deadline = time.monotonic() + 60
        while history.health.sent < total and time.monotonic() < deadline:
            deepest = max(deepest, history.depth)
            await asyncio.sleep(0.005)
        assert history.health.sent == total
        # The mark, plus one network read and what the pipeline held when the source
        # stopped (about 800 in all here; without the hold, thousands).
        assert deepest < 1500, deepest
        assert gw.pipeline is not None and gw.pipeline.health.extra["holds"] >= 1
        assert history.health.dropped == 0
    finally:
        with contextlib.suppress(Exception):
            await pub.disconnect()
        gw.request_stop()
        await asyncio.wait_for(task, 30)
    reader = History(tmp_path / "data")
    try:
        assert reader.count(sensor_id="pump_1") == total
    finally:
        reader.close()
