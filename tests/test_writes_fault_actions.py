"""Fault actions that write: a confirmed fault trips a Modbus coil (pymodbus's server)
through the real alerts sink and write service, once per episode, re-armed only by an
acknowledgement; never on stale or unscored data; a dry run by default; every firing in
the write audit and in the alert's timeline, and none repeated after a restart."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from gateway.alerts.outbox import DeliveryQueue
from gateway.alerts.sink import AlertSink
from gateway.health import HealthRegistry
from gateway.records import Prediction, Reading
from gateway.state.store import Store
from gateway.writes.fault_actions import FaultActions
from tests.support.wait import until
from tests.support.writes import Rig
from tests.test_source_modbus import Plant

pytestmark = pytest.mark.timeout(180)

USER = "ops@plant.example"
FAULT = "motor_overheating"
STOP = "pump-1/stop"


class Model:
    """Stands in for the compiled model: the label and confidence a test sets."""

    def __init__(self) -> None:
        self.label: str | None = "normal"
        self.confidence = 0.99

    def __call__(self, reading: Reading) -> Prediction | None:
        if self.label is None:
            return None  # unscored (the coverage rule refused it)
        return Prediction(self.label, self.confidence, (), "stand-in")


@pytest.fixture
async def plant() -> AsyncIterator[Plant]:
    p = Plant()
    p.put(1, "holding", 0, [0, 0])
    p.put(1, "coil", 0, [False] * 8)
    await p.start()
    yield p
    await p.stop()


def coil_writes(plant: Plant) -> int:
    return len([r for r in plant.requests if r[1] in (5, 15)])


class Setup:
    def __init__(self, tmp_path: Path, plant: Plant, **action: Any) -> None:
        self.model = Model()
        points = [
            {"sensor_id": "pump-1", "feature": "temp", "address": 0, "type": "float32"},
            {"sensor_id": "pump-1", "feature": "stop", "table": "coil", "address": 0,
             "type": "bool", "writable": {"confirm": True, "min_interval": 0}},
        ]  # fmt: skip
        devices = [{"name": "d", "unit_id": 1, "poll_interval": 0.05, "timeout": 0.3,
                    "stale_after": 0.5, "points": points}]  # fmt: skip
        src = {"kind": "modbus", "name": "plc", "port": plant.port, "devices": devices}
        alerts = {"resolve_after": 0.3, "data_loss": {"enabled": False}, "settings_refresh": 0.1}
        self.rig = Rig(tmp_path / "data", [src], model=self.model, alerts=alerts)
        self.store = Store(tmp_path / "data")
        health = HealthRegistry()
        self.alerts = AlertSink(
            self.rig.config.alerts,
            self.store,
            self.rig.events,
            health=health.register("alerts", "sink"),
            delivery_health=health.register("alert-delivery", "sink"),
            outbox=DeliveryQueue(tmp_path / "data"),
        )
        self.rig.sinks.append(self.alerts)
        self.store.insert("users", {"email": USER, "role": "operator", "disabled": False})
        config = {"fault_type": FAULT, "point": STOP, "value": 1, "cooldown_minutes": 0, **action}
        entry = {"id": "trip", "type": "device_write", "enabled": True, "config": config}
        self.store.upsert("settings", {"faultActions": [entry]}, user_email=USER)
        self.actions = self.engine()
        self.health = health.register("fault-actions", "task")

    def engine(self) -> FaultActions:
        return FaultActions(
            self.store,
            self.rig.service,
            assets=self.rig.assets,
            live=self.rig.live,
            events=self.rig.events,
            settings_refresh=0.1,
        )

    def alerts_of(self, status: tuple[str, ...] = ("open", "acknowledged")) -> list[dict[str, Any]]:
        return self.store.find("alerts", lambda d: d.get("status") in status)

    async def step_until(self, cond: Any, within: float, what: str) -> None:
        deadline = time.monotonic() + within
        while not cond():
            assert time.monotonic() < deadline, f"not within {within} s: {what}"
            await self.actions.step(self.health)
            await asyncio.sleep(0.05)


async def test_fires_once_per_episode_and_rearms_only_after_acknowledgement(
    tmp_path: Path, plant: Plant
) -> None:
    s = Setup(tmp_path, plant, dry_run=False)
    async with s.rig.running():
        await s.rig.connected()
        await s.actions.restore()
        s.model.label, s.model.confidence = FAULT, 0.97
        await s.step_until(lambda: coil_writes(plant) == 1, 15, "the action fired")
        (first,) = s.alerts_of()
        assert plant.server is not None
        assert (await s.rig.write(("pump-1/stop", 0), confirm=True)).status == "done"  # reset
        # The fault goes on: the same episode never fires again.
        for _ in range(20):
            await s.actions.step(s.health)
            await asyncio.sleep(0.05)
        assert coil_writes(plant) == 2  # the firing and the reset, nothing more
        timeline = s.store.get_by_id("alerts", first["doc_id"])["timeline"]
        (entry,) = timeline
        assert (entry["event"], entry["action_id"], entry["status"], entry["dry_run"]) == (
            "fault_action",
            "trip",
            "verified",
            False,
        )
        row = next(r for r in s.rig.log.query() if r["via"] == "fault_action")
        assert (row["actor"], row["point"], row["status"]) == (
            "fault_action:trip",
            STOP,
            "verified",
        )
        assert f"alert {first['doc_id']} ({FAULT} on pump-1, 97%)" in row["origin"]
        # The episode ends; a new one opens before anyone acknowledged the first: disarmed.
        s.model.label = "normal"
        await until(lambda: not s.alerts_of(), 10, "the alert resolved")
        s.model.label = FAULT
        await until(lambda: len(s.alerts_of()) == 1, 10, "a second alert")
        for _ in range(20):
            await s.actions.step(s.health)
            await asyncio.sleep(0.05)
        assert coil_writes(plant) == 2
        # The operator acknowledges the first alert: re-armed, it fires on the open one.
        await s.alerts.acknowledge(first["doc_id"], USER)
        await s.step_until(lambda: coil_writes(plant) == 3, 10, "fired after the acknowledgement")
        (second,) = s.alerts_of()
        assert len(s.store.get_by_id("alerts", second["doc_id"])["timeline"]) == 1
        # A restart rebuilds the arming from the timelines: nothing fires again.
        s.actions = s.engine()
        await s.actions.restore()
        for _ in range(20):
            await s.actions.step(s.health)
            await asyncio.sleep(0.05)
        assert coil_writes(plant) == 3


async def test_never_on_stale_or_unscored_data_and_a_dry_run_by_default(
    tmp_path: Path, plant: Plant
) -> None:
    s = Setup(tmp_path, plant)  # dry_run not given: the default
    async with s.rig.running():
        await s.rig.connected()
        await s.actions.restore()
        # Confident enough for an alert (0.6), not for the action (0.9 by default).
        s.model.label, s.model.confidence = FAULT, 0.8
        await until(lambda: len(s.alerts_of()) == 1, 10, "an alert")
        # Then unscored readings: the alert stays open, the data is not scored.
        s.model.label = None
        for _ in range(10):
            await s.actions.step(s.health)
            await asyncio.sleep(0.05)
        # Then a confident fault, but the device goes silent: its asset goes stale.
        s.model.label, s.model.confidence = FAULT, 0.95
        plant.silent.add(1)
        await until(lambda: s.rig.service.state_of("pump-1") != "live", 10, "stale")
        for _ in range(10):
            await s.actions.step(s.health)
            await asyncio.sleep(0.05)
        assert s.actions.fired == 0 and coil_writes(plant) == 0
        # Data again, live and confident: it fires, as a dry run (nothing sent).
        plant.silent.discard(1)
        await s.step_until(lambda: s.actions.fired == 1, 15, "fired")
        assert coil_writes(plant) == 0
        (alert,) = s.alerts_of()
        (entry,) = s.store.get_by_id("alerts", alert["doc_id"])["timeline"]
        assert entry["dry_run"] is True and entry["status"] == "dry_run"
        (row,) = [r for r in s.rig.log.query() if r["via"] == "fault_action"]
        assert row["status"] == "dry_run" and row["dry_run"] is True
