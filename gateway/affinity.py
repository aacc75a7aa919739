"""CPU affinity: the gateway's threads on the CPUs its config names (``gateway.cpus``).

Python runs one thread at a time (the GIL); the gateway's event loop, its history
writer and its outbox writer take turns. Spread over cores they hand the GIL from core
to core and share those cores with the brokers beside them; kept on one core they do
not (docs/architecture.md, "What limits it", has the figures). Linux only, as the
gateway is.
"""

from __future__ import annotations

import os
from pathlib import Path

from gateway.errors import StartupError


def _text(cpus: set[int]) -> str:
    return ", ".join(str(c) for c in sorted(cpus))


def pin(cpus: list[int]) -> set[int]:
    """Every thread of this process, and those it starts later, onto ``cpus``.

    Raises StartupError naming the CPUs the gateway may use when one is not among them
    (a config written for a bigger machine, or a container limited by ``cpuset``)."""
    wanted = set(cpus)
    allowed = os.sched_getaffinity(0)
    missing = wanted - allowed
    if missing:
        raise StartupError(
            f"gateway.cpus: CPU {_text(missing)} is not available to the gateway "
            f"(it may use CPU {_text(allowed)})"
        )
    pin_threads("self", wanted)
    return wanted


def pin_threads(pid: int | str, cpus: set[int]) -> None:
    """Every thread of process ``pid`` (``"self"``: this one) onto ``cpus``; the threads
    it starts later inherit them."""
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            os.sched_setaffinity(int(task.name), cpus)
        except ProcessLookupError:  # a thread that ended meanwhile
            continue
