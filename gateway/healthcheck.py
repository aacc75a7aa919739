"""The gateway's health as one word: ok, degraded or unhealthy, with the reasons.

- **unhealthy**: the gateway itself is broken: the pipeline is not running, the model
  refused the last batch, the disk is full or the state store cannot be written. A
  restart may help, and ``/healthz`` answers 503.
- **degraded**: the gateway works but some of the plant's data does not reach it: a
  source is down, an asset is stale, offline or has sent nothing since the start, a sink
  (the cloud link, alert delivery) is down. A restart would not help (the broker or the
  device is what is missing), so ``/healthz`` still answers 200.
- **ok**: neither.

balena's container healthcheck reads ``/healthz``'s status code, and systemd's watchdog
is pinged while the core runs (gateway.runtime): neither restarts a degraded gateway.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

OK, DEGRADED, UNHEALTHY = "ok", "degraded", "unhealthy"
# Reasons listed at most; the rest is counted (a plant of 1,000 silent assets).
MAX_LISTED = 20


@dataclass(frozen=True)
class Verdict:
    status: str
    problems: list[str] = field(default_factory=list)  # why unhealthy
    degraded: list[str] = field(default_factory=list)  # what is missing

    @property
    def healthy(self) -> bool:
        """Not broken (ok or degraded): what ``/healthz`` answers 200 for."""
        return self.status != UNHEALTHY

    def reasons(self) -> list[str]:
        return self.problems + self.degraded


def judge(
    components: Iterable[dict[str, Any]],
    assets: Iterable[dict[str, Any]],
    *,
    store_error: str | None = None,
) -> Verdict:
    """The verdict over health snapshots (gateway.health) and asset states (gateway.assets)."""
    problems: list[str] = []
    degraded: list[str] = []
    for h in components:
        name, state, extra = h["name"], h["state"], h["extra"]
        if h["kind"] == "stage" and state != "up":
            problems.append(f"{name} is {state}")
        if extra.get("model_failing"):
            problems.append(f"model: refused the last batch ({h.get('last_error') or 'error'})")
        if extra.get("disk_full"):
            problems.append(f"{name}: disk full")
        if h["kind"] in ("source", "sink") and state == "down":
            why = f": {h['last_error']}" if h.get("last_error") else ""
            degraded.append(f"{h['kind']} {name} is down{why}")
    if store_error:
        problems.append(f"state: {store_error}")
    degraded += _listed([_asset_reason(a) for a in assets if a["overdue"]])
    status = UNHEALTHY if problems else DEGRADED if degraded else OK
    return Verdict(status, problems, degraded)


def _asset_reason(a: dict[str, Any]) -> str:
    sid, state, seconds = a["sensor_id"], a["state"], round(a["for_seconds"])
    if state == "offline":
        return f"asset {sid} is offline ({a['source']} is down) for {seconds} s"
    if state == "no_data":
        return f"asset {sid} has sent no reading since the start ({seconds} s)"
    return f"asset {sid} is stale for {seconds} s (nothing fresh in {a['stale_after']:g} s)"


def _listed(reasons: list[str]) -> list[str]:
    if len(reasons) <= MAX_LISTED:
        return reasons
    return [*reasons[:MAX_LISTED], f"and {len(reasons) - MAX_LISTED} more assets"]
