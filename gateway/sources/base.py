"""What every source is: a thin adapter over its protocol library that emits Readings.

A source's ``run()`` connects, calls ``health.up()`` once its link works, hands readings
to ``deliver`` (which counts them and calls ``emit``, a non-blocking call into the
pipeline's bounded queue) and returns or
raises ``SourceError`` when the link is lost. It does not retry: the supervisor
(gateway.supervisor) owns reconnects and backoff. ``run()`` must release its
connection on the way out (including on cancellation).
"""

from __future__ import annotations

import abc
import importlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from gateway.assets import Expected
from gateway.commits import Watermark
from gateway.health import ComponentHealth
from gateway.pressure import Pressure
from gateway.records import Reading
from gateway.writes.channel import WriteChannel
from gateway.writes.ops import OpResult, WriteOp

# Hands readings to the pipeline; returns the ticket of the last one (gateway.commits).
Emit = Callable[[list[Reading]], int | None]
# Tells the asset states that these assets' last values still hold (gateway.assets).
Heartbeat = Callable[[Iterable[str]], None]


class SourceError(Exception):
    """The link to a device or broker failed; the supervisor will retry."""


class Source(abc.ABC):
    kind: str = ""
    # The pipeline's commit watermark, for a source that acknowledges what it received
    # only once it is stored (MQTT QoS 1/2); None: nothing waits for the disk.
    commits: Watermark | None = None
    # Set by the runtime: a source whose protocol confirms that unchanged values still
    # hold (an OPC UA subscription's keep-alive) calls it; None in a source run alone.
    heartbeat: Heartbeat | None = None
    # Set by the runtime: a source that can hold its intake (MQTT) listens to it and does
    # while a queue of the gateway is too deep (gateway.pressure).
    pressure: Pressure | None = None

    def __init__(self, config: Any, emit: Emit, health: ComponentHealth, *, data_dir: Path) -> None:
        self.config = config
        self.emit = emit
        self.health = health
        self.data_dir = data_dir
        # Writes queued to this source's connection (gateway.writes.channel); a source
        # that takes writes serves it from its run() while its link is up.
        self.writes = WriteChannel(getattr(config, "name", self.kind))

    async def write(self, ops: list[WriteOp]) -> list[OpResult]:
        """Send writes over this source's connection (WriteUnavailable when it has none)."""
        return await self.writes.submit(ops)

    def deliver(self, readings: list[Reading]) -> int | None:
        """Hand readings to the pipeline, counted the same way for every source:
        ``received`` counts readings (one asset at one instant), ``points`` the values
        they carry, good or bad. Returns the ticket of the last one (gateway.commits)."""
        health = self.health
        health.received += len(readings)
        health.points += sum(len(r.values) + len(r.bad) for r in readings)
        return self.emit(readings)

    def expectations(self) -> tuple[Expected, dict[str, Expected]]:
        """What the config says of this source's assets: the rule for those it brings
        later, and the assets it names (known before their first reading)."""
        return Expected(stale_after=getattr(self.config, "stale_after", None)), {}

    @abc.abstractmethod
    async def run(self) -> None:
        """Connect and deliver readings until the link is lost (then raise SourceError)."""


# kind -> "module:Class"; imported only when a source of that kind is configured, so a
# gateway without OPC UA never imports asyncua.
_KINDS = {
    "mqtt": "gateway.sources.mqtt:MqttSource",
    "modbus": "gateway.sources.modbus:ModbusSource",
    "opcua": "gateway.sources.opcua:OpcuaSource",
}


def build_source(
    config: Any,
    emit: Emit,
    health: ComponentHealth,
    data_dir: Path,
    commits: Watermark | None = None,
) -> Source:
    module, _, cls = _KINDS[config.kind].partition(":")
    factory = getattr(importlib.import_module(module), cls)
    source: Source = factory(config, emit, health, data_dir=data_dir)
    source.commits = commits
    return source
