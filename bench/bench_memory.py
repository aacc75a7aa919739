"""Resident memory of the demo's gateway process, beside bare-Python baselines.

Starts ``aastreli demo`` as a user would (config/gateway.yaml, copied with free ports
for the simulated plant's MQTT broker, Modbus and OPC UA servers and the web UI, and a
temporary data folder), waits until the compiled model predicts readings of all three
sources, then samples the gateway process's VmRSS for ``--seconds`` (60 by default)
while predictions keep flowing, and checks they did. Then it waits for the demo's
first fault (after 90 s of normal running) and reads VmRSS again 10 s after the first
alert opened, since storing an alert loads code that normal running does not.

The figure that counts is the gateway process's: the plant simulator and, when nothing
listens on the MQTT port, the embedded amqtt broker run in the demo's child process;
the bench says which process listens on each plant port so that is visible, not assumed.

Printed beside it:

- a bare interpreter, and a bare interpreter importing the same third-party libraries
  the gateway uses (the floor of this feature set in Python);
- the gateway's own modules imported, nothing started (what running adds);
- where the gateway's memory goes: /proc/PID/smaps (Python heap vs shared libraries),
  and the Python memory each package holds after import (tracemalloc, in a separate
  process, so the measured gateway runs untraced).

Progress is read from ``/metrics`` with a static token set in the config copy.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_MB = 80.0  # /work/shared/PEERS.md: resident memory of the demo at most 80 MB
TOKEN = "bench-memory-metrics-token"

# Third-party libraries the demo's gateway process imports (its sources, model, state,
# web UI). Apprise and requests are left out: the gateway loads them only to deliver a
# notification (shown on their own line).
LIBRARIES = (
    "yaml",
    "pydantic",
    "pydantic.main",
    "asyncua",
    "pymodbus.client",
    "gmqtt",
    "tinydb",
    "sqlite3",
    "flask",
    "flask_jwt_extended",
    "waitress",
    "argon2",
    "bcrypt",
)
# The modules ``aastreli demo`` runs, imported without starting anything.
GATEWAY_MODULES = (
    "gateway.cli",
    "gateway.demo",
    "gateway.runtime",
    "gateway.sources.mqtt",
    "gateway.sources.modbus",
    "gateway.sources.opcua",
    "gateway.alerts.sink",
    "gateway.upstream.sink",
    "webui.app",
)


# -- /proc readings ----------------------------------------------------------------------


def status(pid: int) -> dict[str, float]:
    """VmRSS, VmHWM, RssAnon, RssFile (MB) and Threads of a process."""
    out: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM", "RssAnon", "RssFile"):
            out[key] = int(value.split()[0]) / 1024
        elif key == "Threads":
            out[key] = int(value)
    return out


def smaps(pid: int) -> dict[str, float]:
    """Resident MB by mapping: the Python heap (anonymous), each shared library."""
    sizes: dict[str, float] = {}
    name = ""
    head = re.compile(r"^[0-9a-f]+-[0-9a-f]+ ")
    for line in Path(f"/proc/{pid}/smaps").read_text().splitlines():
        if head.match(line):
            parts = line.split(None, 5)
            path = parts[5].strip() if len(parts) > 5 else ""
            if not path or path == "[heap]":
                name = "heap (Python objects, C allocations)"
            elif path.startswith("["):
                name = path
            elif "site-packages/" in path:
                name = path.split("site-packages/")[1].split("/")[0] + " (native)"
            else:
                name = path.rsplit("/", 1)[-1]
        elif line.startswith("Rss:"):
            sizes[name] = sizes.get(name, 0.0) + int(line.split()[1]) / 1024
    return sizes


def listener_pid(port: int, pids: list[int]) -> int | None:
    """Which of ``pids`` (the demo's processes) holds a listening TCP socket on ``port``."""
    inodes: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            f = line.split()
            if f[3] == "0A" and int(f[1].rsplit(":", 1)[1], 16) == port:  # 0A: LISTEN
                inodes.add(f[9])
    for pid in pids:
        try:
            for fd in Path(f"/proc/{pid}/fd").iterdir():
                link = os.readlink(fd)
                if link.startswith("socket:[") and link[8:-1] in inodes:
                    return pid
        except OSError:
            continue
    return None


def children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:  # the field after the state is the parent's pid
            out.append(int(stat.parent.name))
    return out


# -- baselines (fresh interpreters) ------------------------------------------------------

_RSS_CODE = (
    "import sys\n"
    "for m in sys.argv[1:]: __import__(m)\n"
    "rss = [l for l in open('/proc/self/status') if l.startswith('VmRSS')][0]\n"
    "print(int(rss.split()[1]) / 1024)\n"
)


def fresh_rss(modules: tuple[str, ...], gateway_parser: bool = False) -> float:
    code = _RSS_CODE
    if gateway_parser:  # what ``aastreli demo`` builds before it starts
        code = "from gateway.cli import build_parser; build_parser(())\n" + code
    out = subprocess.run(
        [sys.executable, "-c", code, *modules],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(out.stdout.strip())


def import_breakdown() -> None:
    """Child mode: Python memory (MB) each top-level package holds after import, as JSON."""
    import importlib.abc
    import tracemalloc

    tracemalloc.start(1)
    own: dict[str, float] = {}
    stack: list[float] = []

    def traced() -> float:
        return tracemalloc.get_traced_memory()[0] / 1e6

    class Measure(importlib.abc.MetaPathFinder):
        # Wraps each module's exec_module to count what it allocates itself (children
        # excluded), so a package is charged for its own code and data.
        def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
            for finder in sys.meta_path:
                if finder is self or not hasattr(finder, "find_spec"):
                    continue
                spec = finder.find_spec(name, path, target)
                if spec is None:
                    continue
                loader = spec.loader
                if loader is not None and hasattr(loader, "exec_module"):
                    inner = loader.exec_module

                    def exec_module(module: Any, inner: Any = inner, name: str = name) -> None:
                        start = traced()
                        stack.append(0.0)
                        try:
                            inner(module)
                        finally:
                            nested = stack.pop()
                            total = traced() - start
                            top = name.split(".")[0]
                            own[top] = own.get(top, 0.0) + total - nested
                            if stack:
                                stack[-1] += total

                    try:
                        loader.exec_module = exec_module  # type: ignore[method-assign]
                    except (AttributeError, TypeError):
                        pass
                return spec
            return None

    sys.meta_path.insert(0, Measure())
    from gateway.cli import build_parser

    build_parser(())
    for m in GATEWAY_MODULES:
        __import__(m)
    print(json.dumps({"total": traced(), "packages": own}))


# -- the demo ----------------------------------------------------------------------------


def write_config(path: Path, data: Path) -> dict[str, int]:
    """config/gateway.yaml with free ports everywhere and a metrics token."""
    import yaml

    from tests.support.net import free_port

    tree = yaml.safe_load((ROOT / "config" / "gateway.yaml").read_text())
    ports = {k: free_port() for k in ("mqtt", "modbus", "opcua", "web")}
    sim = tree["simulator"]
    for k in ("mqtt", "modbus", "opcua"):
        sim[k]["port"] = ports[k]
    for src in tree["sources"]:
        if src["kind"] == "mqtt":
            src["port"] = ports["mqtt"]
        elif src["kind"] == "modbus":
            src["port"] = ports["modbus"]
        elif src["kind"] == "opcua":
            src["url"] = f"opc.tcp://127.0.0.1:{ports['opcua']}/"
    tree["gateway"]["data_dir"] = str(data)
    tree["web"]["port"] = ports["web"]
    tree["web"]["metrics_token"] = TOKEN
    path.write_text(yaml.safe_dump(tree, sort_keys=False))
    return ports


def scrape(port: int) -> dict[str, float]:
    req = urllib.request.Request(
        f"http://127.0.0.1:{port}/metrics", headers={"Authorization": f"Bearer {TOKEN}"}
    )
    with urllib.request.urlopen(req, timeout=5) as resp:
        text = resp.read().decode()
    out: dict[str, float] = {}
    for line in text.splitlines():
        if line.startswith("aastreli_model_rows_total "):
            out["rows"] = float(line.split()[1])
        m = re.match(r'aastreli_component_received_total\{component="([^"]+)".*\} (\S+)', line)
        if m:
            out[m.group(1)] = float(m.group(2))
    return out


def demo_command(cfg: Path, data: Path, web_port: int) -> list[str]:
    script = Path(sys.executable).parent / "aastreli"
    head = [str(script)] if script.exists() else [sys.executable, "-m", "gateway"]
    return [
        *head,
        "demo",
        "--config",
        str(cfg),
        "--data-dir",
        str(data),
        "--port",
        str(web_port),
    ]


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)  # Ctrl-C: the demo stops its plant child too
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--imports", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--seconds", type=float, default=60.0, help="predictions flowing for this long")
    ap.add_argument("--keep", action="store_true", help="keep the work folder (logs, data)")
    ap.add_argument(
        "--no-alert", action="store_true", help="do not wait for the demo's first alert (~95 s)"
    )
    args = ap.parse_args()
    if args.imports:
        import_breakdown()
        return

    work = Path(tempfile.mkdtemp(prefix="bench-memory-"))
    cfg, data = work / "gateway.yaml", work / "data"
    ports = write_config(cfg, data)
    log = (work / "demo.log").open("wb")
    t0 = time.monotonic()
    proc = subprocess.Popen(
        demo_command(cfg, data, ports["web"]),
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    samples: list[float] = []
    try:
        # Ready: every source has delivered readings and the model has predicted some.
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                raise SystemExit(f"the demo exited; see {work / 'demo.log'}")
            if time.monotonic() > deadline:
                raise SystemExit(f"no predictions from all sources; see {work / 'demo.log'}")
            try:
                m = scrape(ports["web"])
            except OSError:
                m = {}
            sources = [v for k, v in m.items() if k.startswith("simulator-")]
            if m.get("rows", 0) > 0 and len(sources) == 3 and min(sources) > 0:
                break
            time.sleep(0.5)
        print(f"predictions flowing {time.monotonic() - t0:.1f} s after start")
        first = m
        end = time.monotonic() + args.seconds
        while time.monotonic() < end:
            samples.append(status(proc.pid)["VmRSS"])
            time.sleep(2)
        last = scrape(ports["web"])
        st = status(proc.pid)
        maps = smaps(proc.pid)
        plant = children(proc.pid)
        owners = {
            k: listener_pid(ports[k], [proc.pid, *plant])
            for k in ("mqtt", "modbus", "opcua", "web")
        }
        plant_rss = status(plant[0])["VmRSS"] if plant else 0.0
        # The demo's plant runs normally for 90 s, then a fault: the first alert opens
        # (stored, no notification targets yet). What that brings in stays resident.
        alert_rss = None
        if not args.no_alert:
            deadline = time.monotonic() + 150
            while time.monotonic() < deadline and proc.poll() is None:
                if b'"alert_opened"' in (work / "demo.log").read_bytes():
                    time.sleep(10)
                    alert_rss = status(proc.pid)["VmRSS"]
                    break
                time.sleep(2)
    finally:
        stop(proc)
        log.close()

    rows = last.get("rows", 0) - first.get("rows", 0)
    if rows <= 0:
        raise SystemExit("predictions stopped during the measurement")
    print(f"predictions during the {args.seconds:.0f} s window: {rows:.0f}")

    bare = fresh_rss(())
    libs = fresh_rss(LIBRARIES)
    libs_apprise = fresh_rss((*LIBRARIES, "apprise", "requests"))
    mods = fresh_rss(GATEWAY_MODULES, gateway_parser=True)
    rss = st["VmRSS"]
    print()
    print("resident memory (VmRSS, MB)")
    print(f"  bare python interpreter                       {bare:6.1f}")
    print(f"  + the gateway's third-party libraries         {libs:6.1f}")
    print(f"    (+ apprise and requests, loaded on demand)  {libs_apprise:6.1f}")
    print(f"  the gateway's modules imported, not started   {mods:6.1f}")
    print(
        f"  the demo's gateway process, predictions       {rss:6.1f}   "
        f"(min {min(samples):.1f}, max {max(samples):.1f} over {len(samples)} samples)"
    )
    print(
        f"  target                                        {TARGET_MB:6.1f}   "
        f"-> {rss / TARGET_MB:.2f} of the target, {rss - libs:.1f} MB above its libraries"
    )
    if alert_rss is not None:
        print(f"  the same, 10 s after its first alert opened   {alert_rss:6.1f}")
    elif not args.no_alert:
        print("  (no alert opened within the wait)")
    print(f"  start-up peak (VmHWM)                         {st['VmHWM']:6.1f}")
    print()
    print(
        f"gateway pid {proc.pid}: anonymous {st['RssAnon']:.1f} MB, "
        f"file-backed {st['RssFile']:.1f} MB, {st['Threads']:.0f} threads"
    )
    for name, mb in sorted(maps.items(), key=lambda kv: -kv[1])[:10]:
        print(f"  {mb:6.1f}  {name}")
    print(f"plant child {plant} ({plant_rss:.1f} MB, not counted); listening:")
    for k, pid in owners.items():
        who = "gateway" if pid == proc.pid else ("plant child" if pid in plant else str(pid))
        print(f"  {k:7} port {ports[k]:5}: {who}")

    out = subprocess.run(
        [sys.executable, __file__, "--imports"], cwd=ROOT, capture_output=True, text=True
    )
    if out.returncode == 0:
        br = json.loads(out.stdout)
        print(f"Python memory after import, by package (tracemalloc, {br['total']:.1f} MB):")
        top = sorted(br["packages"].items(), key=lambda kv: -kv[1])
        shown = top[:14]
        line = ", ".join(f"{k} {v:.1f}" for k, v in shown)
        rest = sum(v for _, v in top[14:])
        print(f"  {line}, others {rest:.1f}")
    if args.keep:
        print(f"work folder: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
