"""Fault actions that act: a confirmed fault writes to a device, once per episode.

A user's ``faultActions`` (the seed's settings) may hold, beside the notification
targets, entries of type ``device_write``::

    {"id": "trip-2", "type": "device_write", "enabled": true,
     "config": {"fault_type": "motor_overheating", "point": "industrial_sensor_2/control.stop",
                "value": 1, "min_confidence": 0.9, "after_minutes": 0,
                "cooldown_minutes": 30, "dry_run": true}}

It fires when a fault alert of ``fault_type`` on the point's asset (or ``sensor_id``) is
open (for ``after_minutes`` at least) and, at that moment, the asset is ``live`` and its
latest reading was scored with that fault at ``min_confidence`` or more: never on stale
or unscored data. Firing is one request to the write service (gateway.writes.service)
acting as the user who owns the action, with that user's role (the point's role still
applies), ``confirm`` given by the action itself, and ``dry_run`` unless the action turns
it off (the default is a dry run: the audit says what it would have written).

Once per episode: an action fires at most once per alert. After firing it is disarmed
until that alert is acknowledged (before or after the firing) and ``cooldown_minutes``
have passed since it fired, whatever happens meanwhile (the alert resolving, another
alert opening). A refused write counts as a firing too (no retry storm against an
interlock).

Every firing is in the write audit and in the alert's record, as an entry of its
``timeline`` (``event: fault_action``). Both survive a restart, and the arming is
rebuilt from the timelines: a restart neither fires an action again nor re-arms it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gateway.health import ComponentHealth
from gateway.writes.outcome import Actor
from gateway.writes.service import WriteService

if TYPE_CHECKING:
    from gateway.assets import AssetStates
    from gateway.events import EventHub
    from gateway.live import LiveState
    from gateway.state.store import Store

log = logging.getLogger("gateway.writes.fault_actions")

TYPE = "device_write"
ALERTS = "alerts"
TIMELINE_EVENT = "fault_action"
TICK = 1.0  # seconds between checks of open alerts (after_minutes, re-arming)
DEFAULTS: dict[str, Any] = {
    "min_confidence": 0.9,
    "after_minutes": 0.0,
    "cooldown_minutes": 30.0,
    "dry_run": True,
}


@dataclass(frozen=True, slots=True)
class Action:
    """One ``device_write`` entry of a user's settings, with defaults filled in."""

    key: str  # user:id
    id: str
    user: str
    fault_type: str
    point: str
    value: Any
    sensor_id: str | None
    min_confidence: float
    after_s: float
    cooldown_s: float
    dry_run: bool

    @classmethod
    def parse(cls, user: str, entry: dict[str, Any]) -> Action | None:
        cfg = {**DEFAULTS, **(entry.get("config") or {})}
        try:
            return cls(
                key=f"{user}:{entry['id']}",
                id=str(entry["id"]),
                user=user,
                fault_type=str(cfg["fault_type"]),
                point=str(cfg["point"]),
                value=cfg["value"],
                sensor_id=str(cfg["sensor_id"]) if cfg.get("sensor_id") else None,
                min_confidence=float(cfg["min_confidence"]),
                after_s=float(cfg["after_minutes"]) * 60,
                cooldown_s=float(cfg["cooldown_minutes"]) * 60,
                dry_run=bool(cfg["dry_run"]),
            )
        except (KeyError, TypeError, ValueError):
            return None


@dataclass(slots=True)
class _Open:
    """A fault alert that is open, as the actions need it."""

    uid: str
    doc_id: int | None
    sensor_id: str
    fault_type: str
    opened_at: float
    acknowledged: bool = False


@dataclass(slots=True)
class _Arming:
    """Why an action is disarmed: the alert it fired on and when."""

    uid: str
    fired_at: float
    acknowledged: bool = False


class FaultActions:
    def __init__(
        self,
        store: Store,
        writes: WriteService,
        *,
        assets: AssetStates,
        live: LiveState,
        events: EventHub | None = None,
        settings_refresh: float = 5.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.store = store
        self.writes = writes
        self.assets = assets
        self.live = live
        self.settings_refresh = settings_refresh
        self.clock = clock
        self._open: dict[str, _Open] = {}  # alert uid -> open alert
        self._fired: set[tuple[str, str]] = set()  # (action key, alert uid)
        self._disarmed: dict[str, _Arming] = {}  # action key -> why
        self._actions: list[Action] = []
        self._roles: dict[str, str] = {}
        self._loaded_at = float("-inf")
        self._wake = asyncio.Event()
        self._lock = asyncio.Lock()
        self.fired = 0
        if events is not None:
            events.subscribe(self.on_event)

    # -- the alerts, as they change ------------------------------------------------------------

    def on_event(self, kind: str, payload: dict[str, Any]) -> None:
        if not kind.startswith("alert.") or payload.get("kind") == "data_loss":
            return
        uid = payload.get("uid")
        if not isinstance(uid, str):
            return
        if kind in ("alert.opened", "alert.repeated") and payload.get("status") != "resolved":
            self._open[uid] = _open_from(payload)
        elif kind == "alert.resolved":
            self._open.pop(uid, None)
        elif kind == "alert.acknowledged":
            if uid in self._open:
                self._open[uid].acknowledged = True
            for arming in self._disarmed.values():
                if arming.uid == uid:
                    arming.acknowledged = True
        self._wake.set()

    async def restore(self) -> None:
        """Open alerts and the arming of every action, from the alert records."""
        docs = await asyncio.to_thread(self.store.find, ALERTS)
        for doc in docs:
            if doc.get("kind") == "data_loss" or not isinstance(doc.get("uid"), str):
                continue
            if doc.get("status") in ("open", "acknowledged"):
                self._open[doc["uid"]] = _open_from(doc)
            for entry in doc.get("timeline") or []:
                if entry.get("event") != TIMELINE_EVENT:
                    continue
                key = str(entry.get("action"))
                self._fired.add((key, doc["uid"]))
                known = self._disarmed.get(key)
                if known is None or entry.get("at", 0) >= known.fired_at:
                    acknowledged = bool(doc.get("acknowledged_by"))
                    self._disarmed[key] = _Arming(
                        doc["uid"], float(entry.get("at", 0)), acknowledged
                    )

    # -- the loop --------------------------------------------------------------------------------

    async def run(self, health: ComponentHealth) -> None:
        await self.restore()
        health.up()
        while True:
            await self.step(health)
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(TICK):
                    await self._wake.wait()

    async def step(self, health: ComponentHealth | None = None) -> None:
        """Re-arm what may be, and fire what is due (one pass)."""
        async with self._lock:
            await self._load()
            now = self.clock()
            for key, arming in list(self._disarmed.items()):
                action = next((a for a in self._actions if a.key == key), None)
                cooldown = action.cooldown_s if action is not None else 0.0
                if arming.acknowledged and now - arming.fired_at >= cooldown:
                    del self._disarmed[key]
                    log.info("fault action %s re-armed", key, extra={"event": "fault_action_armed"})
            for action in self._actions:
                for alert in list(self._open.values()):
                    if self._due(action, alert, now):
                        await self._fire(action, alert, now)
                        if health is not None:
                            health.sent += 1

    async def _load(self) -> None:
        now = time.monotonic()
        if now - self._loaded_at < self.settings_refresh:
            return
        self._loaded_at = now
        actions, roles = await asyncio.to_thread(self._read_settings)
        self._actions, self._roles = actions, roles

    def _read_settings(self) -> tuple[list[Action], dict[str, str]]:
        users = {
            u["email"]: str(u.get("role", ""))
            for u in self.store.find("users")
            if not u.get("disabled", False) and isinstance(u.get("email"), str)
        }
        actions = []
        for s in self.store.find("settings"):
            user = s.get("user_email")
            if not isinstance(user, str) or user not in users:
                continue
            for entry in s.get("faultActions") or []:
                if isinstance(entry, dict) and entry.get("type") == TYPE and entry.get("enabled"):
                    action = Action.parse(user, entry)
                    if action is not None:
                        actions.append(action)
        return actions, users

    # -- deciding and firing ---------------------------------------------------------------------

    def _due(self, action: Action, alert: _Open, now: float) -> bool:
        if alert.fault_type != action.fault_type:
            return False
        point = self.writes.points.get(action.point)
        sensor = action.sensor_id or (point.sensor_id if point is not None else None)
        if alert.sensor_id != sensor:
            return False
        if (action.key, alert.uid) in self._fired or action.key in self._disarmed:
            return False
        if now - alert.opened_at < action.after_s:
            return False
        return self._confirmed(action, alert.sensor_id)

    def _confirmed(self, action: Action, sensor_id: str) -> bool:
        """The asset is live and its latest reading was scored with the fault, confidently."""
        state = self.assets.get(sensor_id)
        if state is None or state["state"] != "live":
            return False
        entry = self.live.snapshot().get(sensor_id) or {}
        confidence = entry.get("confidence")
        return bool(
            entry.get("unscored") is None
            and entry.get("prediction") == action.fault_type
            and isinstance(confidence, float)
            and confidence >= action.min_confidence
        )

    async def _fire(self, action: Action, alert: _Open, now: float) -> None:
        self._fired.add((action.key, alert.uid))
        # Acknowledged already (before it fired): it re-arms once the cool-down is over.
        self._disarmed[action.key] = _Arming(alert.uid, now, alert.acknowledged)
        self.fired += 1
        confidence = (self.live.snapshot().get(alert.sensor_id) or {}).get("confidence") or 0.0
        actor = Actor(
            f"fault_action:{action.id}",
            self._roles.get(action.user, ""),
            "fault_action",
            f"alert {alert.doc_id} ({alert.fault_type} on {alert.sensor_id}, "
            f"{confidence:.0%}) for {action.user}",
        )
        outcome = await self.writes.write(
            [(action.point, action.value)], actor, confirm=True, dry_run=action.dry_run
        )
        result = outcome.results[0] if outcome.results else None
        entry = {
            "at": now,
            "event": TIMELINE_EVENT,
            "action": action.key,
            "action_id": action.id,
            "user": action.user,
            "point": action.point,
            "value": action.value,
            "confidence": round(float(confidence), 4),
            "dry_run": outcome.status == "dry_run",
            "status": result.status if result is not None else outcome.status,
            "detail": outcome.detail,
            "request_id": outcome.request_id,
            "write_id": result.id if result is not None else None,
        }
        await self._timeline(alert, entry)
        log.warning(
            "fault action %s on %s (%s): %s = %s: %s",
            action.key,
            alert.sensor_id,
            alert.fault_type,
            action.point,
            action.value,
            outcome.status,
            extra={"event": "fault_action", "alert": alert.doc_id, "status": outcome.status},
        )

    async def _timeline(self, alert: _Open, entry: dict[str, Any]) -> None:
        if alert.doc_id is None:
            return
        await asyncio.to_thread(_append_timeline, self.store, alert.doc_id, entry)


def _append_timeline(store: Store, doc_id: int, entry: dict[str, Any]) -> None:
    from gateway.state.store import StoreError

    doc = store.get_by_id(ALERTS, doc_id)
    if doc is None:
        return
    try:
        store.update_by_id(ALERTS, doc_id, {"timeline": [*(doc.get("timeline") or []), entry]})
    except StoreError as err:  # the write audit still holds the firing
        log.error("alert %s: timeline not written: %s", doc_id, err)


def _open_from(doc: dict[str, Any]) -> _Open:
    doc_id = doc.get("doc_id", doc.get("id"))
    return _Open(
        doc["uid"],
        doc_id if isinstance(doc_id, int) else None,
        str(doc.get("sensor_id")),
        str(doc.get("fault_type")),
        float(doc.get("opened_at") or 0.0),
        bool(doc.get("acknowledged_by")),
    )
