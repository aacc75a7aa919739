"""The write service: the one door to every device, whoever asks (UI, API, cloud, fault action).

``write()`` takes a request (one or several points, or OPC UA methods) and an ``Actor``
(who, with which role, through what, from where). In order:

1. **Checks, all-or-nothing.** Every point must exist, the actor's role must reach the
   point's, the value must pass the point's limits (and fit the device's register,
   for Modbus), a point that asks for it needs ``confirm``, its asset must be live and
   its interlocks hold, it must have rested ``min_interval``, and its source must be
   connected. One refusal refuses the whole request: nothing is sent, and every point
   says why (the others ``not_sent``).
2. **Dry run** (the request's, or ``writes.dry_run`` for the whole gateway): stop here
   with the checks' verdict; nothing is sent.
3. **Audit first.** The attempt is recorded (``sending``) in the history database before
   anything goes out; without that record nothing goes out (``audit_failed``).
4. **Send** through each source's write channel (gateway.writes.channel): the source's
   own connection, under its bus lock. Sources are taken one after another, OPC UA
   first: a server that refuses a value for its node's type (known only on the
   session) refuses the request before any other source wrote. Modbus encodings were
   checked in step 1. Across sources, and across the nodes of one OPC UA write, each
   point's result is reported on its own (``partial`` when some failed).
5. **Read-back** where the point asks for it: Modbus and OPC UA read the value again
   on the same connection; MQTT points wait for the asset's next reading.
6. The audit rows get their outcome, each is published as a ``write.record`` event
   (the upstream forwards them), and the outcome goes back to the caller.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gateway.config.writes import WritesConfig
from gateway.health import ComponentHealth
from gateway.state.writelog import WriteLogError
from gateway.writes.ops import (
    OpResult,
    WriteOp,
    WriteRefused,
    WriteUnavailable,
    values_match,
)
from gateway.writes.points import (
    ROLE_RANK,
    RateLimits,
    ValueProblem,
    WritePoint,
    check_value,
    guard_problems,
)

if TYPE_CHECKING:
    from gateway.assets import AssetStates
    from gateway.events import EventHub
    from gateway.live import LiveState
    from gateway.sources.base import Source
    from gateway.state.writelog import WriteLog

log = logging.getLogger("gateway.writes")

RECORD_EVENT = "write.record"
# The reason shown when a request is refused for several reasons: the first that applies.
REFUSALS = (
    "bad_request",
    "too_many",
    "duplicate_point",
    "unknown_point",
    "forbidden",
    "bad_value",
    "confirmation_required",
    "not_live",
    "interlock",
    "rate_limited",
    "unavailable",
    "audit_failed",
)
# Sources taken in this order (see step 4 above).
_PROTOCOL_ORDER = {"opcua": 0, "mqtt": 1, "modbus": 2}
VERIFY_PAUSE = 0.05


@dataclass(frozen=True, slots=True)
class Actor:
    """Who asks for a write: an account, the cloud, a Sparkplug host or a fault action."""

    name: str
    role: str
    via: str  # web, cloud, sparkplug, fault_action
    origin: str = ""  # an address, a command id, an alert


@dataclass(slots=True)
class PointOutcome:
    point: str
    requested: Any
    status: str = "refused"  # verified, written, mismatch, failed, refused, dry_run, sending
    reason: str | None = None
    detail: str = ""
    sensor_id: str | None = None
    source: str | None = None
    old_value: float | None = None
    readback: float | None = None
    outputs: list[Any] | None = None
    duration_ms: float | None = None
    id: int | None = None
    value: Any = None  # as checked, for the source
    wp: WritePoint | None = field(default=None, repr=False)

    def public(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "point": self.point,
            "sensor_id": self.sensor_id,
            "source": self.source,
            "requested": self.requested,
            "old_value": self.old_value,
            "readback": self.readback,
            "status": self.status,
            "reason": self.reason,
            "detail": self.detail,
            "outputs": self.outputs,
            "duration_ms": self.duration_ms,
        }


@dataclass(slots=True)
class WriteOutcome:
    request_id: str
    status: str  # done, partial, failed, refused, dry_run
    code: str | None = None  # why it was refused (REFUSALS)
    detail: str = ""
    results: list[PointOutcome] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status in ("done", "dry_run")

    def public(self) -> dict[str, Any]:
        return {
            "request_id": self.request_id,
            "ok": self.ok,
            "status": self.status,
            "code": self.code,
            "detail": self.detail,
            "results": [r.public() for r in self.results],
        }


class WriteService:
    def __init__(
        self,
        points: dict[str, WritePoint],
        sources: Sequence[Source],
        *,
        config: WritesConfig,
        live: LiveState,
        assets: AssetStates,
        log: WriteLog | None,
        events: EventHub | None = None,
        health: ComponentHealth | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.points = points
        self.config = config
        self.live = live
        self.assets = assets
        self.log = log
        self.events = events
        self.health = health or ComponentHealth("writes", "service")
        self.clock = clock
        self.rates = RateLimits()
        self._written: dict[tuple[str, str], tuple[float, float]] = {}  # value, wall time
        self._sources = {s.health.name: s for s in sources}
        self.health.extra.update(points=len(points), refused=0, failed=0, dry_run=0)
        self.health.up()  # a service, not a link: each write's trouble is its own

    # -- the plant's state ---------------------------------------------------------------

    def state_of(self, sensor_id: str) -> str | None:
        got = self.assets.get(sensor_id)
        return got["state"] if got is not None else None

    def value_of(self, sensor_id: str, feature: str) -> float | None:
        """The current value: the latest reading's, or what a write just read back when
        that is newer (an interlock on a point written a moment ago must not wait for
        the next poll to see it)."""
        value, _, arrived = self.live.value(sensor_id, feature)
        written = self._written.get((sensor_id, feature))
        if written is not None and written[1] > arrived:
            return written[0]
        return value

    def connected(self, point: WritePoint) -> bool:
        source = self._sources.get(point.source)
        return source is not None and source.writes.open

    def describe(self, role: str | None = None) -> list[dict[str, Any]]:
        """Every write target with its current value and whether it could be written now."""
        now = self.clock()
        rank = ROLE_RANK.get(role or "", -1)
        out = []
        for p in self.points.values():
            d = p.public()
            value, ts, _ = self.live.value(p.sensor_id, p.feature) if p.feature else (None,) * 3
            blocked = [why for _, why in guard_problems(p, self.state_of, self.value_of)]
            if not self.connected(p):
                blocked.append(f"source {p.source} is not connected")
            d.update(
                value=value,
                value_at=ts,
                asset_state=self.state_of(p.sensor_id),
                source_connected=self.connected(p),
                blocked=blocked,
                rest_s=round(self.rates.wait(p, now), 3),
                can_write=rank >= ROLE_RANK[p.guard.role],
                dry_run=self.config.dry_run,
            )
            out.append(d)
        return out

    # -- a request -------------------------------------------------------------------------

    async def write(
        self,
        requests: Sequence[tuple[str, Any]],
        actor: Actor,
        *,
        confirm: bool = False,
        dry_run: bool = False,
    ) -> WriteOutcome:
        """Check, audit, send and read back one request; never raises for bad input."""
        rid = uuid.uuid4().hex[:16]
        started, wall = self.clock(), time.time()
        self.health.received += 1
        items = self._check(requests, actor, confirm)
        refused = [i for i in items if i.reason is not None]
        if refused:
            return await self._refuse(rid, actor, items, wall, started, dry_run)
        if dry_run or self.config.dry_run:
            return await self._dry_run(rid, actor, items, wall, started)
        try:
            await self._record(rid, actor, items, wall, sending=True)
        except WriteLogError as err:
            for i in items:
                i.reason, i.detail = "audit_failed", f"nothing was sent: {err}"
            self.health.error(str(err))
            return self._finish(rid, items, started, refusal=True)
        now = self.clock()
        for i in items:
            self.rates.mark(i.point, now)
        await self._send(rid, items)
        await self._verify_by_reading(items)
        self._remember(items)
        outcome = self._finish(rid, items, started)
        await self._complete(rid, actor, items, wall)
        self._log(actor, outcome)
        return outcome

    @staticmethod
    def _log(actor: Actor, outcome: WriteOutcome) -> None:
        values = ", ".join(f"{r.point}={r.requested}" for r in outcome.results)
        log.info(
            "write by %s (%s): %s: %s",
            actor.name,
            actor.via,
            values,
            outcome.status,
            extra={"event": "write", "request_id": outcome.request_id, "status": outcome.status},
        )

    def _check(
        self, requests: Sequence[tuple[str, Any]], actor: Actor, confirm: bool
    ) -> list[PointOutcome]:
        items = [PointOutcome(str(name), value) for name, value in requests]
        if not items:
            return [PointOutcome("", None, reason="bad_request", detail="no point to write")]
        if len(items) > self.config.max_per_request:
            for i in items:
                i.reason = "too_many"
                i.detail = f"at most {self.config.max_per_request} points in one request"
            return items
        seen: set[str] = set()
        now = self.clock()
        for i in items:
            problem = self._check_one(i, actor, confirm, seen, now)
            if problem is not None:
                i.reason, i.detail = problem
            seen.add(i.point)
        return items

    def _check_one(
        self, item: PointOutcome, actor: Actor, confirm: bool, seen: set[str], now: float
    ) -> tuple[str, str] | None:
        if item.point in seen:
            return "duplicate_point", "named twice in one request"
        p = self.points.get(item.point)
        if p is None:
            return "unknown_point", "no writable point or method has this name"
        item.wp, item.sensor_id, item.source = p, p.sensor_id, p.source
        if p.feature is not None:
            item.old_value = self.value_of(p.sensor_id, p.feature)
        if ROLE_RANK.get(actor.role, -1) < ROLE_RANK[p.guard.role]:
            return "forbidden", f"writing it needs the {p.guard.role} role"
        try:
            item.value = check_value(p, item.requested)
        except ValueProblem as err:
            return "bad_value", str(err)
        if p.guard.confirm and not confirm:
            return "confirmation_required", "this point needs a second confirmation (confirm)"
        problems = guard_problems(p, self.state_of, self.value_of)
        if problems:
            return problems[0]
        rest = self.rates.wait(p, now)
        if rest > 0:
            return "rate_limited", f"written moments ago: wait {rest:.1f} s"
        if not self.connected(p):
            return "unavailable", f"source {p.source} is not connected"
        return None

    async def _refuse(
        self,
        rid: str,
        actor: Actor,
        items: list[PointOutcome],
        wall: float,
        started: float,
        dry_run: bool,
    ) -> WriteOutcome:
        for i in items:
            if i.reason is None:
                i.reason = "not_sent"
                i.detail = "nothing was written: another point of this request was refused"
        outcome = self._finish(rid, items, started, refusal=True)
        await self._audit_safely(rid, actor, items, wall, dry_run=dry_run)
        self.health.extra["refused"] += 1
        return outcome

    async def _dry_run(
        self, rid: str, actor: Actor, items: list[PointOutcome], wall: float, started: float
    ) -> WriteOutcome:
        for i in items:
            i.status, i.detail = "dry_run", "checked; not sent (dry run)"
        outcome = self._finish(rid, items, started)
        await self._audit_safely(rid, actor, items, wall, dry_run=True)
        self.health.extra["dry_run"] += 1
        return outcome

    # -- sending ---------------------------------------------------------------------------

    async def _send(self, rid: str, items: list[PointOutcome]) -> None:
        groups: dict[str, list[PointOutcome]] = {}
        for i in items:
            assert i.wp is not None
            groups.setdefault(i.wp.source, []).append(i)
        order = sorted(groups, key=lambda s: _PROTOCOL_ORDER.get(groups[s][0].wp.protocol, 9))  # type: ignore[union-attr]
        sent_any = False
        for name in order:
            group = groups[name]
            t0 = self.clock()
            try:
                async with asyncio.timeout(self.config.timeout):
                    results = await self._sources[name].write([self._op(rid, i) for i in group])
            except WriteRefused as err:
                self._group_failed(group, "bad_value", err.problems, sent_any)
                if not sent_any:
                    self._abandon(items, group)
                    return
                continue
            except WriteUnavailable as err:
                self._group_failed(group, "unavailable", {}, sent_any, str(err))
                if not sent_any:
                    self._abandon(items, group)
                    return
                continue
            except TimeoutError:
                why = (
                    f"no result within {self.config.timeout:g} s: "
                    "it may or may not have been applied"
                )
                self._group_failed(group, "timeout", {}, True, why)
                sent_any = True
                continue
            sent_any = True
            took = round((self.clock() - t0) * 1000, 2)
            for i, r in zip(group, results, strict=True):
                _apply(i, r, took)

    def _op(self, rid: str, item: PointOutcome) -> WriteOp:
        p = item.wp
        assert p is not None
        lim = p.limits
        verify = lim.verify if lim is not None and p.protocol != "mqtt" else None
        return WriteOp(item.point, p.target, item.value, verify=verify, request_id=rid)

    @staticmethod
    def _group_failed(
        group: list[PointOutcome],
        reason: str,
        problems: dict[str, str],
        sent: bool,
        why: str = "",
    ) -> None:
        for i in group:
            i.status = "failed" if sent else "refused"
            i.reason = reason if (i.point in problems or not problems) else "not_sent"
            i.detail = problems.get(i.point) or why or "not sent: another value was refused"

    @staticmethod
    def _abandon(items: list[PointOutcome], failed: list[PointOutcome]) -> None:
        """The first source refused: nothing was sent anywhere."""
        for i in items:
            if i not in failed:
                i.status, i.reason = "refused", "not_sent"
                i.detail = "nothing was written: another point of this request was refused"

    async def _verify_by_reading(self, items: list[PointOutcome]) -> None:
        """MQTT points: the value comes back in the asset's readings (or not, in time)."""
        waiting = [
            i
            for i in items
            if i.status == "written"
            and i.wp is not None
            and i.wp.protocol == "mqtt"
            and i.wp.limits is not None
            and i.wp.limits.verify is not None
        ]
        if not waiting:
            return
        sent = time.time()
        started = self.clock()
        while waiting:
            for i in list(waiting):
                p = i.wp
                assert p is not None and p.feature is not None and p.limits is not None
                verify = p.limits.verify
                assert verify is not None
                value, _, updated = self.live.value(p.sensor_id, p.feature)
                if updated > sent:
                    i.readback = value
                    if values_match(float(i.value), value, verify.tolerance):
                        i.status = "verified"
                        waiting.remove(i)
                        continue
                if self.clock() - started >= verify.timeout:
                    i.status = "mismatch"
                    shown = "no new reading" if updated <= sent else f"{value}"
                    i.detail = f"published; the device's readings show {shown}, not the value"
                    waiting.remove(i)
            if waiting:
                await asyncio.sleep(VERIFY_PAUSE)

    def _remember(self, items: list[PointOutcome]) -> None:
        now = time.time()
        for i in items:
            p = i.wp
            if p is None or p.feature is None or i.status not in ("verified", "written"):
                continue
            value = i.readback if i.readback is not None else i.value
            if isinstance(value, int | float):
                self._written[(p.sensor_id, p.feature)] = (float(value), now)

    # -- the outcome and its record --------------------------------------------------------

    def _finish(
        self, rid: str, items: list[PointOutcome], started: float, *, refusal: bool = False
    ) -> WriteOutcome:
        took = round((self.clock() - started) * 1000, 2)
        for i in items:
            if i.duration_ms is None:
                i.duration_ms = took
        if refusal or all(i.status == "refused" for i in items):
            codes = {i.reason for i in items}
            code = next((c for c in REFUSALS if c in codes), "not_sent")
            first = next((i for i in items if i.reason == code), items[0])
            detail = f"{first.point}: {first.detail}" if first.point else first.detail
            return WriteOutcome(rid, "refused", code, detail, items)
        if all(i.status == "dry_run" for i in items):
            return WriteOutcome(rid, "dry_run", None, "checked; nothing sent (dry run)", items)
        good = [i for i in items if i.status in ("verified", "written")]
        if len(good) == len(items):
            status, detail = "done", "written"
        else:
            status = "partial" if good else "failed"
            bad = next(i for i in items if i.status not in ("verified", "written"))
            detail = f"{bad.point}: {bad.detail}"
            self.health.extra["failed"] += 1
            self.health.error(detail)
        self.health.sent += len(good)
        return WriteOutcome(rid, status, None, detail, items)

    async def _audit_safely(
        self, rid: str, actor: Actor, items: list[PointOutcome], wall: float, *, dry_run: bool
    ) -> None:
        """Record a request that sent nothing; a failing record is logged, not raised."""
        try:
            await self._record(rid, actor, items, wall, dry_run=dry_run)
        except WriteLogError as err:
            self.health.error(str(err))
            log.error("%s", err, extra={"event": "write_audit_failed"})

    async def _record(
        self,
        rid: str,
        actor: Actor,
        items: list[PointOutcome],
        wall: float,
        *,
        dry_run: bool = False,
        sending: bool = False,
    ) -> None:
        """Insert the rows: final ones, or ``sending`` before anything goes out."""
        if self.log is None:
            return
        rows = [self._row(rid, actor, i, wall, dry_run, sending=sending) for i in items]
        ids = await asyncio.to_thread(self.log.record, rows)
        for i, row, row_id in zip(items, rows, ids, strict=True):
            i.id = row["id"] = row_id
        if not sending:
            self._announce(rows)

    async def _complete(
        self, rid: str, actor: Actor, items: list[PointOutcome], wall: float
    ) -> None:
        """Give the ``sending`` rows their outcome."""
        if self.log is None:
            return
        rows = [self._row(rid, actor, i, wall, False, sending=False) for i in items]
        try:
            await asyncio.to_thread(self.log.finish, rows)
        except WriteLogError as err:
            # The rows stay "sending": an honest "outcome unknown" in the audit.
            self.health.error(str(err))
            log.error("%s", err, extra={"event": "write_audit_failed"})
        self._announce(rows)

    def _announce(self, rows: list[dict[str, Any]]) -> None:
        if self.events is not None:
            for row in rows:
                self.events.publish(RECORD_EVENT, row)

    def _row(
        self, rid: str, actor: Actor, i: PointOutcome, wall: float, dry_run: bool, *, sending: bool
    ) -> dict[str, Any]:
        return {
            "id": i.id,
            "ts": wall,
            "request_id": rid,
            "actor": actor.name,
            "role": actor.role,
            "via": actor.via,
            "origin": actor.origin,
            "point": i.point,
            "sensor_id": i.sensor_id,
            "source": i.source,
            "old_value": i.old_value,
            "requested": i.requested if _jsonable(i.requested) else repr(i.requested),
            "readback": i.readback,
            "status": "sending" if sending else i.status,
            "reason": None if sending else i.reason,
            "detail": "" if sending else i.detail,
            "duration_ms": None if sending else i.duration_ms,
            "dry_run": dry_run,
        }


def _apply(item: PointOutcome, r: OpResult, took: float) -> None:
    item.readback, item.outputs, item.duration_ms = r.readback, r.outputs, took
    if not r.ok:
        item.status, item.reason, item.detail = "failed", "device_error", r.detail
    elif r.verified is False:
        item.status, item.reason, item.detail = "mismatch", "readback_mismatch", r.detail
    else:
        item.status = "verified" if r.verified else "written"
        item.detail = r.detail or ("written and read back" if r.verified else "written")


def _jsonable(value: Any) -> bool:
    if value is None or isinstance(value, bool | int | float | str):
        return True
    if isinstance(value, list | tuple):
        return all(_jsonable(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _jsonable(v) for k, v in value.items())
    return False
