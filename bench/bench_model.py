"""Benchmark of the fault model's predict paths, side by side in one run.

Contenders, all on the same rows and the same package:

* runtime   ``gateway.model.runtime`` calling the compiled library through ctypes
* C floor   ``bench/model_driver.c`` calling the library's ``predict()`` in a C loop
* xgboost   ``Booster.inplace_predict`` on prepared numpy arrays (its best case)
* GTIL      ``treelite.gtil.predict``, the fallback interpreter

Single row: one call per row, cycling through 1000 distinct rows (the same row over and
over would let the branch predictor learn the trees' paths). Batch: one call for 1000
rows. The rows are simulator readings with 3 % of the points missing (about 45 % of the
rows have a gap; ``--missing 0`` for complete rows). The contenders run interleaved,
round after round, so that load from other processes on this 2-core machine hits them
alike; the table shows each one's best round (the least disturbed), the JSON output has
the medians too.

    .venv/bin/python bench/bench_model.py [--package compiled_models/pump_motor]
        [--rounds 5] [--seconds 0.5] [--missing 0.03] [--no-compile-time] [--json out.json]

Needs the ``train`` extra (xgboost, treelite, numpy) for the reference contenders.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gateway.model.build import ensure_built  # noqa: E402
from gateway.model.package import read_manifest  # noqa: E402
from gateway.model.runtime import load_model  # noqa: E402

BATCH = 1000


def bench_rows(
    package: Path, manifest: dict[str, Any], n: int, seed: int, missing: float = 0.03
) -> list[list[float | None]]:
    """n rows as a plant produces them: simulator readings, a share of points missing."""
    import random

    rng = random.Random(seed)
    try:
        from gateway.simulator.plant import generate_dataset

        per_class = n // len(manifest["classes"]) + 1
        rows, _ = generate_dataset(per_class, seed + 1000)
        rows = [list(r) for r in rows]
    except ImportError:
        golden = json.loads((package / "golden.json").read_text())
        rows = [r for r in golden["rows"] if None not in r]
    rng.shuffle(rows)
    rows = [list(rows[i % len(rows)]) for i in range(n)]
    return [[None if rng.random() < missing else v for v in r] for r in rows]


def timed(fn: Callable[[], object], seconds: float) -> float:
    """Seconds per call of fn, running it repeatedly for about ``seconds``."""
    calls = 0
    start = time.perf_counter()
    while True:
        fn()
        calls += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return elapsed / calls


def single_cycle(predict_one: Callable[[Any], object], inputs: Sequence[Any]) -> Callable[[], None]:
    def run() -> None:
        for item in inputs:
            predict_one(item)

    return run


def build_driver(work: Path) -> Path:
    exe = work / "model_driver"
    subprocess.run(
        [
            os.environ.get("CC", "gcc"),
            "-O2",
            "-std=c99",
            "-o",
            str(exe),
            str(ROOT / "bench" / "model_driver.c"),
            "-ldl",
            "-lm",
        ],
        check=True,
    )
    return exe


def c_floor(exe: Path, library: Path, rows_file: Path, seconds: float) -> dict[str, float]:
    out = subprocess.run(
        [str(exe), str(library), "bench", str(rows_file), str(seconds)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out)


def clean_compile_time(package: Path) -> tuple[float, int]:
    """A build from scratch of a copy of the package: seconds and library bytes."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / package.name
        shutil.copytree(package, copy, ignore=shutil.ignore_patterns("lib"))
        start = time.monotonic()
        library = ensure_built(copy)
        return time.monotonic() - start, library.stat().st_size


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package", type=Path, default=ROOT / "compiled_models" / "pump_motor")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=0.5, help="per contender per round")
    parser.add_argument("--missing", type=float, default=0.03, help="share of missing points")
    parser.add_argument("--no-compile-time", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)

    import numpy as np
    import treelite
    import xgboost

    package = args.package.resolve()
    manifest = read_manifest(package)
    library = ensure_built(package)
    model = load_model(package, feature_names=manifest["features"], fallback="refuse")
    rows = bench_rows(package, manifest, BATCH, seed=3, missing=args.missing)
    x = np.array([[math.nan if v is None else v for v in r] for r in rows], dtype=np.float64)
    x32 = x.astype(np.float32)
    x_rows = [np.ascontiguousarray(x[i : i + 1]) for i in range(BATCH)]
    x32_rows = [np.ascontiguousarray(x32[i : i + 1]) for i in range(BATCH)]
    one_rows = [[r] for r in rows]

    booster = xgboost.Booster()
    booster.load_model(str(package / manifest["model_file"]))
    booster.set_param({"nthread": 1})
    tl_model = treelite.frontend.load_xgboost_model(str(package / manifest["model_file"]))

    # Same answers before timing anything.
    ours = np.array([p.probabilities for p in model.predict(rows)])
    ref = booster.inplace_predict(x, missing=math.nan)
    gtil = treelite.gtil.predict(tl_model, x32, nthread=1).reshape(BATCH, -1)
    print(
        f"max |runtime - xgboost| = {np.abs(ours - ref).max():.2e}, "
        f"max |gtil - xgboost| = {np.abs(gtil - ref).max():.2e}"
    )

    contenders: dict[str, dict[str, Callable[[], object]]] = {
        "runtime (ctypes)": {
            "single": single_cycle(model.predict, one_rows),
            "batch": lambda: model.predict(rows),
        },
        "xgboost inplace_predict": {
            "single": single_cycle(lambda a: booster.inplace_predict(a, missing=math.nan), x_rows),
            "batch": lambda: booster.inplace_predict(x, missing=math.nan),
        },
        "treelite GTIL": {
            "single": single_cycle(
                lambda a: treelite.gtil.predict(tl_model, a, nthread=1), x32_rows
            ),
            "batch": lambda: treelite.gtil.predict(tl_model, x32, nthread=1),
        },
    }
    results: dict[str, dict[str, list[float]]] = {
        name: {"single": [], "batch": []} for name in ["C floor (driver)", *contenders]
    }
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        exe = build_driver(work)
        rows_file = work / "rows.txt"
        rows_file.write_text(
            "\n".join(" ".join("nan" if v is None else repr(v) for v in r) for r in rows) + "\n"
        )
        for _ in range(args.rounds):
            floor = c_floor(exe, library, rows_file, args.seconds)
            results["C floor (driver)"]["single"].append(floor["single_ns"] * 1e-9)
            results["C floor (driver)"]["batch"].append(floor["batch_ns"] * 1e-9)
            for name, modes in contenders.items():
                results[name]["single"].append(timed(modes["single"], args.seconds) / BATCH)
                results[name]["batch"].append(timed(modes["batch"], args.seconds) / BATCH)

    table = {name: {mode: min(v) for mode, v in modes.items()} for name, modes in results.items()}
    medians = {
        name: {mode: statistics.median(v) for mode, v in modes.items()}
        for name, modes in results.items()
    }
    floor = table["C floor (driver)"]
    xgb = table["xgboost inplace_predict"]
    ours_t = table["runtime (ctypes)"]
    print()
    trees = _trees(manifest)
    print(f"model {manifest['name']}: {trees} · {BATCH} rows · best of {args.rounds} rounds")
    print(f"{'path':<26}{'single row µs':>14}{'vs C':>8}{'batch rows/s':>14}{'vs C':>8}")
    for name, t in table.items():
        print(
            f"{name:<26}{t['single'] * 1e6:>14.2f}{t['single'] / floor['single']:>7.2f}x"
            f"{1 / t['batch']:>14,.0f}{t['batch'] / floor['batch']:>7.2f}x"
        )
    summary: dict[str, Any] = {
        "single_row_over_floor_us": (ours_t["single"] - floor["single"]) * 1e6,
        "batch_ratio_to_floor": ours_t["batch"] / floor["batch"],
        "single_row_speedup_vs_xgboost": xgb["single"] / ours_t["single"],
        "batch_speedup_vs_xgboost": xgb["batch"] / ours_t["batch"],
        "library_bytes": library.stat().st_size,
        "source_bytes": manifest["source"].get("bytes"),
        "macro_f1": manifest.get("metrics", {}).get("macro_f1"),
    }
    if not args.no_compile_time:
        seconds, _ = clean_compile_time(package)
        summary["clean_compile_seconds"] = round(seconds, 1)
    print()
    print(
        f"runtime single row: {summary['single_row_over_floor_us']:+.2f} µs over the C floor "
        f"(target ≤ 5), {summary['single_row_speedup_vs_xgboost']:.0f}x faster than xgboost "
        "(target ≥ 20)"
    )
    print(
        f"runtime batch of {BATCH}: {summary['batch_ratio_to_floor']:.2f}x the C floor "
        "(target ≤ 2), "
        f"{summary['batch_speedup_vs_xgboost']:.1f}x faster than xgboost"
    )
    print(
        f"library {summary['library_bytes'] / 1024:.0f} KiB from "
        f"{(summary['source_bytes'] or 0) / 1024:.0f} KiB of C; macro-F1 {summary['macro_f1']}"
        + (
            f"; clean build {summary['clean_compile_seconds']} s"
            if "clean_compile_seconds" in summary
            else ""
        )
    )
    if args.json:
        args.json.write_text(
            json.dumps({"best": table, "median": medians, "summary": summary}, indent=2) + "\n"
        )
    return 0


def _trees(manifest: dict[str, Any]) -> str:
    params = manifest.get("training", {}).get("params", {})
    rounds, depth = params.get("rounds"), params.get("max_depth")
    n_class = len(manifest["classes"])
    if rounds is None:
        return "?"
    return f"{rounds} rounds × {n_class} classes = {rounds * n_class} trees, depth {depth}"


if __name__ == "__main__":
    raise SystemExit(main())
