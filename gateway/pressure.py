"""Backpressure: the sources that can wait hold their intake while a queue is too deep.

The MQTT acknowledgement window (gateway.sources.mqtt) bounds what waits for the
gateway's first durable copy, but not what waits after it: when the outbox is the commit
point, the history, the alerts and the upstream sender's own queue are not on the
acknowledgement path. A gateway short of CPU (one core, or a core shared with a broker)
then keeps taking a flood at the rate of its fastest durable sink while a slower one
falls behind, and that sink's queue grows towards ``pipeline.sink_queue_size`` (about
2 KB a reading: 200,000 readings are 400 MB).

``Pressure`` watches the pipeline's queue and every sink's. A queue deeper than
``high`` (``pipeline.hold_sources_above``) makes it *hold*: its listeners (the MQTT
sources) stop reading their sockets, TCP holds the broker back and the broker keeps the
messages (its ``max_queued_messages``); when every queue is at most ``high // 2`` deep
again they go on. Nothing is dropped and nothing is acknowledged early: the gateway
takes in what its slowest sink can store.

A sink that is down (its writes fail and are retried after a backoff) does not hold the
sources: ``review()``, called every second by the runtime's watchdog, lets go of a queue
whose component is not up, so a broken history cannot stop alerts and upstream; its
queue then fills to its limit and drops, counted, as before. Sources that poll (Modbus,
OPC UA) are not held: their rate is their poll interval's.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Protocol

from gateway.health import ComponentHealth
from gateway.logs import RateLimited

log = logging.getLogger("gateway.pressure")


class Watched(Protocol):
    """A queue as ``Pressure`` sees it (gateway.queue.BoundedQueue)."""

    health: ComponentHealth

    def __len__(self) -> int: ...


class Pressure:
    """Which watched queues are too deep; tells its listeners when to hold and go on."""

    def __init__(self, high: int, health: ComponentHealth) -> None:
        self.high = high  # 0: never holds
        self.low = high // 2
        self.health = health  # the pipeline's: holds are counted there
        self._deep: set[str] = set()
        self._watched: list[Watched] = []
        self._listeners: list[Callable[[bool], None]] = []
        self._since = 0.0
        # Under a flood the sources may be held and let go many times a second.
        self._log = RateLimited(log, 60.0)
        health.extra["holds"] = 0
        health.extra["held_seconds"] = 0.0

    @property
    def holding(self) -> bool:
        return bool(self._deep)

    def listen(self, fn: Callable[[bool], None]) -> None:
        """``fn(True)`` when the sources must hold, ``fn(False)`` when they may go on."""
        self._listeners.append(fn)

    def watch(self, queue: Watched) -> None:
        self._watched.append(queue)

    def deep(self, queue: Watched) -> bool:
        """A queue grew past ``high``: True if it now holds the sources. A component
        that is not up (failing, retrying) never holds them."""
        if not self.high or queue.health.state != "up" or len(queue) <= self.high:
            return False
        name = queue.health.name
        if name not in self._deep:
            self._deep.add(name)
            if len(self._deep) == 1:
                self._hold(name, len(queue))
        return True

    def eased(self, queue: Watched) -> bool:
        """A deep queue shrank: True while it still holds the sources."""
        if len(queue) > self.low and queue.health.state == "up":
            return True
        self._deep.discard(queue.health.name)
        if not self._deep:
            self._release()
        return False

    def review(self) -> None:
        """Let go of queues whose component went down; hold for those that grew
        without a batch passing (each second, from the runtime's watchdog)."""
        for queue in self._watched:
            if queue.health.name in self._deep:
                self.eased(queue)
            else:
                self.deep(queue)
        if self._since:
            now = time.monotonic()
            self.health.extra["held_seconds"] += now - self._since
            self._since = now

    def _hold(self, name: str, depth: int) -> None:
        self.health.extra["holds"] += 1
        self._since = time.monotonic()
        self._log.warning(
            "held",
            "the %s queue holds %d readings: the MQTT sources stop reading until it is "
            "down to %d (the gateway takes in what its slowest sink stores)",
            name,
            depth,
            self.low,
            event="sources_held",
            component=name,
        )
        for fn in self._listeners:
            fn(True)

    def _release(self) -> None:
        if self._since:
            self.health.extra["held_seconds"] += time.monotonic() - self._since
            self._since = 0.0
        for fn in self._listeners:
            fn(False)
