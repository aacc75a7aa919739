"""The JSON API's plumbing: one decorator declares a route's role, body and query models.

Every API route is declared with ``api_route``: the role it needs (or ``PUBLIC``), the
pydantic model of its JSON body and of its query string. The decorator checks the role
before anything else, parses the input (415, 400 or 422 with field errors on a bad
one) and records the route in ``ROUTES``, from which ``/openapi.json`` is written and
against which the tests check every route's role. Errors follow FastAPI's shape, which
the seed's clients know: ``{"detail": "..."}`` or ``{"detail": [{"loc", "msg", "type"}]}``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

from flask import Blueprint, request
from pydantic import BaseModel, ValidationError

from webui import fieldmessages
from webui.auth import require_role
from webui.errors import AUTHENTICATED, PUBLIC, ApiError, json_response

__all__ = ["AUTHENTICATED", "PUBLIC", "ApiError", "api_route", "json_response"]


def field_error(where: str, name: str, msg: str, kind: str = "value_error") -> ApiError:
    return ApiError(422, [{"loc": [where, name], "msg": msg, "type": kind}])


# An answer other than success, in the OpenAPI document: its description, and the model of
# its body when that is not the error shape (ErrorOut).
Answer = str | tuple[str, type[BaseModel]]


@dataclass
class RouteSpec:
    rule: str
    method: str
    endpoint: str
    role: str
    summary: str
    tag: str
    body: type[BaseModel] | None = None
    query: type[BaseModel] | None = None
    response: type[BaseModel] | None = None
    status: int = 200
    content: str = "application/json"  # of the request body
    produces: str = "application/json"
    # Other answers: a description (the error shape), or a description and the model its
    # body has (e.g. a refused write's outcome).
    responses: dict[int, Answer] = field(default_factory=dict)


ROUTES: list[RouteSpec] = []


def _errors(err: ValidationError, where: str) -> list[dict[str, Any]]:
    """FastAPI's error list, each message in plain words (webui.fieldmessages)."""
    out = []
    for e in err.errors(include_url=False, include_input=False):
        loc = [where, *fieldmessages.location(dict(e))]
        out.append({"loc": loc, "msg": fieldmessages.plain(dict(e)), "type": e["type"]})
    return out


def parse_body(model: type[BaseModel]) -> BaseModel:
    if not request.is_json:
        raise ApiError(415, "send the body as JSON (Content-Type: application/json)")
    try:
        data = json.loads(request.get_data(cache=True) or b"null")
    except (ValueError, UnicodeDecodeError):
        raise ApiError(400, "the body is not valid JSON") from None
    except RecursionError:
        # A megabyte of "[[[[..." nests deeper than the parser's stack.
        raise ApiError(400, "the body's JSON is nested too deeply") from None
    if not isinstance(data, dict):
        raise ApiError(
            422, [{"loc": ["body"], "msg": "expected a JSON object", "type": "dict_type"}]
        )
    try:
        return model.model_validate(data)
    except ValidationError as err:
        raise ApiError(422, _errors(err, "body")) from None


def parse_query(model: type[BaseModel]) -> BaseModel:
    args: dict[str, Any] = {}
    for key in request.args:
        values = request.args.getlist(key)
        args[key] = values[0] if len(values) == 1 else values
    try:
        return model.model_validate(args)
    except ValidationError as err:
        raise ApiError(422, _errors(err, "query")) from None


def api_route(
    bp: Blueprint,
    rule: str,
    method: str,
    *,
    role: str,
    summary: str,
    body: type[BaseModel] | None = None,
    query: type[BaseModel] | None = None,
    response: type[BaseModel] | None = None,
    status: int = 200,
    content: str = "application/json",
    produces: str = "application/json",
    responses: dict[int, Answer] | None = None,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Declare an API route: the view gets ``user`` (None when public), ``body``, ``query``."""

    def deco(fn: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(fn)
        def view(**kwargs: Any) -> Any:
            user = require_role(role)
            if body is not None:
                kwargs["body"] = parse_body(body)
            if query is not None:
                kwargs["query"] = parse_query(query)
            return fn(user=user, **kwargs)

        bp.add_url_rule(rule, endpoint=fn.__name__, view_func=view, methods=[method])
        ROUTES.append(
            RouteSpec(
                rule=rule,
                method=method,
                endpoint=f"{bp.name}.{fn.__name__}",
                role=role,
                summary=summary,
                tag=bp.name,
                body=body,
                query=query,
                response=response,
                status=status,
                content=content,
                produces=produces,
                responses=responses or {},
            )
        )
        return view

    return deco
