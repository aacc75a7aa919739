"""Writes area: the writable points with their state, guarded writes, and the write records.

Every write goes through the gateway's write service (gateway.writes.service), which
checks role, limits, interlocks, rate and confirmation, records the attempt in the
history database, sends it through the source's own connection and reads it back. This
area only translates: a request's outcome to an HTTP status, a refusal to its code.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, request

from gateway.facade import Actor
from webui import accounts
from webui.api import AUTHENTICATED, ApiError, api_route, json_response
from webui.context import run, service, services
from webui.schemas import WritablePointsOut, WriteIn, WriteOut, WriteRecordsOut, WritesQuery

bp = Blueprint("writes", __name__)

# The HTTP status of a refused request, by its code; 200 when it was sent.
REFUSAL_STATUS = {
    "bad_request": 422,
    "too_many": 422,
    "duplicate_point": 422,
    "unknown_point": 422,
    "bad_value": 422,
    "forbidden": 403,
    "confirmation_required": 409,
    "not_live": 409,
    "interlock": 409,
    "rate_limited": 429,
    "unavailable": 503,
    "audit_failed": 503,
}
_WRITES = "writes to devices"


@api_route(
    bp,
    "/writable-points",
    "GET",
    role=AUTHENTICATED,
    response=WritablePointsOut,
    summary="Writable points and methods: current value, limits, role, confirmation, "
    "and why a write would be refused now",
    responses={503: "the gateway is not running"},
)
def writable_points(user: dict[str, Any]) -> Any:
    writes = service("writes", _WRITES)
    points = writes.describe(user.get("role"))
    for p in points:
        p["value_at"] = accounts.iso(p["value_at"])
    dry_run = services().config.writes.dry_run
    return json_response({"points": points, "dry_run": dry_run})


@api_route(
    bp,
    "/writes",
    "POST",
    role="operator",
    body=WriteIn,
    response=WriteOut,
    summary="Write one or several points (all checked before any is sent); the outcome",
    responses={
        403: ("the role is too low, or a point needs the admin role (code forbidden)", WriteOut),
        409: ("confirmation_required, not_live or interlock: nothing was sent", WriteOut),
        422: (
            "a field is invalid, or the request was refused (bad_request, too_many, "
            "duplicate_point, unknown_point, bad_value): nothing was sent",
            WriteOut,
        ),
        429: ("rate_limited: a point was written moments ago", WriteOut),
        502: ("sent, but a device failed or read back another value (results say which)", WriteOut),
        503: ("unavailable (a source is not connected) or audit_failed: nothing sent", WriteOut),
    },
)
def write(user: dict[str, Any], body: WriteIn) -> Any:
    writes = service("writes", _WRITES)
    actor = Actor(user["email"], user.get("role", ""), "web", request.remote_addr or "")
    outcome = run(
        writes.write(
            [(w.point, w.value) for w in body.writes],
            actor,
            confirm=body.confirm,
            dry_run=body.dry_run,
        ),
        timeout=services().config.writes.timeout + 30,
    )
    # A refusal keeps the error shape ({"detail", "code"}) and carries every point's reason.
    if outcome.status == "refused":
        return json_response(outcome.public(), REFUSAL_STATUS.get(outcome.code or "", 409))
    return json_response(outcome.public(), 200 if outcome.ok else 502)


@api_route(
    bp,
    "/writes",
    "GET",
    role="operator",
    query=WritesQuery,
    response=WriteRecordsOut,
    summary="The write records (every attempt, refused ones too), newest first",
    responses={503: "this gateway has no writable point"},
)
def write_records(user: dict[str, Any], query: WritesQuery) -> Any:
    records = services().facade.write_records
    if records is None:
        raise ApiError(503, "this gateway has no writable point", code="service_unavailable")
    rows = [
        {**r.to_dict(), "time": accounts.iso(r.ts)} for r in records.newest(**query.model_dump())
    ]
    return json_response({"records": rows, "limit": query.limit, "offset": query.offset})
