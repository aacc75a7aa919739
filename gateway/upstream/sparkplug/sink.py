"""The Sparkplug B upstream sink: the JSON upstream sink with Sparkplug's encoder and session.

Everything about durability is the JSON path's, reused as is: the sink appends each
batch's DDATA to the same SQLite outbox before the readings leave its queue, the
forwarder publishes in outbox order and deletes a row after its PUBACK, and a lost
link resends from the outbox. What differs is plugged in through the forwarder's and
the client's extension points (see ``session.py``): births before the backlog on each
connection, ``seq`` and the payload's timestamp set at send time, ``is_historical`` on
replayed rows, NCMD and STATE, the bdSeq kept in the data folder. Before the first
connection, ``start()`` restores the births' state (open alerts, last values) from the
stores (``restore.py``).

This module imports protobuf (through the encoder) only when the sink registry
(gateway.sinks.registry) finds ``upstream.format: sparkplug_b``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gateway.config.upstream import UpstreamConfig
from gateway.health import ComponentHealth
from gateway.records import Scored
from gateway.upstream.sink import UpstreamSink

if TYPE_CHECKING:
    from gateway.events import EventHub
    from gateway.sinks.registry import SinkContext
    from gateway.state.history import History
    from gateway.state.store import Store
    from gateway.upstream.outbox import NewMessage
    from gateway.upstream.sparkplug.session import EdgeSession

log = logging.getLogger("gateway.upstream.sparkplug")

DEVICE_CHECK_S = 1.0


class SparkplugSink(UpstreamSink):
    name = "upstream"

    def __init__(
        self,
        config: UpstreamConfig,
        *,
        gateway_id: str,
        data_dir: Path,
        health: ComponentHealth,
        link_health: ComponentHealth,
        devices_health: ComponentHealth | None = None,
        events: EventHub | None = None,
        max_queue: int = 200_000,
        store: Store | None = None,
        history: History | None = None,
    ) -> None:
        from gateway.upstream.sparkplug.bdseq import BDSEQ_FILE, BdSeq
        from gateway.upstream.sparkplug.encoder import (
            REGISTRY_FILE,
            MetricRegistry,
            SparkplugEncoder,
            Topics,
            device_id,
        )
        from gateway.upstream.sparkplug.session import EdgeSession

        sp = config.sparkplug
        assert sp is not None  # the config requires it with this format
        self.sparkplug = sp
        self.devices_health = devices_health or ComponentHealth("upstream-devices", "task")
        encoder = SparkplugEncoder(
            Topics(sp.group_id, sp.edge_node_id),
            MetricRegistry(Path(data_dir) / REGISTRY_FILE),
            max_readings=config.batch_max_readings,
        )
        self.session: EdgeSession = EdgeSession(
            encoder, sp, health=link_health, bd_seq=BdSeq(Path(data_dir) / BDSEQ_FILE)
        )
        self._stores = (store, history)
        self._restored = False
        super().__init__(
            config,
            gateway_id=gateway_id,
            data_dir=data_dir,
            health=health,
            link_health=link_health,
            events=events,
            max_queue=max_queue,
            client_factory=self.session.client_factory,
        )
        self.encoder = encoder  # type: ignore[assignment]
        self._device_id = device_id
        self._devices: asyncio.Task[None] | None = None

    async def start(self) -> None:
        if not self._restored:
            from gateway.upstream.sparkplug.restore import restore

            store, history = self._stores
            await asyncio.to_thread(restore, self.session.encoder, store, history)
            self._restored = True
        await super().start()
        # Nothing has run yet on the sender task the parent just created: the hooks are
        # in place before its first connection.
        fw = self.forwarder
        assert fw is not None
        if fw.on_connect is None:
            self.session.outbox = self.outbox
            fw.on_connect = self.session.on_connect
            fw.payload_at_send = self.session.payload_at_send
            fw.on_progress = self._progress
        if self.sparkplug.device_timeout_s > 0 and (self._devices is None or self._devices.done()):
            self._devices = self.supervised("devices", self._watch_devices, self.devices_health)

    # -- asset state (gateway.assets) ---------------------------------------------------

    def _on_event(self, kind: str, payload: dict[str, Any]) -> None:
        if kind == "asset.state":
            dev = self._device_id(payload["sensor_id"])
            self.session.device_state(dev, payload["state"] == "live")
            return
        if kind.startswith("alert.") and payload.get("kind") == "data_loss":
            return  # DDEATH and DBIRTH say it in Sparkplug's own terms
        if kind == "write.record":
            return  # Sparkplug reports a write by DDATA of the new value
        super()._on_event(kind, payload)

    def prepare(self, batch: list[Scored]) -> list[NewMessage]:
        dead = self.session.dead
        if dead:
            from gateway.upstream.sparkplug.encoder import device_id

            # A dead device's readings without a good value would need a DBIRTH first,
            # and say nothing its DDEATH did not: they stay in the history only.
            kept = [
                s for s in batch if s.reading.values or device_id(s.reading.sensor_id) not in dead
            ]
            self.health.extra["skipped_dead"] = self.health.extra.get("skipped_dead", 0) + (
                len(batch) - len(kept)
            )
            batch = kept
        return super().prepare(batch)

    def _progress(self) -> None:
        self.refresh_health()
        self.session.reap()

    async def _watch_devices(self) -> None:
        timeout = self.sparkplug.device_timeout_s
        self.devices_health.up()
        while True:
            await asyncio.sleep(min(DEVICE_CHECK_S, timeout))
            self.session.check_devices(timeout)

    def attach_commands(self, service: Any, role: str, health: ComponentHealth) -> None:
        """DCMD to writable metrics, written by the write service (sparkplug.commands)."""
        from gateway.upstream.sparkplug.commands import DeviceCommands

        self.inbound.append(DeviceCommands(self.session, service, role, health))

    async def close(self) -> None:
        task, self._devices = self._devices, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await super().close()


def build_sink(ctx: SinkContext) -> SparkplugSink:
    cfg = ctx.config.upstream
    return SparkplugSink(
        cfg,
        gateway_id=ctx.gateway_id,
        data_dir=ctx.data_dir,
        health=ctx.health.register("upstream", "sink", "sparkplug_b"),
        link_health=ctx.health.register("upstream-link", "sink", "sparkplug_b"),
        devices_health=(
            ctx.health.register("upstream-devices", "task", "timer")
            if cfg.sparkplug is not None and cfg.sparkplug.device_timeout_s > 0
            else None
        ),
        events=ctx.events,
        max_queue=ctx.config.pipeline.sink_queue_size,
        store=ctx.store,
        history=ctx.history,
    )
