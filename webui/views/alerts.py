"""Alerts area: the alert history, acknowledging and clearing an alert.

Alerts are read as episodes (gateway.read.alerts, through the facade): each record with
its deliveries as the delivery queue has them now and the events of its life.
Acknowledging goes through the alerts sink on the gateway's loop, so it can announce
the change (``alert.acknowledged``) and stop repeats.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, request

from gateway.facade import NotClearable
from webui.api import AUTHENTICATED, ApiError, api_route, json_response, parse_body
from webui.context import run, service, services
from webui.schemas import AckIn, AlertsQuery
from webui.views.dashboard import alert_out

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
    # An open fault alert stays open while its asset's data is stale: its episode says
    # so (``asset_state``).
    page = services().facade.alerts.page(
        status=query.state, sensor_id=query.sensor_id, limit=query.limit, offset=query.offset
    )
    return json_response(
        {
            "alerts": [alert_out(e) for e in page.episodes],
            "total": page.total,
            "limit": page.limit,
            "offset": page.offset,
        }
    )


@api_route(
    bp,
    "/alerts/<int:alert_id>/acknowledge",
    "POST",
    role="operator",
    summary="Acknowledge an open alert (stops its repeats); the body may carry a note: "
    '{"note": "..."}',
    responses={404: "no such alert", 503: "alert delivery is not running"},
)
def acknowledge(user: dict[str, Any], alert_id: int) -> Any:
    # The body is optional: clients before the note posted none.
    note = parse_body(AckIn).note if request.get_data(cache=True) else None  # type: ignore[attr-defined]
    sink = service("alerts", "alert delivery")
    record = run(sink.acknowledge(alert_id, user["email"], note))
    if record is None:
        raise ApiError(404, f"no alert {alert_id}", code="not_found")
    services().state.audit.record("alert_acknowledged", email=user["email"], alert_id=alert_id)
    episode = services().facade.alerts.get(alert_id)
    if episode is None:  # the store refused the write: the record as the sink holds it
        raise ApiError(503, "the acknowledgement was not saved", code="storage")
    return json_response(alert_out(episode))


@api_route(
    bp,
    "/alerts/<int:alert_id>/clear",
    "POST",
    role="operator",
    summary="Clear an open fault alert: it resolves now (its resolution is sent); a fault "
    'that goes on opens a new alert. The body may carry a note: {"note": "..."}',
    responses={
        404: "no such alert",
        409: "not a fault alert (they resolve by themselves)",
        503: "alert delivery is not running",
    },
)
def clear(user: dict[str, Any], alert_id: int) -> Any:
    note = parse_body(AckIn).note if request.get_data(cache=True) else None  # type: ignore[attr-defined]
    sink = service("alerts", "alert delivery")
    try:
        record = run(sink.clear(alert_id, user["email"], note))
    except NotClearable as err:
        raise ApiError(409, str(err), code="not_clearable") from None
    if record is None:
        raise ApiError(404, f"no alert {alert_id}", code="not_found")
    services().state.audit.record("alert_cleared", email=user["email"], alert_id=alert_id)
    episode = services().facade.alerts.get(alert_id)
    if episode is None:
        raise ApiError(503, "the clearing was not saved", code="storage")
    return json_response(alert_out(episode))
