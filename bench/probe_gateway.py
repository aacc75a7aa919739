"""Runs the gateway with timing probes on its commits and acknowledgements (bench only).

``python bench/probe_gateway.py OUT.json run --config ...`` wraps, in this process only,
the outbox's and the history's transactions, the upstream sink's batches and the MQTT
source's acknowledgement bookkeeping, runs ``aastreli`` with the remaining arguments,
and writes what it saw to OUT.json at exit: every commit (start, end, size) and, every
20 ms, the acknowledgements owed and the sinks' queue depths. The gateway's code is
unchanged; bench_e2e.py --probe starts it this way and summarises the file.
"""

from __future__ import annotations

import atexit
import bisect
import functools
import gc
import itertools
import json
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

# The gateway probed: this checkout's, or the one bench_e2e.py --tree names.
ROOT = Path(os.environ.get("BENCH_TREE") or Path(__file__).resolve().parent.parent)
sys.path.insert(0, str(ROOT))

EVENTS: dict[str, list[tuple[float, ...]]] = {
    "outbox_append": [],  # (start, end, messages, readings, ids deleted with it)
    "outbox_delete": [],  # (start, end, ids)
    "history_write": [],  # (start, end, readings)
    "encode": [],  # (start, end, readings): the JSON encoding of a batch, on the loop
    "acks_released": [],  # (time, acknowledgements sent, oldest wait s)
    "samples": [],  # (time, acks owed, upstream queue, history queue, outbox readings)
    "gc": [],  # (start, end, generation)
    "stored": [],  # (start, end): the loop takes a commit's result (UpstreamSink._stored)
}
_LIVE: dict[str, Any] = {}
_OWED_SINCE: list[tuple[int, float]] = []  # (ticket, time the burst was owed)


def _timed(name: str, size: Any) -> Any:
    def wrap(fn: Any) -> Any:
        @functools.wraps(fn)
        def sync(*args: Any, **kw: Any) -> Any:
            t0 = time.monotonic()
            try:
                return fn(*args, **kw)
            finally:
                EVENTS[name].append((t0, time.monotonic(), *size(args)))

        @functools.wraps(fn)
        async def coro(*args: Any, **kw: Any) -> Any:
            t0 = time.monotonic()
            try:
                return await fn(*args, **kw)
            finally:
                EVENTS[name].append((t0, time.monotonic(), *size(args)))

        import inspect

        return coro if inspect.iscoroutinefunction(fn) else sync

    return wrap


def install() -> None:
    from gateway.sources import mqtt
    from gateway.state import history
    from gateway.upstream import encoder, outbox, sink

    outbox.Outbox.append = _timed(
        "outbox_append",
        lambda a: (len(a[1]), sum(m.readings for m in a[1]), len(a[2]) if len(a) > 2 else 0),
    )(outbox.Outbox.append)
    outbox.Outbox.delete = _timed("outbox_delete", lambda a: (len(list(a[1])),))(
        outbox.Outbox.delete
    )
    encoder.MessageEncoder.telemetry = _timed("encode", lambda a: (len(a[1]),))(
        encoder.MessageEncoder.telemetry
    )
    sink.UpstreamSink._stored = _timed("stored", lambda a: ())(sink.UpstreamSink._stored)
    history.History.write = _timed("history_write", lambda a: (len(a[1]),))(history.History.write)

    flush, on_commit = mqtt.MqttSource._flush, mqtt.MqttSource._on_commit
    init_source, init_up = mqtt.MqttSource.__init__, sink.UpstreamSink.__init__

    def source_init(self: Any, *a: Any, **kw: Any) -> None:
        init_source(self, *a, **kw)
        _LIVE["source"] = self

    def up_init(self: Any, *a: Any, **kw: Any) -> None:
        init_up(self, *a, **kw)
        _LIVE["upstream"] = self

    def probed_flush(self: Any) -> None:
        before = len(self._owed)
        flush(self)
        if len(self._owed) > before:
            _OWED_SINCE.append((self._owed[-1][0], time.monotonic()))

    def probed_on_commit(self: Any, upto: int) -> None:
        before = self._owed_count
        on_commit(self, upto)
        sent = before - self._owed_count
        if sent:
            now, oldest = time.monotonic(), None
            while _OWED_SINCE and _OWED_SINCE[0][0] <= upto:
                _, since = _OWED_SINCE.pop(0)
                oldest = since if oldest is None else oldest
            EVENTS["acks_released"].append((now, sent, now - oldest if oldest else 0.0))

    mqtt.MqttSource.__init__ = source_init
    sink.UpstreamSink.__init__ = up_init
    mqtt.MqttSource._flush = probed_flush
    mqtt.MqttSource._on_commit = probed_on_commit

    from gateway.sinks import history as history_sink

    init_hist = history_sink.HistorySink.__init__

    def hist_init(self: Any, *a: Any, **kw: Any) -> None:
        init_hist(self, *a, **kw)
        _LIVE["history"] = self

    history_sink.HistorySink.__init__ = hist_init


_GC_START: list[float] = []


def _on_gc(phase: str, info: dict[str, Any]) -> None:
    if phase == "start":
        _GC_START[:] = [time.monotonic()]
    elif _GC_START:
        EVENTS["gc"].append((_GC_START[0], time.monotonic(), info["generation"]))


def _sampler() -> None:
    while True:
        time.sleep(0.02)
        src, up, hist = _LIVE.get("source"), _LIVE.get("upstream"), _LIVE.get("history")
        box = getattr(up, "outbox", None)
        EVENTS["samples"].append(
            (
                time.monotonic(),
                getattr(src, "_owed_count", 0),
                len(up.queue) if up is not None else 0,
                len(hist.queue) if hist is not None else 0,
                getattr(box, "readings", 0),
            )
        )


def _pct(values: list[float], q: float) -> float:
    v = sorted(values)
    return v[min(len(v) - 1, int(len(v) * q))] if v else 0.0


def _busy(spans: list[tuple[float, ...]], t0: float, t1: float) -> float:
    """Seconds within [t0, t1] covered by the spans (start, end, ...)."""
    return sum(max(0.0, min(e[1], t1) - max(e[0], t0)) for e in spans)


def _overlap(a: list[tuple[float, ...]], b: list[tuple[float, ...]]) -> float:
    """Seconds during which a span of ``a`` and one of ``b`` both run."""
    total, j = 0.0, 0
    for s, e, *_ in a:
        while j < len(b) and b[j][1] <= s:
            j += 1
        k = j
        while k < len(b) and b[k][0] < e:
            total += max(0.0, min(e, b[k][1]) - max(s, b[k][0]))
            k += 1
    return total


def summarise(path: Path, t0: float, t1: float) -> str:
    """What the probes saw between t0 and t1 (time.monotonic of this machine)."""
    ev = json.loads(path.read_text())
    win = t1 - t0

    def within(name: str) -> list[tuple[float, ...]]:
        return [tuple(e) for e in ev[name] if e[0] >= t0 and e[0] < t1]

    app, hist = within("outbox_append"), within("history_write")
    dele, rel, smp = within("outbox_delete"), within("acks_released"), within("samples")
    ms = [1000 * (e[1] - e[0]) for e in app]
    encoded = within("encode")
    enc = [1000 * (e[1] - e[0]) for e in encoded]
    # Between one commit's end and the next one's start: the outbox's thread idle (the
    # loop finishing the group, encoding what is left, handing the next over).
    gaps = [1000 * (b[0] - a[1]) for a, b in itertools.pairwise(app)]
    # Of which: the commit's end until the loop takes its result (the loop was busy).
    stored = sorted(e[0] for e in within("stored"))
    noticed = []
    for a in app:
        k = bisect.bisect_left(stored, a[1])
        if k < len(stored):
            noticed.append(1000 * (stored[k] - a[1]))
    hms = [1000 * (e[1] - e[0]) for e in hist]
    lines = [
        f"outbox commits: {len(app) / win:.1f}/s, {sum(e[3] for e in app) / max(len(app), 1):,.0f}"
        f" readings each ({sum(e[2] for e in app) / max(len(app), 1):.0f} messages); "
        f"{_pct(ms, 0.5):.1f} ms p50, {_pct(ms, 0.99):.1f} ms p99; a commit in flight "
        f"{100 * _busy(app, t0, t1) / win:.0f} % of the time",
        f"encoding a batch (on the loop): {_pct(enc, 0.5):.1f} ms p50 "
        f"({1000 * _pct(enc, 0.5) / max(sum(e[2] for e in encoded) / max(len(encoded), 1), 1):.0f}"
        f" us a reading), {100 * sum(enc) / 1000 / win:.0f} % of the time, "
        f"{100 * _overlap(encoded, app) / max(sum(enc) / 1000, 1e-9):.0f} % of it beside a commit",
        f"from one commit's end to the next one's start: {_pct(gaps, 0.5):.1f} ms p50, "
        f"{_pct(gaps, 0.99):.1f} ms p99 (until the loop takes the result: "
        f"{_pct(noticed, 0.5):.1f} ms p50, {_pct(noticed, 0.99):.1f} ms p99); acknowledged "
        f"messages deleted within the commits: {sum(e[4] for e in app if len(e) > 4) / win:.0f}/s",
        f"history commits: {len(hist) / win:.1f}/s, "
        f"{sum(e[2] for e in hist) / max(len(hist), 1):,.0f} readings each; "
        f"{_pct(hms, 0.5):.1f} ms p50, {_pct(hms, 0.99):.1f} ms p99; in flight "
        f"{100 * _busy(hist, t0, t1) / win:.0f} % of the time, overlapping an outbox commit "
        f"{100 * _overlap(app, hist) / max(_busy(app, t0, t1), 1e-9):.0f} % of the outbox's",
        f"outbox deletes on their own (cloud PUBACKs): {len(dele) / win:.1f}/s, "
        f"{_pct([1000 * (e[1] - e[0]) for e in dele], 0.5):.1f} ms p50, in flight "
        f"{100 * _busy(dele, t0, t1) / win:.0f} % of the time",
    ]
    collections = within("gc")
    full = sum(e[1] - e[0] for e in collections if e[2] == 2)
    lines.append(
        f"garbage collections: {len(collections) / win:.0f}/s, "
        f"{100 * sum(e[1] - e[0] for e in collections) / win:.1f} % of the time "
        f"(of which full ones {100 * full / win:.1f} %)"
    )
    if smp:
        owed = [s[1] for s in smp]
        waits = [1000 * r[2] for r in rel if r[2]]
        lines.append(
            f"acknowledgements owed (the window in use): mean {sum(owed) / len(owed):,.0f}, "
            f"max {max(owed):,}; a burst waits for its commit {_pct(waits, 0.5):.0f} ms p50, "
            f"{_pct(waits, 0.99):.0f} ms p99"
        )
        for i, name in ((2, "upstream queue"), (3, "history queue"), (4, "outbox readings")):
            vals = [s[i] for s in smp]
            lines.append(f"{name}: mean {sum(vals) / len(vals):,.0f}, max {max(vals):,}")
    return "\n".join("            " + line for line in lines)


def main() -> None:
    out = Path(sys.argv[1])
    install()
    atexit.register(lambda: out.write_text(json.dumps(EVENTS)))
    threading.Thread(target=_sampler, daemon=True, name="probe-sampler").start()
    gc.callbacks.append(_on_gc)
    from gateway.cli import main as aastreli

    sys.exit(aastreli(sys.argv[2:]))


if __name__ == "__main__":
    main()
