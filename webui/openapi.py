"""The OpenAPI 3.1 document, written from the routes declared with ``api_route``.

Bodies and query strings come from the same pydantic models that parse them, so the
document cannot drift from what the server accepts; a test checks it against
``app.url_map`` both ways.
"""

from __future__ import annotations

import re
from typing import Any

from flask import Flask
from pydantic import BaseModel

from gateway.facade import __version__
from webui.api import PUBLIC, ROUTES, RouteSpec
from webui.auth import METRICS
from webui.schemas import ErrorOut

_PARAM_RE = re.compile(r"<(?:(\w+):)?(\w+)>")
REF = "#/components/schemas/{model}"


def openapi_path(rule: str) -> tuple[str, list[dict[str, Any]]]:
    params = []
    for conv, name in _PARAM_RE.findall(rule):
        schema: dict[str, Any] = (
            {"type": "integer", "minimum": 0} if conv == "int" else {"type": "string"}
        )
        params.append({"name": name, "in": "path", "required": True, "schema": schema})
    return _PARAM_RE.sub(lambda m: "{" + m.group(2) + "}", rule), params


class _Schemas:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def ref(self, model: type[BaseModel]) -> dict[str, Any]:
        name = model.__name__
        if name not in self.defs:
            schema = model.model_json_schema(ref_template=REF)
            for sub, sub_schema in schema.pop("$defs", {}).items():
                self.defs.setdefault(sub, sub_schema)
            self.defs[name] = schema
        return {"$ref": REF.format(model=name)}

    def inline(self, model: type[BaseModel]) -> dict[str, Any]:
        schema = model.model_json_schema(ref_template=REF)
        for sub, sub_schema in schema.pop("$defs", {}).items():
            self.defs.setdefault(sub, sub_schema)
        return schema


def _query_params(model: type[BaseModel], schemas: _Schemas) -> list[dict[str, Any]]:
    schema = schemas.inline(model)
    required = set(schema.get("required", []))
    out = []
    for name, prop in schema.get("properties", {}).items():
        prop = dict(prop)
        description = prop.pop("description", None)
        prop.pop("title", None)
        param = {"name": name, "in": "query", "required": name in required, "schema": prop}
        if description:
            param["description"] = description
        out.append(param)
    return out


def _error(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": REF.format(model="ErrorOut")}}},
    }


def _operation(
    spec: RouteSpec, schemas: _Schemas, path_params: list[dict[str, Any]]
) -> dict[str, Any]:
    op: dict[str, Any] = {
        "operationId": spec.endpoint.replace(".", "_"),
        "summary": spec.summary,
        "tags": [spec.tag],
        "x-role": spec.role,
    }
    params = list(path_params)
    if spec.query is not None:
        params += _query_params(spec.query, schemas)
    if params:
        op["parameters"] = params
    if spec.body is not None:
        op["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": schemas.ref(spec.body)}},
        }
    elif spec.content == "multipart/form-data":
        op["requestBody"] = {
            "required": True,
            "content": {
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "required": ["package"],
                        "properties": {"package": {"type": "string", "format": "binary"}},
                    }
                }
            },
        }
    ok: dict[str, Any] = {"description": "success"}
    if spec.produces == "text/plain":
        ok["content"] = {"text/plain": {"schema": {"type": "string"}}}
    elif spec.response is not None:
        ok["content"] = {"application/json": {"schema": schemas.ref(spec.response)}}
    else:
        ok["content"] = {"application/json": {"schema": {"type": "object"}}}
    responses: dict[str, Any] = {str(spec.status): ok}
    if spec.role != PUBLIC:
        responses["401"] = _error("not signed in, or the token expired or was revoked")
        responses["403"] = _error("the role is too low, or the CSRF header is missing")
        op["security"] = [{"bearerAuth": []}, {"cookieAuth": []}]
        if spec.role == METRICS:
            op["security"].append({})  # web.metrics_public may open it
    if spec.body is not None or spec.query is not None:
        responses["422"] = _error("a field is invalid: see detail and fields")
    if spec.body is not None:
        responses["400"] = _error("the body is not JSON")
        responses["415"] = _error("the body is not application/json")
    for status, answer in spec.responses.items():
        if isinstance(answer, str):
            responses[str(status)] = _error(answer)
            continue
        text, model = answer
        schema = schemas.ref(model)
        if str(status) in responses:  # the error shape too (a role too low, a field invalid)
            schema = {"anyOf": [{"$ref": REF.format(model="ErrorOut")}, schema]}
        responses[str(status)] = {
            "description": text,
            "content": {"application/json": {"schema": schema}},
        }
    op["responses"] = responses
    return op


def build_openapi(app: Flask) -> dict[str, Any]:
    schemas = _Schemas()
    schemas.ref(ErrorOut)
    paths: dict[str, dict[str, Any]] = {}
    for spec in ROUTES:
        if spec.endpoint not in app.view_functions:
            continue
        path, path_params = openapi_path(spec.rule)
        paths.setdefault(path, {})[spec.method.lower()] = _operation(spec, schemas, path_params)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Aastreli gateway API",
            "version": __version__,
            "description": (
                "The seed's JSON API (register, login, me, settings, test-notification, "
                "dashboard, sensor-readings, feedback) and the device's own (users, alerts, "
                "model, sources, system). Scripts send 'Authorization: Bearer <token>' from "
                "POST /login; browsers use the cookies of POST /session and repeat the CSRF "
                "cookie in X-CSRF-TOKEN. x-role names the least role a route needs."
            ),
        },
        "paths": dict(sorted(paths.items())),
        "components": {
            "schemas": dict(sorted(schemas.defs.items())),
            "securitySchemes": {
                "bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
                "cookieAuth": {"type": "apiKey", "in": "cookie", "name": "aastreli_access"},
            },
        },
    }
