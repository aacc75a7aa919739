"""The narrow, thread-safe facade through which the web UI reaches the running gateway.

The web UI runs in waitress's worker threads; the gateway's core runs on one asyncio
loop. Reads return snapshots (copies); actions that must run on the loop go through
``call()``, which schedules a coroutine with ``run_coroutine_threadsafe`` and waits for
its result with a timeout. The store and history are themselves thread-safe and are
exposed as they are.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import time
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from gateway import __version__

if TYPE_CHECKING:
    from gateway.config import GatewayConfig
    from gateway.events import EventHub
    from gateway.health import HealthRegistry
    from gateway.live import LiveState
    from gateway.state.history import History
    from gateway.state.store import Store


class GatewayFacade:
    def __init__(
        self,
        *,
        config: GatewayConfig,
        store: Store,
        history: History | None,
        live: LiveState,
        health: HealthRegistry,
        events: EventHub,
        secrets: dict[str, Any],
        loop: asyncio.AbstractEventLoop | None = None,
        metrics: Callable[[], str] | None = None,
    ) -> None:
        self.config = config
        self.store = store
        self.history = history
        self.live = live
        self.health = health
        self.events = events
        self.secrets = secrets
        self.loop = loop
        self._metrics = metrics
        self.started = time.time()
        # Set by the runtime once the parts exist: callables the UI may use.
        self.model_info: Callable[[], dict[str, Any]] = lambda: {}
        self.services: dict[str, Any] = {}

    @property
    def gateway_id(self) -> str:
        return str(self.secrets.get("gateway_id", ""))

    def call(self, coro: Coroutine[Any, Any, Any], timeout: float = 30.0) -> Any:
        """Run a coroutine on the gateway's loop from a web thread and return its result."""
        if self.loop is None:
            return asyncio.run(coro)
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def assets(self) -> dict[str, dict[str, Any]]:
        return self.live.snapshot()

    def sources(self) -> list[dict[str, Any]]:
        return [h for h in self.health.snapshot() if h["kind"] == "source"]

    def components(self) -> list[dict[str, Any]]:
        return self.health.snapshot()

    def healthy(self) -> tuple[bool, list[str]]:
        """Healthy when the pipeline runs, the state can be written and no sink is stuck."""
        problems = []
        for h in self.health.snapshot():
            if h["kind"] in ("stage",) and h["state"] != "up":
                problems.append(f"{h['name']} is {h['state']}")
            if h["extra"].get("disk_full"):
                problems.append(f"{h['name']}: disk full")
        if self.store.last_write_error and self.store.write_errors:
            problems.append(f"state: {self.store.last_write_error}")
        return not problems, problems

    def system(self) -> dict[str, Any]:
        data_dir = self.config.data_path
        try:
            disk = shutil.disk_usage(data_dir)
            disk_info = {"total": disk.total, "used": disk.used, "free": disk.free}
        except OSError:
            disk_info = {}
        return {
            "version": __version__,
            "gateway_id": self.gateway_id,
            "uptime": time.time() - self.started,
            "started": self.started,
            "pid": os.getpid(),
            "data_dir": str(data_dir),
            "disk": disk_info,
            "history_bytes": self.history.size_bytes() if self.history else 0,
            "state_schema": self.store.schema_version,
            "buffers": {
                h["name"]: h["extra"].get("depth", 0)
                for h in self.health.snapshot()
                if "depth" in h["extra"]
            },
        }

    def metrics(self) -> str:
        return self._metrics() if self._metrics else ""
