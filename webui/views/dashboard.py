"""Dashboard area: live assets, charts, the readings history and feedback labels.

``GET /dashboard`` is what the dashboard page polls every few seconds, under load from
several screens while ingest runs: it reads memory snapshots (the assets' read model,
health) and the active alerts only, never the history database.
"""

from __future__ import annotations

import threading
import time
from dataclasses import asdict
from typing import Any

from flask import Blueprint

from gateway.facade import (
    AlertEpisode,
    AssetView,
    GatewayFacade,
    ReadingPage,
    Readings,
    mask_deep,
)
from webui import accounts, displaylinks
from webui.api import AUTHENTICATED, ApiError, api_route, field_error, json_response
from webui.context import readings as require_readings
from webui.context import services
from webui.labels import known_labels
from webui.schemas import ChartQuery, FeedbackIn, ReadingsQuery
from webui.views.settings import load_settings

bp = Blueprint("dashboard", __name__)

_STATES = ("live", "stale", "offline", "no_data")  # gateway.assets


def active_alerts(limit: int = 50) -> list[dict[str, Any]]:
    return [alert_out(e) for e in services().facade.alerts.active(limit)]


def alert_out(episode: AlertEpisode) -> dict[str, Any]:
    """An alert as the API answers it: the episode with every secret masked."""
    out: dict[str, Any] = mask_deep(episode.to_dict())
    return out


def _asset(
    a: AssetView, drift: dict[str, Any] | None, threshold: float, now: float
) -> dict[str, Any]:
    """One asset as the dashboard shows it: values and prediction with its data state
    (asset state): a prediction counts as an anomaly only while live."""
    st = a.status
    label, conf, state = a.prediction, a.confidence, a.state
    return {
        "sensor_id": a.sensor_id,
        "values": dict(a.values),
        "prediction": label,
        "confidence": conf,
        "unscored": a.unscored,
        "anomaly": bool(
            state == "live"
            and label
            and label != "normal"
            and conf is not None
            and conf >= threshold
        ),
        "state": state,
        "state_since": accounts.iso(st.since) if st else None,
        "state_seconds": st.for_seconds if st else None,
        "last_reading_at": accounts.iso(st.last_reading) if st else None,
        "stale_after": st.stale_after if st else None,
        "overdue": bool(st.overdue) if st else False,
        "timestamp": accounts.iso(a.timestamp),
        "ts": a.timestamp,
        "age_seconds": st.age_seconds if st else round(now - float(a.updated or now), 3),
        "source": a.source,
        "model": a.model,
        "count": a.count,
        # The latest prediction's top contributors (faults), values out of the training
        # range, and the asset's drift state (GET /assets/<id>/explanation, /drift: more).
        "explanation": [dict(c) for c in a.explanation] if a.explanation is not None else None,
        "out_of_range": list(a.out_of_range),
        "drift": drift,
    }


def _source(h: dict[str, Any]) -> dict[str, Any]:
    keys = (
        "name",
        "protocol",
        "state",
        "since",
        "last_error",
        "last_error_at",
        "received",
        "points",
        "malformed",
        "errors",
        "reconnects",
    )
    return {k: h.get(k) for k in keys}


# Every screen polls the dashboard every few seconds; what is the same for everyone is
# computed at most once per SHARED_TTL and shared (health snapshots and the alerts table
# cost more than the rest of the request). Values are at most that much older.
SHARED_TTL = 0.5
_shared_lock = threading.Lock()
_shared: dict[str, Any] = {"at": -1.0, "app": None, "data": None}


def _shared_state() -> dict[str, Any]:
    facade: GatewayFacade = services().facade
    now = time.monotonic()
    with _shared_lock:
        if _shared["app"] is facade and now - _shared["at"] < SHARED_TTL:
            return _shared["data"]  # type: ignore[no-any-return]
        components = facade.components()
        verdict = facade.health_status()
        pipeline = next((h for h in components if h["name"] == "pipeline"), None)
        # Every asset with readings or a state (a configured device that never answered
        # has a state and no reading); a fault alert stays open while its asset's data is
        # stale, and says so (``asset_state``).
        insight = facade.services.insight
        drift = insight.drift() if insight is not None else {}
        assets = [(a, _drift(drift.get(a.sensor_id))) for a in facade.assets.all()]
        alerts = active_alerts()
        data = {
            "assets": assets,
            "sources": [_source(h) for h in components if h["kind"] == "source"],
            "alerts": alerts,
            "received": pipeline["received"] if pipeline else 0,
            "healthy": verdict.healthy,
            "health": verdict.status,
            "problems": verdict.reasons(),
        }
        _shared.update(at=now, app=facade, data=data)
        return data


def _drift(state: dict[str, Any] | None) -> dict[str, Any] | None:
    if state is None:
        return None
    keys = ("state", "since", "psi_max", "out_of_range_total")
    return {k: state.get(k) for k in keys}


# What a display link's screen sees of an alert: no recipients, deliveries or names.
DISPLAY_ALERT_FIELDS = (
    "id",
    "sensor_id",
    "kind",
    "fault_type",
    "severity",
    "confidence",
    "state",
    "status",
    "opened_at",
)


def _for_display(alerts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: a.get(k) for k in DISPLAY_ALERT_FIELDS} for a in alerts]


@api_route(
    bp,
    "/dashboard",
    "GET",
    role=displaylinks.ROLE,
    summary="Live state: each asset's values and prediction, active alerts, sources",
)
def dashboard(user: dict[str, Any]) -> Any:
    settings = load_settings(user["email"])
    threshold = float(settings["anomalyThreshold"])
    now = time.time()
    shared = _shared_state()
    assets = [_asset(a, drift, threshold, now) for a, drift in shared["assets"]]
    sources = shared["sources"]
    alerts = shared["alerts"]
    if user.get("role") == displaylinks.ROLE:
        alerts = _for_display(alerts)
    return json_response(
        {
            "generated_at": accounts.iso(now),
            "assets": assets,
            "active_alerts": alerts,
            "sources": sources,
            "stats": {
                "assets": len(assets),
                "anomalies": sum(1 for a in assets if a["anomaly"]),
                "active_alerts": len(alerts),
                "sources_up": sum(1 for s in sources if s["state"] == "up"),
                "sources": len(sources),
                "readings_received": shared["received"],
                "healthy": shared["healthy"],
                "health": shared["health"],
                "problems": shared["problems"],
                **{state: sum(1 for a in assets if a["state"] == state) for state in _STATES},
            },
            "settings": {
                k: settings[k] for k in ("autoRefresh", "refreshInterval", "anomalyThreshold")
            },
        }
    )


@api_route(
    bp,
    "/dashboard/chart",
    "GET",
    role=displaylinks.ROLE,
    query=ChartQuery,
    summary="An asset's chart points of the last hour (one every few seconds)",
)
def chart(user: dict[str, Any], query: ChartQuery) -> Any:
    assets = services().facade.assets
    points = [asdict(p) for p in assets.chart(query.sensor_id, since=query.since)]
    return json_response(
        {"sensor_id": query.sensor_id, "step": assets.chart_step, "points": points}
    )


@api_route(
    bp,
    "/sensor-readings",
    "GET",
    role=AUTHENTICATED,
    query=ReadingsQuery,
    summary="Readings with predictions, newest first; filter by sensor, time and label; paged",
    responses={503: "history is disabled"},
)
def sensor_readings(user: dict[str, Any], query: ReadingsQuery) -> Any:
    page = readings_page(require_readings(), query)
    rows = []
    for r in page.readings:
        row = r.to_dict()
        row["ts"] = r.timestamp
        row["timestamp"] = accounts.iso(r.timestamp)
        rows.append(row)
    return json_response(
        {"readings": rows, "total": page.total, "limit": page.limit, "offset": page.offset}
    )


def readings_page(readings: Readings, q: ReadingsQuery) -> ReadingPage:
    """The page of readings a query asks for (the API's and the readings page's)."""
    return readings.page(
        sensor_id=q.sensor_id,
        start=q.start,
        end=q.end,
        label=q.label,
        limit=q.limit,
        offset=q.offset,
    )


@api_route(
    bp,
    "/feedback",
    "POST",
    role="operator",
    body=FeedbackIn,
    status=201,
    summary="Label a reading with the true condition (for retraining)",
    responses={404: "no such reading", 503: "history is disabled"},
)
def feedback(user: dict[str, Any], body: FeedbackIn) -> Any:
    svc = services()
    history = svc.facade.readings
    if history is None:
        raise ApiError(
            503, "the reading history is disabled; nothing to label", code="service_unavailable"
        )
    labels = known_labels()
    if body.label not in labels:
        raise field_error("body", "label", "unknown label; one of: " + ", ".join(labels))
    reading = history.get(body.reading_id)
    if reading is None:
        raise ApiError(404, f"no reading {body.reading_id} in the history", code="not_found")
    added = svc.state.feedback.add(reading, body.label, notes=body.notes, user=user["email"])
    svc.state.audit.record(
        "feedback", email=user["email"], reading_id=body.reading_id, label=body.label
    )
    out = added.to_dict()
    out["created_at"] = accounts.iso(added.created_at)
    return json_response(out, 201)


@api_route(bp, "/feedback", "GET", role="operator", summary="The newest feedback labels")
def feedback_list(user: dict[str, Any]) -> Any:
    feedback = services().state.feedback
    return json_response(
        {"feedback": [f.to_dict() for f in feedback.newest(500)], "total": feedback.count()}
    )
