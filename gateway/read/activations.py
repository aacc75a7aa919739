"""The active model's changes (activations and rollbacks), newest first, for the model page."""

from __future__ import annotations

from dataclasses import dataclass

from gateway.model.activation import HISTORY_TABLE
from gateway.state.store import Store


@dataclass(frozen=True, slots=True)
class Activation:
    ts: float
    name: str
    package_dir: str | None
    previous: str | None


def activations(store: Store, limit: int = 20) -> list[Activation]:
    return [
        Activation(
            float(d.get("ts") or 0.0),
            str(d.get("name", "")),
            d.get("package_dir"),
            d.get("previous"),
        )
        for d in store.find(HISTORY_TABLE, newest_first=True, limit=limit)
    ]
