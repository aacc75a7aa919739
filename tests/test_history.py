"""Reading history in SQLite: batched writes, queries, retention by age and by size."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from gateway.health import ComponentHealth
from gateway.records import Prediction, Reading, Scored
from gateway.sinks.history import HistorySink
from gateway.state.history import History


def _scored(sensor: str, ts: float, value: float, label: str | None = "normal") -> Scored:
    r = Reading(sensor, ts, {"motor_data.DE_temp": value}, source="test", bad=("pump_data.flow",))
    p = Prediction(label, 0.9, (0.9, 0.1), "m1") if label else None
    return Scored(r, p)


def test_write_and_query(tmp_path: Path) -> None:
    h = History(tmp_path)
    now = time.time()
    h.write([_scored("a", now - 10, 1.0), _scored("b", now - 5, 2.0, None), _scored("a", now, 3.0)])
    rows = h.query(sensor_id="a")
    assert [r["values"]["motor_data.DE_temp"] for r in rows] == [3.0, 1.0]
    assert rows[0]["prediction"] == "normal" and rows[0]["probabilities"] == [0.9, 0.1]
    assert rows[0]["bad"] == ["pump_data.flow"]
    assert h.count() == 3 and h.count(sensor_id="b") == 1
    assert h.query(start=now - 6, end=now - 1)[0]["sensor_id"] == "b"
    assert h.query(sensor_id="b")[0]["prediction"] is None
    assert [r["timestamp"] for r in h.query(limit=1, offset=1)] == [now - 5]
    assert h.get(rows[0]["id"])["timestamp"] == now
    assert sorted(h.sensors()) == ["a", "b"]


@pytest.mark.parametrize("sizes", [[1], [2, 3], [1000], [513, 511, 2047]])
def test_batches_of_any_size_are_stored_whole_and_in_order(
    tmp_path: Path, sizes: list[int]
) -> None:
    """Batches go in as multi-row INSERTs of power-of-two sizes: every reading of every
    batch must land once, in arrival order, with a prediction or without."""
    h = History(tmp_path)
    n, base = 0, time.time() - 10_000
    for size in sizes:
        h.write(
            [
                _scored(
                    f"s{(n + i) % 3}", base + n + i, float(n + i), "normal" if (n + i) % 2 else None
                )
                for i in range(size)
            ]
        )
        n += size
    assert h.count() == n
    rows = h.query(limit=n)[::-1]  # newest first
    assert [r["values"]["motor_data.DE_temp"] for r in rows] == [float(i) for i in range(n)]
    assert [r["prediction"] for r in rows] == [None, "normal"] * (n // 2) + [None] * (n % 2)
    assert [r["id"] for r in rows] == sorted(r["id"] for r in rows)


def test_retention_by_age(tmp_path: Path) -> None:
    h = History(tmp_path, retention_days=1)
    now = time.time()
    h.write([_scored("a", now - 3 * 86400, 1.0), _scored("a", now, 2.0)])
    h.retain_now()
    assert [r["values"]["motor_data.DE_temp"] for r in h.query()] == [2.0]


def test_retention_by_size_drops_the_oldest(tmp_path: Path) -> None:
    h = History(tmp_path, max_mb=0.25)
    now = time.time()
    for b in range(20):
        h.write([_scored("a", now + b * 1000 + i, float(i)) for i in range(500)])
    h.retain_now()
    assert h.size_bytes() <= 0.25 * 1024 * 1024
    kept = h.query(newest_first=False, limit=1)[0]["timestamp"]
    assert kept > now  # the oldest went first
    assert h.query(limit=1)[0]["timestamp"] == now + 19 * 1000 + 499  # the newest stayed
    assert h.deleted > 0


async def test_sink_writes_batches(tmp_path: Path) -> None:
    h = History(tmp_path)
    sink = HistorySink(h, ComponentHealth("history", "sink"), max_queue=1000, commit_interval=0.01)
    task = asyncio.create_task(sink.run())
    now = time.time()
    sink.offer([_scored("a", now + i, float(i)) for i in range(300)])
    assert await sink.flush(5)
    assert h.count() == 300
    assert sink.health.sent == 300 and sink.health.state == "up"
    sink.offer([_scored("a", now, 0.0)] * 2000)  # over the queue bound
    assert sink.health.dropped == 1000
    task.cancel()


async def test_sink_gathers_for_its_interval_or_until_a_commit_fills(tmp_path: Path) -> None:
    """A light load waits ``commit_interval`` between commits; a flood does not: once
    ``GATHER`` readings wait, they are committed, however long the interval."""
    from gateway.sinks.history import GATHER

    h = History(tmp_path)
    sink = HistorySink(h, ComponentHealth("history", "sink"), max_queue=10_000, commit_interval=60)
    task = asyncio.create_task(sink.run())
    now = time.time()
    sink.offer([_scored("a", now + i, float(i)) for i in range(10)])
    for _ in range(100):
        await asyncio.sleep(0.02)
        if h.count() == 10:
            break
    assert h.count() == 10  # the first readings after an idle queue go at once
    sink.offer([_scored("a", now + 10 + i, 0.0) for i in range(10)])
    await asyncio.sleep(0.5)
    assert h.count() == 10  # gathering: the interval is a minute
    sink.offer([_scored("a", now + 20 + i, 0.0) for i in range(GATHER - 10)])
    for _ in range(250):  # 5 s, not a minute
        await asyncio.sleep(0.02)
        if h.count() == 10 + GATHER:
            break
    assert h.count() == 10 + GATHER
    task.cancel()


def test_unscored_reason_and_state_changes(tmp_path: Path) -> None:
    import sqlite3

    # A history written before the column existed gets it, empty.
    old = sqlite3.connect(tmp_path / "history.sqlite3")
    old.execute(
        "CREATE TABLE readings (id INTEGER PRIMARY KEY, ts REAL NOT NULL, sensor_id TEXT NOT "
        "NULL, source TEXT NOT NULL, keyset INTEGER NOT NULL, vals BLOB NOT NULL, bad TEXT, "
        "label TEXT, confidence REAL, probs BLOB, model TEXT)"
    )
    old.execute("CREATE TABLE keysets (id INTEGER PRIMARY KEY, names TEXT NOT NULL UNIQUE)")
    old.execute("INSERT INTO keysets VALUES (1, '[]')")
    old.execute("INSERT INTO readings VALUES (1, ?, 'old', 's', 1, x'', NULL, 'normal', 0.9, "
                "NULL, 'm')", (time.time() - 10,))  # fmt: skip
    old.commit()
    old.close()
    h = History(tmp_path)
    now = time.time()
    r = Reading("a", now, {}, source="s", bad=("x",))
    change = {"sensor_id": "a", "source": "s", "state": "stale", "previous": "live",
              "since": now, "last_reading": now - 3, "stale_after": 3.0}  # fmt: skip
    h.write([Scored(r, None, "insufficient_data")], [change])
    rows = h.query(sensor_id="a")
    assert rows[0]["unscored"] == "insufficient_data" and rows[0]["prediction"] is None
    before = h.query(sensor_id="old")[0]
    assert before["prediction"] == "normal" and before["unscored"] is None
    assert h.states(sensor_id="a") == [
        {"ts": now, "sensor_id": "a", "source": "s", "state": "stale", "previous": "live",
         "last_reading": now - 3}
    ]  # fmt: skip
