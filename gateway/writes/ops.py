"""What passes between the write service and a source: operations, results, and errors.

::

    WriteError                 a write did not reach a device; nothing was sent
     ├── WriteUnavailable      the source has no live connection (or lost it first)
     └── WriteRefused          a value the device cannot hold (type, range, scale)

A source receives ``WriteOp`` s whose values already passed the point's limits; it
encodes them for its protocol, refuses the whole batch (``WriteRefused``) when one does
not fit, else writes and answers one ``OpResult`` per operation, in order.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from gateway.config.writes import VerifyConfig


class WriteError(Exception):
    """A write that did not reach any device."""


class WriteUnavailable(WriteError):
    """The source has no live connection: nothing was sent."""


class WriteRefused(WriteError):
    """Values the device cannot hold; nothing was sent. ``problems``: name -> why."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{k}: {v}" for k, v in problems.items()))


@dataclass(frozen=True, slots=True)
class WriteOp:
    """One value (or one method call) for a source to send."""

    name: str
    target: Any  # the source's own description of the point or method
    value: float | tuple[Any, ...]  # engineering value, or a method's arguments
    verify: VerifyConfig | None = None
    request_id: str = ""


@dataclass(slots=True)
class OpResult:
    """What became of one operation: sent or not, and the value read back."""

    name: str
    ok: bool
    detail: str = ""
    readback: float | None = None
    verified: bool | None = None  # None: not checked by the source
    outputs: list[Any] | None = None  # a method's output arguments


def values_match(expected: float, got: float | None, tolerance: float = 0.0) -> bool:
    """Whether a value read back is the one written (within tolerance and float32 rounding)."""
    if got is None or not math.isfinite(got):
        return False
    slack = max(tolerance, 1e-6 * max(abs(expected), 1.0))
    return abs(got - expected) <= slack
