"""End to end: C publisher -> mosquitto -> the gateway -> mosquitto -> a counting subscriber.

``mosquitto_pub -l`` (QoS 1) publishes seed-shaped readings of 10 assets to a local
"plant" mosquitto; the real gateway (``python -m gateway run``: the MQTT source, the
pipeline with the compiled model when ``compiled_models/pump_motor`` is there, history,
the upstream sink and its outbox) forwards them to a second local "cloud" mosquitto,
where a subscriber (another process) counts every reading and its latency.

Each published reading carries ``bench.n`` (its number) and ``bench.t`` (the time the
driver wrote it to the publisher's stdin); they travel through the gateway as values,
so the subscriber knows exactly which reading arrived and when it was written. The
latency is thus from the publisher's input to the cloud subscriber: an upper bound of
"arrival at the gateway to upstream publish" (it adds both broker hops).

1. p50/p99 latency at 1,000 readings/s for 20 s;
2. sustained rate: steps of 10 s at rising rates; a rate is sustained when every
   reading arrives, none twice, and the last within 2 s of being written. With
   ``--repeat N`` each rate runs N times in a row and counts only when all N do.

With ``--hold 60``, step 2 holds each rate for 60 s instead and samples the lag once a
second: how many seconds of readings were written but had not yet arrived. A rate is
sustained when the lag is flat over the whole minute (its least-squares slope below
``--max-slope``, 0.005 s per s: the gateway forwards at least 99.5 % of the input rate;
a gateway that keeps up has a lag that stays where the pipeline's depth puts it), and
every reading arrives, none twice. A growing lag is a rate the gateway cannot hold,
however small it still is at the end of the minute.

Everything (both brokers, the publisher, the subscriber, the driver, the gateway)
shares this machine's cores. With ``--profile``, py-spy samples the gateway during the
fastest step and the top functions are printed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ASSETS = [f"industrial_sensor_{i + 1}" for i in range(10)]
MODEL = ROOT / "compiled_models" / "pump_motor"


# -- the counting subscriber (a separate process: ``bench_e2e.py --subscriber PORT``) --------


async def subscriber(port: int, floor: bool = False) -> None:
    """Counts readings on the cloud broker; prints a JSON summary on each stdin line.

    With ``floor``, it subscribes on the plant broker instead and counts the publisher's
    own messages (one reading each): the harness without the gateway, the baseline.
    """
    import orjson
    from gmqtt import Client
    from gmqtt.mqtt.constants import MQTTv311

    seen: set[int] = set()
    dups = 0
    lat: list[float] = []
    last_arrival = 0.0
    lock = threading.Lock()

    def on_message(_c: Any, topic: str, payload: bytes, _qos: int, _p: Any) -> int:
        nonlocal dups, last_arrival
        if not floor and "/telemetry/" not in topic:
            return 0
        now = time.time()
        msg = orjson.loads(payload)  # the harness's share of the cores: as small as it can be
        with lock:
            for r in [msg] if floor else msg["readings"]:
                b = r["bench"]
                n = int(b["n"])
                if n in seen:
                    dups += 1
                    continue
                seen.add(n)
                lat.append(now - b["t"])
            last_arrival = now
        return 0

    client = Client("bench-cloud-subscriber")
    client.on_message = on_message
    await client.connect("127.0.0.1", port, version=MQTTv311)
    client.subscribe("sensors/#" if floor else "aastreli/#", qos=1)
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    print(json.dumps({"ready": True}), flush=True)
    while True:
        line = (await reader.readline()).decode().strip()
        if not line or line == "quit":
            break
        with lock:
            if line == "reset":
                seen.clear()
                lat.clear()
                dups = 0
                print(json.dumps({"reset": True}), flush=True)
                continue
            if line == "count":  # once a second in --hold: no sorting of latencies
                print(json.dumps({"count": len(seen)}), flush=True)
                continue
            ls = sorted(lat)
            out = {
                "count": len(seen),
                "dups": dups,
                "last_arrival": last_arrival,
                "max_n": max(seen) if seen else 0,
            }
            if ls:
                out.update(p50=ls[len(ls) // 2], p99=ls[int(len(ls) * 0.99)], max=ls[-1])
        print(json.dumps(out), flush=True)
    await client.disconnect()


# -- the driver --------------------------------------------------------------------------


class Sub:
    def __init__(self, port: int, floor: bool = False) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--subscriber", str(port)] + (["--floor"] if floor else []),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert json.loads(self._line())["ready"]

    def _line(self) -> str:
        assert self.proc.stdout is not None
        return self.proc.stdout.readline()

    def ask(self, cmd: str = "stats") -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(cmd + "\n")
        self.proc.stdin.flush()
        return dict(json.loads(self._line()))

    def stop(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.write("quit\n")
            self.proc.stdin.flush()
            self.proc.wait(5)


def templates() -> list[str]:
    """Seed-shaped lines of plausible values, one per asset, with slots for n and t."""
    from gateway.simulator import Plant
    from gateway.simulator.plant import nest

    plant = Plant(seed=7, assets=ASSETS)
    out = []
    for a in ASSETS:
        body = nest(plant.sample(a, random.uniform(0, 3600)))
        head = json.dumps({"sensor_id": a, **body})[:-1]
        out.append(head + ',"bench":{"n":%d,"t":%.6f}}')
    return out


class Publisher:
    def __init__(self, port: int) -> None:
        self.proc = subprocess.Popen(
            [
                "mosquitto_pub",
                "-h",
                "127.0.0.1",
                "-p",
                str(port),
                "-t",
                "sensors/plant/data",
                "-q",
                "1",
                "-l",
                # libmosquitto's default of 20 unacknowledged messages caps a QoS 1
                # publisher near 12,000 messages/s here: the harness, not the gateway.
                "-M",
                "1000",
                "-i",
                "bench-publisher",
            ],
            stdin=subprocess.PIPE,
        )
        self.lines = templates()
        self.n = 0

    def run(
        self, rate: float, seconds: float, tick: Callable[[float, int], None] | None = None
    ) -> int:
        """Write ``rate`` lines/s for ``seconds``; returns the first n of this run.

        ``tick(elapsed, written)`` is called about once a second with the lines written
        so far in this run."""
        assert self.proc.stdin is not None
        first = self.n + 1
        step = 0.005
        t0 = time.perf_counter()
        due = 0.0
        k = len(self.lines)
        next_tick = 1.0
        while (now := time.perf_counter()) - t0 < seconds:
            if tick is not None and now - t0 >= next_tick:
                tick(now - t0, self.n - first + 1)
                next_tick += 1.0
            target = int((now - t0) * rate)
            if target > due:
                t = time.time()
                chunk = []
                for _ in range(target - int(due)):
                    self.n += 1
                    chunk.append(self.lines[self.n % k] % (self.n, t))
                self.proc.stdin.write(("\n".join(chunk) + "\n").encode())
                self.proc.stdin.flush()
                due = target
            time.sleep(step)
        return first

    def stop(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:  # a backlog the broker never took: a failed rate
            self.proc.kill()
            self.proc.wait()


def gateway_config(
    path: Path,
    data: Path,
    plant: int,
    cloud: int,
    model: Path | None,
    history: bool = True,
    source_qos: int = 1,
    upstream: dict[str, Any] | None = None,
    ack: str = "stored",
    source_extra: dict[str, Any] | None = None,
    history_extra: dict[str, Any] | None = None,
    insight: bool = True,
    pipeline: dict[str, Any] | None = None,
) -> None:
    import yaml

    path.write_text(
        yaml.safe_dump(
            {
                "gateway": {
                    "id": "gw-bench",
                    "data_dir": str(data),
                    "log_level": "warning",
                    "log_format": "text",
                },
                "model": {"package": str(model) if model else None}
                | ({} if insight else {"explain": {"enabled": False}, "drift": {"enabled": False}}),
                "history": {"enabled": history, **(history_extra or {})},
                "alerts": {"enabled": False},
                "web": {"enabled": False},
                "pipeline": pipeline or {},
                "upstream": {"enabled": True, "port": cloud, **(upstream or {})},
                "sources": [
                    {
                        "kind": "mqtt",
                        "name": "plant",
                        "port": plant,
                        "topics": ["sensors/#"],
                        "payload": "seed",
                        "qos": source_qos,
                        "ack": ack,
                        **(source_extra or {}),
                    }
                ],
            }
        )
    )


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    """The process's resident memory (``VmHWM``: its peak since it started)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_s(pid: int, tid: int | None = None) -> float:
    """CPU seconds (user + system) a process used so far, all its threads (or thread
    ``tid``: the main thread, the event loop's, is the process's own id)."""
    where = f"/proc/{pid}/task/{tid}/stat" if tid is not None else f"/proc/{pid}/stat"
    fields = Path(where).read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def history_state(data: Path) -> tuple[str, int, int]:
    """The history sink's backlog and drops: a rate is sustained only if history keeps up too
    (nothing dropped, and no more than 2 s of readings still queued once the upstream
    side settled)."""
    from gateway.control import request

    try:
        st = request(data, "status", timeout=5)
    except OSError as err:
        return f"history: no status ({err})", 0, 0
    for c in (st or {}).get("components", []):
        if c["name"] == "history":
            depth, dropped = c["extra"].get("depth", 0), int(c["dropped"])
            return f"history: {depth:,} still queued, {dropped:,} dropped", int(depth), dropped
    return "", 0, 0


def settle(sub: Sub, expect: int, timeout: float) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        st = sub.ask()
        if st["count"] >= expect or time.monotonic() > deadline:
            return st
        time.sleep(0.2)


def profile(pid: int, seconds: float, out: Path) -> str:
    pyspy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    if not Path(pyspy).exists():
        return "py-spy not installed: no profile"
    raw = out / "gateway.pyspy.txt"
    res = subprocess.run(
        [
            pyspy,
            "record",
            "--pid",
            str(pid),
            "--duration",
            str(int(seconds)),
            "--format",
            "raw",
            "--output",
            str(raw),
            "--nonblocking",
            "--threads",
        ],
        capture_output=True,
        text=True,
    )
    if res.returncode != 0 or not raw.exists():
        return f"py-spy failed: {res.stderr.strip()[:300]}"
    parts: dict[str, int] = {}
    own: dict[str, int] = {}
    total = 0
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        n = int(count)
        total += n
        part = "other (event loop, logging, ...)"
        for marker, name in _PARTS:
            if marker in stack:
                part = name
                break
        parts[part] = parts.get(part, 0) + n
        leaf = stack.split(";")[-1]
        own[leaf] = own.get(leaf, 0) + n
    lines = [
        f"   {100 * n / total:5.1f} %  {name}"
        for name, n in sorted(parts.items(), key=lambda kv: -kv[1])
    ]
    lines.append("   busiest innermost frames:")
    lines += [
        f"   {100 * n / total:5.1f} %  {f[:100]}"
        for f, n in sorted(own.items(), key=lambda kv: -kv[1])[:12]
    ]
    return f"   {total} samples (100/s per busy thread)\n" + "\n".join(lines)


# Which part of the gateway a py-spy stack belongs to: the first marker found wins.
_PARTS = (
    ("gateway/upstream/", "upstream (encode, outbox, publish, PUBACKs)"),
    ("gateway/state/history", "history (SQLite, its thread)"),
    ("gateway/pipeline", "pipeline (features, model, sink offers)"),
    ("(mqtt.py:", "MQTT source (gmqtt receive, payload mapping)"),
    ("(payloads.py:", "MQTT source (gmqtt receive, payload mapping)"),
    ("_handle_publish_packet", "MQTT source (gmqtt receive, payload mapping)"),
    ("_handle_qos_1_publish", "MQTT source (gmqtt receive, payload mapping)"),
)


def slope(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of (t, lag) points: seconds of lag gained per second."""
    n = len(points)
    if n < 2:
        return 0.0
    mt = sum(t for t, _ in points) / n
    ml = sum(lag for _, lag in points) / n
    var = sum((t - mt) ** 2 for t, _ in points)
    return sum((t - mt) * (lag - ml) for t, lag in points) / var if var else 0.0


class LagProbe:
    """Samples, once a second of a held rate, how many seconds of readings the
    subscriber is behind the publisher (written minus arrived, over the rate)."""

    def __init__(self, sub: Sub, rate: float) -> None:
        self.sub, self.rate = sub, rate
        self.points: list[tuple[float, float]] = []

    def __call__(self, elapsed: float, written: int) -> None:
        arrived = int(self.sub.ask("count")["count"])
        self.points.append((elapsed, max(written - arrived, 0) / self.rate))

    def at(self, second: float) -> float:
        """The lag sampled nearest to ``second``."""
        return min(self.points, key=lambda p: abs(p[0] - second))[1] if self.points else 0.0

    def summary(self) -> str:
        if not self.points:
            return "lag: no samples"
        end = self.points[-1][0]
        marks = [end * f for f in (0.1, 0.25, 0.5, 0.75)] + [end]
        return "lag (s behind) at " + ", ".join(f"{t:.0f} s: {self.at(t):.2f}" for t in marks)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--subscriber", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--rates", default="5000,10000,15000,20000,25000,30000")
    ap.add_argument("--step", type=float, default=10.0, help="seconds per rate step")
    ap.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="run each rate this many times in a row (the same gateway); a rate counts as "
        "sustained only when every run of it is (one run can be lucky or unlucky on a "
        "noisy machine); the first run not sustained ends the bench",
    )
    ap.add_argument("--profile", action="store_true", help="py-spy the gateway during each step")
    ap.add_argument(
        "--hold",
        type=float,
        help="hold each rate this long (60: the sustained mode) and judge it by the lag's "
        "slope instead of the last arrival's delay",
    )
    ap.add_argument(
        "--max-slope",
        type=float,
        default=0.005,
        help="--hold: the largest lag slope (s per s) still called flat",
    )
    ap.add_argument(
        "--receive-maximum",
        type=int,
        help="the MQTT source's receive_maximum (MQTT 5: the acknowledgement window)",
    )
    ap.add_argument(
        "--history-interval",
        type=float,
        help="history.commit_interval: seconds the history gathers readings per commit",
    )
    ap.add_argument(
        "--probe",
        action="store_true",
        help="time the gateway's commits and acknowledgements (bench/probe_gateway.py)",
    )
    ap.add_argument(
        "--skip-latency", action="store_true", help="leave out step 1 (1,000/s for 20 s)"
    )
    ap.add_argument(
        "--floor",
        action="store_true",
        help="the baseline: no gateway; the subscriber counts the plant broker's messages",
    )
    ap.add_argument(
        "--pin",
        choices=("split", "gateway"),
        help="split: the harness (brokers, publisher, subscriber, driver) on CPU 0 and the "
        "gateway on CPU 1, what the gateway does with a core of its own, as on a machine "
        "whose broker runs elsewhere (with --floor: the harness's own limit there); "
        "gateway: only the gateway on CPU 1, the harness where the kernel puts it",
    )
    ap.add_argument("--no-history", action="store_true", help="to see what history costs")
    ap.add_argument(
        "--hold-sources-above",
        type=int,
        help="pipeline.hold_sources_above (backpressure; 0: off) instead of the default",
    )
    ap.add_argument(
        "--tree",
        help="run the gateway of another checkout (its .venv and code), e.g. main's, "
        "with this harness: a baseline alternated with the change in one session",
    )
    ap.add_argument(
        "--no-insight",
        action="store_true",
        help="explanations and drift checks off (model.explain, model.drift): their cost",
    )
    ap.add_argument("--linger-ms", type=float, help="the upstream's linger_ms (default: its own)")
    ap.add_argument(
        "--source-qos",
        type=int,
        default=1,
        choices=(0, 1),
        help="the MQTT source's subscription QoS (0: no PUBACK per reading)",
    )
    ap.add_argument(
        "--ack",
        default="stored",
        choices=("stored", "received"),
        help="when the MQTT source acknowledges: once the outbox stored a reading (the "
        "default), or on receipt (the rule before; a crash loses what is in memory)",
    )
    args = ap.parse_args()
    if args.subscriber:
        asyncio.run(subscriber(args.subscriber, args.floor))
        return

    from tests.support.mosquitto import Mosquitto

    work = Path(tempfile.mkdtemp(prefix="bench-e2e-"))
    # --tree: another checkout's gateway (its .venv, code and model package, whose format
    # is its own) against this harness, so that a change and its baseline alternate in
    # one session with the same driver.
    tree = Path(args.tree).resolve() if args.tree else ROOT
    model = tree / MODEL.relative_to(ROOT)
    has_model = (model / "manifest.json").exists()
    plant = Mosquitto(work / "plant").start()
    cloud = Mosquitto(work / "cloud").start()
    sub = Sub(plant.port if args.floor else cloud.port, floor=args.floor)
    cfg = work / "gateway.yaml"
    gateway_config(
        cfg,
        work / "data",
        plant.port,
        cloud.port,
        model if has_model else None,
        history=not args.no_history,
        upstream={} if args.linger_ms is None else {"linger_ms": args.linger_ms},
        source_qos=args.source_qos,
        ack=args.ack,
        history_extra=(
            {} if args.history_interval is None else {"commit_interval": args.history_interval}
        ),
        source_extra=(
            {} if args.receive_maximum is None else {"receive_maximum": args.receive_maximum}
        ),
        insight=not args.no_insight,
        pipeline=(
            {}
            if args.hold_sources_above is None
            else {"hold_sources_above": args.hold_sources_above}
        ),
    )
    python = str(tree / ".venv/bin/python") if args.tree else sys.executable
    env = {**os.environ, "PYTHONPATH": str(tree), "BENCH_TREE": str(tree)}
    t_start = time.monotonic()
    # The baseline keeps every other part and its measurements; an idle process
    # stands where the gateway would be.
    gw_cmd = ["-c", "import time; time.sleep(10**6)"] if args.floor else ["-m", "gateway"]
    probe_file = work / "probe.json"
    if args.probe and not args.floor:
        gw_cmd = [str(ROOT / "bench/probe_gateway.py"), str(probe_file)]
    windows: list[tuple[int, float, float]] = []
    gw = subprocess.Popen(
        [python, *gw_cmd, "run", "--config", str(cfg)],
        cwd=tree,
        env=env,
        stderr=(work / "gateway.log").open("wb"),
        preexec_fn=(lambda: os.sched_setaffinity(0, {1})) if args.pin else None,
    )
    pub = Publisher(plant.port)
    if args.pin == "split":
        from gateway.affinity import pin_threads

        assert plant.proc is not None and cloud.proc is not None
        for pid in (plant.proc.pid, cloud.proc.pid, pub.proc.pid, sub.proc.pid, os.getpid()):
            pin_threads(pid, {0})
    try:
        print(
            "model: "
            + (
                "compiled pump_motor"
                if has_model
                else "none (NullModel): no compiled_models/pump_motor"
            )
            + f"; history {'off' if args.no_history else 'on'}; source QoS {args.source_qos}"
            + f", acknowledged {'once stored' if args.ack == 'stored' else 'on receipt'}"
            + ("; explanations and drift off" if args.no_insight else "")
            + ("; pinned: the harness on CPU 0" if args.pin == "split" else "")
            + ("; pinned: the gateway on CPU 1" if args.pin else "")
            + (
                "\nBASELINE (--floor): no gateway; publisher -> plant mosquitto -> the Python "
                "subscriber (gmqtt, orjson), QoS 1"
                if args.floor
                else ""
            )
        )
        # Warm-up: the first reading forwarded also tells the gateway is up.
        # (readings published before the source subscribed are not counted)
        deadline = time.monotonic() + 30
        while sub.ask()["count"] < 1:
            if time.monotonic() > deadline or gw.poll() is not None:
                raise SystemExit(f"nothing forwarded; see {work / 'gateway.log'}")
            pub.run(200, 0.02)
            time.sleep(0.02)
        print(
            f"start to first reading forwarded: {time.monotonic() - t_start:.2f} s "
            "(an upper bound: readings are sent every 40 ms from the start)"
        )
        time.sleep(1)
        sub.ask("reset")

        if not args.skip_latency:
            first = pub.run(1000, 20)
            st = settle(sub, pub.n - first + 1, 15)
            print(
                f"1. at 1,000 readings/s for 20 s: {st['count']:,} of {pub.n - first + 1:,} "
                f"arrived, {st['dups']} twice; latency p50 {st['p50'] * 1000:.1f} ms, "
                f"p99 {st['p99'] * 1000:.1f} ms, max {st['max'] * 1000:.1f} ms; "
                f"gateway RSS {rss_mb(gw.pid):.0f} MB"
            )

        seconds = args.hold or args.step
        print(
            f"2. sustained rate, {seconds:g} s "
            + ("held, judged by the lag's slope" if args.hold else "steps")
            + " (sent / arrived / last arrival after the last write / p99 latency)"
        )
        best = 0
        repeat = max(args.repeat, 1)
        runs = [(int(r), k) for r in args.rates.split(",") for k in range(1, repeat + 1)]
        for rate, run in runs:
            sub.ask("reset")
            prof: dict[str, str] = {}
            if args.profile:
                th = threading.Thread(
                    target=lambda p=prof: p.update(text=profile(gw.pid, seconds * 0.8, work))
                )
                th.start()
            assert plant.proc is not None and cloud.proc is not None
            others = {
                "plant broker": plant.proc.pid,
                "cloud broker": cloud.proc.pid,
                "publisher": pub.proc.pid,
                "subscriber": sub.proc.pid,
            }
            others0 = {k: cpu_s(pid) for k, pid in others.items()}
            w0, self0 = time.monotonic(), time.process_time()
            cpu0, loop0 = cpu_s(gw.pid), cpu_s(gw.pid, gw.pid)
            probe = LagProbe(sub, rate) if args.hold else None
            m0 = time.monotonic()
            first = pub.run(rate, seconds, tick=probe)
            # The cores each part used while the rate was held (not over the settling
            # after it, when a rate that was not kept leaves everyone idle but the gateway).
            wall = time.monotonic() - w0
            used = {k: (cpu_s(pid) - others0[k]) / wall for k, pid in others.items()}
            used["driver"] = (time.process_time() - self0) / wall
            used = {"gateway": (cpu_s(gw.pid) - cpu0) / wall, **used}
            t_end = time.time()
            windows.append((rate, m0, time.monotonic()))
            sent = pub.n - first + 1
            st = settle(sub, sent, 30)
            history, history_depth, history_drops = (
                ("", 0, 0) if args.floor else history_state(work / "data")
            )
            cpu, loop_cpu = cpu_s(gw.pid) - cpu0, cpu_s(gw.pid, gw.pid) - loop0
            lag = st["last_arrival"] - t_end
            growth = slope(probe.points) if probe else 0.0
            ok = (
                st["count"] == sent
                and st["dups"] == 0
                and (growth < args.max_slope if probe else lag <= 2.0)
                and not history_drops
                and history_depth <= 2 * rate
            )
            print(
                f"   {rate:>7,}/s: {sent:>8,} / {st['count']:>8,} / {lag:5.2f} s / "
                f"p99 {st.get('p99', 0) * 1000:7.1f} ms  {'ok' if ok else 'NOT SUSTAINED'}"
                f"  (RSS {rss_mb(gw.pid):.0f} MB, peak {rss_mb(gw.pid, 'VmHWM'):.0f},"
                f" gateway CPU {1e6 * cpu / max(sent, 1):.0f} us"
                f" per reading, {1e6 * loop_cpu / max(sent, 1):.0f} of them on the event loop's"
                " thread)"
            )
            if probe:
                print(
                    f"            {probe.summary()}; slope {growth:+.4f} s/s "
                    f"({'flat' if growth < args.max_slope else 'GROWING'}: forwarding "
                    f"{100 * (1 - growth):.1f} % of the input rate)"
                )
            print(
                (f"            {history}\n" if history else "")
                + "            cores used while the rate was held: "
                + ", ".join(f"{k} {v:.2f}" for k, v in used.items())
            )
            if args.profile:
                th.join()
                print(
                    f"   where the gateway's time goes at {rate:,}/s (py-spy samples,"
                    " innermost frame):"
                )
                print(prof.get("text", ""))
            if not ok:
                # The runs after it would start behind (what this one left unforwarded).
                if repeat > 1:
                    print(f"   {rate:,}/s not sustained in run {run} of {repeat}")
                break
            if run < repeat:
                continue
            if repeat > 1:
                print(f"   {rate:,}/s sustained in {repeat} of {repeat} runs")
            best = rate
        print(f"   sustained with nothing lost: {best:,} readings/s")
    finally:
        pub.stop()
        gw.send_signal(signal.SIGTERM)
        try:
            gw.wait(20)
        except subprocess.TimeoutExpired:
            gw.kill()
        sub.stop()
        plant.stop()
        cloud.stop()
        if args.probe and probe_file.exists():
            from bench.probe_gateway import summarise

            for rate, m0, m1 in windows:
                print(f"   probes at {rate:,}/s:\n{summarise(probe_file, m0, m1)}")
        if os.environ.get("BENCH_KEEP") is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
