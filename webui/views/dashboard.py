"""Dashboard area: live assets, charts, the readings history and feedback labels.

``GET /dashboard`` is what the dashboard page polls every few seconds, under load from
several screens while ingest runs: it reads memory snapshots (live state, health) and
the small alerts table only, never the history database.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from flask import Blueprint

from webui import accounts, displaylinks
from webui.api import AUTHENTICATED, ApiError, api_route, field_error, json_response
from webui.context import history as require_history
from webui.context import services
from webui.labels import known_labels
from webui.masking import mask_deep
from webui.schemas import ChartQuery, FeedbackIn, ReadingsQuery
from webui.views.settings import load_settings

bp = Blueprint("dashboard", __name__)

ACTIVE_STATES = ("open", "acknowledged")
_STATES = ("live", "stale", "offline", "no_data")  # gateway.assets


def alert_state(doc: dict[str, Any]) -> str | None:
    """The alert sink writes ``status``; the shared contract named it ``state``: read both."""
    value = doc.get("status", doc.get("state"))
    return value if isinstance(value, str) else None


def active_alerts(limit: int = 50) -> list[dict[str, Any]]:
    docs = services().store.find(
        "alerts", where=lambda d: alert_state(d) in ACTIVE_STATES, newest_first=True, limit=limit
    )
    return [alert_out(d) for d in docs]


def alert_out(doc: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = mask_deep({k: v for k, v in doc.items() if k != "doc_id"})
    out["id"] = doc.get("doc_id", doc.get("id"))
    out["state"] = out["status"] = alert_state(doc)
    return out


def _asset(entry: dict[str, Any], threshold: float, now: float) -> dict[str, Any]:
    """One asset as the dashboard shows it: values and prediction (live state) with its
    data state (asset state): a prediction counts as an anomaly only while live."""
    label = entry.get("prediction")
    conf = entry.get("confidence")
    st = entry.get("asset_state") or {}
    state = st.get("state", "live" if entry.get("timestamp") is not None else "no_data")
    return {
        "sensor_id": entry["sensor_id"],
        "values": entry.get("values", {}),
        "prediction": label,
        "confidence": conf,
        "unscored": entry.get("unscored"),
        "anomaly": bool(
            state == "live"
            and label
            and label != "normal"
            and conf is not None
            and conf >= threshold
        ),
        "state": state,
        "state_since": accounts.iso(st.get("since")),
        "state_seconds": st.get("for_seconds"),
        "last_reading_at": accounts.iso(st.get("last_reading")),
        "stale_after": st.get("stale_after"),
        "overdue": bool(st.get("overdue", False)),
        "timestamp": accounts.iso(entry.get("timestamp")),
        "ts": entry.get("timestamp"),
        "age_seconds": st.get("age_seconds")
        if st
        else round(now - float(entry.get("updated", now)), 3),
        "source": entry.get("source") or st.get("source"),
        "model": entry.get("model"),
        "count": entry.get("count", 0),
        # The latest prediction's top contributors (faults), values out of the training
        # range, and the asset's drift state (GET /assets/<id>/explanation, /drift: more).
        "explanation": entry.get("explanation"),
        "out_of_range": entry.get("out_of_range", []),
        "drift": entry.get("drift"),
    }


def _assets(facade: Any) -> list[dict[str, Any]]:
    """The live values of every asset joined with its state; an asset with a state and no
    reading yet (a configured device that never answered) is there too."""
    live = facade.assets()
    states = facade.asset_state()
    out = []
    for sid in sorted(set(live) | set(states)):
        entry = dict(live.get(sid) or {"sensor_id": sid, "values": {}, "count": 0})
        entry["asset_state"] = states.get(sid)
        out.append(entry)
    return out


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
    facade = services().facade
    now = time.monotonic()
    with _shared_lock:
        if _shared["app"] is facade and now - _shared["at"] < SHARED_TTL:
            return _shared["data"]  # type: ignore[no-any-return]
        components = facade.components()
        verdict = facade.health_status()
        pipeline = next((h for h in components if h["name"] == "pipeline"), None)
        insight = facade.services.insight
        drift = insight.drift() if insight is not None else {}
        assets = [{**e, "drift": _drift(drift.get(e["sensor_id"]))} for e in _assets(facade)]
        states = {e["sensor_id"]: (e["asset_state"] or {}).get("state") for e in assets}
        alerts = active_alerts()
        for a in alerts:
            # A fault alert stays open while its asset's data is stale: say so beside it.
            a["asset_state"] = states.get(a.get("sensor_id"))
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
    "fault_type",
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
    assets = [_asset(e, threshold, now) for e in shared["assets"]]
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
    facade = services().facade
    points = facade.live.chart(query.sensor_id, since=query.since)
    return json_response(
        {"sensor_id": query.sensor_id, "step": facade.live.chart_step, "points": points}
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
    history = require_history()
    where: dict[str, Any] = {
        "sensor_id": query.sensor_id,
        "start": query.start,
        "end": query.end,
        "label": query.label,
    }
    rows = history.query(**where, limit=query.limit, offset=query.offset)
    for r in rows:
        r["ts"] = r["timestamp"]
        r["timestamp"] = accounts.iso(r["timestamp"])
    return json_response(
        {
            "readings": rows,
            "total": history.count(**where),
            "limit": query.limit,
            "offset": query.offset,
        }
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
    history = svc.facade.history
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
    doc = {
        "reading_id": body.reading_id,
        "sensor_id": reading["sensor_id"],
        "timestamp": reading["timestamp"],
        "values": reading["values"],
        "predicted": reading["prediction"],
        "label": body.label,
        "notes": body.notes,
        "user": user["email"],
        "created_at": time.time(),
    }
    doc_id = svc.store.insert("feedback", doc)
    svc.store.audit("feedback", email=user["email"], reading_id=body.reading_id, label=body.label)
    return json_response({"id": doc_id, **doc, "created_at": accounts.iso(doc["created_at"])}, 201)


@api_route(bp, "/feedback", "GET", role="operator", summary="The newest feedback labels")
def feedback_list(user: dict[str, Any]) -> Any:
    docs = services().store.find("feedback", newest_first=True, limit=500)
    for d in docs:
        d["id"] = d.pop("doc_id")
    return json_response({"feedback": docs, "total": services().store.count("feedback")})
