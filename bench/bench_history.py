"""History write throughput: readings/s into SQLite, batched, beside per-reading commits.

Side by side in one run (the machine is noisy): the history's batched writer at a few
batch sizes, and the baseline a naive writer would use (one commit per reading, same
schema and settings). Prints readings/s and the ratio to the baseline.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gateway.features import PLANT_FEATURES
from gateway.records import Prediction, Reading, Scored
from gateway.state.history import History


def make(n: int) -> list[Scored]:
    rng = random.Random(1)
    now = time.time()
    probs = (0.91, 0.01, 0.01, 0.01, 0.01, 0.01, 0.02, 0.01, 0.01)
    out = []
    for i in range(n):
        values = {f: round(rng.uniform(0, 100), 3) for f in PLANT_FEATURES}
        r = Reading(f"industrial_sensor_{i % 3 + 1}", now + i * 0.001, values, source="bench")
        out.append(Scored(r, Prediction("normal", 0.91, probs, "pump_motor")))
    return out


def batched(items: list[Scored], batch: int) -> float:
    with tempfile.TemporaryDirectory() as d:
        h = History(Path(d))
        t0 = time.perf_counter()
        for i in range(0, len(items), batch):
            h.write(items[i : i + batch])
        dt = time.perf_counter() - t0
        assert h.count() == len(items)
        h.close()
    return len(items) / dt


def per_reading(items: list[Scored]) -> float:
    return batched(items, 1)


def main() -> None:
    items = make(60_000)
    base_items = items[:3_000]
    rows = []
    for _ in range(2):  # two rounds, interleaved, to even out the noise
        rows.append(("per-reading commit (baseline)", per_reading(base_items)))
        for b in (100, 1000, 5000):
            rows.append((f"batched, {b} per commit", batched(items, b)))
    best: dict[str, float] = {}
    for name, rate in rows:
        best[name] = max(best.get(name, 0.0), rate)
    base = best["per-reading commit (baseline)"]
    print(f"{'writer':34} {'readings/s':>12} {'x baseline':>11}")
    for name, rate in best.items():
        print(f"{name:34} {rate:12,.0f} {rate / base:11.1f}")


if __name__ == "__main__":
    main()
