"""A write request's outcome: who asked, and what became of each point."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gateway.writes.ops import OpResult
from gateway.writes.points import WritePoint

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


GOOD = ("verified", "written")  # a point that was sent and not contradicted


def summarise(
    rid: str, items: list[PointOutcome], took_ms: float, *, refusal: bool
) -> WriteOutcome:
    """The request's outcome from its points' (each gets the request's time if it has none)."""
    for i in items:
        if i.duration_ms is None:
            i.duration_ms = took_ms
    if refusal or all(i.status == "refused" for i in items):
        codes = {i.reason for i in items}
        code = next((c for c in REFUSALS if c in codes), "not_sent")
        first = next((i for i in items if i.reason == code), items[0])
        detail = f"{first.point}: {first.detail}" if first.point else first.detail
        return WriteOutcome(rid, "refused", code, detail, items)
    if all(i.status == "dry_run" for i in items):
        return WriteOutcome(rid, "dry_run", None, "checked; nothing sent (dry run)", items)
    good = [i for i in items if i.status in GOOD]
    if len(good) == len(items):
        return WriteOutcome(rid, "done", None, "written", items)
    bad = next(i for i in items if i.status not in GOOD)
    return WriteOutcome(
        rid, "partial" if good else "failed", None, f"{bad.point}: {bad.detail}", items
    )


def apply_result(item: PointOutcome, r: OpResult, took: float) -> None:
    item.readback, item.outputs, item.duration_ms = r.readback, r.outputs, took
    if not r.ok:
        item.status, item.reason, item.detail = "failed", "device_error", r.detail
    elif r.verified is False:
        item.status, item.reason, item.detail = "mismatch", "readback_mismatch", r.detail
    else:
        item.status = "verified" if r.verified else "written"
        item.detail = r.detail or ("written and read back" if r.verified else "written")
