"""Commands from the cloud over the upstream link (a real mosquitto) to a running gateway
reading the simulated plant: writes and their answers with the request's id (MQTT 5
response topic and correlation data, or the default topic under 3.1.1), signatures,
requests too old or replayed, the write records upstream, and Sparkplug B DCMD to the
metrics a DBIRTH declares writable, answered by DDATA."""

from __future__ import annotations

import asyncio
import json
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gateway.commands.signing import sign
from gateway.upstream.sparkplug.encoder import Payload
from tests.support.mosquitto import Mosquitto
from tests.support.web import RunningGateway

pytestmark = pytest.mark.timeout(240)

KEY = "a shared key that is long enough"
STOP, SPEED = "pump_1/control.stop", "pump_1/control.speed_setpoint"


class Cloud:
    """An MQTT client on the cloud side (gmqtt on its own loop in a thread)."""

    def __init__(self, port: int, *, version: str = "5", topics: tuple[str, ...] = ("#",)) -> None:
        self.port, self.version, self.topics = port, version, topics
        self.messages: list[tuple[str, bytes, dict[str, Any]]] = []
        self._lock = threading.Lock()
        self._ready = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._client: Any = None
        self._thread = threading.Thread(target=lambda: asyncio.run(self._run()), daemon=True)

    def start(self) -> Cloud:
        self._thread.start()
        assert self._ready.wait(10), "the cloud client did not connect"
        return self

    async def _run(self) -> None:
        from gmqtt import Client
        from gmqtt.mqtt.constants import MQTTv50, MQTTv311

        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        client = self._client = Client(f"cloud-{uuid.uuid4().hex[:8]}")
        client.on_message = self._on_message
        version = MQTTv50 if self.version == "5" else MQTTv311
        await client.connect("127.0.0.1", self.port, keepalive=10, version=version)
        for t in self.topics:
            client.subscribe(t, qos=1)
        await asyncio.sleep(0.3)  # the SUBACK
        self._ready.set()
        await self._stop.wait()
        await client.disconnect()

    def _on_message(self, client: Any, topic: str, payload: bytes, qos: int, props: Any) -> int:
        with self._lock:
            self.messages.append((topic, bytes(payload), dict(props or {})))
        return 0

    def publish(self, topic: str, payload: bytes, **props: Any) -> None:
        from gmqtt import Message

        assert self._loop is not None
        msg = Message(topic, payload, qos=1, **props)
        self._loop.call_soon_threadsafe(self._client.publish, msg)

    def wait(self, match: Any, timeout: float = 15.0) -> tuple[str, bytes, dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                for m in self.messages:
                    if match(*m):
                        return m
            time.sleep(0.05)
        raise AssertionError("no such message")

    def stop(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
            self._thread.join(5)


def _gateway(tmp: Path, broker: Mosquitto, **upstream: Any) -> RunningGateway:
    config = {
        "upstream": {"enabled": True, "port": broker.port, "linger_ms": 0, **upstream},
        "commands": {
            "enabled": True,
            "max_age": 10,
            "signature": {"kind": "hmac-sha256", "key": KEY},
        },
    }  # fmt: skip
    gw = RunningGateway(tmp / "data", assets=1, interval=0.2, config=config).start()
    deadline = time.monotonic() + 30
    while not gw.gateway.writes.connected(gw.gateway.writes.points[STOP]) or (
        gw.gateway.writes.state_of("pump_1") != "live"
    ):
        assert time.monotonic() < deadline, "the plant never became live"
        time.sleep(0.1)
    return gw


def _request(gw: RunningGateway, command: str, args: dict[str, Any], **kw: Any) -> dict[str, Any]:
    return {
        "id": kw.pop("id", uuid.uuid4().hex),
        "command": command,
        "issued_at": kw.pop("issued_at", time.time()),
        "gateway": gw.gateway.facade.gateway_id,
        "by": "ops@cloud.example",
        "args": args,
        **kw,
    }


@pytest.fixture(scope="module")
def broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Mosquitto]:
    b = Mosquitto(tmp_path_factory.mktemp("broker")).start()
    yield b
    b.stop()


@pytest.fixture(scope="module")
def gw(broker: Mosquitto, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningGateway]:
    g = _gateway(tmp_path_factory.mktemp("gw"), broker)
    yield g
    g.stop()


def test_a_signed_write_is_done_and_answered_with_its_correlation(
    gw: RunningGateway, broker: Mosquitto
) -> None:
    gid = gw.gateway.facade.gateway_id
    cloud = Cloud(broker.port, topics=("cloud/answers/#", f"aastreli/{gid}/writes/#")).start()
    try:
        req = _request(gw, "write", {"writes": [{"point": SPEED, "value": 65}]})
        cloud.publish(
            f"aastreli/{gid}/command/request",
            sign(req, "hmac-sha256", KEY),
            response_topic="cloud/answers/1",
            correlation_data=b"corr-42",
        )
        _, payload, props = cloud.wait(lambda t, p, pr: t == "cloud/answers/1")
        answer = json.loads(payload)
        assert (answer["id"], answer["ok"], answer["status"]) == (req["id"], True, "done")
        assert props["correlation_data"] == [b"corr-42"]
        (res,) = answer["result"]["results"]
        assert res["status"] == "verified" and res["readback"] == 65
        assert gw.sim.plant.controls["pump_1"].speed == 65
        # The write record goes upstream with the readings, naming the command.
        _, record, _ = cloud.wait(lambda t, p, pr: t == f"aastreli/{gid}/writes/pump_1")
        row = json.loads(record)
        assert (row["actor"], row["via"], row["point"], row["status"]) == (
            "cloud",
            "cloud",
            SPEED,
            "verified",
        )
        assert row["origin"] == f"command {req['id']} by ops@cloud.example"
    finally:
        cloud.stop()


def test_forged_old_replayed_and_unknown_requests_write_nothing(
    gw: RunningGateway, broker: Mosquitto
) -> None:
    gid = gw.gateway.facade.gateway_id
    answers = f"aastreli/{gid}/command/response"
    cloud = Cloud(broker.port, version="3.1.1", topics=(answers,)).start()
    plant = gw.sim.plant
    before = plant.controls["pump_1"].speed
    speed90 = {"writes": [{"point": SPEED, "value": 90}]}
    try:
        cases = [
            (sign(_request(gw, "write", speed90), "hmac-sha256", "not the key but long enough"),
             "bad_signature"),
            (json.dumps(_request(gw, "write", speed90)).encode(), "bad_signature"),  # unsigned
            (sign(_request(gw, "write", speed90, issued_at=time.time() - 60), "hmac-sha256", KEY),
             "expired"),
            (sign(_request(gw, "reboot", {}), "hmac-sha256", KEY), "unknown_command"),
            (sign(_request(gw, "write", {"writes": [{"point": SPEED, "value": 300}]}),
                  "hmac-sha256", KEY), "bad_value"),
            (sign(_request(gw, "write", {"writes": [{"point": STOP, "value": 1}]}),
                  "hmac-sha256", KEY), "confirmation_required"),
            (b"\xff not json", "malformed"),
        ]  # fmt: skip
        for i, (payload, code) in enumerate(cases):
            cloud.publish(f"aastreli/{gid}/command/request", payload)
            cloud.wait(
                lambda t, p, pr, n=i + 1: len([m for m in cloud.messages if m[0] == answers]) >= n
            )
            answer = json.loads([m for m in cloud.messages if m[0] == answers][i][1])
            assert (answer["status"], answer["code"]) == ("refused", code), answer
        # A request taken once is refused when it comes again (a replay).
        req = sign(_request(gw, "ping", {}), "hmac-sha256", KEY)
        for _ in range(2):
            cloud.publish(f"aastreli/{gid}/command/request", req)
        cloud.wait(lambda t, p, pr: t == answers and json.loads(p)["code"] == "replayed")
        assert plant.controls["pump_1"].speed == before and not plant.controls["pump_1"].stopped
        health = {h["name"]: h for h in gw.gateway.facade.components()}["commands"]
        assert health["extra"]["refused"] >= len(cases) + 1
    finally:
        cloud.stop()


def test_sparkplug_dcmd_writes_declared_metrics_and_reports_them(
    broker: Mosquitto, tmp_path: Path
) -> None:
    gw = _gateway(
        tmp_path,
        broker,
        format="sparkplug_b",
        sparkplug={"group_id": "plant", "edge_node_id": "gw1"},
    )
    cloud = Cloud(broker.port, topics=("spBv1.0/#",)).start()
    try:
        gw.gateway.sink("upstream").session.births()  # births after the subscription

        def dbirth(t: str, p: bytes, pr: Any) -> bool:
            return t == "spBv1.0/plant/DBIRTH/gw1/pump_1"

        _, birth, _ = cloud.wait(dbirth)
        metrics = {m.name: m for m in Payload.FromString(birth).metrics}
        speed = metrics["control/speed_setpoint"]
        props = dict(zip(speed.properties.keys, speed.properties.values, strict=True))
        assert props["writable"].boolean_value is True
        assert (props["engLow"].double_value, props["engHigh"].double_value) == (50, 110)
        assert "writable" not in metrics["motor_data/DE_temp"].properties.keys
        # A DCMD by name to a writable metric: written, read back, reported by DDATA.
        cmd = Payload(timestamp=int(time.time() * 1000))
        cmd.metrics.add(name="control/speed_setpoint", double_value=72.5)
        cloud.publish("spBv1.0/plant/DCMD/gw1/pump_1", cmd.SerializeToString())
        alias = speed.alias

        def reported(t: str, p: bytes, pr: Any) -> bool:
            if t != "spBv1.0/plant/DDATA/gw1/pump_1":
                return False
            return any(
                m.alias == alias and m.double_value == 72.5 for m in Payload.FromString(p).metrics
            )

        cloud.wait(reported)
        assert gw.sim.plant.controls["pump_1"].speed == 72.5
        # A DCMD to a metric the DBIRTH did not declare writable writes nothing (nor the
        # writable one beside it, once the setpoint's rate limit has passed).
        time.sleep(1.1)
        bad = Payload(timestamp=int(time.time() * 1000))
        bad.metrics.add(name="motor_data/DE_temp", double_value=1.0)
        bad.metrics.add(name="control/speed_setpoint", double_value=60.0)
        cloud.publish("spBv1.0/plant/DCMD/gw1/pump_1", bad.SerializeToString())
        dcmd = gw.gateway.health.get("sparkplug-dcmd")
        deadline = time.monotonic() + 10
        while dcmd.extra["refused"] < 1:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        assert gw.sim.plant.controls["pump_1"].speed == 72.5
        rows = gw.gateway.write_log.query(actor="sparkplug")
        assert {(r["point"], r["reason"]) for r in rows[:2]} == {
            ("sparkplug:pump_1/motor_data/DE_temp", "unknown_point"),
            (SPEED, "not_sent"),
        }
    finally:
        cloud.stop()
        gw.stop()
