"""Write records: every write attempt to a device as the write audit kept it, newest first.

The audit (gateway.state.writelog) has one row per point of every request, refused ones
included: who or what asked, from where, the point, the value before, the value asked
for, the value read back, the outcome and how long it took (docs/writes.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gateway.state.writelog import WriteLog


@dataclass(frozen=True, slots=True)
class WriteRecord:
    id: int
    ts: float
    request_id: str
    actor: str  # the account, "cloud", "sparkplug" or "fault_action:<id>"
    role: str | None
    via: str  # web, cloud, sparkplug or fault_action
    origin: str | None  # address, command id or alert
    point: str
    sensor_id: str | None
    source: str | None
    old_value: float | None
    requested: Any
    readback: float | None
    status: str
    reason: str | None
    detail: str | None
    duration_ms: float | None
    dry_run: bool

    @classmethod
    def from_row(cls, r: Mapping[str, Any]) -> WriteRecord:
        return cls(**{k: r.get(k) for k in cls.__slots__})  # type: ignore[arg-type]

    def to_dict(self) -> dict[str, Any]:
        """The API's record (``GET /writes``), without its ISO time."""
        return {k: getattr(self, k) for k in self.__slots__}


class WriteRecords:
    """Reads of the write audit from any thread (each thread has its own connection)."""

    def __init__(self, log: WriteLog) -> None:
        self.log = log

    def newest(
        self,
        *,
        point: str | None = None,
        sensor_id: str | None = None,
        actor: str | None = None,
        status: str | None = None,
        start: float | None = None,
        end: float | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> tuple[WriteRecord, ...]:
        """The records that match, newest first."""
        rows = self.log.query(
            point=point,
            sensor_id=sensor_id,
            actor=actor,
            status=status,
            start=start,
            end=end,
            limit=limit,
            offset=offset,
        )
        return tuple(WriteRecord.from_row(r) for r in rows)
