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

import asyncio
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.support.mosquitto import Mosquitto
from tests.support.sparkplug import (
    ASSETS,
    GROUP,
    NODE,
    Host,
    config,
    count,
    decode,
    device,
    encode_ncmd_rebirth,
    kind,
    metric,
    sparkplug_messages,
    tahu_node,
)
from tests.support.upstream import (
    MOSQUITTO_PUB,
    Collector,
    GatewayProcess,
    persistent_broker_extra,
    wait_for,
)


@pytest.fixture(scope="module")
def tahu() -> Path:
    return tahu_node()


# -- unit-level checks (no broker) ---------------------------------------------------------


class FakeLink:
    """Stands in for a SparkplugClient: records what the session publishes."""

    def __init__(self, bd_seq: int) -> None:
        self.bd_seq = bd_seq
        self.lost = asyncio.Event()
        self.sent: list[tuple[str, bytes]] = []

    def publish(self, topic: str, payload: bytes, qos: int) -> None:
        self.sent.append((topic, payload))


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
    from gateway.upstream.sparkplug.bdseq import BdSeq
    from gateway.upstream.sparkplug.encoder import MetricRegistry, Payload, SparkplugEncoder, Topics
    from gateway.upstream.sparkplug.session import EdgeSession

    enc = SparkplugEncoder(Topics("g", "n"), MetricRegistry(tmp_path / "r.json"), max_readings=1)
    msgs = enc.telemetry([Scored(Reading("p1", 1.0, {"motor_data.x": 1.5}), None)])
    session = EdgeSession(enc, SparkplugConfig(group_id="g", edge_node_id="n"),
                          health=ComponentHealth("l", "sink"),
                          bd_seq=BdSeq(tmp_path / "bdseq"))  # fmt: skip

    link = FakeLink(bd_seq=3)
    session.client = link  # type: ignore[assignment]
    session.birth_upto = 1
    session.births()
    assert [Payload.FromString(p).seq for _, p in link.sent] == [0, 1]
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
        # Readings stored before the first connection was up (the feed starts with the
        # process; the connect, and the bdSeq written before it, take a moment on a busy
        # machine) are history; everything after is live.
        flags = [h for _, h in host.readings(a)]
        live = flags.index(False)
        assert not any(flags[live:]) and live < len(flags) // 2


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
    # The next CONNECT, the next bdSeq: the TCP connects refused during the outage sent
    # no CONNECT and took no number (Sparkplug 3.0: one per CONNECT packet).
    assert metric(msgs[b2], "bdSeq")["value"] == metric(msgs[0], "bdSeq")["value"] + 1
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
    from gateway.upstream.sparkplug.bdseq import BdSeq
    from gateway.upstream.sparkplug.encoder import MetricRegistry, Payload, SparkplugEncoder, Topics
    from gateway.upstream.sparkplug.session import EdgeSession

    enc = SparkplugEncoder(Topics("g", "n"), MetricRegistry(tmp_path / "r.json"), max_readings=10)
    msg = enc.telemetry([Scored(Reading("p1", 1.0, {"x": 2.0}, received=100.0), None)])[0]
    cfg = SparkplugConfig(group_id="g", edge_node_id="n", device_timeout_s=30)
    session = EdgeSession(
        enc, cfg, health=ComponentHealth("l", "sink"), bd_seq=BdSeq(tmp_path / "bdseq")
    )
    link = FakeLink(bd_seq=0)
    sent = link.sent
    session.client = link  # type: ignore[assignment]
    session.births()
    session.check_devices(30, now=120.0)  # 20 s quiet: alive
    assert [t.split("/")[2] for t, _ in sent] == ["NBIRTH", "DBIRTH"]
    session.check_devices(30, now=131.0)  # 31 s quiet: dead
    assert sent[-1][0] == "spBv1.0/g/DDEATH/n/p1" and Payload.FromString(sent[-1][1]).seq == 2
    session.payload_at_send(Row(1, msg.topic, msg.body, 0, 1))
    assert sent[-1][0] == "spBv1.0/g/DBIRTH/n/p1" and Payload.FromString(sent[-1][1]).seq == 3


def test_bd_seq_is_kept_on_disk_continues_after_a_restart_and_wraps(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from gateway.upstream.sparkplug.bdseq import BdSeq

    path = tmp_path / "sparkplug-bdseq"
    first = BdSeq(path)
    assert first.peek() == 0  # a first start: zero
    assert [first.take(), first.take()] == [0, 1]
    assert path.read_text() == "1\n"  # on disk before the CONNECT that carries it
    assert BdSeq(path).take() == 2  # a restart goes on from the last one
    path.write_text("255\n")
    assert BdSeq(path).take() == 0
    path.write_text("not a number")
    assert BdSeq(path).peek() == 0 and "holds 'not a number'" in caplog.text


def test_births_carry_the_open_alerts_and_last_values_from_the_stores(tmp_path: Path) -> None:
    from gateway.records import Prediction, Reading, Scored
    from gateway.state.history import History
    from gateway.state.store import Store
    from gateway.upstream.sparkplug.encoder import MetricRegistry, Payload, SparkplugEncoder, Topics
    from gateway.upstream.sparkplug.restore import restore

    store = Store(tmp_path)
    for sid, fault, status, at, repeats in (
        ("pump_1", "bearing", "open", 100.0, 2),
        ("pump_1", "cavitation", "resolved", 200.0, 0),  # the newest record of pump_1
        ("pump_2", "misalignment", "acknowledged", 150.0, 0),
        ("pump_3", "bearing", "resolved", 120.0, 0),
        ("pump_3", "asset_stale", "open", 300.0, 0),  # data loss: not a fault (see below)
    ):
        doc = {"sensor_id": sid, "fault_type": fault, "status": status,
               "opened_at": at - 10, "updated_at": at, "repeats": repeats}  # fmt: skip
        if fault == "asset_stale":
            doc["kind"] = "data_loss"
        store.insert("alerts", doc)
    history = History(tmp_path)
    t0 = float(int(time.time()) - 100)  # within the history's retention
    history.write(
        [
            Scored(Reading("pump_1", t0 - 10, {"motor_data.x": 1.0}), None),
            Scored(
                Reading("pump_1", t0, {"motor_data.x": 1.5}, bad=("motor_data.y",)),
                Prediction("cavitation", 0.75, (0.25, 0.75), "m"),
            ),
        ]
    )
    enc = SparkplugEncoder(Topics("g", "n"), MetricRegistry(tmp_path / "r.json"), max_readings=10)
    restore(enc, store, history)
    history.close()
    store.close()

    def birth(dev: str) -> dict[str, tuple[Any, int]]:
        p = Payload.FromString(enc.dbirth(dev, 1))
        return {
            m.name: (None if m.is_null else getattr(m, m.WhichOneof("value")), m.timestamp)
            for m in p.metrics
        }

    one = birth("pump_1")
    assert one["Alert/Active"] == (True, 200_000)  # bearing is still open
    assert one["Alert/Fault"] == ("cavitation", 200_000)
    assert one["Alert/Event"] == ("resolved", 200_000)
    ms = int(t0 * 1000)
    assert one["motor_data/x"] == (1.5, ms)  # the newest reading, its own timestamp
    assert one["motor_data/y"] == (None, ms)  # bad in it: null
    assert one["Prediction/Label"] == ("cavitation", ms)
    assert one["Prediction/Confidence"] == (0.75, ms)
    two = birth("pump_2")
    assert two["Alert/Active"][0] is True and two["Alert/Event"][0] == "acknowledged"
    assert two["Prediction/Label"][0] is None  # no reading in the history
    three = birth("pump_3")  # its open data-loss alert is no fault alert
    assert three["Alert/Active"][0] is False and three["Alert/Event"][0] == "resolved"
    assert three["Alert/Fault"][0] == "bearing"
    # The assets the stores named are in the registry on disk, for the DDATA to come.
    assert sorted(MetricRegistry(tmp_path / "r.json").devices) == ["pump_1", "pump_2", "pump_3"]


def test_an_asset_that_stops_being_live_dies_and_is_born_with_its_next_data(
    tmp_path: Path,
) -> None:
    from gateway.config.upstream import SparkplugConfig
    from gateway.health import ComponentHealth
    from gateway.records import INSUFFICIENT_DATA, Prediction, Reading, Scored
    from gateway.upstream.outbox import Row
    from gateway.upstream.sparkplug.bdseq import BdSeq
    from gateway.upstream.sparkplug.encoder import MetricRegistry, Payload, SparkplugEncoder, Topics
    from gateway.upstream.sparkplug.session import EdgeSession

    enc = SparkplugEncoder(Topics("g", "n"), MetricRegistry(tmp_path / "r.json"), max_readings=9)
    ok = Scored(Reading("p1", 1.0, {"m.x": 1.5}), Prediction("normal", 0.9, (0.9,), "m"))
    (data,) = enc.telemetry([ok])
    session = EdgeSession(enc, SparkplugConfig(group_id="g", edge_node_id="n"),
                          health=ComponentHealth("l", "sink"),
                          bd_seq=BdSeq(tmp_path / "bdseq"))  # fmt: skip
    link = FakeLink(bd_seq=0)
    session.client = link  # type: ignore[assignment]

    def sent() -> list[str]:
        return [topic.split("/")[2] for topic, _ in link.sent]

    session.births()
    assert sent() == ["NBIRTH", "DBIRTH"]
    session.device_state("p1", live=False)  # stale or offline
    assert sent()[-1] == "DDEATH" and "p1" not in session.born
    session.births()  # a reconnect: the dead device is not born
    assert sent()[-2:] == ["DDEATH", "NBIRTH"]
    session.payload_at_send(Row(1, data.topic, data.body, 0, 1))  # a stored row of it...
    assert sent()[-1] == "DBIRTH"
    session.reap()  # ...and once acknowledged, it dies again
    assert sent()[-1] == "DDEATH"
    session.device_state("p1", live=True)
    session.payload_at_send(Row(2, data.topic, data.body, 0, 1))
    assert sent()[-1] == "DBIRTH" and "p1" in session.born
    # A reading without a label nulls the label: the host must not keep the old one.
    (unscored,) = enc.telemetry([Scored(Reading("p1", 2.0, {}, bad=("m.x",)), None,
                                        INSUFFICIENT_DATA)])  # fmt: skip
    metrics = Payload.FromString(unscored.body).metrics
    label = enc.fixed_alias("p1", "Prediction/Label")
    assert [m.is_null for m in metrics if m.alias == label] == [True]


def test_explanations_and_out_of_range_as_device_metrics(tmp_path: Path) -> None:
    """An explained prediction carries its top contributors as Explanation/1..3 metrics;
    Prediction/OutOfRange is sent true, then false once, then not at all (by exception)."""
    from gateway.records import Contributor, Explanation, Prediction, Reading, Scored
    from gateway.upstream.sparkplug.encoder import MetricRegistry, Payload, SparkplugEncoder, Topics

    reg = MetricRegistry(tmp_path / "r.json")
    enc = SparkplugEncoder(Topics("g", "n"), reg, max_readings=10)
    why = Explanation(
        "m",
        "saabas",
        "cavitation",
        -1.0,
        (0.0,) * 2,
        (
            Contributor("pump_data.flow", "Pump flow", 61.5, "m³/h", 2.5),
            Contributor("pump_data.suction_pressure", "Pump suction pressure", None, "bar", 1.25),
        ),
    )
    fault = Prediction("cavitation", 0.9, (), "m")
    normal = Prediction("normal", 0.9, (), "m")
    reading = Reading("p1", 1.0, {"pump_data.flow": 61.5})
    batches = [
        [Scored(reading, fault, explanation=why, out_of_range=("pump_data.flow",))],
        [Scored(reading, normal)],
        [Scored(reading, normal)],
    ]
    sent = []
    for batch in batches:
        msg = enc.telemetry(batch)[0]
        names = {alias: name for name, (alias, _) in reg.devices["p1"].items()}
        sent.append({names[m.alias]: m for m in Payload.FromString(msg.body).metrics})
    first, second, third = sent
    assert first["Prediction/OutOfRange"].boolean_value is True
    assert first["Explanation/1/Feature"].string_value == "pump_data.flow"
    assert first["Explanation/1/Value"].double_value == 61.5
    assert first["Explanation/1/Contribution"].double_value == 2.5
    assert first["Explanation/2/Value"].is_null
    assert "Explanation/3/Feature" not in first
    assert second["Prediction/OutOfRange"].boolean_value is False
    assert "Explanation/1/Feature" not in second
    assert "Prediction/OutOfRange" not in third
    # The births carry the last values: the host sees the last explanation.
    birth = Payload.FromString(enc.dbirth("p1", 1))
    last = {m.name: m for m in birth.metrics}
    assert last["Explanation/1/Feature"].string_value == "pump_data.flow"
    assert last["Prediction/OutOfRange"].boolean_value is False
