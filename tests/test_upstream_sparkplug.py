"""Sparkplug B upstream: a real gateway process, a real mosquitto, and an independent decoder.

Every message the cloud broker receives is decoded by Eclipse Tahu's JavaScript library
(npm ``sparkplug-payload``, run with node from ``tests/support/sparkplug_js``), not by
the gateway's own protobuf module: the binding is checked against another
implementation of the schema. Node and the package are test-only; without node these
tests are skipped (installed with ``npm ci`` in that folder when missing).

- births and data: NBIRTH (seq 0, bdSeq), one DBIRTH per asset declaring every metric
  (name, alias, datatype), DDATA with aliases only, seq in publication order;
- NCMD ``Node Control/Rebirth``: NBIRTH and DBIRTHs again, same bdSeq;
- SIGKILL of the gateway: the broker publishes the NDEATH will with the same bdSeq;
- an outage of the cloud broker: after it, NBIRTH and DBIRTHs come before the backlog,
  which is marked ``is_historical``, and every reading arrives;
- the primary host's STATE: nothing before it is online, NDEATH when it goes offline,
  births again when it is back.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, ClassVar

import pytest

from tests.support.mosquitto import Mosquitto
from tests.support.npm import npm_ci
from tests.support.upstream import (
    MOSQUITTO_PUB,
    Collector,
    GatewayProcess,
    persistent_broker_extra,
    wait_for,
    write_gateway_config,
)

JS = Path(__file__).resolve().parent / "support" / "sparkplug_js"
GROUP, NODE = "plant-7", "gw-test"
ASSETS = ("pump_1", "pump_2", "pump_3")
PREFIX = f"spBv1.0/{GROUP}/"


# -- the independent decoder --------------------------------------------------------------


@pytest.fixture(scope="module")
def tahu() -> Path:
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


# -- unit-level checks (no broker) ---------------------------------------------------------


def test_protobuf_is_not_imported_by_the_json_gateway() -> None:
    code = (
        "import sys, gateway.runtime, gateway.upstream.sink, gateway.upstream.sparkplug.sink;"
        "sys.exit(1 if 'google.protobuf' in sys.modules else 0)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[1])


def test_config_needs_the_sparkplug_section_and_single_level_ids() -> None:
    from pydantic import ValidationError

    from gateway.config.upstream import UpstreamConfig

    with pytest.raises(ValidationError, match="sparkplug section"):
        UpstreamConfig(format="sparkplug_b")
    with pytest.raises(ValidationError, match="none of"):
        UpstreamConfig.model_validate(
            {"format": "sparkplug_b", "sparkplug": {"group_id": "a/b", "edge_node_id": "n"}}
        )
    with pytest.raises(ValidationError):
        UpstreamConfig.model_validate(
            {"sparkplug": {"group_id": "g", "edge_node_id": "n", "colour": "red"}}
        )


def test_seq_is_set_at_send_time_and_wraps(tmp_path: Path) -> None:
    from gateway.config.upstream import SparkplugConfig
    from gateway.health import ComponentHealth
    from gateway.records import Reading, Scored
    from gateway.upstream.outbox import Row
    from gateway.upstream.sparkplug.encoder import MetricRegistry, Payload, SparkplugEncoder, Topics
    from gateway.upstream.sparkplug.session import EdgeSession

    enc = SparkplugEncoder(Topics("g", "n"), MetricRegistry(tmp_path / "r.json"), max_readings=1)
    msgs = enc.telemetry([Scored(Reading("p1", 1.0, {"motor_data.x": 1.5}), None)])
    session = EdgeSession(enc, SparkplugConfig(group_id="g", edge_node_id="n"),
                          health=ComponentHealth("l", "sink"))  # fmt: skip

    class FakeClient:
        bd_seq = 3
        sent: ClassVar[list[tuple[str, bytes]]] = []

        def publish(self, topic: str, payload: bytes, qos: int) -> None:
            self.sent.append((topic, payload))

    session.client = FakeClient()  # type: ignore[assignment]
    session.birth_upto = 1
    session.births()
    assert [Payload.FromString(p).seq for _, p in FakeClient.sent] == [0, 1]
    seqs, hist = [], []
    for i in range(300):
        p = Payload.FromString(session.payload_at_send(Row(i + 1, msgs[0].topic, msgs[0].body,
                                                           0, 1)))  # fmt: skip
        seqs.append(p.seq)
        hist.append(p.metrics[0].is_historical)
        assert p.metrics[0].double_value == 1.5 and p.metrics[0].timestamp == 1000
    assert seqs[:3] == [2, 3, 4] and seqs[253:256] == [255, 0, 1]
    assert hist[0] is True and not any(hist[1:])  # stored before the births: historical
    # The aliases survive a restart: a new registry reads the same file.
    again = MetricRegistry(tmp_path / "r.json")
    assert again.devices == enc.registry.devices


# -- a real broker and gateway --------------------------------------------------------------


@pytest.mark.timeout(180)
def test_births_data_rebirth_and_death_on_sigkill(tmp_path: Path, tahu: Path) -> None:
    broker = Mosquitto(tmp_path / "cloud").start()
    collector = Collector(broker.port).start()
    gw = GatewayProcess(
        config(tmp_path, broker.port), rate=60, assets=3, run=1, log=tmp_path / "gw.log"
    ).start()
    try:
        wait_for(lambda: count(collector, "DDATA") >= 15, 30, "first DDATA")
        ncmd = tmp_path / "ncmd.bin"
        ncmd.write_bytes(encode_ncmd_rebirth(tahu))
        subprocess.run(
            [MOSQUITTO_PUB, "-p", str(broker.port), "-q", "1",
             "-t", f"spBv1.0/{GROUP}/NCMD/{NODE}", "-f", str(ncmd)],
            check=True,
        )  # fmt: skip
        wait_for(lambda: count(collector, "NBIRTH") >= 2, 20, "rebirth")
        wait_for(lambda: count(collector, "DDATA") >= 40, 30, "DDATA after the rebirth")
        gw.kill()
        wait_for(lambda: count(collector, "NDEATH") >= 1, 20, "NDEATH will")
    finally:
        if gw.proc and gw.proc.poll() is None:
            gw.kill()
        collector.stop()
        broker.stop()
    msgs = decode(tahu, sparkplug_messages(collector))
    host = Host(msgs)
    kinds = [kind(m) for m in msgs]
    # NBIRTH first; each asset's DBIRTH before its first DDATA (a fresh gateway learns
    # its assets from their first readings).
    assert kinds[0] == "NBIRTH"
    for a in ASSETS:
        first_birth = next(i for i, m in enumerate(msgs) if kind(m) == "DBIRTH" and device(m) == a)
        first_data = next(i for i, m in enumerate(msgs) if kind(m) == "DDATA" and device(m) == a)
        assert first_birth < first_data
    nbirth = msgs[0]
    bd_seq = metric(nbirth, "bdSeq")["value"]
    assert metric(nbirth, "bdSeq")["type"] == "Int64"
    assert metric(nbirth, "Node Control/Rebirth") == {
        **metric(nbirth, "Node Control/Rebirth"),
        "type": "Boolean",
        "value": False,
    }
    dbirths = [m for m in msgs if kind(m) == "DBIRTH"][:3]
    assert sorted(device(m) for m in dbirths) == list(ASSETS)
    aliases: list[int] = []
    for m in dbirths:
        names = {x["name"]: x for x in m["metrics"]}
        for n in ("motor_data/DE_temp", "pump_data/flow", "test/n"):
            assert names[n]["type"] == "Double" and isinstance(names[n]["value"], int | float)
        assert names["Prediction/Label"]["type"] == "String"
        assert names["Prediction/Confidence"]["type"] == "Double"
        assert names["Alert/Active"]["type"] == "Boolean"
        aliases += [x["alias"] for x in m["metrics"]]
    assert len(aliases) == len(set(aliases)), "aliases must be unique across the edge node"
    # DDATA: aliases only (names and datatypes are the births'), values as declared.
    ddata = [m for m in msgs if kind(m) == "DDATA"]
    assert all("name" not in x and "alias" in x for m in ddata for x in m["metrics"])
    assert all(isinstance(x["value"], int | float) for m in ddata for x in m["metrics"])
    host.check_seq()
    # The rebirth: a second NBIRTH, same bdSeq (same connection), DBIRTHs right after.
    second = kinds.index("NBIRTH", 1)
    assert metric(msgs[second], "bdSeq")["value"] == bd_seq
    assert kinds[second + 1 : second + 4] == ["DBIRTH"] * 3
    # SIGKILL: the broker publishes the will, NDEATH with the NBIRTH's bdSeq.
    death = msgs[kinds.index("NDEATH")]
    assert device(death) is None and metric(death, "bdSeq")["value"] == bd_seq
    for a in ASSETS:
        got = [n for n, _ in host.readings(a)]
        assert got == list(range(1, len(got) + 1)) and len(got) > 5
        assert not any(h for _, h in host.readings(a))


@pytest.mark.timeout(240)
def test_an_outage_replays_history_after_the_births(tmp_path: Path, tahu: Path) -> None:
    work = tmp_path / "cloud"
    broker = Mosquitto(work, extra=persistent_broker_extra(work)).start()
    collector = Collector(broker.port).start()
    gw = GatewayProcess(
        config(tmp_path, broker.port), rate=60, assets=3, run=1, log=tmp_path / "gw.log"
    ).start()
    try:
        wait_for(lambda: count(collector, "DDATA") >= 15, 30, "first DDATA")
        broker.stop()
        time.sleep(6)
        broker.start()
        wait_for(lambda: count(collector, "NBIRTH") >= 2, 30, "births after the outage")
        time.sleep(2)
        gw.stop_feed()
        fed = gw.fed
        assert fed is not None

        def all_in() -> bool:
            h = Host(decode(tahu, sparkplug_messages(collector)))
            return all(len({n for n, _ in h.readings(a)}) >= fed // 3 for a in ASSETS)

        wait_for(all_in, 60, "every reading delivered")
        stats = gw.quit()
    finally:
        if gw.proc and gw.proc.poll() is None:
            gw.kill()
        collector.stop()
        broker.stop()
    msgs = decode(tahu, sparkplug_messages(collector))
    host = Host(msgs)
    host.check_seq()
    kinds = [kind(m) for m in msgs]
    births = [i for i, k in enumerate(kinds) if k == "NBIRTH"]
    assert len(births) == 2
    b2 = births[1]
    # A new connection, a new bdSeq (one per connection attempt during the outage).
    assert metric(msgs[b2], "bdSeq")["value"] > metric(msgs[0], "bdSeq")["value"]
    # The new session starts with its births, before any DDATA is re-sent.
    assert kinds[b2 + 1 : b2 + 4] == ["DBIRTH"] * 3
    after = [m for m in msgs[b2:] if kind(m) == "DDATA"]
    flags = [all(x.get("isHistorical") for x in m["metrics"]) for m in after]
    # The backlog (stored while the broker was down) first and historical, then live data.
    assert flags[0] and not flags[-1]
    first_live = flags.index(False)
    assert all(flags[:first_live]) and not any(flags[first_live:])
    for a in ASSETS:
        got = host.readings(a)
        ns = sorted({n for n, _ in got})
        assert ns == list(range(1, len(ns) + 1)), f"{a}: a reading is missing"
        hist = [n for n, h in got if h]
        assert len(hist) >= 6 * 60 // 3 // 2  # several seconds' worth of readings
        # History keeps its readings' timestamps: ordered as they were taken.
        stamps = [
            x["timestamp"]
            for m in after
            if device(m) == a
            for x in m["metrics"]
            if x.get("isHistorical")
        ]
        assert stamps == sorted(stamps)
    assert stats is not None and stats["link"]["dropped"] == 0


@pytest.mark.timeout(180)
def test_the_primary_host_state_gates_publishing(tmp_path: Path, tahu: Path) -> None:
    broker = Mosquitto(tmp_path / "cloud").start()
    collector = Collector(broker.port).start()

    def state(online: bool) -> None:
        doc = json.dumps({"online": online, "timestamp": int(time.time() * 1000)})
        subprocess.run(
            [MOSQUITTO_PUB, "-p", str(broker.port), "-q", "1", "-r",
             "-t", "spBv1.0/STATE/scada-1", "-m", doc],
            check=True,
        )  # fmt: skip

    gw = GatewayProcess(
        config(tmp_path, broker.port, primary_host_id="scada-1"),
        rate=60, assets=3, run=1, log=tmp_path / "gw.log",
    ).start()  # fmt: skip
    try:
        time.sleep(3)
        assert sparkplug_messages(collector) == [], "published before the host was online"
        state(True)
        wait_for(lambda: count(collector, "DDATA") >= 10, 30, "data once the host is online")
        state(False)
        wait_for(lambda: count(collector, "NDEATH") >= 1, 20, "NDEATH when the host goes")
        time.sleep(2)
        quiet = len(sparkplug_messages(collector))
        time.sleep(2)
        assert len(sparkplug_messages(collector)) == quiet, "published while the host is offline"
        state(True)
        wait_for(lambda: count(collector, "NBIRTH") >= 2, 30, "births when the host is back")
        wait_for(lambda: count(collector, "DDATA") >= quiet + 10, 30, "data again")
    finally:
        if gw.proc and gw.proc.poll() is None:
            gw.quit()
        collector.stop()
        broker.stop()
    msgs = decode(tahu, sparkplug_messages(collector))
    kinds = [kind(m) for m in msgs]
    Host(msgs).check_seq()
    d = kinds.index("NDEATH")
    births = [i for i, k in enumerate(kinds) if k == "NBIRTH"]
    assert births[0] == 0 and births[1] > d
    assert metric(msgs[d], "bdSeq")["value"] == metric(msgs[0], "bdSeq")["value"]
    # What was stored while the host was away comes after the new births, as history.
    assert kinds[births[1] + 1 : births[1] + 4] == ["DBIRTH"] * 3
    replay = next(m for m in msgs[births[1] :] if kind(m) == "DDATA")
    assert all(x.get("isHistorical") for x in replay["metrics"])


def test_the_generated_module_matches_the_proto() -> None:
    """sparkplug_b_pb2.py is what tools/gen_sparkplug.py makes from sparkplug_b.proto."""
    pytest.importorskip("grpc_tools", reason="grpcio-tools (dev extra) generates the module")
    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "tools/gen_sparkplug.py", "--check"], cwd=root, check=True)


def test_a_quiet_asset_gets_a_ddeath_and_is_born_again_with_its_next_data(
    tmp_path: Path,
) -> None:
    from gateway.config.upstream import SparkplugConfig
    from gateway.health import ComponentHealth
    from gateway.records import Reading, Scored
    from gateway.upstream.outbox import Row
    from gateway.upstream.sparkplug.encoder import MetricRegistry, Payload, SparkplugEncoder, Topics
    from gateway.upstream.sparkplug.session import EdgeSession

    enc = SparkplugEncoder(Topics("g", "n"), MetricRegistry(tmp_path / "r.json"), max_readings=10)
    msg = enc.telemetry([Scored(Reading("p1", 1.0, {"x": 2.0}, received=100.0), None)])[0]
    cfg = SparkplugConfig(group_id="g", edge_node_id="n", device_timeout_s=30)
    session = EdgeSession(enc, cfg, health=ComponentHealth("l", "sink"))
    sent: list[tuple[str, bytes]] = []

    class FakeClient:
        bd_seq = 0

        class lost:  # stands in for the client's asyncio.Event
            @staticmethod
            def is_set() -> bool:
                return False

        def publish(self, topic: str, payload: bytes, qos: int) -> None:
            sent.append((topic, payload))

    session.client = FakeClient()  # type: ignore[assignment]
    session.births()
    session.check_devices(30, now=120.0)  # 20 s quiet: alive
    assert [t.split("/")[2] for t, _ in sent] == ["NBIRTH", "DBIRTH"]
    session.check_devices(30, now=131.0)  # 31 s quiet: dead
    assert sent[-1][0] == "spBv1.0/g/DDEATH/n/p1" and Payload.FromString(sent[-1][1]).seq == 2
    session.payload_at_send(Row(1, msg.topic, msg.body, 0, 1))
    assert sent[-1][0] == "spBv1.0/g/DBIRTH/n/p1" and Payload.FromString(sent[-1][1]).seq == 3
