"""Polling a condition from a test without blocking the event loop the code under test runs on."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable


async def until(cond: Callable[[], object], within: float = 5.0, what: str = "") -> None:
    """Return once ``cond()`` is true; AssertionError naming ``what`` after ``within`` seconds."""
    deadline = time.monotonic() + within
    while not cond():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {within:g} s: {what or cond}")
        await asyncio.sleep(0.02)
