"""The alert rules: when a fault opens, repeats and resolves. Pure decisions, no I/O.

The rules see every prediction of every asset, so the common case (a normal prediction
of an asset with no recent fault) is one set lookup. State per asset: the last ``n``
predictions (only their fault labels matter) and its open alerts, one per fault type,
each with the time its fault has been gone since.

- Trigger (the seed's): a label other than ``normal`` with confidence above
  ``min_confidence``. Lower-confidence faults fill a slot of the window but count for
  nothing.
- Debounce: a fault opens when ``k`` of the last ``n`` predictions name it.
- One open alert per asset and fault type; while it is open, another prediction of the
  same fault notifies again only when ``repeat_interval`` passed since the last
  notification, and never once acknowledged.
- Resolution: when every prediction for ``resolve_after`` seconds was ``normal``, the
  asset's open alerts resolve. Any other label, even below the trigger's confidence,
  restarts that timer: an asset is back to normal when the model says so.
- Hysteresis (gateway.alerts.thresholds), when an admin set a threshold for the asset
  or the fault: the trigger is a confidence of at least ``open_at``, and the alert
  resolves once the probability of its fault stayed below ``close_at`` for
  ``resolve_after`` seconds (so each alert keeps its own timer).
- Readings without a prediction (``Scored.unscored``: too few good values, no model)
  are not seen at all: they take no slot of the window, neither open nor resolve
  anything and do not move the resolution timer. When the asset's data stops (it
  leaves ``live``), ``interrupt`` restarts that timer.

Time comes from an injectable clock so tests drive it.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from gateway.alerts.thresholds import ClassIndex, Threshold, Thresholds
from gateway.records import Prediction, Scored

NORMAL = "normal"

OPENED, REPEATED, RESOLVED = "opened", "repeated", "resolved"


@dataclass(frozen=True, slots=True)
class RuleConfig:
    min_confidence: float = 0.6
    k: int = 3
    n: int = 5
    repeat_interval: float | None = 3600.0
    resolve_after: float = 300.0

    def __post_init__(self) -> None:
        if not 1 <= self.k <= self.n:
            raise ValueError(f"debounce needs 1 <= k <= n, got k={self.k} n={self.n}")


@dataclass(slots=True)
class OpenAlert:
    """What the rules remember of one open alert."""

    sensor_id: str
    fault: str
    opened_at: float
    last_notified: float
    acknowledged: bool = False
    repeats: int = 0
    # Faulty predictions seen while open (the alert's record summarises them).
    count: int = 0
    last_seen: float = 0.0
    last_confidence: float = 0.0
    max_confidence: float = 0.0
    clear_since: float | None = None  # since when the fault has been gone (see resolution)


@dataclass(frozen=True, slots=True)
class Decision:
    """Something to tell people: an alert opened, repeats, or resolved."""

    kind: str  # OPENED, REPEATED or RESOLVED
    sensor_id: str
    fault: str
    at: float
    confidence: float  # of the prediction that caused it; for RESOLVED, the last faulty one
    context: Any = None  # what the caller passed with the prediction (the Scored record)
    repeat: int = 0


@dataclass(slots=True)
class _Asset:
    window: deque[str | None]
    counts: dict[str, int] = field(default_factory=dict)
    open: dict[str, OpenAlert] = field(default_factory=dict)

    def push(self, entry: str | None) -> None:
        if len(self.window) == self.window.maxlen:
            old = self.window.popleft()
            if old is not None:
                left = self.counts[old] - 1
                if left:
                    self.counts[old] = left
                else:
                    del self.counts[old]
        self.window.append(entry)
        if entry is not None:
            self.counts[entry] = self.counts.get(entry, 0) + 1

    @property
    def idle(self) -> bool:
        return not self.counts and not self.open


class AlertRules:
    def __init__(
        self,
        config: RuleConfig = RuleConfig(),
        clock: Callable[[], float] = time.time,
        *,
        thresholds: Thresholds | None = None,
        classes: ClassIndex | None = None,
    ) -> None:
        self.config = config
        self.clock = clock
        self.thresholds = thresholds or Thresholds()
        self.classes = classes  # probabilities of other classes, for close_at
        self._assets: dict[str, _Asset] = {}

    # -- observing -------------------------------------------------------------------

    def observe(
        self, sensor_id: str, label: str, confidence: float, context: Any = None
    ) -> list[Decision]:
        """One prediction for one asset; returns what it decided (usually nothing).

        ``context`` is passed on with the decisions; when it is a ``Scored`` record, its
        probabilities decide ``close_at`` for faults other than the label.
        """
        st = self._assets.get(sensor_id)
        if label == NORMAL:
            if st is None:
                return []  # the fast path: a healthy asset with nothing pending
            return self._normal(sensor_id, st, context)
        now = self.clock()
        if st is None:
            st = self._assets[sensor_id] = _Asset(deque(maxlen=self.config.n))
        if st.open:
            self._hold(sensor_id, st, label, context, now)
        th = self._threshold(sensor_id, label)
        if (
            (confidence < th.open_at)
            if th is not None
            else confidence <= self.config.min_confidence
        ):
            st.push(None)
            return self._resolve_if_due(sensor_id, st, now, context) if st.open else []
        st.push(label)
        alert = st.open.get(label)
        if alert is not None:
            alert.count += 1
            alert.last_seen = now
            alert.last_confidence = confidence
            alert.max_confidence = max(alert.max_confidence, confidence)
            interval = self.config.repeat_interval
            if alert.acknowledged or interval is None or now - alert.last_notified < interval:
                return []
            alert.last_notified = now
            alert.repeats += 1
            return [Decision(REPEATED, sensor_id, label, now, confidence, context, alert.repeats)]
        if st.counts[label] < self.config.k:
            return []
        st.open[label] = OpenAlert(
            sensor_id,
            label,
            opened_at=now,
            last_notified=now,
            count=st.counts[label],
            last_seen=now,
            last_confidence=confidence,
            max_confidence=confidence,
        )
        return [Decision(OPENED, sensor_id, label, now, confidence, context)]

    def observe_scored(self, batch: Sequence[Scored]) -> list[Decision]:
        """A pipeline batch; each decision's context is the Scored record that caused it."""
        assets = self._assets
        out: list[Decision] = []
        for s in batch:
            p = s.prediction
            if p is None:
                continue
            sid = s.reading.sensor_id
            if p.label == NORMAL and sid not in assets:
                continue
            decided = self.observe(sid, p.label, p.confidence, s)
            if decided:
                out += decided
        return out

    def _normal(self, sensor_id: str, st: _Asset, context: Any) -> list[Decision]:
        now = self.clock()
        st.push(None)
        if st.open:
            self._hold(sensor_id, st, NORMAL, context, now)
        out = self._resolve_if_due(sensor_id, st, now, context)
        if st.idle:
            del self._assets[sensor_id]
        return out

    def _threshold(self, sensor_id: str, fault: str) -> Threshold | None:
        return self.thresholds.get(sensor_id, fault) if self.thresholds else None

    def _hold(self, sensor_id: str, st: _Asset, label: str, context: Any, now: float) -> None:
        """Start or stop each open alert's clear timer from this prediction."""
        p = context.prediction if isinstance(context, Scored) else None
        for alert in st.open.values():
            th = self._threshold(sensor_id, alert.fault)
            clear = label == NORMAL
            if th is not None:
                prob = self._probability(p, label, alert.fault)
                if prob is not None:
                    clear = prob < th.close_at
            if not clear:
                alert.clear_since = None
            elif alert.clear_since is None:
                alert.clear_since = now

    def _probability(self, p: Prediction | None, label: str, fault: str) -> float | None:
        if p is None:
            return None
        if self.classes is not None:
            return self.classes.probability(p, fault)
        return p.confidence if label == fault else None

    def _resolve_if_due(
        self, sensor_id: str, st: _Asset, now: float, context: Any
    ) -> list[Decision]:
        after = self.config.resolve_after
        due = [
            a
            for a in st.open.values()
            if a.clear_since is not None and now - a.clear_since >= after
        ]
        for a in due:
            del st.open[a.fault]
        return [
            Decision(RESOLVED, sensor_id, a.fault, now, a.last_confidence, context, a.repeats)
            for a in due
        ]

    def tick(self) -> list[Decision]:
        """Resolutions that came due with no new prediction (an asset that went quiet)."""
        now = self.clock()
        out: list[Decision] = []
        for sensor_id, st in list(self._assets.items()):
            out += self._resolve_if_due(sensor_id, st, now, None)
            if st.idle:
                del self._assets[sensor_id]
        return out

    def interrupt(self, sensor_id: str) -> None:
        """The asset's data stopped (it is no longer live, gateway.assets): its normal
        streak is broken, so no alert resolves by the clock across the gap. After the
        data returns, ``resolve_after`` seconds of normal predictions (below ``close_at``
        with a threshold) are needed again."""
        st = self._assets.get(sensor_id)
        if st is not None:
            for alert in st.open.values():
                alert.clear_since = None

    # -- operator actions and restart ------------------------------------------------

    def acknowledge(self, sensor_id: str, fault: str) -> bool:
        """Silence repeats of an open alert; False when no such alert is open."""
        st = self._assets.get(sensor_id)
        alert = st.open.get(fault) if st else None
        if alert is None:
            return False
        alert.acknowledged = True
        return True

    def clear(self, sensor_id: str, fault: str) -> Decision | None:
        """An operator clears an open alert: it resolves now, and the k-of-n window starts
        empty, so a fault that goes on opens a new alert after k new predictions of it.
        None when no such alert is open."""
        st = self._assets.get(sensor_id)
        alert = st.open.pop(fault, None) if st else None
        if st is None or alert is None:
            return None
        st.window.clear()
        st.counts.clear()
        now = self.clock()
        return Decision(RESOLVED, sensor_id, fault, now, alert.last_confidence, None, alert.repeats)

    def restore(self, alert: OpenAlert) -> None:
        """Take back an alert that was open before a restart, so it is not opened again.

        The asset counts as not normal until a prediction says otherwise: a restart does
        not resolve anything by itself.
        """
        st = self._assets.get(alert.sensor_id)
        if st is None:
            st = self._assets[alert.sensor_id] = _Asset(deque(maxlen=self.config.n))
        st.open[alert.fault] = alert

    # -- reading ---------------------------------------------------------------------

    def get(self, sensor_id: str, fault: str) -> OpenAlert | None:
        st = self._assets.get(sensor_id)
        return st.open.get(fault) if st else None

    def open_alerts(self) -> Iterable[OpenAlert]:
        for st in self._assets.values():
            yield from st.open.values()

    @property
    def tracked_assets(self) -> int:
        return len(self._assets)
