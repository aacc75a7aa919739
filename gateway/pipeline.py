"""The pipeline: readings in, features, model, scored readings out to every sink.

Sources call ``submit()`` (non-blocking) with batches of readings; they wait in one
bounded queue. ``run()`` takes everything waiting (up to ``max_batch``), builds the
feature rows, predicts them in one call into the model, updates the live state and
offers the scored batch to every sink's own queue. Nothing here awaits per reading:
the per-reading cost is a few dict operations and the model's native call.

Readings are numbered in the order they are accepted; ``submit`` returns the number of
the last one (its ticket) and every batch offered to the sinks carries the number of
its last reading. ``commits`` (gateway.commits) says up to which number readings are
stored by the sink chosen with ``commit_with``; without one, a reading counts as
committed once accepted (acknowledged on receipt).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from gateway.commits import CommitMarks, Watermark
from gateway.features import PLANT_FEATURES, FeatureMap
from gateway.health import ComponentHealth
from gateway.ingest import AssetGate
from gateway.live import LiveState
from gateway.logs import RateLimited
from gateway.model.errors import ModelError
from gateway.queue import BoundedQueue
from gateway.records import Prediction, Reading, Scored

if TYPE_CHECKING:
    from gateway.config import PipelineConfig


class Predictor(Protocol):
    def predict(self, rows: list[list[float | None]]) -> Sequence[Prediction | None]: ...


class Offer(Protocol):
    def offer(self, items: Sequence[Scored], ticket: int = 0) -> None: ...


class DurableSink(Offer, Protocol):
    marks: CommitMarks | None


# Upper bounds (seconds) of the model latency histogram exported at /metrics.
LATENCY_BUCKETS = (1e-5, 2.5e-5, 5e-5, 1e-4, 2.5e-4, 5e-4, 1e-3, 5e-3, 1e-2, 5e-2)


class ModelStats:
    """Per-batch model call latency, as a Prometheus histogram, plus per-row totals."""

    def __init__(self) -> None:
        self.buckets = [0] * (len(LATENCY_BUCKETS) + 1)
        self.calls = 0
        self.rows = 0
        self.seconds = 0.0

    def observe(self, seconds: float, rows: int) -> None:
        self.calls += 1
        self.rows += rows
        self.seconds += seconds
        for i, bound in enumerate(LATENCY_BUCKETS):
            if seconds <= bound:
                self.buckets[i] += 1
                return
        self.buckets[-1] += 1


class Pipeline:
    def __init__(
        self,
        features: FeatureMap,
        model: Predictor,
        sinks: Sequence[Offer],
        health: ComponentHealth,
        *,
        live: LiveState | None = None,
        queue_size: int = 100_000,
        max_batch: int = 4096,
        gate: AssetGate | None = None,
    ) -> None:
        self.features = features
        self.model = model
        self.sinks = list(sinks)
        self.health = health
        self.live = live
        self.queue_size = queue_size
        self.max_batch = max_batch
        self.gate = gate  # sensor id checks and the asset limit (gateway.ingest)
        self.model_stats = ModelStats()
        self._model_log = RateLimited(logging.getLogger("gateway.pipeline"), 30.0)
        self.queue: BoundedQueue[Reading] = BoundedQueue(queue_size, health)
        self.commits = Watermark()
        self.accepted = 0  # readings ever accepted: the last one's ticket
        self._taken = 0  # readings ever taken off the queue into a batch
        self._commit_on_accept = True

    @classmethod
    def from_config(
        cls,
        cfg: PipelineConfig,
        model: Predictor,
        sinks: Sequence[Offer],
        health: ComponentHealth,
        live: LiveState | None = None,
    ) -> Pipeline:
        return cls(
            FeatureMap(PLANT_FEATURES, max_age=cfg.feature_max_age),
            model,
            sinks,
            health,
            live=live,
            queue_size=cfg.queue_size,
            max_batch=cfg.max_batch,
            gate=AssetGate(
                health,
                max_assets=cfg.max_assets,
                max_length=cfg.sensor_id_max_length,
                charset=cfg.sensor_id_charset,
                probation=cfg.asset_probation_seconds,
                on_forget=live.forget if live is not None else None,
            ),
        )

    def commit_with(self, sink: DurableSink) -> None:
        """Make ``sink`` (one of ``sinks``) the first durable copy: tickets commit with it."""
        sink.marks = CommitMarks(self.commits)
        self._commit_on_accept = False

    @property
    def depth(self) -> int:
        return len(self.queue)

    def submit(self, readings: list[Reading]) -> int:
        """Queue readings for the model; when the queue is full the newest are dropped, counted.

        Readings the gate refuses (bad sensor id, a new asset beyond the limit) are
        counted there and dropped here: they are done, never stored. Returns the ticket
        of the last reading accepted (of an earlier batch when none was): once
        ``commits.upto`` reaches it, every reading submitted so far is stored or done.
        """
        if self.gate is not None:
            readings = self.gate.filter(readings)
        n = self.queue.extend(readings)
        self.accepted += n
        if self._commit_on_accept:
            self.commits.advance(self.accepted)
        return self.accepted

    def process(self, readings: list[Reading]) -> list[Scored]:
        """Features, model and scoring for one batch: synchronous, no I/O."""
        rows = self.features.rows(readings)
        t0 = time.perf_counter()
        try:
            predictions: Sequence[Prediction | None] = self.model.predict(rows)
            if len(predictions) != len(rows):
                raise ModelError(f"{len(predictions)} predictions for {len(rows)} rows")
        except ModelError as err:
            # A batch the model refused is recorded without predictions, counted and
            # logged, and the next batch is tried afresh.
            self.health.error(f"model refused a batch of {len(rows)}: {err}")
            self._model_log.warning("model", "model refused a batch: %s", err)
            predictions = [None] * len(rows)
        self.model_stats.observe(time.perf_counter() - t0, len(rows))
        return list(map(Scored, readings, predictions))

    async def run(self) -> None:
        self.health.up()
        queue = self.queue
        while True:
            await queue.wait()
            n = min(len(queue), self.max_batch)
            batch = queue.take(n)
            self._taken += n
            ticket = self._taken
            scored = self.process(batch)
            if self.live is not None:
                self.live.update(scored)
            for sink in self.sinks:
                sink.offer(scored, ticket)
            self.health.sent += n
            # Let sources and sinks run between batches under a flood.
            await asyncio.sleep(0)

    async def drain(self, timeout: float) -> bool:
        """Wait until every queued reading went through; False when the deadline passed."""
        return await self.queue.wait_idle(timeout)
