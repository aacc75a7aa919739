"""Data-loss rules: when "asset stale" and "source down" alerts open and resolve. No I/O.

They follow the asset states (gateway.assets) through their events on the hub:

- **asset stale**: an asset ``stale``, or ``no_data`` past its ``stale_after`` since the
  start, for ``stale_delay`` seconds. An asset that goes ``offline`` before that is left
  to its source's alert (one alert for a broker that went away, not one per asset).
- **source down**: a source ``down`` for ``down_delay`` seconds.
- Either resolves by itself, at once, when the asset is ``live`` again or the source
  ``up``; one that never opened is forgotten then. No reminders.

A fault alert on the asset is not touched: it stays open, and the notice lists it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from gateway.alerts.rules import OPENED, RESOLVED, Decision

ASSET_STALE, SOURCE_DOWN = "asset_stale", "source_down"


@dataclass(slots=True)
class Loss:
    """One asset or source without data: pending, then open."""

    kind: str  # ASSET_STALE or SOURCE_DOWN
    key: str  # the sensor id, or the source's name
    source: str
    since: float  # when the data stopped (epoch seconds)
    details: dict[str, Any] = field(default_factory=dict)
    opened: bool = False


class DataLossRules:
    def __init__(
        self,
        *,
        stale_delay: float = 60.0,
        down_delay: float = 60.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.stale_delay = stale_delay
        self.down_delay = down_delay
        self.clock = clock
        self._losses: dict[tuple[str, str], Loss] = {}
        self._ready: list[Decision] = []  # resolutions decided by events, not yet taken

    def observe(self, kind: str, payload: dict[str, Any]) -> None:
        """An ``asset.state`` or ``source.state`` event of the hub (gateway.assets)."""
        if kind == "asset.state":
            self._asset(payload)
        elif kind == "source.state":
            self._source(payload)

    def _asset(self, p: dict[str, Any]) -> None:
        key = (ASSET_STALE, p["sensor_id"])
        state = p["state"]
        if state == "live":
            self._end(key)
            return
        loss = self._losses.get(key)
        if state == "offline":
            if loss is not None and not loss.opened:
                del self._losses[key]  # the source's alert speaks for it
            return
        if loss is not None:
            return
        since = p["since"]
        if state == "no_data":
            since += p.get("stale_after") or 0.0  # overdue from then on
        details = {"state": state, "last_reading": p.get("last_reading")}
        details["stale_after"] = p.get("stale_after")
        self._losses[key] = Loss(ASSET_STALE, p["sensor_id"], p.get("source") or "", since, details)

    def _source(self, p: dict[str, Any]) -> None:
        key = (SOURCE_DOWN, p["source"])
        if p["state"] == "up":
            self._end(key)
        elif p["state"] == "down" and key not in self._losses:
            details = {"state": "down", "error": p.get("error")}
            self._losses[key] = Loss(SOURCE_DOWN, p["source"], p["source"], p["since"], details)

    def _end(self, key: tuple[str, str]) -> None:
        loss = self._losses.pop(key, None)
        if loss is not None and loss.opened:
            self._ready.append(Decision(RESOLVED, loss.key, loss.kind, self.clock(), 0.0, loss))

    def take(self) -> list[Decision]:
        """Resolutions decided since the last call, and openings whose delay passed."""
        now = self.clock()
        out, self._ready = self._ready, []
        for loss in self._losses.values():
            delay = self.stale_delay if loss.kind == ASSET_STALE else self.down_delay
            if not loss.opened and now - loss.since >= delay:
                loss.opened = True
                out.append(Decision(OPENED, loss.key, loss.kind, now, 0.0, loss))
        return out

    def restore(self, loss: Loss) -> None:
        """An alert open before a restart: it resolves when its data returns."""
        loss.opened = True
        self._losses[(loss.kind, loss.key)] = loss

    def open_losses(self) -> list[Loss]:
        return [loss for loss in self._losses.values() if loss.opened]
