"""The model slot at start-up and the record of each later change of the active model.

At start the slot holds the package recorded as active (``meta.active_model``), else
the configured one; the package is verified against the trusted keys first (a package
is code). Every later activation or rollback is recorded: the active path, a row of
``model_history`` and the audit trail.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gateway import REPO_ROOT
from gateway.errors import StartupError
from gateway.features import PLANT_FEATURES

if TYPE_CHECKING:
    from gateway.config import GatewayConfig
    from gateway.model.slot import ModelSlot
    from gateway.state.store import Store

log = logging.getLogger("gateway.runtime")

HISTORY_TABLE = "model_history"  # one row per change of the active model


def recorder(store: Store) -> Any:
    """The slot's ``on_change``: records each activation in the store."""

    def record(model: Any, previous: Any) -> None:
        path = getattr(model, "package_dir", None)
        store.put_meta("active_model", str(path) if path is not None else None)
        store.insert(
            HISTORY_TABLE,
            {
                "ts": time.time(),
                "name": model.name,
                "package_dir": str(path) if path else None,
                "previous": previous.name,
            },
        )
        store.audit("model.activated", name=model.name, previous=previous.name)

    return record


def load_slot(config: GatewayConfig, store: Store) -> ModelSlot:
    """The model slot, holding the package recorded as active, else the configured one."""
    from gateway.model.runtime import ModelError, load_model
    from gateway.model.signing import load_trusted_keys, verify_package
    from gateway.model.slot import ModelSlot, is_uploaded

    try:
        keys = load_trusted_keys(config.model.trusted_keys, base=REPO_ROOT)
    except ModelError as err:
        raise StartupError(f"model.trusted_keys: {err}") from err
    uploads = upload_root(config)
    slot = ModelSlot(
        PLANT_FEATURES, fallback=config.model.fallback, trusted_keys=keys, upload_root=uploads
    )
    package = config.model.package
    active = store.get_meta("active_model")
    if active and Path(active).exists():
        package = active
    if package is None:
        log.warning("no model package configured: readings are recorded without predictions")
        slot.on_change = recorder(store)
        return slot
    try:
        verify_package(Path(package), keys)  # a package is code: only trusted signers'
        slot.install(
            load_model(
                Path(package),
                feature_names=PLANT_FEATURES,
                fallback=config.model.fallback,
                require_source=is_uploaded(Path(package), uploads),
            )
        )
    except ModelError as err:
        raise StartupError(f"model package {package}: {err}") from err
    slot.on_change = recorder(store)  # later changes are recorded; the start is not a change
    return slot


def upload_root(config: GatewayConfig) -> Path:
    """Where the web UI unpacks uploaded packages: ``<data_dir>/models``."""
    return Path(config.data_path) / "models"


def describe(model: Any) -> dict[str, Any]:
    """The model's ``info()``, or at least its name."""
    info = getattr(model, "info", None)
    return info() if callable(info) else {"name": getattr(model, "name", None)}
