"""gateway.cpus: every thread of the gateway on the CPUs named, or a clear refusal to start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from gateway.config import ConfigError, parse_config

ROOT = Path(__file__).resolve().parent.parent

# A thread started before the pin and one after: both end up on the CPU named.
PROBE = """
import os, sys, threading
from pathlib import Path
from gateway.affinity import pin
before = threading.Event(); stop = threading.Event()
t = threading.Thread(target=lambda: (before.set(), stop.wait())); t.start(); before.wait()
pin([int(sys.argv[1])])
after = threading.Thread(target=stop.wait); after.start()
tasks = list(Path("/proc/self/task").iterdir())
print(len(tasks), {os.sched_getaffinity(int(p.name)) == {int(sys.argv[1])} for p in tasks})
stop.set()
"""


def test_every_thread_runs_on_the_cpus_named() -> None:
    cpu = max(os.sched_getaffinity(0))
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(cpu)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out == ["3", "{True}"]  # the main thread and both others


def test_a_cpu_the_machine_does_not_offer_stops_the_start(tmp_path: Path) -> None:
    cfg = tmp_path / "gateway.yaml"
    cfg.write_text(
        yaml.safe_dump(
            {
                "gateway": {"data_dir": str(tmp_path / "data"), "cpus": [4096]},
                "model": {"package": None},
                "web": {"enabled": False},
                "history": {"enabled": False},
            }
        )
    )
    res = subprocess.run(
        [sys.executable, "-m", "gateway", "run", "--config", str(cfg)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    allowed = ", ".join(str(c) for c in sorted(os.sched_getaffinity(0)))
    assert res.returncode != 0
    assert (
        f"gateway.cpus: CPU 4096 is not available to the gateway (it may use CPU {allowed})"
        in res.stderr
    )


def test_cpu_numbers_are_checked_with_the_config() -> None:
    with pytest.raises(ConfigError, match=r"gateway\.cpus"):
        parse_config({"gateway": {"cpus": [-1]}})
    assert parse_config({"gateway": {"cpus": [0]}}).gateway.cpus == [0]
