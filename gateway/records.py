"""Frozen records that flow through the pipeline: Reading in, Prediction and Scored out.

A Scored record may carry an ``Explanation`` (the features that drove its prediction,
gateway.model.explain) and the names of values outside the model's training range
(gateway.model.drift); both are left at their defaults when those checks are off.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TypeVar, dataclass_transform

_T = TypeVar("_T")


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: type[_T]) -> type[_T]:
    """A slotted dataclass that type checkers treat as frozen.

    Three records are built per reading on the hot path, and a frozen dataclass's
    ``__init__`` costs four times a plain one's (``object.__setattr__`` per field): the
    immutability is enforced where it costs nothing, by mypy, which rejects assignments.
    """
    return dataclass(slots=True)(cls)


@record
class Reading:
    """One asset's values at one instant, as a source saw them.

    ``values`` holds only good values, keyed by feature name (``motor_data.DE_temp``).
    Points whose value is bad or stale are listed in ``bad`` so the model treats them as
    missing and the UI can show them; a Reading never carries NaN for a bad point.
    """

    sensor_id: str
    timestamp: float  # seconds since the epoch, from the payload when it has one
    values: dict[str, float]
    source: str = ""
    bad: tuple[str, ...] = ()
    received: float = field(default_factory=time.time)  # arrival at the gateway


@record
class Prediction:
    """The model's answer for one reading."""

    label: str
    confidence: float
    probabilities: tuple[float, ...]  # in the order of the model's classes
    model: str  # the package name that computed it


# Why a reading carries no prediction (``Scored.unscored``).
NO_MODEL = "no_model"  # no model package is active
INSUFFICIENT_DATA = "insufficient_data"  # below the model's coverage rule (gateway.model.coverage)
MODEL_ERROR = "model_error"  # the model refused the batch


@record
class Contributor:
    """One feature's part in a prediction: its value as the model saw it and its weight."""

    feature: str  # the feature's name, ``motor_data.DE_vib_rms``
    label: str  # how people call it, ``Motor DE vibration RMS``
    value: float | None  # None: missing for the model
    unit: str
    contribution: float  # to the predicted class's margin (log-odds)

    def to_dict(self) -> dict[str, object]:
        return {
            "feature": self.feature,
            "label": self.label,
            "value": self.value,
            "unit": self.unit,
            "contribution": round(self.contribution, 6),
        }

    def text(self) -> str:
        """``Motor DE vibration RMS 7.21 mm/s (+1.23)``."""
        value = "missing" if self.value is None else f"{self.value:.4g}"
        unit = f" {self.unit}" if self.unit and self.value is not None else ""
        return f"{self.label} {value}{unit} ({self.contribution:+.2f})"


@record
class Explanation:
    """Why the model said what it said: every feature's contribution to the predicted
    class's margin, and the top contributors (largest positive first)."""

    model: str
    mode: str  # "saabas" or "treeshap"
    label: str  # the class explained (the predicted one)
    bias: float  # the expected margin before any feature is known
    contributions: tuple[float, ...]  # in the model's feature order
    top: tuple[Contributor, ...]
    values: tuple[float | None, ...] = ()  # the row the model saw (to explain it again)

    def to_dict(self, *, full: bool = False) -> dict[str, object]:
        out: dict[str, object] = {
            "model": self.model,
            "mode": self.mode,
            "label": self.label,
            "top": [c.to_dict() for c in self.top],
        }
        if full:
            out["bias"] = round(self.bias, 6)
            out["contributions"] = [round(c, 6) for c in self.contributions]
        return out


@record
class Scored:
    """A reading with its prediction, or None and the reason in ``unscored``.

    A reading without a prediction is never "normal": it carries no label at all, and
    the alert rules skip it.

    ``explanation`` and ``out_of_range`` are set by the checks after the model
    (gateway.model.insight) when they are on.
    """

    reading: Reading
    prediction: Prediction | None
    unscored: str | None = None
    explanation: Explanation | None = None
    out_of_range: tuple[str, ...] = ()  # features outside the training range
