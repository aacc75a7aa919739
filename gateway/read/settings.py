"""Users' settings in the seed's schema: a frozen record with defaults, who is notified, the save.

One document per user in the store's ``settings`` table. The seed's fields keep their
names in ``to_seed()`` (what the API answers and accepts); beside them are this UI's
clock (``timeZone``, ``timeFormat``) and the data-loss notices (``dataLossNotifications``).
A field never saved reads as its default.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from gateway.read.users import active_emails
from gateway.state.store import Store

TABLE = "settings"


@dataclass(frozen=True, slots=True)
class FaultAction:
    """One notification target of a user (the seed's ``faultActions`` entry)."""

    id: str
    type: str
    enabled: bool
    config: Mapping[str, Any]  # as stored: secrets in clear (mask before showing)

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> FaultAction:
        config = doc.get("config")
        return cls(
            id=str(doc.get("id", "")),
            type=str(doc.get("type", "")),
            enabled=bool(doc.get("enabled", False)),
            config=dict(config) if isinstance(config, Mapping) else {},
        )

    def to_doc(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "enabled": self.enabled,
            "config": dict(self.config),
        }


@dataclass(frozen=True, slots=True)
class UserSettings:
    user_email: str
    auto_refresh: bool = True
    refresh_interval: int = 5
    anomaly_threshold: float = 0.7
    enable_notifications: bool = False
    fault_actions: tuple[FaultAction, ...] = ()
    time_zone: str | None = None  # None: the gateway's zone
    time_format: str = "24h"
    data_loss_notifications: bool = True
    updated_at: float | None = None  # None: never saved

    def to_seed(self) -> dict[str, Any]:
        """The seed's field names (and this UI's beside them); ``updated_at`` as stored."""
        return {
            "autoRefresh": self.auto_refresh,
            "refreshInterval": self.refresh_interval,
            "anomalyThreshold": self.anomaly_threshold,
            "enableNotifications": self.enable_notifications,
            "faultActions": [a.to_doc() for a in self.fault_actions],
            "timeZone": self.time_zone,
            "timeFormat": self.time_format,
            "dataLossNotifications": self.data_loss_notifications,
            "updated_at": self.updated_at,
        }


def from_doc(email: str, doc: Mapping[str, Any] | None) -> UserSettings:
    """A stored document as a record; what it lacks, or holds in a wrong type (a
    hand-edited file), takes the default."""
    if not doc:
        return UserSettings(email)
    d = UserSettings(email)
    zone = doc.get("timeZone")
    actions = doc.get("faultActions")
    return UserSettings(
        email,
        auto_refresh=_typed(doc, "autoRefresh", bool, d.auto_refresh),
        refresh_interval=int(_typed(doc, "refreshInterval", int, d.refresh_interval)),
        anomaly_threshold=float(_typed(doc, "anomalyThreshold", float, d.anomaly_threshold)),
        enable_notifications=_typed(doc, "enableNotifications", bool, d.enable_notifications),
        fault_actions=tuple(
            FaultAction.from_doc(a)
            for a in (actions if isinstance(actions, list) else [])
            if isinstance(a, Mapping)
        ),
        time_zone=zone if isinstance(zone, str) and zone else None,
        time_format=_typed(doc, "timeFormat", str, d.time_format),
        data_loss_notifications=_typed(
            doc, "dataLossNotifications", bool, d.data_loss_notifications
        ),
        updated_at=_typed(doc, "updated_at", float, None),
    )


def _typed(doc: Mapping[str, Any], key: str, kind: type, default: Any) -> Any:
    value = doc.get(key)
    if kind is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if kind is int and isinstance(value, int) and not isinstance(value, bool):
        return value
    if kind in (bool, str) and isinstance(value, kind):
        return value
    return default


def settings_of(store: Store, email: str) -> UserSettings:
    """A user's settings, with defaults for what was never saved."""
    return from_doc(email, store.get(TABLE, user_email=email))


def notified_users(store: Store) -> list[UserSettings]:
    """The settings of every enabled user who turned notifications on."""
    active = active_emails(store)
    out = []
    for doc in store.find(TABLE):
        email = doc.get("user_email")
        if email in active and doc.get("enableNotifications", False):
            out.append(from_doc(str(email), doc))
    return out


def save_settings(store: Store, settings: UserSettings, at: float | None = None) -> UserSettings:
    """Write a user's whole settings (StoreError when the disk refuses); as saved, at
    ``at`` (now when None)."""
    saved = replace(settings, updated_at=time.time() if at is None else at)
    store.upsert(TABLE, saved.to_seed(), user_email=saved.user_email)
    return saved


class Settings:
    """Every user's settings (what the web UI reads and saves)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def of(self, email: str) -> UserSettings:
        return settings_of(self.store, email)

    def save(self, settings: UserSettings, at: float | None = None) -> UserSettings:
        return save_settings(self.store, settings, at)
