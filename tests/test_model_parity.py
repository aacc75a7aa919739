"""Parity with XGBoost itself on any input a plant can produce (needs the train extra).

The library and XGBoost must agree within 1e-5 on every class probability: on the golden
file, on every split threshold of the model and one float step either side of it, with
missing values, with extreme values, and on rows hypothesis makes up from all of those.
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
from gateway.model import load_model
from tests.support.model import golden

np = pytest.importorskip("numpy")
xgboost = pytest.importorskip("xgboost")

from gateway.model.codegen import load_booster, split_thresholds  # noqa: E402

TOLERANCE = 1e-5
F32 = np.float32
FLT_MAX = float(np.finfo(F32).max)
FLT_TINY = float(np.finfo(F32).tiny)  # smallest normal float32
EXTREMES = [
    FLT_MAX,
    -FLT_MAX,
    math.inf,
    -math.inf,
    1e39,
    -1e39,
    FLT_TINY,
    -FLT_TINY,
    1e-45,
    0.0,
    -0.0,
    1e30,
    -1e30,
]

pytest_plugins = ["tests.support.model"]  # the shared model fixtures


class Reference:
    """The compiled model and XGBoost on the same package, compared row by row."""

    def __init__(self, package: Path) -> None:
        self.model = load_model(package, feature_names=PLANT_FEATURES, fallback="refuse")
        self.booster = load_booster(package / "model.ubj")
        self.booster.set_param({"nthread": 1})
        self.thresholds = split_thresholds(self.booster)

    def xgboost(self, rows: list[list[float | None]]) -> Any:
        x = np.array([[math.nan if v is None else v for v in r] for r in rows], dtype=np.float64)
        return self.booster.inplace_predict(x, missing=math.nan)

    def worst(self, rows: list[list[float | None]]) -> float:
        ours = np.array([p.probabilities for p in self.model.predict(rows)])
        return float(np.abs(ours - self.xgboost(rows)).max())


@pytest.fixture(scope="module")
def ref(default_package: Path) -> Reference:
    return Reference(default_package)


def _anchors(package: Path, n: int) -> list[list[float | None]]:
    return [r for r in golden(package)["rows"] if None not in r][:n]


def _around(t: float) -> list[float]:
    """A threshold, one float32 step either side, and doubles that round to it in float32."""
    t32 = F32(t)
    down = np.nextafter(t32, F32(-np.inf))
    up = np.nextafter(t32, F32(np.inf))
    return [
        float(t32),
        float(down),
        float(up),
        math.nextafter(float(t32), -math.inf),
        math.nextafter(float(t32), math.inf),
    ]


def test_golden_file_holds_xgboost_own_answers(ref: Reference, default_package: Path) -> None:
    data = golden(default_package)
    assert np.abs(ref.xgboost(data["rows"]) - np.array(data["probabilities"])).max() <= 1e-7
    assert ref.worst(data["rows"]) <= TOLERANCE


def test_every_split_threshold_and_one_float_step_either_side(
    ref: Reference, default_package: Path
) -> None:
    anchors = _anchors(default_package, 3)
    rows: list[list[float | None]] = []
    for feature, values in ref.thresholds.items():
        for t in values:
            for v in _around(t):
                for anchor in anchors:
                    row = list(anchor)
                    row[feature] = v
                    rows.append(row)
    assert len(ref.thresholds) == len(PLANT_FEATURES) and len(rows) > 5000
    assert ref.worst(rows) <= TOLERANCE


def test_all_thresholds_at_once(ref: Reference) -> None:
    """Rows where every feature sits on (or next to) one of its thresholds at the same time."""
    rng = random.Random(11)
    rows: list[list[float | None]] = []
    for _ in range(2000):
        rows.append([rng.choice(_around(rng.choice(ref.thresholds[f]))) for f in range(20)])
    assert ref.worst(rows) <= TOLERANCE


def test_missing_values(ref: Reference, default_package: Path) -> None:
    anchors = _anchors(default_package, 20)
    rng = random.Random(3)
    rows: list[list[float | None]] = [[None] * 20]
    for anchor in anchors:
        for f in range(20):  # each point missing alone (one bad-quality point)
            row = list(anchor)
            row[f] = None
            rows.append(row)
        for share in (0.1, 0.5, 0.9):  # many gaps (a source going away point by point)
            rows.append([None if rng.random() < share else v for v in anchor])
    assert ref.worst(rows) <= TOLERANCE


def test_extreme_values(ref: Reference, default_package: Path) -> None:
    anchors = _anchors(default_package, 5)
    rows: list[list[float | None]] = [[v] * 20 for v in EXTREMES]
    for anchor in anchors:
        for f in range(20):
            for v in EXTREMES:
                row = list(anchor)
                row[f] = v
                rows.append(row)
    assert ref.worst(rows) <= TOLERANCE


def _value(ref: Reference, feature: int) -> st.SearchStrategy[float | None]:
    thresholds = ref.thresholds[feature]
    near = st.sampled_from(thresholds).flatmap(lambda t: st.sampled_from(_around(t)))
    return st.one_of(
        st.none(),
        near,
        near,  # twice as likely: the thresholds are where answers can diverge
        st.sampled_from(EXTREMES),
        st.floats(min_value=-1e4, max_value=1e4, allow_nan=False),
        st.floats(allow_nan=False, allow_infinity=True),
        st.floats(width=32, allow_nan=False),
    )


@pytest.fixture(scope="module")
def rows_strategy(ref: Reference) -> st.SearchStrategy[list[list[float | None]]]:
    row = st.tuples(*[_value(ref, f) for f in range(20)]).map(list)
    return st.lists(row, min_size=1, max_size=30)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_property_any_row_agrees_with_xgboost(
    ref: Reference, rows_strategy: st.SearchStrategy[list[list[float | None]]], data: st.DataObject
) -> None:
    rows = data.draw(rows_strategy)
    assert ref.worst(rows) <= TOLERANCE
    # One call per row computes exactly what the batch did.
    assert [ref.model.predict([r])[0] for r in rows[:3]] == ref.model.predict(rows[:3])


def test_gtil_fallback_agrees_on_thresholds(ref: Reference, default_package: Path) -> None:
    pytest.importorskip("treelite")
    from gateway.model.runtime import GtilModel

    gtil = GtilModel(ref.model.manifest, default_package)
    anchors = _anchors(default_package, 1)
    rows = []
    for feature, values in ref.thresholds.items():
        for t in values[::3]:
            for v in _around(t)[:3]:
                row = list(anchors[0])
                row[feature] = v
                rows.append(row)
    rows.append([None] * 20)
    got = np.array([p.probabilities for p in gtil.predict(rows)])
    assert np.abs(got - ref.xgboost(rows)).max() <= TOLERANCE
