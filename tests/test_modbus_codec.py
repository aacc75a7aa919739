"""Modbus read planning and value decoding, against encodings made here with ``struct``."""

from __future__ import annotations

import math
import struct
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from gateway.config.sources import ModbusPointConfig, ModbusSourceConfig
from gateway.sources.modbus_codec import PointDecoder, ReadRequest, plan_reads, split

# Where each byte of the big-endian value (index into struct.pack(">...")) travels on the
# wire, written out by hand per order, independently of the decoder's logic.
WIRE_ORDER = {
    2: {"ABCD": [0, 1], "CDAB": [0, 1], "BADC": [1, 0], "DCBA": [1, 0]},
    4: {"ABCD": [0, 1, 2, 3], "BADC": [1, 0, 3, 2], "CDAB": [2, 3, 0, 1], "DCBA": [3, 2, 1, 0]},
    8: {
        "ABCD": [0, 1, 2, 3, 4, 5, 6, 7],
        "BADC": [1, 0, 3, 2, 5, 4, 7, 6],
        "CDAB": [6, 7, 4, 5, 2, 3, 0, 1],
        "DCBA": [7, 6, 5, 4, 3, 2, 1, 0],
    },
}
STRUCT = {
    "int16": "h",
    "uint16": "H",
    "int32": "i",
    "uint32": "I",
    "float32": "f",
    "int64": "q",
    "uint64": "Q",
    "float64": "d",
}
SAMPLES: dict[str, Any] = {
    "int16": -12345,
    "uint16": 54321,
    "int32": -123456789,
    "uint32": 3_000_000_123,
    "float32": struct.unpack(">f", struct.pack(">f", 123.456))[0],
    "int64": -1_234_567_890_123_456_789,
    "uint64": 2**63 + 12345,
    "float64": -9876.543210123,
}
ORDERS = ("ABCD", "BADC", "CDAB", "DCBA")


def encode(kind: str, value: Any, order: str) -> list[int]:
    """Registers as a device with this byte order sends them."""
    be = struct.pack(">" + STRUCT[kind], value)
    wire = bytes(be[i] for i in WIRE_ORDER[len(be)][order])
    return [int.from_bytes(wire[i : i + 2], "big") for i in range(0, len(wire), 2)]


def point(**kw: Any) -> ModbusPointConfig:
    kw.setdefault("sensor_id", "p1")
    kw.setdefault("feature", f"f{kw.get('address', 0)}")
    return ModbusPointConfig(**kw)


def test_wire_order_reference_examples() -> None:
    # 0x41200000 is 10.0 as float32: the four orders as vendors' manuals print them.
    assert encode("float32", 10.0, "ABCD") == [0x4120, 0x0000]
    assert encode("float32", 10.0, "CDAB") == [0x0000, 0x4120]
    assert encode("float32", 10.0, "BADC") == [0x2041, 0x0000]
    assert encode("float32", 10.0, "DCBA") == [0x0000, 0x2041]


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("kind", list(STRUCT))
def test_every_type_and_order_decodes(kind: str, order: str) -> None:
    value = SAMPLES[kind]
    regs = encode(kind, value, order)
    p = point(address=10, type=kind, order=order)
    request = ReadRequest("holding", 7, 3 + len(regs) + 2, (0,))
    data = [0xDEAD] * 3 + regs + [0xBEEF] * 2  # neighbours must not leak in
    assert PointDecoder(p, request).value(data) == float(value)


def test_scale_offset_and_non_finite() -> None:
    p = point(address=0, type="int16", scale=0.1, offset=-40)
    req = ReadRequest("holding", 0, 1, (0,))
    assert PointDecoder(p, req).value(encode("int16", 655, "ABCD")) == pytest.approx(25.5)
    nan = point(address=0, type="float32")
    assert (
        PointDecoder(nan, ReadRequest("holding", 0, 2, (0,))).value(
            encode("float32", math.nan, "ABCD")
        )
        is None
    )
    inf = point(address=0, type="float64", order="DCBA")
    assert (
        PointDecoder(inf, ReadRequest("holding", 0, 4, (0,))).value(
            encode("float64", -math.inf, "DCBA")
        )
        is None
    )


def test_bools_from_registers_and_bits() -> None:
    reg = point(address=3, type="bool", scale=10)
    req = ReadRequest("holding", 0, 4, (0,))
    assert PointDecoder(reg, req).value([0, 0, 0, 0x0100]) == 1.0  # any bit set, not scaled
    assert PointDecoder(reg, req).value([1, 1, 1, 0]) == 0.0
    coil = point(table="coil", address=21, type="bool")
    bits = ReadRequest("coil", 16, 8, (0,))
    assert PointDecoder(coil, bits).value([False] * 5 + [True] + [False] * 2) == 1.0
    assert PointDecoder(coil, bits).value([True] * 5 + [False] + [True] * 2) == 0.0


@pytest.mark.parametrize(
    ("order", "swap"), [("ABCD", False), ("CDAB", False), ("BADC", True), ("DCBA", True)]
)
def test_strings(order: str, swap: bool) -> None:
    def regs(text: bytes) -> list[int]:
        raw = text.ljust(8, b"\x00")
        if swap:
            raw = bytes(b for i in range(0, 8, 2) for b in (raw[i + 1], raw[i]))
        return [int.from_bytes(raw[i : i + 2], "big") for i in range(0, 8, 2)]

    p = point(address=0, type="string", length=4, order=order, scale=2)
    req = ReadRequest("holding", 0, 4, (0,))
    assert PointDecoder(p, req).value(regs(b"PUMP-01")) == "PUMP-01"
    assert PointDecoder(p, req).value(regs(b" 42.5 ")) == 85.0  # a number as text, scaled


# -- planning ---------------------------------------------------------------------------


def test_plan_merges_contiguous_and_near_registers_per_table() -> None:
    pts = [
        point(address=0, type="float32"),  # 0-1
        point(address=2, type="uint16"),  # 2
        point(address=10, type="int32"),  # 10-11: gap of 7 <= 8, joins
        point(address=100, type="float64"),  # far: its own request
        point(table="input", address=0, type="int16"),
        point(table="input", address=1, type="int16"),
        point(table="coil", address=0, type="bool"),
        point(table="coil", address=100, type="bool"),  # 99 bits apart < 8*16: joins
        point(table="discrete", address=5, type="bool"),
    ]
    plan = plan_reads(pts, 125, 8)
    assert [(r.table, r.address, r.count) for r in plan] == [
        ("holding", 0, 12),
        ("holding", 100, 4),
        ("input", 0, 2),
        ("coil", 0, 101),
        ("discrete", 5, 1),
    ]
    assert [r.function_code for r in plan] == [3, 3, 4, 1, 2]
    assert plan[0].points == (0, 1, 2) and plan[0].covers_gaps(pts)
    assert not plan[2].covers_gaps(pts)
    assert len(plan_reads(pts, 125, 0)) == 7  # no gaps allowed: 10 and 100 split off


def test_plan_respects_max_registers() -> None:
    pts = [point(address=i, type="uint16", feature=f"r{i}") for i in range(300)]
    plan = plan_reads(pts, 125, 8)
    assert [(r.address, r.count) for r in plan] == [(0, 125), (125, 125), (250, 50)]
    plan = plan_reads(pts, 60, 8)
    assert max(r.count for r in plan) == 60 and len(plan) == 5
    # A value never straddles two requests.
    f64 = [point(address=4 * i, type="float64", feature=f"d{i}") for i in range(40)]
    assert [r.count for r in plan_reads(f64, 125, 8)] == [124, 36]


def test_plan_bits_limit() -> None:
    pts = [point(table="coil", address=i, type="bool", feature=f"c{i}") for i in range(2500)]
    assert [r.count for r in plan_reads(pts, 125, 8)] == [2000, 500]


def test_overlapping_points_share_registers() -> None:
    pts = [
        point(address=0, type="uint32", feature="whole"),
        point(address=1, type="uint16", feature="low"),
    ]
    (req,) = plan_reads(pts, 125, 0)
    assert (req.address, req.count) == (0, 2)
    data = encode("uint32", 0x00012345, "ABCD")
    assert PointDecoder(pts[1], req).value(data) == 0x2345


def test_split_keeps_contiguous_runs() -> None:
    pts = [point(address=a, type="uint16", feature=f"r{a}") for a in (0, 1, 2, 6, 7, 20)]
    (req,) = plan_reads(pts, 125, 20)
    assert (req.address, req.count) == (0, 21)
    parts = split(req, pts)
    assert [(r.address, r.count, r.points) for r in parts] == [
        (0, 3, (0, 1, 2)),
        (6, 2, (3, 4)),
        (20, 1, (5,)),
    ]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["holding", "input"]),
            st.integers(0, 600),
            st.sampled_from(["uint16", "float32", "float64"]),
        ),
        min_size=1,
        max_size=60,
    ),
    st.integers(1, 125),
    st.integers(0, 20),
)
def test_plan_properties(specs: list[tuple[str, int, str]], limit: int, gap: int) -> None:
    pts = [
        point(table=t, address=a, type=k, feature=f"f{i}")
        for i, (t, a, k) in enumerate(specs)
        if a + {"uint16": 1, "float32": 2, "float64": 4}[k] <= 65536
    ]
    if not pts or any(p.registers > limit for p in pts):
        return
    plan = plan_reads(pts, limit, gap)
    seen = sorted(i for r in plan for i in r.points)
    assert seen == list(range(len(pts)))  # every point read exactly once
    for r in plan:
        assert 1 <= r.count <= limit
        for i in r.points:
            p = pts[i]
            assert p.table == r.table
            assert r.address <= p.address and p.address + p.registers <= r.address + r.count
    assert len(plan) <= len(pts)
    # Greedy is minimal for this packing: never more requests than with no gaps merged.
    assert len(plan) <= len(plan_reads(pts, limit, 0))


def test_config_checks() -> None:
    dev = {"name": "d", "points": [{"sensor_id": "s", "feature": "f", "address": 0}]}
    with pytest.raises(ValidationError, match="type must be bool"):
        point(table="coil", address=0, type="int16")
    with pytest.raises(ValidationError, match="needs length"):
        point(address=0, type="string")
    with pytest.raises(ValidationError, match="only for string"):
        point(address=0, type="int16", length=2)
    with pytest.raises(ValidationError, match="past register 65535"):
        point(address=65535, type="float32")
    with pytest.raises(ValidationError, match="needs serial"):
        ModbusSourceConfig(name="m", transport="rtu", devices=[dev])
    with pytest.raises(ValidationError, match="share a unit_id"):
        ModbusSourceConfig(name="m", devices=[dev, {**dev, "name": "e"}])
    with pytest.raises(ValidationError, match="1-247"):
        ModbusSourceConfig(
            name="m",
            transport="rtu",
            serial={"port": "/dev/ttyUSB0"},
            devices=[{**dev, "unit_id": 0}],
        )
    with pytest.raises(ValidationError, match="more than max_registers"):
        ModbusSourceConfig(
            name="m",
            max_registers=10,
            devices=[
                {
                    **dev,
                    "points": [
                        {
                            "sensor_id": "s",
                            "feature": "f",
                            "address": 0,
                            "type": "string",
                            "length": 20,
                        }
                    ],
                }
            ],
        )
    with pytest.raises(ValidationError, match="mapped twice"):
        ModbusSourceConfig(name="m", devices=[{**dev, "points": dev["points"] * 2}])
