"""What the data-loss tests share: a user with real targets, a log of state changes, checks.

- ``notify_user(store, webhook_url, email)``: one operator with notifications on and a
  webhook and an email target (data-loss notices included by default).
- ``StateLog``: subscribed to a gateway's event hub, it keeps every ``asset.state``,
  ``source.state`` and ``alert.*`` event with the wall time it arrived.
- ``losses(hook)``: the data-loss notices a webhook receiver got, as
  ``(alert_type, fault_type, sensor_id)``.
- ``last_row``/``stored_between``: what the history stored during a silence.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gateway.state.store import Store
from tests.support.alerts import HttpReceiver


def notify_user(store: Store, webhook_url: str, email: str) -> None:
    store.insert(
        "users",
        {"email": email, "username": email.split("@")[0], "full_name": "", "role": "operator",
         "hashed_password": "x", "disabled": False, "created_at": time.time(), "token_epoch": 0},
    )  # fmt: skip
    actions = [
        {"id": "w", "type": "webhook", "enabled": True, "config": {"url": webhook_url}},
        {"id": "e", "type": "email", "enabled": True, "config": {"email": email}},
    ]
    store.insert(
        "settings",
        {"user_email": email, "autoRefresh": True, "refreshInterval": 5, "anomalyThreshold": 0.7,
         "enableNotifications": True, "faultActions": actions, "updated_at": time.time()},
    )  # fmt: skip


@dataclass
class StateLog:
    events: list[tuple[float, str, dict[str, Any]]] = field(default_factory=list)

    def __call__(self, kind: str, payload: dict[str, Any]) -> None:
        if kind in ("asset.state", "source.state") or kind.startswith("alert."):
            self.events.append((time.time(), kind, dict(payload)))

    def first(self, kind: str, after: float, **match: Any) -> tuple[float, dict[str, Any]] | None:
        for t, k, p in self.events:
            if k == kind and t >= after and all(p.get(a) == b for a, b in match.items()):
                return t, p
        return None

    def left_live(self, sensor_id: str, after: float) -> tuple[float, dict[str, Any]] | None:
        """The first change of ``sensor_id`` away from live after ``after``."""
        for t, k, p in self.events:
            if k == "asset.state" and t >= after and p["sensor_id"] == sensor_id:
                if p["previous"] == "live":
                    return t, p
        return None


def losses(hook: HttpReceiver) -> list[tuple[str, str, str]]:
    out = []
    for r in list(hook.requests):
        body = json.loads(r.body)
        if body["alert_type"] in ("data_loss", "data_restored"):
            d = body["fault_data"]
            out.append((body["alert_type"], d["fault_type"], d["sensor_id"]))
    return out


def last_row(data_dir: Path) -> int:
    """The id of the newest reading in the history (0 when there is none)."""
    db = sqlite3.connect(data_dir / "history.sqlite3")
    try:
        return int(db.execute("SELECT COALESCE(MAX(id), 0) FROM readings").fetchone()[0])
    finally:
        db.close()


def stored_between(data_dir: Path, first: int, last: int) -> dict[str, Any]:
    """Readings stored with ids in (first, last]: how many, how many with a label (and
    which), how many without and why. (Ids follow the order of storing; a reading's
    timestamp is the device's, which a device catching up after a pause sets back.)"""
    db = sqlite3.connect(data_dir / "history.sqlite3")
    try:
        rows = db.execute(
            "SELECT sensor_id, label, unscored FROM readings WHERE id > ? AND id <= ?",
            (first, last),
        ).fetchall()
    finally:
        db.close()
    labelled = [(s, label) for s, label, _ in rows if label is not None]
    reasons: dict[str, int] = {}
    for _, label, why in rows:
        if label is None:
            reasons[str(why)] = reasons.get(str(why), 0) + 1
    return {"rows": len(rows), "labelled": labelled, "unscored": reasons}
