"""Contributions: the package's compiled TreeSHAP and Saabas against XGBoost itself (train extra).

XGBoost's ``pred_contribs`` is the reference of ``treeshap``, ``pred_contribs`` with
``approx_contribs`` the reference of ``saabas``; both within 1e-5 for every class on the
golden rows, on inputs the golden file never held (held-out rows of other seeds, every
split threshold and one float step either side, gaps, extremes, rows hypothesis makes
up), and for models of other depths. XGBoost's DMatrix refuses infinities, so an
infinity is compared with the largest float, which takes the same branch everywhere.
"""

from __future__ import annotations

import math
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gateway.features import PLANT_FEATURES
from gateway.model import ModelError, load_model
from gateway.model.explain import Explainer, explainer, verify_contributions
from gateway.records import Prediction
from tests.support.model import golden, train_small

np = pytest.importorskip("numpy")
xgboost = pytest.importorskip("xgboost")

from gateway.model.codegen import (  # noqa: E402
    load_booster,
    split_thresholds,
    threshold_steps,
)

TOLERANCE = 1e-5
MODES = {"saabas": True, "treeshap": False}  # mode -> approx_contribs
FLT_MAX = float(np.finfo(np.float32).max)

pytest_plugins = ["tests.support.model"]  # the shared model fixtures


class Parity:
    """One package's library and XGBoost, contributions compared for every class."""

    def __init__(self, package: Path) -> None:
        self.model = load_model(package, feature_names=PLANT_FEATURES, fallback="refuse")
        self.ex = Explainer(self.model)
        self.booster = load_booster(package / "model.ubj")
        self.booster.set_param({"nthread": 1})
        self.n_class = len(self.model.classes)

    def xgboost(self, rows: list[list[float | None]], mode: str) -> Any:
        x = np.array(
            [[math.nan if v is None else _finite(v) for v in r] for r in rows], dtype=np.float64
        )
        d = xgboost.DMatrix(x, missing=math.nan)
        return self.booster.predict(d, pred_contribs=True, approx_contribs=MODES[mode])

    def worst(
        self, rows: list[list[float | None]], mode: str, classes: range | None = None
    ) -> float:
        ref = self.xgboost(rows, mode)
        worst = 0.0
        for k in classes or range(self.n_class):
            ours = np.array(self.ex.contributions(rows, [k] * len(rows), mode))
            worst = max(worst, float(np.abs(ours - ref[:, k, :]).max()))
        return worst


def _finite(v: float) -> float:
    """An infinity as the largest float (NaN stays: missing on both sides)."""
    return v if math.isnan(v) else max(-FLT_MAX, min(FLT_MAX, v))


@pytest.fixture(scope="module")
def parity(default_package: Path) -> Parity:
    return Parity(default_package)


@pytest.mark.parametrize("mode", list(MODES))
def test_golden_rows_every_class(parity: Parity, default_package: Path, mode: str) -> None:
    assert parity.worst(golden(default_package)["rows"], mode) <= TOLERANCE


def test_golden_file_holds_xgboost_contributions_and_the_library_agrees(
    parity: Parity, default_package: Path
) -> None:
    data = golden(default_package)
    recorded = data["contributions"]
    probs = np.array(data["probabilities"])
    assert recorded["class"] == probs.argmax(axis=1).tolist()
    for mode in MODES:
        live = parity.xgboost(data["rows"], mode)
        want = np.array([live[i, k] for i, k in enumerate(recorded["class"])])
        assert np.abs(np.array(recorded[mode]) - want).max() <= 1e-7
    assert verify_contributions(parity.model, default_package) <= TOLERANCE


def _heldout(n: int, seed: int) -> list[list[float | None]]:
    from gateway.simulator.plant import generate_dataset

    rows, _ = generate_dataset(n, seed)
    rng = random.Random(seed)
    return [[None if rng.random() < 0.05 else v for v in r] for r in rows]


@pytest.mark.parametrize("mode", list(MODES))
def test_rows_the_golden_file_never_held(parity: Parity, mode: str) -> None:
    """Simulator rows of a seed training never used, 5 % of the values missing."""
    assert parity.worst(_heldout(40, seed=1234), mode) <= TOLERANCE


@pytest.mark.parametrize("mode", list(MODES))
def test_split_thresholds_and_one_float_step_either_side(
    parity: Parity, default_package: Path, mode: str
) -> None:
    anchor = next(r for r in golden(default_package)["rows"] if None not in r)
    rows: list[list[float | None]] = []
    for feature, values in split_thresholds(parity.booster).items():
        for t in values[::2]:
            for v in threshold_steps(t):
                row = list(anchor)
                row[feature] = v
                rows.append(row)
    assert len(rows) > 500
    assert parity.worst(rows, mode) <= TOLERANCE


@pytest.mark.parametrize("mode", list(MODES))
def test_gaps_and_extremes(parity: Parity, default_package: Path, mode: str) -> None:
    anchor = next(r for r in golden(default_package)["rows"] if None not in r)
    rows: list[list[float | None]] = [[None] * 20]
    for f in range(20):
        for v in (None, math.inf, -math.inf, FLT_MAX, -FLT_MAX, 0.0, -0.0, 1e-45, 1e30):
            row = list(anchor)
            row[f] = v
            rows.append(row)
    assert parity.worst(rows, mode) <= TOLERANCE


def test_contributions_add_up_to_the_margin_of_the_predicted_probabilities(
    parity: Parity,
) -> None:
    rows = _heldout(10, seed=99)
    probs = [p.probabilities for p in parity.model.predict(rows)]
    for mode in MODES:
        margins = [
            [sum(c) for c in parity.ex.contributions(rows, [k] * len(rows), mode)]
            for k in range(parity.n_class)
        ]
        for i, p in enumerate(probs):
            m = [margins[k][i] for k in range(parity.n_class)]
            top = max(m)
            z = sum(math.exp(v - top) for v in m)
            softmax = [math.exp(v - top) / z for v in m]
            assert max(abs(a - b) for a, b in zip(softmax, p, strict=True)) <= TOLERANCE


@pytest.fixture(scope="module")
def rows_strategy(parity: Parity) -> st.SearchStrategy[list[list[float | None]]]:
    thresholds = split_thresholds(parity.booster)

    def value(f: int) -> st.SearchStrategy[float | None]:
        near = st.sampled_from(thresholds[f]).map(lambda t: float(np.float32(t)))
        return st.one_of(
            st.none(), near, st.floats(min_value=-1e4, max_value=1e4), st.floats(width=32)
        )

    row = st.tuples(*[value(f) for f in range(20)]).map(list)
    return st.lists(row, min_size=1, max_size=12)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_property_any_row_any_class_both_modes(
    parity: Parity, rows_strategy: st.SearchStrategy[list[list[float | None]]], data: st.DataObject
) -> None:
    rows = data.draw(rows_strategy)
    k = data.draw(st.integers(0, parity.n_class - 1))
    for mode in MODES:
        assert parity.worst(rows, mode, range(k, k + 1)) <= TOLERANCE


@pytest.mark.parametrize("depth", [2, 6])
def test_models_of_other_depths(tmp_path_factory: pytest.TempPathFactory, depth: int) -> None:
    """The path buffer and the tables follow the trees' depth."""
    package = train_small(
        tmp_path_factory.mktemp(f"depth{depth}"),
        rounds=4,
        depth=depth,
        seed=depth,
        name=f"d{depth}",
    )
    p = Parity(package)
    rows = golden(package)["rows"][:120] + _heldout(10, seed=depth)
    for mode in MODES:
        assert p.worst(rows, mode) <= TOLERANCE


def test_explanations_name_the_features_that_pushed_the_prediction(parity: Parity) -> None:
    rows = _heldout(30, seed=5)
    predictions = parity.model.predict(rows)
    for mode in MODES:
        for row, p, e in zip(
            rows, predictions, parity.ex.explain(rows, predictions, mode), strict=True
        ):
            assert e.label == p.label and e.mode == mode and e.model == parity.model.name
            assert 1 <= len(e.top) <= 3
            assert [c.contribution for c in e.top] == sorted(
                (c for c in e.contributions if c > 0), reverse=True
            )[: len(e.top)]
            for c in e.top:
                j = PLANT_FEATURES.index(c.feature)
                assert c.value == row[j] and c.contribution == e.contributions[j]
                assert c.label and c.unit is not None


def test_bad_requests_are_refused_clearly(parity: Parity) -> None:
    row = golden_row = [1.0] * 20
    with pytest.raises(ModelError, match="unknown contribution mode"):
        parity.ex.contributions([row], [0], "lime")
    with pytest.raises(ModelError, match="status -2"):
        parity.ex.contributions([golden_row], [parity.n_class], "saabas")
    with pytest.raises(ModelError, match="a row of 3 values"):
        parity.ex.contributions([[1.0, 2.0, 3.0]], [0], "saabas")
    with pytest.raises(ModelError, match="no class"):
        parity.ex.explain([row], [Prediction("nope", 1.0, (), parity.model.name)], "saabas")


def test_a_package_without_contributions_loads_and_explains_nothing(
    package_copy: Path,
) -> None:
    """A package compiled before contributions existed: predictions as before, no
    explanations (a clear reason when asked)."""
    import json

    manifest = json.loads((package_copy / "manifest.json").read_text())
    del manifest["explain"]
    (package_copy / "manifest.json").write_text(json.dumps(manifest))
    model = load_model(package_copy, feature_names=PLANT_FEATURES, fallback="refuse")
    assert model.predict([[1.0] * 20])[0] is not None
    assert explainer(model) is None
    with pytest.raises(ModelError, match="no contributions"):
        Explainer(model)
    assert verify_contributions(model, package_copy) is None


def test_alerts_get_the_exact_mode_from_the_row_the_explanation_keeps(parity: Parity) -> None:
    """The pipeline explains with Saabas; an alert's message is explained again with
    TreeSHAP (model.explain.alert_mode) from the row the explanation keeps."""
    from gateway.alerts.fault_alerts import explanation_of
    from gateway.model.insight import Insight
    from gateway.model.slot import ModelSlot
    from gateway.records import Reading, Scored

    slot = ModelSlot(PLANT_FEATURES)
    slot.install(parity.model)
    insight = Insight(slot, explain_mode="saabas")
    rows = _heldout(30, seed=77)
    preds = parity.model.predict(rows)
    i = next(k for k, p in enumerate(preds) if p.label != "normal")
    s = insight([Scored(Reading("p", 0.0, {}), p) for p in preds], rows)[i]
    assert s.explanation is not None and s.explanation.mode == "saabas"
    assert s.explanation.values == tuple(rows[i])
    exact = insight.explain_scored(s, "treeshap")
    assert exact == parity.ex.explain([rows[i]], [preds[i]], "treeshap")[0]
    again = explanation_of(s, lambda sc: insight.explain_scored(sc, "treeshap"))
    assert exact is not None and again == [c.to_dict() for c in exact.top]
    assert insight.explain_scored(s, "saabas") is s.explanation
