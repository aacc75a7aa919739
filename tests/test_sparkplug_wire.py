"""Sparkplug B rules read off the wire: a tap between the gateway and mosquitto parses every
packet the gateway writes (tests/support/mqttwire.py), and Eclipse Tahu's decoder reads
the payloads (tests/support/sparkplug.py); neither is the gateway's own code.

One gateway data folder lives through a first start (the broker not there yet), a cut
link and a SIGKILL, a restart, a clean stop and a restart:

- bdSeq: 0 at the first CONNECT although TCP connects were refused before it, then
  exactly one more per CONNECT across the restarts (kept in the data folder); the will
  of each CONNECT is that bdSeq's NDEATH, QoS 1, not retained; each NBIRTH matches it;
- QoS on the wire: NBIRTH and DBIRTH 0, DDATA 1;
- NBIRTH's ``Node Control/Rebirth``: by name, without an alias;
- a clean stop with MQTT 5: NDEATH, then DISCONNECT with reason 0x04 "Disconnect with
  Will Message" (and the broker publishes the will too);
- the births after each restart carry the open alert (from the alert records) and each
  asset's last values (from the history), with their own timestamps;
- a DDATA's payload timestamp is its time of publication: after its readings, not
  after the tap read it, and for the backlog replayed after a restart after the new
  connection began, while its metrics keep their readings' timestamps.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from gateway.state.history import History
from gateway.state.store import Store
from tests.support.mosquitto import Mosquitto
from tests.support.mqttwire import CONNECT, DISCONNECT, PUBLISH, Packet, WireTap
from tests.support.net import free_port
from tests.support.sparkplug import (
    ASSETS,
    NODE,
    PREFIX,
    config,
    count,
    decode,
    device,
    kind,
    metric,
    sparkplug_messages,
    tahu_node,
)
from tests.support.upstream import Collector, GatewayProcess, wait_for

FAULT = "bearing_fault"


@pytest.fixture(scope="module")
def tahu() -> Path:
    return tahu_node()


def gateway_config(tmp_path: Path, port: int, protocol: str) -> Path:
    """The Sparkplug test config with the history on and the alerts sink off (the seeded
    alert record stays open: no rule resolves it)."""
    path = config(tmp_path, port)
    tree = yaml.safe_load(path.read_text())
    tree["history"] = {"enabled": True}
    tree["alerts"] = {"enabled": False}
    tree["upstream"]["protocol"] = protocol
    path.write_text(yaml.safe_dump(tree))
    return path


def seed_open_alert(data: Path) -> None:
    """An open alert on pump_1, as the alerts sink records it."""
    data.mkdir(parents=True, exist_ok=True)
    store = Store(data)
    now = time.time() - 60
    store.insert(
        "alerts",
        {"uid": "a1", "sensor_id": "pump_1", "fault_type": FAULT, "status": "open",
         "opened_at": now, "updated_at": now, "confidence": 0.93, "repeats": 0},
    )  # fmt: skip
    store.close()


def will_bd_seq(node: Path, p: Packet) -> int:
    assert p.has_will and p.will_topic == f"{PREFIX}NDEATH/{NODE}"
    assert (p.will_qos, p.will_retain) == (1, False)
    (death,) = decode(node, [(p.will_topic, p.will_payload)])
    return int(metric(death, "bdSeq")["value"])


def births_of(msgs: list[dict[str, Any]], start: int) -> dict[str, dict[str, Any]]:
    """The first DBIRTH of each asset from ``start`` on, by device."""
    out: dict[str, dict[str, Any]] = {}
    for m in msgs[start:]:
        if kind(m) == "DBIRTH":
            out.setdefault(str(device(m)), m)
    return out


def named(birth: dict[str, Any], name: str) -> dict[str, Any]:
    return next(x for x in birth["metrics"] if x["name"] == name)


def last_values(data: Path) -> dict[str, tuple[float, int]]:
    """Per asset, ``test/n`` and its timestamp (ms, cut as the encoder cuts it) in the history
    of a stopped gateway."""
    h = History(data)
    try:
        return {r["sensor_id"]: (r["values"]["test.n"], int(r["timestamp"] * 1000))
                for r in h.latest()}  # fmt: skip
    finally:
        h.close()


@pytest.mark.timeout(300)
def test_sparkplug_rules_on_the_wire_across_restarts(tmp_path: Path, tahu: Path) -> None:
    broker = Mosquitto(tmp_path / "cloud").start()
    collector = Collector(broker.port).start()
    data = tmp_path / "data"
    seed_open_alert(data)
    port = free_port()  # nothing listens here until the tap starts
    cfg = gateway_config(tmp_path, port, "5")
    log = tmp_path / "gw.log"
    gw = GatewayProcess(cfg, rate=60, assets=3, run=1, log=log).start()
    tap: WireTap | None = None
    restarts: list[tuple[int, dict[str, tuple[float, int]]]] = []  # (first message, history)

    def restart(run: int) -> GatewayProcess:
        """A new gateway on the same data folder that holds its feed: the births it sends
        first can only carry what was restored."""
        restarts.append((len(sparkplug_messages(collector)), last_values(data)))
        births = count(collector, "NBIRTH")
        g = GatewayProcess(cfg, rate=60, assets=3, run=run, log=log, hold=True).start()
        wait_for(lambda: count(collector, "NBIRTH") > births, 30, "births after the restart")
        wait_for(lambda: len(births_of(decode(tahu, sparkplug_messages(collector)),
                                       restarts[-1][0])) == 3, 30, "DBIRTHs")  # fmt: skip
        g.start_feed()
        return g

    try:
        # 1. TCP connects refused: no CONNECT goes out, so no bdSeq is taken.
        wait_for(lambda: "upstream-link failed" in log.read_text(), 30, "a refused connect")
        assert "ConnectionRefusedError" in log.read_text()
        time.sleep(1.0)  # a few more refused attempts (the backoff is scaled to a tenth)
        tap = WireTap(broker.port, port=port).start()
        wait_for(lambda: count(collector, "DDATA") >= 15, 30, "first DDATA")
        # 2. The cable is cut: readings pile up in the outbox; then SIGKILL.
        tap.cut()
        wait_for(lambda: count(collector, "NDEATH") >= 1, 20, "the will")
        time.sleep(1.0)  # a second of readings stored while the link is down
        gw.kill()
        tap.plug()
        # 3. Restart: births, the backlog replayed as history; then a clean stop.
        gw = restart(2)
        wait_for(lambda: count(collector, "DDATA") >= 60, 30, "replay and live DDATA")
        gw.quit()
        wait_for(lambda: count(collector, "NDEATH") >= 3, 20, "NDEATH and the will")
        # 4. Restart after a clean stop, and a clean stop again.
        gw = restart(3)
        gw.quit()
        wait_for(lambda: count(collector, "NDEATH") >= 5, 20, "NDEATH and the will")
    finally:
        if gw.proc and gw.proc.poll() is None:
            gw.kill()
        if tap is not None:
            tap.stop()
        collector.stop()
        broker.stop()
    assert tap is not None
    wire = tap.snapshot()
    msgs = decode(tahu, sparkplug_messages(collector))
    kinds = [kind(m) for m in msgs]

    # bdSeq: 0 at the first CONNECT despite the refused TCP connects, then one more per
    # CONNECT across a SIGKILL and a clean stop; each will carries its NBIRTH's number.
    connects = [p for p in wire if p.kind == CONNECT]
    assert [will_bd_seq(tahu, p) for p in connects] == [0, 1, 2]
    nbirths = [m for m in msgs if kind(m) == "NBIRTH"]
    assert [metric(m, "bdSeq")["value"] for m in nbirths] == [0, 1, 2]
    # Rebirth by name only, a Boolean.
    for m in nbirths:
        rebirth = metric(m, "Node Control/Rebirth")
        assert "alias" not in rebirth and rebirth["type"] == "Boolean"
    # QoS of what the gateway published, read on the wire.
    published = [p for p in wire if p.kind == PUBLISH and p.topic.startswith(PREFIX)]
    assert {"NBIRTH", "DBIRTH", "DDATA", "NDEATH"} <= {p.topic.split("/")[2] for p in published}
    for p in published:
        verb = p.topic.split("/")[2]
        expected = {"NBIRTH": 0, "DBIRTH": 0, "DDATA": 1, "NDEATH": 1}[verb]
        assert (p.qos, p.retain) == (expected, False), f"{verb} QoS {p.qos}"
    # The clean stops (MQTT 5): NDEATH published, then DISCONNECT with reason 0x04.
    assert [p.conn for p in wire if p.kind == DISCONNECT] == [2, 3]
    for conn in (2, 3):
        mine = [p for p in wire if p.conn == conn]
        assert mine[-1].kind == DISCONNECT and mine[-1].reason == 0x04
        assert mine[-2].kind == PUBLISH and "/NDEATH/" in mine[-2].topic
    # The cut link and the SIGKILL: the will; each clean stop: our NDEATH and the will.
    assert kinds.count("NDEATH") == 5

    # The births after each restart: the open alert and the history's last values.
    for start, history in restarts:
        births = births_of(msgs, start)
        b = births["pump_1"]
        assert named(b, "Alert/Active")["value"] is True
        assert named(b, "Alert/Fault")["value"] == FAULT
        assert named(b, "Alert/Event")["value"] == "opened"
        for a in ASSETS:
            n = named(births[a], "test/n")
            assert (n["value"], n["timestamp"]) == history[a], a
    # Before any restart too: the first births already carried the seeded alert.
    assert named(births_of(msgs, 0)["pump_1"], "Alert/Active")["value"] is True

    # DDATA payload timestamps: publication time, after the readings it carries and
    # before the tap read it; replayed rows after the connection that sent them began.
    decoded = decode(tahu, [(p.topic, p.payload) for p in published
                            if "/DBIRTH/" in p.topic or "/DDATA/" in p.topic])  # fmt: skip
    ddata = [p for p in published if "/DDATA/" in p.topic]
    data_msgs = [m for m in decoded if kind(m) == "DDATA"]
    assert len(data_msgs) == len(ddata)
    historical = 0
    for p, m in zip(ddata, data_msgs, strict=True):
        stamps = [x["timestamp"] for x in m["metrics"]]
        assert max(stamps) <= m["timestamp"] <= int(p.at * 1000) + 1
        if all(x.get("isHistorical") for x in m["metrics"]):
            historical += 1
            assert m["timestamp"] >= int(tap.accepted[p.conn - 1] * 1000)
            assert min(stamps) < int(tap.accepted[p.conn - 1] * 1000)
    assert historical > 0, "nothing was replayed after the SIGKILL"


@pytest.mark.timeout(120)
def test_mqtt_311_clean_stop_publishes_ndeath_then_a_plain_disconnect(
    tmp_path: Path, tahu: Path
) -> None:
    broker = Mosquitto(tmp_path / "cloud").start()
    tap = WireTap(broker.port).start()
    collector = Collector(broker.port).start()
    gw = GatewayProcess(
        gateway_config(tmp_path, tap.port, "3.1.1"), rate=30, assets=1, run=1,
        log=tmp_path / "gw.log",
    ).start()  # fmt: skip
    try:
        wait_for(lambda: count(collector, "DDATA") >= 3, 30, "first DDATA")
        gw.quit()
        wait_for(lambda: tap.snapshot(DISCONNECT) != [], 10, "DISCONNECT")
        wait_for(lambda: count(collector, "NDEATH") >= 1, 10, "NDEATH")
    finally:
        if gw.proc and gw.proc.poll() is None:
            gw.kill()
        tap.stop()
        collector.stop()
        broker.stop()
    wire = tap.snapshot()
    assert wire[0].kind == CONNECT and wire[0].version == 4
    assert will_bd_seq(tahu, wire[0]) == 0
    assert wire[-1].kind == DISCONNECT and wire[-1].reason is None  # 3.1.1: no reason code
    assert wire[-2].kind == PUBLISH and "/NDEATH/" in wire[-2].topic
    # A 3.1.1 DISCONNECT discards the will: the one NDEATH is the gateway's own.
    assert count(collector, "NDEATH") == 1
