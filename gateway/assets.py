"""Asset state: each asset live, stale, offline or no_data, and since when.

Fed by readings and by source health, this is the pipeline's knowledge of whether an
asset's data can be trusted now, and the one place that knows it: the alert rules, the
web UI, ``/healthz``, ``/metrics``, the history and the upstream link read it from here
(``snapshot()``) or follow its changes (``asset.state`` and ``source.state`` events on
the hub).

- ``live``: a fresh reading (one with at least one good value) came within
  ``stale_after`` seconds;
- ``stale``: none came for ``stale_after`` while the source is up (a silent device, a
  publisher that stopped, a subscription that stopped delivering);
- ``offline``: its source is down (the broker, the TCP link, the serial port); when the
  source comes back the asset stays offline until a fresh reading, at most another
  ``stale_after``;
- ``no_data``: no fresh reading since the gateway started (the assets a source's config
  names are known from the start; an MQTT asset is known from its first message).

``stale_after`` is the source's or device's setting, else ``assets.stale_factor`` times
the interval the asset is expected at (a poll interval, an OPC UA keep-alive period,
else the median gap between its recent readings), at least ``assets.stale_min``.

Times: ``since`` and ``last_reading`` are wall-clock seconds (shown to people); the
deadlines run on the monotonic clock, so a clock step (NTP after a boot without a
real-time clock) never makes an asset stale or keeps it live.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gateway.config.assets import AssetsConfig
from gateway.health import ComponentHealth
from gateway.records import Scored

if TYPE_CHECKING:
    from gateway.events import EventHub

log = logging.getLogger("gateway.assets")

LIVE, STALE, OFFLINE, NO_DATA = "live", "stale", "offline", "no_data"
STATES = (LIVE, STALE, OFFLINE, NO_DATA)
ASSET_EVENT, SOURCE_EVENT = "asset.state", "source.state"

# The ticker sleeps until the next deadline, at most this long (a new asset may bring an
# earlier one) and at least MIN_SLEEP (a burst of deadlines is taken in one pass).
MAX_SLEEP = 1.0
MIN_SLEEP = 0.02


@dataclass(frozen=True, slots=True)
class Expected:
    """What a source's config says of an asset before any reading arrives."""

    interval: float | None = None  # seconds between the readings it should bring
    stale_after: float | None = None  # set in the config; None: derived


@dataclass(slots=True)
class _Asset:
    sensor_id: str
    source: str
    state: str
    since: float  # wall clock: when the state began
    since_mono: float
    expected: Expected
    stale_after: float
    gaps: deque[float]
    last_reading: float | None = None  # wall clock: arrival of the last fresh reading
    last_mono: float | None = None
    good: bool = False  # the last reading carried a good value: a heartbeat may keep it live
    grace_until: float = 0.0  # monotonic: offline, source back, waiting for a reading
    unscored: int = 0
    unscored_reason: str | None = None

    def public(self, wall: float, mono: float) -> dict[str, Any]:
        overdue = self.state == NO_DATA and mono - self.since_mono > self.stale_after
        return {
            "sensor_id": self.sensor_id,
            "source": self.source,
            "state": self.state,
            "since": self.since,
            "for_seconds": round(max(0.0, wall - self.since), 3),
            "last_reading": self.last_reading,
            "age_seconds": None
            if self.last_mono is None
            else round(max(0.0, mono - self.last_mono), 3),
            "stale_after": round(self.stale_after, 3),
            "overdue": overdue or self.state in (STALE, OFFLINE),
            "unscored": self.unscored,
            "unscored_reason": self.unscored_reason,
        }


class AssetStates:
    """The state machine of every asset; fed on the event loop, read from any thread."""

    def __init__(
        self,
        config: AssetsConfig | None = None,
        *,
        events: EventHub | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.config = config or AssetsConfig()
        self.events = events
        self.clock = clock
        self.wall = wall
        self._assets: dict[str, _Asset] = {}
        self._sources: dict[str, str] = {}  # source name -> its health state
        self._defaults: dict[str, Expected] = {}  # source name -> for assets it discovers
        self._lock = threading.Lock()  # snapshots are taken from the web UI's threads
        self._wake: asyncio.Event | None = None

    # -- what the sources say -------------------------------------------------------

    def add_source(
        self,
        health: ComponentHealth,
        *,
        default: Expected = Expected(),
        assets: dict[str, Expected] | None = None,
    ) -> None:
        """A source, the assets its config names (``no_data`` until they report) and
        what applies to the assets it brings later; follows its health from now on."""
        name = health.name
        self._defaults[name] = default
        self._sources[name] = health.state
        mono, wall = self.clock(), self.wall()
        with self._lock:
            for sid, expected in (assets or {}).items():
                if sid not in self._assets:
                    self._assets[sid] = self._new(sid, name, expected, mono, wall)
        health.watch(self._on_source)

    def _new(self, sid: str, source: str, expected: Expected, mono: float, wall: float) -> _Asset:
        a = _Asset(sid, source, NO_DATA, wall, mono, expected, 0.0, deque(maxlen=self.config.gaps))
        a.stale_after = self._stale_after(a)
        return a

    def _on_source(self, health: ComponentHealth) -> None:
        name, state = health.name, health.state
        previous = self._sources.get(name)
        self._sources[name] = state
        if self.events is not None:
            self.events.publish(
                SOURCE_EVENT,
                {
                    "source": name,
                    "state": state,
                    "previous": previous,
                    "since": health.since,
                    "error": health.last_error if state == "down" else None,
                },
            )
        mono = self.clock()
        changed = []
        with self._lock:
            for a in self._assets.values():
                if a.source != name:
                    continue
                if state == "up" and a.state == OFFLINE:
                    a.grace_until = mono + a.stale_after  # give it a poll to come back
                changed += self._evaluate(a, mono)
        self._announce(changed)
        self._poke()

    def heartbeat(self, sensor_ids: Iterable[str]) -> None:
        """The source confirms these assets' last values still hold (an OPC UA
        subscription's publish response: nothing changed since). Keeps a live asset
        live; never revives a stale one, nor one whose last reading was all bad."""
        mono = self.clock()
        with self._lock:
            for sid in sensor_ids:
                a = self._assets.get(sid)
                if a is not None and a.state == LIVE and a.good:
                    a.last_mono = mono

    # -- what the pipeline sees -----------------------------------------------------

    def observe(self, batch: Sequence[Scored]) -> None:
        """A scored batch: fresh readings make their assets live (at once)."""
        last: dict[str, Scored] = {}
        fresh: dict[str, float] = {}
        unscored: dict[str, int] = {}
        for s in batch:
            r = s.reading
            sid = r.sensor_id
            last[sid] = s
            if r.values:
                fresh[sid] = r.received
            if s.unscored is not None:
                unscored[sid] = unscored.get(sid, 0) + 1
        mono, wall = self.clock(), self.wall()
        changed = []
        with self._lock:
            for sid, s in last.items():
                a = self._assets.get(sid)
                if a is None:
                    source = s.reading.source
                    a = self._assets[sid] = self._new(
                        sid, source, self._defaults.get(source, Expected()), mono, wall
                    )
                    self._poke()
                a.good = bool(s.reading.values)
                if sid in unscored:
                    a.unscored += unscored[sid]
                    a.unscored_reason = s.unscored
                elif s.prediction is not None:
                    a.unscored_reason = None
                arrived = fresh.get(sid)
                if arrived is None:
                    continue
                if a.last_mono is not None:
                    a.gaps.append(mono - a.last_mono)
                    if a.expected.interval is None and a.expected.stale_after is None:
                        a.stale_after = self._stale_after(a)
                a.last_mono, a.last_reading = mono, arrived
                if a.state != LIVE:
                    changed += self._evaluate(a, mono)
        self._announce(changed)

    # -- time ---------------------------------------------------------------------------

    def tick(self) -> float:
        """Apply every deadline that passed; returns the monotonic time of the next one."""
        mono = self.clock()
        changed = []
        nearest = mono + MAX_SLEEP
        with self._lock:
            for a in self._assets.values():
                changed += self._evaluate(a, mono)
                deadline = self._deadline(a)
                if deadline is not None and deadline < nearest:
                    nearest = deadline
        self._announce(changed)
        return nearest

    async def run(self, health: ComponentHealth) -> None:
        """The ticker: makes assets stale on time (a supervised task of the runtime)."""
        self._wake = asyncio.Event()
        health.up()
        while True:
            nearest = self.tick()
            self._wake.clear()
            delay = min(MAX_SLEEP, max(MIN_SLEEP, nearest - self.clock()))
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(delay):
                    await self._wake.wait()

    def _poke(self) -> None:
        if self._wake is not None:
            self._wake.set()

    # -- the rules ------------------------------------------------------------------------

    def _stale_after(self, a: _Asset) -> float:
        cfg, expected = self.config, a.expected
        if expected.stale_after is not None:
            return expected.stale_after
        interval = expected.interval
        if interval is None and a.gaps:
            ordered = sorted(a.gaps)
            interval = ordered[len(ordered) // 2]
        if interval is None:
            return cfg.stale_default
        return max(cfg.stale_min, cfg.stale_factor * interval)

    def _desired(self, a: _Asset, mono: float) -> str:
        if self._sources.get(a.source) == "down":
            return OFFLINE
        fresh = a.last_mono is not None and mono - a.last_mono <= a.stale_after
        if a.state == OFFLINE:
            if fresh and a.last_mono is not None and a.last_mono >= a.since_mono:
                return LIVE  # a reading since it went offline
            if mono < a.grace_until:
                return OFFLINE
        if fresh:
            return LIVE
        return NO_DATA if a.last_mono is None else STALE

    def _deadline(self, a: _Asset) -> float | None:
        if a.state == LIVE and a.last_mono is not None:
            return a.last_mono + a.stale_after
        if a.state == OFFLINE and a.grace_until:
            return a.grace_until
        return None

    def _evaluate(self, a: _Asset, mono: float) -> list[dict[str, Any]]:
        """The asset's state by the rules now; a change is returned as an event payload."""
        state = self._desired(a, mono)
        if state == a.state:
            return []
        previous = a.state
        a.state, a.since_mono = state, mono
        # A stale asset has been so since its deadline, whenever the tick noticed.
        late = 0.0
        if state == STALE and a.last_mono is not None:
            late = max(0.0, mono - a.last_mono - a.stale_after)
        a.since = self.wall() - late
        if state != OFFLINE:
            a.grace_until = 0.0
        return [
            {
                "sensor_id": a.sensor_id,
                "source": a.source,
                "state": state,
                "previous": previous,
                "since": a.since,
                "last_reading": a.last_reading,
                "stale_after": a.stale_after,
            }
        ]

    def _announce(self, changed: list[dict[str, Any]]) -> None:
        for payload in changed:
            level = logging.INFO if payload["state"] == LIVE else logging.WARNING
            log.log(
                level,
                "asset %s is %s (was %s)",
                payload["sensor_id"],
                payload["state"],
                payload["previous"],
                extra={"event": "asset_state", **payload},
            )
            if self.events is not None:
                self.events.publish(ASSET_EVENT, payload)

    def forget(self, sensor_id: str) -> None:
        """Drop an asset (an id the ingest gate gave up on probation: never stale, no
        data-loss alert, no memory kept for it)."""
        with self._lock:
            self._assets.pop(sensor_id, None)

    # -- reading --------------------------------------------------------------------------

    def snapshot(self) -> dict[str, dict[str, Any]]:
        """Every asset's state as shown (copies; safe from any thread)."""
        mono, wall = self.clock(), self.wall()
        with self._lock:
            return {sid: a.public(wall, mono) for sid, a in self._assets.items()}

    def get(self, sensor_id: str) -> dict[str, Any] | None:
        mono, wall = self.clock(), self.wall()
        with self._lock:
            a = self._assets.get(sensor_id)
            return a.public(wall, mono) if a is not None else None

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(STATES, 0)
        with self._lock:
            for a in self._assets.values():
                out[a.state] += 1
        return out

    @property
    def sources(self) -> dict[str, str]:
        return dict(self._sources)
