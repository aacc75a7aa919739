"""Login throttling per client address and per account, with counters kept in the store.

Each key (``account:<email>``, ``address:<ip>``, ``setup:<ip>``, ``setup:*``) has a count of
failures. The first few failures are free; after them every failure doubles the wait
before the next attempt is looked at (1 s, 2 s, 4 s ... up to ``max_delay``): guessing
gets slow fast, yet an account is never locked for good, and its owner is back after
at most ``max_delay``. A key forgets its failures ``forget_after`` seconds after the last
one. Counters live in the store's ``login_attempts`` table so a restart or a power cut
does not hand an attacker a fresh budget; a success clears the account's counter only
(clearing the address's would let one valid account reset the budget for guessing
others). Attempts refused while waiting are not counted and cost no hashing.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Iterable

from gateway.state.store import Store

TABLE = "login_attempts"


class Throttled(Exception):
    def __init__(self, retry_after: float) -> None:
        self.retry_after = max(1, math.ceil(retry_after))
        super().__init__(f"too many failed attempts; try again in {self.retry_after} s")


class LoginThrottle:
    def __init__(
        self,
        store: Store,
        *,
        free: dict[str, int],
        base_delay: float = 1.0,
        max_delay: float = 900.0,
        forget_after: float = 24 * 3600.0,
    ) -> None:
        self.store = store
        self.free = free  # key prefix ("account", "address", "setup") -> free failures
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.forget_after = forget_after
        self._lock = threading.Lock()

    def check(self, keys: Iterable[str], now: float | None = None) -> None:
        """Raise Throttled when any key is still waiting out its delay."""
        now = time.time() if now is None else now
        wait = 0.0
        for key in keys:
            doc = self.store.get(TABLE, key=key)
            if doc is not None:
                wait = max(wait, float(doc.get("blocked_until", 0.0)) - now)
        if wait > 0:
            raise Throttled(wait)

    def delay_for(self, key: str, failures: int) -> float:
        free = self.free.get(key.split(":", 1)[0], 5)
        if failures <= free:
            return 0.0
        return float(min(self.base_delay * 2 ** min(failures - free - 1, 30), self.max_delay))

    def failure(self, keys: Iterable[str], now: float | None = None) -> float:
        """Count a failure on every key; returns the longest delay now in force."""
        now = time.time() if now is None else now
        longest = 0.0
        with self._lock:
            for key in keys:
                doc = self.store.get(TABLE, key=key)
                failures = 0
                if (
                    doc is not None
                    and now - float(doc.get("last_failure", 0.0)) < self.forget_after
                ):
                    failures = int(doc.get("failures", 0))
                failures += 1
                delay = self.delay_for(key, failures)
                longest = max(longest, delay)
                self.store.upsert(
                    TABLE,
                    {"failures": failures, "last_failure": now, "blocked_until": now + delay},
                    key=key,
                )
        return longest

    def success(self, key: str) -> None:
        with self._lock:
            if self.store.get(TABLE, key=key) is not None:
                self.store.remove(TABLE, key=key)
