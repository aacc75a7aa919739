"""Prometheus text exposition of every component's counters, model latency, queue depths
and each asset's state."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from gateway.assets import STATES
from gateway.health import HealthRegistry
from gateway.pipeline import LATENCY_BUCKETS, Pipeline
from gateway.records import INSUFFICIENT_DATA, MODEL_ERROR, NO_MODEL

if TYPE_CHECKING:
    from gateway.assets import AssetStates

_COUNTERS = (
    ("received", "items the component received (a source: readings)"),
    ("points", "values in the readings a source received, good or bad (0 for others)"),
    ("sent", "items the component passed on or wrote"),
    ("dropped", "items the component dropped (full queue, full disk, overflow)"),
    ("malformed", "inputs rejected as malformed"),
    ("errors", "errors the component met"),
    ("reconnects", "restarts by the supervisor"),
)


def _esc(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def label(value: str) -> str:
    """A label value as the exposition format writes it (quotes, backslashes, newlines)."""
    return _esc(value)


def family(name: str, kind: str, text: str, samples: Iterable[str]) -> list[str]:
    """One metric family: its HELP and TYPE lines, then its samples."""
    return [f"# HELP {name} {text}", f"# TYPE {name} {kind}", *samples]


def render(
    health: HealthRegistry,
    pipeline: Pipeline | None,
    depths: Iterable[tuple[str, int]],
    assets: AssetStates | None = None,
    extra: Sequence[str] = (),
) -> str:
    """The exposition text; ``extra`` lines (drift, shadow: gateway.model.insight) go last."""
    comps = health.snapshot()
    out: list[str] = []
    for field, text in _COUNTERS:
        out.append(f"# HELP aastreli_component_{field}_total {text}")
        out.append(f"# TYPE aastreli_component_{field}_total counter")
        for c in comps:
            labels = (
                f'component="{_esc(c["name"])}",kind="{c["kind"]}",protocol="{_esc(c["protocol"])}"'
            )
            out.append(f"aastreli_component_{field}_total{{{labels}}} {c[field]}")
    out.append("# HELP aastreli_component_up 1 when the component's link is up")
    out.append("# TYPE aastreli_component_up gauge")
    for c in comps:
        out.append(
            f'aastreli_component_up{{component="{_esc(c["name"])}",kind="{c["kind"]}"}} '
            f"{1 if c['state'] == 'up' else 0}"
        )
    out.append("# HELP aastreli_queue_depth items waiting in a queue")
    out.append("# TYPE aastreli_queue_depth gauge")
    for name, depth in depths:
        out.append(f'aastreli_queue_depth{{queue="{_esc(name)}"}} {depth}')
    if pipeline is not None:
        st = pipeline.model_stats
        out.append("# HELP aastreli_model_batch_seconds time of one batched model call")
        out.append("# TYPE aastreli_model_batch_seconds histogram")
        cum = 0
        for bound, n in zip(LATENCY_BUCKETS, st.buckets, strict=False):
            cum += n
            out.append(f'aastreli_model_batch_seconds_bucket{{le="{bound:g}"}} {cum}')
        cum += st.buckets[-1]
        out.append(f'aastreli_model_batch_seconds_bucket{{le="+Inf"}} {cum}')
        out.append(f"aastreli_model_batch_seconds_sum {st.seconds:.9f}")
        out.append(f"aastreli_model_batch_seconds_count {st.calls}")
        out.append("# HELP aastreli_model_rows_total rows predicted")
        out.append("# TYPE aastreli_model_rows_total counter")
        out.append(f"aastreli_model_rows_total {st.rows}")
        out += _unscored(pipeline)
        out += _holds(pipeline)
    if assets is not None:
        out += _assets(assets)
    out += extra
    return "\n".join(out) + "\n"


def _holds(pipeline: Pipeline) -> list[str]:
    """Backpressure (gateway.pressure): how often and how long the MQTT sources waited."""
    extra = pipeline.health.extra
    if "holds" not in extra:
        return []
    return [
        "# HELP aastreli_sources_held_total times a deep queue held the MQTT sources back",
        "# TYPE aastreli_sources_held_total counter",
        f"aastreli_sources_held_total {extra['holds']}",
        "# HELP aastreli_sources_held_seconds_total seconds the MQTT sources were held back",
        "# TYPE aastreli_sources_held_seconds_total counter",
        f"aastreli_sources_held_seconds_total {extra['held_seconds']:.3f}",
    ]


def _unscored(pipeline: Pipeline) -> list[str]:
    out = [
        "# HELP aastreli_readings_unscored_total readings stored without a prediction, by reason",
        "# TYPE aastreli_readings_unscored_total counter",
    ]
    for reason in (INSUFFICIENT_DATA, NO_MODEL, MODEL_ERROR):
        n = pipeline.unscored.get(reason, 0)
        out.append(f'aastreli_readings_unscored_total{{reason="{reason}"}} {n}')
    return out


def _assets(assets: AssetStates) -> list[str]:
    """One gauge per asset and state (1 for the asset's state, 0 for the others)."""
    snap = sorted(assets.snapshot().values(), key=lambda a: a["sensor_id"])
    out = [
        "# HELP aastreli_asset_state 1 for the asset's state: live, stale, offline or no_data",
        "# TYPE aastreli_asset_state gauge",
    ]
    for a in snap:
        labels = f'sensor_id="{_esc(a["sensor_id"])}",source="{_esc(a["source"])}"'
        for state in STATES:
            out.append(
                f'aastreli_asset_state{{{labels},state="{state}"}} {int(a["state"] == state)}'
            )
    out.append("# HELP aastreli_asset_state_since_seconds when the asset entered its state (epoch)")
    out.append("# TYPE aastreli_asset_state_since_seconds gauge")
    for a in snap:
        out.append(
            f'aastreli_asset_state_since_seconds{{sensor_id="{_esc(a["sensor_id"])}"}} '
            f"{a['since']:.3f}"
        )
    out.append("# HELP aastreli_asset_reading_age_seconds seconds since the last fresh reading")
    out.append("# TYPE aastreli_asset_reading_age_seconds gauge")
    for a in snap:
        if a["age_seconds"] is not None:
            out.append(
                f'aastreli_asset_reading_age_seconds{{sensor_id="{_esc(a["sensor_id"])}"}} '
                f"{a['age_seconds']}"
            )
    return out
