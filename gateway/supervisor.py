"""Supervision of long-lived tasks: restart with capped, jittered backoff; log once down, once up.

A source or sink exposes ``async run()`` that returns or raises when its link is lost;
the supervisor owns the retry policy. This is the one place where ``except Exception``
is allowed: whatever a component raises is logged with its traceback and retried, so
one broken device can never take the gateway down.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from gateway.health import ComponentHealth

log = logging.getLogger("gateway.supervisor")


@dataclass(frozen=True, slots=True)
class Backoff:
    """Exponential backoff with full jitter, never zero (pymodbus busy-loops at 0)."""

    initial: float = 0.5
    maximum: float = 30.0
    factor: float = 2.0
    jitter: float = 0.2  # +-20 %

    def delay(self, attempt: int) -> float:
        base = min(self.maximum, self.initial * self.factor ** max(0, attempt))
        return max(0.05, base * (1 + random.uniform(-self.jitter, self.jitter)))


# Tests shorten every backoff with this switch (stamina's set_testing idea).
_TEST_SCALE = 1.0


def set_testing(scale: float) -> None:
    """Scale every backoff delay by ``scale`` (1.0 restores production delays)."""
    global _TEST_SCALE
    _TEST_SCALE = scale


async def supervise(
    run: Callable[[], Awaitable[None]],
    health: ComponentHealth,
    backoff: Backoff = Backoff(),
    *,
    healthy_after: float = 10.0,
) -> None:
    """Run ``run()`` forever; on return or error, mark down, wait, and run again.

    The attempt counter resets when a run lasted ``healthy_after`` seconds, so a link
    that flaps once a day retries quickly, and a device that is gone settles at the cap.
    """
    loop = asyncio.get_running_loop()
    attempt = 0
    while True:
        started = loop.time()
        try:
            await run()
            health.down("ended")
        except asyncio.CancelledError:
            health.state = "stopped"
            raise
        except Exception as err:  # the supervisor is the catch-all by design
            if health.state != "down":
                log.warning(
                    "%s failed", health.name, exc_info=err, extra={"component": health.name}
                )
            health.down(err)
        if loop.time() - started >= healthy_after:
            attempt = 0
        delay = backoff.delay(attempt) * _TEST_SCALE
        attempt += 1
        health.reconnects += 1
        health.extra["next_attempt_in"] = round(delay, 2)
        await asyncio.sleep(delay)
