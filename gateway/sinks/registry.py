"""The sink kinds: what each needs to be built (``SinkContext``) and where its code lives.

Like the sources' ``_KINDS`` (gateway.sources.base), each sink kind is one line: when
the config turns it on, and ``"module:builder"``, imported only then, so a gateway
without Sparkplug never imports protobuf and one without alerts never opens their
delivery queue. A builder takes the ``SinkContext`` and returns a ``QueuedSink``.
The order of the lines is the order in which the pipeline offers each batch.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gateway.assets import AssetStates
    from gateway.config import GatewayConfig
    from gateway.events import EventHub
    from gateway.facade import GatewayFacade
    from gateway.health import HealthRegistry
    from gateway.sinks.base import QueuedSink
    from gateway.state.history import History
    from gateway.state.store import Store


@dataclass
class SinkContext:
    """What the runtime hands a sink's builder: the config and the shared parts."""

    config: GatewayConfig
    store: Store
    history: History | None
    health: HealthRegistry
    events: EventHub
    data_dir: Path
    secrets: dict[str, Any]
    facade: GatewayFacade
    gateway_id: str
    assets: AssetStates | None = None  # gateway.assets; None in a sink built alone


Configured = Callable[["GatewayConfig"], bool]

# kind -> (is it configured?, "module:builder")
_KINDS: dict[str, tuple[Configured, str]] = {
    "history": (lambda c: c.history.enabled, "gateway.sinks.history:build_sink"),
    "alerts": (lambda c: c.alerts.enabled, "gateway.alerts.sink:build_sink"),
    "upstream": (
        lambda c: c.upstream.enabled and c.upstream.format == "json",
        "gateway.upstream.sink:build_sink",
    ),
    "sparkplug_b": (
        lambda c: c.upstream.enabled and c.upstream.format == "sparkplug_b",
        "gateway.upstream.sparkplug.sink:build_sink",
    ),
}


def build_sinks(ctx: SinkContext) -> list[QueuedSink[Any]]:
    """The configured sinks, in registry order."""
    sinks = []
    for configured, target in _KINDS.values():
        if not configured(ctx.config):
            continue
        module, _, name = target.partition(":")
        sink = getattr(importlib.import_module(module), name)(ctx)
        if sink is not None:
            sinks.append(sink)
    return sinks
