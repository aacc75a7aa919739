"""The checks after the model, one hook of the pipeline: explanations, drift, the shadow model.

``Insight`` is called by the pipeline with each scored batch and the rows the model
saw (``Pipeline(after_model=...)``); the pipeline does not call anything when every
check is off. In the batch, in this order:

1. drift and out-of-range (gateway.model.drift) for the active model's reference:
   readings with a value outside the training range get ``Scored.out_of_range``, and
   state changes are published on the event hub (``drift.changed``,
   ``drift.persisting``, ``drift.baseline``);
2. explanations (gateway.model.explain) of the readings ``model.explain.readings``
   names, in ``model.explain.mode``, from the library that made the prediction;
3. the shadow model (gateway.model.shadow), when one runs.

It also keeps each asset's latest row and prediction, so that the API can explain
the prediction an asset page shows in either mode (``explain_latest``), and answers
for any row (``explain_values``). Those run in the web UI's threads: the C entry point
is reentrant and the dictionary reads are single operations.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from gateway.metrics import family, label
from gateway.model.drift import DriftMonitor, DriftSettings, Reference, Transition
from gateway.model.errors import ModelError
from gateway.model.explain import explainer
from gateway.model.shadow import Shadow
from gateway.records import Explanation, Prediction, Scored

if TYPE_CHECKING:
    from gateway.config import ModelConfig

log = logging.getLogger("gateway.model")

NORMAL = "normal"
Publish = Callable[[str, dict[str, Any]], None]
# (sensor id, source checksum of the model) -> the asset's drift baseline, or None.
LoadBaseline = Callable[[str, str], list[list[float]] | None]


class Insight:
    def __init__(
        self,
        slot: Any,
        *,
        explain_mode: str | None = "saabas",
        explain_all: bool = False,
        drift: DriftSettings | None = None,
        publish: Publish | None = None,
        load_baseline: LoadBaseline | None = None,
    ) -> None:
        self.slot = slot  # anything with ``active`` (gateway.model.slot.ModelSlot)
        self.explain_mode = explain_mode  # None: no explanations
        self.explain_all = explain_all
        self.drift_settings = drift
        self.publish = publish
        self.load_baseline = load_baseline
        self.shadow: Shadow | None = None
        self.explained = 0
        self.explain_errors = 0
        self.last: dict[str, tuple[list[float | None], Prediction]] = {}
        self._drift: tuple[Any, DriftMonitor | None] = (None, None)
        self._lock = threading.Lock()

    @property
    def active(self) -> bool:
        """Whether the pipeline needs to call this at all."""
        return bool(self.explain_mode or self.drift_settings or self.shadow)

    # -- the hook -----------------------------------------------------------------------

    def model(self) -> Any:
        """The active model (the slot's; a test may hand a bare model)."""
        return getattr(self.slot, "active", self.slot)

    def __call__(self, scored: list[Scored], rows: Sequence[list[float | None]]) -> list[Scored]:
        if not (self.explain_mode or self.drift_settings or self.shadow):
            return scored
        model = self.model()
        flags: dict[int, tuple[str, ...]] = {}
        monitor = self.monitor(model) if self.drift_settings is not None else None
        if monitor is not None:
            flags, changes = monitor.observe(scored, rows)
            for change in changes:
                self._announce(model, monitor, change)
        explained: dict[int, Explanation] = {}
        if self.explain_mode is not None:
            explained = self._explain(model, scored, rows)
        shadow = self.shadow
        if shadow is not None:
            shadow.observe(rows, [s.prediction for s in scored])
        for i in flags.keys() | explained.keys():
            s = scored[i]
            scored[i] = Scored(
                s.reading,
                s.prediction,
                s.unscored,
                explanation=explained.get(i),
                out_of_range=flags.get(i, ()),
            )
        return scored

    def _explain(
        self, model: Any, scored: list[Scored], rows: Sequence[list[float | None]]
    ) -> dict[int, Explanation]:
        last = self.last
        pick: list[int] = []
        for i, s in enumerate(scored):
            p = s.prediction
            if p is None:
                continue
            last[s.reading.sensor_id] = (rows[i], p)
            if self.explain_all or p.label != NORMAL:
                pick.append(i)
        if not pick:
            return {}
        ex = explainer(model)
        if ex is None:
            return {}
        pick = [i for i in pick if scored[i].prediction.model == ex.name]  # type: ignore[union-attr]
        try:
            made = ex.explain(
                [rows[i] for i in pick],
                [scored[i].prediction for i in pick],  # type: ignore[misc]
                self.explain_mode or "saabas",
            )
        except ModelError as err:
            self.explain_errors += 1
            log.warning("explanations failed for a batch: %s", err)
            return {}
        self.explained += len(made)
        return dict(zip(pick, made, strict=True))

    # -- drift ----------------------------------------------------------------------------

    def monitor(self, model: Any) -> DriftMonitor | None:
        """The drift monitor of ``model`` (a new one, empty, when the model changed)."""
        current, monitor = self._drift
        if current is model:
            return monitor
        monitor = None
        manifest = getattr(model, "manifest", None) or {}
        if self.drift_settings is not None and manifest.get("reference"):
            ref = Reference(manifest)
            if ref.usable:
                monitor = DriftMonitor(ref, self.drift_settings)
                monitor.on_new_asset = self._baseline_loader(model)
        self._drift = (model, monitor)
        return monitor

    def _baseline_loader(self, model: Any) -> Callable[[str], list[list[float]] | None] | None:
        load = self.load_baseline
        if load is None or self.drift_settings is None or self.drift_settings.baseline != "asset":
            return None
        key = str(model.manifest.get("source", {}).get("sha256", model.name))
        return lambda sid: load(sid, key)

    def _announce(self, model: Any, monitor: DriftMonitor, change: Transition) -> None:
        if change.kind == "baseline":
            a = monitor.assets[change.sensor_id]
            payload = {
                "sensor_id": change.sensor_id,
                "model": model.name,
                "model_source": model.manifest.get("source", {}).get("sha256"),
                "at": change.at,
                "shares": a.baseline,
            }
            self._publish("drift.baseline", payload)
            return
        payload = change.to_dict() | {"model": model.name}
        if change.kind == "persisting":
            log.info(
                "drift: %s has been %s since its reading of %.0f",
                change.sensor_id,
                change.previous,
                monitor.assets[change.sensor_id].since,
                extra={"event": "drift_persisting", "sensor_id": change.sensor_id},
            )
            self._publish("drift.persisting", payload)
            return
        log.info(
            "drift: %s is %s (was %s); highest PSI %s",
            change.sensor_id,
            change.kind,
            change.previous,
            change.psi,
            extra={"event": "drift_changed", "sensor_id": change.sensor_id},
        )
        self._publish("drift.changed", payload)

    def _publish(self, kind: str, payload: dict[str, Any]) -> None:
        if self.publish is not None:
            self.publish(kind, payload)

    def drift(self, sensor_id: str | None = None) -> Any:
        """Every asset's drift state, or one asset's in detail (None: unknown asset)."""
        _, monitor = self._drift
        if sensor_id is None:
            return monitor.snapshot() if monitor is not None else {}
        return monitor.asset(sensor_id, detail=True) if monitor is not None else None

    # -- on request -----------------------------------------------------------------------

    def explain_latest(self, sensor_id: str, mode: str) -> tuple[Prediction, Explanation] | None:
        """The explanation of the asset's latest prediction, in ``mode``; None if unknown."""
        got = self.last.get(sensor_id)
        if got is None:
            return None
        row, prediction = got
        model = self.model()
        ex = explainer(model)
        if ex is None:
            raise ModelError(f"the active model {model.name} cannot explain its predictions")
        if prediction.model != ex.name:
            raise ModelError(
                f"the latest prediction of {sensor_id} was made by {prediction.model}, "
                f"the active model is {ex.name}; wait for its next reading"
            )
        return prediction, ex.explain([row], [prediction], mode)[0]

    def explain_scored(self, scored: Scored, mode: str) -> Explanation | None:
        """The scored reading's explanation in ``mode``: its own when it has that mode,
        else computed again from the row it keeps (the model that made it must still be
        loaded as the active one); None when there is none to start from."""
        e = scored.explanation
        if e is None or e.mode == mode:
            return e
        ex = explainer(self.model())
        if ex is None or ex.name != e.model or not e.values or scored.prediction is None:
            return e
        try:
            return ex.explain([list(e.values)], [scored.prediction], mode)[0]
        except ModelError as err:
            self.explain_errors += 1
            log.warning("explanation in %s failed: %s", mode, err)
            return e

    def explain_values(
        self, values: dict[str, float | None], mode: str
    ) -> tuple[Prediction, Explanation, list[str]]:
        """Predict and explain a row given by feature name; the features it lacked."""
        model = self.model()
        ex = explainer(model)
        if ex is None:
            raise ModelError(f"the active model {model.name} cannot explain its predictions")
        row = [values.get(f) for f in ex.features]
        missing = [f for f, v in zip(ex.features, row, strict=True) if v is None]
        prediction = model.predict([row])[0]
        return prediction, ex.explain([row], [prediction], mode)[0], missing

    # -- /metrics -------------------------------------------------------------------------

    def metrics(self) -> list[str]:
        out = family(
            "aastreli_explanations_total",
            "counter",
            "predictions explained in the pipeline",
            [f"aastreli_explanations_total {self.explained}"],
        )
        _, monitor = self._drift
        if monitor is not None:
            out += drift_metrics(monitor)
        if self.shadow is not None:
            out += shadow_metrics(self.shadow)
        return out


def drift_metrics(monitor: DriftMonitor) -> list[str]:
    snap = monitor.snapshot()
    states = [
        f'aastreli_drift_state{{sensor_id="{label(sid)}",state="{state}"}} '
        f"{int(a['state'] == state)}"
        for sid, a in snap.items()
        for state in ("ok", "drifting", "out_of_range")
    ]
    psi_max = [
        f'aastreli_drift_psi_max{{sensor_id="{label(sid)}"}} {a["psi_max"]}'
        for sid, a in snap.items()
        if a["psi_max"] is not None
    ]
    flagged = [
        f'aastreli_out_of_range_total{{sensor_id="{label(sid)}"}} {a["out_of_range_total"]}'
        for sid, a in snap.items()
    ]
    return [
        *family(
            "aastreli_drift_state",
            "gauge",
            "1 for the asset's drift state (ok, drifting, out_of_range)",
            states,
        ),
        *family(
            "aastreli_drift_psi_max",
            "gauge",
            "the asset's highest PSI over its features (last window)",
            psi_max,
        ),
        *family(
            "aastreli_out_of_range_total",
            "counter",
            "readings with a value outside the training range",
            flagged,
        ),
    ]


def shadow_metrics(shadow: Shadow) -> list[str]:
    st = shadow.stats
    c = f'candidate="{label(str(shadow.candidate.name))}"'
    mean = st.confidence_sum / st.readings if st.readings else 0
    confusion = [
        f'aastreli_shadow_confusion_total{{{c},active_label="{label(a)}",'
        f'candidate_label="{label(b)}"}} {n}'
        for (a, b), n in sorted(dict(st.confusion).items())  # copied: the loop counts on
    ]
    return [
        *family(
            "aastreli_shadow_readings_total",
            "counter",
            "readings the candidate model predicted too",
            [f"aastreli_shadow_readings_total{{{c}}} {st.readings}"],
        ),
        *family(
            "aastreli_shadow_agreement",
            "gauge",
            "share of readings where both models gave one label",
            [f"aastreli_shadow_agreement{{{c}}} {st.agreement or 0}"],
        ),
        *family(
            "aastreli_shadow_confidence_mean",
            "gauge",
            "the candidate's mean confidence",
            [f"aastreli_shadow_confidence_mean{{{c}}} {mean}"],
        ),
        *family(
            "aastreli_shadow_confusion_total",
            "counter",
            "readings per (active label, candidate label)",
            confusion,
        ),
    ]


def from_config(
    config: ModelConfig,
    slot: Any,
    *,
    publish: Publish | None = None,
    load_baseline: LoadBaseline | None = None,
) -> Insight:
    """The hook as ``model.explain`` and ``model.drift`` set it (the shadow starts later)."""
    d = config.drift
    drift = (
        # Every drift setting but ``enabled`` has its field of the same name.
        DriftSettings(**d.model_dump(exclude={"enabled"})) if d.enabled else None
    )
    return Insight(
        slot,
        explain_mode=config.explain.mode if config.explain.enabled else None,
        explain_all=config.explain.readings == "all",
        drift=drift,
        publish=publish,
        load_baseline=load_baseline,
    )
