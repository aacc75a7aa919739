"""Explanations: per-feature contributions of a prediction, computed by the package's own C.

A package compiled with contributions (manifest ``explain``) exports
``aastreli_contribs_rows`` from the same library as its trees (gateway.model.contribs
writes it). ``Explainer`` calls it through ctypes for a batch of rows and the class each
row is explained for, in one of two modes:

- ``saabas``: along the row's path in each tree, each split's feature gets the change of
  the node's mean value. About the cost of predicting one class; what XGBoost calls
  ``approx_contribs``. Can credit a feature differently depending on the order of the
  splits.
- ``treeshap``: exact Shapley values of the trees (path-dependent TreeSHAP, XGBoost's
  ``pred_contribs``): consistent, every leaf visited; several times the cost.

Both add up to the class's margin (log-odds): ``bias + sum(contributions)``. The top
contributors are the features with the largest positive contribution: what pushed the
model towards its answer.

At activation ``verify_contributions`` computes the golden rows' contributions and
compares them with XGBoost's (the golden file holds them), as the probabilities are.
"""

from __future__ import annotations

import ctypes
import math
import weakref
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gateway.model.errors import ModelError
from gateway.model.package import CONTRIB_MODES, CONTRIBS_ABI, CONTRIBS_ENTRY, read_golden
from gateway.records import Contributor, Explanation, Prediction

TOP = 3
NAN = math.nan


class Explainer:
    """The contributions entry point of one loaded model (a CompiledModel)."""

    def __init__(self, model: Any) -> None:
        self.model = model
        self.name: str = model.name
        self.features: tuple[str, ...] = tuple(model.features)
        self.classes: tuple[str, ...] = tuple(model.classes)
        self._class_index = {c: i for i, c in enumerate(self.classes)}
        display = model.manifest.get("feature_display") or {}
        self._labels = tuple(str((display.get(f) or {}).get("label") or f) for f in self.features)
        self._units = tuple(str((display.get(f) or {}).get("unit") or "") for f in self.features)
        self._fn = _bind(model)

    def contributions(
        self, rows: Sequence[Sequence[float | None]], classes: Sequence[int], mode: str
    ) -> list[tuple[float, ...]]:
        """Per row, the contributions of each feature then the bias (``num_feature + 1``)."""
        n, nf = len(rows), len(self.features)
        if n != len(classes):
            raise ModelError(f"{self.name}: {len(classes)} classes for {n} rows")
        if not n:
            return []
        try:
            m = CONTRIB_MODES.index(mode)
        except ValueError:
            raise ModelError(
                f"unknown contribution mode {mode!r}; use one of {CONTRIB_MODES}"
            ) from None
        x = array("d")
        for row in rows:
            if len(row) != nf:
                raise ModelError(f"{self.name}: a row of {len(row)} values, the model takes {nf}")
            try:
                x.fromlist(row)  # type: ignore[arg-type]  # an all-float list: one C loop
            except TypeError:  # a missing value (None), or not a list
                x.extend([NAN if v is None else v for v in row])
        cls = array("i", classes)
        out = array("d", bytes(8 * n * (nf + 1)))
        status = self._fn(x.buffer_info()[0], n, cls.buffer_info()[0], m, out.buffer_info()[0])
        if status != 0:
            raise ModelError(f"{self.name}: the library refused the rows (status {status})")
        flat = out.tolist()
        step = nf + 1
        return [tuple(flat[i : i + step]) for i in range(0, len(flat), step)]

    def explain(
        self,
        rows: Sequence[Sequence[float | None]],
        predictions: Sequence[Prediction],
        mode: str,
    ) -> list[Explanation]:
        """The explanation of each prediction (its own class), from the row it was made of."""
        index = self._class_index
        try:
            classes = [index[p.label] for p in predictions]
        except KeyError as err:
            raise ModelError(f"{self.name}: no class {err} in this model") from None
        out = []
        for row, p, c in zip(
            rows, predictions, self.contributions(rows, classes, mode), strict=True
        ):
            out.append(self._explanation(row, p.label, mode, c))
        return out

    def _explanation(
        self, row: Sequence[float | None], label: str, mode: str, c: tuple[float, ...]
    ) -> Explanation:
        contributions = c[:-1]
        order = sorted(range(len(contributions)), key=contributions.__getitem__, reverse=True)
        top = tuple(
            Contributor(self.features[j], self._labels[j], row[j], self._units[j], contributions[j])
            for j in order[:TOP]
            if contributions[j] > 0
        )
        return Explanation(self.name, mode, label, c[-1], contributions, top, tuple(row))


def _bind(model: Any) -> Any:
    """The library's contributions function, its contract checked; ModelError otherwise."""
    explain = model.manifest.get("explain")
    symbol = getattr(model, "symbol", None)
    if not isinstance(explain, dict):
        raise ModelError(
            f"{model.name}: the package has no contributions (compiled before they existed); "
            "recompile it with `aastreli model compile`"
        )
    if symbol is None:
        raise ModelError(f"{model.name}: explanations need the compiled library ({model.backend})")
    entry, abi, count = (
        symbol(explain.get("entry", CONTRIBS_ENTRY)),
        symbol("aastreli_contribs_abi"),
        symbol("aastreli_contribs_num_feature"),
    )
    if entry is None or abi is None or count is None:
        raise ModelError(f"{model.name}: the library lacks the contributions the manifest lists")
    abi.restype = count.restype = ctypes.c_int32
    if abi() != CONTRIBS_ABI or explain.get("version") != CONTRIBS_ABI:
        raise ModelError(f"{model.name}: contributions ABI {abi()}, expected {CONTRIBS_ABI}")
    if count() != len(model.features):
        raise ModelError(
            f"{model.name}: contributions for {count()} features, not {len(model.features)}"
        )
    entry.argtypes = (
        ctypes.c_void_p,
        ctypes.c_int64,
        ctypes.c_void_p,
        ctypes.c_int32,
        ctypes.c_void_p,
    )
    entry.restype = ctypes.c_int32
    return entry


# One explainer per loaded model (None: that model cannot explain). Models are kept
# while the slot holds them; the entry goes with the model.
_explainers: weakref.WeakKeyDictionary[Any, Explainer | None] = weakref.WeakKeyDictionary()


def explainer(model: Any) -> Explainer | None:
    """The model's explainer, made once per model; None when the model cannot explain."""
    manifest = getattr(model, "manifest", None)
    if not isinstance(manifest, dict) or "explain" not in manifest:
        return None  # the placeholder, or a package from before contributions
    try:
        return _explainers[model]
    except KeyError:
        pass
    try:
        made: Explainer | None = Explainer(model)
    except ModelError:
        made = None
    _explainers[model] = made
    return made


def verify_contributions(model: Any, package_dir: Path) -> float | None:
    """The golden rows' contributions against XGBoost's, both modes; the worst difference.

    None when the package has no contributions (older packages) or its golden file
    holds none; ModelError when one differs beyond the tolerance.
    """
    manifest = model.manifest
    if "explain" not in manifest:
        return None
    data = read_golden(package_dir, manifest)
    golden = data.get("contributions")
    if not isinstance(golden, dict) or getattr(model, "symbol", None) is None:
        return None
    tolerance = float(manifest["explain"].get("tolerance", 1e-5))
    ex = Explainer(model)
    worst = 0.0
    for mode in CONTRIB_MODES:
        got = ex.contributions(data["rows"], golden["class"], mode)
        for i, (row, want) in enumerate(zip(got, golden[mode], strict=True)):
            for a, b in zip(row, want, strict=True):
                diff = abs(a - b)
                if not diff <= tolerance:
                    raise ModelError(
                        f"{package_dir}: golden row {i}: {mode} contributions differ from "
                        f"XGBoost's by {diff:.3g} (tolerance {tolerance:g})"
                    )
                worst = max(worst, diff)
    return worst
