"""Shared fixtures of the model tests: the built default package, copies, a small second model.

The model test modules load this file with ``pytest_plugins``; it holds no tests itself.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gateway.features import PLANT_CLASSES, PLANT_FEATURES
from gateway.model.build import ensure_built

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PACKAGE = ROOT / "compiled_models" / "pump_motor"


def golden(package: Path) -> dict[str, Any]:
    return json.loads((package / "golden.json").read_text())


def max_diff(a: Any, b: Any) -> float:
    return max(abs(x - y) for ra, rb in zip(a, b, strict=True) for x, y in zip(ra, rb, strict=True))


@pytest.fixture(scope="session")
def default_package() -> Path:
    """The committed package, its library built for this machine (as `make test` does)."""
    ensure_built(DEFAULT_PACKAGE)
    return DEFAULT_PACKAGE


@pytest.fixture
def package_copy(default_package: Path, tmp_path: Path) -> Path:
    """A copy of the built default package, library and build record included."""
    copy = tmp_path / "pump_motor"
    shutil.copytree(default_package, copy, ignore=shutil.ignore_patterns(".lock", ".build-*"))
    return copy


def train_small(out: Path, *, rounds: int, depth: int, seed: int, name: str) -> Path:
    """A small model of the plant (trained, compiled and built) for swap and parity tests."""
    pytest.importorskip("xgboost")
    from gateway.model import codegen, train

    data = train.simulator_dataset(60, seed)
    train_dir = out / f"{name}-train"
    train.train(
        data,
        train_dir,
        features=PLANT_FEATURES,
        classes=PLANT_CLASSES,
        params=train.TrainParams(rounds=rounds, max_depth=depth, seed=seed),
        progress=False,
    )
    package = out / name
    codegen.compile_package(train_dir, package, name=name, parallel_comp=2)
    ensure_built(package)
    return package


@pytest.fixture(scope="session")
def small_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return train_small(tmp_path_factory.mktemp("small"), rounds=6, depth=3, seed=5, name="small")


@pytest.fixture
def small_copy(small_package: Path, tmp_path: Path) -> Iterator[Path]:
    copy = tmp_path / "small"
    shutil.copytree(small_package, copy, ignore=shutil.ignore_patterns(".lock", ".build-*"))
    yield copy
