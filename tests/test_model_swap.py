"""Hot swap: a package is verified before it goes live, then swapped atomically under load."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path
from typing import Any

import pytest

from gateway.features import PLANT_FEATURES
from gateway.model import ModelError, ModelService, ModelSlot, NullModel, load_model
from gateway.model.package import library_path, sha256_file
from tests.support.model import golden, train_small

pytest_plugins = ["tests.support.model"]  # the shared model fixtures


def _expected(package: Path, rows: list[list[float | None]]) -> list[tuple[float, ...]]:
    model = load_model(package, feature_names=PLANT_FEATURES, fallback="refuse")
    return [p.probabilities for p in model.predict(rows)]


def test_swap_under_load_loses_nothing_and_mixes_nothing(
    default_package: Path, small_package: Path
) -> None:
    rows = golden(default_package)["rows"][:64]
    expected = {
        "pump_motor": _expected(default_package, rows),
        "small": _expected(small_package, rows),
    }
    assert expected["pump_motor"] != expected["small"]  # the two models are told apart
    slot = ModelSlot(PLANT_FEATURES, build=False)
    slot.activate(default_package)
    stop = threading.Event()
    batches: list[list[Any]] = []
    sent = 0
    errors: list[BaseException] = []

    def predict_continuously() -> None:
        nonlocal sent
        i = 0
        try:
            while not stop.is_set():
                n = 1 + i % 16  # single rows and batches, as the pipeline sends them
                start = i % (len(rows) - n)
                batch = rows[start : start + n]
                sent += n
                batches.append([start, slot.predict(batch)])
                i += 1
        except BaseException as err:  # reported to the test below
            errors.append(err)

    def let_some_batches_through() -> None:
        # Each model serves a few batches before the next swap; the swaps themselves
        # still land while the worker is inside predict (it never waits for them).
        target = len(batches) + 3
        while len(batches) < target and worker.is_alive():
            stop.wait(0.001)

    worker = threading.Thread(target=predict_continuously)
    worker.start()
    swaps = 0
    try:
        for _ in range(10):
            slot.activate(small_package)
            let_some_batches_through()
            slot.rollback()
            let_some_batches_through()
            swaps += 2
    finally:
        stop.set()
        worker.join(timeout=30)
    assert not errors
    assert slot.active.name == "pump_motor" and slot.previous is not None
    received = 0
    seen = set()
    for start, predictions in batches:
        names = {p.model for p in predictions}
        assert len(names) == 1, f"one batch computed by {names}"  # never two models in one batch
        name = names.pop()
        seen.add(name)
        want = expected[name][start : start + len(predictions)]
        assert [p.probabilities for p in predictions] == want  # never a half-loaded model
        received += len(predictions)
    assert received == sent  # none lost
    assert len(batches) > swaps and seen == {"pump_motor", "small"}


def test_activate_reports_changes_and_rollback_goes_back(
    default_package: Path, small_package: Path
) -> None:
    changes: list[tuple[str, str | None]] = []
    slot = ModelSlot(
        PLANT_FEATURES,
        on_change=lambda active, previous: changes.append(
            (active.name, previous.name if previous else None)
        ),
    )
    assert isinstance(slot.active, NullModel)
    assert slot.predict([[1.0] * 20]) == [None]
    with pytest.raises(ModelError, match="no previous model"):
        slot.rollback()
    slot.activate(default_package)
    with pytest.raises(ModelError, match="no previous model"):
        slot.rollback()  # the placeholder is not a model to go back to
    assert slot.active.name == "pump_motor"
    slot.activate(small_package)
    assert slot.rollback().name == "pump_motor"
    assert changes == [("pump_motor", "none"), ("small", "pump_motor"), ("pump_motor", "small")]
    assert slot.info()["name"] == "pump_motor" and slot.info()["previous"]["name"] == "small"


def test_refused_package_leaves_the_active_model_alone(
    default_package: Path, package_copy: Path
) -> None:
    slot = ModelSlot(PLANT_FEATURES, build=False)
    active = slot.activate(default_package)
    path = package_copy / "golden.json"
    data = json.loads(path.read_text())
    data["probabilities"][0] = [p + 0.01 for p in data["probabilities"][0]]
    path.write_text(json.dumps(data))
    manifest = json.loads((package_copy / "manifest.json").read_text())
    manifest["golden"]["sha256"] = manifest["files"]["golden.json"] = sha256_file(path)
    (package_copy / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ModelError, match="golden row 0 differs from XGBoost"):
        slot.activate(package_copy)
    assert slot.active is active and slot.previous is not active


def test_activate_builds_a_package_without_library(
    default_package: Path, package_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CFLAGS", "-O0")  # quicker; what is built does not matter here
    shutil.rmtree(package_copy / "lib")
    slot = ModelSlot(PLANT_FEATURES)
    model = slot.activate(package_copy)
    assert model.backend == "compiled" and library_path(package_copy).is_file()


def test_package_recompiled_in_place_is_loaded_anew(small_copy: Path, tmp_path: Path) -> None:
    """dlopen hands back the library it already has for a path: a rebuilt package in the
    same folder must still run its new code, not the old mapping."""
    rows = golden(small_copy)["rows"][:20]
    slot = ModelSlot(PLANT_FEATURES, build=False)
    old = slot.activate(small_copy)
    old_answers = [p.probabilities for p in old.predict(rows)]
    # Retrain with other settings into the very same folder (compile moves it into place).
    other = train_small(tmp_path / "other", rounds=3, depth=2, seed=9, name="small")
    shutil.rmtree(small_copy)
    shutil.copytree(other, small_copy)
    new = slot.activate(small_copy)
    new_answers = [p.probabilities for p in new.predict(rows)]
    assert new_answers != old_answers
    assert new_answers == [
        p.probabilities
        for p in load_model(other, feature_names=PLANT_FEATURES, fallback="refuse").predict(rows)
    ]
    # The previous model still computes its own answers (kept for rollback).
    assert [p.probabilities for p in old.predict(rows)] == old_answers


async def test_service_activates_off_the_event_loop(
    default_package: Path, small_package: Path
) -> None:
    service = ModelService(ModelSlot(PLANT_FEATURES, build=False))
    model = await service.activate(small_package)
    assert model.name == "small" and service.active is model
    await service.activate(default_package)
    assert (await service.rollback()).name == "small"
    assert (await service.info())["previous"]["name"] == "pump_motor"
