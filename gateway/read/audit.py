"""The audit trail: who did what and when (sign-ins, refusals, account, setting and model changes).

Events live in the store's ``audit`` table, bounded to its newest entries
(``Store.BOUNDS``). ``record`` never fails the action it records: a full disk is logged
and counted by the store, not raised.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gateway.state.store import Store

TABLE = "audit"


@dataclass(frozen=True, slots=True)
class AuditEvent:
    ts: float
    event: str
    fields: Mapping[str, Any]  # who (email, by), from where (ip), what changed

    def to_dict(self) -> dict[str, Any]:
        return {**self.fields, "ts": self.ts, "event": self.event}


class Audit:
    def __init__(self, store: Store) -> None:
        self.store = store

    def record(self, event: str, **fields: Any) -> None:
        self.store.audit(event, **fields)

    def newest(self, *, event: str | None = None, limit: int = 200) -> list[AuditEvent]:
        match: dict[str, Any] = {"event": event} if event else {}
        docs = self.store.find(TABLE, newest_first=True, limit=limit, **match)
        return [
            AuditEvent(
                float(d.get("ts") or 0.0),
                str(d.get("event", "")),
                {k: v for k, v in d.items() if k not in ("ts", "event", "doc_id")},
            )
            for d in docs
        ]
