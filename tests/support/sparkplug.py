"""Helpers of the Sparkplug B tests: Tahu's decoder, a host's view of the messages, the config.

Every message the cloud broker receives is decoded by Eclipse Tahu's JavaScript library
(npm ``sparkplug-payload``, run with node from ``tests/support/sparkplug_js``), not by
the gateway's own protobuf module: the binding is checked against another
implementation of the schema. Node and the package are test-only; without node the
tests that need them are skipped (installed with ``npm ci`` in that folder when missing).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.support.npm import npm_ci
from tests.support.upstream import Collector, write_gateway_config

JS = Path(__file__).resolve().parent / "sparkplug_js"
GROUP, NODE = "plant-7", "gw-test"
ASSETS = ("pump_1", "pump_2", "pump_3")
PREFIX = f"spBv1.0/{GROUP}/"


# -- the independent decoder --------------------------------------------------------------


def tahu_node() -> Path:
    """node, with sparkplug-payload installed beside decode.js; skips the test without node."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the Tahu JS decoder cannot run")
    if not npm_ci(JS, "sparkplug-payload"):
        pytest.skip("npm is not installed: cannot install sparkplug-payload")
    return Path(node)


def decode(node: Path, messages: list[tuple[str, bytes]]) -> list[dict[str, Any]]:
    """Each message decoded by sparkplug-payload, with the datatypes a host takes from births."""
    text = "".join(json.dumps({"topic": t, "hex": p.hex()}) + "\n" for t, p in messages)
    out = subprocess.run(
        [str(node), str(JS / "decode.js")],
        input=text.encode(),
        capture_output=True,
        check=True,
        timeout=120,
    )
    return [json.loads(line) for line in out.stdout.splitlines()]


def encode_ncmd_rebirth(node: Path) -> bytes:
    """An NCMD as a host application sends it, encoded by Tahu's encoder."""
    script = (
        "const s=require('sparkplug-payload').get('spBv1.0');"
        "process.stdout.write(Buffer.from(s.encodePayload({timestamp:Date.now(),metrics:"
        "[{name:'Node Control/Rebirth',type:'Boolean',value:true}]})).toString('hex'));"
    )
    out = subprocess.run(
        [str(node), "-e", script], cwd=JS, capture_output=True, check=True, timeout=60
    )
    return bytes.fromhex(out.stdout.decode())


# -- helpers -------------------------------------------------------------------------------


def kind(msg: dict[str, Any]) -> str:
    return str(msg["topic"].split("/")[2])


def device(msg: dict[str, Any]) -> str | None:
    parts = msg["topic"].split("/")
    return parts[4] if len(parts) > 4 else None


def metric(msg: dict[str, Any], name: str) -> dict[str, Any]:
    return next(m for m in msg["metrics"] if m.get("name") == name)


def sparkplug_messages(c: Collector) -> list[tuple[str, bytes]]:
    """What the gateway published, in order; not the copies the broker sent the collector
    again after its own restart (DUP flag: the collector's PUBACK was lost)."""
    return [(t, p) for t, p, dup in c.snapshot_dup() if t.startswith(PREFIX) and not dup]


def count(c: Collector, verb: str) -> int:
    return sum(1 for t, _ in sparkplug_messages(c) if t.split("/")[2] == verb)


def config(tmp_path: Path, port: int, **sparkplug: Any) -> Path:
    return write_gateway_config(
        tmp_path / "gw.yaml",
        tmp_path / "data",
        {
            "port": port,
            "keepalive": 5,
            "format": "sparkplug_b",
            "sparkplug": {"group_id": GROUP, "edge_node_id": NODE, **sparkplug},
            "linger_ms": 50,
        },
    )


class Host:
    """What the tests check, as a host application would see it: aliases from births."""

    def __init__(self, decoded: list[dict[str, Any]]) -> None:
        self.msgs = decoded
        self.names: dict[int, str] = {}
        for m in decoded:
            if kind(m) in ("NBIRTH", "DBIRTH"):
                for x in m["metrics"]:
                    if "alias" in x:
                        self.names[x["alias"]] = x["name"]

    def readings(self, dev: str) -> list[tuple[int, bool]]:
        """``test/n`` of every DDATA of a device, with its is_historical flag, in order."""
        out = []
        for m in self.msgs:
            if kind(m) == "DDATA" and device(m) == dev:
                for x in m["metrics"]:
                    if self.names.get(x.get("alias", -1)) == "test/n":
                        out.append((int(x["value"]), bool(x.get("isHistorical"))))
        return out

    def check_seq(self) -> None:
        """From each NBIRTH (seq 0) on, every message of the node counts up by one, 255 -> 0."""
        seq: int | None = None
        for m in self.msgs:
            k = kind(m)
            if k in ("NDEATH", "NCMD", "DCMD"):  # the will, and the host's commands
                continue
            if k == "NBIRTH":
                assert m["seq"] == 0
                seq = 0
                continue
            assert seq is not None, f"{k} before any NBIRTH"
            assert m.get("seq") == (seq + 1) % 256, f"{k} seq {m.get('seq')} after {seq}"
            seq = m["seq"]
