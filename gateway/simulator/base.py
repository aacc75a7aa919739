"""What every simulator server is: one protocol's view of the plant on a shared clock.

Each server is started and stopped on its own (``await s.start()`` / ``await s.stop()``,
or ``async with``), so tests can take one protocol down for an outage. All servers of a
simulator share one ``SimClock``: at the k-th tick the simulator time is exactly
``k * interval`` seconds, so a value depends only on (seed, asset, k) and every protocol
shows the same plant. The protocols live beside this module (``modbus_server``,
``opcua_server``, ``mqtt_server``); ``orchestrator.Simulator`` runs them together.
"""

from __future__ import annotations

import abc
import asyncio
import contextlib
import logging
import time
from collections.abc import Sequence
from datetime import UTC, datetime

from gateway.simulator.plant import Plant

log = logging.getLogger(__name__)


class SimulatorError(Exception):
    """A simulator server could not start (port taken, bad serial port, bad certificate)."""


class SimClock:
    """Simulator time shared by the servers: 0 at creation, ticking every ``interval`` s."""

    def __init__(self, interval: float = 1.0) -> None:
        if interval <= 0:
            raise ValueError("interval must be > 0")
        self.interval = interval
        self._mono0 = time.monotonic()
        self._wall0 = time.time()

    def tick(self) -> int:
        """The number of the current tick."""
        return int((time.monotonic() - self._mono0) / self.interval)

    def now(self) -> float:
        """Simulator time now (between ticks too): when a write takes effect."""
        return time.monotonic() - self._mono0

    def sim_time(self, tick: int) -> float:
        return tick * self.interval

    def wall_time(self, tick: int) -> float:
        """Seconds since the epoch at which ``tick`` began."""
        return self._wall0 + tick * self.interval

    def until(self, tick: int) -> float:
        """Seconds from now to the start of ``tick`` (0 if it has begun)."""
        return max(0.0, self._mono0 + tick * self.interval - time.monotonic())


def iso_utc(ts: float) -> str:
    """``2026-02-01T14:25:30.123Z``: the seed's timestamp format."""
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


class PlantServer(abc.ABC):
    """One protocol's view of the plant; refreshes its assets' values every tick."""

    protocol = ""

    def __init__(
        self,
        plant: Plant,
        assets: Sequence[str],
        *,
        clock: SimClock | None = None,
        interval: float = 1.0,
    ) -> None:
        if not assets:
            raise ValueError("a plant server needs at least one asset")
        unknown = [a for a in assets if a not in plant.assets]
        if unknown:
            raise ValueError(f"assets not in the plant: {', '.join(unknown)}")
        self.plant = plant
        self.assets: tuple[str, ...] = tuple(assets)
        self.clock = clock or SimClock(interval)
        self.updates = 0  # asset values refreshed
        self.last: dict[str, dict[str, float]] = {}
        self.last_label: dict[str, str] = {}
        self._task: asyncio.Task[None] | None = None

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    async def start(self) -> None:
        if self.running:
            return
        tick = self.clock.tick()
        self._refresh_values(tick)
        await self._open()
        await self._push(tick)
        self._task = asyncio.create_task(self._loop(tick + 1), name=f"simulator-{self.protocol}")
        self._task.add_done_callback(self._on_loop_done)
        log.info("simulator %s serving %s", self.protocol, ", ".join(self.assets))

    def _on_loop_done(self, task: asyncio.Task[None]) -> None:
        # The update loop only ends by cancellation; anything else is a bug worth a
        # traceback (the server keeps serving its last values).
        if not task.cancelled() and task.exception() is not None:
            log.error(
                "simulator %s: update loop failed",
                self.protocol,
                exc_info=task.exception(),
            )

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await self._close()

    async def __aenter__(self) -> PlantServer:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def _loop(self, tick: int) -> None:
        while True:
            await asyncio.sleep(self.clock.until(tick))
            # After a stall (a suspended laptop, a slow Pi) skip to the current tick
            # instead of replaying every missed one.
            tick = max(tick, self.clock.tick())
            self._refresh_values(tick)
            await self._push(tick)
            tick += 1

    def _refresh_values(self, tick: int) -> None:
        t = self.clock.sim_time(tick)
        for asset in self.assets:
            self.last[asset] = self.plant.sample(asset, t)
            self.last_label[asset] = self.plant.label(asset, t)
            self.updates += 1

    @abc.abstractmethod
    async def _open(self) -> None:
        """Bind/connect; raise SimulatorError on failure."""

    @abc.abstractmethod
    async def _push(self, tick: int) -> None:
        """Make ``self.last`` visible to clients."""

    @abc.abstractmethod
    async def _close(self) -> None:
        """Release sockets and ports; safe to call twice."""
