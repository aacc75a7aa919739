"""A tiny in-process event hub: alerts announce opened/resolved/acknowledged to whoever listens.

Publishers on the event loop call ``publish``. Subscribers are plain callables run on
the loop; one that raises is logged and does not stop the others.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

log = logging.getLogger("gateway.events")

Listener = Callable[[str, dict[str, Any]], None]


class EventHub:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def publish(self, kind: str, payload: dict[str, Any]) -> None:
        for listener in list(self._listeners):
            try:
                listener(kind, payload)
            except Exception:  # one broken listener must not stop the others
                log.exception("event listener failed", extra={"event_kind": kind})
