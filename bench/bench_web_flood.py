"""The web UI under a cheap attack, side by side for two source trees (issue #20).

For each tree (``--tree``, e.g. main's worktree and this one), alternated ``--rounds``
times, the gateway's own web server (gateway.web: waitress, and the guard where the tree
has one) runs in a process of its own over a fresh data folder whose audit trail is full
(2,000 events, as on a gateway that ran a while), and meets:

- ``half-open``: 110 connections from 127.0.0.1 that never finish their request head;
  the admin then logs in from 127.0.0.2: the seconds that takes (or the timeout);
- ``rotating``: 48 addresses (127.0.1.x) holding 8 such connections each and sending
  failed logins as fast as they are answered; the admin's login, timed the same way;
- ``disk``: one client sending failed logins as fast as it is answered for ``--seconds``;
  the bytes the server process wrote (``/proc/<pid>/io``), per minute and per attempt.

    .venv/bin/python bench/bench_web_flood.py --tree /path/to/main --tree . --rounds 2
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.support.flood import half_open, login
from tests.support.web import PASSWORDS

SERVER = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from tests.support.web import add_user, make_facade
from gateway.web import WebServer
from webui.app import create_app
data, port = Path(sys.argv[2]), int(sys.argv[3])
facade = make_facade(data, {"web": {"host": "0.0.0.0", "port": port}})
add_user(create_app(facade=facade), "admin")
now = time.time()
facade.store._db.table("audit").insert_multiple(
    {"ts": now - 3600 + i, "event": "login", "email": "viewer@example.com", "ip": "10.1.2.3",
     "via": "browser"} for i in range(2000)
)
server = WebServer()
server.start(facade.config.web, facade)
if not hasattr(server, "run"):  # a tree whose server thread starts with start()
    print("ready", flush=True)
    sys.stdin.read()
    server.close()
    raise SystemExit
import asyncio
from gateway.health import ComponentHealth
async def serve():
    task = asyncio.ensure_future(server.run(ComponentHealth("web", "stage")))
    await asyncio.sleep(0)
    print("ready", flush=True)
    await asyncio.to_thread(sys.stdin.read)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        pass
asyncio.run(serve())
server.close()
"""
PASSWORD = PASSWORDS["admin"]


class Server:
    def __init__(self, tree: Path) -> None:
        self.dir = tempfile.TemporaryDirectory(prefix="bench-flood-")
        for attempt in range(5):  # a free port may be taken again before the server binds
            with socket.socket() as s:
                s.bind(("0.0.0.0", 0))
                self.port = s.getsockname()[1]
            data = f"{self.dir.name}/data{attempt}"
            self.proc = subprocess.Popen(
                [sys.executable, "-c", SERVER, str(tree), data, str(self.port)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                text=True, cwd=tree,
            )  # fmt: skip
            assert self.proc.stdout is not None
            if self.proc.stdout.readline().strip() == "ready":
                return
            self.proc.wait(10)
        raise RuntimeError("the web server did not start")

    def written(self) -> int:
        for line in Path(f"/proc/{self.proc.pid}/io").read_text().splitlines():
            if line.startswith("write_bytes:"):
                return int(line.split()[1])
        return 0

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.dir.cleanup()


def scenario_half_open(tree: Path, timeout: float) -> float:
    server = Server(tree)
    socks = half_open(server.port, "127.0.0.1", 110)
    try:
        status, seconds = login(server.port, "127.0.0.2", "admin@example.com", PASSWORD, timeout)
        return seconds if status == 200 else float("inf")
    finally:
        for s in socks:
            s.close()
        server.close()


def scenario_rotating(tree: Path, timeout: float) -> float:
    server = Server(tree)
    sources = [f"127.0.1.{i}" for i in range(1, 49)]
    socks = [s for src in sources for s in half_open(server.port, src, 8)]
    stop = threading.Event()
    answered = [0]

    def flood(source: str) -> None:
        i = 0
        while not stop.is_set():
            i += 1
            login(server.port, source, f"guess{i}@example.com", "wrong wrong", 30)
            answered[0] += 1

    threads = [threading.Thread(target=flood, args=(s,), daemon=True) for s in sources]
    for t in threads:
        t.start()
    try:
        deadline = time.monotonic() + 20
        while answered[0] < 48 and time.monotonic() < deadline:
            time.sleep(0.05)
        status, seconds = login(server.port, "127.0.0.2", "admin@example.com", PASSWORD, timeout)
        return seconds if status == 200 else float("inf")
    finally:
        stop.set()
        for s in socks:
            s.close()
        for t in threads:
            t.join(35)
        server.close()


def scenario_disk(tree: Path, seconds: float) -> tuple[float, float, dict[int, int]]:
    server = Server(tree)
    try:
        before = server.written()
        answers: dict[int, int] = {}
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            status, _ = login(server.port, "127.0.0.3", "admin@example.com", "wrong wrong", 30)
            answers[status] = answers.get(status, 0) + 1
        written = server.written() - before
        attempts = sum(answers.values())
        return written / seconds * 60 / 1e6, written / max(attempts, 1) / 1e3, answers
    finally:
        server.close()


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--tree", type=Path, action="append", help="a source tree (default: this one)")
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--seconds", type=float, default=20.0)
    p.add_argument("--timeout", type=float, default=30.0)
    p.add_argument(
        "--only", choices=("half-open", "rotating", "disk"), action="append", help="scenarios"
    )
    args = p.parse_args()
    trees = [t.resolve() for t in args.tree or [Path(__file__).resolve().parent.parent]]
    results: dict[str, dict[Path, list[str]]] = {}
    for r in range(args.rounds):
        for tree in trees if r % 2 == 0 else reversed(trees):
            only = set(args.only or ("half-open", "rotating", "disk"))
            rows: list[tuple[str, str]] = []
            if "half-open" in only:
                ho = scenario_half_open(tree, args.timeout)
                rows.append(("admin login, 110 half-open from one address (s)", f"{ho:.3f}"))
            if "rotating" in only:
                ro = scenario_rotating(tree, args.timeout)
                rows.append(("admin login, 48 rotating addresses (s)", f"{ro:.3f}"))
            if "disk" in only:
                mb, kb, answers = scenario_disk(tree, args.seconds)
                rows.append(("disk written by one client's failed logins (MB/min)", f"{mb:.2f}"))
                rows.append(("disk written per attempt (kB)", f"{kb:.2f} {answers}"))
            for name, value in rows:
                results.setdefault(name, {}).setdefault(tree, []).append(value)
            print(f"round {r + 1} {tree}: done", flush=True)
    for name, per_tree in results.items():
        print(f"\n{name}")
        for tree, values in per_tree.items():
            print(f"  {tree}: {', '.join(values)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
