"""Who is told of an alert: the users' notification settings, and whom an opening went to.

The seed's rule: each user with ``enableNotifications``, not disabled, whose
``anomalyThreshold`` the alert's confidence meets hears of a fault, through every enabled
target of their ``faultActions``. Data-loss alerts have no confidence: they go to every
such user who has not turned ``dataLossNotifications`` off. One address listed by
several users is told once. Settings are read from the store at most every
``settings_refresh`` seconds. Repeats and the resolution go to the targets the opening
went to, as the delivery queue recorded them.
"""

from __future__ import annotations

import asyncio
import logging
import time

from gateway.alerts.outbox import FAILED, DeliveryQueue
from gateway.alerts.targets import Target, from_action, remember_targets
from gateway.logs import RateLimited
from gateway.read.settings import UserSettings, notified_users
from gateway.state.store import Store

log = logging.getLogger("gateway.alerts")
_limited = RateLimited(log, interval=60.0)

# faultActions entries that are not notification targets.
NOT_TARGETS = frozenset({"device_write"})


class Recipients:
    def __init__(self, store: Store, queue: DeliveryQueue, *, refresh: float) -> None:
        self.store = store
        self.queue = queue
        self.refresh = refresh
        self._settings: list[UserSettings] = []
        self._settings_at = float("-inf")

    async def for_fault(self, confidence: float) -> list[Target]:
        """The targets of every user whose threshold ``confidence`` meets."""
        return await self._targets(confidence, data_loss=False)

    async def for_data_loss(self) -> list[Target]:
        """The targets of every user who hears of data loss."""
        return await self._targets(0.0, data_loss=True)

    def of_opening(self, uid: str) -> list[Target]:
        """The targets an alert's opening was queued for (blocking: reads the queue)."""
        rows = self.queue.for_event(f"{uid}:opened")
        return [r.target for r in rows if r.state != FAILED]

    def _load(self) -> list[UserSettings]:
        settings = notified_users(self.store)
        for s in settings:
            remember_targets([a.to_doc() for a in s.fault_actions])
        return settings

    async def _targets(self, confidence: float, *, data_loss: bool) -> list[Target]:
        now = time.monotonic()
        if now - self._settings_at >= self.refresh:
            self._settings = await asyncio.to_thread(self._load)
            self._settings_at = now
        out: dict[str, Target] = {}
        for s in self._settings:
            if data_loss:
                # Each user chooses data-loss notices apart from faults (on unless unset).
                if not s.data_loss_notifications:
                    continue
            elif confidence < s.anomaly_threshold:
                continue
            for action in s.fault_actions:
                if not action.enabled or action.type in NOT_TARGETS:
                    continue  # a device write (gateway.writes.fault_actions) tells nobody
                target = from_action(action.to_doc(), s.user_email)
                if target is None:
                    _limited.warning(
                        f"type:{s.user_email}",
                        "user %s has a fault action of unknown type %r",
                        s.user_email,
                        action.type,
                    )
                    continue
                out.setdefault(target.key, target)
        return list(out.values())
