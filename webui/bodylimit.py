"""Request body limits enforced by waitress before a body is read.

waitress reads (and past 512 KiB spools to a temporary file) a request's whole body
before the app sees the request, and its ``max_request_body_size`` is one number for
every route (1 GiB by default). So the limit is decided where waitress parses the
request's head, per request:

- every route: ``web.max_request_kb`` (2 MiB by default);
- ``POST /model/upload`` only: ``web.max_upload_mb`` (64 MiB), and only for a request
  whose credentials an admin's would pass (bearer token, or the access cookie with its
  CSRF header; checked against the store like any request: signature, expiry, epoch,
  revocation, role). Anyone else gets the small limit there too.

A request whose ``Content-Length`` exceeds its limit is answered 413 at once, before a
byte of its body is read; a chunked body is cut off with a 413 when it passes the limit.
waitress's own ``max_request_body_size`` is set to the larger of the two, as a backstop.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask
from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser

from gateway.facade import WebConfig

log = logging.getLogger("webui.bodylimit")

UPLOAD_PATH = "/model/upload"
MULTIPART_SLACK = 64 * 1024  # form boundaries and part headers around the archive


def request_limit(web: WebConfig) -> int:
    return web.max_request_kb * 1024


def upload_limit(web: WebConfig) -> int:
    return web.max_upload_mb * 1024 * 1024 + MULTIPART_SLACK


def server_ceiling(web: WebConfig) -> int:
    """waitress's global max_request_body_size: the largest body any route may take."""
    return max(request_limit(web), upload_limit(web)) + 1


class _Adjustments:
    """waitress's adjustments with another max_request_body_size, for one request."""

    def __init__(self, adj: Any, max_body: int) -> None:
        self._adj = adj
        self.max_request_body_size = max_body

    def __getattr__(self, name: str) -> Any:
        return getattr(self._adj, name)


def _wsgi_headers(headers: dict[str, str]) -> dict[str, str]:
    return {k.replace("_", "-").title(): v for k, v in headers.items()}


def admin_credentials(app: Flask, method: str, path: str, headers: dict[str, str]) -> bool:
    """Would this request head pass ``require_role("admin")``? (Nothing of the body.)"""
    from webui.api import ApiError
    from webui.auth import require_role

    hdrs = _wsgi_headers(headers)
    secure = "__Host-" in hdrs.get("Cookie", "") or (
        hdrs.get("X-Forwarded-Proto", "").lower() == "https"
    )
    try:
        with app.test_request_context(
            path,
            method=method,
            headers=hdrs,
            environ_base={"wsgi.url_scheme": "https" if secure else "http"},
        ):
            require_role("admin")
            return True
    except ApiError:
        return False
    except Exception:  # never let a malformed head break waitress's loop
        log.debug("upload credentials check failed", exc_info=True)
        return False


def body_limit(app: Flask, web: WebConfig, method: str, path: str, headers: dict[str, str]) -> int:
    """The largest body this request may send (the head decides)."""
    if method == "POST" and path == UPLOAD_PATH and admin_credentials(app, method, path, headers):
        return upload_limit(web)
    return request_limit(web)


def install(server: Any, app: Flask, web: WebConfig) -> None:
    """Make a waitress server (from ``create_server``) apply :func:`body_limit`."""

    class LimitedParser(HTTPRequestParser):  # type: ignore[misc]
        def parse_header(self, header_plus: bytes) -> None:
            super().parse_header(header_plus)
            limit = body_limit(
                app, web, str(self.command or ""), str(self.path or ""), self.headers
            )
            # waitress refuses content_length >= max_request_body_size
            adj: Any = getattr(self, "adj")  # noqa: B009 (waitress's attribute is untyped)
            setattr(self, "adj", _Adjustments(adj, limit + 1))  # noqa: B010

    class LimitedChannel(HTTPChannel):  # type: ignore[misc]
        parser_class = LimitedParser

    servers = [server]
    if not hasattr(server, "channel_class"):  # a MultiSocketServer: one per listen address
        servers = [s for s in getattr(server, "map", {}).values() if hasattr(s, "channel_class")]
    for s in servers:
        s.channel_class = LimitedChannel
