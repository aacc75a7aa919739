"""Modbus register maps: read planning (fewest requests) and decoding of every value type.

Planning: the points of one device are grouped by table and sorted by address; a point
joins the current request when the registers between them (the gap) are at most
``max_gap`` and the request stays within ``max_registers`` (125 is the protocol's limit
for one read of registers; coils and discrete inputs are bits, up to 2000 per read, and
their gap is counted in bits, 16 per register of ``max_gap``). A device that refuses a
read spanning registers it does not map (exception 2, illegal data address) gets that
request split into runs of contiguous points (``split``), and keeps the split plan.

Decoding: ``order`` names the bytes of a value as they arrive, A being the most
significant byte of the value: ABCD big-endian (Modbus default), CDAB word-swapped (most
PLCs' 32-bit floats), BADC byte-swapped, DCBA little-endian. For 64-bit values the same
rule applies to four registers (CDAB reverses the register order, BADC swaps the bytes in
each register). Strings keep register order and honour the byte swap only.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Sequence
from dataclasses import dataclass

from gateway.config.sources import ModbusPointConfig

# function code per table
FUNCTION_CODES = {"coil": 1, "discrete": 2, "holding": 3, "input": 4}
BIT_TABLES = frozenset({"coil", "discrete"})
MAX_BITS = 2000  # Modbus limit for one read of coils or discrete inputs

STRUCT_FORMATS = {  # struct format per numeric type (the write codec uses it too)
    "int16": "h",
    "uint16": "H",
    "int32": "i",
    "uint32": "I",
    "float32": "f",
    "int64": "q",
    "uint64": "Q",
    "float64": "d",
}


@dataclass(frozen=True, slots=True)
class ReadRequest:
    """One read: ``count`` registers (or bits) of ``table`` from ``address``."""

    table: str
    address: int
    count: int
    points: tuple[int, ...]  # indices into the device's points, in address order

    @property
    def function_code(self) -> int:
        return FUNCTION_CODES[self.table]

    @property
    def is_bits(self) -> bool:
        return self.table in BIT_TABLES

    def covers_gaps(self, points: Sequence[ModbusPointConfig]) -> bool:
        """True when some registers of the request belong to no point."""
        used: set[int] = set()
        for i in self.points:
            p = points[i]
            used.update(range(p.address, p.address + p.registers))
        return len(used) < self.count


def plan_reads(
    points: Sequence[ModbusPointConfig], max_registers: int = 125, max_gap: int = 8
) -> list[ReadRequest]:
    """The fewest reads that cover all points, within the size and gap limits."""
    requests: list[ReadRequest] = []
    by_table: dict[str, list[int]] = {}
    for i, p in enumerate(points):
        by_table.setdefault(p.table, []).append(i)
    for table in ("holding", "input", "coil", "discrete"):
        indices = by_table.get(table)
        if not indices:
            continue
        bits = table in BIT_TABLES
        limit = MAX_BITS if bits else max_registers
        gap = max_gap * 16 if bits else max_gap
        indices.sort(key=lambda i: (points[i].address, points[i].registers))
        start = end = -1  # current request covers [start, end)
        members: list[int] = []
        for i in indices:
            p = points[i]
            p_end = p.address + p.registers
            if members and p.address - end <= gap and max(end, p_end) - start <= limit:
                end = max(end, p_end)
                members.append(i)
                continue
            if members:
                requests.append(ReadRequest(table, start, end - start, tuple(members)))
            start, end, members = p.address, p_end, [i]
        if members:
            requests.append(ReadRequest(table, start, end - start, tuple(members)))
    return requests


def split(request: ReadRequest, points: Sequence[ModbusPointConfig]) -> list[ReadRequest]:
    """The request as runs of points with no unmapped register between them."""
    subset = [points[i] for i in request.points]
    return [
        ReadRequest(r.table, r.address, r.count, tuple(request.points[j] for j in r.points))
        for r in plan_reads(subset, request.count, 0)
    ]


class PointDecoder:
    """Decodes one point from the words (or bits) of the request that covers it."""

    __slots__ = ("_byteswap", "_reverse", "_struct", "feature", "offset", "point", "width")

    def __init__(self, point: ModbusPointConfig, request: ReadRequest) -> None:
        self.point = point
        self.feature = point.feature
        self.offset = point.address - request.address
        self.width = point.registers
        self._byteswap = point.order in ("BADC", "DCBA")
        self._reverse = point.order in ("CDAB", "DCBA") and point.type != "string"
        fmt = STRUCT_FORMATS.get(point.type)
        self._struct = struct.Struct(">" + fmt) if fmt else None

    def raw(self, data: Sequence[int] | Sequence[bool]) -> float | str:
        """The unscaled value: a number (bool as 0/1) or, for strings, the text."""
        p = self.point
        if p.table in BIT_TABLES:
            return 1.0 if data[self.offset] else 0.0
        words = data[self.offset : self.offset + self.width]
        if p.type == "bool":
            return 1.0 if words[0] else 0.0
        if self._reverse:
            words = words[::-1]
        raw = b"".join(int(w).to_bytes(2, "big") for w in words)
        if self._byteswap:
            raw = bytes(b for i in range(0, len(raw), 2) for b in (raw[i + 1], raw[i]))
        if self._struct is None:  # string: NUL padded (or space padded) text
            return raw.split(b"\x00", 1)[0].decode("latin-1").strip()
        value: float = self._struct.unpack(raw)[0]
        return value

    def value(self, data: Sequence[int] | Sequence[bool]) -> float | str | None:
        """Scaled number, text for a string point, or None when the value is not finite."""
        raw = self.raw(data)
        p = self.point
        if isinstance(raw, str):
            try:
                number = float(raw)
            except ValueError:
                return raw
            raw = number
        if p.type != "bool" and p.table not in BIT_TABLES:
            raw = raw * p.scale + p.offset
        return float(raw) if math.isfinite(raw) else None
