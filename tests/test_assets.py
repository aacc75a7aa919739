"""Asset state: live, stale, offline and no_data from readings and source health (unit)."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from gateway.assets import LIVE, NO_DATA, OFFLINE, STALE, AssetStates, Expected
from gateway.config.assets import AssetsConfig
from gateway.events import EventHub
from gateway.health import ComponentHealth
from gateway.records import INSUFFICIENT_DATA, Prediction, Reading, Scored
from tests.support.wait import until


class Clock:
    def __init__(self) -> None:
        self.t = 100.0

    def mono(self) -> float:
        return self.t

    def wall(self) -> float:
        return 1_700_000_000.0 + self.t


def scored(sid: str, source: str = "plc", good: bool = True, unscored: str | None = None) -> Scored:
    values = {"a": 1.0} if good else {}
    r = Reading(sid, 0.0, values, source, () if good else ("a",), received=123.0)
    if unscored is not None:
        return Scored(r, None, unscored)
    return Scored(r, Prediction("normal", 0.9, (0.9,), "m"))


def make(**cfg: Any) -> tuple[AssetStates, Clock, list[dict[str, Any]], ComponentHealth]:
    clock = Clock()
    hub = EventHub()
    events: list[dict[str, Any]] = []
    hub.subscribe(lambda kind, p: events.append({"kind": kind, **p}))
    states = AssetStates(AssetsConfig(**cfg), events=hub, clock=clock.mono, wall=clock.wall)
    plc = ComponentHealth("plc", "source")
    states.add_source(plc, assets={"pump_1": Expected(interval=1.0)})
    return states, clock, events, plc


def test_configured_asset_no_data_then_live_then_stale_on_its_deadline() -> None:
    states, clock, events, _ = make(stale_min=2.0)
    assert states.get("pump_1")["state"] == NO_DATA  # type: ignore[index]
    states.observe([scored("pump_1")])
    assert states.get("pump_1")["state"] == LIVE  # type: ignore[index]
    assert states.get("pump_1")["stale_after"] == 3.0  # type: ignore[index]  # 3 x poll
    clock.t += 2.9
    states.tick()
    assert states.get("pump_1")["state"] == LIVE  # type: ignore[index]
    clock.t += 0.5  # the tick comes 0.4 s after the deadline
    states.tick()
    snap = states.get("pump_1")
    assert snap is not None and snap["state"] == STALE
    # Stale since its deadline, not since the tick that noticed it.
    assert abs(snap["since"] - (clock.wall() - 0.4)) < 1e-6
    assert snap["age_seconds"] == 3.4
    assert [(e["state"], e["previous"]) for e in events if e["kind"] == "asset.state"] == [
        (LIVE, NO_DATA),
        (STALE, LIVE),
    ]
    states.observe([scored("pump_1")])
    assert states.get("pump_1")["state"] == LIVE  # type: ignore[index]


def test_a_reading_without_a_good_value_is_not_fresh() -> None:
    states, clock, _, _ = make(stale_min=1.0)
    states.observe([scored("pump_1")])
    for _ in range(5):  # a device answering with errors only
        clock.t += 1.0
        states.observe([scored("pump_1", good=False, unscored=INSUFFICIENT_DATA)])
        states.tick()
    snap = states.get("pump_1")
    assert snap is not None and snap["state"] == STALE
    assert snap["unscored"] == 5 and snap["unscored_reason"] == INSUFFICIENT_DATA


def test_source_down_takes_its_assets_offline_and_back() -> None:
    states, clock, events, plc = make(stale_min=1.0)
    states.observe([scored("pump_1")])
    plc.down("connection refused")
    assert states.get("pump_1")["state"] == OFFLINE  # type: ignore[index]
    assert events[-2]["kind"] == "source.state" and events[-2]["error"] == "connection refused"
    clock.t += 60
    plc.up()
    states.tick()
    assert states.get("pump_1")["state"] == OFFLINE  # type: ignore[index]  # a poll's grace
    states.observe([scored("pump_1")])
    assert states.get("pump_1")["state"] == LIVE  # type: ignore[index]
    plc.down("again")
    plc.up()
    clock.t += 3.1  # the grace (stale_after) passes without a reading
    states.tick()
    assert states.get("pump_1")["state"] == STALE  # type: ignore[index]


def test_discovered_asset_derives_stale_after_from_the_median_gap() -> None:
    states, clock, _, _ = make(stale_min=2.0, stale_default=60.0)
    states.add_source(ComponentHealth("mqtt", "source"))
    states.observe([scored("m1", source="mqtt")])
    assert states.get("m1")["stale_after"] == 60.0  # type: ignore[index]  # nothing known yet
    for gap in (1.0, 1.0, 30.0, 1.0, 1.0):  # one outage among regular readings
        clock.t += gap
        states.observe([scored("m1", source="mqtt")])
    assert states.get("m1")["stale_after"] == 3.0  # type: ignore[index]
    # A source's setting wins over any derivation.
    states.add_source(ComponentHealth("slow", "source"), default=Expected(stale_after=600.0))
    states.observe([scored("s1", source="slow")])
    assert states.get("s1")["stale_after"] == 600.0  # type: ignore[index]


def test_heartbeat_keeps_a_live_asset_live_but_never_revives() -> None:
    states, clock, _, _ = make(stale_min=1.0)
    states.observe([scored("pump_1")])
    for _ in range(10):  # an OPC UA subscription: keep-alives, values unchanged
        clock.t += 2.0
        states.heartbeat(["pump_1"])
        states.tick()
    assert states.get("pump_1")["state"] == LIVE  # type: ignore[index]
    clock.t += 3.5
    states.tick()
    states.heartbeat(["pump_1"])
    assert states.get("pump_1")["state"] == STALE  # type: ignore[index]
    states.observe([scored("pump_1", good=False)])  # back, but every value bad
    states.heartbeat(["pump_1"])
    assert states.get("pump_1")["state"] == STALE  # type: ignore[index]


def test_no_data_is_overdue_after_its_stale_after() -> None:
    states, clock, _, _ = make(stale_min=1.0)
    assert states.get("pump_1")["overdue"] is False  # type: ignore[index]
    clock.t += 3.5
    assert states.get("pump_1")["overdue"] is True  # type: ignore[index]
    assert states.counts() == {LIVE: 0, STALE: 0, OFFLINE: 0, NO_DATA: 1}


async def test_the_ticker_makes_an_asset_stale_on_time() -> None:
    states = AssetStates(AssetsConfig(stale_min=0.3))
    health = ComponentHealth("plc", "source")
    states.add_source(health, assets={"pump_1": Expected(interval=0.1)})
    ticker = asyncio.create_task(states.run(ComponentHealth("assets", "task")))
    try:
        states.observe([scored("pump_1")])
        t0 = time.monotonic()
        await until(lambda: states.get("pump_1")["state"] == STALE, within=5)  # type: ignore[index]
        took = time.monotonic() - t0
        assert took >= 0.3
    finally:
        ticker.cancel()
