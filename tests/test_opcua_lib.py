"""asyncua loaded for the client only: no server or PubSub code, the OPC UA source still reads."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.net import free_port
from tests.support.opcua_server import ServerProcess

ROOT = Path(__file__).resolve().parents[1]

# A fresh interpreter, as the gateway starts: the OPC UA source is the first to import
# asyncua. It reads one value from a real server, then reports what asyncua loaded.
CHILD = """
import asyncio, contextlib, json, sys
from pathlib import Path
from gateway.config.sources import OpcuaSourceConfig
from gateway.health import ComponentHealth
from gateway.sources.opcua import OpcuaSource

loaded_before = sorted(m for m in sys.modules if m.startswith(("asyncua.server", "asyncua.pubsub")))

async def main(port, data):
    readings = []
    cfg = OpcuaSourceConfig.model_validate({
        "name": "plc", "url": f"opc.tcp://127.0.0.1:{port}/", "timeout": 5.0,
        "points": [{"sensor_id": "pump-1", "feature": "x.counter", "node": "ns=2;s=Pump1.counter"}],
    })
    health = ComponentHealth("plc", "source", "opcua")
    src = OpcuaSource(cfg, readings.extend, health, data_dir=data)
    task = asyncio.create_task(src.run())
    try:
        async with asyncio.timeout(60):
            while not any("x.counter" in r.values for r in readings):
                await asyncio.sleep(0.05)
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    return [r.values["x.counter"] for r in readings if "x.counter" in r.values]

values = asyncio.run(main(int(sys.argv[1]), Path(sys.argv[2])))
loaded_after = sorted(m for m in sys.modules if m.startswith(("asyncua.server", "asyncua.pubsub")))
import asyncua
print(json.dumps({
    "before": loaded_before, "after": loaded_after, "values": values,
    "version": asyncua.__version__, "server": asyncua.Server.__module__,
    "subpackages": [asyncua.server.__name__, asyncua.pubsub.__name__],
}))
"""


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    proc = ServerProcess(free_port(), tick=0.2, log_path=tmp_path / "server.log").start()
    yield proc
    proc.stop(kill=True)


def test_source_reads_with_asyncua_loaded_for_the_client_only(
    server: ServerProcess, tmp_path: Path
) -> None:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(server.port), str(tmp_path / "data")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["before"] == [] and got["after"] == []  # no server or PubSub code ran
    assert got["values"] and all(isinstance(v, float) for v in got["values"])
    # The package still has what its __init__ defines: the server on first use.
    assert got["version"] and got["server"] == "asyncua.server.server"
    assert got["subpackages"] == ["asyncua.server", "asyncua.pubsub"]


def test_a_loaded_asyncua_is_used_as_it_is() -> None:
    code = (
        "import asyncua, sys; full = sys.modules['asyncua']\n"
        "from gateway.sources import opcua_lib\n"
        "assert sys.modules['asyncua'] is full and opcua_lib.Client is full.Client\n"
        "assert 'asyncua.server' in sys.modules\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stderr
