"""The fault model's life cycle: train, compile, package, build, load, predict, hot swap."""

from __future__ import annotations

from gateway.model.errors import ModelError
from gateway.model.runtime import Model, NullModel, load_model
from gateway.model.slot import ModelService, ModelSlot

__all__ = ["Model", "ModelError", "ModelService", "ModelSlot", "NullModel", "load_model"]
