"""The web UI's error answer and role names, shared by the API plumbing and the auth checks."""

from __future__ import annotations

import json
import math
from typing import Any

from flask import Response

PUBLIC = "public"
AUTHENTICATED = "viewer"  # every signed-in role may call it


class ApiError(Exception):
    """An error answered as JSON with its HTTP status."""

    def __init__(
        self,
        status: int,
        detail: str | list[dict[str, Any]],
        *,
        headers: dict[str, str] | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(detail if isinstance(detail, str) else "validation failed")
        self.status = status
        self.detail = detail
        self.headers = headers or {}
        self.code = code

    def response(self) -> Response:
        body: dict[str, Any] = {"detail": self.detail}
        if isinstance(self.detail, list):
            body["fields"] = {
                ".".join(str(p) for p in e["loc"][1:]) or e["loc"][0]: e["msg"] for e in self.detail
            }
        if self.code:
            body["code"] = self.code
        resp = json_response(body, self.status)
        for k, v in self.headers.items():
            resp.headers[k] = v
        return resp


def _finite(obj: Any) -> Any:
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    if isinstance(obj, dict):
        return {k: _finite(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_finite(v) for v in obj]
    return obj


def json_response(data: Any, status: int = 200) -> Response:
    try:
        text = json.dumps(data, separators=(",", ":"), allow_nan=False, default=str)
    except ValueError:
        # A NaN or infinity from a device: JSON has no spelling for it, null says "no value".
        text = json.dumps(_finite(data), separators=(",", ":"), allow_nan=False, default=str)
    return Response(text, status=status, mimetype="application/json")
