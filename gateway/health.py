"""Health and counters of each component (source, stage, sink), read by the UI and /metrics.

Every component counts what it received, sent, dropped, rejected as malformed and the
errors it met (Vector's component spec). Counters are plain ints updated from the event
loop; readers in other threads take ``snapshot()`` copies, which is safe under the GIL
for ints and small dicts.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

log = logging.getLogger("gateway.health")


@dataclass
class ComponentHealth:
    """The state of one component; ``up``/``down`` log only on a change."""

    name: str
    kind: str  # "source", "sink", "stage"
    protocol: str = ""
    state: str = "starting"  # starting, up, down, stopped
    since: float = field(default_factory=time.time)
    last_error: str | None = None
    last_error_at: float | None = None
    received: int = 0  # items; for a source, readings (one asset at one instant)
    points: int = 0  # a source's values in those readings, good or bad
    sent: int = 0
    dropped: int = 0
    malformed: int = 0
    errors: int = 0
    reconnects: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Not a field: snapshots leave it out. Called on the loop at each change of state.
        self._watchers: list[Callable[[ComponentHealth], None]] = []

    def watch(self, fn: Callable[[ComponentHealth], None]) -> None:
        """Call ``fn(self)`` after every change between up and down (gateway.assets)."""
        self._watchers.append(fn)

    def _changed(self) -> None:
        for fn in self._watchers:
            fn(self)

    def up(self) -> None:
        if self.state != "up":
            if self.state == "down":
                log.info(
                    "%s %s is up again after %.1f s",
                    self.kind,
                    self.name,
                    time.time() - self.since,
                    extra={"component": self.name, "event": "up"},
                )
            else:
                log.info(
                    "%s %s is up",
                    self.kind,
                    self.name,
                    extra={"component": self.name, "event": "up"},
                )
            self.state = "up"
            self.since = time.time()
            self._changed()

    def down(self, error: BaseException | str) -> None:
        text = error if isinstance(error, str) else (str(error) or type(error).__name__)
        self.last_error = text
        self.last_error_at = time.time()
        self.errors += 1
        if self.state != "down":
            log.warning(
                "%s %s is down: %s",
                self.kind,
                self.name,
                text,
                extra={"component": self.name, "event": "down"},
            )
            self.state = "down"
            self.since = time.time()
            self._changed()

    def error(self, error: BaseException | str) -> None:
        """An error that does not take the component down (a bad reply, one failed write)."""
        self.last_error = error if isinstance(error, str) else (str(error) or type(error).__name__)
        self.last_error_at = time.time()
        self.errors += 1

    def snapshot(self) -> dict[str, Any]:
        d = asdict(self)
        d["extra"] = dict(self.extra)
        return d


class HealthRegistry:
    """All components' health, by name."""

    def __init__(self) -> None:
        self._items: dict[str, ComponentHealth] = {}

    def register(self, name: str, kind: str, protocol: str = "") -> ComponentHealth:
        h = self._items.get(name)
        if h is None:
            h = self._items[name] = ComponentHealth(name=name, kind=kind, protocol=protocol)
        return h

    def get(self, name: str) -> ComponentHealth | None:
        return self._items.get(name)

    def all(self) -> list[ComponentHealth]:
        return list(self._items.values())

    def snapshot(self) -> list[dict[str, Any]]:
        return [h.snapshot() for h in list(self._items.values())]
