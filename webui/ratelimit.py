"""Login throttling that slows guessing without locking the owner out, kept in the store.

Counters (``failures``, ``last_failure``, ``blocked_until``) live in memory and in the
state store (gateway.read.access's ``LoginCounters``), written at most every
``persist_every`` seconds (30) in one write: a restart or a power cut hands an attacker
at most the counters of the last 30 s, and a flood of failures costs the disk one state
write per 30 s, not three per attempt. The first few failures of a key are free; after
them every failure doubles the wait before the next attempt is looked at (1 s, 2 s,
4 s ... up to ``max_delay``). A key forgets its failures ``forget_after`` seconds after
the last one. Attempts refused while waiting are not counted and cost no hashing.

A login is held by three kinds of key:

- ``address:<ip>``: every failure from that address, whatever account it named (the
  global per-address budget; guessing many accounts from one address slows down);
- ``pair:<account>|<ip>``: failures on one account from one address (the attacker's own
  address waits, nobody else does);
- ``account:<name>``: failures on one account name from every address, whether an
  account of that name exists or not, so the answers (401 then 429 from a fresh address
  once the name is under attack) never tell which names exist. This is a slow-down, not
  a lock: it holds only addresses that have themselves failed on the name (their pair
  counter is not zero). A correct password from an address with no recent failure on
  the account still gets through, so an attacker who knows the owner's email cannot
  keep the owner out, and an attacker spread over many addresses gets one guess per
  address per delay.

A success clears the account's and its own pair's counters, not the address's (else one
valid account would reset the budget for guessing others); a password change or reset
clears the account's and all its pairs (:meth:`LoginThrottle.clear_account`).

The table cannot be flushed by flooding: the counters of existing accounts are never
evicted; the other keys (address, pair, setup, the names of no account) are bounded to
``max_rows``, and when full the ones whose last failure is oldest go first. An attacker
who floods it from thousands of addresses evicts his own oldest counters, never an
account's.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Iterable
from dataclasses import replace

from gateway.facade import LoginCounter as Counter
from gateway.facade import StateViews

# Keys never evicted besides the counters of existing accounts: one for all setup tries.
PROTECTED_KEYS = frozenset({"setup:*", "register-all:*"})


class Throttled(Exception):
    def __init__(self, retry_after: float) -> None:
        self.retry_after = max(1, math.ceil(retry_after))
        super().__init__(f"too many failed attempts; try again in {self.retry_after} s")


def account_key(account: str) -> str:
    return f"account:{account}"


def pair_key(account: str, address: str) -> str:
    return f"pair:{account}|{address}"


def address_key(address: str) -> str:
    return f"address:{address}"


def _of_account(key: str, account: str) -> bool:
    return key == account_key(account) or key.startswith(f"pair:{account}|")


def clear_account(state: StateViews, account: str) -> int:
    """Forget every counter of an account in the store (the CLI, with no gateway running)."""
    return state.logins.remove(lambda key: _of_account(key, account))


class LoginThrottle:
    def __init__(
        self,
        state: StateViews,
        *,
        free: dict[str, int],
        base_delay: float = 1.0,
        max_delay: float = 900.0,
        forget_after: float = 24 * 3600.0,
        max_rows: int = 2000,
        persist_every: float = 30.0,
    ) -> None:
        self.counters = state.logins
        # key prefix ("account", "pair", "address", "setup", "register") -> free failures
        self.free = free
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.forget_after = forget_after
        self.max_rows = max_rows
        self.persist_every = persist_every
        self._lock = threading.Lock()
        self._rows: dict[str, Counter] = {}
        for c in self.counters.all():
            # Rows written before names of no account were counted: only accounts' then.
            default = c.key.startswith("account:") or c.key in PROTECTED_KEYS
            protected = default if c.protected is None else c.protected
            self._rows[c.key] = replace(c, id=0, protected=protected)
        self._dirty = False
        self._persisted = time.monotonic()
        self.writes = 0  # state writes made for counters (tests and metrics)

    # -- generic keys (setup, registration) ------------------------------------------

    def _blocked_for(self, key: str, now: float) -> tuple[float, int]:
        """(seconds still to wait, recent failures) of one key."""
        c = self._rows.get(key)
        if c is None or now - c.last_failure >= self.forget_after:
            return 0.0, 0
        return c.blocked_until - now, c.failures

    def check(self, keys: Iterable[str], now: float | None = None) -> None:
        """Raise Throttled when any key is still waiting out its delay."""
        now = time.time() if now is None else now
        with self._lock:
            wait = max([self._blocked_for(k, now)[0] for k in keys] + [0.0])
        if wait > 0:
            raise Throttled(wait)

    def delay_for(self, key: str, failures: int) -> float:
        free = self.free.get(key.split(":", 1)[0], 5)
        if failures <= free:
            return 0.0
        return float(min(self.base_delay * 2 ** min(failures - free - 1, 30), self.max_delay))

    def failure(
        self, keys: Iterable[str], now: float | None = None, *, protected: Iterable[str] = ()
    ) -> float:
        """Count a failure on every key; returns the longest delay now in force.

        ``protected`` keys are never evicted (the counters of existing accounts).
        """
        now = time.time() if now is None else now
        keep = set(protected)
        longest = 0.0
        with self._lock:
            for key in keys:
                failures = self._blocked_for(key, now)[1] + 1
                delay = self.delay_for(key, failures)
                longest = max(longest, delay)
                self._rows[key] = Counter(
                    key=key,
                    failures=failures,
                    last_failure=now,
                    blocked_until=now + delay,
                    protected=key in keep or key in PROTECTED_KEYS,
                )
            self._evict(now)
            self._changed()
        return longest

    def success(self, key: str) -> None:
        with self._lock:
            if self._rows.pop(key, None) is not None:
                self._changed()

    # -- logins ----------------------------------------------------------------------

    def check_login(self, account: str, address: str, now: float | None = None) -> None:
        """Raise Throttled if this address must wait before trying this account again.

        The account's own counter holds only addresses that have failed on it.
        """
        now = time.time() if now is None else now
        with self._lock:
            wait_address, _ = self._blocked_for(address_key(address), now)
            wait_pair, pair_failures = self._blocked_for(pair_key(account, address), now)
            wait = max(wait_address, wait_pair, 0.0)
            if pair_failures > 0:
                wait = max(wait, self._blocked_for(account_key(account), now)[0])
        if wait > 0:
            raise Throttled(wait)

    def login_failed(
        self, account: str, address: str, *, known: bool, now: float | None = None
    ) -> float:
        """Count a failed login: the same keys whether the account exists or not; only an
        existing account's counter is kept from eviction."""
        keys = [address_key(address), pair_key(account, address), account_key(account)]
        return self.failure(keys, now, protected=[account_key(account)] if known else [])

    def login_succeeded(self, account: str, address: str) -> None:
        with self._lock:
            for key in (account_key(account), pair_key(account, address)):
                if self._rows.pop(key, None) is not None:
                    self._changed()

    def clear_account(self, account: str) -> None:
        """Forget the account's counter and all its pairs (a password change or reset)."""
        with self._lock:
            for key in [k for k in self._rows if _of_account(k, account)]:
                del self._rows[key]
            self._changed()
            self._persist()

    def row(self, key: str) -> Counter | None:
        with self._lock:
            return self._rows.get(key)

    # -- memory and disk -------------------------------------------------------------

    def _evict(self, now: float) -> None:
        """Keep the evictable keys under max_rows: expired ones first, then the oldest."""
        rows = self._rows
        for key in [k for k, c in rows.items() if now - c.last_failure >= self.forget_after]:
            del rows[key]
        evictable = [c for c in rows.values() if not c.protected]
        excess = len(evictable) - self.max_rows
        if excess > 0:
            evictable.sort(key=lambda c: c.last_failure)
            for c in evictable[:excess]:
                del rows[c.key]

    def _changed(self) -> None:
        self._dirty = True
        if time.monotonic() - self._persisted >= self.persist_every:
            self._persist()

    def _persist(self) -> None:
        if not self._dirty:
            return
        self.counters.replace(self._rows.values())
        self.writes += 1
        self._dirty = False
        self._persisted = time.monotonic()

    def flush(self) -> None:
        """Write the counters now (at shutdown; before a test reads the table)."""
        with self._lock:
            self._persist()
