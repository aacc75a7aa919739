"""The gateway process: wires sources, pipeline, model, sinks and the web UI on one loop.

Start order: data-folder lock, secrets, state store, history, model, pipeline, sinks,
sources, web UI. Each source and sink runs under its supervisor in a named task of
one TaskGroup. SIGTERM or SIGINT starts a graceful stop: sources stop, the pipeline
drains, sinks flush, all within ``pipeline.shutdown_deadline``; a second signal forces
an immediate exit.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import importlib
import logging
import os
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gateway import REPO_ROOT, control, metrics, systemd
from gateway.config import GatewayConfig
from gateway.errors import StartupError
from gateway.events import EventHub
from gateway.facade import GatewayFacade
from gateway.features import PLANT_FEATURES, FeatureMap
from gateway.health import HealthRegistry
from gateway.ingest import AssetGate
from gateway.live import LiveState
from gateway.pipeline import Pipeline
from gateway.sinks.base import QueuedSink
from gateway.sources.base import Source, build_source
from gateway.state.datadir import DataDirLock, load_secrets, secure_data_dir
from gateway.state.history import History, HistorySink
from gateway.state.store import Store
from gateway.supervisor import Backoff, supervise

log = logging.getLogger("gateway.runtime")

# Modules that may add sinks; each has ``build_sink(ctx) -> QueuedSink | None``.
SINK_MODULES = ("gateway.alerts.sink", "gateway.upstream.sink", "gateway.upstream.sparkplug.sink")


# Seconds the history gathers readings between commits when it is where MQTT
# acknowledgements wait (the broker's in-flight window waits on it).
ACK_COMMIT_INTERVAL = 0.02

# Seconds after the gateway is ready before the start-up's freed C heap is returned: the
# sources connect (and free their handshake buffers) just after ``ready``.
TRIM_DELAY = 5.0


def release_startup_memory() -> None:
    """Return the C heap's free pages to the system (glibc's ``malloc_trim``; elsewhere
    nothing): start-up (config validation, schema building, handshakes) frees about half
    a MB that glibc would otherwise keep mapped."""
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return
    trim.argtypes = [ctypes.c_size_t]
    trim(0)


@dataclass
class SinkContext:
    config: GatewayConfig
    store: Store
    history: History | None
    health: HealthRegistry
    events: EventHub
    data_dir: Path
    secrets: dict[str, Any]
    facade: GatewayFacade
    gateway_id: str


class Gateway:
    def __init__(self, config: GatewayConfig) -> None:
        self.config = config
        self.data_dir = config.data_path
        self.health = HealthRegistry()
        self.events = EventHub()
        self.live = LiveState()
        self.stop_event: asyncio.Event | None = None
        self.ready = threading.Event()
        self.pipeline: Pipeline | None = None
        self.sinks: list[QueuedSink[Any]] = []
        self.sources: list[Source] = []
        self.facade: GatewayFacade | None = None
        self.model: Any = None
        self.model_service: Any = None
        self.web_url: str | None = None
        self._signals = 0
        self._web_server: Any = None
        self._web_thread: threading.Thread | None = None

    # -- building --------------------------------------------------------------------

    def _load_model(self, store: Store) -> Any:
        """The model slot, holding the package recorded as active, else the configured one."""
        from gateway.model.runtime import ModelError, load_model
        from gateway.model.slot import ModelSlot

        def record(model: Any, previous: Any) -> None:
            path = getattr(model, "package_dir", None)
            store.put_meta("active_model", str(path) if path is not None else None)
            store.insert(
                "model_history",
                {
                    "ts": time.time(),
                    "name": model.name,
                    "package_dir": str(path) if path else None,
                    "previous": previous.name,
                },
            )
            store.audit("model.activated", name=model.name, previous=previous.name)

        from gateway.model.signing import load_trusted_keys, verify_package

        try:
            keys = load_trusted_keys(self.config.model.trusted_keys, base=REPO_ROOT)
        except ModelError as err:
            raise StartupError(f"model.trusted_keys: {err}") from err
        slot = ModelSlot(PLANT_FEATURES, fallback=self.config.model.fallback, trusted_keys=keys)
        package = self.config.model.package
        active = store.get_meta("active_model")
        if active and Path(active).exists():
            package = active
        if package is None:
            log.warning("no model package configured: readings are recorded without predictions")
            slot.on_change = record
            return slot
        try:
            verify_package(Path(package), keys)  # a package is code: only trusted signers'
            slot.install(
                load_model(
                    Path(package), feature_names=PLANT_FEATURES, fallback=self.config.model.fallback
                )
            )
        except ModelError as err:
            raise StartupError(f"model package {package}: {err}") from err
        slot.on_change = record  # later changes are recorded; the start is not a change
        return slot

    def _build_sinks(self, ctx: SinkContext, history: History | None) -> None:
        cfg = self.config
        if history is not None:
            interval = cfg.history.commit_interval
            if history.fsync:
                # The history is where MQTT acknowledgements wait: commit often.
                interval = min(interval, ACK_COMMIT_INTERVAL)
            self.sinks.append(
                HistorySink(
                    history,
                    self.health.register("history", "sink", "sqlite"),
                    max_queue=cfg.pipeline.sink_queue_size,
                    commit_interval=interval,
                )
            )
        for module in SINK_MODULES:
            sink = importlib.import_module(module).build_sink(ctx)
            if sink is not None:
                self.sinks.append(sink)

    def _choose_commit_point(self) -> None:
        """The first durable copy of a reading, after which MQTT acknowledges it: the
        upstream outbox, else the history; with neither, acknowledgements go on receipt."""
        assert self.pipeline is not None
        by_name = {s.name: s for s in self.sinks}
        sink = by_name.get("upstream") or by_name.get("history")
        if sink is not None:
            self.pipeline.commit_with(sink)
            where = "the upstream outbox" if sink.name == "upstream" else "the history"
        else:
            where = None
        acked = [s.name for s in self.config.sources if s.kind == "mqtt" and s.qos > 0]
        if not acked:
            return
        if where is None:
            log.warning(
                "MQTT sources %s: neither upstream nor history is enabled, so messages are "
                "acknowledged on receipt: a crash loses those not yet processed",
                ", ".join(acked),
                extra={"event": "ack_on_receipt"},
            )
        else:
            log.info("MQTT messages are acknowledged once stored in %s", where)

    def _start_web(self, facade: GatewayFacade) -> None:
        cfg = self.config.web
        if not cfg.enabled:
            return
        from waitress import create_server

        from webui.app import create_app, server_options

        app = create_app(facade=facade)
        options: dict[str, Any] = {"clear_untrusted_proxy_headers": True, **server_options(cfg)}
        try:
            server = create_server(
                app, host=cfg.host, port=cfg.port, threads=cfg.threads, ident="aastreli", **options
            )
        except OSError as err:
            raise StartupError(
                f"web UI cannot listen on {cfg.host}:{cfg.port}: {err.strerror}"
            ) from err
        from webui.bodylimit import install as limit_bodies

        limit_bodies(server, app, cfg)  # 413 on Content-Length before a body is read
        self._web_server = server
        self._web_thread = threading.Thread(target=server.run, name="web", daemon=True)
        self._web_thread.start()
        host = "127.0.0.1" if cfg.host in ("0.0.0.0", "::") else cfg.host
        self.web_url = f"http://{host}:{server.effective_port}/"

    # -- running ---------------------------------------------------------------------

    def _on_signal(self, signum: int) -> None:
        self._signals += 1
        if self._signals > 1:
            log.error("second signal: exiting now without flushing")
            os._exit(128 + signum)
        log.info("signal %s: stopping (send again to force)", signal.Signals(signum).name)
        systemd.notify("STOPPING=1")
        if self.stop_event is not None:
            self.stop_event.set()

    def request_stop(self) -> None:
        if self.stop_event is not None:
            self.stop_event.set()

    async def run(self, *, install_signals: bool = True) -> None:
        loop = asyncio.get_running_loop()
        self.stop_event = asyncio.Event()
        self.events.bind(loop)
        cfg = self.config
        secure_data_dir(self.data_dir)  # 0700 / 0600 whatever the umask: warn and fix
        lock = DataDirLock(self.data_dir)
        lock.acquire()
        store: Store | None = None
        history: History | None = None
        try:
            secrets = load_secrets(self.data_dir)
            store = Store(self.data_dir, write_guard=_update_lock)
            if cfg.history.enabled:
                history = History(
                    self.data_dir,
                    retention_days=cfg.history.retention_days,
                    max_mb=cfg.history.max_mb,
                    # Without the outbox the history is the first durable copy: each
                    # commit is synced, as the outbox's are.
                    fsync=not cfg.upstream.enabled and _acks_after_store(cfg),
                )
            self.model = self._load_model(store)
            gateway_id = cfg.gateway.id if cfg.gateway.id != "auto" else secrets["gateway_id"]
            facade = self.facade = GatewayFacade(
                config=cfg,
                store=store,
                history=history,
                live=self.live,
                health=self.health,
                events=self.events,
                secrets={**secrets, "gateway_id": gateway_id},
                loop=loop,
                metrics=self._render_metrics,
            )
            from gateway.model.slot import ModelService

            facade.services.model = self.model_service = ModelService(self.model)
            facade.model_info = self._model_info
            ctx = SinkContext(
                cfg,
                store,
                history,
                self.health,
                self.events,
                self.data_dir,
                secrets,
                facade,
                gateway_id,
            )
            self._build_sinks(ctx, history)
            facade.services.alerts = next((s for s in self.sinks if s.name == "alerts"), None)  # type: ignore[assignment]
            pipeline_health = self.health.register("pipeline", "stage")
            self.pipeline = Pipeline(
                FeatureMap(PLANT_FEATURES, max_age=cfg.pipeline.feature_max_age),
                self.model,
                self.sinks,
                pipeline_health,
                live=self.live,
                queue_size=cfg.pipeline.queue_size,
                max_batch=cfg.pipeline.max_batch,
                gate=AssetGate(
                    pipeline_health,
                    max_assets=cfg.pipeline.max_assets,
                    max_length=cfg.pipeline.sensor_id_max_length,
                ),
            )
            self._choose_commit_point()
            for scfg in cfg.sources:
                h = self.health.register(scfg.name, "source", scfg.kind)
                self.sources.append(
                    build_source(
                        scfg, self.pipeline.submit, h, self.data_dir, self.pipeline.commits
                    )
                )
            self._start_web(facade)
            if install_signals:
                for sig in (signal.SIGTERM, signal.SIGINT):
                    loop.add_signal_handler(sig, self._on_signal, sig)
            await self._serve(store)
        finally:
            if self._web_server is not None:
                self._web_server.close()
            if history is not None:
                history.close()
            if store is not None:
                store.close()
            lock.release()
            systemd.notify("STOPPING=1")

    async def _serve(self, store: Store) -> None:
        assert self.pipeline is not None and self.stop_event is not None
        cfg = self.config
        if store.count("users") == 0 and self.facade is not None:
            code = self.facade.secrets["setup_code"]
            where = self.web_url + "setup" if self.web_url else "the web UI's /setup page"
            log.warning(
                "first start: no accounts yet; create the admin at %s with setup code %s",
                where,
                code,
                extra={"event": "setup_code"},
            )
        async with asyncio.TaskGroup() as tg:
            core = [
                tg.create_task(supervise(self.pipeline.run, self.pipeline.health), name="pipeline")
            ]
            for sink in self.sinks:
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
            watchdog = tg.create_task(self._watchdog(), name="watchdog")
            core.append(
                tg.create_task(
                    control.serve(self.data_dir, self._control_handlers()), name="control"
                )
            )
            self.ready.set()
            systemd.notify("READY=1")
            asyncio.get_running_loop().call_later(TRIM_DELAY, release_startup_memory)
            log.info(
                "gateway running",
                extra={"event": "started", "sources": len(self.sources), "web": self.web_url},
            )
            await self.stop_event.wait()
            t0 = time.monotonic()
            deadline = cfg.pipeline.shutdown_deadline
            for t in source_tasks:
                t.cancel()
            await asyncio.gather(*source_tasks, return_exceptions=True)
            drained = await self.pipeline.drain(deadline)
            left = max(0.1, deadline - (time.monotonic() - t0))
            flushed = all(await asyncio.gather(*(s.flush(left) for s in self.sinks)))
            if not (drained and flushed):
                log.warning(
                    "shutdown deadline reached with %d readings still queued",
                    self.pipeline.depth + sum(s.depth for s in self.sinks),
                )
            for t in [*core, watchdog]:
                t.cancel()
        counts = {
            h.name: {"received": h.received, "sent": h.sent, "dropped": h.dropped}
            for h in self.health.all()
        }
        log.info("gateway stopped", extra={"event": "stopped", "counts": counts})

    async def _watchdog(self) -> None:
        """Queue depths for health, and systemd watchdog pings only while healthy."""
        interval = systemd.watchdog_interval()
        while True:
            if self.pipeline is not None:
                self.pipeline.health.extra["depth"] = self.pipeline.depth
            for s in self.sinks:
                s.health.extra["depth"] = s.depth
            if interval is not None and self._core_alive():
                systemd.notify("WATCHDOG=1")
            await asyncio.sleep(min(interval or 1.0, 1.0))

    def _control_handlers(self) -> dict[str, Any]:
        async def activate(req: dict[str, Any]) -> dict[str, Any]:
            model = await self.model_service.activate(Path(req["path"]))
            return {"model": model.info()}

        async def rollback(req: dict[str, Any]) -> dict[str, Any]:
            model = await self.model_service.rollback()
            return {"model": model.info()}

        async def model_info(req: dict[str, Any]) -> dict[str, Any]:
            return {"model": self._model_info()}

        async def status(req: dict[str, Any]) -> dict[str, Any]:
            return {"components": self.health.snapshot(), "pid": os.getpid()}

        return {
            "model.activate": activate,
            "model.rollback": rollback,
            "model.info": model_info,
            "status": status,
        }

    def _core_alive(self) -> bool:
        """The parts a restart would fix: the loop runs (we are here), pipeline and sinks run,
        the web server's thread lives. A dead broker or device is not one of them."""
        parts = [self.pipeline.health] if self.pipeline else []
        parts += [s.health for s in self.sinks]
        if any(h.state == "stopped" for h in parts):
            return False
        web = self._web_thread
        return web is None or web.is_alive()

    def _model_info(self) -> dict[str, Any]:
        info = getattr(self.model, "info", None)
        return info() if callable(info) else {"name": getattr(self.model, "name", None)}

    def _render_metrics(self) -> str:
        depths = [("pipeline", self.pipeline.depth if self.pipeline else 0)]
        depths += [(s.name, s.depth) for s in self.sinks]
        return metrics.render(self.health, self.pipeline, depths)


def _acks_after_store(cfg: GatewayConfig) -> bool:
    return any(s.kind == "mqtt" and s.qos > 0 and s.ack == "stored" for s in cfg.sources)


@contextlib.contextmanager
def _update_lock() -> Iterator[None]:
    """balena's update lock around a state write, when running on balena.

    The write itself is atomic (temp file, rename), so if the lock cannot be had in time
    (the supervisor holds it to apply an update) the write goes ahead without it rather
    than losing the change.
    """
    from gateway.balena import UpdateLockError, update_lock

    try:
        lock = update_lock()
        lock.__enter__()
    except UpdateLockError as err:
        log.warning("balena update lock not taken: %s", err)
        yield
        return
    try:
        yield
    finally:
        lock.__exit__(None, None, None)
