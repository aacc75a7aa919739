"""Every long-lived task of a running gateway is supervised inside its TaskGroup: killed
by an injected failure, it is restarted and the failure shows in health.

The gateway runs with an MQTT source and the JSON upstream on a real mosquitto, history
and alerts. Each task's loop is wrapped (before start) so that the test can make it
raise; a sink is made to fail in ``handle()`` instead, because cancelling a sink's run
is how the runtime tells it to close for good.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from gateway.alerts.delivery import DeliveryWorker
from gateway.alerts.sink import AlertSink
from gateway.assets import AssetStates
from gateway.config import parse_config
from gateway.pipeline import Pipeline
from gateway.records import Reading
from gateway.runtime import Gateway
from gateway.sinks.history import HistorySink
from gateway.sources.mqtt import MqttSource
from gateway.upstream.forwarder import Forwarder
from gateway.upstream.sink import UpstreamSink
from gateway.writes.fault_actions import FaultActions
from tests.support.mosquitto import Mosquitto
from tests.support.net import free_port
from tests.support.wait import until

INJECTED = "injected failure"


class Killer:
    """Per component name: a flag the wrapped loop or handle() raises on, and run counts."""

    def __init__(self) -> None:
        self.armed: set[str] = set()
        self.runs: Counter[str] = Counter()
        self.wakes: dict[str, asyncio.Event] = {}

    def loop(self, name: Callable[[Any], str], orig: Callable[..., Awaitable[None]]) -> Any:
        """Wrap a long-lived ``async def run(self, ...)``: it raises when armed."""
        killer = self

        async def run(self: Any, *args: Any) -> None:
            key = name(self)
            killer.runs[key] += 1
            wake = killer.wakes.setdefault(key, asyncio.Event())
            wake.clear()
            inner = asyncio.ensure_future(orig(self, *args))
            waiter = asyncio.ensure_future(wake.wait())
            try:
                done, _ = await asyncio.wait({inner, waiter}, return_when="FIRST_COMPLETED")
            finally:
                waiter.cancel()
            if inner in done:
                return inner.result()
            inner.cancel()
            # A run that swallows its cancellation (Python 3.11's wait_for can) would be
            # a second copy beside the restarted one: named here, not a silent wait.
            ended, _ = await asyncio.wait({inner}, timeout=10)
            killer.armed.discard(key)
            if not ended:
                raise RuntimeError(f"{key}: run() went on after its cancellation")
            await asyncio.gather(inner, return_exceptions=True)
            raise RuntimeError(INJECTED)

        return run

    def handle(self, name: str, orig: Callable[..., Awaitable[None]]) -> Any:
        killer = self

        async def handle(self: Any, batch: list[Any]) -> None:
            if name in killer.armed:
                killer.armed.discard(name)
                killer.runs[name] += 1
                raise RuntimeError(INJECTED)
            await orig(self, batch)

        return handle

    def prepare(self, name: str, orig: Callable[..., list[Any]]) -> Any:
        killer = self

        def prepare(self: Any, batch: list[Any]) -> list[Any]:
            if name in killer.armed:
                killer.armed.discard(name)
                killer.runs[name] += 1
                raise RuntimeError(INJECTED)
            return orig(self, batch)

        return prepare

    def kill(self, key: str) -> None:
        self.armed.add(key)
        if key in self.wakes:
            self.wakes[key].set()


@pytest.mark.slow
async def test_every_task_is_restarted_after_a_failure(
    tmp_path: Path, mosquitto: Mosquitto, monkeypatch: pytest.MonkeyPatch
) -> None:
    k = Killer()
    # Loops: killed by the wrapper, wherever they wait.
    loops: list[tuple[type, str, Callable[[Any], str]]] = [
        (Pipeline, "run", lambda s: "pipeline"),
        (Forwarder, "run", lambda s: "upstream-link"),
        (DeliveryWorker, "run", lambda s: "alert-delivery"),
        (AlertSink, "_ticker", lambda s: "alerts-ticker"),
        (MqttSource, "run", lambda s: s.health.name),
        (Gateway, "_watchdog", lambda s: "watchdog"),
        (Gateway, "_control", lambda s: "control"),
        (AssetStates, "run", lambda s: "assets"),
        (FaultActions, "run", lambda s: "fault-actions"),
    ]
    for cls, attr, key_of in loops:
        monkeypatch.setattr(cls, attr, k.loop(key_of, getattr(cls, attr)))
    # Sinks: a batch they fail to handle (it stays queued and is retried); the upstream
    # sink's loop encodes a batch (prepare) while the one before commits.
    for sink in (HistorySink, AlertSink):
        monkeypatch.setattr(sink, "handle", k.handle(sink.name, sink.handle))
    monkeypatch.setattr(UpstreamSink, "prepare", k.prepare("upstream", UpstreamSink.prepare))
    cfg = parse_config(
        {
            "gateway": {"data_dir": str(tmp_path / "data")},
            "model": {"package": None},
            "web": {"enabled": False},
            "upstream": {"enabled": True, "host": "127.0.0.1", "port": mosquitto.port},
            # A writable point: the write service, and fault actions with the alerts.
            "sources": [
                {
                    "kind": "mqtt",
                    "name": "plant",
                    "port": mosquitto.port,
                    "qos": 1,
                    "writable": [{"sensor_id": "pump_1", "feature": "stop", "topic": "pump_1/set"}],
                }
            ],
        }
    )
    gw = Gateway(cfg)
    task = asyncio.create_task(gw.run(install_signals=False))
    try:
        await until(gw.ready.is_set, what="gateway ready")
        names = [
            "pipeline", "history", "alerts", "upstream", "upstream-link", "alert-delivery",
            "alerts-ticker", "plant", "watchdog", "control", "assets", "fault-actions",
        ]  # fmt: skip
        for name in names:
            await until(lambda n=name: gw.health.get(n).state == "up", 20, f"{name} up")
        # Every task the runtime started, by name (the rest are asyncio's "Task-<n>", the
        # forwarder's per-connection watch and the source's write channel, which live and
        # die inside the sender's and the source's supervised runs).
        running = {t.get_name() for t in asyncio.all_tasks() if not t.done()}
        running -= {"upstream-link-watch", "writes:plant"}  # the source's own, per connection
        assert {n for n in running if not n.startswith("Task-")} == {
            "pipeline", "sink:history", "sink:alerts", "sink:upstream", "upstream:sender",
            "alerts:delivery", "alerts:ticker", "source:plant", "watchdog", "control", "assets",
            "fault-actions",
        }  # fmt: skip
        for name in names:
            h = gw.health.get(name)
            assert h is not None
            before = (h.reconnects, k.runs[name])
            k.kill(name)
            if name in ("history", "alerts", "upstream"):
                now = time.time()
                assert gw.pipeline is not None
                gw.pipeline.submit([Reading("pump_1", now, {"motor_data.DE_temp": 60.0})])
            await until(lambda h=h, b=before: h.reconnects > b[0], 20, f"{name} restarted")
            assert h.last_error is not None and INJECTED in h.last_error
            await until(lambda h=h: h.state == "up", 20, f"{name} up again")
            assert k.runs[name] > before[1]
        assert not task.done()
    finally:
        gw.request_stop()
        await asyncio.wait_for(task, 30)


async def test_the_web_server_thread_is_restarted_after_it_died(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """waitress's loop stopped by an error in its own thread (SystemExit raised while it
    parses a request): the ``web`` task sees the thread end, the supervisor starts a new
    server on the same port, and the failure shows in the ``web`` component."""
    import requests
    from waitress.channel import HTTPChannel

    armed = {"die": False}
    received = HTTPChannel.received

    def dying(self: HTTPChannel, data: bytes) -> Any:
        if armed["die"]:
            armed["die"] = False
            raise SystemExit("injected: waitress's loop dies")
        return received(self, data)

    monkeypatch.setattr(HTTPChannel, "received", dying)
    cfg = parse_config(
        {
            "gateway": {"data_dir": str(tmp_path / "data")},
            "model": {"package": None},
            "web": {"enabled": True, "host": "127.0.0.1", "port": free_port()},
            "history": {"enabled": False},
            "alerts": {"enabled": False},
        }
    )
    gw = Gateway(cfg)
    task = asyncio.create_task(gw.run(install_signals=False))

    def healthz(timeout: float = 10.0) -> int:
        assert gw.web_url is not None
        return requests.get(gw.web_url + "healthz", timeout=timeout).status_code

    try:
        await until(gw.ready.is_set, what="gateway ready")
        web = gw.health.get("web")
        assert web is not None
        await until(lambda: web.state == "up", 20, "web up")
        url = gw.web_url
        assert await asyncio.to_thread(healthz) == 200
        armed["die"] = True
        # The request that killed the loop gets no answer (its connection is dropped
        # once the dead server is collected; the client gives up first).
        with pytest.raises(requests.RequestException):
            await asyncio.to_thread(healthz, 2.0)
        await until(lambda: web.reconnects >= 1, 20, "web restarted")
        assert web.last_error is not None and "thread ended" in web.last_error
        await until(lambda: web.state == "up", 20, "web up again")
        assert gw.web_url == url  # the same port
        assert await asyncio.to_thread(healthz) == 200
        assert not task.done()
    finally:
        gw.request_stop()
        await asyncio.wait_for(task, 30)
