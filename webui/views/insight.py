"""Insight area: explanations on request, drift states, the shadow model, alert thresholds.

What an asset page shows beside a prediction: ``GET /assets/<id>/explanation`` (the
asset's latest prediction explained, either mode), ``GET /sensor-readings/<id>/
explanation`` (a stored reading, recomputed by the active model), ``POST /explain`` (any
row), ``GET /drift`` and ``GET /assets/<id>/drift``. Admins run a candidate model
beside the active one (``/model/shadow``) and set alert thresholds with hysteresis
(``/alert-thresholds``).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from gateway.facade import ModelError, ThresholdEntry
from webui.api import AUTHENTICATED, ApiError, api_route, json_response
from webui.context import readings, run, service, services
from webui.schemas import MAX_ID, ExplainIn, ExplainQuery, ShadowStartIn, ThresholdsIn
from webui.views.model import resolve_package

bp = Blueprint("insight", __name__)


def _insight() -> Any:
    return service("insight", "the model's explanations and drift checks")


def _prediction(p: Any) -> dict[str, Any]:
    return {"label": p.label, "confidence": p.confidence, "model": p.model}


def _explained(prediction: Any, explanation: Any, **extra: Any) -> dict[str, Any]:
    return {
        "prediction": _prediction(prediction),
        "explanation": explanation.to_dict(full=True),
        **extra,
    }


@api_route(
    bp,
    "/assets/<sensor_id>/explanation",
    "GET",
    role=AUTHENTICATED,
    query=ExplainQuery,
    summary="Why the model said what it says now for this asset: every feature's "
    "contribution to its latest prediction and the top three; the latest reading's time "
    "and its features outside the training range",
    responses={404: "no prediction for this asset yet", 409: "the model cannot explain it"},
)
def asset_explanation(user: dict[str, Any], sensor_id: str, query: ExplainQuery) -> Any:
    try:
        got = _insight().explain_latest(sensor_id, query.mode)
    except ModelError as err:
        raise ApiError(409, str(err), code="cannot_explain") from None
    if got is None:
        raise ApiError(404, f"no prediction for {sensor_id} since the gateway started")
    # The asset page shows the latest reading's time and its values outside the training
    # range beside the explanation (the same latest reading, or the one just after it).
    view = services().facade.assets.get(sensor_id)
    latest = {
        "timestamp": view.timestamp if view is not None else None,
        "out_of_range": list(view.out_of_range) if view is not None else [],
    }
    return json_response(_explained(*got, sensor_id=sensor_id, **latest))


@api_route(
    bp,
    "/explain",
    "POST",
    role=AUTHENTICATED,
    body=ExplainIn,
    summary="Predict and explain a row given as feature name to value",
    responses={409: "the model cannot explain"},
)
def explain(user: dict[str, Any], body: ExplainIn) -> Any:
    try:
        prediction, explanation, missing = _insight().explain_values(body.values, body.mode)
    except ModelError as err:
        raise ApiError(409, str(err), code="cannot_explain") from None
    return json_response(_explained(prediction, explanation, missing=missing))


@api_route(
    bp,
    "/sensor-readings/<int:reading_id>/explanation",
    "GET",
    role=AUTHENTICATED,
    query=ExplainQuery,
    summary="A stored reading predicted and explained by the active model (its values; "
    "points the reading lacked are gaps)",
    responses={404: "no such reading", 409: "the model cannot explain", 503: "no history"},
)
def reading_explanation(user: dict[str, Any], reading_id: int, query: ExplainQuery) -> Any:
    history = readings()
    reading = history.get(reading_id) if reading_id <= MAX_ID else None  # SQLite: 64 bits
    if reading is None:
        raise ApiError(404, f"no reading {reading_id}")
    try:
        prediction, explanation, missing = _insight().explain_values(
            dict(reading.values), query.mode
        )
    except ModelError as err:
        raise ApiError(409, str(err), code="cannot_explain") from None
    stored = {"label": reading.label, "model": reading.model}
    return json_response(
        _explained(prediction, explanation, missing=missing, reading_id=reading_id, stored=stored)
    )


@api_route(
    bp,
    "/drift",
    "GET",
    role=AUTHENTICATED,
    summary="Every asset's drift state (ok, drifting, out_of_range), highest PSIs and "
    "out-of-range counts",
)
def drift(user: dict[str, Any]) -> Any:
    return json_response({"assets": _insight().drift()})


@api_route(
    bp,
    "/assets/<sensor_id>/drift",
    "GET",
    role=AUTHENTICATED,
    summary="One asset's drift state with the PSI of every feature",
    responses={404: "no reading of this asset since the model became active"},
)
def asset_drift(user: dict[str, Any], sensor_id: str) -> Any:
    got = _insight().drift(sensor_id)
    if got is None:
        raise ApiError(404, f"no drift state for {sensor_id}")
    return json_response(got)


# -- the shadow model -------------------------------------------------------------------


def _shadow() -> Any:
    return service("shadow", "the shadow model")


@api_route(
    bp,
    "/model/shadow",
    "GET",
    role=AUTHENTICATED,
    summary="The candidate model running beside the active one: agreement, confusion "
    "matrix, the candidate's confidence",
)
def shadow_info(user: dict[str, Any]) -> Any:
    info = _shadow().info()
    return json_response({"running": info is not None, **(info or {})})


@api_route(
    bp,
    "/model/shadow",
    "POST",
    role="admin",
    body=ShadowStartIn,
    status=201,
    summary="Verify a package (signature, golden file) and run it beside the active model, "
    "without alerting",
    responses={422: "the package was refused"},
)
def shadow_start(user: dict[str, Any], body: ShadowStartIn) -> Any:
    package = resolve_package(body.path)
    try:
        info = run(
            _shadow().start(
                package,
                user=user["email"],
                promote_after=body.promote_after,
                promote_agreement=body.promote_agreement,
            ),
            timeout=600.0,
        )
    except ModelError as err:
        services().state.audit.record(
            "model_shadow_refused", email=user["email"], path=str(package), reason=str(err)
        )
        raise ApiError(422, str(err), code="bad_package") from None
    return json_response({"running": True, **info}, 201)


@api_route(
    bp,
    "/model/shadow",
    "DELETE",
    role="admin",
    summary="Stop the shadow model",
    responses={404: "no shadow model runs"},
)
def shadow_stop(user: dict[str, Any]) -> Any:
    if not run(_shadow().stop(user=user["email"])):
        raise ApiError(404, "no shadow model runs")
    return json_response({"running": False})


@api_route(
    bp,
    "/model/shadow/promote",
    "POST",
    role="admin",
    summary="Make the shadow model the active one (the current model is kept for rollback)",
    responses={409: "no shadow model runs"},
)
def shadow_promote(user: dict[str, Any]) -> Any:
    try:
        out = run(_shadow().promote(user=user["email"]))
    except ModelError as err:
        raise ApiError(409, str(err), code="no_shadow") from None
    return json_response(out)


# -- alert thresholds -------------------------------------------------------------------


@api_route(
    bp,
    "/alert-thresholds",
    "GET",
    role=AUTHENTICATED,
    summary="Alert thresholds with hysteresis per asset or fault (open_at, close_at)",
)
def thresholds(user: dict[str, Any]) -> Any:
    return json_response({"entries": [e.to_dict() for e in services().state.thresholds.get()]})


@api_route(
    bp,
    "/alert-thresholds",
    "PUT",
    role="admin",
    body=ThresholdsIn,
    summary="Replace the alert thresholds (the alert rules read them within seconds)",
)
def set_thresholds(user: dict[str, Any], body: ThresholdsIn) -> Any:
    entries = [ThresholdEntry(**e.model_dump()) for e in body.entries]
    keys = [(e.sensor_id, e.fault) for e in entries]
    if len(set(keys)) != len(keys):
        raise ApiError(422, "an asset and fault pair is listed twice", code="duplicate")
    try:
        services().state.thresholds.replace(entries)
    except ValueError as err:  # gateway.alerts.thresholds.ThresholdError: what the rules refuse
        raise ApiError(422, str(err), code="bad_thresholds") from None
    services().state.audit.record("alert_thresholds_set", email=user["email"], entries=len(entries))
    return json_response({"entries": [e.to_dict() for e in entries]})
