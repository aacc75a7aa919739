"""Anonymous failures in the audit trail: counted per address per minute, one write a minute.

A wrong password, a throttled attempt, a wrong setup code or a refused registration can
come from anyone, as fast as they can send requests. Each used to be its own audit
event, a write of the whole state file: one client caused 482 MB of fsynced writes in
60 s and pushed the setup record out of the trail. Here they are counted in memory per
window (a minute), per address and per kind, with the first few names tried, and
written as one ``failures`` event when the window is over: at the next failure after
it, when the trail is read (``flush``) and when the web server stops. The event lists
the addresses with the most failures (``max_addresses``) and sums up the others.

What a crash or power cut loses: the counts of the window in progress (at most a minute).
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from gateway.facade import Audit

EVENT = "failures"


class FailureTally:
    def __init__(
        self,
        audit: Audit,
        *,
        window: float = 60.0,
        max_addresses: int = 20,
        max_names: int = 3,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.audit = audit
        self.window = window
        self.max_addresses = max_addresses
        self.max_names = max_names
        self.clock = clock
        self._lock = threading.Lock()
        self._start: float | None = None
        self._counts: dict[str, Counter[str]] = {}
        self._names: dict[str, list[str]] = {}
        self.writes = 0

    def count(self, kind: str, address: str, name: str | None = None) -> None:
        """One failure of ``kind`` (login_failed, login_throttled, setup_failed...)."""
        now = self.clock()
        with self._lock:
            done = (
                self._take()
                if self._start is not None and now >= self._start + self.window
                else None
            )
            if self._start is None:
                self._start = now
            self._counts.setdefault(address, Counter())[kind] += 1
            names = self._names.setdefault(address, [])
            if name and name not in names and len(names) < self.max_names:
                names.append(name[:254])
        if done is not None:
            self._write(done)

    def flush(self) -> None:
        """Write what the window in progress holds now."""
        with self._lock:
            done = self._take() if self._start is not None else None
        if done is not None:
            self._write(done)

    def _take(self) -> dict[str, Any]:
        counts, names, start = self._counts, self._names, self._start
        self._counts, self._names, self._start = {}, {}, None
        ranked = sorted(counts.items(), key=lambda kv: sum(kv[1].values()), reverse=True)
        shown, rest = ranked[: self.max_addresses], ranked[self.max_addresses :]
        return {
            "since": start,
            "until": self.clock(),
            "total": sum(sum(c.values()) for c in counts.values()),
            "addresses": [{"ip": ip, **dict(c), "names": names.get(ip, [])} for ip, c in shown],
            "other_addresses": len(rest),
            "other_failures": sum(sum(c.values()) for _, c in rest),
        }

    def _write(self, event: dict[str, Any]) -> None:
        self.audit.record(EVENT, **event)
        self.writes += 1
