"""The native runtime: load a package's compiled library with ctypes and predict batches of rows.

Nothing here imports xgboost, treelite, tl2cgen or numpy: the device has none of them.
A batch crosses into C in one call (``aastreli_predict_rows``, the package's shim), as a
flat array of doubles with NaN marking a missing value; the shim turns each row into the
``union Entry`` TL2cgen's ``predict`` expects (``missing = -1``, never a NaN compared as a
number) and zeroes each row's result before ``predict`` adds into it.

The GTIL fallback (``fallback="gtil"``) is the one exception: it imports treelite and numpy,
only when no library exists for this machine, and says so loudly.
"""

from __future__ import annotations

import ctypes
import functools
import logging
import math
import os
import shutil
import struct
import tempfile
import threading
from array import array
from collections.abc import Callable, Sequence
from itertools import chain, repeat
from pathlib import Path
from typing import Any, Literal

from gateway.model.build import build_lock
from gateway.model.contents import check_files
from gateway.model.coverage import CoverageRule, rule_of
from gateway.model.errors import ModelError
from gateway.model.package import (
    SHIM_ABI,
    SRC_DIR,
    check_features,
    host_machine,
    library_path,
    read_manifest,
    sha256_file,
    verify_library,
    verify_source,
)
from gateway.records import Prediction

log = logging.getLogger("gateway.model")

NAN = math.nan
Fallback = Literal["gtil", "refuse"]


class Model:
    """A loaded, verified model package; ``predict`` is safe to call from several threads."""

    backend = "none"

    def __init__(self, manifest: dict[str, Any], package_dir: Path) -> None:
        self.manifest = manifest
        self.package_dir = Path(package_dir)
        self.name: str = manifest["name"]
        self.features: tuple[str, ...] = tuple(manifest["features"])
        self.classes: tuple[str, ...] = tuple(manifest["classes"])
        # Rows this rule refuses are never given to predict (gateway.pipeline).
        self.coverage: CoverageRule | None = rule_of(manifest)

    def predict(self, rows: Sequence[Sequence[float | None]]) -> list[Prediction]:
        """One prediction per row, in order; None in a row is a missing value."""
        raise NotImplementedError

    def _predictions(self, probs: list[float]) -> list[Prediction]:
        """Predictions from the flat list of all rows' probabilities (row after row)."""
        classes = self.classes
        rows = list(zip(*[iter(probs)] * len(classes), strict=True))  # tuples, built in C
        best = list(map(max, rows))
        labels = [classes[p.index(b)] for p, b in zip(rows, best, strict=True)]
        return list(map(Prediction, labels, best, rows, repeat(self.name)))

    def info(self) -> dict[str, Any]:
        """What the UI and the state store show of this model."""
        manifest = self.manifest
        return {
            "name": self.name,
            "backend": self.backend,
            "package_dir": str(self.package_dir),
            "library": str(getattr(self, "library", "")) or None,
            "features": len(self.features),
            "classes": list(self.classes),
            "display_names": manifest.get("display_names"),
            "created": manifest.get("created"),
            "source_sha256": manifest["source"]["sha256"],
            "metrics": manifest.get("metrics"),
            "tools": manifest.get("tools"),
            "coverage": self.coverage.describe() if self.coverage else None,
        }

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name} ({self.backend}) from {self.package_dir}>"


class NullModel:
    """The placeholder when no model is configured: it predicts nothing (None for every row)."""

    backend = "none"
    name = "none"
    classes: tuple[str, ...] = ()
    manifest: dict[str, Any] = {}  # noqa: RUF012 -- read-only, shared by every instance
    package_dir = None
    coverage: CoverageRule | None = None  # nothing to cover: every reading is unscored

    def __init__(self, features: Sequence[str] = ()) -> None:
        self.features: tuple[str, ...] = tuple(features)

    def predict(self, rows: Sequence[Sequence[float | None]]) -> list[Prediction | None]:
        return [None] * len(rows)

    def info(self) -> dict[str, Any]:
        return {"name": self.name, "backend": self.backend, "package_dir": None, "classes": []}

    def __repr__(self) -> str:
        return "<NullModel: no model loaded, predictions are None>"


class CompiledModel(Model):
    """The package's library for this machine, called through the shim with ctypes."""

    backend = "compiled"

    def __init__(
        self,
        manifest: dict[str, Any],
        package_dir: Path,
        library: Path,
        library_sha256: str | None = None,
    ) -> None:
        super().__init__(manifest, package_dir)
        self.library = library
        self._lib = _open_library(library, library_sha256)
        self._check_shape()
        argtypes = (ctypes.c_void_p, ctypes.c_int64, ctypes.c_void_p)
        fn = self._lib.aastreli_predict_rows
        fn.argtypes, fn.restype = argtypes, ctypes.c_int32
        self._fn = fn
        # One row costs a few microseconds in C; releasing and retaking the GIL around it
        # measured ≈0.3 µs, more than other threads could gain from it. So single rows go
        # through a handle that keeps the GIL, and batches (milliseconds) release it.
        same_handle = ctypes.PyDLL(str(library), handle=self._lib._handle)
        one = same_handle.aastreli_predict_rows
        one.argtypes, one.restype = argtypes, ctypes.c_int32
        self._one = one
        self._nf = len(self.features)
        self._zeros = array("f", bytes(4 * len(self.classes)))

    def symbol(self, name: str) -> Any:
        """A function the package's library exports (ctypes, GIL released), or None."""
        return getattr(self._lib, name, None)

    def _check_shape(self) -> None:
        lib, where = self._lib, self.library
        for symbol in (
            "predict",
            "get_num_feature",
            "get_num_class",
            "get_num_target",
            "aastreli_abi_version",
            "aastreli_predict_rows",
        ):
            if not hasattr(lib, symbol):
                raise ModelError(f"{where}: not a package library (no symbol {symbol})")
        lib.aastreli_abi_version.restype = ctypes.c_int32
        if lib.aastreli_abi_version() != SHIM_ABI:
            raise ModelError(f"{where}: shim ABI {lib.aastreli_abi_version()}, expected {SHIM_ABI}")
        lib.get_num_feature.restype = ctypes.c_int32
        lib.get_num_target.restype = ctypes.c_int32
        n_feature = lib.get_num_feature()
        if n_feature != len(self.features):
            raise ModelError(
                f"{where}: feature count mismatch: the library expects {n_feature} features, "
                f"the manifest lists {len(self.features)}"
            )
        if lib.get_num_target() != 1:
            raise ModelError(f"{where}: a multi-target model; the gateway runs one classifier")
        n_class = ctypes.c_int32(0)
        lib.get_num_class(ctypes.byref(n_class))
        if n_class.value != len(self.classes):
            raise ModelError(
                f"{where}: class count mismatch: the library computes {n_class.value} class "
                f"probabilities, the manifest lists {len(self.classes)} classes"
            )

    def predict(self, rows: Sequence[Sequence[float | None]]) -> list[Prediction]:
        n = len(rows)
        if n == 1:
            return [self._predict_one(rows[0])]
        if not n:
            return []
        x = self._flat(rows)
        out = self._zeros * n
        # ctypes releases the GIL for the call, so Flask threads and the loop keep running.
        if self._fn(x.buffer_info()[0], n, out.buffer_info()[0]) != 0:
            raise ModelError(f"{self.library}: the library refused the batch")
        return self._predictions(out.tolist())

    def _flat(self, rows: Sequence[Sequence[float | None]]) -> array[float]:
        """The rows as one C array of doubles, row after row, NaN for a missing value.

        All numbers (the usual batch): packed in one call, since ``struct`` converts a
        float in a few instructions where ``array.fromlist`` parses a format per item.
        """
        nf = self._nf
        x = array("d")
        flat = list(chain.from_iterable(rows))
        if len(flat) == nf * len(rows):
            try:
                x.frombytes(_packer(len(flat))(*flat))
                return x
            except struct.error:  # None (a missing value), or not a number
                pass
        for row in rows:
            if len(row) != nf:
                raise ModelError(f"{self.name}: a row of {len(row)} values, the model takes {nf}")
            try:
                x.fromlist(row)  # type: ignore[arg-type]  # an all-float row: one C loop
            except TypeError:  # None (a missing value), or not a list
                x.extend(self._with_nan(row))
        return x

    def _predict_one(self, row: Sequence[float | None]) -> Prediction:
        # The pipeline's common case when readings trickle in: kept short, every
        # operation here costs about as much as a few trees.
        if len(row) != self._nf:
            raise ModelError(f"{self.name}: a row of {len(row)} values, the model takes {self._nf}")
        try:
            x: array[float] = array("d", row)  # type: ignore[arg-type]  # None raises
        except TypeError:  # None (a missing value); numbers only from here on
            x = self._with_nan(row)
        out = array("f", self._zeros)
        if self._one(x.buffer_info()[0], 1, out.buffer_info()[0]) != 0:
            raise ModelError(f"{self.library}: the library refused the row")
        p = tuple(out)
        best = max(p)
        return Prediction(self.classes[p.index(best)], best, p, self.name)

    def _with_nan(self, row: Sequence[float | None]) -> array[float]:
        try:
            return array("d", [NAN if v is None else v for v in row])
        except TypeError as err:
            raise ModelError(f"{self.name}: a row holds a non-number: {err}") from err


@functools.lru_cache(maxsize=64)
def _packer(n: int) -> Callable[..., bytes]:
    return struct.Struct(f"@{n}d").pack


class GtilModel(Model):
    """Treelite's interpreter over the package's model file: slow, for when no library exists."""

    backend = "gtil"

    def __init__(self, manifest: dict[str, Any], package_dir: Path) -> None:
        super().__init__(manifest, package_dir)
        try:
            import numpy as np
            import treelite
        except ImportError as err:
            raise ModelError(
                f"{package_dir}: no compiled library for {host_machine()} and treelite is not "
                "installed for the GTIL fallback; build the library with `aastreli model build`"
            ) from err
        model_path = self.package_dir / manifest["model_file"]
        if not model_path.is_file():
            raise ModelError(f"{package_dir}: model file {model_path.name} is missing")
        if sha256_file(model_path) != manifest["model_sha256"]:
            raise ModelError(f"{model_path}: model file checksum mismatch with the manifest")
        try:
            self._model = treelite.frontend.load_xgboost_model(str(model_path))
        except treelite.TreeliteError as err:
            raise ModelError(f"{model_path}: treelite cannot read it: {err}") from err
        if self._model.num_feature != len(self.features):
            raise ModelError(
                f"{model_path}: feature count mismatch: the model has "
                f"{self._model.num_feature} features, the manifest lists {len(self.features)}"
            )
        self._np = np
        self._gtil = treelite.gtil
        self._lock = threading.Lock()  # GTIL's thread pool is not meant for concurrent calls

    def predict(self, rows: Sequence[Sequence[float | None]]) -> list[Prediction]:
        n = len(rows)
        if not n:
            return []
        nf = len(self.features)
        if any(len(r) != nf for r in rows):
            raise ModelError(f"{self.name}: a row with other than {nf} values")
        np = self._np
        x = np.array([[NAN if v is None else v for v in r] for r in rows], dtype=np.float32)
        with self._lock:
            probs = self._gtil.predict(self._model, x, nthread=1)
        probs = probs.reshape(n, -1)
        if probs.shape[1] != len(self.classes):
            raise ModelError(
                f"{self.name}: class count mismatch: the model computes {probs.shape[1]} class "
                f"probabilities, the manifest lists {len(self.classes)} classes"
            )
        return self._predictions(probs.ravel().tolist())


def load_model(
    package_dir: Path,
    *,
    feature_names: Sequence[str],
    fallback: Fallback = "refuse",
    require_source: bool = False,
) -> Model:
    """Load and verify a package for this machine (ModelError on any mismatch).

    Checks, in order: the manifest's fields; its feature order against ``feature_names``
    (the gateway's feature map); the package folder against the manifest's list of files
    (no link, no unlisted file, every checksum: gateway.model.contents); the C source's
    combined checksum (when the source travels with the package; ``require_source`` makes
    it mandatory, as for uploaded packages); the library against its build record; the
    feature and class counts the library reports. Without a library for this machine,
    ``fallback`` decides: ``"gtil"`` interprets the model file (loud warning), ``"refuse"``
    raises.
    """
    package_dir = Path(package_dir)
    manifest = read_manifest(package_dir)
    check_features(manifest, feature_names, str(package_dir))
    check_files(package_dir, manifest, built=True, complete=require_source)
    if (package_dir / manifest["source"].get("dir", SRC_DIR)).is_dir():
        source_sha256 = verify_source(package_dir, manifest)
    else:  # a firmware image may carry the library without its source
        source_sha256 = manifest["source"]["sha256"]
    library = library_path(package_dir)
    if not library.is_file():
        return _fallback(manifest, package_dir, library, fallback)
    with build_lock(library.parent, exclusive=False):  # not while a build replaces it
        record = verify_library(library, source_sha256)
        try:
            return CompiledModel(manifest, package_dir, library, record["library_sha256"])
        except _LoadFailed as err:
            if fallback == "gtil":
                return _fallback(manifest, package_dir, library, fallback, str(err))
            raise ModelError(str(err)) from err


def _fallback(
    manifest: dict[str, Any],
    package_dir: Path,
    library: Path,
    fallback: Fallback,
    reason: str = "",
) -> Model:
    reason = reason or f"no compiled library for {host_machine()} at {library}"
    if fallback != "gtil":
        raise ModelError(
            f"{package_dir}: {reason}; build it with `aastreli model build {package_dir}` "
            "(model.fallback is 'refuse')"
        )
    model = GtilModel(manifest, package_dir)
    log.warning(
        "MODEL FALLBACK: %s; predicting with Treelite's GTIL interpreter, many times slower. "
        "Install a C compiler and run `aastreli model build %s`.",
        reason,
        package_dir,
    )
    return model


class _LoadFailed(ModelError):
    """dlopen refused the file: another architecture, a missing libm, a truncated file."""


# dlopen returns the handle it already has for a path it loaded before, even when the file
# at that path has since been replaced (a package rebuilt or recompiled in place). So a
# path is loaded directly only the first time or when its content is the same; otherwise
# from a private copy, unlinked once mapped.
_loaded: dict[str, str] = {}
_loaded_lock = threading.Lock()


def _open_library(library: Path, expected: str | None = None) -> ctypes.CDLL:
    key = os.path.realpath(library)
    digest = sha256_file(library)
    if expected is not None and digest != expected:
        raise ModelError(f"{library}: the library changed after it was verified; not loaded")
    with _loaded_lock:
        previous = _loaded.setdefault(key, digest)
    try:
        if previous == digest:
            return ctypes.CDLL(key, mode=os.RTLD_LOCAL)
        scratch = tempfile.mkdtemp(prefix="aastreli-model-")
        try:
            copy = os.path.join(scratch, f"libmodel-{digest[:16]}.so")
            shutil.copyfile(key, copy)
            return ctypes.CDLL(copy, mode=os.RTLD_LOCAL)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    except OSError as err:
        raise _LoadFailed(f"{library}: cannot load the library: {err}") from err
