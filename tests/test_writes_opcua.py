"""Writes to an OPC UA server through the write service, against asyncua's own server:
each built-in type round-trips in the node's own type, values the node cannot hold are
refused before anything is sent, the server's refusals are told per node, methods are
called with typed arguments, and a value the device puts back fails its read-back."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from asyncua import Server, ua

from gateway.simulator.opcua_server import OpcuaPlantServer
from gateway.simulator.plant import Plant
from tests.support.net import free_port
from tests.support.wait import until
from tests.support.writes import Rig

pytestmark = pytest.mark.timeout(180)

OPEN = {"min_interval": 0}
VT = ua.VariantType
# node name -> (type, initial value, value to write)
TYPED: dict[str, tuple[ua.VariantType, Any, Any]] = {
    "b": (VT.Boolean, False, 1),
    "sb": (VT.SByte, 0, -100),
    "by": (VT.Byte, 0, 200),
    "i16": (VT.Int16, 0, -30000),
    "u16": (VT.UInt16, 0, 65000),
    "i32": (VT.Int32, 0, -2_000_000_000),
    "u32": (VT.UInt32, 0, 4_000_000_000),
    "i64": (VT.Int64, 0, -(2**62) - 1),
    "u64": (VT.UInt64, 0, 2**63 + 5),
    "f": (VT.Float, 0.0, 1.5),
    "d": (VT.Double, 0.0, -123.456),
}


class Device:
    """An asyncua server with a variable of each type, a read-only one, and a method."""

    def __init__(self) -> None:
        self.port = free_port()
        self.server = Server()
        self.calls: list[tuple[Any, ...]] = []
        self.idx = 2

    async def start(self) -> Device:
        s = self.server
        await s.init()
        s.set_endpoint(f"opc.tcp://127.0.0.1:{self.port}/")
        s.set_security_policy([ua.SecurityPolicyType.NoSecurity])
        idx = self.idx = await s.register_namespace("urn:aastreli:test-writes")
        obj = await s.nodes.objects.add_object(ua.NodeId("Dev", idx), f"{idx}:Dev")
        for name, (vtype, initial, _) in TYPED.items():
            var = await obj.add_variable(
                ua.NodeId(f"Dev.{name}", idx), f"{idx}:{name}", ua.Variant(initial, vtype)
            )
            await var.set_writable()
        await obj.add_variable(ua.NodeId("Dev.ro", idx), f"{idx}:ro", ua.Variant(5.0, VT.Double))

        async def scale(parent: Any, factor: Any, label: Any) -> list[ua.Variant]:
            self.calls.append((factor.Value, label.Value))
            if factor.Value > 10:
                return ua.CallMethodResult(  # type: ignore[return-value]
                    StatusCode=ua.StatusCode(ua.UInt32(ua.StatusCodes.BadInvalidArgument)),
                    InputArgumentResults=[
                        ua.StatusCode(ua.UInt32(ua.StatusCodes.BadOutOfRange)),
                        ua.StatusCode(),
                    ],
                )
            return [ua.Variant(factor.Value * 2, VT.Double)]

        await obj.add_method(
            ua.NodeId("Dev.Scale", idx), f"{idx}:Scale", scale, [VT.Double, VT.String], [VT.Double]
        )
        await s.start()
        return self

    async def value(self, name: str) -> Any:
        return await self.server.get_node(ua.NodeId(f"Dev.{name}", self.idx)).read_value()


@pytest.fixture
async def device() -> AsyncIterator[Device]:
    d = await Device().start()
    yield d
    await d.server.stop()


def opcua_source(port: int, **kw: Any) -> dict[str, Any]:
    points = [
        {"sensor_id": "dev", "feature": name, "node": f"ns=2;s=Dev.{name}", "writable": OPEN}
        for name in TYPED
    ] + [
        {"sensor_id": "dev", "feature": "ro", "node": "ns=2;s=Dev.ro",
         "writable": {**OPEN, "verify": None}},
    ]  # fmt: skip
    methods = [
        {
            "name": "dev/Scale",
            "sensor_id": "dev",
            "object": "0:Objects/2:Dev",  # a browse path
            "method": "ns=2;s=Dev.Scale",
            "min_interval": 0,
            "arguments": [
                {"name": "factor", "type": "Double"},
                {"name": "label", "type": "String"},
            ],
        }
    ]
    return {
        "kind": "opcua",
        "name": "plc",
        "url": f"opc.tcp://127.0.0.1:{port}/",
        "mode": "poll",
        "poll_interval": 0.1,
        "points": points,
        "methods": methods,
        **kw,
    }


async def test_each_type_round_trips_and_what_a_node_cannot_hold_is_refused(
    tmp_path: Path, device: Device
) -> None:
    rig = Rig(tmp_path, [opcua_source(device.port)])
    async with rig.running():
        await rig.connected()
        pairs = [(f"dev/{name}", w) for name, (_, _, w) in TYPED.items()]
        outcome = await rig.write(*pairs)
        assert outcome.status == "done", outcome.public()
        assert all(r.status == "verified" for r in outcome.results), outcome.public()
        for name, (vtype, _, written) in TYPED.items():
            got = await device.value(name)
            assert got == pytest.approx(written), name
            node = device.server.get_node(ua.NodeId(f"Dev.{name}", device.idx))
            assert (await node.read_data_value()).Value.VariantType == vtype, name
        # 64-bit values are written whole, beyond a float's precision.
        assert await device.value("u64") == 2**63 + 5
        await _refusals(rig, device)


async def test_a_batch_beyond_the_servers_write_limit_goes_in_several_requests(
    tmp_path: Path, device: Device
) -> None:
    """A server that tells MaxNodesPerWrite and refuses a larger Write request (as a small
    PLC does): the batch goes in requests within the limit, and every point is written."""
    limit = 4
    node = device.server.get_node(
        ua.NodeId(ua.ObjectIds.Server_ServerCapabilities_OperationLimits_MaxNodesPerWrite)
    )
    await node.write_value(ua.Variant(limit, VT.UInt32))
    service = device.server.iserver.attribute_service
    real, sizes = service.write, []

    async def enforcing(params: ua.WriteParameters, user: Any = None) -> Any:
        sizes.append(len(params.NodesToWrite))
        if len(params.NodesToWrite) > limit:
            raise ua.UaStatusCodeError(ua.StatusCodes.BadTooManyOperations)
        return await real(params, user=user)

    service.write = enforcing  # type: ignore[method-assign]
    rig = Rig(tmp_path, [opcua_source(device.port)])
    async with rig.running():
        await rig.connected()
        values = {"f": 2.5, "d": 3.5, "i16": 7, "u16": 8, "i32": 9, "u32": 10}
        outcome = await rig.write(*((f"dev/{n}", v) for n, v in values.items()))
        assert outcome.status == "done", outcome.public()
        assert sizes == [4, 2]
        for name, value in values.items():
            assert await device.value(name) == value, name


async def _refusals(rig: Rig, device: Device) -> None:
    """Values the node cannot hold are refused before anything is sent."""
    for pairs, words in (
        ([("dev/i16", 70000)], "does not fit the node's Int16"),
        ([("dev/b", 0.5)], "is not 0 or 1"),
        ([("dev/by", 1.5)], "does not fit the node's Byte"),
        # All or nothing within a session: the good value is not sent either.
        ([("dev/d", 7.0), ("dev/u16", -1)], "does not fit the node's UInt16"),
    ):
        outcome = await rig.write(*pairs)
        assert (outcome.status, outcome.code) == ("refused", "bad_value"), outcome.public()
        assert words in outcome.detail
    assert await device.value("i16") == -30000 and await device.value("d") == -123.456
    # The server's own refusal is told per node; the others are written.
    outcome = await rig.write(("dev/d", 9.5), ("dev/ro", 1.0))
    assert outcome.status == "partial"
    by = {r.point: r for r in outcome.results}
    assert by["dev/d"].status == "verified"
    assert by["dev/ro"].status == "failed"
    assert "the server answered BadUserAccessDenied" in by["dev/ro"].detail
    assert await device.value("ro") == 5.0


async def test_methods_are_called_with_typed_arguments(tmp_path: Path, device: Device) -> None:
    rig = Rig(tmp_path, [opcua_source(device.port)])
    async with rig.running():
        await rig.connected()
        outcome = await rig.write(("dev/Scale", {"factor": 2.5, "label": "x"}))
        assert outcome.status == "done", outcome.public()
        (r,) = outcome.results
        assert r.outputs == [5.0] and device.calls == [(2.5, "x")]
        refused = await rig.write(("dev/Scale", [11, "y"]))
        (r,) = refused.results
        assert r.status == "failed"
        assert "BadInvalidArgument (argument 1: BadOutOfRange)" in r.detail
        bad = await rig.write(("dev/Scale", [1]))
        assert bad.code == "bad_value" and "takes 2 argument" in bad.detail
        assert len(device.calls) == 2
        # A session that goes away: writes are refused at once, nothing waits.
        await device.server.stop()
        await until(lambda: not rig.sources[0].writes.open, 15, "session gone")
        gone = await rig.write(("dev/d", 1.0))
        assert gone.status == "refused" and gone.code in ("unavailable", "not_live")


async def test_a_value_the_device_puts_back_fails_its_read_back(tmp_path: Path) -> None:
    """The simulated drive takes 50-110 %; a gateway allowed more sees the drive put its
    setpoint back, and says so (mismatch), while the stop command takes effect on the
    plant at once."""
    plant = Plant(assets=["pump"])
    port = free_port()
    server = OpcuaPlantServer(plant, ["pump"], port=port, interval=0.2)
    await server.start()
    src = {
        "kind": "opcua",
        "name": "sim",
        "url": f"opc.tcp://127.0.0.1:{port}/",
        "points": [
            {"sensor_id": "pump", "feature": "pump_data.flow",
             "node": "ns=2;s=pump.pump_data.flow"},
            {"sensor_id": "pump", "feature": "control.speed_setpoint",
             "node": "ns=2;s=pump.control.speed_setpoint",
             "writable": {"min": 0, "max": 300, "min_interval": 0,
                          "verify": {"timeout": 0.5}}},
            {"sensor_id": "pump", "feature": "control.stop", "node": "ns=2;s=pump.control.stop",
             "writable": {"min_interval": 0}},
        ],
    }  # fmt: skip
    rig = Rig(tmp_path, [src])
    try:
        async with rig.running():
            await rig.connected()
            ok = await rig.write(("pump/control.speed_setpoint", 80))
            assert ok.status == "done" and plant.controls["pump"].speed == 80
            put_back = await rig.write(("pump/control.speed_setpoint", 200))
            (r,) = put_back.results
            assert put_back.status == "failed" and r.status == "mismatch"
            assert r.readback == 80 and "read back 80, not the value written" in r.detail
            stop = await rig.write(("pump/control.stop", True))
            assert stop.status == "done" and plant.controls["pump"].stopped
            # The plant spins down: its flow falls away in the readings that follow.
            await until(
                lambda: (rig.live.value("pump", "pump_data.flow")[0] or 99) < 5, 20, "flow falls"
            )
            rows = rig.log.query()
            assert [r["status"] for r in rows] == ["verified", "mismatch", "verified"]
    finally:
        await server.stop()
