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

``after_model`` (gateway.model.insight) sees each scored batch with its rows before the
sinks do: explanations, drift and out-of-range flags, the shadow model. None when every
one of those is off, and then nothing is called.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING, Protocol

from gateway.commits import CommitMarks, Watermark
from gateway.features import PLANT_FEATURES, FeatureMap
from gateway.health import ComponentHealth
from gateway.ingest import AssetGate
from gateway.live import LiveState
from gateway.logs import RateLimited
from gateway.model.errors import ModelError
from gateway.queue import BoundedQueue
from gateway.records import INSUFFICIENT_DATA, MODEL_ERROR, NO_MODEL, Prediction, Reading, Scored

if TYPE_CHECKING:
    from gateway.assets import AssetStates
    from gateway.config import PipelineConfig
    from gateway.model.coverage import CoverageRule


class Predictor(Protocol):
    def predict(self, rows: list[list[float | None]]) -> Sequence[Prediction | None]: ...


# The checks after the model: the scored batch and its rows in, the batch to offer out.
AfterModel = Callable[[list[Scored], list[list[float | None]]], list[Scored]]


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


def _forgetting(live: LiveState | None, assets: AssetStates | None) -> Callable[[str], None]:
    """What the ingest gate calls for an id it gave up on probation: forget it everywhere."""

    def forget(sensor_id: str) -> None:
        if live is not None:
            live.forget(sensor_id)
        if assets is not None:
            assets.forget(sensor_id)

    return forget


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
        assets: AssetStates | None = None,
        after_model: AfterModel | None = None,
    ) -> None:
        self.features = features
        self.after_model = after_model
        self.model = model
        self.sinks = list(sinks)
        self.health = health
        self.live = live
        self.queue_size = queue_size
        self.max_batch = max_batch
        self.gate = gate  # sensor id checks and the asset limit (gateway.ingest)
        self.assets = assets  # live / stale / offline per asset (gateway.assets)
        self.model_stats = ModelStats()
        self.unscored: Counter[str] = Counter()  # readings without a prediction, by reason
        self.model_failing = False  # the model refused the last batch
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
        assets: AssetStates | None = None,
        after_model: AfterModel | None = None,
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
                on_forget=_forgetting(live, assets),
            ),
            assets=assets,
            after_model=after_model,
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
        """Features, coverage, model and scoring for one batch: synchronous, no I/O.

        A row the model's coverage rule refuses is not predicted: its reading is scored
        with no prediction and ``unscored = "insufficient_data"`` (gateway.model.coverage).
        """
        rows = self.features.rows(readings)
        # A ModelSlot's active model, read once: the batch is one model's (a hot swap).
        model = getattr(self.model, "active", self.model)
        rule = getattr(model, "coverage", None)
        refused = _refused(rows, rule) if rule is not None else ()
        todo = [r for i, r in enumerate(rows) if i not in refused] if refused else rows
        t0 = time.perf_counter()
        failed = False
        try:
            predictions: Sequence[Prediction | None] = model.predict(todo) if todo else []
            if len(predictions) != len(todo):
                raise ModelError(f"{len(predictions)} predictions for {len(todo)} rows")
        except ModelError as err:
            # A batch the model refused is recorded without predictions, counted and
            # logged, and the next batch is tried afresh.
            self.health.error(f"model refused a batch of {len(todo)}: {err}")
            self._model_log.warning("model", "model refused a batch: %s", err)
            predictions = [None] * len(todo)
            failed = True
        if failed != self.model_failing:
            self.model_failing = failed
            self.health.extra["model_failing"] = failed
        self.model_stats.observe(time.perf_counter() - t0, len(todo))
        if rule is not None and not refused and not failed:
            scored = list(map(Scored, readings, predictions))  # the common case: all scored
        else:
            reason = MODEL_ERROR if failed else NO_MODEL
            scored = self._unscored(readings, predictions, refused, reason)
        if self.after_model is not None:
            scored = self.after_model(scored, rows)
        return scored

    def _unscored(
        self,
        readings: list[Reading],
        predictions: Sequence[Prediction | None],
        refused: Collection[int],
        reason: str,
    ) -> list[Scored]:
        """The batch's records when some readings have no prediction, counted by reason."""
        out: list[Scored] = []
        it = iter(predictions)
        counts = self.unscored
        for i, r in enumerate(readings):
            if i in refused:
                out.append(Scored(r, None, INSUFFICIENT_DATA))
                counts[INSUFFICIENT_DATA] += 1
                continue
            p = next(it)
            if p is None:
                out.append(Scored(r, None, reason))
                counts[reason] += 1
            else:
                out.append(Scored(r, p))
        self.health.extra["unscored"] = dict(counts)
        return out

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
            if self.assets is not None:
                self.assets.observe(scored)
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


def _refused(rows: list[list[float | None]], rule: CoverageRule) -> frozenset[int]:
    """Indices of the rows the rule refuses; a complete row is never looked at twice."""
    return frozenset(i for i, row in enumerate(rows) if None in row and not rule.accepts(row))
