"""The coverage rule: the manifest names the features a row needs; only those rows are scored."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from gateway.features import PLANT_CLASSES, PLANT_FEATURES, FeatureMap
from gateway.health import ComponentHealth
from gateway.live import LiveState
from gateway.model import ModelError, NullModel, load_model
from gateway.model.coverage import FALLBACK_MIN_FRACTION, rule_of
from gateway.model.package import read_manifest
from gateway.pipeline import Pipeline
from gateway.records import INSUFFICIENT_DATA, MODEL_ERROR, NO_MODEL, Reading
from tests.support.model import DEFAULT_PACKAGE

pytest_plugins = ["tests.support.model"]  # the shared model fixtures


def _manifest() -> dict[str, object]:
    return json.loads((DEFAULT_PACKAGE / "manifest.json").read_text())  # type: ignore[no-any-return]


def _full(i: int = 0) -> dict[str, float]:
    golden = json.loads((DEFAULT_PACKAGE / "golden.json").read_text())
    return dict(zip(PLANT_FEATURES, golden["rows"][i], strict=True))


def _pipeline(model: object, live: LiveState | None = None) -> Pipeline:
    # Values never fill in from an earlier reading here: each row is what its reading says.
    features = FeatureMap(PLANT_FEATURES, max_age=1e-9)
    return Pipeline(features, model, [], ComponentHealth("pipeline", "stage"), live=live)


def test_the_shipped_package_names_the_features_it_relies_on() -> None:
    rule = rule_of(_manifest())
    assert rule.origin == "manifest" and rule.min_present == 0
    assert len(rule.names) == 10
    assert {"motor_data.DE_vib_kurtosis", "pump_data.NDE_vib_peak"} <= set(rule.names)
    shares = _manifest()["coverage"]["shares"]  # type: ignore[index]
    assert sum(shares[f] for f in rule.names) >= 0.95  # type: ignore[index]


def test_a_package_without_the_section_gets_the_fallback() -> None:
    manifest = _manifest()
    del manifest["coverage"]
    rule = rule_of(manifest)
    assert rule.origin == "fallback" and rule.required == ()
    assert rule.min_present == math.ceil(FALLBACK_MIN_FRACTION * 20) == 16
    row: list[float | None] = [1.0] * 20
    assert rule.accepts(row)
    row[:4] = [None] * 4
    assert rule.accepts(row)
    row[4] = None
    assert not rule.accepts(row)


def test_a_malformed_section_is_refused(package_copy: Path) -> None:
    path = package_copy / "manifest.json"
    for bad, says in (
        ({"required_features": ["motor_data.nope"]}, "unknown features"),
        ({"required_features": "motor_data.DE_temp"}, "list of feature names"),
        ({"min_fraction": 1.5}, "from 0 to 1"),
        ([], "must be an object"),
    ):
        manifest = _manifest()
        manifest["coverage"] = bad
        path.write_text(json.dumps(manifest))
        with pytest.raises(ModelError, match=says):
            read_manifest(package_copy)


def test_the_pipeline_scores_only_rows_the_rule_accepts(default_package: Path) -> None:
    model = load_model(default_package, feature_names=PLANT_FEATURES)
    assert model.coverage is not None
    required = set(model.coverage.names)
    live = LiveState()
    p = _pipeline(model, live)
    full = _full()
    optional_only_missing = {k: v for k, v in full.items() if k in required}
    one_required_missing = {k: v for k, v in full.items() if k != "pump_data.NDE_vib_peak"}
    readings = [
        Reading("a", 1.0, full),
        Reading("b", 1.0, optional_only_missing),  # 10 values missing, none it relies on
        Reading("c", 1.0, one_required_missing),
        Reading("d", 1.0, {}, bad=PLANT_FEATURES),  # a device that stopped answering
    ]
    out = p.process(readings)
    assert [s.prediction is not None for s in out] == [True, True, False, False]
    assert [s.unscored for s in out] == [None, None, INSUFFICIENT_DATA, INSUFFICIENT_DATA]
    assert p.unscored[INSUFFICIENT_DATA] == 2
    assert p.health.extra["unscored"] == {INSUFFICIENT_DATA: 2}
    assert p.model_stats.rows == 2  # refused rows never reach the model
    # The asset's earlier label does not pass for a current one.
    live.update(p.process([Reading("a", 2.0, full)]))
    assert live.snapshot()["a"]["prediction"] is not None
    live.update(p.process([Reading("a", 3.0, {}, bad=PLANT_FEATURES)]))
    entry = live.snapshot()["a"]
    assert entry["prediction"] is None and entry["unscored"] == INSUFFICIENT_DATA


def test_no_model_and_a_refused_batch_are_unscored_with_their_reason() -> None:
    p = _pipeline(NullModel(PLANT_FEATURES))
    assert [s.unscored for s in p.process([Reading("a", 1.0, _full())])] == [NO_MODEL]

    class Broken:
        coverage = None

        def predict(self, rows: object) -> list[object]:
            raise ModelError("library refused")

    p = _pipeline(Broken())
    assert [s.unscored for s in p.process([Reading("a", 1.0, _full())])] == [MODEL_ERROR]
    assert p.health.extra["model_failing"] is True


def test_the_rule_keeps_the_model_honest_on_fresh_data() -> None:
    """Why this rule: with only the required features present the model keeps its
    accuracy; with all of them missing (what the rule refuses) it guesses."""
    np = pytest.importorskip("numpy")
    xgboost = pytest.importorskip("xgboost")
    from gateway.model.coverage_build import coverage_section
    from gateway.model.metrics import evaluate
    from gateway.simulator.plant import generate_dataset

    booster = xgboost.Booster()
    booster.load_model(str(DEFAULT_PACKAGE / "model.ubj"))
    # The build command writes exactly what the package carries.
    section = coverage_section(booster, list(PLANT_FEATURES))
    assert section == _manifest()["coverage"]
    rows, labels = generate_dataset(150, seed=11)
    x = np.array(rows, dtype=np.float64)
    y = [PLANT_CLASSES.index(label) for label in labels]

    def f1(keep: list[int]) -> float:
        xx = np.full_like(x, np.nan)
        xx[:, keep] = x[:, keep]
        predicted = booster.inplace_predict(xx, missing=np.nan).argmax(axis=1).tolist()
        return float(evaluate(y, predicted, PLANT_CLASSES)["macro_f1"])

    every = list(range(len(PLANT_FEATURES)))
    required = [PLANT_FEATURES.index(f) for f in section["required_features"]]
    others = [i for i in every if i not in required]
    complete, required_only, others_only = f1(every), f1(required), f1(others)
    assert complete > 0.95
    assert required_only > complete - 0.03
    assert others_only < 0.7  # what the model says without its main features is a guess
