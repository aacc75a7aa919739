"""Benchmark of the checks after the model: contributions, drift, the shadow model's memory.

All side by side in one process, on the same 1000 simulator rows (3 % of the points
missing) and the committed package, interleaved round after round so that load from
other processes on this shared 2-core machine hits every contender alike; each figure
is the best round (the least disturbed). Ratios are to the prediction's own cost
measured in the same round.

1. Contributions per reading, each mode, of the predicted class:
   - single row: ``Explainer.explain`` for one row (ctypes call, the ``Explanation``
     record with its top three) against ``model.predict`` for one row;
   - batch: 1000 rows in one call each, per row;
   - the C alone (``aastreli_contribs_rows`` over the prepared rows) against the
     prediction's C (``aastreli_predict_rows``), so the Python around each is visible.
2. Drift per reading: ``DriftMonitor.observe`` over scored readings (single readings and
   batches of 100), with blocks closing as time goes (one reading every 10 s of reading
   time, the window a day), against the same loop without it.
3. Memory a shadow model adds: a fresh process loads the active model, then a candidate
   (the same package from another folder, so that ``dlopen`` maps a second library)
   verified as a shadow is, and runs both on 1000 readings; VmRSS before and after.
4. The pipeline's own cost per reading (``Pipeline.process``: features, model, the hook
   after it) with the hook absent (as on main), present but everything off, the
   defaults (explanations of faults, drift), and a shadow model besides: batches of 10
   readings of the demo's plant (one fault after another, about 40 % of the readings
   faulty) and of a plant running normal.

    .venv/bin/python bench/bench_insight.py [--rounds 7] [--seconds 0.4] [--json out.json]
"""

from __future__ import annotations

import argparse
import ctypes
import json
import shutil
import subprocess
import sys
import tempfile
from array import array
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_model import bench_rows, timed  # noqa: E402
from gateway.features import PLANT_FEATURES  # noqa: E402
from gateway.model.build import ensure_built  # noqa: E402
from gateway.model.drift import DriftMonitor, DriftSettings, Reference  # noqa: E402
from gateway.model.explain import Explainer  # noqa: E402
from gateway.model.package import read_manifest  # noqa: E402
from gateway.model.runtime import load_model  # noqa: E402
from gateway.records import Reading, Scored  # noqa: E402

BATCH = 1000
MODES = ("saabas", "treeshap")


def per_row(fn: Callable[[], object], rows: int, seconds: float) -> float:
    """Microseconds per row of ``fn`` (which handles ``rows`` rows per call)."""
    return timed(fn, seconds) * 1e6 / rows


def cycle(fn: Callable[[Any], object], inputs: Sequence[Any]) -> Callable[[], None]:
    def run() -> None:
        for x in inputs:
            fn(x)

    return run


def contenders(
    package: Path, rows: list[list[float | None]]
) -> dict[str, tuple[Callable[[], object], int]]:
    """name -> (a call, rows it handles)."""
    model = load_model(package, feature_names=PLANT_FEATURES, fallback="refuse")
    ex = Explainer(model)
    preds = model.predict(rows)
    out: dict[str, tuple[Callable[[], object], int]] = {
        "predict, single row": (cycle(lambda r: model.predict([r]), rows), len(rows)),
        f"predict, batch of {BATCH}": (lambda: model.predict(rows), len(rows)),
    }
    pairs = list(zip(rows, preds, strict=True))
    for mode in MODES:
        out[f"{mode}, single row"] = (
            cycle(lambda rp, m=mode: ex.explain([rp[0]], [rp[1]], m), pairs),
            len(rows),
        )
        out[f"{mode}, batch of {BATCH}"] = (
            lambda m=mode: ex.explain(rows, preds, m),
            len(rows),
        )
    # The C alone: prepared arrays, one call for all rows.
    nf = len(model.features)
    x = array("d", [float("nan") if v is None else v for r in rows for v in r])
    probs = array("f", bytes(4 * len(rows) * len(model.classes)))
    classes = array("i", [model.classes.index(p.label) for p in preds])
    phi = array("d", bytes(8 * len(rows) * (nf + 1)))
    predict_c = model.symbol("aastreli_predict_rows")
    predict_c.argtypes = (ctypes.c_void_p, ctypes.c_int64, ctypes.c_void_p)
    contribs_c = model.symbol("aastreli_contribs_rows")
    keep = (x, probs, classes, phi)  # the calls below hold the arrays' addresses
    xp, pp, cp, op = (a.buffer_info()[0] for a in keep)
    out["C: predict (all classes)"] = (lambda k=keep: predict_c(xp, len(rows), pp), len(rows))
    for m, mode in enumerate(MODES):
        out[f"C: {mode} (its class)"] = (
            lambda m=m, k=keep: contribs_c(xp, len(rows), cp, m, op),
            len(rows),
        )
    return out


def drift_contenders(
    package: Path, rows: list[list[float | None]]
) -> dict[str, tuple[Callable[[], object], int]]:
    """The drift check's per-reading work, single readings and batches of 100."""
    model = load_model(package, feature_names=PLANT_FEATURES, fallback="refuse")
    preds = model.predict(rows)
    ref = Reference(model.manifest)
    clock = [1.8e9]

    def scored_batch(n: int) -> list[tuple[list[Scored], list[list[float | None]]]]:
        out = []
        for i in range(0, len(rows), n):
            batch = [
                Scored(Reading(f"pump_{j % 10}", 0.0, {}), p)
                for j, p in enumerate(preds[i : i + n], start=i)
            ]
            out.append((batch, rows[i : i + n]))
        return out

    def run(monitor: DriftMonitor, batches: list[Any]) -> Callable[[], None]:
        def go() -> None:
            for batch, rs in batches:
                # Reading time moves 10 s per reading: blocks (3 h) close as in a plant.
                clock[0] += 10.0 * len(rs)
                stamped = [
                    Scored(Reading(s.reading.sensor_id, clock[0], {}), s.prediction) for s in batch
                ]
                monitor.observe(stamped, rs)

        return go

    def baseline(batches: list[Any]) -> Callable[[], None]:
        def go() -> None:
            for batch, rs in batches:
                clock[0] += 10.0 * len(rs)
                [Scored(Reading(s.reading.sensor_id, clock[0], {}), s.prediction) for s in batch]

        return go

    out: dict[str, tuple[Callable[[], object], int]] = {}
    for n in (1, 100):
        batches = scored_batch(n)
        out[f"drift, batches of {n}"] = (
            run(DriftMonitor(ref, DriftSettings()), batches),
            len(rows),
        )
        out[f"no drift, batches of {n}"] = (baseline(batches), len(rows))
    return out


SHADOW_PROBE = r"""
import json, sys, shutil, tempfile
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from bench.bench_model import bench_rows
from gateway.features import PLANT_FEATURES
from gateway.model.insight import Insight
from gateway.model.shadow import Shadow
from gateway.model.slot import ModelSlot
from gateway.records import Reading, Scored

def rss():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024

package, copy = Path(sys.argv[2]), Path(sys.argv[3])
slot = ModelSlot(PLANT_FEATURES, build=False)
slot.install(slot.prepare(package))
insight = Insight(slot, explain_mode=None)
rows = bench_rows(package, slot.active.manifest, 1000, 3)
scored = [Scored(Reading("p", 0.0, {}), p) for p in slot.active.predict(rows)]
for _ in range(3):
    insight(list(scored), rows)
before = rss()
insight.shadow = Shadow(slot.prepare(copy), str(copy))
for _ in range(3):
    slot.active.predict(rows)
    insight(list(scored), rows)
after = rss()
shadowed = insight.shadow.stats.readings
print(json.dumps({"before_mb": before, "after_mb": after, "readings": shadowed}))
"""


def shadow_memory(package: Path, work: Path, runs: int = 3) -> dict[str, float]:
    copy = work / "candidate"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns(".lock", ".build-*"))
    results = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", SHADOW_PROBE, str(ROOT), str(package), str(copy)],
            capture_output=True,
            text=True,
            check=True,
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    deltas = sorted(r["after_mb"] - r["before_mb"] for r in results)
    return {
        "before_mb": min(r["before_mb"] for r in results),
        "added_mb_median": deltas[len(deltas) // 2],
        "added_mb_min": deltas[0],
        "added_mb_max": deltas[-1],
        "library_kb": (
            (copy / "lib").exists()
            and sum(p.stat().st_size for p in (copy / "lib").rglob("libmodel.so")) / 1024
        )
        or 0,
    }


def pipeline_contenders(package: Path) -> dict[str, tuple[Callable[[], object], int]]:
    """``Pipeline.process`` per reading, the hook after the model off and on."""
    from gateway.features import FeatureMap
    from gateway.health import ComponentHealth
    from gateway.model.insight import Insight
    from gateway.model.shadow import Shadow
    from gateway.model.slot import ModelSlot
    from gateway.pipeline import Pipeline
    from gateway.simulator.plant import Cycle, Plant

    slot = ModelSlot(PLANT_FEATURES)
    slot.install(load_model(package, feature_names=PLANT_FEATURES, fallback="refuse"))
    out: dict[str, tuple[Callable[[], object], int]] = {}
    plants = {
        "demo plant": Plant(seed=5, assets=["a", "b", "c"], cycle=Cycle()),
        "normal plant": Plant(seed=5, assets=["a", "b", "c"]),
    }
    for plant_name, plant in plants.items():
        readings = [
            Reading(a, 1.8e9 + t, plant.sample(a, t))
            for t in range(0, 3000, 3)
            for a in plant.assets
        ]
        batches = [readings[i : i + 10] for i in range(0, len(readings), 10)]
        hooks: dict[str, Any] = {
            "no hook (main)": None,
            "hook, all off": Insight(slot, explain_mode=None),
            "defaults (explain faults, drift)": Insight(slot, drift=DriftSettings()),
        }
        shadowed = Insight(slot, drift=DriftSettings())
        shadowed.shadow = Shadow(load_model(package, feature_names=PLANT_FEATURES), "copy")
        hooks["defaults and a shadow"] = shadowed
        for hook_name, hook in hooks.items():
            pipe = Pipeline(
                FeatureMap(PLANT_FEATURES),
                slot,
                [],
                ComponentHealth("p", "stage"),
                after_model=hook,
            )

            def run(pipe: Pipeline = pipe, batches: list[list[Reading]] = batches) -> None:
                for b in batches:
                    pipe.process(b)

            out[f"pipeline, {plant_name}, {hook_name}"] = (run, len(readings))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--package", type=Path, default=ROOT / "compiled_models" / "pump_motor")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--seconds", type=float, default=0.4)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)

    ensure_built(args.package)
    manifest = read_manifest(args.package)
    rows = bench_rows(args.package, manifest, BATCH, seed=3)
    calls = {
        **contenders(args.package, rows),
        **drift_contenders(args.package, rows),
        **pipeline_contenders(args.package),
    }
    best: dict[str, float] = {}
    for _ in range(args.rounds):
        for name, (fn, n) in calls.items():
            us = per_row(fn, n, args.seconds)
            best[name] = min(best.get(name, float("inf")), us)
    work = Path(tempfile.mkdtemp(prefix="bench-insight-"))
    try:
        memory = shadow_memory(args.package, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"{len(rows)} simulator rows, 3 % of points missing; best of {args.rounds} rounds")
    print("\n1. contributions of the predicted class, per reading")
    for shape in ("single row", f"batch of {BATCH}"):
        base = best[f"predict, {shape}"]
        print(f"   {shape}: predict {base:.2f} µs")
        for mode in MODES:
            us = best[f"{mode}, {shape}"]
            print(f"      {mode:<9} {us:7.2f} µs  ({us / base:.2f}× the prediction)")
    c_base = best["C: predict (all classes)"]
    print(
        f"   the C alone: predict {c_base:.2f} µs per row (all {len(manifest['classes'])} classes)"
    )
    for mode in MODES:
        us = best[f"C: {mode} (its class)"]
        print(f"      {mode:<9} {us:7.2f} µs  ({us / c_base:.2f}× the prediction's C)")
    print("\n2. drift and out-of-range, per reading (blocks closing as reading time goes)")
    for n in (1, 100):
        on, off = best[f"drift, batches of {n}"], best[f"no drift, batches of {n}"]
        print(
            f"   batches of {n:>3}: {on - off:6.2f} µs ({on:.2f} with the loop, {off:.2f} without)"
        )
    print("\n3. a shadow model's memory (a fresh process; VmRSS; median of 3)")
    print(
        f"   active model loaded and running: {memory['before_mb']:.1f} MB; the shadow adds "
        f"{memory['added_mb_median']:.2f} MB (min {memory['added_mb_min']:.2f}, max "
        f"{memory['added_mb_max']:.2f}); its library file is {memory['library_kb']:.0f} KiB"
    )
    print("\n4. the pipeline per reading (features, model, hook), batches of 10")
    for plant_name in ("demo plant", "normal plant"):
        base = best[f"pipeline, {plant_name}, no hook (main)"]
        print(f"   {plant_name}: no hook (as main) {base:.2f} µs")
        for hook_name in (
            "hook, all off",
            "defaults (explain faults, drift)",
            "defaults and a shadow",
        ):
            us = best[f"pipeline, {plant_name}, {hook_name}"]
            print(f"      {hook_name:<34} {us:7.2f} µs  (+{us - base:.2f} µs, {us / base:.2f}×)")
    if args.json:
        args.json.write_text(json.dumps({"best_us": best, "shadow": memory}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
