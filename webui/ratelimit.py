"""Login throttling that slows guessing without locking the owner out, kept in the store.

Counters (``failures``, ``last_failure``, ``blocked_until``) live in the state store
(gateway.read.access's ``LoginCounters``), so a restart or a power cut does not hand an
attacker a fresh budget. The first few failures of a key are free; after them every
failure doubles the wait before the next attempt is looked at (1 s, 2 s, 4 s ... up to
``max_delay``). A key forgets its failures ``forget_after`` seconds after the last one.
Attempts refused while waiting are not counted and cost no hashing.

A login is held by three kinds of key:

- ``address:<ip>``: every failure from that address, whatever account it named (the
  global per-address budget; guessing many accounts from one address slows down);
- ``pair:<account>|<ip>``: failures on one account from one address (the attacker's own
  address waits, nobody else does);
- ``account:<email>``: failures on one *existing* account from every address. This is a
  slow-down, not a lock: it holds only addresses that have themselves failed on the
  account (their pair counter is not zero). A correct password from an address with no
  recent failure on the account still gets through, so an attacker who knows the
  owner's email cannot keep the owner out, and an attacker spread over many addresses
  gets one guess per address per delay.

A success clears the account's and its own pair's counters, not the address's (else one
valid account would reset the budget for guessing others); a password change or reset
clears the account's and all its pairs (:func:`clear_account`).

The table cannot be flushed by flooding: account keys are made only for accounts that
exist (bounded by the users), so they are never evicted; the evictable keys (address,
pair, setup per address) are bounded to ``max_rows``, and when full the ones whose last
failure is oldest go first. An attacker who floods it from thousands of addresses evicts
his own oldest counters, never an account's.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Iterable

from gateway.facade import LoginCounter as Counter
from gateway.facade import StateViews

# Keys that are never evicted: bounded by the accounts (or one of them).
PROTECTED_PREFIXES = ("account:", "setup:*")


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


def clear_account(state: StateViews, account: str) -> int:
    """Forget every counter of an account (after a password change or an admin's reset)."""
    prefix = f"pair:{account}|"
    return state.logins.remove(lambda key: key == account_key(account) or key.startswith(prefix))


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
    ) -> None:
        self.counters = state.logins
        # key prefix ("account", "pair", "address", "setup") -> free failures
        self.free = free
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.forget_after = forget_after
        self.max_rows = max_rows
        self._lock = threading.Lock()

    # -- generic keys (setup, registration) ------------------------------------------

    def _blocked_for(self, key: str, now: float) -> tuple[float, int]:
        """(seconds still to wait, recent failures) of one key."""
        c = self.counters.get(key)
        if c is None or now - c.last_failure >= self.forget_after:
            return 0.0, 0
        return c.blocked_until - now, c.failures

    def check(self, keys: Iterable[str], now: float | None = None) -> None:
        """Raise Throttled when any key is still waiting out its delay."""
        now = time.time() if now is None else now
        wait = max([self._blocked_for(k, now)[0] for k in keys] + [0.0])
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
                c = self.counters.get(key)
                failures = 0
                if c is not None and now - c.last_failure < self.forget_after:
                    failures = c.failures
                failures += 1
                delay = self.delay_for(key, failures)
                longest = max(longest, delay)
                self.counters.put(key, failures, now, now + delay)
            self._evict(now)
        return longest

    def success(self, key: str) -> None:
        with self._lock:
            if self.counters.get(key) is not None:
                self.counters.remove(lambda k: k == key)

    # -- logins ----------------------------------------------------------------------

    def check_login(self, account: str, address: str, now: float | None = None) -> None:
        """Raise Throttled if this address must wait before trying this account again.

        The account's own counter holds only addresses that have failed on it.
        """
        now = time.time() if now is None else now
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
        """Count a failed login; an unknown account gets no account-wide counter."""
        keys = [address_key(address), pair_key(account, address)]
        if known:
            keys.append(account_key(account))
        return self.failure(keys, now)

    def login_succeeded(self, account: str, address: str) -> None:
        keys = (account_key(account), pair_key(account, address))
        with self._lock:
            self.counters.remove(lambda k: k in keys)

    def _evict(self, now: float) -> None:
        """Keep the evictable keys under max_rows: expired ones first, then the oldest."""
        counters: list[Counter] = self.counters.all()
        evictable = [c for c in counters if not c.key.startswith(PROTECTED_PREFIXES)]
        excess = len(evictable) - self.max_rows
        expired = {c.id for c in counters if now - c.last_failure >= self.forget_after}
        if excess <= 0 and not expired:
            return
        evictable.sort(key=lambda c: c.last_failure)
        drop = expired | {c.id for c in evictable[: max(excess, 0)]}
        self.counters.remove_ids(drop)
