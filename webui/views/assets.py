"""Assets area: each asset's data state (live, stale, offline, no_data), its chart over a
time range, and labels on its episodes.

The states are the gateway's (gateway.read.assets, through the facade); their changes are
kept in the reading history, so they follow its retention. An asset's series is what its
page draws: readings (sampled over a long range), the gap length beyond which the chart
breaks its lines, state changes, its alert episodes and the episode labels given.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from flask import Blueprint

from gateway.facade import AlertEpisode, EpisodeLabel, ReadingView
from webui import accounts
from webui.api import AUTHENTICATED, ApiError, api_route, field_error, json_response
from webui.context import readings as require_readings
from webui.context import services
from webui.schemas import AssetStatesQuery, EpisodeFeedbackIn, SeriesQuery

bp = Blueprint("assets", __name__)


@api_route(
    bp,
    "/assets",
    "GET",
    role=AUTHENTICATED,
    summary="Each asset's data state (live, stale, offline, no_data), since when, last reading",
)
def assets(user: dict[str, Any]) -> Any:
    statuses = services().facade.assets.statuses()
    out = []
    for sid in sorted(statuses):
        a = statuses[sid].to_dict()
        a["since"] = accounts.iso(a["since"])
        a["last_reading"] = accounts.iso(a["last_reading"])
        out.append(a)
    return json_response({"assets": out})


@api_route(
    bp,
    "/asset-states",
    "GET",
    role=AUTHENTICATED,
    query=AssetStatesQuery,
    summary="Changes of asset state, newest first (from the history)",
    responses={503: "history is disabled"},
)
def asset_states(user: dict[str, Any], query: AssetStatesQuery) -> Any:
    changes = services().facade.assets.changes(
        sensor_id=query.sensor_id, limit=query.limit, offset=query.offset
    )
    if changes is None:
        raise ApiError(
            503,
            "the reading history is disabled in this gateway's config",
            code="service_unavailable",
        )
    rows = [
        {
            "sensor_id": c.sensor_id,
            "source": c.source,
            "state": c.state,
            "previous": c.previous,
            "since": accounts.iso(c.since),
            "last_reading": accounts.iso(c.last_reading),
        }
        for c in changes
    ]
    return json_response({"changes": rows, "limit": query.limit, "offset": query.offset})


# A gap is drawn where readings are further apart than this many sample slices (a long
# range keeps one reading per slice) or the asset's stale_after, whichever is longer.
GAP_SLICES = 2.5
DEFAULT_GAP = 15.0  # seconds, for an asset the gateway has no state of


def _round(v: float | None, digits: int) -> float | None:
    return round(v, digits) if isinstance(v, float) else v


def _columns(rows: Sequence[ReadingView]) -> dict[str, Any]:
    """Readings as columns for a chart: one list per feature (None where a reading lacks
    it), rounded to what a chart can show (less than half the JSON of full doubles)."""
    names = sorted({k for r in rows for k in r.values})
    return {
        "t": [round(r.timestamp, 3) for r in rows],
        "label": [r.label for r in rows],
        "confidence": [_round(r.confidence, 4) for r in rows],
        "values": {n: [_round(r.values.get(n), 4) for r in rows] for n in names},
    }


def episode_brief(e: AlertEpisode) -> dict[str, Any]:
    """What an asset's page marks of an alert: no recipients, no deliveries."""
    return {
        "id": e.id,
        "kind": e.kind,
        "fault_type": e.fault_type,
        "severity": e.severity,
        "state": e.status,
        "confidence": e.confidence,
        "opened_at": e.opened_at,
        "acknowledged_at": e.acknowledged_at,
        "acknowledged_by": e.acknowledged_by,
        "acknowledged_note": e.acknowledged_note,
        "resolved_at": e.resolved_at,
    }


def _overlaps(label: EpisodeLabel, start: float, end: float) -> bool:
    return label.start <= end and label.end >= start


@api_route(
    bp,
    "/assets/<sensor_id>/series",
    "GET",
    role=AUTHENTICATED,
    query=SeriesQuery,
    summary="An asset's readings, labels and confidence over a time range (the last hour "
    "by default; sampled when long), its state changes, alert episodes and episode labels",
    responses={503: "history is disabled"},
)
def asset_series(user: dict[str, Any], sensor_id: str, query: SeriesQuery) -> Any:
    facade = services().facade
    end = query.end if query.end is not None else time.time()
    start = query.start if query.start is not None else end - 3600.0
    if start >= end:
        raise field_error("query", "start", "start is not before end")
    rows, sampled = require_readings().series(sensor_id, start, end, points=query.points)
    status = facade.assets.statuses().get(sensor_id)
    stale_after = status.stale_after if status is not None and status.stale_after else DEFAULT_GAP
    gap = max(stale_after, GAP_SLICES * (end - start) / query.points if sampled else 0.0)
    changes = facade.assets.changes(sensor_id=sensor_id, start=start, end=end, limit=1000) or []
    episodes = facade.alerts.of_asset(sensor_id, start=start, end=end)
    labels = services().state.feedback.episodes(sensor_id)
    return json_response(
        {
            "sensor_id": sensor_id,
            "start": start,
            "end": end,
            "sampled": sampled,
            "gap_after": gap,
            "state": status.state if status is not None else None,
            "state_since": status.since if status is not None else None,
            "series": _columns(rows),
            "states": [{"at": c.since, "state": c.state} for c in reversed(changes)],
            "alerts": [episode_brief(e) for e in episodes],
            "labels": [lb.to_dict() for lb in labels if _overlaps(lb, start, end)],
        }
    )


@api_route(
    bp,
    "/assets/<sensor_id>/feedback",
    "POST",
    role="operator",
    body=EpisodeFeedbackIn,
    status=201,
    summary="Label a whole episode: a time range of the asset, or one of its alerts "
    "(for retraining: every reading in it is exported with the label)",
    responses={404: "no such alert for this asset", 503: "history is disabled"},
)
def episode_feedback(user: dict[str, Any], sensor_id: str, body: EpisodeFeedbackIn) -> Any:
    from webui.views.dashboard import known_labels

    svc = services()
    labels = known_labels()
    if body.label not in labels:
        raise field_error("body", "label", "unknown label; one of: " + ", ".join(labels))
    start, end = body.start, body.end
    if body.alert_id is not None:
        episode = svc.facade.alerts.get(body.alert_id)
        if episode is None or episode.sensor_id != sensor_id:
            raise ApiError(404, f"no alert {body.alert_id} for {sensor_id}", code="not_found")
        start = episode.opened_at if start is None else start
        end = (episode.resolved_at or time.time()) if end is None else end
    assert start is not None and end is not None  # EpisodeFeedbackIn checked it
    rows = require_readings().over(sensor_id, start, end)
    if not rows:
        raise field_error("body", "start", "no readings of this asset in that time range")
    added = svc.state.feedback.add_episode(
        rows,
        sensor_id=sensor_id,
        start=start,
        end=end,
        label=body.label,
        alert_id=body.alert_id,
        notes=body.notes,
        user=user["email"],
    )
    svc.state.audit.record(
        "episode_feedback",
        email=user["email"],
        sensor_id=sensor_id,
        label=body.label,
        readings=added.readings,
    )
    return json_response(added.to_dict(), 201)
