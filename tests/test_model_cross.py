"""ARM: the package's C cross-compiles for aarch64 and, under qemu, predicts the golden rows.

Needs ``aarch64-linux-gnu-gcc`` (Debian ``gcc-aarch64-linux-gnu``) and ``qemu-aarch64``
(Debian ``qemu-user``). A small C driver (``bench/model_driver.c``, cross-compiled too)
dlopens the aarch64 library and prints its predictions, once through the generated
``predict()`` and once through the runtime's shim, and its contributions (TreeSHAP and
Saabas, every class), compared with XGBoost's own.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from gateway.features import PLANT_FEATURES
from gateway.model import ModelError, load_model
from gateway.model.build import ensure_built
from gateway.model.package import host_machine
from tests.support.model import ROOT, golden, max_diff

CROSS_CC = "aarch64-linux-gnu-gcc"
QEMU = "qemu-aarch64"
SYSROOT = Path("/usr/aarch64-linux-gnu")

pytestmark = [
    pytest.mark.cross,
    pytest.mark.skipif(
        shutil.which(CROSS_CC) is None or shutil.which(QEMU) is None or not SYSROOT.is_dir(),
        reason=f"needs {CROSS_CC} (gcc-aarch64-linux-gnu), {QEMU} (qemu-user) and {SYSROOT}",
    ),
]

pytest_plugins = ["tests.support.model"]  # the shared model fixtures


@pytest.fixture(scope="module")
def arm_build(default_package: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    work = tmp_path_factory.mktemp("arm")
    package = work / "pump_motor"
    shutil.copytree(default_package, package, ignore=shutil.ignore_patterns("lib"))
    library = ensure_built(package, cc=CROSS_CC)
    driver = work / "model_driver"
    subprocess.run(
        [CROSS_CC, "-O2", "-std=c99", "-o", str(driver), str(ROOT / "bench" / "model_driver.c"),
         "-ldl", "-lm"],
        check=True, timeout=300,
    )  # fmt: skip
    return library, driver


def _rows_file(rows: list[list[float | None]], path: Path) -> Path:
    path.write_text(
        "\n".join(" ".join("nan" if v is None else repr(v) for v in r) for r in rows) + "\n"
    )
    return path


def _run_driver(driver: Path, library: Path, mode: str, rows_file: Path) -> list[list[float]]:
    out = subprocess.run(
        [QEMU, "-L", str(SYSROOT), str(driver), str(library), mode, str(rows_file)],
        capture_output=True, text=True, timeout=300, check=True,
    )  # fmt: skip
    return [[float(v) for v in line.split()] for line in out.stdout.splitlines()]


def test_cross_build_lands_in_the_aarch64_folder_with_its_record(
    arm_build: tuple[Path, Path],
) -> None:
    library, _ = arm_build
    assert library.parent.name == "aarch64"
    assert library.read_bytes()[:4] == b"\x7fELF" and library.read_bytes()[18] == 183  # EM_AARCH64
    record = json.loads((library.parent / "build.json").read_text())
    assert record["machine"] == "aarch64" and record["cc"] == CROSS_CC


def test_aarch64_library_predicts_the_golden_rows_under_qemu(
    arm_build: tuple[Path, Path], default_package: Path, tmp_path: Path
) -> None:
    library, driver = arm_build
    data = golden(default_package)
    rows_file = tmp_path / "rows.txt"
    rows_file.write_text(
        "\n".join(" ".join("nan" if v is None else repr(v) for v in r) for r in data["rows"]) + "\n"
    )
    raw = _run_driver(driver, library, "raw", rows_file)
    shim = _run_driver(driver, library, "shim", rows_file)
    assert len(raw) == len(data["rows"])
    assert max_diff(raw, data["probabilities"]) <= 1e-5
    assert shim == raw  # the shim's NaN-to-missing translation is the raw contract
    # And the same as the x86 library the runtime loads, to float precision.
    native = load_model(default_package, feature_names=PLANT_FEATURES, fallback="refuse")
    here = [list(p.probabilities) for p in native.predict(data["rows"])]
    assert max_diff(raw, here) <= 1e-6


def test_library_of_another_architecture_is_refused(
    arm_build: tuple[Path, Path], default_package: Path, tmp_path: Path
) -> None:
    """An aarch64 build put where this machine's library belongs fails to load, clearly."""
    library, _ = arm_build
    package = tmp_path / "pump_motor"
    shutil.copytree(default_package, package, ignore=shutil.ignore_patterns("lib"))
    target = package / "lib" / host_machine()
    target.mkdir(parents=True)
    shutil.copy(library, target / "libmodel.so")
    shutil.copy(library.parent / "build.json", target / "build.json")
    with pytest.raises(ModelError, match="cannot load the library"):
        load_model(package, feature_names=PLANT_FEATURES, fallback="refuse")


@pytest.mark.parametrize("mode", ["saabas", "treeshap"])
def test_aarch64_contributions_match_xgboost_under_qemu(
    arm_build: tuple[Path, Path], default_package: Path, tmp_path: Path, mode: str
) -> None:
    """Every class of the golden rows and of held-out rows the golden file never held."""
    np = pytest.importorskip("numpy")
    xgboost = pytest.importorskip("xgboost")
    from gateway.model.codegen import load_booster
    from gateway.model.explain import Explainer
    from gateway.simulator.plant import generate_dataset

    library, driver = arm_build
    rows: list[list[float | None]] = list(golden(default_package)["rows"])
    rows += [list(r) for r in generate_dataset(20, seed=4321)[0]]
    got = np.array(_run_driver(driver, library, mode, _rows_file(rows, tmp_path / "rows.txt")))
    n, nc = len(rows), len(golden(default_package)["probabilities"][0])
    got = got.reshape(n, nc, len(PLANT_FEATURES) + 1)
    booster = load_booster(default_package / "model.ubj")
    x = np.array([[np.nan if v is None else v for v in r] for r in rows], dtype=np.float64)
    ref = booster.predict(
        xgboost.DMatrix(x, missing=np.nan), pred_contribs=True, approx_contribs=mode == "saabas"
    )
    assert float(np.abs(got - ref).max()) <= 1e-5
    # And what this machine's library computes for the same rows, to double precision.
    native = Explainer(load_model(default_package, feature_names=PLANT_FEATURES, fallback="refuse"))
    here = np.array([native.contributions(rows, [k] * n, mode) for k in range(nc)])
    assert float(np.abs(got - here.transpose(1, 0, 2)).max()) <= 1e-9
