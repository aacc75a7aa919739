"""The narrow, thread-safe facade through which the web UI reaches the running gateway.

The web UI runs in waitress's worker threads; the gateway's core runs on one asyncio
loop. Reads go through the typed read models of gateway.read, safe from any thread:
``assets``, ``alerts``, ``readings`` (None when the history is off) and ``state`` (users,
settings, audit, feedback, sign-in state, the model's changes), each a frozen record or
a list of them; the few writes the web UI makes are their typed commands. Actions that
must run on the loop go through ``call()``, which schedules a coroutine with
``run_coroutine_threadsafe`` and waits for its result with a timeout; the services the
loop offers (alerts, model hot swap) are typed fields of ``Services``, None when this
gateway does not run them. The store, the history and the live state under the read
models are the gateway's own: the web UI never names a table.

This module is the only one of ``gateway/`` that ``webui/`` imports
(tests/test_import_cycles.py checks it, and that no web UI module imports a storage class
or names a table): what else the web UI and its CLI need (the config models and loader,
the read models' records, the data-folder lock, the plant's feature names, the one
masking policy of gateway.masking, model package checks) is re-exported here, so the web
UI's view of the core is this one page.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import time
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from gateway import REPO_ROOT, __version__
from gateway.alerts.actions import NotClearable
from gateway.alerts.outbox import DeliveryLog
from gateway.alerts.severity import SEVERITIES
from gateway.alerts.targets import remember_targets
from gateway.config import ConfigError, GatewayConfig, load_config, parse_config
from gateway.config.web import WebConfig, proxy_networks
from gateway.errors import StartupError
from gateway.features import GROUP_TEXT, PLANT_CLASSES, PLANT_FEATURES, POINT_TEXT
from gateway.healthcheck import Verdict, judge
from gateway.masking import (
    MASK,
    URL_RE,
    MaskedValueError,
    mask_action,
    mask_deep,
    mask_url,
    mask_value,
    scrub,
    secret_values,
    unmask_config,
)
from gateway.model.activation import upload_root
from gateway.model.archive import unpack as unpack_package
from gateway.model.errors import ModelError, PackageTooLarge
from gateway.read.access import DisplayLink, LoginCounter
from gateway.read.alerts import AlertEpisode, Alerts
from gateway.read.assets import Assets, AssetStatus, AssetView
from gateway.read.audit import Audit, AuditEvent
from gateway.read.feedback import EpisodeLabel, FeedbackLabel
from gateway.read.readings import ReadingPage, Readings, ReadingView
from gateway.read.settings import FaultAction, UserSettings
from gateway.read.state import StateViews
from gateway.read.thresholds import ThresholdEntry
from gateway.read.users import NoSuchUser, User, UserExists
from gateway.read.writes import WriteRecord, WriteRecords
from gateway.state.datadir import DataDirBusy, DataDirLock, secure_data_dir
from gateway.state.store import StoreError
from gateway.writes.outcome import Actor, WriteOutcome

if TYPE_CHECKING:
    from gateway.assets import AssetStates
    from gateway.events import EventHub
    from gateway.health import HealthRegistry
    from gateway.live import LiveState
    from gateway.state.history import History
    from gateway.state.store import Store

T = TypeVar("T")

__all__ = [
    "GROUP_TEXT",
    "MASK",
    "PLANT_CLASSES",
    "PLANT_FEATURES",
    "POINT_TEXT",
    "REPO_ROOT",
    "SEVERITIES",
    "URL_RE",
    "Actor",
    "AlertEpisode",
    "AlertService",
    "AssetStatus",
    "AssetView",
    "Audit",
    "AuditEvent",
    "ConfigError",
    "DataDirBusy",
    "DataDirLock",
    "DisplayLink",
    "EpisodeLabel",
    "FaultAction",
    "FeedbackLabel",
    "GatewayConfig",
    "GatewayFacade",
    "InsightView",
    "LoginCounter",
    "MaskedValueError",
    "ModelControl",
    "ModelError",
    "NoSuchUser",
    "NotClearable",
    "PackageTooLarge",
    "ReadingPage",
    "ReadingView",
    "Readings",
    "Services",
    "ShadowService",
    "StartupError",
    "StateViews",
    "StoreError",
    "ThresholdEntry",
    "User",
    "UserExists",
    "UserSettings",
    "Verdict",
    "WebConfig",
    "WriteControl",
    "WriteOutcome",
    "WriteRecord",
    "__version__",
    "check_upload",
    "load_config",
    "mask_action",
    "mask_deep",
    "mask_url",
    "mask_value",
    "open_state",
    "parse_config",
    "proxy_networks",
    "remember_targets",
    "scrub",
    "secret_values",
    "secure_data_dir",
    "trusted_keys",
    "unmask_config",
    "unpack_package",
    "upload_root",
]


class AlertService(Protocol):
    """The alerts sink's operator actions (gateway.alerts.actions, through the sink)."""

    async def acknowledge(
        self, alert_id: int, user: str, note: str | None = None
    ) -> dict[str, Any] | None: ...

    async def clear(
        self, alert_id: int, user: str, note: str | None = None
    ) -> dict[str, Any] | None: ...

    async def test_notification(self, target: dict[str, Any]) -> dict[str, Any]: ...


class ModelControl(Protocol):
    """Model hot swap on the loop (gateway.model.slot.ModelService)."""

    async def activate(self, package_dir: Path) -> Any: ...

    async def rollback(self) -> Any: ...

    async def info(self) -> dict[str, Any]: ...


class WriteControl(Protocol):
    """Guarded writes to devices (gateway.writes.service.WriteService)."""

    points: dict[str, Any]  # name -> gateway.writes.points.WritePoint

    def describe(self, role: str | None = None) -> list[dict[str, Any]]: ...

    async def write(
        self,
        requests: Sequence[tuple[str, Any]],
        actor: Actor,
        *,
        confirm: bool = False,
        dry_run: bool = False,
    ) -> WriteOutcome: ...


class InsightView(Protocol):
    """Explanations on request and drift states (gateway.model.insight.Insight).

    Its methods are safe from the web UI's threads (they read, and call the reentrant C).
    """

    def explain_latest(self, sensor_id: str, mode: str) -> Any: ...

    def explain_values(self, values: dict[str, float | None], mode: str) -> Any: ...

    def explain_scored(self, scored: Any, mode: str) -> Any: ...

    def drift(self, sensor_id: str | None = None) -> Any: ...


class ShadowService(Protocol):
    """The shadow model on the loop (gateway.model.shadow.ShadowControl)."""

    def info(self) -> dict[str, Any] | None: ...

    async def start(
        self,
        package_dir: Path,
        *,
        user: str | None = None,
        promote_after: int | None = None,
        promote_agreement: float | None = None,
    ) -> dict[str, Any]: ...

    async def stop(self, *, user: str | None = None) -> bool: ...

    async def promote(self, *, user: str | None = None) -> dict[str, Any]: ...


@dataclass
class Services:
    """What the running gateway offers the web UI beyond snapshots; None: not running."""

    alerts: AlertService | None = None
    model: ModelControl | None = None
    writes: WriteControl | None = None

    insight: InsightView | None = None
    shadow: ShadowService | None = None
    # A standalone web UI (no gateway) holds the data folder's lock for its lifetime.
    datadir_lock: DataDirLock | None = None


def trusted_keys(config: GatewayConfig) -> list[Any]:
    """The Ed25519 keys of ``model.trusted_keys`` (empty: packages need no signature)."""
    from gateway.model.signing import load_trusted_keys

    return load_trusted_keys(config.model.trusted_keys, base=REPO_ROOT)


def check_upload(package: Path, keys: list[Any]) -> tuple[dict[str, Any], str | None]:
    """An uploaded package's manifest and signer, once its features, signature and every
    file check out (all listed, none other, no link, no library); ModelError otherwise."""
    from gateway.model.contents import check_files
    from gateway.model.package import check_features, read_manifest, verify_source
    from gateway.model.signing import verify_package

    manifest = read_manifest(package)
    check_features(manifest, PLANT_FEATURES, package.name)
    signer = verify_package(package, keys)
    check_files(package, manifest, built=False, complete=True)
    verify_source(package, manifest)
    return manifest, signer


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
        assets: AssetStates | None = None,
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
        self.services = Services()
        # The read models (gateway.read): what the web UI reads of the gateway's state.
        self.state = StateViews.of(store)
        self.assets = Assets(live, assets, history)
        self.readings = Readings(history) if history is not None else None
        self.alerts = Alerts(
            store,
            DeliveryLog(config.data_path),
            asset_states=lambda: {s: a.state for s, a in self.assets.statuses().items()},
            severity=config.alerts.severity,
        )
        # The write records (gateway.read.writes), when this gateway has writable points.
        self.write_records: WriteRecords | None = None

    @property
    def asset_states(self) -> AssetStates | None:
        return self.assets.states

    @asset_states.setter
    def asset_states(self, states: AssetStates | None) -> None:
        self.assets.states = states

    @property
    def gateway_id(self) -> str:
        return str(self.secrets.get("gateway_id", ""))

    def call(self, coro: Coroutine[Any, Any, T], timeout: float = 30.0) -> T:
        """Run a coroutine on the gateway's loop from a web thread and return its result."""
        if self.loop is None:
            return asyncio.run(coro)
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def sources(self) -> list[dict[str, Any]]:
        return [h for h in self.health.snapshot() if h["kind"] == "source"]

    def components(self) -> list[dict[str, Any]]:
        return self.health.snapshot()

    def health_status(self) -> Verdict:
        """ok, degraded or unhealthy, with the reasons (gateway.healthcheck)."""
        store_error = None
        if self.store.last_write_error and self.store.write_errors:
            store_error = str(self.store.last_write_error)
        states = self.asset_states.snapshot().values() if self.asset_states is not None else ()
        return judge(self.health.snapshot(), states, store_error=store_error)

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

    def close(self) -> None:
        """Close what the read models opened themselves (the store and history are the
        gateway's to close)."""
        self.alerts.close()

    def device(self) -> dict[str, Any] | None:
        """What balena's supervisor knows of this device (its name, balenaOS, release,
        addresses, a pending update); None off balena or when the supervisor does not
        answer (gateway.balena)."""
        from gateway.balena import device_facts

        return device_facts()


def open_state(data_dir: Path) -> StateViews:
    """The read models over a data folder's state store, with no gateway running (the
    ``aastreli user`` commands; the caller holds the folder's lock). Close it after."""
    from gateway.state.store import Store

    return StateViews.of(Store(data_dir))


def standalone_facade(test_config: dict[str, Any]) -> GatewayFacade:
    """A facade over a data folder with no gateway running (the web UI alone, in
    development or tests): it holds the folder's lock, like a gateway."""
    from gateway.events import EventHub
    from gateway.health import HealthRegistry
    from gateway.live import LiveState
    from gateway.state.datadir import load_secrets
    from gateway.state.history import History
    from gateway.state.store import Store

    if "DATA_DIR" in test_config:
        cfg = parse_config({"gateway": {"data_dir": str(test_config["DATA_DIR"])}})
    else:
        cfg = load_config(test_config.get("CONFIG_FILE"))
    data = Path(cfg.data_path)
    lock = DataDirLock(data)
    lock.acquire()  # held for the life of the process, like a gateway's
    facade = GatewayFacade(
        config=cfg,
        store=Store(data),
        history=History(data) if cfg.history.enabled else None,
        live=LiveState(),
        health=HealthRegistry(),
        events=EventHub(),
        secrets=load_secrets(data),
    )
    facade.services.datadir_lock = lock
    return facade
