"""The ingest gate: which sensor ids the gateway accepts, before anything is stored.

A source on the plant network (an MQTT publisher above all) names its assets itself.
Without a limit, one misbehaving or hostile publisher can create thousands of assets or
one of 50 KB, and every id costs memory in the live state and bytes in every dashboard
answer. So every reading passes :meth:`AssetGate.admit` before it is queued:

- its ``sensor_id`` must be 1 to ``max_length`` characters of ASCII letters, digits and
  ``_ . : / @ -`` (no spaces, quotes, angle brackets, control characters or MQTT
  wildcards), with no ``.`` or ``..`` between slashes (``pump/../../x`` names a path, not
  a pump). ``sensor_id_charset: unicode`` allows letters and digits of any script, in
  their NFKC form only: a look-alike (``іndustrial_sensor_1`` with a Cyrillic і) is then
  an id of its own, which ASCII-only ids (the default) rule out;
- a new id is on probation: admitted, but it takes one of the ``max_assets`` slots for
  good only once its readings have come for ``probation`` seconds (5 minutes). While
  the slots are full, a new id takes the place of the id on probation heard from least
  recently, if that one has been quiet for a tenth of the probation; else it is refused.
  So a burst of invented ids fills the slots for a few seconds, not until a restart: a
  real pump that starts publishing afterwards gets in, and a burst never displaces an
  established asset. An id that loses its place is forgotten (its live values too).

A refused reading is *done*: it is counted (``rejected_sensor_id`` for a bad id,
``rejected_new_asset`` for one over the limit; both also add to the component's
``malformed`` counter) and logged at most once a minute per reason, and never stored.
A source that acknowledges readings after they are stored must acknowledge a refused
one at once: :meth:`admit` is a plain synchronous decision for that reason.
"""

from __future__ import annotations

import logging
import re
import time
import unicodedata
from collections.abc import Callable, Sequence
from typing import Literal

from gateway.health import ComponentHealth
from gateway.logs import RateLimited
from gateway.records import Reading

log = logging.getLogger("gateway.ingest")

SENSOR_ID_RE = re.compile(r"[A-Za-z0-9_.:/@-]+")
UNICODE_ID_RE = re.compile(r"[\w.:/@-]+")
BAD_ID = "rejected_sensor_id"
OVER_LIMIT = "rejected_new_asset"
Charset = Literal["ascii", "unicode"]


def sensor_id_problem(
    sensor_id: object, max_length: int = 128, charset: Charset = "ascii"
) -> str | None:
    """Why a sensor id is refused, or None when it is fine."""
    if not isinstance(sensor_id, str) or not sensor_id:
        return "empty sensor id"
    if len(sensor_id) > max_length:
        return f"sensor id of {len(sensor_id)} characters (at most {max_length})"
    if charset == "ascii" and not SENSOR_ID_RE.fullmatch(sensor_id):
        return "sensor id with characters other than ASCII letters, digits and _ . : / @ -"
    if charset == "unicode":
        if not UNICODE_ID_RE.fullmatch(sensor_id):
            return "sensor id with characters other than letters, digits and _ . : / @ -"
        if unicodedata.normalize("NFKC", sensor_id) != sensor_id:
            return "sensor id not in its NFKC form (compatibility look-alike characters)"
    if any(part in (".", "..") for part in sensor_id.split("/")):
        return "sensor id with a . or .. path segment"
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
        charset: Charset = "ascii",
        probation: float = 300.0,
        log_interval: float = 60.0,
        on_forget: Callable[[str], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.health = health
        self.max_assets = max_assets
        self.max_length = max_length
        self.charset: Charset = charset
        self.probation = probation
        self.on_forget = on_forget
        self.clock = clock
        self.known: set[str] = set()  # established: their slot is theirs until a restart
        self.trial: dict[str, list[float]] = {}  # on probation: [first, last] reading
        self._log = RateLimited(log, log_interval)
        health.extra.setdefault(BAD_ID, 0)
        health.extra.setdefault(OVER_LIMIT, 0)

    def admit(self, reading: Reading) -> bool:
        """True to queue the reading; False when it is refused (counted, never stored)."""
        sid = reading.sensor_id
        if sid in self.known:
            return True
        now = self.clock()
        seen = self.trial.get(sid)
        if seen is not None:
            seen[1] = now
            if now - seen[0] >= self.probation:
                del self.trial[sid]
                self.known.add(sid)
            return True
        problem = sensor_id_problem(sid, self.max_length, self.charset)
        if problem is not None:
            self._refuse(BAD_ID, "reading from %s refused: %s: %s", reading.source, problem, sid)
            return False
        if len(self.known) + len(self.trial) >= self.max_assets and not self._make_room(now):
            self._refuse(
                OVER_LIMIT,
                "reading from %s refused: new asset beyond pipeline.max_assets (%d): %s",
                reading.source,
                self.max_assets,
                sid,
            )
            return False
        self.trial[sid] = [now, now]
        return True

    def _make_room(self, now: float) -> bool:
        """Forget the id on probation heard from least recently, if quiet long enough."""
        if not self.trial:
            return False
        quietest = min(self.trial, key=lambda s: self.trial[s][1])
        if now - self.trial[quietest][1] < self.probation / 10:
            return False
        del self.trial[quietest]
        if self.on_forget is not None:
            self.on_forget(quietest)
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
