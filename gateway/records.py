"""Frozen records that flow through the pipeline: Reading in, Prediction and Scored out."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from enum import StrEnum
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


class Quality(StrEnum):
    """OPC UA style quality of one point's value."""

    GOOD = "good"
    BAD = "bad"  # the device answered with an error, or the value could not be decoded
    STALE = "stale"  # no fresh value arrived in time (dead link, silent subscription)


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
class Scored:
    """A reading with its prediction, or None and the reason in ``unscored``.

    A reading without a prediction is never "normal": it carries no label at all, and
    the alert rules skip it.
    """

    reading: Reading
    prediction: Prediction | None
    unscored: str | None = None
