"""The native runtime on the committed package: golden parity, missing values, and every refusal."""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from pathlib import Path

import pytest

from gateway.features import PLANT_CLASSES, PLANT_FEATURES
from gateway.model import ModelError, NullModel, load_model
from gateway.model.package import (
    host_machine,
    library_path,
    read_manifest,
    sha256_file,
    sidecar_path,
    verify_golden,
)
from gateway.model.runtime import CompiledModel
from gateway.records import Prediction
from tests.support.model import ROOT, golden, max_diff

pytest_plugins = ["tests.support.model"]  # the shared model fixtures


def _load(package: Path, features: tuple[str, ...] | list[str] = PLANT_FEATURES) -> CompiledModel:
    model = load_model(package, feature_names=features, fallback="refuse")
    assert isinstance(model, CompiledModel)
    return model


def _rewrite_manifest(package: Path, **changes: object) -> None:
    path = package / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest.update(changes)
    path.write_text(json.dumps(manifest))


# ---- what it computes ------------------------------------------------------------------


def test_golden_rows_match_xgboost(default_package: Path) -> None:
    model = _load(default_package)
    data = golden(default_package)
    predictions = model.predict(data["rows"])
    assert max_diff([p.probabilities for p in predictions], data["probabilities"]) <= 1e-5
    assert verify_golden(model, default_package) <= 1e-5


def test_prediction_carries_class_confidence_and_all_probabilities(default_package: Path) -> None:
    model = _load(default_package)
    assert model.name == "pump_motor"
    assert model.features == PLANT_FEATURES and model.classes == PLANT_CLASSES
    data = golden(default_package)
    for row, expected in zip(data["rows"][:50], data["probabilities"][:50], strict=True):
        (p,) = model.predict([row])
        assert isinstance(p, Prediction) and p.model == "pump_motor"
        assert len(p.probabilities) == len(PLANT_CLASSES)
        assert math.isclose(sum(p.probabilities), 1.0, abs_tol=1e-5)
        best = max(range(len(expected)), key=expected.__getitem__)
        assert p.confidence == max(p.probabilities)
        if sorted(expected)[-1] - sorted(expected)[-2] > 1e-4:  # no near tie
            assert p.label == PLANT_CLASSES[best]


def test_single_rows_and_one_batch_agree(default_package: Path) -> None:
    model = _load(default_package)
    rows = golden(default_package)["rows"]
    assert model.predict(rows) == [model.predict([r])[0] for r in rows]
    assert model.predict([]) == []


def test_missing_value_is_not_a_number_and_nan_means_missing(default_package: Path) -> None:
    """None goes to C as missing=-1 (XGBoost's default branch), not as a number."""
    model = _load(default_package)
    data = golden(default_package)
    gappy = [(r, p) for r, p in zip(data["rows"], data["probabilities"], strict=True) if None in r]
    assert len(gappy) > 20  # the golden file exercises gaps
    rows = [r for r, _ in gappy]
    got = [p.probabilities for p in model.predict(rows)]
    assert max_diff(got, [p for _, p in gappy]) <= 1e-5
    # A NaN is what XGBoost treats as missing too: the same answer as None.
    as_nan = [[math.nan if v is None else v for v in r] for r in rows]
    assert [p.probabilities for p in model.predict(as_nan)] == got
    # ...and not the answer of any number in that place (here: 0.0).
    as_zero = [[0.0 if v is None else v for v in r] for r in rows]
    assert [p.probabilities for p in model.predict(as_zero)] != got


def test_tuple_rows_and_int_values_are_accepted(default_package: Path) -> None:
    model = _load(default_package)
    row = golden(default_package)["rows"][0]
    as_tuple = tuple(row)
    assert model.predict([as_tuple, as_tuple]) == model.predict([row, row])
    ints = [round(v) if v is not None else None for v in row]
    assert model.predict([ints]) == model.predict(
        [[float(v) if v is not None else None for v in ints]]
    )


def test_bad_rows_are_refused_with_a_clear_error(default_package: Path) -> None:
    model = _load(default_package)
    row = golden(default_package)["rows"][0]
    with pytest.raises(ModelError, match="a row of 19 values, the model takes 20"):
        model.predict([row[:-1]])
    with pytest.raises(ModelError, match="a row of 21 values"):
        model.predict([row, [*row, 1.0]])
    text: list[object] = ["x", *row[1:]]
    with pytest.raises(ModelError, match="non-number"):
        model.predict([text])  # type: ignore[list-item]
    with pytest.raises(ModelError, match="non-number"):
        model.predict([row, text])  # type: ignore[list-item]


def test_null_model_predicts_nothing() -> None:
    model = NullModel(PLANT_FEATURES)
    assert model.predict([[1.0] * 20, [None] * 20]) == [None, None]
    assert model.name == "none" and model.info()["backend"] == "none"


def test_runtime_imports_no_ml_stack() -> None:
    code = (
        "import sys, gateway.model, gateway.model.runtime, gateway.model.slot, gateway.model.cli\n"
        "heavy = [m for m in ('numpy', 'xgboost', 'treelite', 'tl2cgen') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""


def test_package_without_source_loads_on_its_build_record(package_copy: Path) -> None:
    """A firmware image ships manifest, golden file and library only (no C, no model file)."""
    import shutil

    shutil.rmtree(package_copy / "src")
    (package_copy / "model.ubj").unlink()
    model = _load(package_copy)
    assert verify_golden(model, package_copy) <= 1e-5


def test_info_describes_the_model(default_package: Path) -> None:
    info = _load(default_package).info()
    assert info["name"] == "pump_motor" and info["backend"] == "compiled"
    assert info["classes"] == list(PLANT_CLASSES) and info["features"] == 20
    assert info["metrics"]["macro_f1"] > 0.9


# ---- refusals: each mismatch with its message ---------------------------------------------


def test_refuses_changed_source(package_copy: Path) -> None:
    tu = package_copy / "src" / "tu0.c"
    tu.write_text(tu.read_text().replace("result[0] +=", "result[1] +=", 1))
    with pytest.raises(ModelError, match=r"src/tu0\.c differs from the checksum"):
        _load(package_copy)


def test_refuses_changed_library(package_copy: Path) -> None:
    library = library_path(package_copy)
    with open(library, "ab") as f:
        f.write(b"\0")
    with pytest.raises(ModelError, match="library checksum mismatch with its build record"):
        _load(package_copy)


def test_refuses_library_built_from_other_source(package_copy: Path) -> None:
    sidecar = sidecar_path(library_path(package_copy))
    record = json.loads(sidecar.read_text())
    record["source_sha256"] = "0" * 64
    sidecar.write_text(json.dumps(record))
    with pytest.raises(ModelError, match="built from other source than this manifest describes"):
        _load(package_copy)


def test_refuses_library_without_build_record(package_copy: Path) -> None:
    sidecar_path(library_path(package_copy)).unlink()
    with pytest.raises(ModelError, match="no build record"):
        _load(package_copy)


def test_refuses_feature_map_of_other_length(package_copy: Path) -> None:
    with pytest.raises(
        ModelError,
        match="feature count mismatch: the manifest lists 20 features, "
        "the gateway's feature map has 19",
    ):
        _load(package_copy, PLANT_FEATURES[:-1])


def test_refuses_feature_map_in_other_order(package_copy: Path) -> None:
    swapped = list(PLANT_FEATURES)
    swapped[3], swapped[4] = swapped[4], swapped[3]
    with pytest.raises(
        ModelError,
        match=re.escape(
            "feature order mismatch at position 3: the manifest has "
            "'motor_data.DE_vib_peak', the gateway's feature map has "
            "'motor_data.DE_vib_kurtosis'"
        ),
    ):
        _load(package_copy, swapped)


def test_refuses_feature_map_with_other_names(package_copy: Path) -> None:
    renamed = [*PLANT_FEATURES[:-1], "pump_data.speed"]
    with pytest.raises(
        ModelError, match=r"feature names differ.*'pump_data.flow'.*'pump_data.speed'"
    ):
        _load(package_copy, renamed)


def test_refuses_library_with_other_feature_count(package_copy: Path) -> None:
    _rewrite_manifest(package_copy, features=list(PLANT_FEATURES[:-1]))
    with pytest.raises(
        ModelError,
        match="feature count mismatch: the library expects 20 features, the manifest lists 19",
    ):
        _load(package_copy, PLANT_FEATURES[:-1])


def test_refuses_library_with_other_class_count(package_copy: Path) -> None:
    _rewrite_manifest(package_copy, classes=list(PLANT_CLASSES[:-1]))
    with pytest.raises(
        ModelError,
        match="class count mismatch: the library computes 9 class "
        "probabilities, the manifest lists 8 classes",
    ):
        _load(package_copy)


def test_refuses_missing_library_when_configured_to(package_copy: Path) -> None:
    library_path(package_copy).unlink()
    with pytest.raises(
        ModelError,
        match=f"no compiled library for {host_machine()}.*"
        "aastreli model build.*model.fallback is 'refuse'",
    ):
        _load(package_copy)


def test_falls_back_to_gtil_loudly(package_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    pytest.importorskip("treelite")
    library_path(package_copy).unlink()
    model = load_model(package_copy, feature_names=PLANT_FEATURES, fallback="gtil")
    assert model.backend == "gtil"
    assert "MODEL FALLBACK" in caplog.text and "GTIL" in caplog.text
    assert verify_golden(model, package_copy) <= 1e-5


def test_gtil_fallback_refuses_changed_model_file(package_copy: Path) -> None:
    pytest.importorskip("treelite")
    library_path(package_copy).unlink()
    with open(package_copy / "model.ubj", "ab") as f:
        f.write(b" ")
    with pytest.raises(ModelError, match=r"model\.ubj differs from the checksum"):
        load_model(package_copy, feature_names=PLANT_FEATURES, fallback="gtil")


def test_refuses_unloadable_library(package_copy: Path) -> None:
    """A file that is no shared object for this machine (say, an ARM build) fails dlopen."""
    library = library_path(package_copy)
    library.write_bytes(b"\x7fELF not really")
    sidecar = sidecar_path(library)
    record = json.loads(sidecar.read_text())
    record["library_sha256"] = sha256_file(library)
    sidecar.write_text(json.dumps(record))
    with pytest.raises(ModelError, match="cannot load the library"):
        _load(package_copy)


def test_refuses_golden_mismatch(package_copy: Path) -> None:
    path = package_copy / "golden.json"
    data = json.loads(path.read_text())
    data["probabilities"][3][0] += 1e-3
    path.write_text(json.dumps(data))
    manifest = read_manifest(package_copy)
    digest = sha256_file(path)
    _rewrite_manifest(
        package_copy,
        golden=manifest["golden"] | {"sha256": digest},
        files=manifest["files"] | {"golden.json": digest},
    )
    model = _load(package_copy)
    with pytest.raises(ModelError, match=r"golden row 3 differs from XGBoost by 0\.001"):
        verify_golden(model, package_copy)


def test_refuses_changed_golden_file(package_copy: Path) -> None:
    path = package_copy / "golden.json"
    path.write_text(path.read_text() + " ")
    with pytest.raises(ModelError, match=r"golden\.json differs from the checksum"):
        _load(package_copy)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"format": 99}, "package format 99, this gateway reads format 2"),
        ({"classes": []}, "'classes' must be a non-empty list"),
        ({"features": "motor_data.DE_temp"}, "field 'features' is missing or not a list"),
        ({"classes": ["normal", "normal"]}, "'classes' lists a name twice"),
    ],
)
def test_refuses_malformed_manifest(
    package_copy: Path, change: dict[str, object], message: str
) -> None:
    _rewrite_manifest(package_copy, **change)
    with pytest.raises(ModelError, match=message):
        _load(package_copy)


def test_refuses_folder_without_manifest(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="not a model package"):
        _load(tmp_path)
    (tmp_path / "manifest.json").write_text("{not json")
    with pytest.raises(ModelError, match="unreadable manifest"):
        _load(tmp_path)
