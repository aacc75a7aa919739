"""Modbus writes: values to registers (the decoder inverted), fewest requests, read-back.

Encoding is ``modbus_codec``'s decoding run backwards: raw = (value - offset) / scale,
packed as the point's type, bytes swapped for BADC/DCBA, words reversed for CDAB/DCBA.
An integer type takes only values that land on a whole raw number within its range
(70000 is no int16, 12.34 is no multiple of a 0.1 scale): the batch is refused before
anything is sent.

Planning: points of one device and table whose registers follow each other without a
gap share one request, up to the protocol's limits (123 registers for function 16,
1968 coils for function 15). One register goes by function 6, one coil by function 5.

Execution borrows the source's connection, bus lock and read path (``ModbusSource``
serves its write channel with ``execute``): each request holds the bus for its own
exchange only, like a poll, and is never retried (a late answer to a write is thrown
away as a poll's is; the device may or may not have applied it, which the result says).
"""

from __future__ import annotations

import asyncio
import math
import struct
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pymodbus.exceptions import ConnectionException, ModbusException

from gateway.config.sources import ModbusDeviceConfig, ModbusPointConfig
from gateway.sources.modbus_codec import (
    BIT_TABLES,
    STRUCT_FORMATS,
    PointDecoder,
    ReadRequest,
    plan_reads,
)
from gateway.writes.ops import OpResult, WriteOp, WriteRefused, WriteUnavailable, values_match

MAX_WRITE_REGISTERS = 123  # function 16
MAX_WRITE_COILS = 1968  # function 15
VERIFY_PAUSE = 0.05  # seconds between read-backs that did not match yet

_INTEGER = frozenset({"int16", "uint16", "int32", "uint32", "int64", "uint64"})
_FLOAT32_MAX = 3.4028234663852886e38
_EXCEPTIONS = {
    1: "illegal function (the device does not take this write)",
    2: "illegal data address",
    3: "illegal data value (the device refused the value)",
    4: "device failure",
    6: "device busy",
}

# Reads one planned request: registers or bits, an exception code, or None (no answer).
Read = Callable[[ModbusDeviceConfig, ReadRequest], Awaitable[list[int] | list[bool] | int | None]]


@dataclass(frozen=True, slots=True)
class ModbusTarget:
    """A writable point and the device (unit) it lives on."""

    device: ModbusDeviceConfig
    point: ModbusPointConfig


def encode(point: ModbusPointConfig, value: float) -> list[int] | list[bool]:
    """The registers (or the coil) holding ``value``; ValueError when the point cannot.

    An int with no scale or offset is written exactly (64-bit registers hold more than
    a float's 53 bits)."""
    if not math.isfinite(value):
        raise ValueError("not a finite number")
    if point.table in BIT_TABLES or point.type == "bool":
        if value not in (0.0, 1.0):
            raise ValueError(f"{value:g} is not 0 or 1")
        return [value == 1.0] if point.table in BIT_TABLES else [int(value)]
    raw = (value - point.offset) / point.scale
    exact = isinstance(value, int) and point.scale == 1 and point.offset == 0
    if point.type in _INTEGER and exact:
        raw = value
    elif point.type in _INTEGER:
        whole = round(raw)
        if abs(whole - raw) > 1e-6 * max(1.0, abs(raw)):
            step = abs(point.scale)
            raise ValueError(f"{value:g} is not a whole number of the point's steps of {step:g}")
        raw = whole
    elif point.type == "float32" and abs(raw) > _FLOAT32_MAX:
        raise ValueError(f"{value:g} does not fit a float32")
    try:
        data = struct.pack(">" + STRUCT_FORMATS[point.type], raw)
    except struct.error:
        raise ValueError(f"{value:g} does not fit the device's {point.type}") from None
    if point.order in ("BADC", "DCBA"):
        data = bytes(b for i in range(0, len(data), 2) for b in (data[i + 1], data[i]))
    words = [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data), 2)]
    if point.order in ("CDAB", "DCBA"):
        words.reverse()
    return words


@dataclass(slots=True)
class WriteRequest:
    """One write: ``values`` (registers or coils) to ``table`` from ``address``."""

    device: ModbusDeviceConfig
    table: str
    address: int
    values: list[Any] = field(default_factory=list)
    ops: list[int] = field(default_factory=list)  # indices of the operations it carries

    @property
    def function_code(self) -> int:
        if self.table == "coil":
            return 5 if len(self.values) == 1 else 15
        return 6 if len(self.values) == 1 else 16


def plan_writes(items: Sequence[tuple[int, ModbusTarget, list[Any]]]) -> list[WriteRequest]:
    """The fewest requests for encoded values: contiguous points of a device share one."""
    ordered = sorted(
        items, key=lambda x: (x[1].device.unit_id, x[1].point.table, x[1].point.address)
    )
    out: list[WriteRequest] = []
    for index, target, values in ordered:
        p, last = target.point, out[-1] if out else None
        limit = MAX_WRITE_COILS if p.table == "coil" else MAX_WRITE_REGISTERS
        if (
            last is not None
            and last.device.unit_id == target.device.unit_id
            and last.table == p.table
            and last.address + len(last.values) == p.address
            and len(last.values) + len(values) <= limit
        ):
            last.values += values
            last.ops.append(index)
            continue
        out.append(WriteRequest(target.device, p.table, p.address, list(values), [index]))
    return out


async def execute(
    ops: list[WriteOp],
    *,
    client: Any,
    bus: asyncio.Lock,
    read: Read,
    after_silence: Callable[[], Awaitable[None]],
    where: str,
) -> list[OpResult]:
    """Write a batch over the source's connection; read back what asks for it."""
    encoded: list[tuple[int, ModbusTarget, list[Any]]] = []
    problems: dict[str, str] = {}
    for i, op in enumerate(ops):
        target: ModbusTarget = op.target
        try:
            encoded.append((i, target, encode(target.point, op.value)))  # type: ignore[arg-type]
        except ValueError as err:
            problems[op.name] = str(err)
    if problems:
        raise WriteRefused(problems)
    results = [OpResult(op.name, False) for op in ops]
    for n, request in enumerate(plan_writes(encoded)):
        try:
            detail = await _send(client, bus, request, after_silence, where)
        except WriteUnavailable as err:
            if n == 0:
                raise  # nothing was sent
            detail = f"not sent: {err}"
        for i in request.ops:
            results[i].ok = detail is None
            results[i].detail = detail or ""
    try:
        await _verify(ops, results, read)
    except WriteUnavailable as err:
        for op, r in zip(ops, results, strict=True):
            if r.ok and r.verified is None and op.verify is not None:
                r.verified = False
                r.detail = f"written; no read-back: {err}"
    return results


async def _send(
    client: Any,
    bus: asyncio.Lock,
    request: WriteRequest,
    after_silence: Callable[[], Awaitable[None]],
    where: str,
) -> str | None:
    """One request on the bus; None when the device confirmed it, else why not."""
    dev = request.device
    async with bus:
        try:
            async with asyncio.timeout(dev.timeout):
                response = await _call(client, request)
        except TimeoutError:
            await after_silence()
            return f"no answer in {dev.timeout:g} s: the device may or may not have applied it"
        except ConnectionException as err:
            raise WriteUnavailable(f"lost {where} while writing: {err}") from err
        except ModbusException as err:
            await after_silence()
            return f"no valid answer ({err}): the device may or may not have applied it"
    fc = response.function_code & 0x7F
    if fc != request.function_code or (dev.unit_id and response.dev_id != dev.unit_id):
        await after_silence()
        return "the answer belonged to another request: the device may or may not have applied it"
    if response.isError():
        code = int(response.exception_code)
        return f"the device answered exception {code} ({_EXCEPTIONS.get(code, 'unknown')})"
    return None


def _call(client: Any, request: WriteRequest) -> Any:
    unit, address, values = request.device.unit_id, request.address, request.values
    if request.table == "coil":
        if len(values) == 1:
            return client.write_coil(address, values[0], device_id=unit)
        return client.write_coils(address, values, device_id=unit)
    if len(values) == 1:
        return client.write_register(address, values[0], device_id=unit)
    return client.write_registers(address, values, device_id=unit)


async def _verify(ops: list[WriteOp], results: list[OpResult], read: Read) -> None:
    """Read the written points again until each matches or its timeout passes."""
    waiting = [i for i, op in enumerate(ops) if op.verify is not None and results[i].ok]
    if not waiting:
        return
    started = time.monotonic()
    while waiting:
        for i in list(waiting):
            op, result = ops[i], results[i]
            value = await _read_point(op.target, read)
            result.readback = value
            assert op.verify is not None
            if values_match(float(op.value), value, op.verify.tolerance):  # type: ignore[arg-type]
                result.verified = True
                waiting.remove(i)
        late = [i for i in waiting if time.monotonic() - started >= ops[i].verify.timeout]  # type: ignore[union-attr]
        for i in late:
            results[i].verified = False
            shown = "nothing" if results[i].readback is None else f"{results[i].readback:g}"
            results[i].detail = f"read back {shown}, not the value written"
            waiting.remove(i)
        if waiting:
            await asyncio.sleep(VERIFY_PAUSE)


async def _read_point(target: ModbusTarget, read: Read) -> float | None:
    (request,) = plan_reads([target.point])
    data = await read(target.device, request)
    if data is None or isinstance(data, int):
        return None
    value = PointDecoder(target.point, request).value(data)
    return value if isinstance(value, float) else None
