"""Assets area: each asset's data state now (live, stale, offline, no_data) and its changes.

The states are the gateway's (gateway.read.assets, through the facade); their changes are
kept in the reading history, so they follow its retention.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from webui import accounts
from webui.api import AUTHENTICATED, ApiError, api_route, json_response
from webui.context import services
from webui.schemas import AssetStatesQuery

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
