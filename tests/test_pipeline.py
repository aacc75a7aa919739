"""The pipeline: batching, bounded queues with counted drops, slow sinks never stall ingest."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from hypothesis import given
from hypothesis import strategies as st

from gateway.features import FeatureMap
from gateway.health import ComponentHealth
from gateway.live import LiveState
from gateway.pipeline import Pipeline
from gateway.records import Prediction, Reading, Scored
from gateway.sinks.base import QueuedSink


class EchoModel:
    """Labels a row by its first feature, so the test can see which row it got."""

    def __init__(self) -> None:
        self.batches: list[int] = []

    def predict(self, rows: list[list[float | None]]) -> list[Prediction | None]:
        self.batches.append(len(rows))
        return [
            Prediction(f"v{r[0]}", 1.0, (1.0,), "echo") if r[0] is not None else None for r in rows
        ]


class ListSink(QueuedSink[Scored]):
    def __init__(self, delay: float = 0.0, max_queue: int = 10_000) -> None:
        super().__init__(ComponentHealth("list", "sink"), max_queue=max_queue)
        self.items: list[Scored] = []
        self.delay = delay

    async def handle(self, batch: list[Scored]) -> None:
        await asyncio.sleep(self.delay)
        self.items.extend(batch)


def _reading(i: int, sensor: str = "s1", **values: float) -> Reading:
    return Reading(sensor, 1000.0 + i, values or {"a": float(i)}, source="t")


def _pipeline(sinks: Sequence[ListSink], queue_size: int = 100_000) -> tuple[Pipeline, EchoModel]:
    model = EchoModel()
    p = Pipeline(
        FeatureMap(["a", "b"]),
        model,
        sinks,
        ComponentHealth("pipeline", "stage"),
        live=LiveState(),
        queue_size=queue_size,
        max_batch=512,
    )
    return p, model


async def test_readings_flow_in_batches_to_every_sink() -> None:
    fast, slow = ListSink(), ListSink(delay=0.05)
    p, model = _pipeline([fast, slow])
    tasks = [asyncio.create_task(x.run()) for x in (p, fast, slow)]
    p.submit([_reading(i) for i in range(2000)])
    assert await p.drain(5)
    assert await fast.flush(5) and await slow.flush(5)
    assert [s.prediction.label for s in fast.items] == [f"v{float(i)}" for i in range(2000)]
    assert len(slow.items) == 2000
    assert max(model.batches) == 512 and sum(model.batches) == 2000
    assert p.health.received == p.health.sent == 2000
    for t in tasks:
        t.cancel()


async def test_full_ingest_queue_drops_newest_and_counts() -> None:
    p, _ = _pipeline([], queue_size=100)
    p.submit([_reading(i) for i in range(150)])
    assert p.depth == 100 and p.health.dropped == 50 and p.health.received == 100


async def test_a_stuck_sink_drops_its_own_overflow_without_stalling_others() -> None:
    stuck = ListSink(delay=3600, max_queue=100)
    fast = ListSink()
    p, _ = _pipeline([stuck, fast])
    tasks = [asyncio.create_task(x.run()) for x in (p, fast, stuck)]
    for chunk in range(10):
        p.submit([_reading(chunk * 50 + i) for i in range(50)])
        await asyncio.sleep(0)
    assert await p.drain(5) and await fast.flush(5)
    assert len(fast.items) == 500
    assert stuck.health.dropped == 400 and stuck.depth == 100
    for t in tasks:
        t.cancel()


async def test_partial_readings_are_merged_per_asset_and_bad_points_are_missing() -> None:
    fm = FeatureMap(["a", "b"], max_age=10)
    assert fm.row(Reading("s", 100.0, {"a": 1.0})) == [1.0, None]
    assert fm.row(Reading("s", 101.0, {"b": 2.0})) == [1.0, 2.0]
    assert fm.row(Reading("other", 101.0, {"b": 5.0})) == [None, 5.0]
    assert fm.row(Reading("s", 102.0, {}, bad=("a",))) == [None, 2.0]
    assert fm.row(Reading("s", 120.0, {"a": 3.0})) == [3.0, None]  # b is too old


async def test_live_state_tracks_latest_values_and_prediction() -> None:
    sink = ListSink()
    p, _ = _pipeline([sink])
    tasks = [asyncio.create_task(x.run()) for x in (p, sink)]
    p.submit([_reading(1, "s1"), _reading(2, "s2"), _reading(3, "s1")])
    assert await p.drain(5)
    live = p.live.snapshot()  # type: ignore[union-attr]
    assert live["s1"]["values"]["a"] == 3.0 and live["s1"]["prediction"] == "v3.0"
    assert live["s1"]["count"] == 2 and live["s2"]["count"] == 1
    for t in tasks:
        t.cancel()


class ReferenceMap:
    """The feature map's rule, written plainly: each asset's last good value per feature
    and its time; bad points forgotten; values older than max_age missing."""

    def __init__(self, names: Sequence[str], max_age: float) -> None:
        self.names, self.max_age = list(names), max_age
        self.last: dict[str, dict[str, tuple[float, float] | None]] = {}

    def row(self, r: Reading) -> list[float | None]:
        last = self.last.setdefault(r.sensor_id, {})
        for name, value in r.values.items():
            last[name] = (r.timestamp, value)
        for name in r.bad:
            last[name] = None
        out: list[float | None] = []
        for name in self.names:
            e = last.get(name)
            out.append(None if e is None or e[0] < r.timestamp - self.max_age else e[1])
        return out


NAMES = ["m.a", "m.b", "p.c", "p.d"]


@st.composite
def readings(draw: st.DrawFn) -> Reading:
    names = draw(st.permutations(NAMES))  # complete readings in any key order...
    names = names[: draw(st.sampled_from([len(NAMES), len(NAMES), 1, 2, 3]))]  # ...or partial
    extra = draw(st.sampled_from([[], [], ["other.x"]]))  # a value the model does not take
    bad = tuple(draw(st.lists(st.sampled_from(NAMES), max_size=2, unique=True)))
    values = {n: draw(st.floats(-1e3, 1e3)) for n in [*names, *extra] if n not in bad}
    return Reading(
        draw(st.sampled_from(["s1", "s2"])),
        draw(st.floats(0, 100)),  # times jump back and forth
        values,
        bad=bad,
    )


@given(st.lists(readings(), max_size=30))
def test_feature_rows_follow_the_merge_rule(seq: list[Reading]) -> None:
    """Complete readings take a shortcut; every row must still be what the rule says."""
    fm, ref = FeatureMap(NAMES, max_age=10), ReferenceMap(NAMES, 10)
    for r in seq:
        assert fm.row(r) == ref.row(r)
