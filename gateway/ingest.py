"""The ingest gate: which sensor ids the gateway accepts, before anything is stored.

A source on the plant network (an MQTT publisher above all) names its assets itself.
Without a limit, one misbehaving or hostile publisher can create thousands of assets or
one of 50 KB, and every id costs memory in the live state and bytes in every dashboard
answer. So every reading passes :meth:`AssetGate.admit` before it is queued:

- its ``sensor_id`` must be 1 to ``max_length`` characters of letters, digits (any
  script) and ``_ . : / @ -`` (no spaces, quotes, angle brackets, control characters
  or MQTT wildcards);
- a new id is accepted only while fewer than ``max_assets`` distinct ids were seen
  since start; ids already known are always accepted.

A refused reading is *done*: it is counted (``rejected_sensor_id`` for a bad id,
``rejected_new_asset`` for one over the limit; both also add to the component's
``malformed`` counter) and logged at most once a minute per reason, and never stored.
A source that acknowledges readings after they are stored must acknowledge a refused
one at once: :meth:`admit` is a plain synchronous decision for that reason.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from gateway.health import ComponentHealth
from gateway.logs import RateLimited
from gateway.records import Reading

log = logging.getLogger("gateway.ingest")

SENSOR_ID_RE = re.compile(r"[\w.:/@-]+")
BAD_ID = "rejected_sensor_id"
OVER_LIMIT = "rejected_new_asset"


def sensor_id_problem(sensor_id: object, max_length: int = 128) -> str | None:
    """Why a sensor id is refused, or None when it is fine."""
    if not isinstance(sensor_id, str) or not sensor_id:
        return "empty sensor id"
    if len(sensor_id) > max_length:
        return f"sensor id of {len(sensor_id)} characters (at most {max_length})"
    if not SENSOR_ID_RE.fullmatch(sensor_id):
        return "sensor id with characters other than letters, digits and _ . : / @ -"
    return None


def _shown(sensor_id: object) -> str:
    text = repr(sensor_id)
    return text if len(text) <= 60 else text[:57] + "..."


class AssetGate:
    """Admits readings by sensor id; counts and logs (rate-limited) what it refuses."""

    def __init__(
        self,
        health: ComponentHealth,
        *,
        max_assets: int = 1000,
        max_length: int = 128,
        log_interval: float = 60.0,
    ) -> None:
        self.health = health
        self.max_assets = max_assets
        self.max_length = max_length
        self.known: set[str] = set()
        self._log = RateLimited(log, log_interval)
        health.extra.setdefault(BAD_ID, 0)
        health.extra.setdefault(OVER_LIMIT, 0)

    def admit(self, reading: Reading) -> bool:
        """True to queue the reading; False when it is refused (counted, never stored)."""
        sid = reading.sensor_id
        if sid in self.known:
            return True
        problem = sensor_id_problem(sid, self.max_length)
        if problem is not None:
            self._refuse(BAD_ID, "reading from %s refused: %s: %s", reading.source, problem, sid)
            return False
        if len(self.known) >= self.max_assets:
            self._refuse(
                OVER_LIMIT,
                "reading from %s refused: new asset beyond pipeline.max_assets (%d): %s",
                reading.source,
                self.max_assets,
                sid,
            )
            return False
        self.known.add(sid)
        return True

    def filter(self, readings: Sequence[Reading]) -> list[Reading]:
        """The admitted readings of a batch, in order."""
        known = self.known
        if all(r.sensor_id in known for r in readings):
            return readings if isinstance(readings, list) else list(readings)  # nothing new
        return [r for r in readings if self.admit(r)]

    def _refuse(self, reason: str, msg: str, source: str, detail: object, sid: object) -> None:
        self.health.extra[reason] = self.health.extra.get(reason, 0) + 1
        self.health.malformed += 1
        self._log.warning(reason, msg, source or "?", detail, _shown(sid), event=reason)
