"""Alerts area: the alert history and acknowledging an alert.

Alert records are written by the alert sink (``gateway/alerts``) into the store's
``alerts`` table; acknowledging goes through the sink on the gateway's loop, so it can
announce the change (``alert.acknowledged``) and stop repeats.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from webui.api import AUTHENTICATED, ApiError, api_route, json_response
from webui.context import run, service, services
from webui.schemas import AlertsQuery
from webui.views.dashboard import alert_out, alert_state

bp = Blueprint("alerts", __name__)


@api_route(
    bp,
    "/alerts",
    "GET",
    role=AUTHENTICATED,
    query=AlertsQuery,
    summary="Alert history, newest first; filter by state and sensor",
)
def list_alerts(user: dict[str, Any], query: AlertsQuery) -> Any:
    match: dict[str, Any] = {}
    if query.sensor_id:
        match["sensor_id"] = query.sensor_id
    state = query.state
    docs = services().store.find(
        "alerts",
        where=(lambda d: alert_state(d) == state) if state else None,
        newest_first=True,
        **match,
    )
    page = docs[query.offset : query.offset + query.limit]
    states = services().facade.asset_state()
    out = [alert_out(d) for d in page]
    for a in out:
        # An open fault alert stays open while its asset's data is stale: shown here.
        a["asset_state"] = (states.get(a.get("sensor_id") or "") or {}).get("state")
    return json_response(
        {
            "alerts": out,
            "total": len(docs),
            "limit": query.limit,
            "offset": query.offset,
        }
    )


@api_route(
    bp,
    "/alerts/<int:alert_id>/acknowledge",
    "POST",
    role="operator",
    summary="Acknowledge an open alert (stops its repeats)",
    responses={404: "no such alert", 503: "alert delivery is not running"},
)
def acknowledge(user: dict[str, Any], alert_id: int) -> Any:
    sink = service("alerts", "alert delivery")
    record = run(sink.acknowledge(alert_id, user["email"]))
    if record is None:
        raise ApiError(404, f"no alert {alert_id}", code="not_found")
    services().store.audit("alert_acknowledged", email=user["email"], alert_id=alert_id)
    if "doc_id" not in record:
        record = {**record, "doc_id": alert_id}
    return json_response(alert_out(record))
