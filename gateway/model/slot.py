"""Hot swap: the active model, replaced atomically while the gateway predicts.

A new package is built if needed, loaded, verified and checked against its golden file
before anyone sees it; then one reference assignment makes it active. ``predict`` reads
that reference once per batch, so a batch is computed wholly by one model, old or new,
and a half-loaded model is never reachable. The previous model stays loaded for
``rollback()``. Libraries are never unloaded (dlclose under a running call would crash):
a swap costs the memory of one more library.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from gateway.model.contents import check_files
from gateway.model.errors import ModelError
from gateway.model.explain import verify_contributions
from gateway.model.package import read_manifest, verify_golden
from gateway.model.runtime import Fallback, Model, NullModel, load_model
from gateway.model.signing import verify_package
from gateway.records import Prediction

log = logging.getLogger("gateway.model")

AnyModel = Model | NullModel
# Called after every change with (active, previous); the lead records the active model in
# the state store from here. Runs in the thread that called activate/rollback.
OnChange = Callable[[AnyModel, AnyModel | None], None]


def is_uploaded(package_dir: Path, upload_root: Path | None) -> bool:
    """Whether a package lies under the folder uploads are unpacked into."""
    if upload_root is None:
        return False
    return Path(package_dir).resolve().is_relative_to(Path(upload_root).resolve())


class ModelSlot:
    """Holds the active model; ``activate`` verifies then swaps, ``rollback`` swaps back."""

    def __init__(
        self,
        feature_names: Sequence[str],
        *,
        fallback: Fallback = "refuse",
        build: bool = True,
        on_change: OnChange | None = None,
        trusted_keys: Sequence[Any] = (),
        upload_root: Path | None = None,
    ) -> None:
        self.feature_names = tuple(feature_names)
        # Ed25519 public keys (gateway.model.signing); when any, packages must be signed.
        self.trusted_keys = tuple(trusted_keys)
        # Where uploads are unpacked: a package there must carry all of its source, so
        # its library is always one this gateway built from the verified C.
        self.upload_root = upload_root
        self.fallback: Fallback = fallback
        self.build = build
        self.on_change = on_change
        self._active: AnyModel = NullModel(self.feature_names)
        self._previous: AnyModel | None = None
        self._swap_lock = threading.Lock()  # one activation at a time; predict never waits

    @property
    def active(self) -> AnyModel:
        return self._active

    @property
    def previous(self) -> AnyModel | None:
        return self._previous

    def predict(self, rows: Sequence[Sequence[float | None]]) -> list[Prediction | None]:
        model = self._active  # read once: the whole batch goes to this model
        return model.predict(rows)  # type: ignore[return-value]

    def prepare(self, package_dir: Path) -> Model:
        """Build (if allowed), load and verify a package against its golden file, unpublished.

        With trusted keys, the signature is checked first: nothing of an unsigned package
        is compiled or loaded. Then the folder is checked against the signed list of files
        (no link, nothing unlisted, every checksum) before a build or a load.
        """
        package_dir = Path(package_dir)
        signer = verify_package(package_dir, self.trusted_keys)
        if signer is not None:
            log.info("model package %s is signed by trusted key %s", package_dir, signer)
        require_source = is_uploaded(package_dir, self.upload_root)
        check_files(package_dir, read_manifest(package_dir), built=True, complete=require_source)
        if self.build:
            from gateway.model.build import ensure_built

            try:
                ensure_built(package_dir)
            except ModelError as err:
                if self.fallback != "gtil":
                    raise
                log.warning("cannot build %s for this machine: %s", package_dir, err)
        model = load_model(
            package_dir,
            feature_names=self.feature_names,
            fallback=self.fallback,
            require_source=require_source,
        )
        worst = verify_golden(model, package_dir)
        contribs = verify_contributions(model, package_dir)
        log.info(
            "model %s verified against its golden file (max difference %.2g, %s; contributions %s)",
            model.name,
            worst,
            model.backend,
            "none" if contribs is None else f"max difference {contribs:.2g}",
        )
        return model

    def activate(self, package_dir: Path) -> Model:
        """Verify the package, make it active and keep the current model for rollback."""
        with self._swap_lock:
            model = self.prepare(package_dir)  # raises before anything changes
            self._swap(model)
        return model

    def install(self, model: AnyModel) -> None:
        """Make an already verified model (or a NullModel) active."""
        with self._swap_lock:
            self._swap(model)

    def rollback(self) -> AnyModel:
        """Go back to the model active before the last change; the current one becomes previous."""
        with self._swap_lock:
            if self._previous is None or isinstance(self._previous, NullModel):
                # Right after start the previous "model" is the placeholder: rolling back
                # to it would switch predictions off, which nobody asks a rollback for.
                raise ModelError("no previous model to roll back to")
            self._swap(self._previous)
            return self._active

    def info(self) -> dict[str, Any]:
        previous = self._previous
        return self._active.info() | {"previous": previous.info() if previous is not None else None}

    def _swap(self, model: AnyModel) -> None:
        previous = self._active
        self._previous = previous
        self._active = model  # the one assignment readers observe
        log.info("active model: %s (was %s)", model.name, previous.name)
        if self.on_change is not None:
            self.on_change(model, previous)


class ModelService:
    """The slot for the event loop and the web UI: activation runs in a worker thread.

    Building and verifying a package takes seconds (a compile) to milliseconds (a built
    library); either way it must not stall the loop that ingests readings.
    """

    def __init__(self, slot: ModelSlot) -> None:
        self.slot = slot

    @property
    def active(self) -> AnyModel:
        return self.slot.active

    @property
    def previous(self) -> AnyModel | None:
        return self.slot.previous

    async def activate(self, package_dir: Path) -> Model:
        return await asyncio.to_thread(self.slot.activate, package_dir)

    async def rollback(self) -> AnyModel:
        return await asyncio.to_thread(self.slot.rollback)

    async def info(self) -> dict[str, Any]:
        return self.slot.info()
