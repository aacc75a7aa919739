"""The write service's record of every attempt: rows in the audit, events to the upstream."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from gateway.health import ComponentHealth
from gateway.state.writelog import WriteLogError
from gateway.writes.outcome import Actor, PointOutcome

if TYPE_CHECKING:
    from gateway.events import EventHub
    from gateway.state.writelog import WriteLog

log = logging.getLogger("gateway.writes")

RECORD_EVENT = "write.record"


class Audit:
    """Rows of one request in the write log (gateway.state.writelog), each published as a
    ``write.record`` event once final."""

    def __init__(
        self, log: WriteLog | None, events: EventHub | None, health: ComponentHealth
    ) -> None:
        self.log = log
        self.events = events
        self.health = health

    async def safely(
        self, rid: str, actor: Actor, items: list[PointOutcome], wall: float, *, dry_run: bool
    ) -> None:
        """Record a request that sent nothing; a failing record is logged, not raised."""
        try:
            await self.record(rid, actor, items, wall, dry_run=dry_run)
        except WriteLogError as err:
            self.health.error(str(err))
            log.error("%s", err, extra={"event": "write_audit_failed"})

    async def record(
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
        rows = [audit_row(rid, actor, i, wall, dry_run, sending=sending) for i in items]
        ids = await asyncio.to_thread(self.log.record, rows)
        for i, row, row_id in zip(items, rows, ids, strict=True):
            i.id = row["id"] = row_id
        if not sending:
            self.announce(rows)

    async def complete(
        self, rid: str, actor: Actor, items: list[PointOutcome], wall: float
    ) -> None:
        """Give the ``sending`` rows their outcome."""
        if self.log is None:
            return
        rows = [audit_row(rid, actor, i, wall, False, sending=False) for i in items]
        try:
            await asyncio.to_thread(self.log.finish, rows)
        except WriteLogError as err:
            # The rows stay "sending": an honest "outcome unknown" in the audit.
            self.health.error(str(err))
            log.error("%s", err, extra={"event": "write_audit_failed"})
        self.announce(rows)

    def announce(self, rows: list[dict[str, Any]]) -> None:
        if self.events is not None:
            for row in rows:
                self.events.publish(RECORD_EVENT, row)


def audit_row(
    rid: str, actor: Actor, i: PointOutcome, wall: float, dry_run: bool, *, sending: bool
) -> dict[str, Any]:
    """An attempt's row: ``sending`` before anything goes out, else its outcome."""
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


def _jsonable(value: Any) -> bool:
    if value is None or isinstance(value, bool | int | float | str):
        return True
    if isinstance(value, list | tuple):
        return all(_jsonable(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _jsonable(v) for k, v in value.items())
    return False
