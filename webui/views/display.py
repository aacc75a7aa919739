"""Display area: admins make and revoke display links; a wall screen opens one.

See ``webui.displaylinks`` for what a display session may do and how it ends.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from gateway.facade import DisplayLink
from webui import accounts, displaylinks
from webui.api import PUBLIC, ApiError, api_route, json_response
from webui.auth import start_display_session
from webui.context import services
from webui.schemas import DisplayLinkIn, DisplaySessionIn
from webui.views.auth import client_address, with_body

bp = Blueprint("display", __name__)


def _out(link: DisplayLink) -> dict[str, Any]:
    out = displaylinks.public(link)
    out["created_at"] = accounts.iso(out["created_at"])
    out["last_seen"] = accounts.iso(out["last_seen"])
    return out


@api_route(bp, "/display-links", "GET", role="admin", summary="Every display link (no tokens)")
def list_links(user: dict[str, Any]) -> Any:
    links = services().state.display_links.all()
    return json_response({"links": [_out(link) for link in links]})


@api_route(
    bp,
    "/display-links",
    "POST",
    role="admin",
    body=DisplayLinkIn,
    status=201,
    summary="Make a display link for a wall screen; its token is in the answer only this once",
)
def create_link(user: dict[str, Any], body: DisplayLinkIn) -> Any:
    svc = services()
    link, token = svc.state.display_links.create(body.name, user["email"])
    svc.state.audit.record("display_link_created", link=link.id, name=body.name, by=user["email"])
    return json_response({**_out(link), "path": f"/ui/display#{token}", "token": token}, 201)


@api_route(
    bp,
    "/display-links/<int:link_id>",
    "DELETE",
    role="admin",
    summary="Revoke a display link: its screen is signed out at its next request",
    responses={404: "no such link"},
)
def revoke_link(user: dict[str, Any], link_id: int) -> Any:
    svc = services()
    link = svc.state.display_links.revoke(link_id)
    if link is None:
        raise ApiError(404, f"no display link {link_id}", code="not_found")
    svc.state.audit.record("display_link_revoked", link=link_id, name=link.name, by=user["email"])
    return json_response({"detail": "revoked", "id": link_id})


@api_route(
    bp,
    "/display/session",
    "POST",
    role=PUBLIC,
    body=DisplaySessionIn,
    summary="A wall screen's sign-in with its display link's token: read-only cookies",
    responses={401: "unknown or revoked link"},
)
def display_session(user: None, body: DisplaySessionIn) -> Any:
    svc = services()
    link = svc.state.display_links.by_token(body.token)
    if link is None:
        svc.tally.count("display_refused", client_address())  # anyone can: tallied
        raise ApiError(
            401, "this display link is not valid: it was revoked or mistyped", code="bad_link"
        )
    who = displaylinks.principal(svc.state, displaylinks.subject(link))
    assert who is not None
    resp = json_response({})
    start_display_session(resp, who)
    svc.state.audit.record("display_started", link=link.id, name=link.name, ip=client_address())
    return with_body(resp, {"name": link.name})
