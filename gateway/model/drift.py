"""Drift and out-of-range: per asset, do the model's inputs still look like what it knows?

Two checks, both against the reference the package carries (gateway.model.reference):

- **Out of range**, every reading: a value below the training minimum or above the
  training maximum of its feature. The reading's ``Scored.out_of_range`` names those
  features (it travels with the prediction); each asset counts them, and when at least
  ``out_of_range_share`` of its last ``out_of_range_readings`` readings had one, the
  asset is ``out_of_range`` (until the share falls below half of that).
- **Drift**, a population-stability index (PSI) per feature and asset:
  ``sum((o - e) * ln(o / e))`` over the reference's quantile bins, ``o`` the shares of
  the asset's recent window, ``e`` the baseline's, both floored at ``EPSILON``. Only
  readings the model calls ``normal`` count: a fault the model recognises is its job,
  not drift; what drift catches is inputs that moved while the model keeps saying
  normal (a sensor losing sensitivity hides a bearing that is failing). The window
  spans ``window`` seconds of reading time in ``blocks`` steps; the PSI is computed
  when a block closes and the window is full. The asset is ``drifting`` from a PSI of
  ``psi_drifting`` on any feature until every feature's PSI is below ``psi_ok``.

Baselines: ``asset`` (default) compares an asset with its own first full window under
this model; ``training`` with the training rows the model labelled normal. Measured on
the simulator: a healthy asset's one-hour window against the training reference has a
PSI of 1-6 on most features, because one machine at one time of day is a narrow slice
of what a model learns from many machines at every hour. ``training`` suits a model
trained on this asset's own history; a fleet model needs ``asset``. A window must span
the process's own cycles (a day by default): an hour of data against another hour
differs by the ambient temperature's daily swing.

State per asset: ``ok``, ``drifting`` or ``out_of_range`` (the latter wins). Every
change is returned from ``observe`` as a ``Transition`` (the caller publishes it), and
once a state other than ``ok`` has lasted ``alert_after`` seconds a ``persisting``
transition is returned once for that episode.

All of it runs on the event loop inside the pipeline's batch: per reading the range
check (two C loops over the row); for at most ``max_counted_per_s`` normal readings per
second and asset (reading time; 20 by default, a reading every 50 ms) a bisection and
an array increment per feature; the PSI only when a block closes. The shares are what
the PSI compares, and a sample spread over time keeps them (a day's window still counts
1.7 million readings an asset); counting every reading of a 2,000/s asset cost about
3 µs of the event loop's time per reading, for nothing the PSI could see.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_right
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import add, gt, lt
from typing import Any, cast

from gateway.records import Scored

OK, DRIFTING, OUT_OF_RANGE = "ok", "drifting", "out_of_range"
STATES = (OK, DRIFTING, OUT_OF_RANGE)
PERSISTING = "persisting"
BASELINE = "baseline"  # an asset's baseline was just established (to keep it)
NORMAL = "normal"
EPSILON = 1e-3  # floor of a bin's share: an empty bin counts as 0.1 %


@dataclass(frozen=True, slots=True)
class DriftSettings:
    window: float = 86_400.0
    blocks: int = 8
    baseline: str = "asset"  # or "training"
    psi_drifting: float = 0.25
    psi_ok: float = 0.10
    min_readings: int = 500
    out_of_range_share: float = 0.05
    out_of_range_readings: int = 100
    alert_after: float = 600.0
    # Readings per second (reading time) and asset counted into the bins at most; 0:
    # every one. The out-of-range check sees every reading.
    max_counted_per_s: float = 20.0


@dataclass(frozen=True, slots=True)
class Transition:
    """A change of an asset's drift state (or ``persisting``: a state that lasted)."""

    sensor_id: str
    kind: str  # the new state, or PERSISTING
    previous: str
    at: float  # reading time
    psi: dict[str, float]  # the highest PSIs, feature -> value
    out_of_range_share: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "sensor_id": self.sensor_id,
            "state": self.kind,
            "previous": self.previous,
            "at": self.at,
            "psi": self.psi,
            "out_of_range_share": round(self.out_of_range_share, 4),
        }


class Reference:
    """The package's reference, laid out for the per-reading loop."""

    def __init__(self, manifest: dict[str, Any]) -> None:
        ref = manifest.get("reference") or {}
        per_feature = ref.get("features") or {}
        self.features: tuple[str, ...] = tuple(manifest["features"])
        self.label: str = str(ref.get("class") or NORMAL)
        # (feature index, edges, min, max, first slot, last bin index) per feature with one
        self.specs: list[tuple[int, list[float], float, float, int, int]] = []
        self.shares: list[list[float]] = []
        slot = 0
        for j, name in enumerate(self.features):
            r = per_feature.get(name)
            if not isinstance(r, dict):
                continue
            edges = [float(e) for e in r["edges"]]
            self.specs.append((j, edges, float(r["min"]), float(r["max"]), slot, len(edges)))
            self.shares.append([float(s) for s in r["shares"]])
            slot += len(edges) + 1
        self.slots = slot
        # For the per-row fast path: every feature has a reference, in feature order.
        self.complete = [spec[0] for spec in self.specs] == list(range(len(self.features)))
        self.edges = [spec[1] for spec in self.specs]
        self.los = [spec[2] for spec in self.specs]
        self.his = [spec[3] for spec in self.specs]
        self.firsts = [spec[4] for spec in self.specs]

    @property
    def usable(self) -> bool:
        return bool(self.specs)


@dataclass(slots=True)
class AssetDrift:
    """What one asset's drift check remembers."""

    block_end: float
    counts: array[int]  # the open block's bin counts, all features
    window: array[int]  # the closed blocks' counts, summed
    blocks: deque[array[int]]
    recent: deque[int]  # 1 per recent reading with a value out of range
    state: str = OK
    since: float = 0.0
    alerted: bool = False
    oor_flag: bool = False
    psi_flag: bool = False
    recent_sum: int = 0
    out_of_range_total: int = 0
    readings: int = 0
    psi: list[float] | None = None
    baseline: list[list[float]] | None = None
    baseline_at: float | None = None
    windows: int = 0  # full windows evaluated
    next_count: float = -math.inf  # reading time from which a normal reading is counted
    extra: dict[str, Any] = field(default_factory=dict)


class DriftMonitor:
    """Drift and out-of-range per asset for one model's reference."""

    def __init__(self, reference: Reference, settings: DriftSettings = DriftSettings()) -> None:
        self.ref = reference
        self.settings = settings
        self.block_len = settings.window / settings.blocks
        rate = settings.max_counted_per_s
        self.count_every = 1.0 / rate if rate > 0 else 0.0
        self.assets: dict[str, AssetDrift] = {}
        self.flagged = 0  # readings with a value out of range, all assets
        # Asked once per new asset for a baseline kept from before (a restart).
        self.on_new_asset: Callable[[str], list[list[float]] | None] | None = None

    # -- per batch ----------------------------------------------------------------------

    def observe(
        self, scored: Sequence[Scored], rows: Sequence[Sequence[float | None]]
    ) -> tuple[dict[int, tuple[str, ...]], list[Transition]]:
        """Count a batch; the out-of-range features per batch index, and the transitions."""
        flags: dict[int, tuple[str, ...]] = {}
        changes: list[Transition] = []
        assets, label = self.assets, self.ref.label
        names = self.ref.features
        every = self.count_every
        for i, (s, row) in enumerate(zip(scored, rows, strict=True)):
            r = s.reading
            a = assets.get(r.sensor_id)
            if a is None:
                a = assets[r.sensor_id] = self._new(r.sensor_id, r.timestamp)
            if r.timestamp >= a.block_end:
                self._close_block(r.sensor_id, a, r.timestamp, changes)
            p = s.prediction
            counts = None
            if p is not None and p.label == label:
                ts = r.timestamp
                due = a.next_count
                # A clock that went back more than a step counts at once, not when it
                # catches up again.
                if ts >= due or ts < due - 2 * every:
                    counts = a.counts
                    a.next_count = ts + every
            out = self._count(row, counts)
            a.readings += 1
            if out is not None:
                flags[i] = tuple(names[j] for j in out)
                a.out_of_range_total += 1
            elif not a.recent_sum and a.state == OK:
                a.recent.append(0)  # the common case: nothing recent to count or to age
                continue
            self._recent(r.sensor_id, a, out is not None, r.timestamp, changes)
        self.flagged += len(flags)
        return flags, changes

    def _count(self, row: Sequence[float | None], counts: array[int] | None) -> list[int] | None:
        """Count one row's values into their bins (when ``counts``); the indices of the
        features out of the training range, or None.

        A complete row of a package with a reference for every feature (the usual case)
        goes through ``map`` over C functions, a few microseconds less than the loop."""
        ref = self.ref
        if ref.complete and None not in row:
            values = cast("Sequence[float]", row)
            if any(map(lt, values, ref.los)) or any(map(gt, values, ref.his)):
                return self._count_each(row, counts)
            if counts is not None:
                for k in map(add, ref.firsts, map(bisect_right, ref.edges, values)):
                    counts[k] += 1
            return None
        return self._count_each(row, counts)

    def _count_each(
        self, row: Sequence[float | None], counts: array[int] | None
    ) -> list[int] | None:
        out: list[int] | None = None
        for j, edges, lo, hi, first, _ in self.ref.specs:
            v = row[j]
            if v is None:
                continue
            if v < lo or v > hi:
                out = [j] if out is None else [*out, j]
            elif counts is not None:
                counts[first + bisect_right(edges, v)] += 1
        return out

    def _new(self, sid: str, ts: float) -> AssetDrift:
        n = self.ref.slots
        a = AssetDrift(
            block_end=self._block_end(ts),
            counts=array("I", bytes(4 * n)),
            window=array("I", bytes(4 * n)),
            blocks=deque(),
            recent=deque(maxlen=self.settings.out_of_range_readings),
            since=ts,
        )
        if self.on_new_asset is not None and self.settings.baseline == "asset":
            kept = self.on_new_asset(sid)
            if kept is not None and self._fits(kept):
                a.baseline = kept
        return a

    def _fits(self, baseline: list[list[float]]) -> bool:
        """A kept baseline has this reference's bins (else it belongs to another model)."""
        return len(baseline) == len(self.ref.specs) and all(
            len(b) == len(spec[1]) + 1 for b, spec in zip(baseline, self.ref.specs, strict=True)
        )

    def _block_end(self, ts: float) -> float:
        return (math.floor(ts / self.block_len) + 1) * self.block_len

    def _recent(
        self, sid: str, a: AssetDrift, flagged: bool, ts: float, changes: list[Transition]
    ) -> None:
        recent = a.recent
        if len(recent) == recent.maxlen:
            a.recent_sum -= recent[0]
        recent.append(int(flagged))
        a.recent_sum += int(flagged)
        share = a.recent_sum / len(recent)
        limit = self.settings.out_of_range_share
        was = a.oor_flag
        if not was and share >= limit and len(recent) == recent.maxlen:
            a.oor_flag = True
        elif was and share < limit / 2:
            a.oor_flag = False
        if a.oor_flag != was:
            self._update_state(sid, a, ts, changes)
        elif a.state != OK and not a.alerted and ts - a.since >= self.settings.alert_after:
            a.alerted = True
            changes.append(self._transition(sid, a, PERSISTING, a.state, ts))

    # -- blocks, windows, PSI ------------------------------------------------------------

    def _close_block(self, sid: str, a: AssetDrift, ts: float, changes: list[Transition]) -> None:
        if ts - a.block_end >= self.settings.window:
            # Silent for longer than a window: what is left describes another time.
            a.blocks.clear()
            a.window = array("I", bytes(4 * self.ref.slots))
            a.counts = array("I", bytes(4 * self.ref.slots))
            a.block_end = self._block_end(ts)
            return
        block, a.counts = a.counts, array("I", bytes(4 * self.ref.slots))
        a.blocks.append(block)
        window = a.window
        for k, c in enumerate(block):
            window[k] += c
        if len(a.blocks) > self.settings.blocks:
            old = a.blocks.popleft()
            for k, c in enumerate(old):
                window[k] -= c
        a.block_end = self._block_end(ts)
        if len(a.blocks) == self.settings.blocks:
            self._evaluate(sid, a, ts, changes)

    def _shares(self, window: array[int]) -> list[list[float]] | None:
        out = []
        for _, edges, _, _, first, _ in self.ref.specs:
            counts = window[first : first + len(edges) + 1]
            n = sum(counts)
            if n < self.settings.min_readings:
                return None
            out.append([c / n for c in counts])
        return out

    def _evaluate(self, sid: str, a: AssetDrift, ts: float, changes: list[Transition]) -> None:
        observed = self._shares(a.window)
        if observed is None:
            return  # too few normal readings in the window to say anything
        a.windows += 1
        if self.settings.baseline == "training":
            a.baseline = self.ref.shares
        elif a.baseline is None:
            a.baseline, a.baseline_at = observed, ts
            changes.append(self._transition(sid, a, BASELINE, a.state, ts))
            return  # the asset's first full window is its baseline
        a.psi = [psi(o, e) for o, e in zip(observed, a.baseline, strict=True)]
        worst = max(a.psi)
        was = a.psi_flag
        if not was and worst >= self.settings.psi_drifting:
            a.psi_flag = True
        elif was and worst < self.settings.psi_ok:
            a.psi_flag = False
        if a.psi_flag != was:
            self._update_state(sid, a, ts, changes)

    def _update_state(self, sid: str, a: AssetDrift, ts: float, changes: list[Transition]) -> None:
        state = OUT_OF_RANGE if a.oor_flag else DRIFTING if a.psi_flag else OK
        if state == a.state:
            return
        previous, a.state, a.since, a.alerted = a.state, state, ts, False
        changes.append(self._transition(sid, a, state, previous, ts))

    def _transition(
        self, sid: str, a: AssetDrift, kind: str, previous: str, ts: float
    ) -> Transition:
        return Transition(
            sid,
            kind,
            previous,
            ts,
            self.top_psi(a, 3),
            a.recent_sum / len(a.recent) if a.recent else 0.0,
        )

    # -- reading ------------------------------------------------------------------------

    def top_psi(self, a: AssetDrift, n: int) -> dict[str, float]:
        if a.psi is None:
            return {}
        names = [self.ref.features[spec[0]] for spec in self.ref.specs]
        pairs = sorted(zip(a.psi, names, strict=True), reverse=True)[:n]
        return {name: round(value, 4) for value, name in pairs}

    def asset(self, sid: str, *, detail: bool = False) -> dict[str, Any] | None:
        a = self.assets.get(sid)
        if a is None:
            return None
        out: dict[str, Any] = {
            "sensor_id": sid,
            "state": a.state,
            "since": a.since,
            "psi_max": round(max(a.psi), 4) if a.psi else None,
            "psi_top": self.top_psi(a, 3),
            "out_of_range_total": a.out_of_range_total,
            "out_of_range_recent": round(a.recent_sum / len(a.recent), 4) if a.recent else 0.0,
            "readings": a.readings,
            "baseline": self._baseline_state(a),
            "window_blocks": len(a.blocks),
        }
        if detail and a.psi is not None:
            names = [self.ref.features[spec[0]] for spec in self.ref.specs]
            out["psi"] = {n: round(v, 4) for n, v in zip(names, a.psi, strict=True)}
        return out

    def _baseline_state(self, a: AssetDrift) -> dict[str, Any]:
        if self.settings.baseline == "training":
            return {"kind": "training", "ready": True}
        return {"kind": "asset", "ready": a.baseline is not None, "since": a.baseline_at}

    def snapshot(self) -> dict[str, dict[str, Any]]:
        return {sid: out for sid in list(self.assets) if (out := self.asset(sid)) is not None}


def psi(observed: Sequence[float], expected: Sequence[float]) -> float:
    """The population-stability index of two distributions over the same bins."""
    total = 0.0
    for o, e in zip(observed, expected, strict=True):
        o, e = max(o, EPSILON), max(e, EPSILON)
        total += (o - e) * math.log(o / e)
    return total
