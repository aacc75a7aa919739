"""Assets area: each asset's data state now (live, stale, offline, no_data) and its changes.

The states are the gateway's (gateway.assets, through the facade); their changes are
kept in the reading history's ``asset_states`` table, so they follow its retention.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from webui import accounts
from webui.api import AUTHENTICATED, api_route, json_response
from webui.context import history, services
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
    states = sorted(services().facade.asset_state().values(), key=lambda a: a["sensor_id"])
    for a in states:
        a["since"] = accounts.iso(a["since"])
        a["last_reading"] = accounts.iso(a["last_reading"])
    return json_response({"assets": states})


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
    rows = history().states(sensor_id=query.sensor_id, limit=query.limit, offset=query.offset)
    for r in rows:
        r["since"] = accounts.iso(r.pop("ts"))
        r["last_reading"] = accounts.iso(r["last_reading"])
    return json_response({"changes": rows, "limit": query.limit, "offset": query.offset})
