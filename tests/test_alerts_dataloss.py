"""Data-loss rules: "asset stale" and "source down" open after their delay and resolve."""

from __future__ import annotations

from typing import Any

from gateway.alerts.dataloss import ASSET_STALE, SOURCE_DOWN, DataLossRules, Loss
from gateway.alerts.rules import OPENED, RESOLVED, AlertRules, RuleConfig


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def asset(state: str, since: float, sid: str = "pump_1", **kw: Any) -> dict[str, Any]:
    return {"sensor_id": sid, "source": "plc", "state": state, "since": since,
            "last_reading": kw.get("last", since - 3), "stale_after": 3.0}  # fmt: skip


def test_asset_stale_opens_after_its_delay_and_resolves_when_live() -> None:
    clock = Clock()
    rules = DataLossRules(stale_delay=10, down_delay=5, clock=clock)
    rules.observe("asset.state", asset("stale", clock.t))
    clock.t += 9.9
    assert rules.take() == []
    clock.t += 0.2
    (d,) = rules.take()
    assert (d.kind, d.sensor_id, d.fault) == (OPENED, "pump_1", ASSET_STALE)
    assert rules.take() == []  # opened once
    rules.observe("asset.state", asset("live", clock.t))
    (d,) = rules.take()
    assert (d.kind, d.fault) == (RESOLVED, ASSET_STALE)


def test_a_short_gap_never_opens_anything() -> None:
    clock = Clock()
    rules = DataLossRules(stale_delay=10, clock=clock)
    rules.observe("asset.state", asset("stale", clock.t))
    clock.t += 5
    rules.observe("asset.state", asset("live", clock.t))
    clock.t += 20
    assert rules.take() == []


def test_offline_assets_leave_it_to_the_source_alert() -> None:
    clock = Clock()
    rules = DataLossRules(stale_delay=10, down_delay=10, clock=clock)
    rules.observe("asset.state", asset("stale", clock.t))
    clock.t += 2
    rules.observe("source.state", {"source": "plc", "state": "down", "since": clock.t,
                                   "error": "no answer"})  # fmt: skip
    rules.observe("asset.state", asset("offline", clock.t))
    clock.t += 11
    (d,) = rules.take()
    assert (d.kind, d.sensor_id, d.fault) == (OPENED, "plc", SOURCE_DOWN)
    assert d.context.details["error"] == "no answer"
    rules.observe("source.state", {"source": "plc", "state": "up", "since": clock.t})
    (d,) = rules.take()
    assert (d.kind, d.fault) == (RESOLVED, SOURCE_DOWN)


def test_no_data_counts_from_its_stale_after_and_a_restored_alert_resolves() -> None:
    clock = Clock()
    rules = DataLossRules(stale_delay=10, clock=clock)
    rules.observe("asset.state", {**asset("no_data", clock.t), "last_reading": None})
    clock.t += 12  # 3 s of stale_after, then 9 of the delay
    assert rules.take() == []
    clock.t += 1.1
    assert [d.kind for d in rules.take()] == [OPENED]
    rules2 = DataLossRules(clock=clock)
    rules2.restore(Loss(ASSET_STALE, "pump_9", "plc", clock.t - 100))
    rules2.observe("asset.state", asset("live", clock.t, sid="pump_9"))
    assert [d.kind for d in rules2.take()] == [RESOLVED]


def test_a_gap_in_the_data_restarts_the_fault_resolution_timer() -> None:
    clock = Clock()
    rules = AlertRules(RuleConfig(k=1, n=1, resolve_after=30), clock=clock)
    assert [d.kind for d in rules.observe("pump_1", "imbalance", 0.9)] == [OPENED]
    clock.t += 1
    rules.observe("pump_1", "normal", 0.99)  # the normal streak starts
    rules.interrupt("pump_1")  # then the asset goes stale
    clock.t += 60
    assert rules.tick() == []  # no resolution across the gap
    rules.observe("pump_1", "normal", 0.99)  # data back: the streak starts again
    clock.t += 29
    assert rules.tick() == []
    clock.t += 2
    assert [d.kind for d in rules.tick()] == [RESOLVED]
