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
from typing import TYPE_CHECKING, Any

from gateway.config.writes import WritesConfig
from gateway.health import ComponentHealth
from gateway.state.writelog import WriteLogError
from gateway.writes.audit import Audit
from gateway.writes.ops import (
    WriteOp,
    WriteRefused,
    WriteUnavailable,
    values_match,
)
from gateway.writes.outcome import (
    GOOD,
    Actor,
    PointOutcome,
    WriteOutcome,
    apply_result,
    summarise,
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

# Sources taken in this order (see step 4 above).
_PROTOCOL_ORDER = {"opcua": 0, "mqtt": 1, "modbus": 2}
VERIFY_PAUSE = 0.05


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
        self.audit = Audit(log, events, self.health)
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
            await self.audit.record(rid, actor, items, wall, sending=True)
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
        await self.audit.complete(rid, actor, items, wall)
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
        await self.audit.safely(rid, actor, items, wall, dry_run=dry_run)
        self.health.extra["refused"] += 1
        return outcome

    async def _dry_run(
        self, rid: str, actor: Actor, items: list[PointOutcome], wall: float, started: float
    ) -> WriteOutcome:
        for i in items:
            i.status, i.detail = "dry_run", "checked; not sent (dry run)"
        outcome = self._finish(rid, items, started)
        await self.audit.safely(rid, actor, items, wall, dry_run=True)
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
                apply_result(i, r, took)

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
        outcome = summarise(rid, items, took, refusal=refusal)
        if outcome.status in ("partial", "failed"):
            self.health.extra["failed"] += 1
            self.health.error(outcome.detail)
        self.health.sent += sum(1 for i in items if i.status in GOOD)
        return outcome
