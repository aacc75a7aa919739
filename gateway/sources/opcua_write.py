"""OPC UA writes: values in the node's own data type, method calls with typed arguments.

A point is written with the type its node holds (the variant type of its current
value, else its DataType attribute when that is a built-in type), learnt once per
session: 1 to an Int16 node goes as Int16 1, 70000 is refused before anything is sent,
as is 0.5 for a Boolean or 1e39 for a Float. The points of a batch go in one Write
request and its methods in one Call request, or in as few as the server's limits
(MaxNodesPerWrite, MaxNodesPerMethodCall, MaxNodesPerRead for types and read-backs)
allow; the server answers per node, and each answer is reported (OPC UA has no
all-or-nothing write).

A method's object and method nodes are resolved on first use in a session (a NodeId,
``nsu=`` form or browse path, as for points). Its arguments arrive checked against the
config (gateway.writes.points) and are sent as the configured types.

The source lends its session (gateway.sources.opcua_session: ``OpcuaSource`` serves its
write channel with an ``OpcuaWriter``); asyncua multiplexes these requests with the
subscription's.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Callable, Sequence
from typing import Any

from gateway.config.sources import OpcuaMethodConfig, OpcuaPointConfig
from gateway.sources.opcua_lib import ua
from gateway.sources.opcua_nodes import browse_path, chunks, is_browse_path
from gateway.sources.opcua_session import Limits, OpcuaSession
from gateway.writes.ops import OpResult, WriteOp, WriteRefused, WriteUnavailable, values_match

VERIFY_PAUSE = 0.05  # seconds between read-backs that did not match yet

VT = ua.VariantType
_INT_RANGES: dict[ua.VariantType, tuple[int, int]] = {
    VT.SByte: (-(2**7), 2**7 - 1),
    VT.Byte: (0, 2**8 - 1),
    VT.Int16: (-(2**15), 2**15 - 1),
    VT.UInt16: (0, 2**16 - 1),
    VT.Int32: (-(2**31), 2**31 - 1),
    VT.UInt32: (0, 2**32 - 1),
    VT.Int64: (-(2**63), 2**63 - 1),
    VT.UInt64: (0, 2**64 - 1),
}
_FLOAT32_MAX = 3.4028234663852886e38


def to_variant(value: Any, vtype: ua.VariantType) -> ua.Variant:
    """``value`` as a variant of ``vtype``; ValueError when that type cannot hold it."""
    if vtype == VT.String:
        if not isinstance(value, str):
            raise ValueError("expects text")
        return ua.Variant(value, vtype)
    if isinstance(value, str) or not isinstance(value, int | float):
        raise ValueError(f"expects a number for a {vtype.name} node")
    if vtype in _INT_RANGES and isinstance(value, int) and not isinstance(value, bool):
        low, high = _INT_RANGES[vtype]
        if not low <= value <= high:
            raise ValueError(f"{value} does not fit the node's {vtype.name} ({low}..{high})")
        return ua.Variant(value, vtype)  # whole, beyond a float's 53 bits
    number = float(value)
    if not math.isfinite(number):
        raise ValueError("not a finite number")
    if vtype == VT.Boolean:
        if number not in (0.0, 1.0):
            raise ValueError(f"{number:g} is not 0 or 1 (a Boolean node)")
        return ua.Variant(number == 1.0, vtype)
    if vtype in _INT_RANGES:
        low, high = _INT_RANGES[vtype]
        if number != math.floor(number) or not low <= number <= high:
            raise ValueError(f"{number:g} does not fit the node's {vtype.name} ({low}..{high})")
        return ua.Variant(int(number), vtype)
    if vtype == VT.Float:
        if abs(number) > _FLOAT32_MAX:
            raise ValueError(f"{number:g} does not fit the node's Float")
        return ua.Variant(number, vtype)
    if vtype == VT.Double:
        return ua.Variant(number, vtype)
    raise ValueError(f"the node holds {vtype.name}, which the gateway does not write")


class OpcuaWriter:
    """Writes and calls over one session; forgets nothing it needs between batches."""

    def __init__(
        self,
        session: OpcuaSession,
        nodes: Callable[[OpcuaPointConfig], ua.NodeId | None],
        *,
        where: str,
        timeout: float,
    ) -> None:
        self.session = session
        self._nodes = nodes
        self.where = where
        self.timeout = timeout
        self._types: dict[ua.NodeId, ua.VariantType] = {}
        self._methods: dict[str, tuple[ua.NodeId, ua.NodeId]] = {}
        self._limits = Limits()  # the server's, read at the first batch

    async def execute(self, ops: list[WriteOp]) -> list[OpResult]:
        points = [(i, op) for i, op in enumerate(ops) if isinstance(op.target, OpcuaPointConfig)]
        calls = [(i, op) for i, op in enumerate(ops) if isinstance(op.target, OpcuaMethodConfig)]
        try:
            self._limits = await self.session.limits()
            writes = await self._prepare_points(points)
            requests = await self._prepare_calls(calls)
        except (OSError, TimeoutError, ua.UaError) as err:
            raise WriteUnavailable(f"{self.where}: {err or type(err).__name__}") from err
        results = [OpResult(op.name, False) for op in ops]
        await self._write(writes, results)
        await self._call(requests, calls, results)
        await self._verify(points, writes, results)
        return results

    # -- preparing: everything checked before anything is sent ---------------------------

    async def _prepare_points(
        self, points: Sequence[tuple[int, WriteOp]]
    ) -> list[tuple[int, ua.NodeId, ua.Variant]]:
        nodeids: list[ua.NodeId] = []
        problems: dict[str, str] = {}
        for _, op in points:
            nodeid = self._nodes(op.target)
            if nodeid is None:
                problems[op.name] = f"node {op.target.node} does not exist on the server"
            else:
                nodeids.append(nodeid)
        if problems:
            raise WriteRefused(problems)
        await self._learn_types(nodeids)
        out = []
        for (i, op), nodeid in zip(points, nodeids, strict=True):
            try:
                out.append((i, nodeid, to_variant(op.value, self._types[nodeid])))
            except ValueError as err:
                problems[op.name] = str(err)
        if problems:
            raise WriteRefused(problems)
        return out

    async def _learn_types(self, nodeids: list[ua.NodeId]) -> None:
        unknown = [n for n in dict.fromkeys(nodeids) if n not in self._types]
        if not unknown:
            return
        values = await self._read(unknown, ua.AttributeIds.Value)
        kinds = await self._read(unknown, ua.AttributeIds.DataType)
        for nodeid, dv, kind in zip(unknown, values, kinds, strict=True):
            variant = dv.Value
            if variant is not None and variant.VariantType not in (VT.Null, None):
                self._types[nodeid] = variant.VariantType
                continue
            dtype = kind.Value.Value if kind.Value is not None else None
            if isinstance(dtype, ua.NodeId) and dtype.NamespaceIndex == 0:
                ident = dtype.Identifier
                if isinstance(ident, int) and 1 <= ident <= 12:
                    self._types[nodeid] = VT(ident)
                    continue
            self._types[nodeid] = VT.Null  # refused by to_variant with its reason

    async def _prepare_calls(
        self, calls: Sequence[tuple[int, WriteOp]]
    ) -> list[ua.CallMethodRequest]:
        requests: list[ua.CallMethodRequest] = []
        problems: dict[str, str] = {}
        for _, op in calls:
            cfg: OpcuaMethodConfig = op.target
            try:
                obj, method = await self._method(cfg)
                values = op.value
                assert isinstance(values, tuple)
                args = [
                    to_variant(v, getattr(VT, a.type))
                    for v, a in zip(values, cfg.arguments, strict=True)
                ]
            except (ValueError, LookupError) as err:
                problems[op.name] = str(err)
                continue
            requests.append(ua.CallMethodRequest(obj, method, args))
        if problems:
            raise WriteRefused(problems)
        return requests

    async def _method(self, cfg: OpcuaMethodConfig) -> tuple[ua.NodeId, ua.NodeId]:
        known = self._methods.get(cfg.name)
        if known is None:
            async with asyncio.timeout(self.timeout):
                known = (await self._resolve(cfg.object), await self._resolve(cfg.method))
            self._methods[cfg.name] = known
        return known

    async def _resolve(self, text: str) -> ua.NodeId:
        """A NodeId of this session from a NodeId string or a browse path."""
        if is_browse_path(text):  # 0:Objects/2:Plant/...
            [result] = await self.session.services.translate_browsepaths_to_nodeids(
                [browse_path(text)]
            )
            if not result.StatusCode.is_good() or not result.Targets:
                raise LookupError(f"{text}: not found on the server ({result.StatusCode.name})")
            return result.Targets[0].TargetId
        nodeid = ua.NodeId.from_string(text)
        uri = getattr(nodeid, "NamespaceUri", None)
        if uri:
            namespaces = await self.session.namespaces()
            if uri not in namespaces:
                raise LookupError(f"{text}: namespace {uri} is unknown to the server")
            index = ua.Int16(namespaces.index(uri))
            nodeid = ua.NodeId(nodeid.Identifier, index, nodeid.NodeIdType)
        return nodeid

    async def _read(self, nodeids: Sequence[ua.NodeId], attribute: Any) -> list[ua.DataValue]:
        """One attribute of each node, in as few Read requests as the server allows."""
        per_request = self._limits.read
        out: list[ua.DataValue] = []
        for chunk in chunks(nodeids, per_request):
            async with asyncio.timeout(self.timeout):
                out += await self.session.services.read_attributes(list(chunk), attribute)
        return out

    # -- sending ----------------------------------------------------------------------------

    async def _write(
        self, writes: list[tuple[int, ua.NodeId, ua.Variant]], results: list[OpResult]
    ) -> None:
        per_request = self._limits.write
        for chunk in chunks(writes, per_request):
            await self._write_request(chunk, results)

    async def _write_request(
        self, writes: Sequence[tuple[int, ua.NodeId, ua.Variant]], results: list[OpResult]
    ) -> None:
        nodeids = [n for _, n, _ in writes]
        # Value only: servers often refuse timestamps or a status in a written DataValue.
        values = [ua.DataValue(v, StatusCode=None) for _, _, v in writes]
        try:
            async with asyncio.timeout(self.timeout):
                codes = await self.session.services.write_attributes(nodeids, values)
        except TimeoutError:
            why = f"no answer in {self.timeout:g} s: the server may or may not have applied it"
            for i, _, _ in writes:
                results[i].detail = why
            return
        except ua.UaStatusCodeError as err:
            for i, _, _ in writes:
                results[i].detail = f"the server refused the write: {err}"
            return
        except (OSError, ua.UaError) as err:
            raise WriteUnavailable(f"{self.where}: {err or type(err).__name__}") from err
        for (i, _, _), code in zip(writes, codes, strict=True):
            results[i].ok = code.is_good()
            if not results[i].ok:
                results[i].detail = f"the server answered {code.name}"

    async def _call(
        self,
        requests: list[ua.CallMethodRequest],
        calls: Sequence[tuple[int, WriteOp]],
        results: list[OpResult],
    ) -> None:
        per_request = self._limits.call
        pairs = list(zip(calls, requests, strict=True))
        for chunk in chunks(pairs, per_request):
            await self._call_request([r for _, r in chunk], [c for c, _ in chunk], results)

    async def _call_request(
        self,
        requests: list[ua.CallMethodRequest],
        calls: Sequence[tuple[int, WriteOp]],
        results: list[OpResult],
    ) -> None:
        try:
            async with asyncio.timeout(self.timeout):
                answers = await self.session.services.call(requests)
        except TimeoutError:
            for i, _ in calls:
                results[i].detail = f"no answer in {self.timeout:g} s: it may have run"
            return
        except ua.UaStatusCodeError as err:
            for i, _ in calls:
                results[i].detail = f"the server refused the call: {err}"
            return
        except (OSError, ua.UaError) as err:
            raise WriteUnavailable(f"{self.where}: {err or type(err).__name__}") from err
        for (i, _), answer in zip(calls, answers, strict=True):
            result = results[i]
            result.ok = answer.StatusCode.is_good()
            if result.ok:
                result.outputs = [_plain(v.Value) for v in answer.OutputArguments or []]
                continue
            bad = [
                f"argument {n + 1}: {c.name}"
                for n, c in enumerate(answer.InputArgumentResults or [])
                if not c.is_good()
            ]
            result.detail = f"the server answered {answer.StatusCode.name}" + (
                f" ({', '.join(bad)})" if bad else ""
            )

    async def _verify(
        self,
        points: Sequence[tuple[int, WriteOp]],
        writes: list[tuple[int, ua.NodeId, ua.Variant]],
        results: list[OpResult],
    ) -> None:
        """Read the written nodes again until each matches or its timeout passes."""
        nodes = {i: nodeid for i, nodeid, _ in writes}
        waiting = {i: op for i, op in points if op.verify is not None and results[i].ok}
        started = time.monotonic()
        while waiting:
            order = list(waiting)
            try:
                values = await self._read([nodes[i] for i in order], ua.AttributeIds.Value)
            except (OSError, TimeoutError, ua.UaError) as err:
                for i in order:
                    results[i].verified = False
                    results[i].detail = f"written; no read-back: {err or type(err).__name__}"
                return
            for i, dv in zip(order, values, strict=True):
                got = dv.Value.Value if dv.Value is not None else None
                number = float(got) if isinstance(got, int | float) else None
                results[i].readback = number
                op = waiting[i]
                assert op.verify is not None
                if values_match(float(op.value), number, op.verify.tolerance):  # type: ignore[arg-type]
                    results[i].verified = True
                    del waiting[i]
                elif time.monotonic() - started >= op.verify.timeout:
                    results[i].verified = False
                    shown = "nothing" if number is None else f"{number:g}"
                    results[i].detail = f"read back {shown}, not the value written"
                    del waiting[i]
            if waiting:
                await asyncio.sleep(VERIFY_PAUSE)


def _plain(value: Any) -> Any:
    """A method's output as JSON can carry it."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return str(value)
