"""The gateway process: wires sources, pipeline, model, sinks and the web UI on one loop.

Start order: data-folder lock, secrets, state store, history, model, sinks, pipeline,
sources, web UI. Every long-lived task (the pipeline, each sink and the helpers a sink
starts, each source, the watchdog, the control server) runs under its supervisor in a
named task of one TaskGroup. SIGTERM or SIGINT starts a graceful stop: sources stop,
the pipeline drains, sinks flush, all within ``pipeline.shutdown_deadline``; a second
signal forces an immediate exit.

What is not wiring lives elsewhere: the model slot and its change records in
gateway.model.activation, the sink kinds in gateway.sinks.registry, the choice of the
commit point in gateway.commits, the control commands in gateway.control, balena's
update lock in gateway.balena.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import threading
import time
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, cast

from gateway import control, metrics, systemd
from gateway.affinity import pin
from gateway.assets import AssetStates
from gateway.balena import state_write_guard
from gateway.commits import choose_commit_point
from gateway.config import GatewayConfig
from gateway.events import EventHub
from gateway.facade import AlertService, GatewayFacade
from gateway.health import ComponentHealth, HealthRegistry
from gateway.live import LiveState
from gateway.logs import REDACTOR, install_redaction
from gateway.masking import secret_fields
from gateway.memory import TRIM_DELAY, freeze_startup_objects, release_startup_memory
from gateway.model.activation import describe, load_slot
from gateway.model.drift_records import DriftRecorder
from gateway.model.errors import ModelError
from gateway.model.insight import Insight
from gateway.model.insight import from_config as insight_from_config
from gateway.model.shadow import ShadowControl
from gateway.model.slot import ModelService
from gateway.pipeline import Pipeline
from gateway.pressure import Pressure
from gateway.sinks.base import QueuedSink
from gateway.sinks.registry import SinkContext, build_sinks
from gateway.sources.base import Source, build_source
from gateway.state.datadir import DataDirLock, load_secrets, secure_data_dir
from gateway.state.history import History, open_history
from gateway.state.store import Store
from gateway.state.writelog import WriteLog
from gateway.supervisor import Backoff, cancel_and_wait, supervise
from gateway.web import WebServer
from gateway.writes.points import collect
from gateway.writes.service import WriteService

log = logging.getLogger("gateway.runtime")


class Gateway:
    def __init__(self, config: GatewayConfig) -> None:
        self.config = config
        self.data_dir = config.data_path
        self.health = HealthRegistry()
        self.events = EventHub()
        self.live = LiveState()
        self.assets = AssetStates(config.assets, events=self.events)
        self.stop_event: asyncio.Event | None = None
        self.ready = threading.Event()
        self.pipeline: Pipeline | None = None
        self.pressure: Pressure | None = None  # holds the MQTT sources while a queue is deep
        self.sinks: list[QueuedSink[Any]] = []
        self.sources: list[Source] = []
        self.facade: GatewayFacade | None = None
        self.model: Any = None
        self.model_service: Any = None
        self.insight: Insight | None = None
        self.shadow: ShadowControl | None = None
        self.web = WebServer()
        self.writes: WriteService | None = None
        self.write_log: WriteLog | None = None  # the write audit, when a point is writable
        self.fault_actions: Any = None  # gateway.writes.fault_actions, with alerts and points
        self._signals = 0
        self._helpers: list[asyncio.Task[None]] = []

    def _on_signal(self, signum: int) -> None:
        self._signals += 1
        if self._signals > 1:
            log.error("second signal: exiting now without flushing")
            os._exit(128 + signum)
        log.info("signal %s: stopping (send again to force)", signal.Signals(signum).name)
        systemd.notify("STOPPING=1")
        if self.stop_event is not None:
            self.stop_event.set()

    def _load_model(self, store: Store) -> Any:
        return load_slot(self.config, store)  # tests put their own model here

    def sink(self, name: str) -> QueuedSink[Any] | None:
        return next((s for s in self.sinks if s.name == name), None)

    def request_stop(self) -> None:
        if self.stop_event is not None:
            self.stop_event.set()

    async def run(self, *, install_signals: bool = True) -> None:
        loop = asyncio.get_running_loop()
        self.stop_event = asyncio.Event()
        cfg = self.config
        if cfg.gateway.cpus:
            log.info("running on CPU %s", ", ".join(map(str, sorted(pin(cfg.gateway.cpus)))))
        secure_data_dir(self.data_dir)  # 0700 / 0600 whatever the umask: warn and fix
        lock = DataDirLock(self.data_dir)
        lock.acquire()
        store: Store | None = None
        history: History | None = None
        try:
            secrets = load_secrets(self.data_dir)
            # No credential of the config, nor the JWT key, reaches any log line.
            install_redaction()
            REDACTOR.add([*secret_fields(cfg.model_dump()), secrets.get("jwt_secret")])
            REDACTOR.add([os.environ.get("JWT_SECRET_KEY")])
            store = Store(self.data_dir, write_guard=state_write_guard)
            history = open_history(cfg)
            self.model = self._load_model(store)
            gateway_id = cfg.gateway.id if cfg.gateway.id != "auto" else secrets["gateway_id"]
            facade = self.facade = GatewayFacade(
                config=cfg,
                store=store,
                history=history,
                live=self.live,
                assets=self.assets,
                health=self.health,
                events=self.events,
                secrets={**secrets, "gateway_id": gateway_id},
                loop=loop,
                metrics=self._render_metrics,
            )
            facade.services.model = self.model_service = ModelService(self.model)
            facade.model_info = self._model_info
            self._insight(store, facade)
            ctx = SinkContext(
                cfg, store, history, self.health, self.events, self.data_dir, secrets, facade,
                gateway_id, self.assets,
            )  # fmt: skip
            self.sinks = build_sinks(ctx)
            facade.services.alerts = cast("AlertService | None", self.sink("alerts"))
            pipeline_health = self.health.register("pipeline", "stage")
            self.pipeline = Pipeline.from_config(
                cfg.pipeline,
                self.model,
                self.sinks,
                pipeline_health,
                self.live,
                self.assets,
                self.insight,
            )
            choose_commit_point(self.pipeline, self.sinks, cfg)
            self.pressure = self._pressure(self.pipeline)
            submit, commits = self.pipeline.submit, self.pipeline.commits
            for scfg in cfg.sources:
                h = self.health.register(scfg.name, "source", scfg.kind)
                source = build_source(scfg, submit, h, self.data_dir, commits)
                source.heartbeat = self.assets.heartbeat
                source.pressure = self.pressure
                default, known = source.expectations()
                self.assets.add_source(h, default=default, assets=known)
                self.sources.append(source)
            self._writes(facade)
            self._commands(gateway_id)
            self.web.start(cfg.web, facade)
            if install_signals:
                for sig in (signal.SIGTERM, signal.SIGINT):
                    loop.add_signal_handler(sig, self._on_signal, sig)
            await self._serve()
        finally:
            self.web.close()
            if self.facade is not None:
                self.facade.close()
            if self.write_log is not None:
                self.write_log.close()
            if history is not None:
                history.close()
            if store is not None:
                store.close()
            lock.release()
            systemd.notify("STOPPING=1")

    def _pressure(self, pipeline: Pipeline) -> Pressure | None:
        """Backpressure over the pipeline's queue and every sink's (gateway.pressure)."""
        high = self.config.pipeline.hold_sources_above
        if not high:
            return None
        pressure = Pressure(high, pipeline.health)
        for queue in (pipeline.queue, *(s.queue for s in self.sinks)):
            queue.pressure = pressure
            pressure.watch(queue)
        return pressure

    def _writes(self, facade: GatewayFacade) -> None:
        """The write service in front of every source, and its audit (gateway.writes)."""
        cfg = self.config
        points = collect(cfg.sources)
        if points:
            from gateway.read.writes import WriteRecords

            self.write_log = WriteLog(self.data_dir, retention_days=cfg.writes.audit_retention_days)
            facade.write_records = WriteRecords(self.write_log)
        self.writes = WriteService(
            points,
            self.sources,
            config=cfg.writes,
            live=self.live,
            assets=self.assets,
            log=self.write_log,
            events=self.events,
            health=self.health.register("writes", "service") if points else None,
        )
        facade.services.writes = self.writes
        if points and cfg.alerts.enabled:
            from gateway.writes.fault_actions import FaultActions

            self.fault_actions = FaultActions(
                facade.store,
                self.writes,
                assets=self.assets,
                live=self.live,
                events=self.events,
                settings_refresh=cfg.alerts.settings_refresh,
            )

    def _commands(self, gateway_id: str) -> None:
        """The command channel on the upstream connection, and Sparkplug DCMD (gateway.commands)."""
        cfg = self.config.commands
        upstream = self.sink("upstream")
        if not cfg.enabled or upstream is None or self.writes is None:
            return
        from gateway import REPO_ROOT
        from gateway.commands.channel import CommandChannel
        from gateway.commands.handlers import register_all
        from gateway.commands.signing import KeyProblem, Verifier
        from gateway.errors import StartupError

        try:
            verifier = Verifier(cfg.signature, base=REPO_ROOT)
        except KeyProblem as err:
            raise StartupError(f"commands.signature: {err}") from err
        channel = CommandChannel(
            cfg,
            gateway_id=gateway_id,
            verifier=verifier,
            health=self.health.register("commands", "service", "mqtt"),
        )
        register_all(channel, self.writes, cfg.role)
        upstream.inbound.append(channel)  # type: ignore[attr-defined]
        attach = getattr(upstream, "attach_commands", None)
        if attach is not None and cfg.sparkplug_dcmd:
            attach(self.writes, cfg.role, self.health.register("sparkplug-dcmd", "service"))

    def _insight(self, store: Store, facade: GatewayFacade) -> None:
        """The checks after the model (explanations, drift, shadow) and their records."""
        cfg = self.config.model
        recorder = DriftRecorder(store, self.events)
        self.insight = insight_from_config(
            cfg, self.model, publish=self.events.publish, load_baseline=recorder.load_baseline
        )
        self.shadow = ShadowControl(
            self.model,
            self.insight,
            audit=store.audit,
            promote_after=cfg.shadow.promote_after,
            promote_agreement=cfg.shadow.promote_agreement,
        )
        facade.services.insight = self.insight
        facade.services.shadow = self.shadow

    async def _start_shadow(self, package: str) -> None:
        assert self.shadow is not None
        try:
            await self.shadow.start(Path(package))
        except ModelError as err:
            log.error("shadow model %s refused: %s", package, err)

    @property
    def web_url(self) -> str | None:
        return self.web.url

    async def _serve(self) -> None:
        assert self.pipeline is not None and self.stop_event is not None
        assert self.facade is not None
        cfg = self.config
        self.web.announce_setup(self.facade)
        async with asyncio.TaskGroup() as tg:

            def spawn(name: str, coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
                task = tg.create_task(coro, name=name)
                self._helpers.append(task)
                return task

            core = [
                tg.create_task(supervise(self.pipeline.run, self.pipeline.health), name="pipeline")
            ]
            for sink in self.sinks:
                sink.spawn = spawn  # its helpers (sender, delivery, ticker) join the group
                core.append(
                    tg.create_task(supervise(sink.run, sink.health), name=f"sink:{sink.name}")
                )
            source_tasks = [
                tg.create_task(
                    supervise(s.run, s.health, Backoff(maximum=30.0)),
                    name=f"source:{s.health.name}",
                )
                for s in self.sources
            ]
            if cfg.model.shadow.package:
                spawn("shadow:start", self._start_shadow(cfg.model.shadow.package))
            core.append(self._supervised(tg, "assets", self.assets.run))
            if self.fault_actions is not None:
                core.append(self._supervised(tg, "fault-actions", self.fault_actions.run))
            core.append(self._supervised(tg, "watchdog", self._watchdog))
            core.append(self._supervised(tg, "control", self._control))
            if self.web.enabled:
                core.append(self._supervised(tg, "web", self.web.run))
            self.ready.set()
            systemd.notify("READY=1")
            asyncio.get_running_loop().call_later(TRIM_DELAY, release_startup_memory)
            freeze_startup_objects()
            log.info(
                "gateway running",
                extra={"event": "started", "sources": len(self.sources), "web": self.web_url},
            )
            await self.stop_event.wait()
            t0 = time.monotonic()
            deadline = cfg.pipeline.shutdown_deadline
            await cancel_and_wait(source_tasks)
            drained = await self.pipeline.drain(deadline)
            left = max(0.1, deadline - (time.monotonic() - t0))
            flushed = all(await asyncio.gather(*(s.flush(left) for s in self.sinks)))
            if not (drained and flushed):
                log.warning(
                    "shutdown deadline reached with %d readings still queued",
                    self.pipeline.depth + sum(s.depth for s in self.sinks),
                )
            await cancel_and_wait([*core, *self._helpers])
        counts = {
            h.name: {"received": h.received, "sent": h.sent, "dropped": h.dropped}
            for h in self.health.all()
        }
        log.info("gateway stopped", extra={"event": "stopped", "counts": counts})

    def _supervised(self, tg: asyncio.TaskGroup, name: str, run: Any) -> asyncio.Task[None]:
        health = self.health.register(name, "task")
        return tg.create_task(supervise(lambda: run(health), health), name=name)

    async def _watchdog(self, health: ComponentHealth) -> None:
        """Queue depths for health, and systemd watchdog pings only while healthy."""
        health.up()
        interval = systemd.watchdog_interval()
        while True:
            if self.pipeline is not None:
                self.pipeline.health.extra["depth"] = self.pipeline.depth
            for s in self.sinks:
                s.health.extra["depth"] = s.depth
            if self.pressure is not None:
                self.pressure.review()
            if interval is not None and self._core_alive():
                systemd.notify("WATCHDOG=1")
            await asyncio.sleep(min(interval or 1.0, 1.0))

    async def _control(self, health: ComponentHealth) -> None:
        handlers = control.gateway_handlers(self.model_service, self.health, self._model_info)
        health.up()
        await control.serve(self.data_dir, handlers)

    def _core_alive(self) -> bool:
        """The parts a restart would fix: the loop runs (we are here), pipeline, sinks and
        the web server run (or are being restarted by their supervisor). A dead broker or
        device is not one of them."""
        parts = [self.pipeline.health] if self.pipeline else []
        parts += [s.health for s in self.sinks]
        web = self.health.get("web")
        parts += [web] if web is not None else []
        return not any(h.state == "stopped" for h in parts)

    def _model_info(self) -> dict[str, Any]:
        return describe(self.model)

    def _render_metrics(self) -> str:
        depths = [("pipeline", self.pipeline.depth if self.pipeline else 0)]
        depths += [(s.name, s.depth) for s in self.sinks]
        extra = self.insight.metrics() if self.insight is not None else []
        return metrics.render(self.health, self.pipeline, depths, self.assets, extra)
