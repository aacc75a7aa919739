"""System area: sources and components, device status, health check, metrics, the OpenAPI document.

``/healthz`` is public (balena's and systemd's checks carry no credentials) and says only
ok, degraded (a source down, an asset stale: still 200) or unhealthy (503), listing the
reasons to signed-in users (gateway.healthcheck). ``/metrics`` needs a signed-in user or the
static ``web.metrics_token`` (Prometheus sends it as a bearer token) unless
``web.metrics_public`` opens it: on balena's public URL the UI faces the internet, and
counters name the plant's sources.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app

from webui.api import AUTHENTICATED, PUBLIC, api_route, json_response
from webui.auth import METRICS, optional_user
from webui.context import services

bp = Blueprint("system", __name__)


@api_route(
    bp, "/sources", "GET", role=AUTHENTICATED, summary="Each source's link state and counters"
)
def sources(user: dict[str, Any]) -> Any:
    return json_response({"sources": services().facade.sources()})


@api_route(
    bp,
    "/system",
    "GET",
    role=AUTHENTICATED,
    summary="Version, uptime, disk, buffers and every component's health",
)
def system(user: dict[str, Any]) -> Any:
    facade = services().facade
    verdict = facade.health_status()
    info = facade.system()
    info.update(
        {
            "healthy": verdict.healthy,
            "status": verdict.status,
            "problems": verdict.reasons(),
            "components": facade.components(),
            "assets": [a.to_dict() for a in facade.assets.statuses().values()],
            "device": facade.device(),
        }
    )
    return json_response(info)


@api_route(
    bp,
    "/healthz",
    "GET",
    role=PUBLIC,
    summary="ok or degraded (200), unhealthy (503): for balena, systemd and monitoring",
    responses={503: "unhealthy: the pipeline, the storage or the model is broken"},
)
def healthz(user: None) -> Any:
    verdict = services().facade.health_status()
    body: dict[str, Any] = {"status": verdict.status}
    if optional_user() is not None:
        body["problems"] = verdict.reasons()
    return json_response(body, 200 if verdict.healthy else 503)


@api_route(
    bp,
    "/metrics",
    "GET",
    role=METRICS,
    produces="text/plain",
    summary="Prometheus metrics: component counters, model latency, queue depths",
)
def metrics(user: Any) -> Any:
    text = services().facade.metrics()
    return Response(
        text, mimetype="text/plain", content_type="text/plain; version=0.0.4; charset=utf-8"
    )


@api_route(bp, "/openapi.json", "GET", role=PUBLIC, summary="This API's OpenAPI 3 document")
def openapi(user: None) -> Any:
    from webui.openapi import build_openapi

    doc = current_app.extensions.get("aastreli_openapi")
    if doc is None:
        doc = current_app.extensions["aastreli_openapi"] = build_openapi(current_app)
    return json_response(doc)
