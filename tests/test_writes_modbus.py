"""Writes to Modbus devices through the write service, against pymodbus's own server:
every type and order round-trips, every refusal writes nothing, device trouble is told
plainly, and on an RTU bus (a socat pair) writes never interleave with the polls."""

from __future__ import annotations

import itertools
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from pymodbus.constants import ExcCodes

from tests.support.serialpair import SerialPair
from tests.support.wait import until
from tests.support.writes import WRITE_FUNCTIONS, Rig
from tests.test_modbus_codec import ORDERS, SAMPLES, STRUCT
from tests.test_modbus_codec import encode as wire
from tests.test_source_modbus import Plant

pytestmark = pytest.mark.timeout(180)

OPEN = {"require_live": True, "min_interval": 0}


def pt(feature: str, address: int, **kw: Any) -> dict[str, Any]:
    return {
        "sensor_id": kw.pop("sensor_id", "pump-1"),
        "feature": feature,
        "address": address,
        **kw,
    }


def source(plant: Plant, points: list[dict[str, Any]], **kw: Any) -> dict[str, Any]:
    devices = kw.pop("devices", None) or [
        {"name": "dev1", "unit_id": 1, "poll_interval": 0.1, "timeout": 0.5, "points": points}
    ]
    return {"kind": "modbus", "name": "plant-modbus", "port": plant.port, "devices": devices, **kw}


def held(plant: Plant, unit: int, address: int, count: int) -> list[int]:
    """Holding registers as the running server holds them now."""
    assert plant.server is not None
    start, _, registers, _ = plant.server.context.devices[unit].block["h"]  # type: ignore[union-attr]
    return list(registers[address - start : address - start + count])


def writes(plant: Plant) -> list[tuple[int, int, int, int]]:
    return [r for r in plant.requests if r[1] in WRITE_FUNCTIONS]


@pytest.fixture
async def plant() -> AsyncIterator[Plant]:
    p = Plant()
    yield p
    await p.stop()


def all_types(plant: Plant) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Every type in every order at its own address (one unmapped register apart), plus a
    scaled int, a coil and a bool register."""
    points, values = [], {}
    address = 0
    for kind in STRUCT:
        for order in ORDERS:
            width = len(wire(kind, 0, order))
            plant.put(1, "holding", address, [0] * (width + 1))
            name = f"{kind}.{order}"
            points.append(pt(name, address, type=kind, order=order, writable=OPEN))
            values[f"pump-1/{name}"] = SAMPLES[kind]
            address += width + 1
    plant.put(1, "holding", 200, [0, 0])
    points.append(pt("temp", 200, type="int16", scale=0.1, offset=-40, writable=OPEN))
    values["pump-1/temp"] = 21.5
    points.append(pt("flag", 201, type="bool", writable=OPEN))
    values["pump-1/flag"] = True
    plant.put(1, "coil", 0, [False] * 8)
    points.append(pt("run", 3, table="coil", type="bool", writable=OPEN))
    values["pump-1/run"] = 1
    return points, values


async def test_every_type_and_order_round_trips(tmp_path: Path, plant: Plant) -> None:
    """Written, read back on the same connection and compared; the registers hold what a
    device with that order would send for the value."""
    points, values = all_types(plant)
    await plant.start()
    rig = Rig(tmp_path, [source(plant, points)], writes={"max_per_request": 64})
    async with rig.running():
        await rig.connected()
        outcome = await rig.write(*values.items())
        assert outcome.status == "done", outcome.public()
        for r in outcome.results:
            assert r.status == "verified", (r.point, r.detail)
            expected = values[r.point]
            assert r.readback == pytest.approx(float(expected), rel=1e-6), r.point
        for kind in STRUCT:
            for order in ORDERS:
                p = next(p for p in points if p["feature"] == f"{kind}.{order}")
                regs = wire(kind, SAMPLES[kind], order)
                assert held(plant, 1, p["address"], len(regs)) == regs, (kind, order)
        assert held(plant, 1, 200, 2) == [615, 1]  # (21.5 + 40) / 0.1; true
        # One request per run of contiguous points: the 40 typed points sit one register
        # apart, so each is its own request; temp and flag (200, 201) share one.
        fc16 = [r for r in writes(plant) if r[1] == 16 and r[2] == 200]
        assert len(fc16) == 1
        rows = rig.log.query(limit=100)
        assert {r["point"] for r in rows} == set(values)
        assert all(r["status"] == "verified" and r["actor"] == "tester@plant.example" for r in rows)


async def test_contiguous_points_go_in_one_request(tmp_path: Path, plant: Plant) -> None:
    plant.put(1, "holding", 10, [0] * 6)
    points = [
        pt("a", 10, type="float32", writable=OPEN),
        pt("b", 12, type="float32", order="CDAB", writable=OPEN),
        pt("c", 14, type="uint16", writable=OPEN),
    ]
    await plant.start()
    rig = Rig(tmp_path, [source(plant, points)])
    async with rig.running():
        await rig.connected()
        before = len(writes(plant))
        outcome = await rig.write(("pump-1/a", 1.5), ("pump-1/b", -2.25), ("pump-1/c", 7))
        assert outcome.status == "done"
        assert writes(plant)[before:] == [(1, 16, 10, 5)]


async def test_every_refusal_writes_nothing_and_says_why(tmp_path: Path, plant: Plant) -> None:
    plant.put(1, "holding", 0, [0] * 10)
    plant.put(1, "coil", 0, [False] * 8)
    points = [
        pt("speed", 0, type="float32", unit="%",
           writable={"min": 50, "max": 110, "min_interval": 60}),
        pt("stop", 0, table="coil", type="bool", writable={"confirm": True, "min_interval": 0}),
        pt("limit", 2, type="int16", writable={"role": "admin", "min_interval": 0}),
        pt("lock", 3, type="uint16", writable={"min_interval": 0, "interlocks": [
            {"sensor_id": "pump-1", "feature": "state", "equals": 1}]}),
        pt("state", 4, type="uint16"),
    ]  # fmt: skip
    plant.put(1, "holding", 4, [0])
    await plant.start()
    rig = Rig(tmp_path, [source(plant, points)])
    async with rig.running():
        await rig.connected()
        cases: list[tuple[dict[str, Any], str, str]] = [
            ({"pairs": [("pump-1/speed", 120)]}, "bad_value", "above the maximum 110 %"),
            ({"pairs": [("pump-1/speed", "fast")]}, "bad_value", "expected a number, got str"),
            ({"pairs": [("pump-1/nope", 1)]}, "unknown_point", "no writable point"),
            ({"pairs": [("pump-1/state", 1)]}, "unknown_point", "no writable point"),  # read-only
            ({"pairs": [("pump-1/stop", 2)], "confirm": True}, "bad_value", "is not 0 or 1"),
            ({"pairs": [("pump-1/limit", 70000)], "role": "admin"}, "bad_value", "cannot hold"),
            ({"pairs": [("pump-1/limit", 5)]}, "forbidden", "needs the admin role"),
            ({"pairs": [("pump-1/speed", 60)], "role": "viewer"}, "forbidden", "operator"),
            ({"pairs": [("pump-1/stop", 1)]}, "confirmation_required", "second confirmation"),
            ({"pairs": [("pump-1/lock", 5)]}, "interlock", "interlock pump-1 state = 1: it is 0"),
            ({"pairs": []}, "bad_request", "no point"),
            ({"pairs": [("pump-1/speed", 60), ("pump-1/speed", 61)]}, "duplicate_point", "twice"),
            # One bad point refuses the whole request: the good one is not sent either.
            ({"pairs": [("pump-1/speed", 60), ("pump-1/stop", 1)]}, "confirmation_required", ""),
        ]
        for case, code, words in cases:
            kw = {k: v for k, v in case.items() if k != "pairs"}
            outcome = await rig.write(*case["pairs"], **kw)
            assert (outcome.status, outcome.code) == ("refused", code), (case, outcome.public())
            assert words in outcome.detail, (case, outcome.detail)
        both = outcome.results
        assert [(r.point, r.reason) for r in both] == [
            ("pump-1/speed", "not_sent"),
            ("pump-1/stop", "confirmation_required"),
        ]
        assert writes(plant) == []
        # The rate limit: one write goes, the next within min_interval is refused.
        assert (await rig.write(("pump-1/speed", 60))).status == "done"
        again = await rig.write(("pump-1/speed", 61))
        assert again.code == "rate_limited" and "wait" in again.detail
        assert len(writes(plant)) == 1
        # Every attempt is in the audit, refused ones too, with its reason.
        rows = rig.log.query(limit=200)
        refused = [r for r in rows if r["status"] == "refused"]
        assert len(refused) >= len(cases)
        assert {r["reason"] for r in refused} >= {
            "bad_value",
            "unknown_point",
            "forbidden",
            "confirmation_required",
            "interlock",
            "rate_limited",
            "not_sent",
        }


async def test_dry_run_checks_and_records_but_sends_nothing(tmp_path: Path, plant: Plant) -> None:
    plant.put(1, "holding", 0, [0, 0])
    points = [pt("speed", 0, type="float32", writable=OPEN)]
    await plant.start()
    rig = Rig(tmp_path, [source(plant, points)], writes={"dry_run": True})
    async with rig.running():
        await rig.connected()
        outcome = await rig.write(("pump-1/speed", 60))
        assert outcome.status == "dry_run" and outcome.ok
        bad = await rig.write(("pump-1/speed", "x"))
        assert bad.status == "refused"  # a dry run still checks
    rig2 = Rig(tmp_path / "b", [source(plant, points)])
    async with rig2.running():
        await rig2.connected()
        assert (await rig2.write(("pump-1/speed", 60), dry_run=True)).status == "dry_run"
        (row,) = rig2.log.query()
        assert row["status"] == "dry_run" and row["dry_run"] is True
    assert writes(plant) == []


async def test_device_trouble_is_told_plainly(tmp_path: Path, plant: Plant) -> None:
    """An exception answer fails the write with its meaning; a stale asset is refused; a
    source without a link is unavailable; none of them writes."""
    plant.put(1, "holding", 0, [0, 0])
    plant.put(2, "holding", 0, [0, 0])
    devices = [
        {"name": "dev1", "unit_id": 1, "poll_interval": 0.1, "timeout": 0.3,
         "points": [pt("speed", 0, type="float32", writable=OPEN)]},
        {"name": "dev2", "unit_id": 2, "poll_interval": 0.1, "timeout": 0.3, "stale_after": 0.6,
         "points": [pt("speed", 0, sensor_id="pump-2", type="float32", writable=OPEN)]},
    ]  # fmt: skip
    await plant.start()
    rig = Rig(tmp_path, [source(plant, [], devices=devices)])
    async with rig.running():
        await rig.connected()
        plant.exception[(1, 16)] = ExcCodes.ILLEGAL_VALUE
        outcome = await rig.write(("pump-1/speed", 60))
        assert outcome.status == "failed"
        (r,) = outcome.results
        assert r.status == "failed" and "exception 3 (illegal data value" in r.detail
        del plant.exception[(1, 16)]
        # A dead device on the bus: its asset goes stale, and a write to it is refused.
        plant.silent.add(2)
        await until(lambda: rig.service.state_of("pump-2") != "live", 10, "pump-2 not live")
        before = len(writes(plant))
        refused = await rig.write(("pump-2/speed", 60))
        assert refused.code == "not_live" and "pump-2 is" in refused.detail
        assert len(writes(plant)) == before
        # The whole link down: unavailable, at once.
        await plant.stop()
        await until(lambda: not rig.sources[0].writes.open, 10, "link down")
        gone = await rig.write(("pump-1/speed", 60))
        assert gone.code in ("unavailable", "not_live"), gone.public()


async def test_writes_never_interleave_with_polls_on_an_rtu_bus(tmp_path: Path) -> None:
    """Two devices polled back to back on one RS-485 line (a socat pair) while writes go
    to both: the server sees each request answered before the next arrives, no answer
    is taken for another request's, every write is read back, and the polls go on."""
    events: list[str] = []
    with SerialPair(tmp_path / "tty") as pair:
        plant = Plant(serial_port=pair.b)
        for unit in (1, 2):
            plant.put(unit, "holding", 0, [0] * 6)
            plant.slow[(unit, 3, 0)] = 0.01  # each poll answer takes a little time
        traced = plant._trace_packet

        def trace(sending: bool, packet: bytes) -> bytes:
            if packet:
                events.append("tx" if sending else "rx")
            return traced(sending, packet)

        plant._trace_packet = trace  # type: ignore[method-assign]
        await plant.start()
        devices = [
            {"name": f"dev{u}", "unit_id": u, "poll_interval": 0.05, "timeout": 0.5,
             "points": [pt("sp", 0, sensor_id=f"pump-{u}", type="float32", writable=OPEN),
                        pt("t", 2, sensor_id=f"pump-{u}", type="uint16", writable=OPEN)]}
            for u in (1, 2)
        ]  # fmt: skip
        cfg = {
            "kind": "modbus",
            "name": "bus",
            "transport": "rtu",
            "host": None,
            "serial": {"port": pair.a, "parity": "N", "flush_after_timeout": 0.05},
            "devices": devices,
        }
        rig = Rig(tmp_path / "data", [cfg])
        try:
            async with rig.running():
                await rig.connected()
                src = rig.sources[0]
                polls_before = src.health.extra["devices"]["dev1"]["polls"]
                t0 = time.monotonic()
                for i in range(30):
                    unit = 1 + i % 2
                    outcome = await rig.write((f"pump-{unit}/sp", 40.0 + i), (f"pump-{unit}/t", i))
                    assert outcome.status == "done", outcome.public()
                    assert all(r.status == "verified" for r in outcome.results)
                took = time.monotonic() - t0
                polls = src.health.extra["devices"]["dev1"]["polls"] - polls_before
                mismatched = sum(
                    d["mismatched_answers"] for d in src.health.extra["devices"].values()
                )
        finally:
            await plant.stop()
    assert mismatched == 0
    # Strict alternation on the wire: never two requests before an answer.
    assert len(events) > 100
    assert all(a != b for a, b in itertools.pairwise(events)), events[:40]
    # The polls kept going while the writes took the bus between them.
    assert polls >= took / 0.05 / 3, (polls, took)
    assert len([r for r in plant.requests if r[1] == 16]) == 30
