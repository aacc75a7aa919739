"""The Modbus source against pymodbus's own server: TCP, and RTU over a socat pty pair.

The server logs every request it receives (unit, function code, address, count), can be
told to stay silent for a unit (a dead device on the bus), to answer one request late, or
to answer with an exception code.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import itertools
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from pymodbus.constants import ExcCodes
from pymodbus.server import ModbusSerialServer, ModbusTcpServer
from pymodbus.simulator import DataType, SimData, SimDevice

from gateway.config.sources import ModbusSourceConfig
from gateway.health import ComponentHealth
from gateway.records import Reading
from gateway.sources.base import SourceError
from gateway.sources.modbus import ModbusSource
from gateway.supervisor import supervise
from tests.support.net import free_port
from tests.support.serialpair import SerialPair
from tests.support.tcpproxy import TcpProxy
from tests.support.wait import until
from tests.test_modbus_codec import ORDERS, SAMPLES, STRUCT, encode

pytestmark = pytest.mark.timeout(120)

TABLES = {"holding": "h", "input": "i", "coil": "c", "discrete": "d"}


class Plant:
    """pymodbus's server with some devices; restartable on the same port or pty."""

    def __init__(self, *, serial_port: str | None = None) -> None:
        self.serial_port = serial_port
        self.port = free_port()
        # unit -> table letter -> {address: register value or bool}
        self.memory: dict[int, dict[str, dict[int, Any]]] = {}
        self.requests: list[tuple[int, int, int, int]] = []  # unit, fc, address, count
        self.silent: set[int] = set()
        self.late: dict[tuple[int, int, int], float] = {}  # (unit, fc, address): seconds, once
        self.slow: dict[tuple[int, int, int], float] = {}  # the same, every time
        self.exception: dict[tuple[int, int], ExcCodes] = {}  # (unit, fc): code
        self.server: ModbusTcpServer | ModbusSerialServer | None = None

    def device(self, unit: int) -> dict[str, dict[int, Any]]:
        return self.memory.setdefault(unit, {"h": {}, "i": {}, "c": {}, "d": {}})

    def put(self, unit: int, table: str, address: int, values: list[Any]) -> None:
        """Set registers (or bits); applied to a running server at once."""
        mem = self.device(unit)[TABLES[table]]
        for i, v in enumerate(values):
            mem[address + i] = v
        if self.server is not None:
            block = self.server.context.devices[unit].block[TABLES[table]]  # type: ignore[union-attr]
            start, _, registers, _ = block
            if table in ("coil", "discrete"):
                for i, v in enumerate(values):
                    reg, bit = divmod(address + i - start * 16, 16)
                    registers[reg] = (
                        registers[reg] | (1 << bit) if v else registers[reg] & ~(1 << bit)
                    )
            else:
                registers[address - start : address - start + len(values)] = values

    def _simdevice(self, unit: int) -> SimDevice:
        def runs(mem: dict[int, Any], bits: bool) -> list[SimData]:
            out: list[SimData] = []
            addrs = sorted(mem)
            while addrs:
                first = last = addrs.pop(0)
                while addrs and addrs[0] == last + 1:
                    last = addrs.pop(0)
                values = [mem[a] for a in range(first, last + 1)]
                out.append(
                    SimData(
                        first, values=values, datatype=DataType.BITS if bits else DataType.REGISTERS
                    )
                )
            # pymodbus needs one block per table; far away, out of every test's way.
            return out or [
                SimData(
                    60000,
                    values=[False] * 16 if bits else [0],
                    datatype=DataType.BITS if bits else DataType.REGISTERS,
                )
            ]

        mem = self.device(unit)
        return SimDevice(
            id=unit,
            simdata=(
                runs(mem["c"], True),
                runs(mem["d"], True),
                runs(mem["h"], False),
                runs(mem["i"], False),
            ),
            action=functools.partial(self._action, unit),
        )

    async def _action(
        self,
        unit: int,
        fc: int,
        _start: int,
        address: int,
        _count: int,
        _regs: list[int],
        _values: Any,
    ) -> ExcCodes | None:
        delay = self.late.pop((unit, fc, address), None) or self.slow.get((unit, fc, address))
        if delay:
            await asyncio.sleep(delay)
        return self.exception.get((unit, fc))

    def _trace_pdu(self, sending: bool, pdu: Any) -> Any:
        if not sending:
            self.requests.append((pdu.dev_id, pdu.function_code, pdu.address, pdu.count))
        return pdu

    def _trace_packet(self, sending: bool, packet: bytes) -> bytes:
        if sending and packet:
            unit = packet[0] if self.serial_port else packet[6]
            if unit in self.silent:
                return b""  # a dead device: the request goes unanswered
        return packet

    async def start(self) -> Plant:
        devices = [self._simdevice(u) for u in sorted(self.memory)]
        trace = {"trace_pdu": self._trace_pdu, "trace_packet": self._trace_packet}
        if self.serial_port:
            self.server = ModbusSerialServer(
                devices, port=self.serial_port, baudrate=19200, parity="N", **trace
            )
        else:
            self.server = ModbusTcpServer(devices, address=("127.0.0.1", self.port), **trace)
        await self.server.serve_forever(background=True)
        return self

    async def stop(self) -> None:
        if self.server is not None:
            await self.server.shutdown()
            self.server = None
            await asyncio.sleep(0.05)

    def count(self, unit: int | None = None) -> int:
        return sum(1 for r in self.requests if unit is None or r[0] == unit)


class Collector:
    def __init__(self) -> None:
        self.readings: list[Reading] = []

    def __call__(self, batch: list[Reading]) -> None:
        self.readings.extend(batch)

    def of(self, sensor: str) -> list[Reading]:
        return [r for r in self.readings if r.sensor_id == sensor]


def make_source(
    tmp_path: Path, plant: Plant, devices: list[dict[str, Any]], **kw: Any
) -> tuple[ModbusSource, Collector, ComponentHealth]:
    if plant.serial_port and "serial" not in kw:
        kw["transport"] = "rtu"
        kw["serial"] = {
            "port": kw.pop("serial_port"),
            "parity": "N",
            "flush_after_timeout": kw.pop("flush", 0.05),
        }
    elif "port" not in kw:
        kw["port"] = plant.port
    cfg = ModbusSourceConfig(name=kw.pop("name", "plant-modbus"), devices=devices, **kw)
    out = Collector()
    health = ComponentHealth(cfg.name, "source")
    return ModbusSource(cfg, out, health, data_dir=tmp_path), out, health


@contextlib.asynccontextmanager
async def running(
    source: ModbusSource, health: ComponentHealth, attempts: list[float] | None = None
) -> AsyncIterator[None]:
    async def run() -> None:
        if attempts is not None:
            attempts.append(time.monotonic())
        await source.run()

    task = asyncio.create_task(supervise(run, health))
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


@pytest.fixture
async def tcp_plant() -> AsyncIterator[Plant]:
    plant = Plant()
    yield plant
    await plant.stop()


@pytest.fixture
def serial_pair(tmp_path: Path) -> Any:
    with SerialPair(tmp_path / "tty") as pair:
        yield pair


@pytest.fixture
async def rtu_plant(serial_pair: SerialPair) -> AsyncIterator[Plant]:
    plant = Plant(serial_port=serial_pair.b)
    yield plant
    await plant.stop()


def pt(feature: str, address: int, **kw: Any) -> dict[str, Any]:
    return {
        "sensor_id": kw.pop("sensor_id", "pump-1"),
        "feature": feature,
        "address": address,
        **kw,
    }


# -- decoding ----------------------------------------------------------------------------


def all_types_map(plant: Plant, unit: int) -> tuple[list[dict[str, Any]], dict[str, float]]:
    """Every type in every order at its own address, encoded here with struct."""
    points, expected = [], {}
    address = 0
    for kind in STRUCT:
        for order in ORDERS:
            regs = encode(kind, SAMPLES[kind], order)
            plant.put(unit, "holding", address, [*regs, 0xFFFF])  # filler between values
            name = f"{kind}.{order}"
            points.append(pt(name, address, type=kind, order=order))
            expected[name] = float(SAMPLES[kind])
            address += len(regs) + 1  # one unmapped register between values
    text = b"PUMP-01\x00"
    plant.put(unit, "input", 10, [int.from_bytes(text[i : i + 2], "big") for i in range(0, 8, 2)])
    plant.put(unit, "input", 14, [0xFFFF] * 6)
    points.append(pt("serial_no", 10, table="input", type="string", length=4))
    plant.put(unit, "input", 20, encode("int16", -400, "ABCD"))
    points.append(pt("temp", 20, table="input", type="int16", scale=0.1, offset=100))
    expected["temp"] = 60.0
    plant.put(unit, "coil", 3, [True, False, True])
    points += [pt("run", 3, table="coil", type="bool"), pt("trip", 4, table="coil", type="bool")]
    expected |= {"run": 1.0, "trip": 0.0}
    plant.put(unit, "discrete", 7, [True])
    points.append(pt("door", 7, table="discrete", type="bool"))
    expected["door"] = 1.0
    return points, expected


@contextlib.asynccontextmanager
async def plant_on(transport: str, tmp_path: Path) -> AsyncIterator[tuple[Plant, dict[str, Any]]]:
    """A plant on TCP, or on the far end of a pty pair; the source's extra settings."""
    if transport == "tcp":
        plant = Plant()
        try:
            yield plant, {}
        finally:
            await plant.stop()
        return
    with SerialPair(tmp_path / "tty") as pair:
        plant = Plant(serial_port=pair.b)
        try:
            yield plant, {"serial_port": pair.a}
        finally:
            await plant.stop()


@pytest.mark.parametrize("transport", ["tcp", "rtu"])
async def test_every_type_and_order_over_the_wire(tmp_path: Path, transport: str) -> None:
    async with plant_on(transport, tmp_path) as (plant, kw):
        points, expected = all_types_map(plant, 7)
        await plant.start()
        source, out, health = make_source(
            tmp_path,
            plant,
            [{"name": "meter", "unit_id": 7, "poll_interval": 0.2, "points": points}],
            **kw,
        )
        async with running(source, health):
            await until(lambda: len(out.readings) >= 2, what="two polls")
    reading = out.readings[-1]
    assert reading.bad == ()
    assert reading.values == pytest.approx(expected)
    assert health.extra["devices"]["meter"]["text"] == {"serial_no": "PUMP-01"}
    assert health.extra["requests_per_cycle"] == 4  # holding, input, coil, discrete


# -- read planning -------------------------------------------------------------------------


async def test_merged_plan_is_what_the_server_receives(tmp_path: Path, tcp_plant: Plant) -> None:
    for a in range(0, 16):
        tcp_plant.put(1, "holding", a, [a])
    tcp_plant.put(1, "holding", 100, [0] * 4)
    tcp_plant.put(1, "input", 0, [1, 2])
    tcp_plant.put(1, "coil", 0, [True] * 8)
    await tcp_plant.start()
    points = [
        pt("a", 0, type="float32"),
        pt("b", 2, type="uint16"),
        pt("c", 10, type="int32"),
        pt("d", 100, type="float64"),
        pt("e", 0, table="input", type="int16"),
        pt("f", 1, table="input", type="int16"),
        pt("g", 0, table="coil", type="bool"),
        pt("h", 5, table="coil", type="bool"),
    ]
    source, out, health = make_source(
        tmp_path, tcp_plant, [{"name": "d1", "unit_id": 1, "poll_interval": 0.1, "points": points}]
    )
    async with running(source, health):
        await until(lambda: len(out.readings) >= 5, what="five polls")
    polls = len(out.readings)
    plan = {(1, 3, 0, 12), (1, 3, 100, 4), (1, 4, 0, 2), (1, 1, 0, 6)}
    assert set(tcp_plant.requests) == plan  # 4 requests for 8 tags
    assert polls * 4 <= len(tcp_plant.requests) <= (polls + 1) * 4
    assert health.extra["requests_per_cycle"] == 4


async def test_split_when_the_device_refuses_unmapped_registers(
    tmp_path: Path, tcp_plant: Plant
) -> None:
    tcp_plant.put(1, "holding", 0, [11, 12])
    tcp_plant.put(1, "holding", 6, [13, 14])  # 2-5 do not exist: exception 2 if read
    await tcp_plant.start()
    source, out, health = make_source(
        tmp_path,
        tcp_plant,
        [
            {
                "name": "d1",
                "poll_interval": 0.1,
                "points": [
                    pt("a", 0, type="uint16"),
                    pt("b", 1, type="uint16"),
                    pt("c", 6, type="uint32"),
                ],
            }
        ],
    )
    async with running(source, health):
        await until(lambda: len(out.readings) >= 3)
    assert out.readings[0].values == {"a": 11.0, "b": 12.0, "c": float(13 << 16 | 14)}
    assert out.readings[0].bad == ()
    assert tcp_plant.requests[0] == (1, 3, 0, 8)  # the merged read, refused once
    assert set(tcp_plant.requests[1:]) == {(1, 3, 0, 2), (1, 3, 6, 2)}
    assert health.extra["requests_per_cycle"] == 2


# -- device trouble --------------------------------------------------------------------------


async def test_exception_codes_mark_points_bad(tmp_path: Path, tcp_plant: Plant) -> None:
    tcp_plant.put(1, "holding", 0, [1, 2])
    tcp_plant.put(1, "input", 0, [3])
    tcp_plant.exception[(1, 4)] = ExcCodes.DEVICE_BUSY
    await tcp_plant.start()
    source, out, health = make_source(
        tmp_path,
        tcp_plant,
        [
            {
                "name": "d1",
                "poll_interval": 0.1,
                "points": [
                    pt("a", 0, type="uint16"),
                    pt("z", 0, table="input", type="uint16", sensor_id="pump-2"),
                ],
            }
        ],
    )
    async with running(source, health):
        await until(lambda: len(out.of("pump-2")) >= 3)
        assert health.state == "up"
        tcp_plant.exception.clear()
        await until(lambda: out.of("pump-2")[-1].values == {"z": 3.0}, what="recovery")
    bad = out.of("pump-2")[0]
    assert bad.values == {} and bad.bad == ("z",)
    assert out.of("pump-1")[0].values == {"a": 1.0} and out.of("pump-1")[0].bad == ()
    assert health.errors >= 3 and "exception 6 (device busy)" in (health.last_error or "")
    assert health.reconnects == 0


FLUSH = 0.25


async def test_rtu_late_answer_is_never_taken_for_the_next(
    tmp_path: Path, rtu_plant: Plant, serial_pair: SerialPair
) -> None:
    # Two reads with the same function code and count: a late answer to the first would
    # decode fine as the second's. Timeline: read 0 times out at 0.1 s, its retry is
    # answered at once, read 50 waits 0.08 s for its answer; read 0's late answer comes at
    # 0.15 s. Without the flush it would be taken for read 50's (same size).
    rtu_plant.put(1, "holding", 0, [111, 112])
    rtu_plant.put(1, "holding", 50, [501, 502])
    rtu_plant.slow[(1, 3, 50)] = 0.08
    await rtu_plant.start()
    source, out, health = make_source(
        tmp_path,
        rtu_plant,
        [
            {
                "name": "d1",
                "poll_interval": 0.3,
                "timeout": 0.1,
                "retries": 1,
                "points": [pt("a", 0, type="uint32"), pt("b", 50, type="uint32")],
            }
        ],
        serial_port=serial_pair.a,
        flush=FLUSH,
    )
    async with running(source, health):
        await until(lambda: len(out.readings) >= 2)
        for _ in range(3):
            rtu_plant.late[(1, 3, 0)] = 0.15
            await until(lambda: (1, 3, 0) not in rtu_plant.late)
            await asyncio.sleep(0.6)
        await until(lambda: len(out.readings) >= 8)
    a, b = float(111 << 16 | 112), float(501 << 16 | 502)
    for r in out.readings:
        assert r.values.get("a", a) == a and r.values.get("b", b) == b, r


async def test_rtu_mismatched_answer_is_rejected(
    tmp_path: Path, rtu_plant: Plant, serial_pair: SerialPair
) -> None:
    # The answer to the last read of a cycle comes so late that it lands while the next
    # cycle's first read (a different register count) waits for its own slow answer.
    # Timeline per cycle: read 0 takes 0.08 s; read 50 times out at +0.18, flush to +0.19,
    # next cycle at +0.31 (interval after a failure); read 50's answer arrives at +0.35,
    # while read 0 waits until +0.39.
    rtu_plant.put(1, "holding", 0, [111, 112])
    rtu_plant.put(1, "holding", 50, [7])
    rtu_plant.slow[(1, 3, 0)] = 0.08
    await rtu_plant.start()
    source, out, health = make_source(
        tmp_path,
        rtu_plant,
        [
            {
                "name": "d1",
                "poll_interval": 0.12,
                "timeout": 0.1,
                "retries": 0,
                "points": [pt("a", 0, type="uint32"), pt("b", 50, type="int16")],
            }
        ],
        serial_port=serial_pair.a,
        flush=0.01,
    )
    async with running(source, health):
        await until(lambda: len(out.readings) >= 2)
        for _ in range(3):
            rtu_plant.late[(1, 3, 50)] = 0.27
            await until(lambda: (1, 3, 50) not in rtu_plant.late)
            await asyncio.sleep(0.8)
        mismatched = health.extra["devices"]["d1"]["mismatched_answers"]
    for r in out.readings:
        assert r.values.get("a", 1.0 * (111 << 16 | 112)) == 111 << 16 | 112, r
        assert r.values.get("b", 7.0) == 7.0, r
    assert mismatched >= 1
    assert any(not r.bad for r in out.readings[-3:])  # and it goes on reading


async def test_dead_device_does_not_slow_the_others(
    tmp_path: Path, rtu_plant: Plant, serial_pair: SerialPair
) -> None:
    for unit in (1, 2, 3):
        rtu_plant.put(unit, "holding", 0, [unit])
    await rtu_plant.start()
    devices = [
        {
            "name": f"dev{u}",
            "unit_id": u,
            "poll_interval": 0.1,
            "timeout": 0.1,
            "retries": 1,
            "backoff_max": 2.0,
            "points": [pt("v", 0, type="uint16", sensor_id=f"pump-{u}")],
        }
        for u in (1, 2, 3)
    ]
    source, out, health = make_source(tmp_path, rtu_plant, devices, serial_port=serial_pair.a)

    def polls() -> dict[str, int]:
        return {n: d["answered_polls"] for n, d in health.extra["devices"].items()}

    async def rate(seconds: float) -> dict[str, float]:
        before, t0 = polls(), time.monotonic()
        await asyncio.sleep(seconds)
        after, t1 = polls(), time.monotonic()
        return {n: (after[n] - before[n]) / (t1 - t0) for n in after}

    async with running(source, health):
        await until(lambda: all(v > 3 for v in polls().values()))
        healthy = await rate(4.0)
        rtu_plant.silent.add(3)
        await until(lambda: health.extra["devices"]["dev3"]["failures"] >= 2)
        degraded = await rate(4.0)
        dead = health.extra["devices"]["dev3"]
        assert health.state == "up" and health.reconnects == 0
    for name in ("dev1", "dev2"):
        assert degraded[name] >= 0.9 * healthy[name], (healthy, degraded)
    assert healthy["dev1"] > 5  # the baseline is a real poll rate (10/s nominal)
    assert dead["state"] == "down" and degraded["dev3"] == 0
    # The dead device is backed off: far fewer attempts than its 10/s schedule.
    assert dead["polls"] - dead["answered_polls"] < 12
    last = out.of("pump-3")[-1]
    assert last.values == {} and last.bad == ("v",)


# -- outages -------------------------------------------------------------------------------


def three_value_device() -> tuple[dict[str, Any], dict[str, float]]:
    # Two requests with the same function code and count and different contents: a reply
    # taken for the wrong request would show up as a wrong value.
    device = {
        "name": "d1",
        "poll_interval": 0.1,
        "timeout": 0.2,
        "retries": 0,
        "backoff_max": 1.0,
        "points": [pt("a", 0, type="uint16"), pt("b", 40, type="uint16")],
    }
    return device, {"a": 17.0, "b": 42.0}


def check_values(out: Collector, expected: dict[str, float]) -> None:
    for r in out.readings:
        for k, v in r.values.items():
            assert v == expected[k], r


@pytest.mark.slow
async def test_tcp_server_outage_of_20_s(tmp_path: Path, tcp_plant: Plant) -> None:
    device, expected = three_value_device()
    tcp_plant.put(1, "holding", 0, [17])
    tcp_plant.put(1, "holding", 40, [42])
    await tcp_plant.start()
    source, out, health = make_source(tmp_path, tcp_plant, [device])
    attempts: list[float] = []
    async with running(source, health, attempts):
        await until(lambda: health.state == "up" and len(out.readings) > 3)
        await tcp_plant.stop()
        await until(lambda: health.state == "down", what="outage seen")
        down_since = health.since
        # the link closing, or (if a retry already ran) the refused reconnect
        assert any(w in (health.last_error or "") for w in ("closed", "cannot open"))
        n0, cpu0, wall0 = len(attempts), time.process_time(), time.monotonic()
        await asyncio.sleep(20)
        cpu = time.process_time() - cpu0
        wall = time.monotonic() - wall0
        tries = attempts[n0:]
        seen = len(out.readings)
        await tcp_plant.start()
        await until(lambda: len(out.readings) > seen + 3, within=10, what="readings resume")
        assert health.state == "up" and health.since > down_since
    check_values(out, expected)
    gaps = [b - a for a, b in itertools.pairwise(tries)]
    assert 5 <= len(tries) <= 25, gaps
    assert gaps[0] < gaps[2] < gaps[4] and max(gaps) <= 3.0 * 1.2 + 0.5
    assert cpu / wall < 0.1, f"{cpu:.2f} s CPU in {wall:.0f} s while the server was down"


@pytest.mark.parametrize("restart", [False, True], ids=["drop", "drop+restart"])
async def test_tcp_silent_drop(tmp_path: Path, tcp_plant: Plant, restart: bool) -> None:
    device, expected = three_value_device()
    tcp_plant.put(1, "holding", 0, [17])
    tcp_plant.put(1, "holding", 40, [42])
    await tcp_plant.start()
    proxy = await TcpProxy("127.0.0.1", tcp_plant.port).start()
    source, out, health = make_source(
        tmp_path, tcp_plant, [device], port=proxy.port, connect_timeout=1.0
    )
    try:
        async with running(source, health):
            await until(lambda: health.state == "up" and len(out.readings) > 3)
            proxy.blackhole(True)
            cpu0, wall0 = time.process_time(), time.monotonic()
            await until(lambda: health.state == "down", what="the silent link noticed")
            if restart:
                await tcp_plant.stop()
                await tcp_plant.start()
            await asyncio.sleep(3)
            assert (time.process_time() - cpu0) / (time.monotonic() - wall0) < 0.1
            bad = [r for r in out.readings if r.bad]
            assert bad and bad[-1].bad == ("a", "b")  # points marked bad during the drop
            seen = len(out.readings)
            proxy.blackhole(False)
            await until(
                lambda: len([r for r in out.readings[seen:] if not r.bad]) > 3,
                within=10,
                what="readings resume",
            )
            assert health.state == "up"
    finally:
        await proxy.stop()
    check_values(out, expected)
    assert health.reconnects >= 1


async def test_rtu_device_power_cycle(
    tmp_path: Path, rtu_plant: Plant, serial_pair: SerialPair
) -> None:
    device, expected = three_value_device()
    rtu_plant.put(1, "holding", 0, [17])
    rtu_plant.put(1, "holding", 40, [42])
    await rtu_plant.start()
    source, out, health = make_source(tmp_path, rtu_plant, [device], serial_port=serial_pair.a)
    async with running(source, health):
        await until(lambda: health.state == "up" and len(out.readings) > 3)
        await rtu_plant.stop()
        await until(lambda: health.state == "down", what="the silent bus noticed")
        assert "no device" in (health.last_error or "")
        await asyncio.sleep(2)
        seen = len(out.readings)
        await rtu_plant.start()
        await until(
            lambda: len([r for r in out.readings[seen:] if not r.bad]) > 3,
            within=10,
            what="readings resume",
        )
    check_values(out, expected)


async def test_missing_serial_port_is_a_source_error(tmp_path: Path) -> None:
    cfg = ModbusSourceConfig(
        name="m",
        transport="rtu",
        serial={"port": str(tmp_path / "none")},
        devices=[{"name": "d", "points": [pt("a", 0)]}],
    )
    source = ModbusSource(cfg, Collector(), ComponentHealth("m", "source"), data_dir=tmp_path)
    with pytest.raises(SourceError, match="cannot open"):
        await source.run()
