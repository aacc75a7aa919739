"""Drift and out-of-range: the simulator's sensors shifted under the real model and pipeline.

The plant simulator runs one asset for four days of its own time, a reading every 10 s,
through the real pipeline (feature map, the committed package's library, the checks
after the model), with its readings' own timestamps: a day takes about a second.
"""

from __future__ import annotations

import asyncio
import math
from pathlib import Path
from typing import Any

import pytest

from gateway.events import EventHub
from gateway.features import PLANT_FEATURES, FeatureMap
from gateway.health import ComponentHealth
from gateway.model import load_model
from gateway.model.drift import DriftMonitor, DriftSettings, Reference, psi
from gateway.model.drift_records import DriftRecorder
from gateway.model.insight import Insight
from gateway.model.slot import ModelSlot
from gateway.pipeline import Pipeline
from gateway.records import Prediction, Reading, Scored
from gateway.simulator.plant import Plant, SensorShift
from gateway.state.store import Store

pytest_plugins = ["tests.support.model"]  # the shared model fixtures

DAY = 86_400.0
HOUR = 3_600.0
STEP = 10  # seconds between readings
T0 = 1_800_000_000.0 - (1_800_000_000.0 % DAY)  # a midnight: blocks start on the hour


class Run:
    """One simulated asset through the pipeline; every published drift event, in time."""

    def __init__(self, package: Path, settings: DriftSettings, shifts: list[SensorShift]):
        self.model = load_model(package, feature_names=PLANT_FEATURES, fallback="refuse")
        self.slot = ModelSlot(PLANT_FEATURES)
        self.slot.install(self.model)
        self.events: list[tuple[str, dict[str, Any]]] = []
        self.insight = Insight(
            self.slot, drift=settings, publish=lambda k, p: self.events.append((k, p))
        )
        self.pipeline = Pipeline(
            FeatureMap(PLANT_FEATURES),
            self.slot,
            [],
            ComponentHealth("pipeline", "stage"),
            after_model=self.insight,
        )
        self.plant = Plant(seed=7, assets=["pump_a"], shifts=shifts)
        self.flagged: list[tuple[float, tuple[str, ...]]] = []
        self.labels: dict[str, int] = {}

    def until(self, end: float, start: float = 0.0) -> None:
        for batch in range(int(start), int(end), 600):
            readings = [
                Reading("pump_a", T0 + s, self.plant.sample("pump_a", s))
                for s in range(batch, min(batch + 600, int(end)), STEP)
            ]
            for s in self.pipeline.process(readings):
                assert s.prediction is not None
                self.labels[s.prediction.label] = self.labels.get(s.prediction.label, 0) + 1
                if s.out_of_range:
                    self.flagged.append((s.reading.timestamp - T0, s.out_of_range))

    def changes(self) -> list[tuple[str, str, float]]:
        """(event, state, hours since the start) of every drift event."""
        return [(k, p.get("state", ""), (p["at"] - T0) / HOUR) for k, p in self.events]


def test_reference_travels_signed_in_the_manifest(default_package: Path) -> None:
    model = load_model(default_package, feature_names=PLANT_FEATURES, fallback="refuse")
    ref = model.manifest["reference"]
    assert ref["class"] == "normal" and ref["bins"] == 20
    assert list(ref["features"]) == list(PLANT_FEATURES)
    for r in ref["features"].values():
        assert r["min"] < r["edges"][0] and r["edges"][-1] < r["max"]
        assert r["edges"] == sorted(r["edges"]) and len(r["shares"]) == len(r["edges"]) + 1
        assert math.isclose(sum(r["shares"]), 1.0, abs_tol=1e-4)
    assert Reference(model.manifest).slots == sum(
        len(r["shares"]) for r in ref["features"].values()
    )


def test_psi() -> None:
    assert psi([0.5, 0.5], [0.5, 0.5]) == 0.0
    assert psi([0.9, 0.1], [0.5, 0.5]) == pytest.approx(0.4 * math.log(1.8) - 0.4 * math.log(0.2))
    assert psi([1.0, 0.0], [0.0, 1.0]) == pytest.approx(2 * 0.999 * math.log(1000))  # floored


def test_sensor_offset_goes_drifting_and_back(default_package: Path) -> None:
    """Motor DE temperature reads 5 °C high for 12 hours from the start of day 3, and the
    model keeps calling the machine normal: the silent case drift is for.

    Measured: drifting 6 h (2,160 readings) after the shift began, once a quarter of the
    day's window holds shifted readings (PSI of that feature 0.26; every other feature
    under 0.01); ok again 24 h (8,640 readings) after it ended, when the window no
    longer holds any. Without a shift, one day against the next stays under 0.02.
    """
    shift = SensorShift("pump_a", "motor_data.DE_temp", 2 * DAY, DAY / 2, offset=5.0)
    run = Run(default_package, DriftSettings(), [shift])
    run.until(2 * DAY)
    assert run.changes() == [("drift.baseline", "", 24.0)]  # the first full day
    assert run.insight.drift("pump_a")["psi_max"] < 0.02  # day 2 against day 1
    run.until(5 * DAY, start=2 * DAY)
    assert run.changes()[1:] == [
        ("drift.changed", "drifting", 54.0),
        ("drift.persisting", "persisting", 54.0 + 600 / HOUR),
        ("drift.changed", "ok", 84.0),
    ]
    drifting = run.events[1][1]
    assert drifting["previous"] == "ok" and next(iter(drifting["psi"])) == "motor_data.DE_temp"
    assert drifting["psi"]["motor_data.DE_temp"] >= 0.25
    assert run.labels["normal"] / sum(run.labels.values()) > 0.97  # the model never noticed
    assert not run.flagged or len(run.flagged) < 100  # in range: a PSI matter, not a range one


def test_sensor_losing_sensitivity_is_out_of_range_at_once(default_package: Path) -> None:
    """Pump DE vibration RMS reads half its value (a loose mount) for two hours: below the
    training minimum, so every such reading is flagged with its prediction, and the asset
    is out_of_range from the 5th flagged reading (5 % of the last 100) until fewer than
    2.5 % of the last 100 readings are (98 readings after the shift ends)."""
    shift = SensorShift("pump_a", "pump_data.DE_vib_rms", 3 * HOUR, 2 * HOUR, gain=0.5)
    run = Run(default_package, DriftSettings(alert_after=0.0), [shift])
    run.until(6 * HOUR)
    in_shift = [t for t, names in run.flagged if 3 * HOUR <= t < 5 * HOUR]
    assert len(in_shift) >= 0.95 * (2 * HOUR / STEP)
    assert all("pump_data.DE_vib_rms" in n for t, n in run.flagged if 3 * HOUR <= t < 5 * HOUR)
    assert len(run.flagged) - len(in_shift) <= 5  # a healthy value at the edge, now and then
    first = min(in_shift)
    assert run.changes() == [
        ("drift.changed", "out_of_range", (first + 4 * STEP) / HOUR),
        ("drift.persisting", "persisting", (first + 5 * STEP) / HOUR),  # the next reading
        ("drift.changed", "ok", (5 * HOUR + 97 * STEP) / HOUR),
    ]
    state = run.insight.drift("pump_a")
    assert state["state"] == "ok" and state["out_of_range_total"] == len(run.flagged)


def test_a_fleet_model_against_its_training_reference_drifts_by_design(
    default_package: Path,
) -> None:
    """Why ``baseline: asset`` is the default: a healthy simulated machine's day against
    the training rows (many machines, every hour) has a PSI far above 0.25."""
    run = Run(default_package, DriftSettings(baseline="training"), [])
    run.until(DAY + HOUR)
    state = run.insight.drift("pump_a")
    assert state["baseline"] == {"kind": "training", "ready": True}
    assert state["psi_max"] > 1.0 and state["state"] == "drifting"


def test_a_kept_baseline_needs_no_new_learning_and_another_models_is_ignored(
    default_package: Path,
) -> None:
    ref = Reference(load_model(default_package, feature_names=PLANT_FEATURES).manifest)
    first = Run(default_package, DriftSettings(), [])
    first.until(DAY + HOUR)
    kept = first.events[0][1]["shares"]
    monitor = DriftMonitor(ref, DriftSettings())
    monitor.on_new_asset = lambda sid: kept
    assert monitor._new("pump_a", T0).baseline == kept
    monitor.on_new_asset = lambda sid: [[1.0]] * len(ref.specs)  # bins of another reference
    assert monitor._new("pump_a", T0).baseline is None


def test_a_new_model_starts_a_new_monitor(default_package: Path, small_package: Path) -> None:
    run = Run(default_package, DriftSettings(), [])
    run.until(HOUR)
    before = run.insight.monitor(run.model)
    assert before is not None and "pump_a" in before.assets
    small = load_model(small_package, feature_names=PLANT_FEATURES)
    run.slot.install(small)
    run.until(2 * HOUR, start=HOUR)
    after = run.insight.monitor(small)
    assert after is not before and after is not None and after.assets["pump_a"].readings == 360


def test_the_bins_count_a_sample_in_time_and_the_range_check_sees_every_reading(
    default_package: Path,
) -> None:
    """An asset at 1,000 readings/s (reading time) for 10 s: the bins count 20 normal
    readings a second (200), every reading is checked against the training range (each
    100th is out of it on one feature), a clock that goes back is counted at once, and ``0`` counts
    every reading."""
    ref = Reference(load_model(default_package, feature_names=PLANT_FEATURES).manifest)
    inside = [(lo + hi) / 2 for lo, hi in zip(ref.los, ref.his, strict=True)]
    outside = [ref.his[0] + 1.0, *inside[1:]]
    normal = Prediction("normal", 0.99, (), "pump_motor")

    def feed(monitor: DriftMonitor, times: list[float]) -> int:
        flagged = 0
        for start in range(0, len(times), 250):  # batches as the pipeline makes them
            ts = times[start : start + 250]
            rows = [outside if (start + i) % 100 == 7 else inside for i in range(len(ts))]
            batch = [Scored(Reading("pump_a", t, {}), normal) for t in ts]
            flags, _ = monitor.observe(batch, rows)
            flagged += len(flags)
        return flagged

    def counted(monitor: DriftMonitor) -> int:
        return sum(monitor.assets["pump_a"].counts) // len(ref.specs)

    times = [T0 + i / 1000 for i in range(10_000)]
    sampled = DriftMonitor(ref, DriftSettings())
    assert feed(sampled, times) == 100  # every 100th reading, whatever was counted
    assert sampled.assets["pump_a"].readings == 10_000
    in_range_counted = counted(sampled)
    assert in_range_counted == 200  # 20 a second
    back = [Scored(Reading("pump_a", T0 - 3600.0, {}), normal)]
    sampled.observe(back, [inside])  # an hour back: counted now, not in an hour
    assert counted(sampled) == in_range_counted + 1
    every = DriftMonitor(ref, DriftSettings(max_counted_per_s=0))
    assert feed(every, times) == 100
    # all, but a feature out of range is not binned (the row's other features are)
    assert sum(every.assets["pump_a"].counts) == 10_000 * len(ref.specs) - 100


def test_every_drift_setting_of_the_config_reaches_the_monitor() -> None:
    from gateway.config import ModelConfig
    from gateway.model.insight import from_config

    cfg = ModelConfig(drift={"window": 3600, "blocks": 4, "max_counted_per_s": 5})
    insight = from_config(cfg, ModelSlot(PLANT_FEATURES))
    assert insight.drift_settings == DriftSettings(window=3600, blocks=4, max_counted_per_s=5)
    off = ModelConfig(drift={"enabled": False})
    assert from_config(off, ModelSlot(PLANT_FEATURES)).drift_settings is None


async def test_records_periods_baselines_and_an_info_alert(tmp_path: Path) -> None:
    """The recorder writes what the events say; the info alert opens and resolves, is
    announced for the upstream link, and is not taken for a fault alert at restart."""
    store = Store(tmp_path)
    hub = EventHub()
    seen: list[tuple[str, dict[str, Any]]] = []
    hub.subscribe(lambda k, p: seen.append((k, p)) if k.startswith("alert.") else None)
    recorder = DriftRecorder(store, hub)
    at = T0 + 5 * HOUR

    async def event(kind: str, payload: dict[str, Any]) -> None:
        hub.publish(kind, payload)
        await asyncio.gather(*recorder._tasks)

    base = {"sensor_id": "pump_a", "model": "pump_motor", "psi": {"x": 0.3}}
    await event("drift.baseline", {**base, "model_source": "abc", "at": at, "shares": [[1.0]]})
    assert recorder.load_baseline("pump_a", "abc") == [[1.0]]
    assert recorder.load_baseline("pump_a", "other") is None
    await event("drift.changed", {**base, "state": "drifting", "previous": "ok", "at": at})
    await event(
        "drift.persisting", {**base, "state": "persisting", "previous": "drifting", "at": at}
    )
    await event(
        "drift.persisting", {**base, "state": "persisting", "previous": "drifting", "at": at}
    )
    alerts = store.find("alerts")
    assert len(alerts) == 1 and alerts[0]["kind"] == "drift" and alerts[0]["severity"] == "info"
    assert alerts[0]["status"] == "open" and alerts[0]["fault_type"] == "drift:drifting"
    await event("drift.changed", {**base, "state": "ok", "previous": "drifting", "at": at + 60})
    assert store.get("alerts", kind="drift")["status"] == "resolved"
    assert [k for k, _ in seen] == ["alert.opened", "alert.resolved"]
    assert store.find("drift_periods") == [
        {
            "doc_id": 1,
            "sensor_id": "pump_a",
            "state": "drifting",
            "start": at,
            "end": at + 60,
            "model": "pump_motor",
            "psi": {"x": 0.3},
        }
    ]
    store.close()
