"""Config models of the checks after the model: explanations, drift, the shadow model."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from gateway.config.base import StrictModel


class ExplainConfig(StrictModel):
    """Per-feature contributions of predictions (the package's compiled TreeSHAP/Saabas)."""

    enabled: bool = True
    mode: Literal["saabas", "treeshap"] = Field(
        "saabas",
        description="saabas: the path's changes of node means, about a prediction's cost; "
        "treeshap: exact Shapley values, several times that (docs/model.md)",
    )
    readings: Literal["faults", "all"] = Field(
        "faults",
        description="which readings get an explanation in the pipeline: those predicted as "
        "a fault (alerts, upstream), or every reading; any reading on request (API)",
    )
    alert_mode: Literal["saabas", "treeshap"] = Field(
        "treeshap",
        description="the mode of the explanation in alert messages, computed again for "
        "each alert opened or repeated (a few a day: the exact one costs nothing there)",
    )


class DriftConfig(StrictModel):
    """Drift (PSI per feature and asset) and out-of-range checks against the package's
    training reference."""

    enabled: bool = True
    baseline: Literal["asset", "training"] = Field(
        "asset",
        description="asset: each asset's own first full window under this model; training: "
        "the training rows the model called normal (for a model trained on this asset's data)",
    )
    window: float = Field(
        86_400.0, ge=60, description="seconds of readings the PSI compares (a whole day)"
    )
    blocks: int = Field(8, ge=2, le=48, description="steps of the window: PSI at each step")
    psi_drifting: float = Field(0.25, gt=0, description="a feature's PSI that makes it drifting")
    psi_ok: float = Field(0.10, gt=0, description="every feature below it: back to ok")
    min_readings: int = Field(
        500, ge=10, description="readings predicted normal a window needs for a PSI"
    )
    out_of_range_share: float = Field(
        0.05, gt=0, le=1, description="share of recent readings out of range: out_of_range"
    )
    out_of_range_readings: int = Field(100, ge=1, le=100_000, description="recent readings")
    max_counted_per_s: float = Field(
        20.0,
        ge=0,
        description="normal readings per second and asset counted into the PSI's bins at "
        "most (0: every one); the out-of-range check sees every reading",
    )
    alert_after: float = Field(
        600.0, ge=0, description="seconds a state other than ok lasts before an info alert"
    )

    @model_validator(mode="after")
    def _hysteresis(self) -> DriftConfig:
        if self.psi_ok > self.psi_drifting:
            raise ValueError("psi_ok must not exceed psi_drifting")
        return self


class ShadowConfig(StrictModel):
    """A candidate package run beside the active one, without alerting."""

    package: str | None = Field(
        None, description="candidate package folder started at start-up; null: none"
    )
    promote_after: int | None = Field(
        None, ge=1, description="promote by itself after this many readings compared; null: never"
    )
    promote_agreement: float = Field(
        0.98, gt=0, le=1, description="least agreement (same label) for automatic promotion"
    )
