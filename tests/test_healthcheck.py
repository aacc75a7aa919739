"""The health verdict: ok, degraded (data missing, still 200) or unhealthy (broken, 503)."""

from __future__ import annotations

from typing import Any

from gateway.health import ComponentHealth
from gateway.healthcheck import DEGRADED, MAX_LISTED, OK, UNHEALTHY, judge


def comp(name: str, kind: str, state: str = "up", **extra: Any) -> dict[str, Any]:
    h = ComponentHealth(name, kind)
    h.state = state
    h.extra.update(extra)
    return h.snapshot()


def asset(sid: str, state: str, overdue: bool = True) -> dict[str, Any]:
    return {"sensor_id": sid, "state": state, "for_seconds": 42.4, "source": "plc",
            "stale_after": 3.0, "overdue": overdue}  # fmt: skip


def test_all_up_is_ok() -> None:
    v = judge([comp("pipeline", "stage"), comp("plc", "source")], [asset("p1", "live", False)])
    assert (v.status, v.healthy, v.reasons()) == (OK, True, [])


def test_missing_data_degrades_but_stays_healthy() -> None:
    v = judge(
        [comp("pipeline", "stage"), comp("plc", "source", "down")],
        [asset("p1", "stale"), asset("p2", "offline"), asset("p3", "no_data"),
         asset("p4", "no_data", overdue=False), asset("p5", "live", False)],
    )  # fmt: skip
    assert v.status == DEGRADED and v.healthy and v.problems == []
    assert v.degraded == [
        "source plc is down",
        "asset p1 is stale for 42 s (nothing fresh in 3 s)",
        "asset p2 is offline (plc is down) for 42 s",
        "asset p3 has sent no reading since the start (42 s)",
    ]


def test_broken_parts_are_unhealthy() -> None:
    for comps, store, says in (
        ([comp("pipeline", "stage", "down")], None, "pipeline is down"),
        ([comp("pipeline", "stage", model_failing=True)], None, "model: refused"),
        ([comp("pipeline", "stage"), comp("history", "sink", disk_full=True)], None, "disk full"),
        ([comp("pipeline", "stage")], "disk I/O error", "state: disk I/O error"),
    ):
        v = judge(comps, [asset("p1", "stale")], store_error=store)
        assert v.status == UNHEALTHY and not v.healthy
        assert says in v.problems[0] and v.degraded  # both are listed


def test_a_plant_of_silent_assets_is_listed_briefly() -> None:
    v = judge([comp("pipeline", "stage")], [asset(f"p{i}", "stale") for i in range(500)])
    assert len(v.degraded) == MAX_LISTED + 1 and v.degraded[-1] == "and 480 more assets"
